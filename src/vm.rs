//! The virtual machine: frames, the value stack, the dispatch loop, and the
//! operations that may call back into Python code.
//!
//! - `frame`: the activation record
//! - `dispatch`: the opcode loop and the tick; `fast`: its fast path
//! - `unwind`: raising, exception matching, unwinding frames
//! - `gen`: running generators (send, throw, close, finalizers)
//! - `types`: the builtin classes and the exception hierarchy
//! - `ops`: binary/compare/attribute/call/iteration/class operations
//! - `traceback`: CPython-format rendering of exceptions

pub mod dispatch;
pub mod fast;
pub mod frame;
pub mod gen;
pub mod names;
pub mod ops;
pub mod suggest;
pub mod traceback;
pub mod types;
pub mod unwind;

use std::collections::HashMap;
use std::rc::Rc;

use crate::bytecode::{CodeObject, Constant};
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{Code, ExcData, Instance, PyDict, PyStr, Value};

pub use frame::Frame;
pub use names::Names;
pub use types::Types;

/// Default number of instructions between two signal polls.
pub const DEFAULT_TICK: i64 = 1024;

/// The interpreter state of one program run.
pub struct Vm {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub types: Types,
    pub builtins: Rc<PyDict>,
    /// `sys.modules`.
    pub modules: Rc<PyDict>,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    /// The `exc_info` of the callers of running generators (each running
    /// generator has its own, CPython's chain of exception states).
    pub exc_stack: Vec<Value>,
    /// An exception `throw` let out: its `__context__` is already decided.
    pub keep_context: Option<Rc<Instance>>,
    /// Instructions left before the next tick.
    pub tick_left: i64,
    /// The tick interval (`--tick`).
    pub tick_period: i64,
    /// Instructions executed before the current tick window.
    pub icount_base: u64,
    /// Budget loaded at the start of the current window.
    pub tick_loaded: i64,
    /// The icount at which a tick must fire whatever the period (the next
    /// injected signal, `--inject`), or `u64::MAX`: each window's budget is
    /// shortened to reach it exactly. Read only when a window is loaded.
    pub tick_limit: u64,
    pub recursion_limit: usize,
    /// Depth of native recursion (repr/eq of nested containers).
    pub native_depth: usize,
    /// Open protected regions (finally, with, handlers), all frames.
    pub protect: u32,
    /// Set by `Reraise`/bare `raise`: the next unwind adds no traceback entry.
    pub reraise: bool,
    interned: HashMap<Box<str>, Rc<PyStr>>,
    /// The streams of `sys.stdin`, `sys.stdout` (also `print`'s) and
    /// `sys.stderr`.
    pub stdin: Rc<crate::builtins::stream::Stream>,
    pub stdout: Rc<crate::builtins::stream::Stream>,
    pub stderr: Rc<crate::builtins::stream::Stream>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// The `KeyboardInterrupt`/`SignalExit` a signal's default action
    /// raised (its address), while no `except` clause has caught it: the
    /// program is shutting down, and a second such signal kills at once.
    pub exit_exc: usize,
    /// Hook run at every tick (the signal runtime); `None` = no-op.
    pub tick_hook: Option<fn(&mut Vm) -> RunResult<()>>,
    pub names: Names,
    /// Containers whose repr is being computed (recursion guard).
    pub repr_stack: Vec<usize>,
    /// Bumped whenever a class's attributes change (invalidates the
    /// attribute inline caches).
    pub class_epoch: u64,
    /// Class attribute lookups by (class, name) for the current epoch.
    pub attr_cache: std::cell::RefCell<crate::vm::ops::attr::AttrCache>,
    /// Set once a property is added to an existing class: the instance-dict
    /// fast path then no longer trusts `Class::has_descriptors`.
    pub late_descriptors: bool,
    /// Reusable argument buffers for native calls.
    pub arg_pool: Vec<Vec<Value>>,
    /// The one-character strs of ASCII, shared.
    pub ascii_chars: Vec<Value>,
    /// User modules whose body is running (circular-import messages).
    pub initializing: Vec<Rc<crate::runtime::value::Module>>,
    /// The `sys` module's dict once it exists, and the objects it first
    /// held as `stdin` and `stdout`: `print` and `input` use the VM's own
    /// streams until a program puts other objects there.
    pub sys_dict: Option<Rc<PyDict>>,
    pub std_objs: [Value; 2],
}

