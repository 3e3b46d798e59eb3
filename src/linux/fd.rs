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
