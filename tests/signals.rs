//! Real `sigpy` processes receiving real signals (SIGNALS.md sections 1-5,
//! 7 and 8). Every signal goes to a process this test started, which runs
//! in a new process group of its own; every child is killed (by group) and
//! reaped when its test ends, and every wait has a deadline.
//!
//! Tests assert outcomes (output lines, exit status, death by signal),
//! never elapsed time. Where the moment of arrival matters, the script
//! tells the test it is ready (a line on stdout) and, where needed, waits
//! for the test's go-ahead on stdin, so the signal arrives at a known
//! point whatever the machine's load.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use common::Status;

const TIMEOUT: Duration = Duration::from_secs(20);

/// How the child's signal dispositions are set up before sigpy starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Start {
    /// Whatever the test process has.
    Plain,
    /// SIGINT reset to SIG_DFL (a background shell may have ignored it).
    DefaultInt,
    /// SIGTERM and SIGHUP ignored, as under `nohup`.
    IgnoreTermHup,
    /// As PID 1 of a new PID namespace (`unshare --pid --fork`), as in a
    /// container.
    Pid1,
}

/// A running sigpy child in its own process group.
struct Proc {
    child: Child,
    via_unshare: bool,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    stdout: Vec<String>,
    stderr: Option<thread::JoinHandle<String>>,
}

fn write_script(tag: &str, source: &str) -> PathBuf {
    let dir = common::scratch_dir(tag);
    let path = dir.join("script.py");
    std::fs::write(&path, source).expect("write script");
    path
}

impl Proc {
    fn start(tag: &str, source: &str, start: Start, env: &[(&str, &str)]) -> Proc {
        let script = write_script(tag, source);
        let sigpy = common::sigpy_bin();
        let mut cmd = match start {
            Start::Plain => {
                let mut c = Command::new(&sigpy);
                c.arg(&script);
                c
            }
            Start::Pid1 => {
                let mut c = Command::new("unshare");
                c.args(["--pid", "--fork"]).arg(&sigpy).arg(&script);
                c
            }
            // python3 sets the dispositions, then execs sigpy (same pid).
            Start::DefaultInt | Start::IgnoreTermHup => {
                let setup = if start == Start::DefaultInt {
                    "signal.signal(signal.SIGINT, signal.SIG_DFL)"
                } else {
                    "signal.signal(signal.SIGTERM, signal.SIG_IGN); \
                     signal.signal(signal.SIGHUP, signal.SIG_IGN)"
                };
                let mut c = Command::new("python3");
                c.arg("-c")
                    .arg(format!(
                        "import os, signal, sys; {setup}; os.execv(sys.argv[1], sys.argv[1:])"
                    ))
                    .arg(&sigpy)
                    .arg(&script);
                c
            }
        };
        cmd.envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let mut child = cmd.spawn().expect("spawn sigpy");
        let stdout = child.stdout.take().expect("stdout");
        let mut stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let err = thread::spawn(move || {
            let mut s = String::new();
            let _ = stderr.read_to_string(&mut s);
            s
        });
        Proc {
            via_unshare: start == Start::Pid1,
            stdin: child.stdin.take(),
            child,
            lines: rx,
            stdout: Vec::new(),
            stderr: Some(err),
        }
    }

    fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Waits for a stdout line equal to `want` (lines before it are kept).
    fn expect_line(&mut self, want: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let found = line == want;
                    self.stdout.push(line);
                    if found {
                        return;
                    }
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    let so_far = self.stdout.join("\n");
                    let status = self.finish();
                    panic!("no line {want:?}; stdout so far:\n{so_far}\n{status:?}");
                }
            }
        }
    }

    /// The sigpy process: the child, or under `Start::Pid1` the child of
    /// `unshare` (in the process group this test created).
    fn sigpy_pid(&self) -> i32 {
        let path = format!("/proc/{0}/task/{0}/children", self.pid());
        match std::fs::read_to_string(path) {
            Ok(text) if self.via_unshare => text
                .split_whitespace()
                .next()
                .and_then(|p| p.parse().ok())
                .expect("unshare's child"),
            _ => self.pid(),
        }
    }

    /// Sends `sig` to the sigpy process (one this test started).
    fn signal(&self, sig: i32) {
        let pid = nix::unistd::Pid::from_raw(self.sigpy_pid());
        let sig = nix::sys::signal::Signal::try_from(sig).expect("a standard signal");
        nix::sys::signal::kill(pid, sig).expect("kill child");
    }

    /// Sends a real-time signal (nix's enum has no real-time numbers).
    fn signal_rt(&self, sig: i32) {
        let status = Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    fn send_line(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{line}").expect("write to child");
        stdin.flush().expect("flush child stdin");
    }

    /// Waits for the child to end (killing its group past the deadline);
    /// returns (status, all stdout lines, stderr).
    fn finish(&mut self) -> (Status, Vec<String>, String) {
        self.stdin = None;
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                break match (s.code(), s.signal()) {
                    (Some(c), _) => Status::Code(c),
                    (None, Some(sig)) => Status::Signal(sig),
                    _ => Status::Signal(0),
                };
            }
            if Instant::now() >= deadline {
                self.kill_group();
                let _ = self.child.wait();
                break Status::TimedOut;
            }
            thread::sleep(Duration::from_millis(5));
        };
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(2)) {
            self.stdout.push(line);
        }
        let stderr = self
            .stderr
            .take()
            .map(|h| h.join().unwrap_or_default())
            .unwrap_or_default();
        (status, self.stdout.clone(), stderr)
    }

    fn kill_group(&self) {
        // The group this test created for the child (its pid).
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(self.pid()),
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

fn has(lines: &[String], want: &str) -> bool {
    lines.iter().any(|l| l == want)
}

fn describe(status: Status, lines: &[String], stderr: &str) -> String {
    format!(
        "status {status}\n--- stdout ---\n{}\n--- stderr ---\n{stderr}",
        lines.join("\n")
    )
}

#[test]
fn a_handler_runs_for_each_common_signal() {
    let mut p = Proc::start(
        "common-signals",
        r#"
import signal
got = []
def h(signum, frame):
    got.append(signum)
    print("got", signum, flush=True)
names = ["SIGHUP", "SIGINT", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGTERM",
         "SIGCHLD", "SIGCONT", "SIGWINCH", "SIGURG", "SIGPWR", "SIGTSTP", "SIGTTIN", "SIGTTOU",
         "SIGVTALRM", "SIGPROF", "SIGIO", "SIGXCPU", "SIGSYS"]
for n in names:
    signal.signal(getattr(signal, n), h)
signal.signal(signal.SIGRTMIN, h)
print("ready", flush=True)
while len(got) < len(names) + 1:
    signal.pause()
print("all", len(got))
"#,
        Start::Plain,
        &[],
    );
    p.expect_line("ready");
    for sig in [
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGTERM,
        libc::SIGCHLD,
        libc::SIGCONT,
        libc::SIGWINCH,
        libc::SIGURG,
        libc::SIGPWR,
        libc::SIGTSTP,
        libc::SIGTTIN,
        libc::SIGTTOU,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGIO,
        libc::SIGXCPU,
        libc::SIGSYS,
    ] {
        p.signal(sig);
        p.expect_line(&format!("got {sig}"));
    }
    let rtmin = libc::SIGRTMIN();
    p.signal_rt(rtmin);
    p.expect_line(&format!("got {rtmin}"));
    let (status, lines, stderr) = p.finish();
    assert_eq!(
        status,
        Status::Code(0),
        "{}",
        describe(status, &lines, &stderr)
    );
    assert!(
        has(&lines, "all 21"),
        "{}",
        describe(status, &lines, &stderr)
    );
}

#[test]
fn sigint_raises_keyboard_interrupt_then_the_process_dies_by_sigint() {
    let mut p = Proc::start(
        "sigint",
        "x = 0\nprint('ready', flush=True)\nwhile True:\n    x += 1\n",
        Start::DefaultInt,
        &[],
    );
    p.expect_line("ready");
    p.signal(libc::SIGINT);
    let (status, lines, stderr) = p.finish();
    assert_eq!(
        status,
        Status::Signal(libc::SIGINT),
        "{}",
        describe(status, &lines, &stderr)
    );
    assert!(
        stderr.starts_with("Traceback (most recent call last):"),
        "{stderr}"
    );
    assert_eq!(common::last_line(&stderr), "KeyboardInterrupt", "{stderr}");
}

const GRACEFUL: &str = r#"
import atexit, sys
class Resource:
    def __enter__(self):
        return self
    def __exit__(self, typ, value, tb):
        print("__exit__ saw", typ.__name__, value.signum)
        return False
atexit.register(lambda: print("atexit ran"))
sys.exitfunc = lambda: print("sys.exitfunc ran")
try:
    with Resource():
        print("ready", flush=True)
        n = 0
        while True:
            n += 1
finally:
    print("finally ran")
"#;

fn check_graceful(env: &[(&str, &str)]) {
    let mut p = Proc::start("graceful", GRACEFUL, Start::Plain, env);
    p.expect_line("ready");
    p.signal(libc::SIGTERM);
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Signal(libc::SIGTERM), "{what}");
    assert_eq!(
        lines,
        [
            "ready",
            "__exit__ saw SignalExit 15",
            "finally ran",
            "atexit ran",
            "sys.exitfunc ran"
        ],
        "{what}"
    );
    assert_eq!(stderr, "", "SignalExit prints nothing");
}

