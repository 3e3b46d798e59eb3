//! The standard streams with real pipes and signals: `input()` and
//! `sys.stdin` fed slowly while a SIGUSR1 handler runs (or raises), a
//! handler printing while the main code is blocked writing to a full
//! stdout pipe (reentrancy), and `sigpy script.py | head -1`.
//!
//! Every child runs in a process group of its own and is killed (by
//! group) and reaped when its test ends; every wait has a deadline.
//! Signals go only to children this test started. Tests assert outcomes,
//! never elapsed time.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A running child (sigpy or python3) in its own process group.
struct Proc {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Option<BufReader<ChildStdout>>,
    stderr: Option<thread::JoinHandle<String>>,
}

impl Proc {
    fn start(program: &str, tag: &str, source: &str) -> Proc {
        let dir = common::scratch_dir(tag);
        let script = dir.join("script.py");
        std::fs::write(&script, source).expect("write script");
        let mut cmd = if program == "sigpy" {
            Command::new(common::sigpy_bin())
        } else {
            let mut c = Command::new(program);
            // CPython's own buffering, whatever the environment says.
            c.env_remove("PYTHONUNBUFFERED");
            c
        };
        cmd.arg(&script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let mut child = cmd.spawn().expect("spawn");
        let mut err = child.stderr.take().expect("stderr");
        let stderr = thread::spawn(move || {
            let mut s = String::new();
            let _ = err.read_to_string(&mut s);
            s
        });
        Proc {
            stdin: child.stdin.take(),
            stdout: child.stdout.take().map(BufReader::new),
            child,
            stderr: Some(stderr),
        }
    }

    fn signal(&self, sig: nix::sys::signal::Signal) {
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        nix::sys::signal::kill(pid, sig).expect("signal the child");
    }

    fn usr1(&self) {
        self.signal(nix::sys::signal::Signal::SIGUSR1);
    }

    /// Reads one stdout line (without its newline); the reading is bounded
    /// by the watchdog that kills the group at the deadline.
    fn line(&mut self) -> String {
        let mut s = String::new();
        self.stdout
            .as_mut()
            .expect("stdout open")
            .read_line(&mut s)
            .expect("read a line");
        s.trim_end_matches('\n').to_string()
    }

    fn send(&mut self, text: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(text.as_bytes()).expect("write to child");
        stdin.flush().expect("flush");
    }

    /// The rest of stdout, then the exit status (code, or 128+signal) and
    /// stderr.
    fn finish(&mut self) -> (String, i32, String) {
        self.stdin = None;
        let mut rest = String::new();
        if let Some(mut out) = self.stdout.take() {
            let _ = out.read_to_string(&mut rest);
        }
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                break s.code().unwrap_or_else(|| 128 + s.signal().unwrap_or(0));
            }
            if Instant::now() >= deadline {
                self.kill_group();
                let _ = self.child.wait();
                break -1;
            }
            thread::sleep(Duration::from_millis(5));
        };
        let err = self
            .stderr
            .take()
            .map(|h| h.join().unwrap_or_default())
            .unwrap_or_default();
        (rest, status, err)
    }

    fn kill_group(&self) {
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(self.child.id() as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill_group();
        let _ = self.child.wait();
    }
}

