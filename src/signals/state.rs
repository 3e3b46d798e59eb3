//! The runtime's state, one per interpreter thread: the signalfd and its
//! watcher ring, the handler table, the queue of read-but-undispatched
//! signals, the Python-level mask. Reached through `with_rt`, never
//! borrowed across a Python call.

use std::cell::RefCell;
use std::collections::VecDeque;

use super::Inherited;
use crate::linux::ring::SignalRing;
use crate::linux::sig::{self, bit, Disposition, Mask, SigInfo, SignalFd, NSIG};
use crate::runtime::value::Value;

/// What runs when a signal is dispatched.
#[derive(Debug, Clone)]
pub enum Handler {
    /// `SIG_DFL`: `SignalExit` for terminate-by-default signals, else the
    /// kernel's default (the signal is not managed).
    Default,
    /// `SIG_IGN`: the kernel discards it.
    Ignore,
    /// A Python callable (including `default_int_handler`).
    Python(Value),
}

/// How the tick learns that the signalfd may be readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickMode {
    /// An io_uring poll on the signalfd: one atomic load per tick.
    Ring,
    /// A non-blocking `read` of the signalfd per tick (one system call).
    Read,
}

pub struct Runtime {
    pub sfd: SignalFd,
    ring: Option<SignalRing>,
    pub inherited: Inherited,
    /// Signals in the signalfd mask (and blocked in this thread).
    pub managed: Mask,
    /// Extra signals temporarily in the signalfd (during `sigwait`).
    pub waiting: Mask,
    pub handlers: Vec<Handler>,
    /// Read from the signalfd, not yet dispatched, in arrival order.
    pub queue: VecDeque<SigInfo>,
    /// `pthread_sigmask`: signals that stay queued.
    pub pymask: Mask,
    /// The siginfo of each handler running (innermost last).
    pub current: Vec<SigInfo>,
    /// Atexit or `sys.exitfunc` is running: a default-action signal kills.
    pub exiting: bool,
    /// `set_wakeup_fd`: a byte per signal, or -1.
    pub wakeup_fd: i32,
    /// Signals dispatched so far (for `pause`).
    pub dispatched: u64,
    /// The protected-region depth that does not hold signals back: 0,
    /// except in the child of a fork made inside a handler (or another
    /// protected region), which is a new process free to run handlers.
    /// Lowered as those regions end.
    pub protect_base: u32,
    /// Signals planned by `--inject` / `--replay-signals`.
    pub schedule: super::inject::Schedule,
    /// `--replay-signals`: signals read from the signalfd are dropped.
    pub replay: bool,
    /// `--record-signals`: the log each queued signal is written to.
    pub log: Option<super::record::Log>,
}

thread_local! {
    static RT: RefCell<Option<Runtime>> = const { RefCell::new(None) };
}

pub(super) fn set_runtime(rt: Runtime) {
    RT.with(|r| *r.borrow_mut() = Some(rt));
}

pub(super) fn is_installed() -> bool {
    RT.with(|r| r.borrow().is_some())
}

/// Runs `f` on the runtime of this thread. Panics if it is not installed
/// or already borrowed: callers check `installed()` and never call Python
/// inside `f`.
pub fn with_rt<T>(f: impl FnOnce(&mut Runtime) -> T) -> T {
    RT.with(|r| {
        let mut b = r.borrow_mut();
        let rt = b.as_mut().expect("signal runtime not installed");
        f(rt)
    })
}

/// Like `with_rt`, but None when the runtime is not installed.
pub fn try_with_rt<T>(f: impl FnOnce(&mut Runtime) -> T) -> Option<T> {
    RT.with(|r| r.borrow_mut().as_mut().map(f))
}

impl Runtime {
    pub fn new(inherited: Inherited, use_ring: bool) -> std::io::Result<Runtime> {
        let mut handlers = vec![Handler::Default; NSIG as usize];
        let mut managed = 0;
        for (n, h) in handlers.iter_mut().enumerate().skip(1) {
            let n = n as i32;
            if inherited.ignored & bit(n) != 0
                || n == libc::SIGPIPE
                || n == libc::SIGXFSZ
                || super::valid_signals() & bit(n) == 0
            {
                *h = Handler::Ignore;
            } else if super::terminates_by_default(n) {
                managed |= bit(n);
            }
        }
        let sfd = SignalFd::new(managed)?;
        let ring = if use_ring {
            SignalRing::new(sfd.raw()).ok()
        } else {
            None
        };
        Ok(Runtime {
            sfd,
            ring,
            inherited,
            managed,
            waiting: 0,
            handlers,
            queue: VecDeque::new(),
            pymask: 0,
            current: Vec::new(),
            exiting: false,
            wakeup_fd: -1,
            dispatched: 0,
            protect_base: 0,
            schedule: Default::default(),
            replay: false,
            log: None,
        })
    }