#[test]
fn default_sigterm_unwinds_gracefully_and_dies_by_sigterm() {
    check_graceful(&[]);
}

#[test]
fn the_plain_read_tick_mode_delivers_too() {
    check_graceful(&[("SIGPY_TICK_MODE", "read")]);
}

#[test]
fn small_and_large_ticks_deliver_too() {
    check_graceful(&[("SIGPY_TICK", "1")]);
    check_graceful(&[("SIGPY_TICK", "1000000")]);
}

#[test]
fn sighup_and_sigusr1_default_actions_are_graceful_too() {
    for sig in [libc::SIGHUP, libc::SIGUSR1, libc::SIGALRM] {
        let mut p = Proc::start(
            "graceful-other",
            "try:\n    print('ready', flush=True)\n    while True: pass\nfinally:\n    print('cleanup')\n",
            Start::Plain,
            &[],
        );
        p.expect_line("ready");
        p.signal(sig);
        let (status, lines, stderr) = p.finish();
        assert_eq!(
            status,
            Status::Signal(sig),
            "{}",
            describe(status, &lines, &stderr)
        );
        assert!(has(&lines, "cleanup"));
    }
}

/// Escalation: `sig` once starts the shutdown (the script prints
/// `cleaning` then waits in cleanup code); `sig` again kills at once, by
/// that signal, before the cleanup prints `cleaned`.
fn check_escalation(tag: &str, script: &str, start: Start, sig: i32) {
    let mut p = Proc::start(tag, script, start, &[]);
    p.expect_line("ready");
    p.signal(sig);
    p.expect_line("cleaning");
    p.signal(sig);
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Signal(sig), "{what}");
    assert!(!has(&lines, "cleaned"), "{what}");
}

#[test]
fn a_second_sigterm_during_a_slow_atexit_kills_at_once() {
    check_escalation(
        "escalation",
        r#"
import atexit, time
def slow():
    print("cleaning", flush=True)
    time.sleep(30)
    print("cleaned", flush=True)
atexit.register(slow)
print("ready", flush=True)
while True:
    pass
"#,
        Start::Plain,
        libc::SIGTERM,
    );
}

#[test]
fn ctrl_c_twice_forces_quit() {
    check_escalation(
        "escalation-int",
        r#"
import time
try:
    print("ready", flush=True)
    while True:
        pass
finally:
    print("cleaning", flush=True)
    time.sleep(30)
    print("cleaned", flush=True)
"#,
        Start::DefaultInt,
        libc::SIGINT,
    );
}

#[test]
fn a_sigterm_arriving_during_finally_waits_for_it_to_complete() {
    let mut p = Proc::start(
        "protected-finally",
        r#"
import sys, time
try:
    pass
finally:
    print("in finally", flush=True)
    sys.stdin.readline()
    time.sleep(0.05)
    print("finally done", flush=True)
print("after finally", flush=True)
"#,
        Start::Plain,
        &[],
    );
    p.expect_line("in finally");
    p.signal(libc::SIGTERM);
    p.send_line("go");
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Signal(libc::SIGTERM), "{what}");
    assert!(has(&lines, "finally done"), "{what}");
    assert!(!has(&lines, "after finally"), "{what}");
}