impl Vm {
    pub fn new(argv: Vec<String>) -> Vm {
        let types = Types::new();
        let mut interned: HashMap<Box<str>, Rc<PyStr>> = HashMap::new();
        let names = Names::new(&mut |s: &str| {
            interned
                .entry(s.into())
                .or_insert_with(|| Rc::new(PyStr::new(s)))
                .clone()
        });
        let mut vm = Vm {
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            types,
            builtins: Rc::new(PyDict::default()),
            modules: Rc::new(PyDict::default()),
            exc_info: Value::None,
            exc_stack: Vec::new(),
            keep_context: None,
            tick_left: DEFAULT_TICK,
            tick_period: DEFAULT_TICK,
            icount_base: 0,
            tick_loaded: DEFAULT_TICK,
            tick_limit: u64::MAX,
            recursion_limit: 1000,
            native_depth: 0,
            protect: 0,
            reraise: false,
            interned,
            stdin: Rc::new(crate::builtins::file::std_fd_stream(0)),
            stdout: Rc::new(crate::builtins::file::std_fd_stream(1)),
            stderr: Rc::new(crate::builtins::file::std_fd_stream(2)),
            argv,
            exit_exc: 0,
            tick_hook: None,
            names,
            repr_stack: Vec::new(),
            class_epoch: 1,
            attr_cache: Default::default(),
            late_descriptors: false,
            arg_pool: Vec::new(),
            ascii_chars: Vec::new(),
            initializing: Vec::new(),
            sys_dict: None,
            std_objs: [Value::None, Value::None],
        };
        vm.ascii_chars = (0u8..128)
            .map(|b| {
                let s = (b as char).to_string();
                vm.intern_value(&s)
            })
            .collect();
        crate::builtins::install(&mut vm);
        vm
    }

    /// Exact number of instructions executed so far.
    #[inline]
    pub fn icount(&self) -> u64 {
        (self.icount_base as i64 + (self.tick_loaded - self.tick_left)) as u64
    }

    /// Sets the tick interval (instructions between polls), from now on.
    pub fn set_tick(&mut self, period: i64) {
        self.tick_period = period.max(1);
        self.reload_tick();
    }

    /// Makes a tick fire exactly when icount reaches `at` (`u64::MAX`:
    /// none), from now on (a new window starts here).
    pub fn set_tick_limit(&mut self, at: u64) {
        self.tick_limit = at;
        self.reload_tick();
    }

    /// Starts a new window at the current icount: the tick period, or
    /// less when the tick limit comes first (at least one instruction).
    #[inline]
    fn reload_tick(&mut self) {
        self.icount_base = self.icount();
        let mut budget = self.tick_period;
        if self.tick_limit != u64::MAX {
            let to_limit = self.tick_limit.saturating_sub(self.icount_base);
            budget = budget.min(to_limit.clamp(1, i64::MAX as u64) as i64);
        }
        self.tick_loaded = budget;
        self.tick_left = budget;
    }

    /// Charges `n` instructions of work done by a long builtin, polling
    /// when the budget runs out (so a signal never waits for it).
    #[inline]
    pub fn charge(&mut self, n: u64) -> RunResult<()> {
        let n = n.min(i64::MAX as u64 / 4) as i64;
        self.tick_left -= n;
        if self.tick_left <= 0 {
            self.reload_tick();
            return self.on_tick();
        }
        Ok(())
    }

