//! The signal runtime (SIGNALS.md, DESIGN.md): the one owner of every piece
//! of process-wide signal state. No code ever runs in an asynchronous
//! signal handler: managed signals are blocked and read from one signalfd,
//! at the VM's tick and inside the wait primitive, then dispatched at a
//! safe point as ordinary Python calls.
//!
//! - `state`: the managed set, handlers, the queue, the Python-level mask
//! - `dispatch`: reading the signalfd, coalescing, escalation, running
//!   handlers and default actions
//! - `inject`: the injection schedule (`--inject`, replay)
//! - `record`: the signal log (`--record-signals`, `--replay-signals`)
//! - `wait`: the wait primitive (`ppoll` over fds plus the signalfd)
//! - `io`: one system call on an fd once it is ready (reads, writes,
//!   accept, connect), waiting in the wait primitive
//! - `offload`: long pure computations on a helper thread, waited for in
//!   the wait primitive (so a signal never waits for them)
//!
//! Start-up happens in two steps: `init_process` on the main thread before
//! any other thread exists (records what the process inherited, ignores
//! SIGPIPE/SIGXFSZ, blocks every signal in that thread), then `install`
//! on the interpreter thread (opens the signalfd, narrows that thread's
//! mask to the managed set, arms the io_uring watcher, sets the tick hook).

pub mod dispatch;
pub mod inject;
pub mod io;
pub mod offload;
pub mod record;
pub mod state;
pub mod wait;

pub use dispatch::{dispatch_pending, poll_now, tick};
pub use state::{with_rt, Handler, Runtime};
pub use wait::{wait, WaitResult};

use std::sync::OnceLock;

use crate::linux::sig::{self, bit, Disposition, Mask, NSIG};

/// What the process had when it started (restored in children).
#[derive(Debug, Clone, Copy)]
pub struct Inherited {
    /// The blocked mask of the main thread.
    pub mask: Mask,
    /// Signals whose disposition was SIG_IGN (`nohup`, background jobs).
    pub ignored: Mask,
}

static INHERITED: OnceLock<Inherited> = OnceLock::new();

/// The default tick when io_uring is unavailable and every tick reads the
/// signalfd (a system call): under 1% overhead in benches/signals.rs.
pub const READ_MODE_TICK: i64 = 16384;

/// The synchronous fault signals: kernel default always (a signalfd cannot
/// receive them).
pub const FAULT_SIGNALS: [i32; 5] = [
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGFPE,
    libc::SIGILL,
    libc::SIGTRAP,
];

/// Whether signal `n`'s default action is to terminate the process
/// (without a core dump): these are managed even without a handler.
pub fn terminates_by_default(n: i32) -> bool {
    let (rtmin, rtmax) = sig::rt_range();
    matches!(
        n,
        libc::SIGHUP
            | libc::SIGINT
            | libc::SIGPIPE
            | libc::SIGALRM
            | libc::SIGTERM
            | libc::SIGUSR1
            | libc::SIGUSR2
            | libc::SIGVTALRM
            | libc::SIGPROF
            | libc::SIGIO
            | libc::SIGPWR
            | libc::SIGSTKFLT
    ) || (rtmin..=rtmax).contains(&n)
}

/// Signals a program may name: 1..NSIG without the two the C library
/// reserves for itself (32 and 33 on glibc).
pub fn valid_signals() -> Mask {
    let (rtmin, _) = sig::rt_range();
    (1..NSIG)
        .filter(|&n| n < 32 || n >= rtmin)
        .fold(0, |m, n| m | bit(n))
}

/// Every signal the main thread blocks (all but the fault signals and the
/// C library's own).
fn all_blockable() -> Mask {
    FAULT_SIGNALS
        .iter()
        .fold(valid_signals(), |m, &n| m & !bit(n))
}

/// Step one, on the main thread before any thread exists: records the
/// inherited state, ignores SIGPIPE and SIGXFSZ (as CPython), and blocks
/// every signal in this thread so that no signal is ever delivered to it
/// (threads created later start with this mask). Idempotent.
pub fn init_process() -> Inherited {
    *INHERITED.get_or_init(|| {
        let mask = sig::thread_mask();
        let ignored = (1..NSIG)
            .filter(|&n| sig::disposition(n) == Disposition::Ignore)
            .fold(0, |m, n| m | bit(n));
        let _ = sig::set_disposition(libc::SIGPIPE, Disposition::Ignore);
        let _ = sig::set_disposition(libc::SIGXFSZ, Disposition::Ignore);
        let _ = sig::set_blocked(all_blockable(), true);
        Inherited { mask, ignored }
    })
}

/// The state inherited at start-up (after `init_process`).
pub fn inherited() -> Inherited {
    init_process()
}

