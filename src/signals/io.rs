//! Blocking I/O through the wait primitive: one system call on an fd, done
//! when the fd is ready, with signals dispatched while waiting.
//!
//! Every builtin that reads, writes, accepts or connects on an fd that can
//! block (pipes, FIFOs, ttys, sockets, stdin) goes through `ready_then`:
//! - an fd in non-blocking mode (the pipes and sockets sigpy creates) is
//!   tried first; on `EAGAIN` the call waits for readiness and tries again;
//! - a blocking fd (stdin, stdout and stderr as inherited, never switched
//!   to `O_NONBLOCK`) is waited on first, then the call is made once.
//!
//! A handler that raises while waiting makes the call raise; otherwise the
//! wait goes on to the original deadline (PEP 475). `EINTR` is retried.
//! Callers must not hold a `RefCell` borrow of a Python object across
//! these calls (a handler may touch any object): read into a local buffer
//! and copy out, write from an owned or `Rc`-held copy.

use std::io;
use std::os::fd::RawFd;
use std::time::Instant;

use super::wait::{wait, WaitResult};
use crate::linux::fd::borrow;
use crate::linux::poll::{PollFd, POLLIN, POLLOUT};
use crate::runtime::exc::{os_error, RunResult};
use crate::vm::Vm;

/// Whether `fd` is in non-blocking mode (`O_NONBLOCK`).
pub fn is_nonblocking(fd: RawFd) -> io::Result<bool> {
    let fl = rustix::fs::fcntl_getfl(borrow(fd))?;
    Ok(fl.contains(rustix::fs::OFlags::NONBLOCK))
}

/// Runs `op` (one system call on `fd`) once `fd` is ready for `events`
/// (`POLLIN`, `POLLOUT`), waiting through the wait primitive until
/// `deadline` (None: no limit). Returns `Ok(None)` when the deadline
/// passed first. `op`'s own error becomes the matching `OSError`.
pub fn ready_then<T>(
    vm: &mut Vm,
    fd: RawFd,
    events: i16,
    deadline: Option<Instant>,
    mut op: impl FnMut() -> io::Result<T>,
) -> RunResult<Option<T>> {
    let nonblocking = is_nonblocking(fd).map_err(|e| os_error(&e, None))?;
    let mut try_first = nonblocking;
    loop {
        if try_first {
            match op() {
                Ok(v) => return Ok(Some(v)),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(os_error(&e, None)),
            }
        }
        let mut fds = [PollFd::new(fd, events)];
        match wait(vm, &mut fds, deadline)? {
            WaitResult::TimedOut => return Ok(None),
            _ => try_first = true,
        }
        if !nonblocking {
            // A blocking fd is ready: the call returns at once (or an
            // error, e.g. POLLHUP/POLLERR make read/write report it).
            loop {
                match op() {
                    Ok(v) => return Ok(Some(v)),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    // Another reader took the data first: wait again.
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) => return Err(os_error(&e, None)),
                }
            }
            try_first = false;
        }
    }
}

/// Reads up to `buf.len()` bytes from `fd` (0 at end of file).
pub fn read(
    vm: &mut Vm,
    fd: RawFd,
    buf: &mut [u8],
    deadline: Option<Instant>,
) -> RunResult<Option<usize>> {
    ready_then(vm, fd, POLLIN, deadline, || {
        rustix::io::read(borrow(fd), &mut *buf).map_err(io::Error::from)
    })
}

/// The most a write to a blocking fd takes at once: a pipe that polls
/// writable has room for `PIPE_BUF` bytes, while a bigger write would
/// block in the kernel (with every signal held back) until all of it fits.
pub const BLOCKING_CHUNK: usize = 4096;

/// Writes some of `data` to `fd`; returns how much was written (at most
/// `BLOCKING_CHUNK` bytes at once to a blocking fd).
pub fn write(
    vm: &mut Vm,
    fd: RawFd,
    data: &[u8],
    deadline: Option<Instant>,
) -> RunResult<Option<usize>> {
    let blocking = !is_nonblocking(fd).map_err(|e| os_error(&e, None))?;
    let data = if blocking && data.len() > BLOCKING_CHUNK {
        &data[..BLOCKING_CHUNK]
    } else {
        data
    };
    ready_then(vm, fd, POLLOUT, deadline, || {
        rustix::io::write(borrow(fd), data).map_err(io::Error::from)
    })
}

/// Writes all of `data` to `fd` across partial writes. `Err(n)` inside
/// the `Ok` says the deadline passed after `n` bytes.
pub fn write_all(
    vm: &mut Vm,
    fd: RawFd,
    data: &[u8],
    deadline: Option<Instant>,
) -> RunResult<Result<(), usize>> {
    let mut done = 0;
    while done < data.len() {
        match write(vm, fd, &data[done..], deadline)? {
            Some(n) => done += n,
            None => return Ok(Err(done)),
        }
    }
    Ok(Ok(()))
}

/// Waits until the process behind `pidfd` has exited (its pidfd becomes
/// readable). Returns false when the deadline passed first.
pub fn wait_pidfd(vm: &mut Vm, pidfd: RawFd, deadline: Option<Instant>) -> RunResult<bool> {
    let mut fds = [PollFd::new(pidfd, POLLIN)];
    Ok(wait(vm, &mut fds, deadline)? != WaitResult::TimedOut)
}

/// Opens `path` (`open(2)` with `flags | O_CLOEXEC` and `mode`). Opening a
/// FIFO blocks until the other end opens, inside one system call that a
/// signal cannot cut short (sigpy's threads block signals): without
/// `O_NONBLOCK` it runs on a helper thread (`offload`) while this thread
/// waits in the wait primitive and runs handlers. If a handler raises,
/// the helper's open is abandoned (its fd is closed when it completes).
pub fn open(
    vm: &mut Vm,
    path: &std::ffi::CStr,
    flags: i32,
    mode: u32,
) -> RunResult<io::Result<std::os::fd::OwnedFd>> {
    use rustix::fs::{FileType, Mode, OFlags};
    let oflags = OFlags::from_bits_retain(flags as u32) | OFlags::CLOEXEC;
    let mode = Mode::from_raw_mode(mode);
    let fifo = flags & libc::O_NONBLOCK == 0
        && matches!(rustix::fs::stat(path), Ok(st) if FileType::from_raw_mode(st.st_mode) == FileType::Fifo);
    if !fifo {
        return Ok(rustix::fs::open(path, oflags, mode).map_err(io::Error::from));
    }
    let owned = path.to_owned();
    super::offload::offload(vm, move || loop {
        match rustix::fs::open(owned.as_c_str(), oflags, mode) {
            Err(rustix::io::Errno::INTR) => continue,
            r => return r.map_err(io::Error::from),
        }
    })
}
