//! Children of `subprocess` start with the signal state sigpy inherited
//! (SIGNALS.md section 7) and none of its fds: the blocked mask and the
//! ignored set a child reports in `/proc/self/status` are those sigpy's
//! own parent had, whatever handlers and `pthread_sigmask` the script set
//! up, and an inheritable fd sigpy was started with does not reach the
//! child (`close_fds=True`, as CPython).

mod common;

use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

/// Prints the child's SigBlk and SigIgn lines (the shell reads its own
/// status with builtins only).
const STATUS: &str =
    "while read k v; do case $k in SigBlk:|SigIgn:) echo $k $v;; esac; done < /proc/self/status";

/// Runs `sh -c "<prelude>; exec <cmd>"` and returns its stdout.
fn through_sh(prelude: &str, cmd: &str) -> common::Output {
    let mut c = Command::new("/bin/sh");
    c.arg("-c").arg(format!("{prelude}; exec {cmd}"));
    common::run(&mut c, None, TIMEOUT)
}

/// The SigBlk and SigIgn masks of `status` lines, without signals 32 and
/// 33: the C library reserves them (its `sigaction` refuses them), so a
/// child gets whatever exec leaves of sigpy's own, not the inherited ones.
fn masks<'a>(lines: impl Iterator<Item = &'a str>) -> (u64, u64) {
    let reserved = (1u64 << 31) | (1u64 << 32);
    let (mut blk, mut ign) = (u64::MAX, u64::MAX);
    for line in lines {
        let mut it = line.split_whitespace();
        let (Some(k), Some(v)) = (it.next(), it.next()) else {
            continue;
        };
        let v = u64::from_str_radix(v, 16).unwrap_or(u64::MAX) & !reserved;
        match k {
            "SigBlk:" => blk = v,
            "SigIgn:" => ign = v,
            _ => {}
        }
    }
    (blk, ign)
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

#[test]
fn a_child_has_the_mask_and_dispositions_sigpy_inherited() {
    let dir = common::scratch_dir("subprocess-signals");
    let script = dir.join("child_signals.py");
    std::fs::write(
        &script,
        format!(
            r#"import signal, subprocess
signal.signal(signal.SIGTERM, lambda s, f: None)
signal.signal(signal.SIGINT, lambda s, f: None)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.pthread_sigmask(signal.SIG_BLOCK, {{signal.SIGUSR2, signal.SIGALRM, signal.SIGTERM}})
cmd = {status:?}
print(subprocess.run(["sh", "-c", cmd], capture_output=True, text=True).stdout, end="")
with subprocess.Popen("kill -TERM $$; echo survived", shell=True, stdout=subprocess.PIPE) as p:
    print(p.communicate()[0], p.returncode)
"#,
            status = STATUS
        ),
    )
    .expect("write script");
    // Ignore HUP and QUIT before sigpy starts: the child must see them
    // ignored too (and nothing else sigpy ignores, such as SIGPIPE).
    let prelude = "trap '' HUP QUIT";
    let direct = through_sh(prelude, &format!("/bin/sh -c {}", quote(STATUS)));
    let bin = common::sigpy_bin();
    let via = through_sh(
        prelude,
        &format!(
            "{} {}",
            quote(&bin.to_string_lossy()),
            quote(&script.to_string_lossy())
        ),
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(direct.code(), Some(0), "{}", direct.describe());
    assert_eq!(via.code(), Some(0), "{}", via.describe());
    let mut lines = via.stdout.lines();
    let child = masks(lines.by_ref().take(2));
    let want = masks(direct.stdout.lines());
    assert_eq!(child, want, "{}", via.describe());
    let (blocked, ignored) = want;
    assert_eq!(blocked, 0, "the test starts sigpy with nothing blocked");
    assert_ne!(
        ignored & (1 << (libc::SIGHUP - 1)),
        0,
        "HUP ignored: {want:?}"
    );
    assert_ne!(
        ignored & (1 << (libc::SIGQUIT - 1)),
        0,
        "QUIT ignored: {want:?}"
    );
    assert_eq!(
        ignored & (1 << (libc::SIGPIPE - 1)),
        0,
        "PIPE default: {want:?}"
    );
    // The shell killed itself with TERM: dispositions were reset, not
    // inherited from sigpy's handler, and the signal was not blocked.
    assert_eq!(lines.next(), Some("b'' -15"), "{}", via.describe());
}

#[test]
fn an_inheritable_fd_sigpy_was_started_with_does_not_reach_the_child() {
    let list = "cd /proc/$$/fd && echo *";
    let code = format!(
        "import subprocess\n\
         print(subprocess.run(['sh', '-c', {list:?}], stdout=subprocess.PIPE, text=True).stdout, end='')\n\
         print(subprocess.run(['sh', '-c', {list:?}], stdout=subprocess.PIPE, text=True, close_fds=False).stdout, end='')\n"
    );
    let bin = common::sigpy_bin();
    // fd 7 is inheritable in sigpy (opened by the shell without
    // close-on-exec); the glob itself opens fd 3 in the child.
    let out = through_sh(
        "exec 7</dev/null",
        &format!("{} -c {}", quote(&bin.to_string_lossy()), quote(&code)),
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"0 1 2 3"), "{}", out.describe());
    assert!(
        lines.get(1).is_some_and(|l| l.split(' ').any(|f| f == "7")),
        "close_fds=False passes fd 7 on: {}",
        out.describe()
    );
}

/// Whether process `pid` exists (signal 0 sends nothing).
fn alive(pid: i32) -> bool {
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok()
}

/// How `child` ended, or None (and it is killed and reaped) when it has
/// not ended within `limit`.
fn wait_or_kill(
    child: &mut std::process::Child,
    limit: Duration,
) -> Option<std::process::ExitStatus> {
    let deadline = std::time::Instant::now() + limit;
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            return Some(st);
        }
        if std::time::Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Starts sigpy on `code`, which prints (or has its child print) the pid
/// of a child that sleeps,
/// sends sigpy SIGTERM, and returns how sigpy ended, what it printed
/// after the pid, and whether the child was still alive then (a live
/// child is killed).
fn sigterm_while_a_child_runs(code: &str) -> (std::process::ExitStatus, String, bool) {
    use std::io::BufRead;
    let mut sigpy = Command::new(common::sigpy_bin())
        .arg("-c")
        .arg(code)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn sigpy");
    let mut out = std::io::BufReader::new(sigpy.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("the child's pid");
    let child: i32 = line.trim().parse().expect("a pid");
    let sigpy_pid = nix::unistd::Pid::from_raw(sigpy.id() as i32);
    nix::sys::signal::kill(sigpy_pid, nix::sys::signal::Signal::SIGTERM).expect("signal sigpy");
    let status = wait_or_kill(&mut sigpy, TIMEOUT);
    let mut rest = String::new();
    let _ = std::io::Read::read_to_string(&mut out, &mut rest);
    let child_alive = alive(child);
    if child_alive {
        // The sleep this test's sigpy started.
        let pid = nix::unistd::Pid::from_raw(child);
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
    }
    let status = status.expect("sigpy did not end after SIGTERM");
    (status, rest, child_alive)
}

#[test]
fn sigterm_during_run_kills_and_reaps_the_child_then_sigpy_dies_by_it() {
    use std::os::unix::process::ExitStatusExt;
    let code = "import subprocess\n\
                try:\n    subprocess.run(['sh', '-c', 'echo $$; exec sleep 30 >/dev/null'])\n\
                finally:\n    print('finally ran', flush=True)\n";
    let (status, rest, child_alive) = sigterm_while_a_child_runs(code);
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?} {rest:?}");
    assert_eq!(rest, "finally ran\n");
    assert!(!child_alive, "the child of run() outlived sigpy's SIGTERM");
}

#[test]
fn sigterm_in_a_popen_with_block_does_not_wait_for_the_child() {
    use std::os::unix::process::ExitStatusExt;
    let code = "import subprocess\n\
                with subprocess.Popen(['sleep', '30'], stdout=subprocess.DEVNULL) as p:\n    \
                print(p.pid, flush=True)\n    p.wait()\n";
    let (status, rest, child_alive) = sigterm_while_a_child_runs(code);
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?} {rest:?}");
    assert!(
        child_alive,
        "Popen.__exit__ leaves the child running, as CPython"
    );
}