/// Step two, on the interpreter thread: opens the signalfd, sets this
/// thread's mask to exactly the managed set and hooks the VM's tick.
/// `use_ring` false skips io_uring (the plain signalfd read per tick).
pub fn install(vm: &mut crate::vm::Vm, use_ring: bool) -> std::io::Result<()> {
    let inh = init_process();
    let mut rt = Runtime::new(inh, use_ring)?;
    if matches!(rt.handlers[libc::SIGINT as usize], Handler::Default) {
        // SIGINT raises KeyboardInterrupt, unless the process started
        // with it ignored (as CPython).
        rt.handlers[libc::SIGINT as usize] =
            Handler::Python(crate::modules::signal::default_int_handler_value());
    }
    // This thread blocks exactly the managed signals (plus what the
    // process inherited blocked, which stays pending as under CPython).
    sig::set_thread_mask(rt.kernel_mask())?;
    let mode = rt.tick_mode();
    state::set_runtime(rt);
    // A read per tick costs a system call (~0.3-0.7 us here): the plain
    // mode polls less often (benches/signals.rs, README "The tick").
    vm.set_tick(match mode {
        state::TickMode::Ring => crate::vm::DEFAULT_TICK,
        state::TickMode::Read => READ_MODE_TICK,
    });
    vm.tick_hook = Some(tick);
    Ok(())
}

/// Plans signals (`--inject`, replay): each enters the queue at the first
/// safe point past its position (see `inject`). After `install`.
pub fn plan(vm: &mut crate::vm::Vm, plan: Vec<inject::Planned>) {
    let next = with_rt(|rt| {
        rt.schedule = inject::Schedule::new(plan);
        rt.schedule.next_tick()
    });
    vm.set_tick_limit(next);
}

static FORKED_CHILD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// In the child of `os.fork()`: makes the runtime this process's own (no
/// queued signal of the parent, a new signalfd and watcher ring) and
/// records that the process must end from this thread (the main thread
/// that would have joined it does not exist in the child).
pub fn after_fork_child(vm: &mut crate::vm::Vm) {
    FORKED_CHILD.store(true, std::sync::atomic::Ordering::SeqCst);
    if !installed() {
        return;
    }
    let protect = vm.protect;
    if with_rt(|rt| {
        rt.protect_base = protect;
        rt.reset_after_fork()
    })
    .is_err()
    {
        // Without a signalfd the child cannot hear signals: fail loudly.
        eprintln!("sigpy: cannot set up signal handling in the forked child");
        crate::linux::proc::exit_now(70);
    }
    if with_rt(|rt| rt.tick_mode()) == state::TickMode::Read {
        vm.set_tick(READ_MODE_TICK);
    }
    vm.set_tick_limit(u64::MAX);
}

/// Whether this process is the child of an `os.fork()` (it must end with
/// `std::process::exit` from the interpreter thread).
pub fn is_forked_child() -> bool {
    FORKED_CHILD.load(std::sync::atomic::Ordering::SeqCst)
}

/// Whether the runtime is installed on this thread.
pub fn installed() -> bool {
    state::is_installed()
}

/// The last step of the exit sequence for an uncaught `KeyboardInterrupt`
/// or `SignalExit`: death by signal `n`, or `128 + n` where the kernel
/// will not kill (PID 1).
pub fn exit_by_signal(n: i32) -> i32 {
    if installed() {
        with_rt(|rt| rt.release_for_exit(n));
    }
    sig::die_by(n);
    128 + n
}

/// Who a `kill` reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `kill(pid, sig)`
    Process(i32),
    /// `killpg(pgrp, sig)`
    Group(i32),
    /// `raise(sig)`: this thread.
    Myself,
}

/// Sends a signal; when it can reach this process, reads the signalfd at
/// once and dispatches, so the handler has run when this returns (as
/// CPython's `os.kill`/`raise_signal`). Output is flushed first, so that
/// what the program printed comes before what a handler prints.
pub fn send(vm: &mut crate::vm::Vm, to: Target, signum: i32) -> crate::runtime::RunResult<()> {
    let me = sig::getpid();
    let group = sig::getpgid(0).unwrap_or(-1);
    let reaches_me = match to {
        Target::Process(pid) => pid == me || pid == 0 || pid == -1 || pid == -group,
        Target::Group(g) => g == 0 || g == group,
        Target::Myself => true,
    };
    if reaches_me {
        vm.flush_stdout()?;
    }
    let r = match to {
        Target::Process(pid) => sig::kill(pid, signum),
        Target::Group(g) => sig::killpg(g, signum),
        Target::Myself => sig::raise(signum),
    };
    r.map_err(|e| crate::runtime::exc::os_error(&e, None))?;
    if reaches_me && signum != 0 {
        poll_now(vm)?;
    }
    Ok(())
}
