//! Generator objects: between two resumptions a generator owns its frame
//! (pc, locals, cells, value stack, protected-region count and the
//! exception it is handling); `vm::gen` moves that state onto the VM's
//! stack to run it and back when it yields.
//!
//! A generator dropped while suspended inside a `try`/`with` must run its
//! `finally` blocks (CPython closes it when the last reference goes). `Drop`
//! cannot run Python code, so it moves the frame into a queue of pending
//! finalizers that the VM drains before its next general instruction.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use super::value::{Function, PyStr, Value};

/// Where a generator is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenStatus {
    /// Called, never resumed: the frame is at its first instruction.
    Created,
    /// Stopped at a `yield` (or inside a `yield from`).
    Suspended,
    /// On the VM's frame stack right now.
    Running,
    /// Returned, raised or closed: its frame is gone.
    Closed,
}

/// The frame of a generator while it is not running.
#[derive(Debug)]
pub struct GenFrame {
    pub status: GenStatus,
    /// Index of the instruction to resume at.
    pub pc: usize,
    /// Locals, cells and free variables, then the value stack.
    pub values: Vec<Value>,
    /// How many of `values` are locals, cells and free variables.
    pub nslots: usize,
    /// Protected regions open in the frame.
    pub protect: u32,
    /// The exception the generator is handling (its own `sys.exc_info()`).
    pub exc_state: Value,
    /// Entered in the registry of generators finalized at exit.
    pub registered: bool,
    /// Already closed by a finalizer (which happens at most once).
    pub finalized: bool,
}

impl Default for GenFrame {
    fn default() -> Self {
        GenFrame {
            status: GenStatus::Closed,
            pc: 0,
            values: Vec::new(),
            nslots: 0,
            protect: 0,
            exc_state: Value::None,
            registered: false,
            finalized: false,
        }
    }
}

/// A generator object (`<generator object f at 0x...>`).
#[derive(Debug)]
pub struct PyGen {
    /// The generator function (its code and globals).
    pub func: Rc<Function>,
    pub name: RefCell<Rc<PyStr>>,
    pub qualname: RefCell<Rc<PyStr>>,
    /// Creation order: generators left at exit are finalized in it.
    pub serial: u64,
    pub frame: RefCell<GenFrame>,
}

thread_local! {
    /// Generators dropped while suspended in a `try`, to be closed.
    static PENDING: RefCell<Vec<Rc<PyGen>>> = const { RefCell::new(Vec::new()) };
    /// Generators that suspended inside a `try` (closed at exit if alive).
    static LIVE: RefCell<(Vec<Weak<PyGen>>, usize)> = const { RefCell::new((Vec::new(), 0)) };
    static SERIAL: Cell<u64> = const { Cell::new(0) };
    /// Set when `PENDING` may be non-empty (a plain load: no destructor).
    static MAYBE_PENDING: Cell<bool> = const { Cell::new(false) };
}

impl PyGen {
    /// A generator for `func` whose frame (`nslots` slots) is ready to start.
    pub fn new(func: Rc<Function>, values: Vec<Value>, nslots: usize) -> PyGen {
        let serial = SERIAL.with(|s| {
            let n = s.get() + 1;
            s.set(n);
            n
        });
        let name = func.name.borrow().clone();
        let qualname = func.qualname.borrow().clone();
        PyGen {
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            func,
            serial,
            frame: RefCell::new(GenFrame {
                status: GenStatus::Created,
                pc: 0,
                values,
                nslots,
                protect: 0,
                exc_state: Value::None,
                registered: false,
                finalized: false,
            }),
        }
    }

    /// Whether closing the suspended frame runs code: the suspension point
    /// is inside a `try`/`with`, or in a `yield from` (the delegate is
    /// closed first).
    pub fn needs_close(&self, frame: &GenFrame) -> bool {
        if frame.status != GenStatus::Suspended {
            return false;
        }
        if self.in_yield_from(frame.pc) {
            return true;
        }
        let at = frame.pc.saturating_sub(1) as u32;
        let table = &self.func.code.co.exc_table;
        table.iter().any(|e| e.start <= at && at < e.end)
    }

    /// Whether a generator suspended at `pc` waits in a `yield from` (it
    /// resumes by running `YieldFrom` again; a plain `yield` resumes after
    /// its `YieldValue`, which the compiler never puts right before one).
    pub fn in_yield_from(&self, pc: usize) -> bool {
        let instrs = &self.func.code.instrs;
        instrs
            .get(pc)
            .is_some_and(|i| i.op == crate::bytecode::Opcode::YieldFrom)
    }

    /// Enters a suspended generator in the registry of those finalized at
    /// exit (once).
    pub fn register(self: &Rc<PyGen>) {
        {
            let mut f = self.frame.borrow_mut();
            if f.registered {
                return;
            }
            f.registered = true;
        }
        let _ = LIVE.try_with(|l| {
            let mut l = l.borrow_mut();
            let (list, kept) = &mut *l;
            if list.len() >= 64 && list.len() > 2 * *kept {
                list.retain(|w| w.strong_count() > 0);
                *kept = list.len();
            }
            list.push(Rc::downgrade(self));
        });
    }
}

impl Drop for PyGen {
    fn drop(&mut self) {
        let finalized = self.frame.get_mut().finalized;
        if finalized || !self.needs_close(&self.frame.borrow()) {
            return;
        }
        let mut frame = std::mem::take(self.frame.get_mut());
        frame.finalized = true;
        let orphan = Rc::new(PyGen {
            func: self.func.clone(),
            name: RefCell::new(self.name.get_mut().clone()),
            qualname: RefCell::new(self.qualname.get_mut().clone()),
            serial: self.serial,
            frame: RefCell::new(frame),
        });
        let queued = PENDING.try_with(|q| q.borrow_mut().push(orphan));
        if queued.is_ok() {
            let _ = MAYBE_PENDING.try_with(|p| p.set(true));
        }
    }
}

/// Whether dropped generators wait to be closed (cheap: one TLS load).
#[inline(always)]
pub fn finalizers_pending() -> bool {
    MAYBE_PENDING.with(|p| p.get())
}

/// The next dropped generator to close, oldest first.
pub fn take_pending() -> Option<Rc<PyGen>> {
    let next = PENDING
        .try_with(|q| {
            let mut q = q.borrow_mut();
            if q.is_empty() {
                None
            } else {
                Some(q.remove(0))
            }
        })
        .ok()
        .flatten();
    if next.is_none() {
        let _ = MAYBE_PENDING.try_with(|p| p.set(false));
    }
    next
}

/// The registered generators still alive and suspended, in creation order
/// (the registry is emptied).
pub fn take_live() -> Vec<Rc<PyGen>> {
    let list = LIVE
        .try_with(|l| std::mem::take(&mut l.borrow_mut().0))
        .unwrap_or_default();
    let mut gens: Vec<Rc<PyGen>> = list
        .iter()
        .filter_map(|w| w.upgrade())
        .filter(|g| {
            let f = g.frame.borrow();
            f.status == GenStatus::Suspended && !f.finalized
        })
        .collect();
    gens.sort_by_key(|g| g.serial);
    gens
}
