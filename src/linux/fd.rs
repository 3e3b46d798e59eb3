//! Raw fd numbers kept in Python objects (file objects store theirs as an
//! int), turned back into Rust fd types.

use std::os::fd::{BorrowedFd, FromRawFd, OwnedFd, RawFd};

/// Borrows an fd number that its owner keeps open while it is used.
/// Callers pass only fds they opened and have not closed.
pub fn borrow(fd: RawFd) -> BorrowedFd<'static> {
    // SAFETY: callers own `fd` (a file object's descriptor, open until its
    // `close` marks it closed first) and use the borrow only meanwhile; an
    // fd closed behind their back only makes system calls fail with EBADF.
    unsafe { BorrowedFd::borrow_raw(fd) }
}

/// Takes ownership of an fd number, to close it (when dropped).
pub fn own(fd: RawFd) -> OwnedFd {
    // SAFETY: the caller gives up its only copy of `fd` (a file object
    // marks itself closed before calling this), so nothing else closes it.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

/// The lowest number sigpy's own long-lived fds (the signalfd, the
/// io_uring ring, a helper thread's eventfd) take, so that the fds a
/// script opens get the numbers CPython would give (its first `os.pipe()`
/// is (3, 4)): 1000, or 24 below a lower `RLIMIT_NOFILE` soft limit (at
/// least 3).
pub fn internal_floor() -> RawFd {
    static FLOOR: std::sync::OnceLock<RawFd> = std::sync::OnceLock::new();
    *FLOOR.get_or_init(|| {
        let soft = rustix::process::getrlimit(rustix::process::Resource::Nofile)
            .current
            .unwrap_or(u64::MAX);
        soft.saturating_sub(24).clamp(3, 1000) as RawFd
    })
}

/// Grows the process's fd table to hold `internal_floor()` while the
/// process has one thread: growing it later, from the interpreter thread,
/// waits for an RCU grace period in the kernel (measured: 10-22 ms added
/// to start-up by the first `move_high`). Best effort.
pub fn grow_table() {
    let Ok(null) = rustix::fs::open(
        "/dev/null",
        rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    ) else {
        return;
    };
    // Dropping the duplicate closes it; the table keeps its size.
    let _ = rustix::io::fcntl_dupfd_cloexec(&null, internal_floor());
}

/// Moves one of sigpy's own fds to a number at or above
/// `internal_floor()`, close-on-exec, closing the original; keeps the
/// original where no such number is free.
pub fn move_high(fd: OwnedFd) -> OwnedFd {
    match rustix::io::fcntl_dupfd_cloexec(&fd, internal_floor()) {
        Ok(high) => high,
        Err(_) => fd,
    }
}