/// Kills the group of `pid` if the test is still running at the deadline
/// (a blocked read in the test then ends with EOF).
fn watchdog(pid: u32) -> std::sync::mpsc::Sender<()> {
    let (tx, rx): (_, Receiver<()>) = channel();
    thread::spawn(move || {
        if rx.recv_timeout(TIMEOUT).is_err() {
            let _ = nix::sys::signal::killpg(
                nix::unistd::Pid::from_raw(pid as i32),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
    });
    tx
}

/// Waits until process `pid` has been asleep (state S: blocked) at three
/// checks in a row, or the deadline passed.
fn wait_until_asleep(pid: u32) {
    let deadline = Instant::now() + TIMEOUT;
    let mut asleep = 0;
    while asleep < 3 && Instant::now() < deadline {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .chars()
            .next();
        asleep = if state == Some('S') { asleep + 1 } else { 0 };
        thread::sleep(Duration::from_millis(20));
    }
}

fn last_line(text: &str) -> &str {
    text.trim_end().lines().last().unwrap_or("")
}

#[test]
fn input_waits_on_a_slow_pipe_while_a_handler_prints() {
    let mut p = Proc::start(
        "sigpy",
        "stdio-input",
        r#"import signal, sys
def handler(signum, frame):
    print("handler ran", flush=True)
signal.signal(signal.SIGUSR1, handler)
print("ready", flush=True)
print("got", repr(input()))
print("got", repr(input("prompt> ")))
for line in sys.stdin:
    print("iter", repr(line), flush=True)
try:
    input()
except EOFError as e:
    print("EOFError:", e)
"#,
    );
    let dog = watchdog(p.child.id());
    assert_eq!(p.line(), "ready");
    // input() is (or soon is) blocked on the empty pipe: the handler runs
    // there and its output comes out at once.
    p.usr1();
    assert_eq!(p.line(), "handler ran");
    p.send("hel");
    p.usr1();
    assert_eq!(p.line(), "handler ran");
    p.send("lo\nsecond\n");
    assert_eq!(p.line(), "got 'hello'");
    p.send("a\nb");
    assert_eq!(p.line(), "prompt> got 'second'");
    assert_eq!(p.line(), "iter 'a\\n'");
    p.usr1();
    assert_eq!(p.line(), "handler ran");
    p.send("\n");
    assert_eq!(p.line(), "iter 'b\\n'");
    let (rest, status, err) = p.finish();
    let _ = dog.send(());
    assert_eq!(rest, "EOFError: EOF when reading a line\n", "stderr: {err}");
    assert_eq!(status, 0, "stderr: {err}");
}

#[test]
fn a_raising_handler_aborts_input_and_keeps_what_was_read() {
    let mut p = Proc::start(
        "sigpy",
        "stdio-raise",
        r#"import signal, sys
def handler(signum, frame):
    raise KeyError("from the handler")
signal.signal(signal.SIGUSR1, handler)
# The signal may come at any point inside each try (the print or the read).
try:
    print("ready", flush=True)
    input()
    print("not aborted")
except KeyError as e:
    print("aborted:", e, flush=True)
print("then", repr(input()), flush=True)
try:
    print("reading", flush=True)
    sys.stdin.readline()
except KeyError as e:
    print("readline aborted:", e, flush=True)
print("then", repr(sys.stdin.read()))
"#,
    );
    let dog = watchdog(p.child.id());
    assert_eq!(p.line(), "ready");
    p.send("partial");
    p.usr1();
    assert_eq!(p.line(), "aborted: 'from the handler'");
    p.send(" line\n");
    assert_eq!(p.line(), "then 'partial line'");
    assert_eq!(p.line(), "reading");
    p.usr1();
    assert_eq!(p.line(), "readline aborted: 'from the handler'");
    p.send("x\ny");
    let (rest, status, err) = p.finish();
    let _ = dog.send(());
    assert_eq!(rest, "then 'x\\ny'\n", "stderr: {err}");
    assert_eq!(status, 0, "stderr: {err}");
}

#[test]
fn a_handler_prints_while_the_main_code_is_blocked_on_a_full_stdout_pipe() {
    const LINES: usize = 6000;
    let mut p = Proc::start(
        "sigpy",
        "stdio-reentrant",
        &format!(
            r#"import signal, sys
count = 0
def handler(signum, frame):
    global count
    count += 1
    print("handler line %d %s" % (count, "h" * 70))
    sys.stdout.write("handler write %d\n" % count)
signal.signal(signal.SIGUSR1, handler)
print("ready", flush=True)
for i in range({LINES}):
    print("main line %d %s" % (i, "m" * 60))
print("handlers", count)
"#
        ),
    );
    let dog = watchdog(p.child.id());
    assert_eq!(p.line(), "ready");
    // The main code fills the pipe (64 KiB) and blocks writing; each
    // signal's handler prints to the same stream meanwhile.
    for _ in 0..6 {
        wait_until_asleep(p.child.id());
        p.usr1();
    }
    wait_until_asleep(p.child.id());
    let (rest, status, err) = p.finish();
    let _ = dog.send(());
    assert_eq!(status, 0, "stderr: {err}");
    assert_eq!(err, "");
    let lines: Vec<&str> = rest.lines().collect();
    let handlers: usize = last_line(&rest)
        .strip_prefix("handlers ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("last line: {:?}", last_line(&rest)));
    assert!(handlers >= 1, "no handler ran");
    let main: Vec<String> = (0..LINES)
        .map(|i| format!("main line {i} {}", "m".repeat(60)))
        .collect();
    let mut want: Vec<String> = main.clone();
    for k in 1..=handlers {
        want.push(format!("handler line {k} {}", "h".repeat(70)));
        want.push(format!("handler write {k}"));
    }
    want.push(format!("handlers {handlers}"));
    let mut got: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    // Main lines in order, each once and whole.
    let main_got: Vec<&String> = got.iter().filter(|l| l.starts_with("main ")).collect();
    assert!(
        main_got
            .iter()
            .map(|s| s.as_str())
            .eq(main.iter().map(|s| s.as_str())),
        "main lines lost, doubled, reordered or cut"
    );
    got.sort();
    want.sort();
    assert_eq!(got.len(), want.len(), "line count");
    assert!(got == want, "a line was lost, doubled or cut");
}

/// `script | head -1`: the exit status and the last stderr line, as
/// CPython's (compared with python3 when it is there).
fn head_one(program: &str, source: &str, go_ahead: bool) -> (i32, String) {
    let mut p = Proc::start(program, "stdio-head", source);
    let dog = watchdog(p.child.id());
    let first = p.line();
    // head exits: the read end of the pipe closes.
    p.stdout = None;
    if go_ahead {
        p.send("go\n");
    }
    let (_, status, err) = p.finish();
    let _ = dog.send(());
    assert_eq!(first, "0");
    (status, last_line(&err).to_string())
}

#[test]
fn piping_into_head_ends_as_cpython() {
    let many = "for i in range(100000):\n    print(i)\n";
    // Only the flush at exit fails: reported, status 120.
    let late = "import sys\nprint(0)\nsys.stdout.flush()\ninput()\nprint('late')\n";
    let want = [
        (1, "BrokenPipeError: [Errno 32] Broken pipe"),
        (120, "BrokenPipeError: [Errno 32] Broken pipe"),
    ];
    for ((source, go), want) in [(many, false), (late, true)].into_iter().zip(want) {
        let got = head_one("sigpy", source, go);
        assert_eq!((got.0, got.1.as_str()), want, "sigpy for {source:?}");
        if common::python311_available() {
            let py = head_one("python3", source, go);
            assert_eq!(got, py, "sigpy vs python3 for {source:?}");
        }
    }
}

#[test]
fn open_files_are_flushed_at_exit_however_the_program_ends() {
    let dir = common::scratch_dir("stdio-exit-flush");
    let endings = [
        ("sys.exit(3)", 3),
        ("raise KeyError('x')", 1),
        ("os.kill(os.getpid(), signal.SIGTERM)", 128 + 15),
        ("pass", 0),
    ];
    for (i, (ending, want_status)) in endings.iter().enumerate() {
        let path = dir.join(format!("out{i}.txt"));
        let source = format!(
            "import os, signal, sys\nf = open({:?}, 'w')\nf.write('kept')\ng = open({:?}, 'ab')\ng.write(b'!')\n{ending}\n",
            path.to_str().unwrap(),
            path.to_str().unwrap(),
        );
        let mut p = Proc::start("sigpy", &format!("stdio-exit-{i}"), &source);
        let (_, status, err) = p.finish();
        assert_eq!(status, *want_status, "{ending}: {err}");
        let text = std::fs::read_to_string(&path).expect("the file exists");
        assert!(
            text.contains("kept") && text.contains('!'),
            "{ending}: file holds {text:?}"
        );
    }
}

#[test]
fn a_raising_handler_aborts_a_blocked_print_without_losing_or_doubling_lines() {
    const LINES: usize = 6000;
    let mut p = Proc::start(
        "sigpy",
        "stdio-raise-write",
        &format!(
            r#"import signal, sys
class Stop(Exception):
    pass
def handler(signum, frame):
    raise Stop()
signal.signal(signal.SIGUSR1, handler)
print("ready", flush=True)
caught = 0
for i in range({LINES}):
    try:
        print("main line %d %s" % (i, "m" * 60))
    except Stop:
        caught += 1
print("caught", caught)
"#
        ),
    );
    let dog = watchdog(p.child.id());
    assert_eq!(p.line(), "ready");
    // Each signal is sent once the child sleeps (blocked on the full pipe,
    // inside a print), so the handler's exception comes out of a print.
    for _ in 0..3 {
        wait_until_asleep(p.child.id());
        p.usr1();
    }
    thread::sleep(Duration::from_millis(80));
    let (rest, status, err) = p.finish();
    let _ = dog.send(());
    assert_eq!(status, 0, "stderr: {err}");
    let lines: Vec<&str> = rest.lines().collect();
    let caught: usize = last_line(&rest)
        .strip_prefix("caught ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("last line: {:?}", last_line(&rest)));
    assert!(caught >= 1, "no print was aborted");
    let main: Vec<String> = (0..LINES)
        .map(|i| format!("main line {i} {}", "m".repeat(60)))
        .collect();
    // The interrupted print's text stays buffered and is written once, as
    // CPython's BufferedWriter keeps what it could not write.
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .copied()
            .eq(main.iter().map(|s| s.as_str())),
        "a line was lost, doubled, reordered or cut"
    );
}

#[test]
fn a_signal_is_not_held_back_by_a_dropped_file_on_a_stuck_pipe() {
    let dir = common::scratch_dir("stdio-drop-stuck");
    let fifo = dir.join("stuck");
    let _ = std::fs::remove_file(&fifo);
    let ok = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(ok.success());
    let fifo = fifo.to_str().unwrap();
    // A reader holds the FIFO open but never reads: the drop's flush fills
    // the pipe and waits; SIGTERM must still end the program (gracefully).
    let mut p = Proc::start(
        "sigpy",
        "stdio-drop",
        &format!(
            r#"import os
os.system("(exec 3<{fifo}; sleep 5) &")
f = open({fifo:?}, "wb", buffering=1 << 20)
f.write(b"x" * 200000)
print("dropping", flush=True)
try:
    del f
    print("after the drop", flush=True)
    while True:
        pass
finally:
    print("finally ran", flush=True)
"#
        ),
    );
    let dog = watchdog(p.child.id());
    assert_eq!(p.line(), "dropping");
    wait_until_asleep(p.child.id());
    p.signal(nix::sys::signal::Signal::SIGTERM);
    let (rest, status, err) = p.finish();
    let _ = dog.send(());
    assert_eq!(status, 128 + 15, "stderr: {err}");
    assert_eq!(rest, "after the drop\nfinally ran\n");
}
