//! Children: `/bin/sh -c` started with the signal state the interpreter
//! inherited, and a pidfd to wait on it through the wait primitive.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command};

use super::sig::{bit, set_disposition, set_thread_mask, Disposition, Mask, NSIG};

/// The signal state a child must start with.
#[derive(Debug, Clone, Copy)]
pub struct ChildSignals {
    /// The blocked mask the interpreter inherited.
    pub mask: Mask,
    /// The signals whose disposition must be SIG_IGN; all others SIG_DFL.
    pub ignored: Mask,
}

/// A started child and its pidfd.
pub struct Spawned {
    pub child: Child,
    pub pidfd: OwnedFd,
}

impl Spawned {
    pub fn pidfd(&self) -> RawFd {
        self.pidfd.as_raw_fd()
    }

    /// The raw wait status once the child has exited (after the pidfd
    /// became readable), else None.
    pub fn try_status(&mut self) -> io::Result<Option<i32>> {
        Ok(self.child.try_wait()?.map(|s| s.into_raw()))
    }
}

/// Starts `/bin/sh -c cmd` with the given signal state.
pub fn spawn_shell(cmd: &str, signals: ChildSignals) -> io::Result<Spawned> {
    let mut c = Command::new("/bin/sh");
    c.arg("-c").arg(cmd);
    with_signals(&mut c, signals);
    let child = c.spawn()?;
    let pid = rustix::process::Pid::from_raw(child.id() as i32)
        .ok_or_else(|| io::Error::other("bad child pid"))?;
    let pidfd = rustix::process::pidfd_open(pid, rustix::process::PidfdFlags::empty())?;
    Ok(Spawned { child, pidfd })
}

/// Makes `cmd` start its child with the given signal state: every
/// disposition SIG_DFL except `ignored` (SIG_IGN), and `mask` blocked.
/// (A child otherwise inherits the blocked mask of the thread that
/// spawns it, and sigpy's threads block every managed signal.)
pub fn with_signals(cmd: &mut Command, signals: ChildSignals) -> &mut Command {
    // SAFETY: the closure runs in the forked child before exec; it calls
    // only sigaction and pthread_sigmask (async-signal-safe) through
    // `set_disposition` and `set_thread_mask`, which allocate nothing.
    unsafe {
        cmd.pre_exec(move || {
            for n in 1..NSIG {
                if n == libc::SIGKILL || n == libc::SIGSTOP {
                    continue;
                }
                let d = if signals.ignored & bit(n) != 0 {
                    Disposition::Ignore
                } else {
                    Disposition::Default
                };
                let _ = set_disposition(n, d);
            }
            let _ = set_thread_mask(signals.mask);
            Ok(())
        })
    }
}
