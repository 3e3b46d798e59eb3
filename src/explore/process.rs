//! Running one child for `sigpy explore`: in a process group of its own,
//! stdin from /dev/null, output to files, a time limit after which the
//! whole group is killed. Live groups are registered so that an explore
//! interrupted by SIGINT/SIGTERM/SIGHUP kills them before it dies.

use std::collections::BTreeSet;
use std::fs::File;
use std::io;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rustix::event::{poll, PollFd, PollFlags};
use rustix::process::{pidfd_open, Pid, PidfdFlags};

use crate::linux::child::{with_signals, ChildSignals};
use crate::linux::sig::{self, bit, Disposition, NSIG};

/// How a child ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Exited with this status.
    Exit(i32),
    /// Killed by this signal.
    Signal(i32),
    /// Still running at the time limit; its group was killed.
    TimedOut,
}

/// Process groups of running children, and whether explore is stopping.
struct Live {
    stopping: bool,
    groups: BTreeSet<i32>,
}

/// The signal state explore started with, which every child gets back.
static CHILD_SIGNALS: std::sync::OnceLock<ChildSignals> = std::sync::OnceLock::new();

static LIVE: Mutex<Live> = Mutex::new(Live {
    stopping: false,
    groups: BTreeSet::new(),
});

fn live() -> std::sync::MutexGuard<'static, Live> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `cmd` to its end or `timeout`, stdout and stderr to the files
/// `out` and `err` (the same path for both merges them).
pub fn run(cmd: &mut Command, out: &Path, err: &Path, timeout: Duration) -> io::Result<Ended> {
    cmd.stdin(Stdio::null()).process_group(0);
    if let Some(signals) = CHILD_SIGNALS.get() {
        with_signals(cmd, *signals);
    }
    let mut child = {
        // Files are created under the lock, so none appears after an
        // interrupted explore has removed its folder.
        let mut live = live();
        if live.stopping {
            return Err(io::Error::from(io::ErrorKind::Interrupted));
        }
        let out_file = File::create(out)?;
        let err_file = if err == out {
            out_file.try_clone()?
        } else {
            File::create(err)?
        };
        let child = cmd.stdout(out_file).stderr(err_file).spawn()?;
        live.groups.insert(child.id() as i32);
        child
    };
    let pgid = child.id() as i32;
    let timed_out = !wait_exit(&child, timeout)?;
    // The leader is not reaped yet, so the group id cannot be reused:
    // kill whatever the child left behind in its group.
    let _ = sig::killpg(pgid, libc::SIGKILL);
    let status = child.wait();
    live().groups.remove(&pgid);
    let status = status?;
    Ok(match (timed_out, status.code(), status.signal()) {
        (true, _, _) => Ended::TimedOut,
        (false, Some(c), _) => Ended::Exit(c),
        (false, None, s) => Ended::Signal(s.unwrap_or(0)),
    })
}

/// Waits until `child` has exited (true) or `timeout` passed (false),
/// without reaping it.
fn wait_exit(child: &std::process::Child, timeout: Duration) -> io::Result<bool> {
    let pid = Pid::from_child(child);
    let fd = pidfd_open(pid, PidfdFlags::empty())?;
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let ms = left.as_millis().min(i32::MAX as u128) as i32;
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        match poll(&mut fds, ms) {
            Ok(n) if n > 0 => return Ok(true),
            Ok(_) if left.is_zero() => return Ok(false),
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
}

/// Runs `make` (which creates files) unless explore is stopping.
pub fn unless_stopping<T>(make: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
    let live = live();
    if live.stopping {
        return Err(io::Error::from(io::ErrorKind::Interrupted));
    }
    make()
}

/// Whether an interrupt is stopping explore.
pub fn stopping() -> bool {
    live().stopping
}

/// Never returns once an interrupt is stopping explore: the signal thread
/// is removing the temporary folder and will end the process by the
/// signal, which a normal exit of the main thread must not pre-empt (the
/// workers see their killed trials and finish early meanwhile).
pub fn wait_if_stopping() {
    while stopping() {
        std::thread::park_timeout(Duration::from_millis(100));
    }
}

/// Stops starting children and kills the group of every running one.
pub fn kill_all() {
    let mut live = live();
    live.stopping = true;
    for &g in &live.groups {
        let _ = sig::killpg(g, libc::SIGKILL);
    }
}

/// Waits, at most `limit`, until the workers have reaped every killed
/// child: SIGKILL is not instant, and a trial must not outlive explore
/// (the one that was still exiting went on running, reparented).
fn wait_reaped(limit: Duration) {
    let deadline = Instant::now() + limit;
    while !live().groups.is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Handles SIGINT, SIGTERM and SIGHUP on a thread of their own: the
/// children's groups are killed, `cleanup` runs, then explore dies by that
/// signal. Call before any other thread exists (the mask is inherited);
/// children start with the mask and ignored signals explore inherited.
pub fn on_interrupt(cleanup: impl FnOnce() + Send + 'static) -> io::Result<()> {
    use nix::sys::signal::{SigSet, Signal};
    // SIGPIPE is ignored by the Rust runtime, not by whoever started us.
    let ignored = (1..NSIG)
        .filter(|&n| n != libc::SIGPIPE && sig::disposition(n) == Disposition::Ignore)
        .fold(0, |m, n| m | bit(n));
    let _ = CHILD_SIGNALS.set(ChildSignals {
        mask: sig::thread_mask(),
        ignored,
    });
    let mut set = SigSet::empty();
    for s in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP] {
        set.add(s);
    }
    set.thread_block().map_err(io::Error::from)?;
    std::thread::Builder::new()
        .name("explore-signals".into())
        .spawn(move || {
            if let Ok(s) = set.wait() {
                kill_all();
                wait_reaped(Duration::from_secs(5));
                cleanup();
                sig::die_by(s as i32);
                std::process::exit(128 + s as i32);
            }
        })?;
    Ok(())
}