#[test]
fn a_handler_exception_aborts_sleep() {
    let mut p = Proc::start(
        "raise-out-of-sleep",
        r#"
import signal, time
def h(signum, frame):
    raise RuntimeError("woken by %d" % signum)
signal.signal(signal.SIGUSR1, h)
try:
    print("ready", flush=True)
    time.sleep(60)
    print("slept")
except RuntimeError as e:
    print("interrupted:", e)
"#,
        Start::Plain,
        &[],
    );
    p.expect_line("ready");
    p.signal(libc::SIGUSR1);
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert!(has(&lines, "interrupted: woken by 10"), "{what}");
}

#[test]
fn sleep_resumes_after_a_handler_that_returns() {
    let mut p = Proc::start(
        "sleep-resumes",
        r#"
import signal, time
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
start = time.monotonic()
print("ready", flush=True)
time.sleep(0.5)
print("full sleep", time.monotonic() - start >= 0.5, "handlers", got)
"#,
        Start::Plain,
        &[],
    );
    p.expect_line("ready");
    p.signal(libc::SIGUSR1);
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert!(has(&lines, "full sleep True handlers [10]"), "{what}");
}

#[test]
fn alarm_and_setitimer_drive_handlers() {
    let mut p = Proc::start(
        "timers",
        r#"
import signal
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.alarm(1)
signal.pause()
print("alarm", ticks)
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
while len(ticks) < 4:
    signal.pause()
signal.setitimer(signal.ITIMER_REAL, 0)
print("itimer", len(ticks), signal.getitimer(signal.ITIMER_REAL))
n = 0
signal.signal(signal.SIGVTALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_VIRTUAL, 0.01)
while signal.SIGVTALRM not in ticks:
    n += 1
print("virtual timer fired in a busy loop")
"#,
        Start::Plain,
        &[],
    );
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert_eq!(
        lines,
        [
            "alarm [14]",
            "itimer 4 (0.0, 0.0)",
            "virtual timer fired in a busy loop"
        ],
        "{what}"
    );
}

#[test]
fn sigtimedwait_takes_a_signal_sent_by_another_process() {
    let mut p = Proc::start(
        "sigtimedwait",
        r#"
import os, signal
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print("ready", flush=True)
info = signal.sigtimedwait([signal.SIGUSR1], 30)
print("took", info.si_signo, info.si_pid == os.getppid(), info.si_code)
print(signal.sigtimedwait([signal.SIGUSR1], 0.01))
"#,
        Start::Plain,
        &[],
    );
    p.expect_line("ready");
    p.signal(libc::SIGUSR1);
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    // si_code 0 is SI_USER (sent by kill).
    assert_eq!(lines, ["ready", "took 10 True 0", "None"], "{what}");
}

#[test]
fn pthread_sigmask_defers_a_handler_until_unmasked() {
    let mut p = Proc::start(
        "sigmask",
        r#"
import signal, sys
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print("ready", flush=True)
sys.stdin.readline()
x = 0
for i in range(100000):
    x += i
print("masked", got, signal.SIGUSR1 in signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print("unmasked", got)
"#,
        Start::Plain,
        &[],
    );
    p.expect_line("ready");
    p.signal(libc::SIGUSR1);
    p.send_line("go");
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert_eq!(
        lines,
        ["ready", "masked [] True", "unmasked [10]"],
        "{what}"
    );
}

#[test]
fn pending_signals_run_in_ascending_order_and_realtime_ones_are_not_lost() {
    let mut p = Proc::start(
        "order",
        r#"
import signal, sys
got = []
h = lambda s, f: got.append(s)
sigs = [signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2, signal.SIGRTMIN]
for s in sigs:
    signal.signal(s, h)
signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
print("ready", flush=True)
sys.stdin.readline()
for i in range(10000):
    pass
signal.pthread_sigmask(signal.SIG_UNBLOCK, sigs)
print(got)
"#,
        Start::Plain,
        &[],
    );
    p.expect_line("ready");
    let rtmin = libc::SIGRTMIN();
    // Three of each: standard signals coalesce, real-time ones queue.
    for _ in 0..3 {
        p.signal(libc::SIGUSR2);
        p.signal(libc::SIGUSR1);
        p.signal(libc::SIGHUP);
        p.signal_rt(rtmin);
    }
    p.send_line("go");
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    let want = format!("[1, 10, 12, {rtmin}, {rtmin}, {rtmin}]");
    assert_eq!(lines, ["ready".to_string(), want], "{what}");
}

#[test]
fn a_child_of_os_system_can_be_stopped_with_sigterm() {
    let mut p = Proc::start(
        "os-system",
        r#"
import os
status = os.system("echo child $$; exec sleep 30")
print("status", status)
"#,
        Start::Plain,
        &[],
    );
    // The shell prints its pid, then becomes `sleep` (same pid).
    let deadline = Instant::now() + TIMEOUT;
    let child_pid = loop {
        let line = p
            .lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the child's pid line");
        if let Some(pid) = line.strip_prefix("child ") {
            break pid.trim().parse::<i32>().expect("a pid");
        }
    };
    // The child is in the process group this test created.
    let group = nix::unistd::getpgid(Some(nix::unistd::Pid::from_raw(child_pid))).expect("pgid");
    assert_eq!(group.as_raw(), p.pid());
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child_pid),
        nix::sys::signal::Signal::SIGTERM,
    )
    .expect("kill the child");
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert!(has(&lines, "status 15"), "{what}");
}