    /// Frees the items of big containers that died (`runtime::grave`) a
    /// slice at a time, polling signals between slices, so a signal never
    /// waits for a big drop. Charges nothing: icount does not depend on
    /// when this runs. A handler's exception is returned once the
    /// container being freed is gone.
    #[cold]
    #[inline(never)]
    pub fn free_graveyard(&mut self) -> RunResult<()> {
        use crate::runtime::grave;
        while let Some(mut c) = grave::dig_up() {
            c.free_some(grave::SLICE);
            while c.left() > 0 {
                if let Err(e) = self.on_tick() {
                    drop(c);
                    return Err(e);
                }
                c.free_some(grave::SLICE);
            }
        }
        Ok(())
    }

    /// Frees what the graveyard holds without polling (the exit sequence).
    pub fn free_graveyard_now(&mut self) {
        while let Some(c) = crate::runtime::grave::dig_up() {
            drop(c);
        }
    }

    /// The cold path of the tick: reloads the budget and polls signals.
    #[cold]
    #[inline(never)]
    pub fn tick_expired(&mut self) -> RunResult<()> {
        self.reload_tick();
        self.on_tick()
    }

    /// Runs the tick hook (the signal runtime): at a tick, and when the
    /// outermost protected region ends.
    pub(crate) fn on_tick(&mut self) -> RunResult<()> {
        match self.tick_hook {
            Some(hook) => hook(self),
            None => Ok(()),
        }
    }

    /// An interned str: one shared object per distinct name.
    pub fn intern(&mut self, s: &str) -> Rc<PyStr> {
        if let Some(r) = self.interned.get(s) {
            return r.clone();
        }
        let r = Rc::new(PyStr::new(s));
        self.interned.insert(s.into(), r.clone());
        r
    }

    /// An interned str value.
    pub fn intern_value(&mut self, s: &str) -> Value {
        Value::Str(self.intern(s))
    }

    /// Prepares a compiled code object (and its nested ones) for execution.
    pub fn load_code(&mut self, co: &Rc<CodeObject>) -> Rc<Code> {
        let consts: Vec<Value> = co.consts.iter().map(|c| self.const_value(c)).collect();
        let names: Vec<Rc<PyStr>> = co.names.iter().map(|n| self.intern(n)).collect();
        let nparams = co.total_params();
        let param_names: Vec<Rc<PyStr>> = co.varnames[..nparams.min(co.varnames.len())]
            .iter()
            .map(|n| self.intern(n))
            .collect();
        let simple_args = co.flags
            & (crate::bytecode::code::CO_VARARGS
                | crate::bytecode::code::CO_VARKEYWORDS
                | crate::bytecode::code::CO_GENERATOR)
            == 0
            && co.kwonlyargcount == 0
            && co.cell2arg.iter().all(|c| c.is_none());
        let mut instrs: Vec<crate::bytecode::Instr> = co.instrs.clone();
        let mut caches: Vec<crate::runtime::value::InlineCache> = Vec::new();
        for ins in instrs.iter_mut() {
            use crate::bytecode::Opcode;
            if matches!(
                ins.op,
                Opcode::LoadGlobal | Opcode::LoadAttr | Opcode::LoadMethod | Opcode::StoreAttr
            ) {
                caches.push(crate::runtime::value::InlineCache {
                    name: ins.arg,
                    ..Default::default()
                });
                ins.arg = (caches.len() - 1) as u32;
            }
        }
        fuse_pairs(&mut instrs);
        Rc::new(Code {
            co: co.clone(),
            instrs: instrs.into_boxed_slice(),
            caches: caches.into_boxed_slice(),
            consts: consts.into_boxed_slice(),
            names: names.into_boxed_slice(),
            param_names: param_names.into_boxed_slice(),
            nlocals: co.varnames.len(),
            ncells: co.cellvars.len(),
            nfree: co.freevars.len(),
            simple_args,
        })
    }

