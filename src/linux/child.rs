//! Children: `/bin/sh -c` and `subprocess` programs started with the
//! signal state the interpreter inherited, and a pidfd to wait on them
//! through the wait primitive.

use std::ffi::OsStr;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, Stdio};

use super::sig::{
    bit, disposition, set_disposition, set_thread_mask, thread_mask, Disposition, Mask, NSIG,
};

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
    // `reset_signals`, which allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            reset_signals(signals);
            Ok(())
        })
    }
}

/// Puts the calling thread in the signal state `signals` (before an
/// exec): every disposition SIG_DFL except `ignored` (SIG_IGN), then
/// `mask` blocked. Async-signal-safe: no allocation.
pub fn reset_signals(signals: ChildSignals) {
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
}

/// The calling thread's signal state in `reset_signals`' terms (its
/// mask and the SIG_IGN dispositions), to put back after a failed exec.
/// sigpy sets only SIG_DFL and SIG_IGN, so this is the whole state.
pub fn current_signals() -> ChildSignals {
    let ignored = (1..NSIG)
        .filter(|&n| disposition(n) == Disposition::Ignore)
        .fold(0, |m, n| m | bit(n));
    ChildSignals {
        mask: thread_mask(),
        ignored,
    }
}

/// Where a child's fd 0, 1 or 2 comes from.
#[derive(Debug, Clone, Copy)]
pub enum ChildFd {
    /// The parent's own fd of that number.
    Inherit,
    /// `/dev/null`.
    Null,
    /// A copy of this fd of the parent (which keeps its own).
    Fd(RawFd),
}

/// What a `subprocess` child is started with.
pub struct ProgramSpec<'a> {
    /// The file to execute (searched along `PATH` without a `/`).
    pub program: &'a OsStr,
    /// The argument vector, `argv[0]` included.
    pub argv: &'a [&'a OsStr],
    pub cwd: Option<&'a OsStr>,
    /// The whole environment, or None to inherit sigpy's.
    pub env: Option<&'a [(&'a OsStr, &'a OsStr)]>,
    pub stdio: [ChildFd; 3],
    /// Close every fd >= 3 at exec (CPython's `close_fds=True`).
    pub close_fds: bool,
    /// `setsid()` in the child (`start_new_session=True`).
    pub new_session: bool,
    /// `setpgid(0, pgid)` in the child (`process_group=`).
    pub process_group: Option<i32>,
    pub signals: ChildSignals,
}

fn stdio(fd: ChildFd) -> io::Result<Stdio> {
    Ok(match fd {
        ChildFd::Inherit => Stdio::inherit(),
        ChildFd::Null => Stdio::null(),
        ChildFd::Fd(fd) => {
            let copy = rustix::io::fcntl_dupfd_cloexec(super::fd::borrow(fd), 3)?;
            Stdio::from(copy)
        }
    })
}

/// Starts a program as `spec` says and returns its pid. The child is not
/// waited for here: the caller reaps it (`wait_exit`). An error of the
/// exec (missing or non-executable program) comes back as the `io::Error`.
pub fn spawn_program(spec: &ProgramSpec) -> io::Result<i32> {
    let mut c = Command::new(spec.program);
    if let Some(arg0) = spec.argv.first() {
        c.arg0(arg0);
    }
    c.args(spec.argv.iter().skip(1));
    if let Some(cwd) = spec.cwd {
        c.current_dir(cwd);
    }
    if let Some(env) = spec.env {
        c.env_clear();
        c.envs(env.iter().copied());
    }
    c.stdin(stdio(spec.stdio[0])?);
    c.stdout(stdio(spec.stdio[1])?);
    c.stderr(stdio(spec.stdio[2])?);
    if let Some(pgid) = spec.process_group {
        c.process_group(pgid);
    }
    with_signals(&mut c, spec.signals);
    let (close_fds, new_session) = (spec.close_fds, spec.new_session);
    // SAFETY: the closure runs in the forked child before exec and makes
    // only async-signal-safe system calls (setsid, close_range, fcntl),
    // allocating nothing. Marking fds close-on-exec rather than closing
    // them keeps std's own exec-error pipe working until the exec.
    unsafe {
        c.pre_exec(move || {
            if new_session && libc::setsid() < 0 {
                return Err(io::Error::last_os_error());
            }
            if close_fds {
                let r = libc::syscall(
                    libc::SYS_close_range,
                    3 as libc::c_uint,
                    libc::c_uint::MAX,
                    libc::CLOSE_RANGE_CLOEXEC,
                );
                if r != 0 {
                    // Kernels before 5.11: mark them one by one.
                    let max = libc::sysconf(libc::_SC_OPEN_MAX).clamp(1024, 1 << 20) as i32;
                    for fd in 3..max {
                        libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
                    }
                }
            }
            Ok(())
        });
    }
    let child = c.spawn()?;
    Ok(child.id() as i32)
}

/// How a child ended, as `Popen.returncode`: its exit status, or `-N`
/// when signal N killed it.
pub fn returncode(status: i32) -> i32 {
    let st = std::process::ExitStatus::from_raw(status);
    match (st.code(), st.signal()) {
        (Some(code), _) => code,
        (None, Some(sig)) => -sig,
        _ => 0,
    }
}

/// Reaps child `pid` if it has exited: its raw wait status, None while it
/// runs. A child some other `waitpid` already reaped (`ECHILD`) counts as
/// exited with status 0, as CPython does.
pub fn try_reap(pid: i32) -> io::Result<Option<i32>> {
    let Some(p) = rustix::process::Pid::from_raw(pid) else {
        return Err(io::Error::from_raw_os_error(libc::ECHILD));
    };
    match rustix::process::waitpid(Some(p), rustix::process::WaitOptions::NOHANG) {
        Ok(Some(st)) => Ok(Some(st.as_raw() as i32)),
        Ok(None) => Ok(None),
        Err(rustix::io::Errno::CHILD) => Ok(Some(0)),
        Err(e) => Err(e.into()),
    }
}

/// A pidfd of child `pid` (still unreaped, so the pid cannot have been
/// reused), or None when it no longer exists.
pub fn pidfd_of(pid: i32) -> io::Result<Option<OwnedFd>> {
    let Some(p) = rustix::process::Pid::from_raw(pid) else {
        return Ok(None);
    };
    match rustix::process::pidfd_open(p, rustix::process::PidfdFlags::empty()) {
        Ok(fd) => Ok(Some(fd)),
        Err(rustix::io::Errno::SRCH) => Ok(None),
        Err(e) => Err(e.into()),
    }
}
