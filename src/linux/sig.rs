//! Signal masks, dispositions, the signalfd, sending signals and interval
//! timers. A set of signals is a `Mask`: bit `n - 1` stands for signal `n`
//! (1..=64, real-time signals included, which nix's `Signal` enum lacks).

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use nix::sys::signal::{SigSet, SigmaskHow};

/// A set of signals, bit `n - 1` for signal `n`.
pub type Mask = u64;

/// One past the highest signal number (`signal.NSIG`).
pub const NSIG: i32 = 65;

/// The bit of signal `n`.
pub fn bit(n: i32) -> Mask {
    if (1..NSIG).contains(&n) {
        1u64 << (n - 1)
    } else {
        0
    }
}

/// The signal numbers in a mask, ascending.
pub fn members(m: Mask) -> impl Iterator<Item = i32> {
    (1..NSIG).filter(move |&n| m & bit(n) != 0)
}

/// `SIGRTMIN` and `SIGRTMAX` as the C library reports them.
pub fn rt_range() -> (i32, i32) {
    (libc::SIGRTMIN(), libc::SIGRTMAX())
}

fn to_sigset(m: Mask) -> SigSet {
    // SAFETY: `set` is a local sigset_t initialised by sigemptyset before
    // sigaddset touches it; signal numbers are in 1..NSIG, which the C
    // library accepts (it rejects nothing it cannot store).
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for n in members(m) {
            libc::sigaddset(&mut set, n);
        }
        set
    };
    // SAFETY: `set` was initialised by sigemptyset/sigaddset above.
    unsafe { SigSet::from_sigset_t_unchecked(set) }
}

fn from_sigset(s: &SigSet) -> Mask {
    let raw: &libc::sigset_t = s.as_ref();
    let mut m = 0;
    for n in 1..NSIG {
        // SAFETY: `raw` points to an initialised sigset_t owned by `s`.
        if unsafe { libc::sigismember(raw, n) } == 1 {
            m |= bit(n);
        }
    }
    m
}

/// The calling thread's blocked mask.
pub fn thread_mask() -> Mask {
    SigSet::thread_get_mask()
        .map(|s| from_sigset(&s))
        .unwrap_or(0)
}

/// Blocks (`true`) or unblocks the signals of `m` in the calling thread.
pub fn set_blocked(m: Mask, block: bool) -> io::Result<()> {
    let how = if block {
        SigmaskHow::SIG_BLOCK
    } else {
        SigmaskHow::SIG_UNBLOCK
    };
    nix::sys::signal::pthread_sigmask(how, Some(&to_sigset(m)), None).map_err(io::Error::from)
}

/// Replaces the calling thread's blocked mask.
pub fn set_thread_mask(m: Mask) -> io::Result<()> {
    nix::sys::signal::pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(&to_sigset(m)), None)
        .map_err(io::Error::from)
}

/// Signals pending for the thread or the process (`sigpending`).
pub fn pending() -> Mask {
    // SAFETY: sigpending fills the local, zero-initialised set.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigpending(&mut set);
        set
    };
    // SAFETY: `set` was initialised above.
    from_sigset(&unsafe { SigSet::from_sigset_t_unchecked(set) })
}

/// A kernel disposition sigpy sets (it never installs a handler function).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Default,
    Ignore,
    /// Something else (a handler inherited across exec cannot exist, but
    /// a library could have installed one).
    Other,
}

/// The current kernel disposition of signal `n`.
pub fn disposition(n: i32) -> Disposition {
    // SAFETY: a null `act` only queries; `old` is a local out-parameter.
    let (rc, old) = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        let rc = libc::sigaction(n, std::ptr::null(), &mut old);
        (rc, old)
    };
    if rc != 0 {
        return Disposition::Default;
    }
    match old.sa_sigaction {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        _ => Disposition::Other,
    }
}

