//! `os.fork` and `os.exec*` with real processes: the child's signal queue
//! is its own, exit statuses and deaths by signal reach the parent's
//! `waitpid`, an exec'd program sees only the fds CPython's would and the
//! signal state sigpy inherited, a SIGTERM to a forked child without a
//! handler runs its cleanup, and `examples/prefork.py` restarts a crashed
//! worker and stops every worker on SIGTERM.

mod common;

use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

fn sigpy(code: &str) -> common::Output {
    common::run_sigpy(&["-c", code], &common::repo_root(), None, TIMEOUT)
}

fn python(code: &str) -> common::Output {
    common::run_python(&["-c", code], &common::repo_root(), None, TIMEOUT)
}

#[test]
fn a_forked_child_does_not_run_the_parents_queued_signal() {
    // SIGUSR1 arrives while masked in the parent: it stays queued there
    // and runs in the parent only, once unmasked, as under CPython.
    let code = r#"
import os, signal, sys
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(os.getpid()))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
os.kill(os.getpid(), signal.SIGUSR1)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
    print("child ran", len(got), "handlers", flush=True)
    os._exit(0)
os.waitpid(pid, 0)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print("parent ran", len(got), "handlers", flush=True)
"#;
    let out = sigpy(code);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stdout,
        "child ran 0 handlers\nparent ran 1 handlers\n",
        "{}",
        out.describe()
    );
    if common::python311_available() {
        assert_eq!(python(code).stdout, out.stdout);
    }
}

#[test]
fn a_child_forked_inside_a_handler_runs_its_own_handlers() {
    // Handlers do not nest in sigpy; a child forked inside one is a new
    // process whose signals must still be handled.
    let code = r#"
import os, signal, sys
def on_usr1(s, f):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGUSR2, lambda s, f: print("child handled SIGUSR2", flush=True))
        os.kill(os.getpid(), signal.SIGUSR2)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        try:
            os.kill(os.getpid(), signal.SIGTERM)
        finally:
            print("child cleanup ran", flush=True)
    _, status = os.waitpid(pid, 0)
    print("child ended with", os.waitstatus_to_exitcode(status), flush=True)
signal.signal(signal.SIGUSR1, on_usr1)
os.kill(os.getpid(), signal.SIGUSR1)
"#;
    let out = sigpy(code);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stdout,
        "child handled SIGUSR2\nchild cleanup ran\nchild ended with -15\n",
        "{}",
        out.describe()
    );
}

#[test]
fn exit_statuses_and_deaths_by_signal_reach_waitpid() {
    let code = r#"
import os, signal, sys
def run(body):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        body()
        os._exit(0)
    p, status = os.waitpid(pid, 0)
    assert p == pid
    print(os.WIFEXITED(status), os.WIFSIGNALED(status), os.waitstatus_to_exitcode(status), flush=True)
run(lambda: sys.exit(7))
run(lambda: os._exit(9))
run(lambda: os.kill(os.getpid(), signal.SIGKILL))
def crash():
    raise ValueError("in the child")
run(crash)
def usr1():
    signal.signal(signal.SIGUSR1, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGUSR1)
run(usr1)
"#;
    let out = sigpy(code);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let want = "True False 7\nTrue False 9\nFalse True -9\nTrue False 1\nFalse True -10\n";
    assert_eq!(out.stdout, want, "{}", out.describe());
    if common::python311_available() {
        assert_eq!(python(code).stdout, want);
    }
}

#[test]
fn sigterm_to_a_forked_child_without_handler_runs_its_cleanup() {
    // sigpy's graceful default (SignalExit): the child's `finally` runs,
    // then it dies by SIGTERM. The parent learns it is ready via a pipe.
    let code = r#"
import os, signal, sys, time
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    try:
        os.write(w, b"ready")
        time.sleep(30)
    finally:
        print("child cleanup ran", flush=True)
    os._exit(0)
os.close(w)
assert os.read(r, 5) == b"ready"
os.kill(pid, signal.SIGTERM)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), flush=True)
"#;
    let out = sigpy(code);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stdout,
        "child cleanup ran\nTrue 15\n",
        "{}",
        out.describe()
    );
}

/// The fds `ls /proc/self/fd` lists in a program exec'd by `code`.
fn fds_seen(run: fn(&str) -> common::Output, code: &str) -> String {
    let out = run(code);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    out.stdout
}

#[test]
fn an_execd_program_sees_only_the_fds_cpython_would_give_it() {
    // sigpy's own fds (signalfd, io_uring ring, eventfds, pidfds) and the
    // pipe and file the script opened are all close-on-exec.
    let forked = r#"
import os, sys, time
r, w = os.pipe()
fd = os.open("/dev/null", os.O_RDONLY)
time.sleep(0.01)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execv("/bin/ls", ["ls", "/proc/self/fd"])
os.waitpid(pid, 0)
"#;
    let direct = r#"
import os
r, w = os.pipe()
os.execvp("ls", ["ls", "/proc/self/fd"])
"#;
    for code in [forked, direct] {
        let mine = fds_seen(sigpy, code);
        let lines: Vec<&str> = mine.lines().collect();
        for fd in ["0", "1", "2"] {
            assert!(lines.contains(&fd), "fd {fd} missing: {mine}");
        }
        if common::python311_available() {
            assert_eq!(mine, fds_seen(python, code), "sigpy and CPython differ");
        }
    }
}