#[test]
fn signals_ignored_at_start_stay_ignored() {
    let mut p = Proc::start(
        "nohup",
        r#"
import signal, sys
print(signal.getsignal(signal.SIGTERM) is signal.SIG_IGN, signal.getsignal(signal.SIGHUP) is signal.SIG_IGN)
print("ready", flush=True)
sys.stdin.readline()
for i in range(10000):
    pass
print("survived")
"#,
        Start::IgnoreTermHup,
        &[],
    );
    p.expect_line("ready");
    p.signal(libc::SIGTERM);
    p.signal(libc::SIGHUP);
    p.send_line("go");
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert_eq!(lines, ["True True", "ready", "survived"], "{what}");
}

#[test]
fn a_handler_runs_while_the_main_code_waits_in_pause_and_siginfo_names_the_sender() {
    let mut p = Proc::start(
        "siginfo",
        r#"
import os, signal
def h(signum, frame):
    info = signal.siginfo()
    print("from parent", info.si_pid == os.getppid(), "code", info.si_code, "line", frame.f_lineno)
signal.signal(signal.SIGUSR2, h)
print("ready", flush=True)
signal.pause()
print(signal.siginfo())
"#,
        Start::Plain,
        &[],
    );
    p.expect_line("ready");
    p.signal(libc::SIGUSR2);
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert_eq!(
        lines,
        ["ready", "from parent True code 0 line 8", "None"],
        "{what}"
    );
}

#[test]
fn a_bad_tick_mode_is_a_usage_error() {
    let out = common::run(
        Command::new(common::sigpy_bin())
            .args(["-c", "pass"])
            .env("SIGPY_TICK_MODE", "fast"),
        None,
        TIMEOUT,
    );
    assert_eq!(out.status, Status::Code(2), "{}", out.describe());
    assert!(out.stderr.contains("SIGPY_TICK_MODE"), "{}", out.describe());
    // 'off' (measurements only) runs programs without the runtime.
    let out = common::run(
        Command::new(common::sigpy_bin())
            .args(["-c", "print(sum(range(10)))"])
            .env("SIGPY_TICK_MODE", "off"),
        None,
        TIMEOUT,
    );
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    assert_eq!(out.stdout, "45\n");
}

#[test]
fn a_signal_to_itself_with_the_default_action_ends_the_process_by_that_signal() {
    let out = common::run(
        Command::new(common::sigpy_bin()).args([
            "-c",
            "import os, signal\ntry:\n    os.kill(os.getpid(), signal.SIGUSR2)\n    print('not reached')\nfinally:\n    print('finally')\n",
        ]),
        None,
        TIMEOUT,
    );
    assert_eq!(
        out.status,
        Status::Signal(libc::SIGUSR2),
        "{}",
        out.describe()
    );
    assert_eq!(out.stdout, "finally\n");
}