    fn const_value(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(s) => match num_bigint::BigInt::parse_bytes(s.as_bytes(), 10) {
                Some(b) => Value::from_bigint(b),
                None => Value::Int(0),
            },
            Constant::Float(f) => Value::Float(*f),
            Constant::Str(s) => {
                if s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    self.intern_value(s)
                } else {
                    Value::str(s)
                }
            }
            Constant::Bytes(b) => Value::bytes(b.to_vec()),
            Constant::Tuple(items) => {
                let v: Vec<Value> = items.iter().map(|c| self.const_value(c)).collect();
                Value::tuple(v)
            }
            Constant::Ellipsis => Value::Ellipsis,
            Constant::Code(co) => Value::Code(self.load_code(co)),
        }
    }

    // === Exceptions ===

    /// Turns a raised error into its exception instance.
    pub fn materialize(&mut self, err: PyErr) -> Rc<Instance> {
        match err {
            PyErr::Obj(inst) => inst,
            PyErr::Lazy(b) => {
                let (kind, args) = *b;
                let cls = self.types.exc(kind).clone();
                let os_args = if kind.is_os_error() {
                    Some(args.clone())
                } else {
                    None
                };
                let inst = self.new_exception(&cls, args);
                if kind == ExcKind::NameError {
                    self.note_name_error(&inst);
                }
                if let Some(a) = os_args {
                    crate::builtins::reflect::oserror_setup(self, &inst, &a);
                }
                inst
            }
        }
    }

    /// A new exception instance of `cls` with `args`.
    pub fn new_exception(
        &mut self,
        cls: &Rc<crate::runtime::value::Class>,
        args: Vec<Value>,
    ) -> Rc<Instance> {
        Rc::new(Instance::new(
            cls.clone(),
            Some(Box::new(std::cell::RefCell::new(ExcData {
                args: Value::tuple(args),
                traceback: Vec::new(),
                cause: Value::None,
                context: Value::None,
                suppress_context: false,
                tb_obj: None,
            }))),
        ))
    }

    /// Whether an error is an instance of the builtin exception `kind`.
    pub fn err_matches(&self, err: &PyErr, kind: ExcKind) -> bool {
        match err {
            PyErr::Lazy(b) => {
                let mut k = b.0;
                loop {
                    if k == kind {
                        return true;
                    }
                    if k == ExcKind::BaseException {
                        return false;
                    }
                    k = k.base();
                }
            }
            PyErr::Obj(inst) => {
                let target = self.types.exc(kind);
                ops::is_subclass(&inst.class, target)
            }
        }
    }

    // === Output ===

    /// Writes text to `sys.stdout` (buffered; see `builtins::stream` for
    /// a write made while a flush waits).
    pub fn write_stdout(&mut self, s: &str) -> RunResult<()> {
        let out = self.stdout.clone();
        let line_end = out.line_buffering && s.contains('\n');
        out.write_bytes(self, s.as_bytes(), line_end).map(|_| ())
    }

    /// Flushes `sys.stdout`.
    pub fn flush_stdout(&mut self) -> RunResult<()> {
        let out = self.stdout.clone();
        out.flush(self)
    }
}

