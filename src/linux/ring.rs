//! An io_uring ring that watches the signalfd, so that the tick can learn
//! of a pending signal from a flag in shared memory instead of a system
//! call. The ring is set up with `IORING_SETUP_COOP_TASKRUN |
//! IORING_SETUP_TASKRUN_FLAG` and holds one multishot `POLL_ADD` on the
//! signalfd:
//! when a signal arrives, the kernel queues the poll completion as task
//! work for this thread and sets `IORING_SQ_TASKRUN` in the ring's flags
//! word, which `signalled` reads (an atomic load, no kernel entry).
//!
//! The ring belongs to the thread that created it (the completion is task
//! work for that thread): create it on the interpreter thread.

use std::io;
use std::os::fd::{AsRawFd, IntoRawFd, RawFd};

use io_uring::{opcode, types, IoUring};

/// The ring and the fd it watches.
pub struct SignalRing {
    ring: IoUring,
    fd: RawFd,
}

impl SignalRing {
    /// A ring polling `fd` for input; `Err` where the kernel (older than
    /// 5.19) or a seccomp profile refuses io_uring.
    pub fn new(fd: RawFd) -> io::Result<SignalRing> {
        let ring = IoUring::builder()
            .setup_coop_taskrun()
            .setup_taskrun_flag()
            .build(4)?;
        let mut r = SignalRing {
            ring: move_high(ring),
            fd,
        };
        r.add_poll()?;
        Ok(r)
    }

    /// Whether the watched fd may have become readable since the last
    /// `reap`: the task-run flag is set or a completion is waiting.
    #[inline]
    pub fn signalled(&mut self) -> bool {
        self.ring.submission().taskrun() || !self.ring.completion().is_empty()
    }

    /// Reaps the completions of the multishot poll, after the fd was
    /// drained (that read ran the pending task work, which posted them).
    /// No system call, unless the kernel ended the multishot poll and it
    /// must be added again.
    pub fn reap(&mut self) -> io::Result<()> {
        let mut ended = false;
        for cqe in self.ring.completion() {
            if !io_uring::cqueue::more(cqe.flags()) {
                ended = true;
            }
        }
        if ended {
            self.add_poll()?;
        }
        Ok(())
    }

    /// Submits a multishot `POLL_ADD` on the fd: one completion per
    /// wake-up until the kernel ends it (a completion without `F_MORE`).
    fn add_poll(&mut self) -> io::Result<()> {
        let entry = opcode::PollAdd::new(types::Fd(self.fd), libc::POLLIN as u32)
            .multi(true)
            .build()
            .user_data(1);
        // SAFETY: the entry refers only to `self.fd`, which the caller keeps
        // open for the ring's lifetime, and to no user memory.
        let pushed = unsafe { self.ring.submission().push(&entry) };
        if pushed.is_err() {
            return Err(io::Error::other("io_uring submission queue full"));
        }
        self.ring.submit()?;
        Ok(())
    }
}

/// The same ring on an fd at or above `fd::internal_floor()` (the fds a
/// script opens keep CPython's numbers), or `ring` itself where no such
/// number is free.
fn move_high(ring: IoUring) -> IoUring {
    let floor = super::fd::internal_floor();
    if ring.as_raw_fd() >= floor {
        return ring;
    }
    let Ok(high) = rustix::io::fcntl_dupfd_cloexec(super::fd::borrow(ring.as_raw_fd()), floor)
    else {
        return ring;
    };
    let params = ring.params().clone();
    // SAFETY: `high` is a new fd that only this call owns, a duplicate of
    // the ring's own fd (so it refers to that io_uring instance), and
    // `params` are the ones the kernel filled in when it set the ring up.
    // The new `IoUring` maps the ring's memory again through it; dropping
    // the old one unmaps only its own mapping and closes the low fd.
    match unsafe { IoUring::from_fd(high.into_raw_fd(), params) } {
        Ok(moved) => moved,
        Err(_) => ring,
    }
}
