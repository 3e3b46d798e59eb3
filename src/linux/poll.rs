//! `ppoll` over raw fds: the one blocking system call of the wait primitive.

use std::io;
use std::os::fd::RawFd;
use std::time::Duration;

pub use libc::{POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLPRI};

/// One fd to wait on: the events asked for, the events that occurred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollFd {
    pub fd: RawFd,
    pub events: i16,
    pub revents: i16,
}

impl PollFd {
    pub fn new(fd: RawFd, events: i16) -> PollFd {
        PollFd {
            fd,
            events,
            revents: 0,
        }
    }
}

/// Waits until an fd is ready or `timeout` passes (None: no limit), with
/// the thread's signal mask unchanged. Returns the number of ready fds;
/// `Err` with `EINTR` when the kernel interrupted the wait.
pub fn ppoll(fds: &mut [PollFd], timeout: Option<Duration>) -> io::Result<usize> {
    let mut raw: smallvec::SmallVec<[libc::pollfd; 8]> = fds
        .iter()
        .map(|p| libc::pollfd {
            fd: p.fd,
            events: p.events,
            revents: 0,
        })
        .collect();
    let ts = timeout.map(|d| libc::timespec {
        tv_sec: d.as_secs().min(i64::MAX as u64) as libc::time_t,
        tv_nsec: d.subsec_nanos() as libc::c_long,
    });
    let ts_ptr = ts
        .as_ref()
        .map_or(std::ptr::null(), |t| t as *const libc::timespec);
    // SAFETY: `raw` is a valid array of `raw.len()` pollfds, `ts_ptr` is
    // null or points to a live timespec, and a null sigmask keeps the
    // thread's mask as it is.
    let n = unsafe {
        libc::ppoll(
            raw.as_mut_ptr(),
            raw.len() as libc::nfds_t,
            ts_ptr,
            std::ptr::null(),
        )
    };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    for (p, r) in fds.iter_mut().zip(raw.iter()) {
        p.revents = r.revents;
    }
    Ok(n as usize)
}
