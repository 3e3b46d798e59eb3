//! Deterministic signals (SIGNALS.md 6): `--inject SIG@N` delivers a
//! signal exactly when the instruction count reaches N, through the same
//! path as a real one. These tests send no real signal: every run is a
//! child of this test with a timeout, and outcomes are asserted, never
//! elapsed time.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Output, Status};

const TIMEOUT: Duration = Duration::from_secs(20);

fn script(tag: &str, source: &str) -> (PathBuf, PathBuf) {
    let dir = common::scratch_dir(tag);
    let path = dir.join("script.py");
    std::fs::write(&path, source).expect("write script");
    (dir, path)
}

fn sigpy(dir: &Path, args: &[&str]) -> Output {
    let out = common::run_sigpy(args, dir, None, TIMEOUT);
    assert!(!out.panicked(), "sigpy panicked:\n{}", out.describe());
    out
}

/// The `icount: N` line `--icount` prints.
fn icount_of(out: &Output) -> u64 {
    out.stderr
        .lines()
        .find_map(|l| l.strip_prefix("icount: "))
        .unwrap_or_else(|| panic!("no icount line:\n{}", out.describe()))
        .trim()
        .parse()
        .expect("icount number")
}

const COUNTER: &str = "\
import signal
count = 0
def h(signum, frame):
    print('handler', signum, 'count', count)
signal.signal(signal.SIGUSR1, h)
signal.signal(signal.SIGUSR2, h)
signal.signal(signal.SIGRTMIN, h)
for i in range(3000):
    count += 1
print('done', count)
";

#[test]
fn same_output_over_twenty_runs() {
    let (dir, path) = script("inject-twenty", COUNTER);
    let p = path.to_str().unwrap();
    let args = [
        "--inject",
        "SIGUSR1@500,SIGUSR2@1200",
        "--inject",
        "10@3000,RTMIN@7000",
        p,
    ];
    let first = sigpy(&dir, &args);
    assert_eq!(first.status, Status::Code(0), "{}", first.describe());
    let lines: Vec<&str> = first.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", first.describe());
    assert!(
        lines[0].starts_with("handler 10 count "),
        "{}",
        first.stdout
    );
    assert!(
        lines[1].starts_with("handler 12 count "),
        "{}",
        first.stdout
    );
    assert!(
        lines[2].starts_with("handler 10 count "),
        "{}",
        first.stdout
    );
    assert!(
        lines[3].starts_with("handler 34 count "),
        "{}",
        first.stdout
    );
    assert_eq!(lines[4], "done 3000");
    for _ in 0..19 {
        let again = sigpy(&dir, &args);
        assert_eq!(again.status, first.status);
        assert_eq!(again.stdout, first.stdout, "output differs between runs");
    }
}

#[test]
fn names_numbers_and_sigless_names_are_one_signal() {
    let (dir, path) = script("inject-forms", COUNTER);
    let p = path.to_str().unwrap();
    let want = sigpy(&dir, &["--inject", "SIGUSR1@777", p]);
    assert!(
        want.stdout.starts_with("handler 10 count "),
        "{}",
        want.describe()
    );
    for spec in [
        "USR1@777",
        "usr1@777",
        "SigUsr1@777",
        "10@777",
        " USR1 @ 777 ",
    ] {
        let out = sigpy(&dir, &["--inject", spec, p]);
        assert_eq!(out.stdout, want.stdout, "--inject {:?}", spec);
    }
}

/// The handler runs when icount == N: instruction N has run, instruction
/// N + 1 has been counted but not run. A handler that calls `sys.exit` at
/// once runs 4 instructions (`sys`, `.exit`, `3`, the call), so the count
/// at exit is N + 1 + 4 whatever N is.
#[test]
fn handler_runs_at_the_stated_icount() {
    let src = "\
import signal, sys
def h(signum, frame):
    sys.exit(3)
signal.signal(signal.SIGTERM, h)
x = 0
for i in range(100):
    x += i
";
    let (dir, path) = script("inject-icount", src);
    let p = path.to_str().unwrap();
    for n in [30u64, 31, 32, 33, 97, 250, 600] {
        let spec = format!("TERM@{}", n);
        let out = sigpy(&dir, &["--icount", "--inject", &spec, p]);
        assert_eq!(out.status, Status::Code(3), "{}", out.describe());
        assert_eq!(icount_of(&out), n + 5, "--inject {}", spec);
        // Whatever the tick: it only decides how often the signalfd is read.
        for tick in ["1", "7"] {
            let out = sigpy(&dir, &["--tick", tick, "--icount", "--inject", &spec, p]);
            assert_eq!(icount_of(&out), n + 5, "--tick {} --inject {}", tick, spec);
        }
    }
    // Past the end of the program: never delivered.
    let plain = sigpy(&dir, &["--icount", p]);
    let end = icount_of(&plain);
    let spec = format!("TERM@{}", end + 10);
    let out = sigpy(&dir, &["--icount", "--inject", &spec, p]);
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    assert_eq!(icount_of(&out), end);
}