    pub fn tick_mode(&self) -> TickMode {
        if self.ring.is_some() {
            TickMode::Ring
        } else {
            TickMode::Read
        }
    }

    /// Whether the signalfd may hold a signal (always true without ring).
    #[inline]
    pub fn maybe_signalled(&mut self) -> bool {
        match &mut self.ring {
            Some(r) => r.signalled(),
            None => true,
        }
    }

    /// Reaps the watcher's completions after the signalfd was drained.
    pub fn rearm(&mut self) {
        if let Some(r) = &mut self.ring {
            if r.reap().is_err() {
                // A ring that cannot be re-armed falls back to reads.
                self.ring = None;
            }
        }
    }

    /// The mask this thread blocks: the managed signals, those a
    /// `sigwait` is waiting for, and unmanaged signals the program
    /// masked with `pthread_sigmask` (they stay pending in the kernel).
    pub fn kernel_mask(&self) -> Mask {
        self.managed | self.waiting | self.pymask
    }

    /// Applies `managed`/`waiting` to the signalfd and the thread mask.
    pub fn sync_masks(&mut self) -> std::io::Result<()> {
        let want = self.kernel_mask();
        sig::set_blocked(want, true)?;
        self.sfd.set_mask(self.managed | self.waiting)?;
        let unblock = super::valid_signals() & !want;
        sig::set_blocked(unblock, false)
    }

    /// Installs a handler for `n` and updates the managed set, the
    /// signalfd mask, the thread mask and the kernel disposition.
    pub fn set_handler(&mut self, n: i32, h: Handler) -> std::io::Result<Handler> {
        let manage = match &h {
            Handler::Python(_) => true,
            Handler::Default => super::terminates_by_default(n),
            Handler::Ignore => false,
        };
        let disposition = match &h {
            Handler::Ignore => Disposition::Ignore,
            _ => Disposition::Default,
        };
        if manage {
            self.managed |= bit(n);
            self.sync_masks()?;
            sig::set_disposition(n, disposition)?;
        } else {
            // Ignore first (discards pending instances), then unblock.
            sig::set_disposition(n, disposition)?;
            self.managed &= !bit(n);
            self.sync_masks()?;
        }
        if matches!(h, Handler::Ignore) {
            self.queue.retain(|i| i.signo != n);
        }
        Ok(std::mem::replace(&mut self.handlers[n as usize], h))
    }

    /// Queues a signal read from the signalfd: standard signals coalesce
    /// with an instance already waiting, real-time signals queue each.
    pub fn enqueue(&mut self, info: SigInfo) {
        let (rtmin, _) = sig::rt_range();
        if info.signo < rtmin && self.queue.iter().any(|q| q.signo == info.signo) {
            return;
        }
        self.queue.push_back(info);
    }

    /// Takes the next signal to dispatch: the lowest number not masked by
    /// `pthread_sigmask`, the oldest instance of it.
    pub fn next_dispatchable(&mut self) -> Option<SigInfo> {
        let mut best: Option<(usize, i32)> = None;
        for (i, q) in self.queue.iter().enumerate() {
            if self.pymask & bit(q.signo) != 0 {
                continue;
            }
            if best.is_none_or(|(_, s)| q.signo < s) {
                best = Some((i, q.signo));
            }
        }
        best.and_then(|(i, _)| self.queue.remove(i))
    }

    /// Rebuilds the per-process parts after `fork`, in the child: the
    /// queue of the parent's signals is dropped (they were the parent's),
    /// the signalfd is replaced by a new one (same mask) and the io_uring
    /// watcher, whose ring the parent shares, by a new ring of this
    /// process (or the read mode if that fails).
    pub fn reset_after_fork(&mut self) -> std::io::Result<()> {
        self.queue.clear();
        // Planned signals and the signal log belong to the process started
        // with them (`--inject`, `--record-signals`, `--replay-signals`).
        self.schedule = Default::default();
        self.log = None;
        self.replay = false;
        let had_ring = self.ring.take().is_some();
        self.sfd = SignalFd::new(self.managed | self.waiting)?;
        if had_ring {
            self.ring = SignalRing::new(self.sfd.raw()).ok();
        }
        Ok(())
    }

    /// Gets out of the way of death by signal `n`: closes nothing, but
    /// makes sure no later read steals it.
    pub fn release_for_exit(&mut self, n: i32) {
        self.managed &= !bit(n);
        let _ = self.sfd.set_mask(self.managed);
    }
}