#[test]
fn a_handler_interrupts_long_builtins_sort_join_and_bigint_power() {
    let mut p = Proc::start(
        "long-builtins",
        r#"
import signal
class Interrupted(Exception):
    pass
def h(signum, frame):
    raise Interrupted()
signal.signal(signal.SIGALRM, h)
data = [(i * 7919) % 1000003 for i in range(1000000)]
copy = list(data)
def attempt(name, f):
    for _ in range(20):
        signal.setitimer(signal.ITIMER_REAL, 0.002)
        try:
            f()
            signal.setitimer(signal.ITIMER_REAL, 0)
        except Interrupted:
            print(name, "interrupted")
            return
    print(name, "never interrupted")
attempt("sort", lambda: data.sort())
print("list intact", data == copy)
parts = [str(i) for i in range(1000000)]
attempt("join", lambda: ",".join(parts))
attempt("power", lambda: 7 ** 2000000)
print("done")
"#,
        Start::Plain,
        &[],
    );
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert_eq!(
        lines,
        [
            "sort interrupted",
            "list intact True",
            "join interrupted",
            "power interrupted",
            "done"
        ],
        "{what}"
    );
}

#[test]
fn big_lists_die_in_slices_with_handlers_raising_between_them() {
    // A list of 100,000 strs is built and dropped in 20 rounds while a
    // timer handler runs every millisecond and raises at most once per
    // round: the items of each dead list are freed a slice at a time with
    // signals polled in between (runtime::grave), so handlers also run,
    // and raise, in the middle of freeing. Nothing may be lost or kept:
    // every round completes and the memory of the dead lists is returned
    // (20 of them alive would take about 160 MB).
    let mut p = Proc::start(
        "big-drops",
        r#"
import signal
class Interrupted(Exception):
    pass
hits = 0
armed = False
def h(signum, frame):
    global hits, armed
    hits += 1
    if armed:
        armed = False
        raise Interrupted()
signal.signal(signal.SIGALRM, h)
signal.setitimer(signal.ITIMER_REAL, 0.001, 0.001)
done = 0
interrupted = 0
x = None
last = -1
while done < 20:
    try:
        if last != done:
            last = done
            armed = True
        x = [str(j) for j in range(100000)]
        x = None
        armed = False
        done += 1
    except Interrupted:
        interrupted += 1
signal.setitimer(signal.ITIMER_REAL, 0)
armed = False
x = None
print("done", done, "handled", hits > 0 and hits >= interrupted)
with open("/proc/self/status") as f:
    rss = [int(line.split()[1]) for line in f if line.startswith("VmRSS:")][0]
print("memory returned", rss < 60000, rss)
"#,
        Start::Plain,
        &[],
    );
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert_eq!(lines.len(), 2, "{what}");
    assert_eq!(lines[0], "done 20 handled True", "{what}");
    assert!(lines[1].starts_with("memory returned True"), "{what}");
}

#[test]
fn the_graceful_worker_example_reloads_on_sighup_and_stops_cleanly_on_sigterm() {
    let dir = common::scratch_dir("graceful-worker");
    let results = dir.join("results.txt");
    let settings = dir.join("settings.txt");
    std::fs::write(&settings, "delay = 0.01\nlabel = first\n").expect("settings");
    let example = common::repo_root()
        .join("examples")
        .join("graceful_worker.py");
    let source = std::fs::read_to_string(&example).expect("example");
    // Run the example's own text with its arguments appended to sys.argv.
    let source = format!(
        "import sys\nsys.argv[1:] = [{:?}, {:?}]\n{}",
        results.to_str().expect("utf-8 path"),
        settings.to_str().expect("utf-8 path"),
        source
    );
    let mut p = Proc::start("graceful-worker-run", &source, Start::Plain, &[]);
    let deadline = Instant::now() + TIMEOUT;
    while !p.stdout.iter().any(|l| l.starts_with("worker running")) {
        let line = p
            .lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the worker starts");
        p.stdout.push(line);
    }
    std::fs::write(&settings, "delay = 0.01\nlabel = second\n").expect("settings");
    p.signal(libc::SIGHUP);
    p.expect_line("got SIGHUP: settings are now {'delay': 0.01, 'label': 'second'}");
    p.signal(libc::SIGTERM);
    p.expect_line("got SIGTERM: finishing the current item");
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    let last = lines.last().expect("a summary line");
    let n: usize = last
        .strip_prefix("stopped cleanly after ")
        .and_then(|s| s.strip_suffix(" items"))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("summary line: {what}"));
    let text = std::fs::read_to_string(&results).expect("results");
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), n, "one whole line per item:\n{text}");
    assert!(text.ends_with('\n'), "no half-written line");
    for (i, row) in rows.iter().enumerate() {
        let f: Vec<&str> = row.split(' ').collect();
        assert_eq!(f.len(), 3, "{row}");
        assert!(f[0] == "first" || f[0] == "second", "{row}");
        assert_eq!(f[1], i.to_string(), "{row}");
    }
}