#[test]
fn no_fd_sigpy_opens_itself_reaches_a_child_even_without_close_fds() {
    // The fds a shell sees when started straight from the test: whatever
    // the test harness lets leak, plus fd 3 (the glob's own directory).
    let list = "cd /proc/$$/fd && echo *";
    let direct = through_sh("true", &format!("/bin/sh -c {}", quote(list)));
    assert_eq!(direct.code(), Some(0), "{}", direct.describe());
    // sigpy with a file, a pipe, a socket pair, its signalfd and io_uring
    // ring open, and a handler installed: os.system and close_fds=False
    // children see the same fds as the direct shell.
    let code = format!(
        "import os, signal, socket, subprocess\n\
         signal.signal(signal.SIGUSR1, lambda s, f: None)\n\
         f = open({file:?})\n\
         r, w = os.pipe()\n\
         a, b = socket.socketpair()\n\
         os.system({list:?})\n\
         subprocess.run(['sh', '-c', {list:?}], close_fds=False)\n",
        file = common::repo_root().join("Cargo.toml").to_string_lossy(),
    );
    let bin = common::sigpy_bin();
    let via = through_sh(
        "true",
        &format!("{} -c {}", quote(&bin.to_string_lossy()), quote(&code)),
    );
    assert_eq!(via.code(), Some(0), "{}", via.describe());
    let lines: Vec<&str> = via.stdout.lines().collect();
    assert_eq!(
        lines,
        [direct.stdout.trim(), direct.stdout.trim()],
        "{}",
        via.describe()
    );
}