/// Rewrites frequent instruction pairs and triples into superinstructions
/// (the instructions after the first stay in place, so jumps to them still
/// work). A triple starting at the next instruction wins over a pair here:
/// `LoadFast t; [LoadFast x; LoadFast i; StoreSubscr]` is two dispatches,
/// where `[LoadFast t; LoadFast x]; LoadFast i; StoreSubscr` would be three.
fn fuse_pairs(instrs: &mut [crate::bytecode::Instr]) {
    use crate::bytecode::Opcode;
    let n = instrs.len();
    // Increments, then the load half of `x[i] op= y`, then triples.
    let longs: Vec<Option<crate::bytecode::Instr>> = (0..n)
        .map(|i| {
            let w = &instrs[i..];
            fuse_increment(w)
                .or_else(|| fuse_dup_subscr(w))
                .or_else(|| fuse_triple(w))
        })
        .collect();
    for i in 0..n.saturating_sub(1) {
        if let Some(fused) = longs[i] {
            instrs[i] = fused;
            continue;
        }
        let (a, b) = (instrs[i], instrs[i + 1]);
        if a.arg > 0xffff || b.arg > 0xffff {
            continue;
        }
        // A pair would hide a triple or an increment that starts at its
        // second instruction (`x = ...; y = b[0]` is `StoreFast` then
        // `b[0]` fused, two dispatches, not three).
        if matches!(a.op, Opcode::LoadFast | Opcode::StoreFast) && longs[i + 1].is_some() {
            continue;
        }
        // An operator that an earlier fused instruction reads in place
        // (`LoadFastBinop`, `BinopFastFast`) stays as it is.
        let op_read = (i >= 1 && instrs[i - 1].op == Opcode::LoadFastBinop)
            || (i >= 2
                && matches!(
                    instrs[i - 2].op,
                    Opcode::BinopFastFast | Opcode::BinopFastConst
                ));
        let arith = FUSED_ARITH.iter().position(|&o| o == a.op);
        if let (Some(k), false) = (arith, op_read) {
            let fused = match b.op {
                Opcode::StoreFast => Some((Opcode::BinopStoreFast, b.arg)),
                Opcode::RotThree
                    if is_inplace(a.op)
                        && instrs.get(i + 2).map(|c| c.op) == Some(Opcode::StoreSubscr) =>
                {
                    Some((Opcode::InplaceRotStoreSubscr, 0))
                }
                _ => None,
            };
            if let Some((op, slot)) = fused {
                instrs[i].op = op;
                instrs[i].arg = slot | ((k as u32) << 16);
                continue;
            }
        }
        let fused = match (a.op, b.op) {
            (Opcode::LoadFast, Opcode::LoadFast) => Opcode::LoadFastLoadFast,
            (Opcode::LoadFast, Opcode::LoadConst) => Opcode::LoadFastLoadConst,
            (Opcode::LoadFast, Opcode::LoadAttr) => Opcode::LoadFastLoadAttr,
            (Opcode::LoadFast, op) if is_fused_arith(op) => Opcode::LoadFastBinop,
            (Opcode::StoreFast, Opcode::LoadFast) => Opcode::StoreFastLoadFast,
            (Opcode::DupTopTwo, Opcode::BinarySubscr) => Opcode::DupTopTwoBinarySubscr,
            (Opcode::RotThree, Opcode::StoreSubscr) => Opcode::RotThreeStoreSubscr,
            _ => continue,
        };
        instrs[i].op = fused;
        instrs[i].arg = a.arg | (b.arg << 16);
    }
}

/// The operators of `BinopStoreFast` and `InplaceRotStoreSubscr`, by the
/// index in bits 16.. of their operand (the rest of the table is unused).
pub(crate) const FUSED_ARITH: [crate::bytecode::Opcode; 16] = {
    use crate::bytecode::Opcode::*;
    [
        BinaryAdd,
        InplaceAdd,
        BinarySubtract,
        InplaceSubtract,
        BinaryMultiply,
        InplaceMultiply,
        BinaryTrueDivide,
        InplaceTrueDivide,
        BinaryPower,
        Nop,
        Nop,
        Nop,
        Nop,
        Nop,
        Nop,
        Nop,
    ]
};

/// An in-place operator (`x[i] op= y` runs one before its store).
fn is_inplace(op: crate::bytecode::Opcode) -> bool {
    use crate::bytecode::Opcode::*;
    matches!(
        op,
        InplaceAdd | InplaceSubtract | InplaceMultiply | InplaceTrueDivide
    )
}