#[test]
fn as_pid_1_a_default_sigterm_is_graceful_and_exits_143() {
    // PID 1 cannot be killed by its own signal: the exit sequence ends in
    // exit(128 + N) instead. Needs `unshare --pid` (root or user namespaces).
    let probe = Command::new("unshare")
        .args(["--pid", "--fork", "true"])
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: this machine does not allow `unshare --pid --fork`");
        return;
    }
    let mut p = Proc::start(
        "pid1",
        r#"
import os, time
print("ready as pid", os.getpid(), flush=True)
try:
    time.sleep(60)
finally:
    print("cleanup", flush=True)
"#,
        Start::Pid1,
        &[],
    );
    p.expect_line("ready as pid 1");
    p.signal(libc::SIGTERM);
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    // unshare passes on its child's exit status.
    assert_eq!(status, Status::Code(128 + libc::SIGTERM), "{what}");
    assert!(has(&lines, "cleanup"), "{what}");
}

#[test]
fn sleep_survives_sigstop_and_sigcont() {
    let mut p = Proc::start(
        "stop-cont",
        r#"
import time
start = time.monotonic()
print("ready", flush=True)
time.sleep(0.3)
print("slept in full", time.monotonic() - start >= 0.3)
"#,
        Start::Plain,
        &[],
    );
    p.expect_line("ready");
    p.signal(libc::SIGSTOP);
    p.signal(libc::SIGCONT);
    let (status, lines, stderr) = p.finish();
    let what = describe(status, &lines, &stderr);
    assert_eq!(status, Status::Code(0), "{what}");
    assert_eq!(lines, ["ready", "slept in full True"], "{what}");
}

#[test]
fn a_signal_arriving_after_the_last_tick_is_handled_at_the_end_of_the_program() {
    // With a tick far beyond the program's length and no blocking call
    // after "ready" (stdout is a pipe, so `print` only buffers), nothing
    // reads the signalfd before the end: the end of the program is its
    // last safe point. The signal is neither lost (exit 0) nor allowed to
    // cut the exit sequence short (the buffered "ending" is written).
    let go = common::scratch_dir("last-safe-point").join("go");
    let body = |handler: &str, last: &str| {
        format!(
            r#"
import os, signal
{handler}
print("ready", flush=True)
n = 0
while not os.path.exists({go:?}):
    n += 1
{last}
"#,
            go = go.to_str().expect("utf-8 path")
        )
    };
    let handler = "signal.signal(signal.SIGTERM, lambda s, f: print('handled', s))";
    for (tag, handler, last, want_status, want_line) in [
        (
            "last-safe-point-silent",
            "",
            "",
            Status::Signal(libc::SIGTERM),
            "ready",
        ),
        (
            "last-safe-point-default",
            "",
            "print('ending')",
            Status::Signal(libc::SIGTERM),
            "ending",
        ),
        (
            "last-safe-point-handler",
            handler,
            "print('ending')",
            Status::Code(0),
            "handled 15",
        ),
    ] {
        let _ = std::fs::remove_file(&go);
        let source = body(handler, last);
        let mut p = Proc::start(tag, &source, Start::Plain, &[("SIGPY_TICK", "1000000000")]);
        p.expect_line("ready");
        p.signal(libc::SIGTERM);
        std::fs::write(&go, "").expect("go file");
        let (status, lines, stderr) = p.finish();
        let what = describe(status, &lines, &stderr);
        assert_eq!(status, want_status, "{tag}: {what}");
        assert_eq!(
            lines.last().map(String::as_str),
            Some(want_line),
            "{tag}: {what}"
        );
    }
}