#[test]
fn standard_signals_coalesce_real_time_ones_queue() {
    let (dir, path) = script("inject-coalesce", COUNTER);
    let p = path.to_str().unwrap();
    let out = sigpy(&dir, &["--inject", "USR1@400,USR1@400,USR2@400", p]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    // Once each, lowest number first.
    assert_eq!(lines.len(), 3, "{}", out.describe());
    assert!(lines[0].starts_with("handler 10 "));
    assert!(lines[1].starts_with("handler 12 "));
    let out = sigpy(&dir, &["--inject", "RTMIN@400,RTMIN@400", p]);
    assert_eq!(out.stdout.lines().count(), 3, "{}", out.describe());
}

/// A signal due while the program sleeps wakes the sleep at once: icount
/// stands still while it blocks, and the injection at the sleep call's
/// own count is delivered inside it.
#[test]
fn injection_wakes_a_sleep() {
    let src = "\
import signal, sys, time
def h(signum, frame):
    print('handler', signum)
    raise KeyboardInterrupt
signal.signal(signal.SIGUSR1, h)
print('sleeping')
try:
    time.sleep(float(sys.argv[1]))
except KeyboardInterrupt:
    print('woken')
";
    let (dir, path) = script("inject-sleep", src);
    let p = path.to_str().unwrap();
    // Without the sleep: the call is the 4th instruction from the end
    // (then PopTop, LoadConst None, ReturnValue... as `--dis` shows).
    let plain = sigpy(&dir, &["--icount", p, "0"]);
    assert_eq!(plain.stdout, "sleeping\n");
    let call = icount_of(&plain) - 4;
    let spec = format!("USR1@{}", call);
    let out = sigpy(&dir, &["--inject", &spec, p, "30"]);
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    assert_eq!(out.stdout, "sleeping\nhandler 10\nwoken\n");
}

#[test]
fn default_term_ends_the_process_after_finally() {
    let src = "\
total = 0
try:
    for i in range(1000):
        total += i
finally:
    print('cleanup')
print('not reached')
";
    let (dir, path) = script("inject-default", src);
    let p = path.to_str().unwrap();
    let out = sigpy(&dir, &["--inject", "TERM@300", p]);
    assert_eq!(out.status, Status::Signal(15), "{}", out.describe());
    assert_eq!(out.stdout, "cleanup\n");
}

#[test]
fn injection_inside_finally_waits_for_its_end() {
    let src = "\
import signal
step = 0
def h(signum, frame):
    print('handler', step)
signal.signal(signal.SIGUSR1, h)
try:
    pass
finally:
    for i in range(100):
        step += 1
    print('finally done', step)
print('after')
";
    let (dir, path) = script("inject-finally", src);
    let p = path.to_str().unwrap();
    let plain = sigpy(&dir, &["--icount", p]);
    let end = icount_of(&plain);
    // The loop of 100 steps is most of the program: its middle.
    let spec = format!("USR1@{}", end / 2);
    let out = sigpy(&dir, &["--inject", &spec, p]);
    assert_eq!(
        out.stdout,
        "finally done 100\nhandler 100\nafter\n",
        "{}",
        out.describe()
    );
    // The same point without `finally` lands in the middle of the loop.
    let unprotected = src.replace("try:\n    pass\nfinally:", "if True:");
    let (dir2, path2) = script("inject-nofinally", &unprotected);
    let out = sigpy(&dir2, &["--inject", &spec, path2.to_str().unwrap()]);
    let first = out.stdout.lines().next().unwrap_or("");
    let step: u32 = first
        .strip_prefix("handler ")
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{}", out.describe()));
    assert!((1..100).contains(&step), "{}", out.describe());
}

#[test]
fn bad_specs_are_usage_errors() {
    let (dir, path) = script("inject-bad", "print('ran')\n");
    let p = path.to_str().unwrap();
    let cases = [
        ("SIGTERM", "'SIGTERM' lacks '@N'"),
        ("FOO@10", "unknown signal 'FOO'"),
        ("SIGKILL@10", "SIGKILL cannot be injected"),
        ("9@10", "SIGKILL cannot be injected"),
        ("STOP@10", "SIGSTOP cannot be injected"),
        ("SIGSEGV@10", "SIGSEGV cannot be injected"),
        ("TERM@-1", "bad instruction count '-1'"),
        ("TERM@ten", "bad instruction count 'ten'"),
        ("TERM@", "bad instruction count ''"),
        ("99@1", "unknown signal number '99'"),
        ("USR1@5,", "'' lacks '@N'"),
    ];
    for (spec, msg) in cases {
        let out = sigpy(&dir, &["--inject", spec, p]);
        assert_eq!(out.status, Status::Code(2), "{}: {}", spec, out.describe());
        assert_eq!(out.stdout, "", "{}: the program ran", spec);
        let first = out.stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with("sigpy: --inject: ") && first.contains(msg),
            "{}: {}",
            spec,
            out.stderr
        );
        assert!(out.stderr.contains("usage: sigpy"), "{}", out.stderr);
    }
    let out = sigpy(&dir, &[p, "--inject"]);
    assert_eq!(out.stdout, "ran\n", "options after the script are its own");
    let out = sigpy(&dir, &["--inject"]);
    assert_eq!(out.status, Status::Code(2));
}