/// A SIGTERM at any instruction of `run()` (inside `Popen()`, between its
/// return and the `with` block, in `communicate`) ends sigpy by SIGTERM
/// with the child killed and reaped: injected deterministically at every
/// 5th instruction until the one past the point where `run()` blocks
/// (found as the first run the injection does not end within 2 s, which
/// is killed with its child and ends the sweep).
#[test]
fn sigterm_at_any_instruction_of_run_leaves_no_child() {
    use std::os::unix::process::ExitStatusExt;
    let dir = common::scratch_dir("run-inject");
    let pidfile = dir.join("pid");
    let code = "import subprocess, sys\n\
                subprocess.run(['sh', '-c', 'echo $$ > ' + sys.argv[1] + '; exec sleep 30'])\n";
    let mut n = 1;
    loop {
        let _ = std::fs::remove_file(&pidfile);
        let mut sigpy = Command::new(common::sigpy_bin())
            .arg("--inject")
            .arg(format!("TERM@{n}"))
            .arg("-c")
            .arg(code)
            .arg(&pidfile)
            .stdin(std::process::Stdio::null())
            .spawn()
            .expect("spawn sigpy");
        // None: past the blocking point, where the injection never comes.
        let status = wait_or_kill(&mut sigpy, Duration::from_secs(2));
        let child = std::fs::read_to_string(&pidfile)
            .ok()
            .and_then(|s| s.trim().parse::<i32>().ok());
        let child_alive = child.is_some_and(alive);
        if let (Some(pid), true) = (child, child_alive) {
            let _ = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(pid),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
        let Some(status) = status else {
            assert!(
                child.is_some(),
                "TERM@{n}: run() blocked before its child started"
            );
            break;
        };
        assert_eq!(status.signal(), Some(libc::SIGTERM), "TERM@{n}: {status:?}");
        assert!(!child_alive, "TERM@{n}: the child of run() outlived sigpy");
        n += 5;
    }
}
