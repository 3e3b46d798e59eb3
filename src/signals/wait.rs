//! The wait primitive: the only place a builtin may block.
//!
//! `wait` is `ppoll` over the caller's fds plus the signalfd, against a
//! deadline. Signals already queued are dispatched before blocking (else a
//! signal read at the last tick would sleep with us: the lost-wakeup race);
//! a readable signalfd is drained and its signals dispatched at this safe
//! point. A handler's exception is returned; otherwise the wait goes on
//! with the time left to the original deadline (PEP 475). Inside a
//! protected region signals are queued and the wait goes on. `EINTR` (after
//! SIGSTOP/SIGCONT) is retried against the same deadline.

use std::time::{Duration, Instant};

use super::dispatch::{dispatch_pending, inject_due, read_signals};
use super::inject::Site;
use super::state::try_with_rt;
use crate::linux::poll::{ppoll, PollFd, POLLIN};
use crate::linux::sig::{Mask, SigInfo};
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::vm::Vm;

/// How a wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitResult {
    /// At least one of the caller's fds is ready (see their `revents`).
    Ready,
    /// The deadline passed.
    TimedOut,
    /// A handler ran (`pause`).
    Dispatched,
    /// A signal of the `sigwait` set was taken from the queue.
    Signal(SigInfo),
}

/// What a wait is for, beyond its fds and deadline.
#[derive(Debug, Clone, Copy, Default)]
pub struct WaitFor {
    /// Return `Dispatched` once a signal has been dispatched (`pause`).
    pub any_dispatch: bool,
    /// Return the first of these signals without dispatching it (`sigwait`).
    pub signals: Mask,
}

/// Waits for one of `fds` or the deadline, dispatching signals meanwhile.
pub fn wait(vm: &mut Vm, fds: &mut [PollFd], deadline: Option<Instant>) -> RunResult<WaitResult> {
    wait_for(vm, fds, deadline, WaitFor::default())
}

/// `wait` with the extra ends of `pause` and `sigwait`.
pub fn wait_for(
    vm: &mut Vm,
    fds: &mut [PollFd],
    deadline: Option<Instant>,
    what: WaitFor,
) -> RunResult<WaitResult> {
    let Some(sfd) = try_with_rt(|rt| rt.sfd.raw()) else {
        return wait_without_runtime(fds, deadline);
    };
    let start = try_with_rt(|rt| rt.dispatched).unwrap_or(0);
    let mut all: Vec<PollFd> = Vec::with_capacity(fds.len() + 1);
    loop {
        // A planned signal due at this count arrives here: icount stands
        // still while the call blocks.
        inject_due(vm, Site::Call);
        if what.signals != 0 {
            let taken = try_with_rt(|rt| take_queued(rt, what.signals)).flatten();
            if let Some(info) = taken {
                return Ok(WaitResult::Signal(info));
            }
        }
        dispatch_pending(vm)?;
        if what.any_dispatch && try_with_rt(|rt| rt.dispatched).unwrap_or(0) > start {
            return Ok(WaitResult::Dispatched);
        }
        let timeout = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        all.clear();
        all.extend_from_slice(fds);
        all.push(PollFd::new(sfd, POLLIN));
        match ppoll(&mut all, timeout) {
            Ok(_) => {}
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => continue,
            Err(e) => return Err(os_error(e)),
        }
        let n = fds.len();
        for (f, r) in fds.iter_mut().zip(all.iter()) {
            f.revents = r.revents;
        }
        if all[n].revents != 0 {
            read_signals(vm);
            continue;
        }
        if fds.iter().any(|f| f.revents != 0) {
            return Ok(WaitResult::Ready);
        }
        if timeout.is_some_and(|t| t.is_zero()) || deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(WaitResult::TimedOut);
        }
    }
}

/// Takes the oldest queued signal of `set` (for `sigwait`).
fn take_queued(rt: &mut super::Runtime, set: Mask) -> Option<SigInfo> {
    let i = rt
        .queue
        .iter()
        .position(|q| set & crate::linux::sig::bit(q.signo) != 0)?;
    rt.queue.remove(i)
}

/// A plain wait for library use without the runtime (no signalfd).
fn wait_without_runtime(fds: &mut [PollFd], deadline: Option<Instant>) -> RunResult<WaitResult> {
    loop {
        let timeout = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        match ppoll(fds, timeout) {
            Ok(0) => return Ok(WaitResult::TimedOut),
            Ok(_) => return Ok(WaitResult::Ready),
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => continue,
            Err(e) => return Err(os_error(e)),
        }
    }
}

/// `time.sleep`: waits until `secs` have passed, running handlers.
/// Buffered stdout is flushed first, so what a program printed before it
/// sleeps is visible while it sleeps (the text is the same as CPython's;
/// only its timing differs).
pub fn sleep(vm: &mut Vm, secs: f64) -> RunResult<()> {
    vm.flush_stdout()?;
    let d = Duration::try_from_secs_f64(secs)
        .map_err(|_| PyErr::overflow_error("sleep length is too large"))?;
    let deadline = Instant::now().checked_add(d);
    wait(vm, &mut [], deadline)?;
    Ok(())
}

fn os_error(e: std::io::Error) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    PyErr::with_args(
        ExcKind::OSError,
        vec![
            crate::runtime::value::Value::Int(errno as i64),
            crate::runtime::value::Value::string(crate::runtime::exc::strerror_text(&e)),
        ],
    )
}