// === --record-signals / --replay-signals ===

/// A sigpy child in its own process group, its stdout read line by line;
/// killed (by group) and reaped on drop.
struct Live {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
    out: String,
}

impl Live {
    fn start(dir: &Path, args: &[&str]) -> Live {
        use std::io::BufRead;
        use std::os::unix::process::CommandExt;
        let mut child = std::process::Command::new(common::sigpy_bin())
            .args(args)
            .current_dir(dir)
            .process_group(0)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn sigpy");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Live {
            child,
            lines,
            out: String::new(),
        }
    }

    /// Reads lines until `want` (kept in the output).
    fn wait_for(&mut self, want: &str) {
        let deadline = std::time::Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let line = self
                .lines
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no {:?} line; got {:?}", want, self.out));
            self.out.push_str(&line);
            self.out.push('\n');
            if line == want {
                return;
            }
        }
    }

    fn signal(&self, sig: nix::sys::signal::Signal) {
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        nix::sys::signal::kill(pid, sig).expect("kill child");
    }

    /// Waits for the exit (killing the group past the timeout) and returns
    /// the status and the whole stdout.
    fn finish(mut self) -> (Status, String) {
        use std::os::unix::process::ExitStatusExt;
        let deadline = std::time::Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                break match (s.code(), s.signal()) {
                    (Some(c), _) => Status::Code(c),
                    (_, Some(n)) => Status::Signal(n),
                    _ => Status::Signal(0),
                };
            }
            if std::time::Instant::now() >= deadline {
                break Status::TimedOut;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(5)) {
            self.out.push_str(&line);
            self.out.push('\n');
        }
        (status, std::mem::take(&mut self.out))
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        let _ = nix::sys::signal::killpg(pid, nix::sys::signal::Signal::SIGKILL);
        let _ = self.child.wait();
    }
}

const BURST: &str = "\
import signal, sys, time
count = 0
def h(signum, frame):
    global count
    count += 1
    print('dispatch', count, 'at', n)
def term(signum, frame):
    print('term after', count, 'dispatches')
    sys.exit(0)
signal.signal(signal.SIGUSR1, h)
signal.signal(signal.SIGTERM, term)
n = 0
print('ready', flush=True)
while True:
    n += 1
    if n % 20000 == 0:
        time.sleep(0.001)
";

