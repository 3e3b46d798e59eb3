//! Long pure computations on a helper thread, so that a signal never waits
//! for them: the interpreter thread waits in the wait primitive (on an
//! eventfd the helper signals when done) and runs handlers meanwhile. If a
//! handler raises, the computation is abandoned: the helper finishes on its
//! own and its result is dropped.
//!
//! Helpers are started with every signal blocked, so no signal is ever
//! delivered to them (the process-wide blocking of SIGNALS.md section 1).

use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::sync::{Arc, Mutex};

use crate::linux::poll::{PollFd, POLLIN};
use crate::linux::sig;
use crate::runtime::exc::{PyErr, RunResult};
use crate::vm::Vm;

/// Runs `work` on a helper thread and waits for it through the wait
/// primitive; without the runtime (library use) it runs inline.
pub fn offload<T: Send + 'static>(
    vm: &mut Vm,
    work: impl FnOnce() -> T + Send + 'static,
) -> RunResult<T> {
    if !super::installed() {
        return Ok(work());
    }
    let efd: Arc<OwnedFd> = match rustix::event::eventfd(
        0,
        rustix::event::EventfdFlags::CLOEXEC | rustix::event::EventfdFlags::NONBLOCK,
    ) {
        Ok(fd) => Arc::new(crate::linux::fd::move_high(fd)),
        Err(_) => return Ok(work()),
    };
    let slot: Arc<Mutex<Option<T>>> = Arc::new(Mutex::new(None));
    let (efd2, slot2) = (efd.clone(), slot.clone());
    let spawned = spawn_blocked(move || {
        let r = work();
        if let Ok(mut s) = slot2.lock() {
            *s = Some(r);
        }
        let _ = rustix::io::write(efd2.as_fd(), &1u64.to_ne_bytes());
    });
    if !spawned {
        return Err(PyErr::new(
            crate::runtime::exc::ExcKind::MemoryError,
            "cannot start a helper thread",
        ));
    }
    loop {
        let mut fds = [PollFd::new(efd.as_raw_fd(), POLLIN)];
        super::wait(vm, &mut fds, None)?;
        let taken = slot.lock().ok().and_then(|mut s| s.take());
        if let Some(r) = taken {
            return Ok(r);
        }
    }
}

/// Starts a detached thread with every signal blocked (the mask is set
/// around the spawn, so the thread never runs unblocked).
fn spawn_blocked(f: impl FnOnce() + Send + 'static) -> bool {
    let old = sig::thread_mask();
    let _ = sig::set_blocked(super::valid_signals(), true);
    let r = std::thread::Builder::new()
        .name("sigpy-helper".into())
        .spawn(f);
    let _ = sig::set_thread_mask(old);
    r.is_ok()
}
