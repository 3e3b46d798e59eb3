//! Reading the signalfd and dispatching at a safe point.
//!
//! `tick` is the VM's tick hook: it reads the signalfd (or, with the
//! io_uring watcher, first checks a flag in shared memory) and dispatches
//! whatever is queued, unless a protected region is open. A handler is an
//! ordinary Python call made by the VM: its exception propagates from the
//! interrupted instruction.

use std::rc::Rc;

use super::inject::Site;
use super::record::Where;
use super::state::{try_with_rt, with_rt, Handler};
use crate::linux::sig::{self, SigInfo};
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::Value;
use crate::vm::Vm;

/// The tick hook: inject planned signals that are due, notice new
/// signals, then dispatch what is queued.
pub fn tick(vm: &mut Vm) -> RunResult<()> {
    let (signalled, queued, planned) = try_with_rt(|rt| {
        (
            rt.maybe_signalled(),
            !rt.queue.is_empty(),
            rt.schedule.next_tick(),
        )
    })
    .unwrap_or((false, false, u64::MAX));
    let due = planned <= vm.icount();
    if due {
        inject_due(vm, Site::Tick);
    }
    if signalled {
        read_signals_at(vm, Site::Tick);
    } else if !queued && !due {
        return Ok(());
    }
    dispatch_pending(vm)
}

/// Reads the signalfd at once and dispatches (after `os.kill` of the
/// process itself, `raise_signal`, unmasking).
pub fn poll_now(vm: &mut Vm) -> RunResult<()> {
    if !super::installed() {
        return Ok(());
    }
    inject_due(vm, Site::Call);
    read_signals(vm);
    dispatch_pending(vm)
}

/// Drains the signalfd into the queue, from inside a call (the wait
/// primitive, `poll_now`).
pub fn read_signals(vm: &mut Vm) {
    read_signals_at(vm, Site::Call)
}

/// Drains the signalfd into the queue (under `--replay-signals`, drops
/// what it reads: the replayed signals stand for them).
pub fn read_signals_at(vm: &mut Vm, site: Site) {
    let shutting_down = vm.exit_exc != 0;
    let fate = try_with_rt(|rt| {
        // On the stack: no allocation per read (the kernel coalesces
        // standard signals, so a read rarely brings more than a few).
        let mut infos: smallvec::SmallVec<[SigInfo; 4]> = smallvec::SmallVec::new();
        let _ = rt.sfd.read_all(&mut infos);
        rt.rearm();
        if rt.replay || infos.is_empty() {
            return Ok(Accepted::Dropped);
        }
        if rt.log.is_some() {
            // The log line needs the VM's frames: outside this borrow
            // (`--record-signals` only: the allocation is off the fast path).
            return Err(infos.into_vec());
        }
        Ok(accept_all(rt, infos, shutting_down, None))
    });
    let fate = match fate {
        Some(Ok(f)) => f,
        Some(Err(infos)) => {
            let here = Where::here(vm, site);
            with_rt(|rt| accept_all(rt, infos, shutting_down, Some(&here)))
        }
        None => return,
    };
    carry_out(fate);
}

fn accept_all(
    rt: &mut super::Runtime,
    infos: impl IntoIterator<Item = SigInfo>,
    shutting_down: bool,
    at: Option<&Where>,
) -> Accepted {
    for info in infos {
        if let Accepted::Kill(n) = accept(rt, info, shutting_down, true, at) {
            return Accepted::Kill(n);
        }
    }
    Accepted::Queued
}

/// Puts the planned signals due at this safe point into the queue, as if
/// just read from the signalfd, and aims the tick at the next one.
pub fn inject_due(vm: &mut Vm, site: Site) {
    let icount = vm.icount();
    let shutting_down = vm.exit_exc != 0;
    let mut at: Option<Where> = None;
    let mut any = false;
    while let Some((p, recording)) =
        try_with_rt(|rt| Some((rt.schedule.take_due(icount, site)?, rt.log.is_some()))).flatten()
    {
        if recording && at.is_none() {
            at = Some(Where::here(vm, site));
        }
        let fate = with_rt(|rt| accept(rt, p.info, shutting_down, false, at.as_ref()));
        any = true;
        carry_out(fate);
    }
    if any {
        let next = try_with_rt(|rt| rt.schedule.next_tick()).unwrap_or(u64::MAX);
        vm.set_tick_limit(next);
    }
}

/// What became of a signal handed to the runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Accepted {
    Queued,
    Dropped,
    /// Escalation: death by this signal, now.
    Kill(i32),
    /// An injected signal the runtime does not manage (no handler, and
    /// its default action is the kernel's: stop, core dump, ignore): the
    /// kernel gets it, as it would a real one.
    Kernel(i32),
}

/// The common path of a signal read from the signalfd (`from_fd`) or
/// injected: the wakeup fd, `SIG_IGN`, escalation while shutting down,
/// then the queue (coalescing).
fn accept(
    rt: &mut super::Runtime,
    info: SigInfo,
    shutting_down: bool,
    from_fd: bool,
    at: Option<&Where>,
) -> Accepted {
    let fate = accept_one(rt, info, shutting_down, from_fd);
    if let (Some(log), Some(at)) = (&mut rt.log, at) {
        if fate != Accepted::Dropped {
            log.write(at, &info);
        }
    }
    fate
}