/// Records a run that receives a burst of real SIGUSR1 then SIGTERM.
fn recorded_burst(dir: &Path, script: &str, log: &str) -> String {
    use nix::sys::signal::Signal;
    let mut live = Live::start(dir, &["--record-signals", log, script]);
    live.wait_for("ready");
    for _ in 0..40 {
        live.signal(Signal::SIGUSR1);
        std::thread::sleep(Duration::from_millis(2));
    }
    live.signal(Signal::SIGTERM);
    let (status, out) = live.finish();
    assert_eq!(status, Status::Code(0), "{}", out);
    assert!(out.contains("\ndispatch 1 at "), "{}", out);
    assert!(out.ends_with("dispatches\n"), "{}", out);
    out
}

#[test]
fn replay_reproduces_a_run_under_real_signals() {
    let (dir, path) = script("replay-burst", BURST);
    let p = path.to_str().unwrap();
    let log = dir.join("run.log");
    let log = log.to_str().unwrap();
    let recorded = recorded_burst(&dir, p, log);
    let text = std::fs::read_to_string(log).expect("read log");
    let mut lines = text.lines();
    let header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(header["sigpy_signal_log"], 1);
    assert_eq!(header["script"], p);
    assert_eq!(header["argv"][0], p);
    assert_eq!(header["sha256"].as_str().unwrap().len(), 64);
    let entries: Vec<serde_json::Value> = lines.map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(entries.len() >= 2, "{}", text);
    for e in &entries {
        let site = e["site"].as_str().unwrap();
        assert!(site == "tick" || site == "wait:time.sleep", "{}", site);
        assert_eq!(e["code"], 0, "kill() sends SI_USER");
        assert_eq!(e["file"], p);
        assert_eq!(e["func"], "<module>");
    }
    assert_eq!(entries.last().unwrap()["signame"], "SIGTERM");
    for i in 0..10 {
        // Real signals during a replay are dropped.
        let mut live = Live::start(&dir, &["--replay-signals", log, p]);
        live.wait_for("ready");
        if i % 3 == 0 {
            live.signal(nix::sys::signal::Signal::SIGUSR1);
            live.signal(nix::sys::signal::Signal::SIGUSR2);
        }
        let (status, out) = live.finish();
        assert_eq!(status, Status::Code(0), "{}", out);
        assert_eq!(out, recorded, "replay {} differs from the recorded run", i);
    }
    // Recording a replay gives the same log (but for the pid/uid fields,
    // which are the recorded ones too).
    let again = dir.join("again.log");
    let out = sigpy(
        &dir,
        &[
            "--replay-signals",
            log,
            "--record-signals",
            again.to_str().unwrap(),
            p,
        ],
    );
    assert_eq!(out.stdout, recorded);
    assert_eq!(std::fs::read_to_string(&again).unwrap(), text);
}

#[test]
fn injected_signals_are_recorded_with_their_site() {
    let src = "\
import signal, sys, time
def h(signum, frame):
    print('handler', signum)
    raise KeyboardInterrupt
signal.signal(signal.SIGUSR1, h)
signal.signal(signal.SIGUSR2, lambda s, f: print('usr2'))
print('sleeping')
try:
    time.sleep(float(sys.argv[1]))
except KeyboardInterrupt:
    print('woken')
";
    let (dir, path) = script("record-inject", src);
    let p = path.to_str().unwrap();
    // A USR2 at a tick shortly before the sleep (its handler's
    // instructions count too), then USR1 at the sleep call, whose count
    // comes from the same run without the sleep.
    let plain = sigpy(&dir, &["--icount", p, "0"]);
    let early = icount_of(&plain) - 8;
    let usr2 = format!("USR2@{}", early);
    let with_usr2 = sigpy(&dir, &["--icount", "--inject", &usr2, p, "0"]);
    let call = icount_of(&with_usr2) - 4;
    let spec = format!("{},USR1@{}", usr2, call);
    let log = dir.join("inj.log");
    let log = log.to_str().unwrap();
    let out = sigpy(&dir, &["--inject", &spec, "--record-signals", log, p, "30"]);
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    assert!(out.stdout.contains("usr2\n"), "{}", out.describe());
    assert!(
        out.stdout.ends_with("handler 10\nwoken\n"),
        "{}",
        out.describe()
    );
    let text = std::fs::read_to_string(log).unwrap();
    let entries: Vec<serde_json::Value> = text
        .lines()
        .skip(1)
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(entries.len(), 2, "{}", text);
    assert_eq!(entries[0]["site"], "tick");
    assert_eq!(entries[0]["icount"], early);
    assert_eq!(entries[0]["signame"], "SIGUSR2");
    assert_eq!(entries[0]["code"], -6, "SI_TKILL");
    // The signal due at the sleep call arrived inside it.
    assert_eq!(entries[1]["site"], "wait:time.sleep");
    assert_eq!(entries[1]["icount"], call);
    assert_eq!(entries[1]["line"], 9);
    let replayed = sigpy(&dir, &["--replay-signals", log, p, "30"]);
    assert_eq!(replayed.stdout, out.stdout);
    // --inject with --replay-signals is refused.
    let both = sigpy(
        &dir,
        &["--inject", "USR1@5", "--replay-signals", log, p, "0"],
    );
    assert_eq!(both.status, Status::Code(2));
    assert!(
        both.stderr.contains("cannot be combined"),
        "{}",
        both.stderr
    );
}