/// `LoadFast a; LoadFast b|LoadConst c; DupTopTwo; BinarySubscr` (the load
/// half of `a[b] op= y`) as one instruction (the three after it stay in
/// place).
fn fuse_dup_subscr(w: &[crate::bytecode::Instr]) -> Option<crate::bytecode::Instr> {
    use crate::bytecode::{Instr, Opcode};
    let [a, b, d, s, ..] = w else {
        return None;
    };
    if a.op != Opcode::LoadFast
        || d.op != Opcode::DupTopTwo
        || s.op != Opcode::BinarySubscr
        || a.arg > 0xffff
        || b.arg > 0xffff
    {
        return None;
    }
    let fused = match b.op {
        Opcode::LoadFast => Opcode::LoadFastDupSubscrFast,
        Opcode::LoadConst => Opcode::LoadFastDupSubscrConst,
        _ => return None,
    };
    Some(Instr {
        op: fused,
        arg: a.arg | (b.arg << 16),
    })
}

/// The arithmetic operators the fused binops run (read from the operator's
/// own instruction at run time).
pub(crate) fn is_fused_arith(op: crate::bytecode::Opcode) -> bool {
    use crate::bytecode::Opcode::*;
    matches!(
        op,
        BinaryAdd
            | InplaceAdd
            | BinarySubtract
            | InplaceSubtract
            | BinaryMultiply
            | InplaceMultiply
            | BinaryTrueDivide
            | InplaceTrueDivide
            | BinaryPower
    )
}

/// `LoadFast a` then `LoadFast b` or `LoadConst c`, then an indexing, a
/// comparison, an arithmetic operator or (two locals) a subscript store, as
/// one instruction (the two after it stay in place).
fn fuse_triple(w: &[crate::bytecode::Instr]) -> Option<crate::bytecode::Instr> {
    use crate::bytecode::{Instr, Opcode};
    let [a, b, op, ..] = w else {
        return None;
    };
    if a.op != Opcode::LoadFast || a.arg > 0xffff || b.arg > 0xffff {
        return None;
    }
    let fast = match b.op {
        Opcode::LoadFast => true,
        Opcode::LoadConst => false,
        _ => return None,
    };
    let fused = match (op.op, fast) {
        (Opcode::BinarySubscr, true) => Opcode::LoadFastSubscrFast,
        (Opcode::BinarySubscr, false) => Opcode::LoadFastSubscrConst,
        (Opcode::CompareOp, true) => Opcode::CompareFastFast,
        (Opcode::CompareOp, false) => Opcode::CompareFastConst,
        (Opcode::StoreSubscr, true) => Opcode::StoreSubscrFastFast,
        (o, true) if is_fused_arith(o) => Opcode::BinopFastFast,
        (o, false) if is_fused_arith(o) => Opcode::BinopFastConst,
        _ => return None,
    };
    Some(Instr {
        op: fused,
        arg: a.arg | (b.arg << 16),
    })
}

/// `LoadFast a; LoadConst c; InplaceAdd|InplaceSubtract; StoreFast a` as
/// one instruction (the three after it stay in place).
fn fuse_increment(w: &[crate::bytecode::Instr]) -> Option<crate::bytecode::Instr> {
    use crate::bytecode::{Instr, Opcode};
    let [a, c, op, st, ..] = w else {
        return None;
    };
    if a.op != Opcode::LoadFast
        || c.op != Opcode::LoadConst
        || st.op != Opcode::StoreFast
        || st.arg != a.arg
        || a.arg > 0xffff
        || c.arg > 0xffff
    {
        return None;
    }
    let fused = match op.op {
        Opcode::InplaceAdd => Opcode::AddConstToLocal,
        Opcode::InplaceSubtract => Opcode::SubConstFromLocal,
        _ => return None,
    };
    Some(Instr {
        op: fused,
        arg: a.arg | (c.arg << 16),
    })
}