fn accept_one(
    rt: &mut super::Runtime,
    info: SigInfo,
    shutting_down: bool,
    from_fd: bool,
) -> Accepted {
    let n = info.signo;
    if !from_fd {
        if matches!(rt.handlers[n as usize], Handler::Ignore) {
            return Accepted::Dropped;
        }
        if (rt.managed | rt.waiting) & sig::bit(n) == 0 {
            return Accepted::Kernel(n);
        }
    }
    if rt.wakeup_fd >= 0 {
        sig::write_byte(rt.wakeup_fd, n as u8);
    }
    let h = &rt.handlers[n as usize];
    if matches!(h, Handler::Ignore) {
        return Accepted::Dropped;
    }
    if (shutting_down || rt.exiting) && default_terminating(h, n) {
        return Accepted::Kill(n);
    }
    rt.enqueue(info);
    Accepted::Queued
}

/// The part of `accept` that happens outside the runtime's state.
fn carry_out(fate: Accepted) {
    match fate {
        Accepted::Kill(n) => {
            sig::die_by(n);
            std::process::exit(128 + n);
        }
        Accepted::Kernel(n) => {
            let _ = sig::raise(n);
        }
        Accepted::Queued | Accepted::Dropped => {}
    }
}

/// Whether dispatching `h` for signal `n` would end the program by its
/// default action (`SignalExit` or `KeyboardInterrupt`).
fn default_terminating(h: &Handler, n: i32) -> bool {
    match h {
        Handler::Default => super::terminates_by_default(n),
        Handler::Python(f) => is_default_int_handler(f),
        Handler::Ignore => false,
    }
}

/// Whether `f` is `signal.default_int_handler`.
pub fn is_default_int_handler(f: &Value) -> bool {
    matches!(f, Value::Builtin(b) if b.qualname == "signal.default_int_handler")
}

/// Dispatches queued signals, lowest number first, until the queue holds
/// none that may run; does nothing inside a protected region.
pub fn dispatch_pending(vm: &mut Vm) -> RunResult<()> {
    loop {
        if vm.protect > 0 {
            // Past a fork made inside a handler, the child's own handlers
            // may run (`protect_base`).
            let base = try_with_rt(|rt| {
                rt.protect_base = rt.protect_base.min(vm.protect);
                rt.protect_base
            })
            .unwrap_or(0);
            if vm.protect > base {
                return Ok(());
            }
        }
        let Some(info) = try_with_rt(|rt| rt.next_dispatchable()).flatten() else {
            return Ok(());
        };
        run_action(vm, info)?;
    }
}

/// Runs the action of one signal: its handler, or the default action.
fn run_action(vm: &mut Vm, info: SigInfo) -> RunResult<()> {
    let n = info.signo;
    let h = with_rt(|rt| {
        rt.dispatched += 1;
        rt.handlers[n as usize].clone()
    });
    match h {
        Handler::Ignore => Ok(()),
        Handler::Default if super::terminates_by_default(n) => Err(signal_exit(vm, n)),
        Handler::Default => Ok(()),
        Handler::Python(f) if is_default_int_handler(&f) => Err(keyboard_interrupt(vm)),
        Handler::Python(f) => {
            let frame = frame_object(vm);
            with_rt(|rt| rt.current.push(info));
            vm.protect += 1;
            let r = vm.call_value(&f, &[Value::Int(n as i64), frame], &[]);
            vm.protect -= 1;
            let protect = vm.protect;
            with_rt(|rt| {
                rt.current.pop();
                // A child forked inside this handler leaves it here.
                rt.protect_base = rt.protect_base.min(protect);
            });
            r.map(|_| ())
        }
    }
}

/// `SignalExit(n)` for a default action, remembered for escalation.
pub fn signal_exit(vm: &mut Vm, n: i32) -> PyErr {
    let inst = vm.materialize(PyErr::with_args(
        ExcKind::SignalExit,
        vec![Value::Int(n as i64)],
    ));
    vm.exit_exc = Rc::as_ptr(&inst) as usize;
    PyErr::Obj(inst)
}

/// `KeyboardInterrupt` for SIGINT's default handler.
pub fn keyboard_interrupt(vm: &mut Vm) -> PyErr {
    let inst = vm.materialize(PyErr::with_args(ExcKind::KeyboardInterrupt, vec![]));
    vm.exit_exc = Rc::as_ptr(&inst) as usize;
    PyErr::Obj(inst)
}

/// The frame object passed to handlers: a view of the interrupted frame
/// in a snapshot of the stack, whose `f_lineno`, `f_code` (`co_name`,
/// `co_filename`, `co_firstlineno`), `f_globals` and `f_back` (down to the
/// module frame) are made when read (`runtime::frameview`).
pub fn frame_object(vm: &Vm) -> Value {
    crate::runtime::frameview::FrameView::snapshot(vm.frames.iter().map(|f| (f.func(), f.pc)))
}