/// Sets the kernel disposition of signal `n` to default or ignore.
pub fn set_disposition(n: i32, d: Disposition) -> io::Result<()> {
    let handler = match d {
        Disposition::Ignore => libc::SIG_IGN,
        _ => libc::SIG_DFL,
    };
    // SAFETY: `act` is a zeroed sigaction with an empty mask and one of the
    // two constant dispositions; no handler function is installed.
    let rc = unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        libc::sigemptyset(&mut act.sa_mask);
        libc::sigaction(n, &act, std::ptr::null_mut())
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// `kill(pid, sig)`; `sig` 0 checks that the process exists.
pub fn kill(pid: i32, sig: i32) -> io::Result<()> {
    // SAFETY: kill takes plain integers and reports errors through errno.
    if unsafe { libc::kill(pid, sig) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// `killpg(pgrp, sig)`.
pub fn killpg(pgrp: i32, sig: i32) -> io::Result<()> {
    // SAFETY: killpg takes plain integers and reports errors through errno.
    if unsafe { libc::killpg(pgrp, sig) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Sends `sig` to the calling thread (`raise`).
pub fn raise(sig: i32) -> io::Result<()> {
    // SAFETY: raise takes a plain integer and reports errors through errno.
    if unsafe { libc::raise(sig) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

pub fn getpid() -> i32 {
    std::process::id() as i32
}

pub fn getuid() -> u32 {
    rustix::process::getuid().as_raw()
}

pub fn getppid() -> i32 {
    nix::unistd::getppid().as_raw()
}

/// `getpgid(pid)` (0: the caller).
pub fn getpgid(pid: i32) -> io::Result<i32> {
    nix::unistd::getpgid(Some(nix::unistd::Pid::from_raw(pid)))
        .map(|p| p.as_raw())
        .map_err(io::Error::from)
}

/// `strsignal(n)`, or None for a number the C library does not know.
pub fn strsignal(n: i32) -> Option<String> {
    // SAFETY: strsignal returns a pointer to a static or thread-local
    // string, which is copied at once, before any other call.
    let p = unsafe { libc::strsignal(n) };
    if p.is_null() {
        return None;
    }
    // SAFETY: non-null strsignal results are NUL-terminated C strings.
    let s = unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned();
    if s.starts_with("Unknown signal") {
        None
    } else {
        Some(s)
    }
}

/// `alarm(secs)`: returns the seconds left of the previous alarm.
pub fn alarm(secs: u32) -> u32 {
    // SAFETY: alarm takes a plain integer and cannot fail.
    unsafe { libc::alarm(secs) }
}

/// `setitimer(which, value, interval)`: returns the old (value, interval).
pub fn setitimer(which: i32, value: f64, interval: f64) -> io::Result<(f64, f64)> {
    let new = libc::itimerval {
        it_interval: to_timeval(interval),
        it_value: to_timeval(value),
    };
    // SAFETY: `new` and `old` are valid local itimervals.
    let (rc, old) = unsafe {
        let mut old: libc::itimerval = std::mem::zeroed();
        let rc = libc::setitimer(which as libc::c_int, &new, &mut old);
        (rc, old)
    };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok((from_timeval(old.it_value), from_timeval(old.it_interval)))
}

/// `getitimer(which)`: (value, interval).
pub fn getitimer(which: i32) -> io::Result<(f64, f64)> {
    // SAFETY: `cur` is a valid local itimerval out-parameter.
    let (rc, cur) = unsafe {
        let mut cur: libc::itimerval = std::mem::zeroed();
        let rc = libc::getitimer(which as libc::c_int, &mut cur);
        (rc, cur)
    };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok((from_timeval(cur.it_value), from_timeval(cur.it_interval)))
}

fn to_timeval(secs: f64) -> libc::timeval {
    let secs = secs.max(0.0);
    let mut sec = secs.trunc();
    let mut usec = ((secs - sec) * 1e6).ceil();
    if usec >= 1e6 {
        sec += 1.0;
        usec -= 1e6;
    }
    libc::timeval {
        tv_sec: sec.min(i64::MAX as f64) as libc::time_t,
        tv_usec: usec as libc::suseconds_t,
    }
}

fn from_timeval(tv: libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6
}

/// The fields of a `signalfd_siginfo` that `signal.siginfo()` shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SigInfo {
    pub signo: i32,
    pub code: i32,
    pub errno: i32,
    pub pid: i32,
    pub uid: u32,
    pub status: i32,
    pub band: i64,
}

/// A non-blocking, close-on-exec signalfd.
#[derive(Debug)]
pub struct SignalFd {
    fd: OwnedFd,
}

impl SignalFd {
    pub fn new(mask: Mask) -> io::Result<SignalFd> {
        let set = to_sigset(mask);
        let raw: &libc::sigset_t = set.as_ref();
        // SAFETY: `raw` is an initialised sigset_t; -1 asks for a new fd.
        let fd = unsafe { libc::signalfd(-1, raw, libc::SFD_NONBLOCK | libc::SFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` is a new descriptor that nothing else owns.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        Ok(SignalFd {
            fd: super::fd::move_high(fd),
        })
    }

    /// Changes the set of signals the fd reports (`signalfd(fd, mask)`).
    pub fn set_mask(&self, mask: Mask) -> io::Result<()> {
        let set = to_sigset(mask);
        let raw: &libc::sigset_t = set.as_ref();
        // SAFETY: `raw` is an initialised sigset_t and the fd is our
        // signalfd, so this only updates its mask.
        let fd = unsafe { libc::signalfd(self.fd.as_raw_fd(), raw, 0) };
        if fd < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(())
        }
    }

    /// Reads every pending signal into `out` (up to 16 per system call;
    /// a short read means the fd is drained).
    pub fn read_all(&self, out: &mut impl Extend<SigInfo>) -> io::Result<()> {
        const BATCH: usize = 16;
        let size = std::mem::size_of::<libc::signalfd_siginfo>();
        // Not zeroed (2 KB per read): only what the kernel wrote is read.
        let mut buf = std::mem::MaybeUninit::<[libc::signalfd_siginfo; BATCH]>::uninit();
        loop {
            // SAFETY: `buf` is a writable buffer of exactly BATCH * size
            // bytes, and the kernel writes whole siginfo records.
            let n =
                unsafe { libc::read(self.fd.as_raw_fd(), buf.as_mut_ptr().cast(), BATCH * size) };
            if n < 0 {
                let e = io::Error::last_os_error();
                return match e.raw_os_error() {
                    Some(libc::EAGAIN) => Ok(()),
                    Some(libc::EINTR) => continue,
                    _ => Err(e),
                };
            }
            let records = (n as usize / size).min(BATCH);
            // SAFETY: the kernel initialized the first `records` whole
            // records of `buf` (n bytes), and signalfd_siginfo is plain data.
            let read: &[libc::signalfd_siginfo] =
                unsafe { std::slice::from_raw_parts(buf.as_ptr().cast(), records) };
            out.extend(read.iter().map(|info| SigInfo {
                signo: info.ssi_signo as i32,
                code: info.ssi_code,
                errno: info.ssi_errno,
                pid: info.ssi_pid as i32,
                uid: info.ssi_uid,
                status: info.ssi_status,
                band: info.ssi_band as i64,
            }));
            if records < BATCH {
                return Ok(());
            }
        }
    }

    pub fn raw(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}

/// Ends the process by signal `n`: default disposition, unblocked in this
/// thread, raised. Returns only where the kernel refuses to kill (PID 1).
pub fn die_by(n: i32) {
    let _ = set_disposition(n, Disposition::Default);
    let _ = set_blocked(bit(n), false);
    let _ = raise(n);
}

/// Writes one byte to a raw fd the program named (`set_wakeup_fd`);
/// errors (a closed fd, a full pipe) are ignored, as CPython does.
pub fn write_byte(fd: RawFd, b: u8) {
    // SAFETY: writes one byte from a local to a plain fd number; an
    // invalid fd only makes write fail with EBADF.
    let _ = unsafe { libc::write(fd, (&b as *const u8).cast(), 1) };
}

/// Whether `fd` is open and in non-blocking mode: Some(nonblocking), or
/// None for a closed fd.
pub fn fd_nonblocking(fd: RawFd) -> Option<bool> {
    // SAFETY: F_GETFL on a plain fd number only reads its flags.
    let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if fl < 0 {
        None
    } else {
        Some(fl & libc::O_NONBLOCK != 0)
    }
}