#[test]
fn bad_logs_are_refused() {
    let (dir, path) = script("replay-bad", "print('ran')\n");
    let p = path.to_str().unwrap();
    let (other_dir, other) = script("replay-other", "print('other')\n");
    let good = other_dir.join("good.log");
    let good = good.to_str().unwrap();
    let out = sigpy(
        &other_dir,
        &[
            "--inject",
            "USR1@1",
            "--record-signals",
            good,
            other.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status, Status::Signal(10));
    let text = std::fs::read_to_string(good).unwrap();
    let entry = text.lines().nth(1).unwrap().to_string();
    let header = text.lines().next().unwrap().to_string();
    let sha = |s: &str| {
        use sha2::Digest;
        sha2::Sha256::digest(s.as_bytes())
            .iter()
            .map(|b| format!("{:02x}", b))
            .collect::<String>()
    };
    let mine = header.replace(&sha("print('other')\n"), &sha("print('ran')\n"));
    let cases: Vec<(String, &str)> = vec![
        (text.clone(), "line 1: recorded for another script"),
        (
            format!("{}\n{}\nnot json\n", mine, entry),
            "line 3: not a JSON object",
        ),
        (
            format!("{}\n{{\"site\": \"tick\", \"signo\": 10}}\n", mine),
            "line 2: no 'icount'",
        ),
        (
            format!("{}\n{}\n", mine.replace(": 1,", ": 7,"), entry),
            "line 1: log version 7",
        ),
        (format!("{}\n", entry), "line 1: not a sigpy signal log"),
        (
            format!("{}\n{}\n", mine, entry.replace("\"tick\"", "\"elsewhere\"")),
            "line 2: unknown site 'elsewhere'",
        ),
        (
            format!(
                "{}\n{}\n",
                mine,
                entry.replace("\"signo\": 10", "\"signo\": 99")
            ),
            "line 2: no valid 'signo'",
        ),
        (String::new(), "line 1: empty file"),
    ];
    for (i, (content, msg)) in cases.iter().enumerate() {
        let log = dir.join(format!("bad{}.log", i));
        std::fs::write(&log, content).unwrap();
        let log = log.to_str().unwrap();
        let out = sigpy(&dir, &["--replay-signals", log, p]);
        assert_eq!(out.status, Status::Code(2), "{}: {}", msg, out.describe());
        assert_eq!(out.stdout, "", "{}: the program ran", msg);
        let first = out.stderr.lines().next().unwrap_or("");
        assert!(
            first.contains(log) && first.contains(msg),
            "want {:?}, got {:?}",
            msg,
            first
        );
    }
    // The log that matches replays.
    let fixed = dir.join("fixed.log");
    std::fs::write(&fixed, format!("{}\n{}\n", mine, entry)).unwrap();
    let out = sigpy(&dir, &["--replay-signals", fixed.to_str().unwrap(), p]);
    assert_eq!(out.status, Status::Signal(10), "{}", out.describe());
    let out = sigpy(&dir, &["--replay-signals", "/nonexistent/x.log", p]);
    assert_eq!(out.status, Status::Code(2));
    assert!(
        out.stderr.contains("cannot open /nonexistent/x.log"),
        "{}",
        out.stderr
    );
}

/// A long builtin charges the count as it works: a signal due in the
/// middle of a sort arrives at the sort's next charge point, inside it.
#[test]
fn long_builtins_receive_it_at_a_charge_point() {
    let src = "\
import signal
def h(signum, frame):
    print('handler at line', frame.f_lineno)
    raise KeyboardInterrupt
signal.signal(signal.SIGUSR1, h)
xs = [(i * 7919) % 100003 for i in range(20000)]
try:
    xs.sort()
    print('sorted')
except KeyboardInterrupt:
    print('interrupted in sort')
";
    let (dir, path) = script("inject-sort", src);
    let p = path.to_str().unwrap();
    let full = icount_of(&sigpy(&dir, &["--icount", p]));
    let (dir2, path2) = script("inject-nosort", &src.replace("xs.sort()", "pass"));
    let before = icount_of(&sigpy(&dir2, &["--icount", path2.to_str().unwrap()]));
    assert!(full > before + 20000, "the sort charges for its work");
    let log = dir.join("sort.log");
    let log = log.to_str().unwrap();
    let spec = format!("USR1@{}", (before + full) / 2);
    let out = sigpy(&dir, &["--inject", &spec, "--record-signals", log, p]);
    assert_eq!(
        out.stdout,
        "handler at line 8\ninterrupted in sort\n",
        "{}",
        out.describe()
    );
    let text = std::fs::read_to_string(log).unwrap();
    let entry: serde_json::Value = serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
    assert_eq!(entry["site"], "tick");
    assert_eq!(entry["line"], 8);
    let at = entry["icount"].as_u64().unwrap();
    assert!(at >= (before + full) / 2 && at < full, "{}", text);
    let replayed = sigpy(&dir, &["--replay-signals", log, p]);
    assert_eq!(replayed.stdout, out.stdout);
}

/// Escalation as under real signals: a second terminating signal during
/// the cleanup that the first one's `SignalExit` started kills at once.
#[test]
fn a_second_term_during_cleanup_kills_at_once() {
    let src = "\
try:
    for i in range(1000):
        pass
finally:
    print('cleanup start', flush=True)
    for i in range(1000):
        pass
    print('cleanup end')
";
    let (dir, path) = script("inject-escalate", src);
    let p = path.to_str().unwrap();
    let once = sigpy(&dir, &["--inject", "TERM@300", p]);
    assert_eq!(once.status, Status::Signal(15), "{}", once.describe());
    assert_eq!(once.stdout, "cleanup start\ncleanup end\n");
    let twice = sigpy(&dir, &["--inject", "TERM@300,TERM@2000", p]);
    assert_eq!(twice.status, Status::Signal(15), "{}", twice.describe());
    assert_eq!(twice.stdout, "cleanup start\n");
    let int = sigpy(&dir, &["--inject", "INT@300", p]);
    assert_eq!(int.status, Status::Signal(2), "{}", int.describe());
    assert_eq!(common::last_line(&int.stderr), "KeyboardInterrupt");
}

/// Planned signals and the log belong to the process started with them:
/// the child of `os.fork()` receives none and logs nothing.
#[test]
fn a_forked_child_inherits_no_plan_and_no_log() {
    let src = "\
import os, signal
def h(signum, frame):
    print('handler in', 'child' if os.getpid() != parent else 'parent', flush=True)
parent = os.getpid()
signal.signal(signal.SIGUSR1, h)
pid = os.fork()
if pid == 0:
    x = 0
    for i in range(3000):
        x += i
    print('child done', flush=True)
    os._exit(0)
x = 0
for i in range(3000):
    x += i
os.waitpid(pid, 0)
print('parent done')
";
    let (dir, path) = script("inject-fork", src);
    let p = path.to_str().unwrap();
    let log = dir.join("fork.log");
    let log = log.to_str().unwrap();
    let out = sigpy(&dir, &["--inject", "USR1@9000", "--record-signals", log, p]);
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    let mut lines: Vec<&str> = out.stdout.lines().collect();
    lines.sort();
    assert_eq!(lines, ["child done", "handler in parent", "parent done"]);
    let text = std::fs::read_to_string(log).unwrap();
    assert_eq!(text.lines().count(), 2, "{}", text);
}