/// The `SigBlk`/`SigIgn` masks of `/proc/self/status` of a program,
/// without signals 32 and 33, which the C library reserves (no program
/// can set their disposition).
fn signal_lines(stdout: &str) -> Vec<String> {
    let reserved: u64 = (1 << 31) | (1 << 32);
    stdout
        .lines()
        .filter(|l| l.starts_with("SigBlk") || l.starts_with("SigIgn"))
        .map(|l| {
            let (name, hex) = l.split_once(':').expect("name: mask");
            let mask = u64::from_str_radix(hex.trim(), 16).expect("hex mask");
            format!("{name}: {:016x}", mask & !reserved)
        })
        .collect()
}

#[test]
fn an_execd_program_starts_with_the_signal_state_sigpy_inherited() {
    // A program this test starts directly shows the state sigpy inherits;
    // one sigpy execs (directly or after a fork, with handlers installed
    // and SIGTERM masked) must show the same.
    let direct = Command::new("cat")
        .arg("/proc/self/status")
        .output()
        .expect("cat");
    let want = signal_lines(&String::from_utf8_lossy(&direct.stdout));
    assert_eq!(want.len(), 2);
    let code = r#"
import os, signal, sys
signal.signal(signal.SIGUSR1, lambda s, f: None)
signal.signal(signal.SIGHUP, signal.SIG_IGN)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGTERM])
FORK
os.execv("/bin/cat", ["cat", "/proc/self/status"])
"#;
    for fork in [
        "",
        "sys.stdout.flush()\nif os.fork() != 0:\n    os.wait(); os._exit(0)",
    ] {
        let out = sigpy(&code.replace("FORK", fork));
        assert_eq!(out.code(), Some(0), "{}", out.describe());
        assert_eq!(signal_lines(&out.stdout), want, "{}", out.describe());
    }
    // A failed exec puts sigpy's own signal state back.
    let out = sigpy(
        r#"
import os, signal
signal.signal(signal.SIGUSR1, lambda s, f: print("handled", flush=True))
try:
    os.execv("/nonexistent/program", ["x"])
except FileNotFoundError as e:
    print(e, flush=True)
os.kill(os.getpid(), signal.SIGUSR1)
"#,
    );
    assert_eq!(
        out.stdout,
        "[Errno 2] No such file or directory\nhandled\n",
        "{}",
        out.describe()
    );
}

// === examples/prefork.py ===

fn pids(text: &str) -> Vec<i32> {
    text.split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect()
}

fn exists(pid: i32) -> bool {
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok()
}

fn prefork_restarts_and_stops(interpreter: &str) {
    let mut p = common::ExampleProc::start(interpreter, "prefork.py", TIMEOUT);
    let ready = p.line("ready: 3 workers:");
    let first = pids(ready.trim_start_matches("ready: 3 workers:"));
    assert_eq!(first.len(), 3, "{ready}");
    let restart = p.line("worker 0 (pid");
    assert!(
        restart.contains("ended with exit status 3: restarted as pid"),
        "{restart}"
    );
    let new_pid = *pids(&restart.replace(':', " ")).last().expect("new pid");
    assert!(exists(new_pid), "the restarted worker is not running");

    // SIGTERM to the parent only.
    let parent = nix::unistd::Pid::from_raw(p.child.id() as i32);
    nix::sys::signal::kill(parent, nix::sys::signal::Signal::SIGTERM).expect("SIGTERM");
    p.line("stopping 3 workers");
    let stopped = p.line("all workers stopped:");
    let mut stopped = pids(stopped.trim_start_matches("all workers stopped:"));
    stopped.sort();
    let mut want = vec![first[1], first[2], new_pid];
    want.sort();
    assert_eq!(stopped, want, "{interpreter}: {}", p.seen.join("\n"));
    for line in p.seen.iter().filter(|l| l.starts_with("reaped")) {
        assert!(line.ends_with("killed by SIGTERM"), "{line}");
    }
    assert_eq!(p.death_signal(), Some(libc::SIGTERM), "{interpreter}");
    // Every worker ever started is gone (reaped, not an orphan).
    for pid in first.iter().chain([&new_pid]) {
        assert!(!exists(*pid), "{interpreter}: worker {pid} is still there");
    }
}

#[test]
fn prefork_restarts_a_crashed_worker_and_stops_all_on_sigterm() {
    prefork_restarts_and_stops(common::sigpy_bin().to_str().expect("utf-8 path"));
}

#[test]
fn prefork_behaves_the_same_under_cpython() {
    if !common::python311_available() {
        eprintln!("python3.11 not found: skipped");
        return;
    }
    prefork_restarts_and_stops("python3");
}
