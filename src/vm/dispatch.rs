//! The dispatch loop: one `match` over opcodes whose arms delegate to
//! `vm::ops`. Python-to-Python calls push a frame and continue the loop (no
//! native recursion); the tick is one decrement and compare per
//! instruction, with the signal check in a cold function.

use std::cell::RefCell;
use std::rc::Rc;

use smallvec::SmallVec;

use crate::bytecode::code::CO_GENERATOR;
use crate::bytecode::opcode::{self, Opcode};
use crate::runtime::dict::Dict;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::num::ArithOp;
use crate::runtime::value::{Function, Instance, PyDict, PySet, PySlice, PyStr, TbEntry, Value};
use crate::vm::Vm;

use super::ops::attr::class_lookup;

impl Vm {
    /// Runs frames until the frame on top at entry (a boundary) returns.
    pub fn run(&mut self) -> RunResult<Value> {
        loop {
            // The fast loop runs the common cases on a local copy of the
            // value stack; anything else is one call of `step`.
            let stack = std::mem::take(&mut self.stack);
            let (stack, exit) = self.run_fast(stack);
            self.stack = stack;
            let r = match exit {
                Some((ins, ticked)) => self.step(ins, ticked),
                None => Err(PyErr::new(ExcKind::SystemError, "bytecode ran off the end")),
            };
            match r {
                Ok(Flow::Next | Flow::Switch) => {}
                Ok(Flow::Return(v)) => return Ok(v),
                // An exception: find a handler in this frame or unwind.
                Err(e) => self.unwind(e)?,
            }
        }
    }

    /// Runs one instruction (already fetched and counted by the fast loop)
    /// in the frame on top: every case the fast loop does not handle.
    #[inline(never)]
    fn step(&mut self, ins: crate::bytecode::Instr, ticked: bool) -> RunResult<Flow> {
        let fi = self.frames.len() - 1;
        let func = self.frames[fi].func.clone();
        let code: &crate::runtime::value::Code = &func.code;
        let globals: &Rc<PyDict> = &func.globals;
        let co: &crate::bytecode::CodeObject = &code.co;
        let instrs = &code.instrs[..];
        let base = self.frames[fi].base;
        let mut pc = self.frames[fi].pc;
        macro_rules! sync {
            () => {
                self.frames[fi].pc = pc
            };
        }
        let err: PyErr = 'ops: {
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => break 'ops e,
                    }
                };
            }
            if ticked {
                sync!();
                tri!(self.tick_expired());
            }
            let arg = ins.arg as usize;
            macro_rules! pop {
                () => {
                    match self.stack.pop() {
                        Some(v) => v,
                        None => break 'ops stack_underflow(),
                    }
                };
            }
            // The fast loop handles ints and floats; here are the rest (and
            // the rare int case that reaches this path when the tick fires).
            macro_rules! binop {
                ($op:expr) => {{
                    let b = pop!();
                    let a = pop!();
                    sync!();
                    let inplace = matches!(
                        ins.op,
                        Opcode::InplaceAdd | Opcode::InplaceSubtract | Opcode::InplaceMultiply
                    );
                    let r = if $op == ArithOp::Add
                        && matches!((&a, &b), (Value::Str(_), Value::Str(_)))
                    {
                        self.str_concat(a, b, instrs.get(pc), base)
                    } else if inplace {
                        tri!(self.inplace_op($op, &a, &b))
                    } else {
                        tri!(self.binary_op($op, &a, &b))
                    };
                    self.stack.push(r);
                }};
            }
            macro_rules! generic_binop {
                ($op:expr, $inplace:expr) => {{
                    let b = pop!();
                    let a = pop!();
                    sync!();
                    let r = if $inplace {
                        tri!(self.inplace_op($op, &a, &b))
                    } else {
                        tri!(self.binary_op($op, &a, &b))
                    };
                    self.stack.push(r);
                }};
            }
            match ins.op {
                // === Stack ===
                Opcode::Nop => {}
                Opcode::PopTop => {
                    pop!();
                }
                Opcode::DupTop => {
                    let v = match self.stack.last() {
                        Some(v) => v.clone(),
                        None => break 'ops stack_underflow(),
                    };
                    self.stack.push(v);
                }
                Opcode::DupTopTwo => {
                    let n = self.stack.len();
                    if n < 2 {
                        break 'ops stack_underflow();
                    }
                    let (a, b) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
                    self.stack.push(a);
                    self.stack.push(b);
                }
                Opcode::RotTwo => {
                    let n = self.stack.len();
                    if n < 2 {
                        break 'ops stack_underflow();
                    }
                    self.stack.swap(n - 1, n - 2);
                }
                Opcode::RotThree => {
                    let n = self.stack.len();
                    if n < 3 {
                        break 'ops stack_underflow();
                    }
                    self.stack[n - 3..].rotate_right(1);
                }
                Opcode::RotFour => {
                    let n = self.stack.len();
                    if n < 4 {
                        break 'ops stack_underflow();
                    }
                    self.stack[n - 4..].rotate_right(1);
                }

                // === Variables ===
                Opcode::LoadConst => {
                    let v = code.consts[arg].clone();
                    self.stack.push(v);
                }
                Opcode::LoadFast | Opcode::LoadFastLoadFast | Opcode::LoadFastLoadConst => {
                    // A fused pair that reaches this general path runs its
                    // first half only; the second instruction follows.
                    let arg = if ins.op == Opcode::LoadFast {
                        arg
                    } else {
                        arg & 0xffff
                    };
                    let v = self.stack[base + arg].clone();
                    if v.is_null() {
                        break 'ops PyErr::unbound_local(&co.varnames[arg]);
                    }
                    self.stack.push(v);
                }
                Opcode::StoreFast => {
                    let v = pop!();
                    self.stack[base + arg] = v;
                }
                Opcode::DeleteFast => {
                    if self.stack[base + arg].is_null() {
                        break 'ops PyErr::unbound_local(&co.varnames[arg]);
                    }
                    self.stack[base + arg] = Value::Null;
                }
                Opcode::LoadDeref => {
                    let v = match &self.stack[base + code.nlocals + arg] {
                        Value::Cell(c) => c.borrow().clone(),
                        _ => Value::Null,
                    };
                    if v.is_null() {
                        break 'ops unbound_deref(co, arg);
                    }
                    self.stack.push(v);
                }
                Opcode::StoreDeref => {
                    let v = pop!();
                    if let Value::Cell(c) = &self.stack[base + code.nlocals + arg] {
                        let old = std::mem::replace(&mut *c.borrow_mut(), v);
                        drop(old);
                    }
                }
                Opcode::DeleteDeref => {
                    let old = match &self.stack[base + code.nlocals + arg] {
                        Value::Cell(c) => std::mem::take(&mut *c.borrow_mut()),
                        _ => Value::Null,
                    };
                    if old.is_null() {
                        break 'ops unbound_deref(co, arg);
                    }
                }
                Opcode::LoadClosure => {
                    let v = self.stack[base + code.nlocals + arg].clone();
                    self.stack.push(v);
                }
                Opcode::LoadClassDeref => {
                    let name = deref_name(co, arg);
                    let ns = self.frames[fi].namespace.clone();
                    let found = ns.and_then(|ns| ns.d.borrow().get_str(&PyStr::new(name)).cloned());
                    let v = match found {
                        Some(v) => v,
                        None => match &self.stack[base + code.nlocals + arg] {
                            Value::Cell(c) => c.borrow().clone(),
                            _ => Value::Null,
                        },
                    };
                    if v.is_null() {
                        break 'ops unbound_deref(co, arg);
                    }
                    self.stack.push(v);
                }
                Opcode::LoadGlobal => {
                    let cache = &code.caches[arg];
                    let v = tri!(self.load_global(globals, code, cache));
                    self.stack.push(v);
                }
                Opcode::StoreGlobal => {
                    let v = pop!();
                    let old = {
                        let mut d = globals.d.borrow_mut();
                        let name = &code.names[arg];
                        let hash = name.hash() as i64;
                        match d.find(
                            hash,
                            |k| matches!(k, Value::Str(s) if s.as_str() == name.as_str()),
                        ) {
                            Some(ix) => Some(std::mem::replace(d.value_at_mut(ix), v)),
                            None => {
                                d.insert_new(hash, Value::Str(name.clone()), v);
                                None
                            }
                        }
                    };
                    drop(old);
                }
                Opcode::DeleteGlobal => {
                    let name = &code.names[arg];
                    let removed = globals.d.borrow_mut().remove_str(name);
                    if removed.is_none() {
                        break 'ops PyErr::name_not_defined(name.as_str());
                    }
                }
                Opcode::LoadName => {
                    let name = &code.names[arg];
                    let ns = self.frames[fi].namespace.clone();
                    let mut v = ns.and_then(|ns| ns.d.borrow().get_str(name).cloned());
                    if v.is_none() {
                        v = globals.d.borrow().get_str(name).cloned();
                    }
                    if v.is_none() {
                        v = self.builtins.d.borrow().get_str(name).cloned();
                    }
                    match v {
                        Some(v) => self.stack.push(v),
                        None => break 'ops PyErr::name_not_defined(name.as_str()),
                    }
                }
                Opcode::StoreName => {
                    let v = pop!();
                    let name = code.names[arg].clone();
                    match self.frames[fi].namespace.clone() {
                        Some(ns) => ns.d.borrow_mut().set_str(name, v),
                        None => globals.d.borrow_mut().set_str(name, v),
                    }
                }
                Opcode::DeleteName => {
                    let name = &code.names[arg];
                    let removed = match self.frames[fi].namespace.clone() {
                        Some(ns) => ns.d.borrow_mut().remove_str(name),
                        None => globals.d.borrow_mut().remove_str(name),
                    };
                    if removed.is_none() {
                        break 'ops PyErr::name_not_defined(name.as_str());
                    }
                }

                // === Attributes and subscripts ===
                Opcode::LoadAttr => {
                    let obj = pop!();
                    sync!();
                    let cache = &code.caches[arg];
                    let name = &code.names[cache.name as usize];
                    let v = tri!(self.get_attr_cached(&obj, name, cache));
                    self.stack.push(v);
                }
                Opcode::StoreAttr => {
                    let obj = pop!();
                    let v = pop!();
                    sync!();
                    let cache = &code.caches[arg];
                    let name = &code.names[cache.name as usize];
                    tri!(self.set_attr_cached(&obj, name, v, cache));
                }
                Opcode::DeleteAttr => {
                    let obj = pop!();
                    sync!();
                    tri!(self.del_attr(&obj, &code.names[arg]));
                }
                Opcode::LoadMethod => {
                    let obj = pop!();
                    sync!();
                    let cache = &code.caches[arg];
                    let name = &code.names[cache.name as usize];
                    let (m, s) = tri!(self.load_method_cached(&obj, name, cache));
                    self.stack.push(m);
                    self.stack.push(s);
                }
                Opcode::BinarySubscr => {
                    let key = pop!();
                    let obj = pop!();
                    sync!();
                    let v = tri!(self.getitem(&obj, &key));
                    self.stack.push(v);
                }
                Opcode::StoreSubscr => {
                    let key = pop!();
                    let obj = pop!();
                    let v = pop!();
                    sync!();
                    tri!(self.setitem(&obj, key, v));
                }
                Opcode::DeleteSubscr => {
                    let key = pop!();
                    let obj = pop!();
                    sync!();
                    tri!(self.delitem(&obj, &key));
                }
                Opcode::BuildSlice => {
                    let step = if arg == 3 { pop!() } else { Value::None };
                    let stop = pop!();
                    let start = pop!();
                    self.stack
                        .push(Value::Slice(Rc::new(PySlice { start, stop, step })));
                }

                // === Unary ===
                Opcode::UnaryPositive => {
                    let v = pop!();
                    sync!();
                    let r = tri!(self.pos(&v));
                    self.stack.push(r);
                }
                Opcode::UnaryNegative => {
                    let v = pop!();
                    sync!();
                    let r = tri!(self.neg(&v));
                    self.stack.push(r);
                }
                Opcode::UnaryNot => {
                    let v = pop!();
                    let b = match v {
                        Value::Bool(b) => b,
                        other => {
                            sync!();
                            tri!(self.truthy(&other))
                        }
                    };
                    self.stack.push(Value::Bool(!b));
                }
                Opcode::UnaryInvert => {
                    let v = pop!();
                    sync!();
                    let r = tri!(self.invert(&v));
                    self.stack.push(r);
                }

                // === Binary ===
                Opcode::BinaryAdd | Opcode::InplaceAdd => binop!(ArithOp::Add),
                Opcode::BinarySubtract | Opcode::InplaceSubtract => {
                    binop!(ArithOp::Sub)
                }
                Opcode::BinaryMultiply | Opcode::InplaceMultiply => {
                    binop!(ArithOp::Mul)
                }
                Opcode::BinaryModulo => generic_binop!(ArithOp::Mod, false),
                Opcode::BinaryAnd => generic_binop!(ArithOp::And, false),
                Opcode::BinaryXor => generic_binop!(ArithOp::Xor, false),
                Opcode::BinaryTrueDivide => generic_binop!(ArithOp::TrueDiv, false),
                Opcode::BinaryFloorDivide => generic_binop!(ArithOp::FloorDiv, false),
                Opcode::BinaryPower => generic_binop!(ArithOp::Pow, false),
                Opcode::BinaryLshift => generic_binop!(ArithOp::LShift, false),
                Opcode::BinaryRshift => generic_binop!(ArithOp::RShift, false),
                Opcode::BinaryOr => generic_binop!(ArithOp::Or, false),
                Opcode::BinaryMatrixMultiply => generic_binop!(ArithOp::MatMul, false),
                Opcode::InplaceTrueDivide => generic_binop!(ArithOp::TrueDiv, true),
                Opcode::InplaceFloorDivide => generic_binop!(ArithOp::FloorDiv, true),
                Opcode::InplaceModulo => generic_binop!(ArithOp::Mod, true),
                Opcode::InplacePower => generic_binop!(ArithOp::Pow, true),
                Opcode::InplaceLshift => generic_binop!(ArithOp::LShift, true),
                Opcode::InplaceRshift => generic_binop!(ArithOp::RShift, true),
                Opcode::InplaceAnd => generic_binop!(ArithOp::And, true),
                Opcode::InplaceOr => generic_binop!(ArithOp::Or, true),
                Opcode::InplaceXor => generic_binop!(ArithOp::Xor, true),
                Opcode::InplaceMatrixMultiply => generic_binop!(ArithOp::MatMul, true),

                // === Comparisons ===
                Opcode::CompareOp => {
                    let b = pop!();
                    let a = pop!();
                    sync!();
                    let r = tri!(self.compare(ins.arg, &a, &b));
                    self.stack.push(r);
                }
                Opcode::IsOp => {
                    let b = pop!();
                    let a = pop!();
                    self.stack.push(Value::Bool(a.is(&b) != (arg == 1)));
                }
                Opcode::ContainsOp => {
                    let b = pop!();
                    let a = pop!();
                    sync!();
                    let r = tri!(self.contains(&b, &a));
                    self.stack.push(Value::Bool(r != (arg == 1)));
                }

                // === Jumps ===
                Opcode::Jump => pc = arg,
                Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                    let v = pop!();
                    let t = match v {
                        Value::Bool(b) => b,
                        other => {
                            sync!();
                            tri!(self.truthy(&other))
                        }
                    };
                    if t == (ins.op == Opcode::PopJumpIfTrue) {
                        pc = arg;
                    }
                }
                Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                    let v = match self.stack.last() {
                        Some(v) => v.clone(),
                        None => break 'ops stack_underflow(),
                    };
                    let t = match v {
                        Value::Bool(b) => b,
                        other => {
                            sync!();
                            tri!(self.truthy(&other))
                        }
                    };
                    if t == (ins.op == Opcode::JumpIfTrueOrPop) {
                        pc = arg;
                    } else {
                        self.stack.pop();
                    }
                }
                Opcode::GetIter => {
                    let v = pop!();
                    sync!();
                    let it = tri!(self.get_iter(&v));
                    self.stack.push(it);
                }
                Opcode::ForIter => {
                    let it = match self.stack.last() {
                        Some(v) => v.clone(),
                        None => break 'ops stack_underflow(),
                    };
                    sync!();
                    match tri!(self.next(&it)) {
                        Some(v) => self.stack.push(v),
                        None => {
                            self.stack.pop();
                            pc = arg;
                        }
                    }
                }

                // === Building ===
                Opcode::BuildTuple => {
                    let at = tri!(self.stack_split(arg));
                    let items: Vec<Value> = self.stack.drain(at..).collect();
                    self.stack.push(Value::tuple(items));
                }
                Opcode::BuildList => {
                    let at = tri!(self.stack_split(arg));
                    let items: Vec<Value> = self.stack.drain(at..).collect();
                    self.stack.push(Value::list(items));
                }
                Opcode::BuildSet => {
                    let at = tri!(self.stack_split(arg));
                    let items: Vec<Value> = self.stack.drain(at..).collect();
                    let set = Rc::new(PySet::default());
                    sync!();
                    for it in items {
                        tri!(self.set_add(&set, it));
                    }
                    self.stack.push(Value::Set(set));
                }
                Opcode::BuildMap => {
                    let at = tri!(self.stack_split(arg * 2));
                    let items: Vec<Value> = self.stack.drain(at..).collect();
                    let d = Rc::new(PyDict {
                        d: RefCell::new(Dict::with_capacity(arg)),
                    });
                    sync!();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        tri!(self.dict_set(&d, k, v));
                    }
                    self.stack.push(Value::Dict(d));
                }
                Opcode::BuildString => {
                    let at = tri!(self.stack_split(arg));
                    let mut s = String::new();
                    for v in self.stack.drain(at..) {
                        if let Value::Str(p) = v {
                            s.push_str(&p.s);
                        }
                    }
                    self.stack.push(Value::string(s));
                }
                Opcode::ListAppend
                | Opcode::SetAdd
                | Opcode::ListExtend
                | Opcode::SetUpdate
                | Opcode::DictUpdate
                | Opcode::DictMerge => {
                    let v = pop!();
                    let target = match self.stack.len().checked_sub(arg) {
                        Some(i) => self.stack[i].clone(),
                        None => break 'ops stack_underflow(),
                    };
                    sync!();
                    tri!(self.collection_add(ins.op, &target, v));
                }
                Opcode::MapAdd => {
                    let v = pop!();
                    let k = pop!();
                    let target = match self.stack.len().checked_sub(arg) {
                        Some(i) => self.stack[i].clone(),
                        None => break 'ops stack_underflow(),
                    };
                    if let Value::Dict(d) = &target {
                        sync!();
                        tri!(self.dict_set(d, k, v));
                    }
                }
                Opcode::ListToTuple => {
                    let v = pop!();
                    let t = match v {
                        Value::List(l) => Value::tuple(std::mem::take(&mut *l.items.borrow_mut())),
                        other => other,
                    };
                    self.stack.push(t);
                }
                Opcode::UnpackSequence => {
                    let v = pop!();
                    sync!();
                    tri!(self.unpack_sequence(v, arg));
                }
                Opcode::UnpackEx => {
                    let v = pop!();
                    sync!();
                    tri!(self.unpack_ex(v, arg & 0xff, arg >> 8));
                }
                Opcode::FormatValue => {
                    let spec = if ins.arg & opcode::FV_HAS_SPEC != 0 {
                        Some(pop!())
                    } else {
                        None
                    };
                    let v = pop!();
                    sync!();
                    let s = tri!(self.format_value_op(v, ins.arg & opcode::FV_CONV_MASK, spec));
                    self.stack.push(s);
                }

                // === Calls ===
                Opcode::CallFunction => {
                    let Some(pos) = self.stack.len().checked_sub(arg + 1) else {
                        break 'ops stack_underflow();
                    };
                    sync!();
                    match &self.stack[pos] {
                        Value::Function(f) => {
                            let f = f.clone();
                            if f.code.simple_args && arg == f.code.co.argcount as usize {
                                tri!(self.check_recursion());
                                self.finish_frame(f, pos + 1, pos);
                            } else {
                                let args: SmallVec<[Value; 8]> =
                                    self.stack.drain(pos + 1..).collect();
                                self.stack.pop();
                                tri!(self.push_frame(&f, &args, &[], pos));
                            }
                            return Ok(Flow::Switch);
                        }
                        Value::BoundMethod(m) if matches!(m.func, Value::Function(_)) => {
                            let Value::Function(f) = m.func.clone() else {
                                unreachable!()
                            };
                            let s = m.self_.clone();
                            self.stack[pos] = s;
                            if f.code.simple_args && arg + 1 == f.code.co.argcount as usize {
                                tri!(self.check_recursion());
                                self.finish_frame(f, pos, pos);
                            } else {
                                let args: SmallVec<[Value; 8]> = self.stack.drain(pos..).collect();
                                tri!(self.push_frame(&f, &args, &[], pos));
                            }
                            return Ok(Flow::Switch);
                        }
                        _ => {
                            let args = self.take_args(pos + 1);
                            let f = pop!();
                            let r = tri!(self.call_value(&f, &args, &[]));
                            self.recycle_args(args);
                            self.stack.push(r);
                        }
                    }
                }
                Opcode::CallMethod => {
                    let Some(pos) = self.stack.len().checked_sub(arg + 2) else {
                        break 'ops stack_underflow();
                    };
                    sync!();
                    let has_self = !self.stack[pos + 1].is_null();
                    if let Value::Function(f) = &self.stack[pos] {
                        let f = f.clone();
                        let (first, n) = if has_self {
                            (pos + 1, arg + 1)
                        } else {
                            (pos + 2, arg)
                        };
                        if f.code.simple_args && n == f.code.co.argcount as usize {
                            tri!(self.check_recursion());
                            self.finish_frame(f, first, pos);
                        } else {
                            let args: SmallVec<[Value; 8]> = self.stack.drain(first..).collect();
                            self.stack.truncate(pos);
                            tri!(self.push_frame(&f, &args, &[], pos));
                        }
                        return Ok(Flow::Switch);
                    }
                    let first = if has_self { pos + 1 } else { pos + 2 };
                    let args = self.take_args(first);
                    self.stack.truncate(pos + 1);
                    let f = pop!();
                    let r = match &f {
                        Value::Builtin(b) if b.bound.is_none() => tri!((b.f)(self, &args, &[])),
                        _ => tri!(self.call_value(&f, &args, &[])),
                    };
                    self.recycle_args(args);
                    self.stack.push(r);
                }
                Opcode::CallFunctionKw | Opcode::CallMethodKw => {
                    let names = pop!();
                    let is_method = ins.op == Opcode::CallMethodKw;
                    let extra = if is_method { 2 } else { 1 };
                    let Some(pos) = self.stack.len().checked_sub(arg + extra) else {
                        break 'ops stack_underflow();
                    };
                    sync!();
                    let mut first = pos + 1;
                    if is_method {
                        first = if self.stack[pos + 1].is_null() {
                            pos + 2
                        } else {
                            pos + 1
                        };
                    }
                    let mut args: Vec<Value> = self.stack.drain(first..).collect();
                    self.stack.truncate(pos + 1);
                    let f = pop!();
                    let kwnames = match &names {
                        Value::Tuple(t) => t.items.clone(),
                        _ => Box::new([]),
                    };
                    let nkw = kwnames.len().min(args.len());
                    let kwvals = args.split_off(args.len() - nkw);
                    let kw: Vec<(Value, Value)> = kwnames.iter().cloned().zip(kwvals).collect();
                    if let Value::Function(func) = &f {
                        let func = func.clone();
                        tri!(self.push_frame(&func, &args, &kw, pos));
                        return Ok(Flow::Switch);
                    }
                    let r = tri!(self.call_value(&f, &args, &kw));
                    self.stack.push(r);
                }
                Opcode::CallFunctionEx => {
                    let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                    let args = pop!();
                    let f = pop!();
                    sync!();
                    let args = tri!(self.collect(&args));
                    let mut kw: Vec<(Value, Value)> = Vec::new();
                    if let Some(Value::Dict(d)) = &kwargs {
                        for e in d.d.borrow().iter() {
                            kw.push((e.key.clone(), e.value.clone()));
                        }
                    }
                    if kw.iter().any(|(k, _)| !matches!(k, Value::Str(_))) {
                        break 'ops PyErr::type_error("keywords must be strings");
                    }
                    if let Value::Function(func) = &f {
                        let func = func.clone();
                        let pos = self.stack.len();
                        tri!(self.push_frame(&func, &args, &kw, pos));
                        return Ok(Flow::Switch);
                    }
                    let r = tri!(self.call_value(&f, &args, &kw));
                    self.stack.push(r);
                }
                Opcode::MakeFunction => {
                    let codev = pop!();
                    let closure = if arg as u32 & opcode::MF_CLOSURE != 0 {
                        Some(pop!())
                    } else {
                        None
                    };
                    let kwdefaults = if arg as u32 & opcode::MF_KWDEFAULTS != 0 {
                        Some(pop!())
                    } else {
                        None
                    };
                    let defaults = if arg as u32 & opcode::MF_DEFAULTS != 0 {
                        Some(pop!())
                    } else {
                        None
                    };
                    let f = tri!(self.make_function(codev, globals, defaults, kwdefaults, closure));
                    self.stack.push(f);
                }
                Opcode::ReturnValue => {
                    let v = pop!();
                    let fr = match self.frames.pop() {
                        Some(f) => f,
                        None => break 'ops stack_underflow(),
                    };
                    self.protect -= fr.protect;
                    self.stack.truncate(fr.ret_sp);
                    if fr.boundary || self.frames.is_empty() {
                        return Ok(Flow::Return(v));
                    }
                    self.stack.push(v);
                    return Ok(Flow::Switch);
                }
                Opcode::BuildClass => {
                    let at = tri!(self.stack_split(arg));
                    let bases: Vec<Value> = self.stack.drain(at..).collect();
                    let name = pop!();
                    let body = pop!();
                    sync!();
                    let cls = tri!(self.build_class(body, name, bases));
                    self.stack.push(cls);
                }

                // === Exceptions ===
                Opcode::RaiseVarargs => {
                    sync!();
                    break 'ops self.raise_varargs(arg);
                }
                Opcode::Reraise => {
                    let exc = pop!();
                    self.reraise = true;
                    break 'ops match exc {
                        Value::Instance(i) => PyErr::Obj(i),
                        _ => PyErr::new(ExcKind::SystemError, "bad RERAISE"),
                    };
                }
                Opcode::PushExcInfo => {
                    let exc = pop!();
                    let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                    self.stack.push(prev);
                    self.stack.push(exc);
                }
                Opcode::PopExcept => {
                    let prev = pop!();
                    self.exc_info = prev;
                }
                Opcode::CheckExcMatch => {
                    let typ = pop!();
                    let exc = match self.stack.last() {
                        Some(v) => v.clone(),
                        None => break 'ops stack_underflow(),
                    };
                    let r = tri!(self.exc_match(&exc, &typ));
                    self.stack.push(Value::Bool(r));
                }
                Opcode::LoadAssertionError => {
                    let c = self.types.exc(ExcKind::AssertionError).clone();
                    self.stack.push(Value::Class(c));
                }
                Opcode::BeforeWith => {
                    let mgr = pop!();
                    sync!();
                    let (exit, r) = tri!(self.before_with(&mgr));
                    self.stack.push(exit);
                    self.stack.push(r);
                }
                Opcode::WithExceptStart => {
                    let n = self.stack.len();
                    if n < 3 {
                        break 'ops stack_underflow();
                    }
                    let exc = self.stack[n - 1].clone();
                    let exit = self.stack[n - 3].clone();
                    let typ = Value::Class(self.types.type_of(&exc).clone());
                    let tb = self.traceback_object();
                    sync!();
                    let r = tri!(self.call_value(&exit, &[typ, exc, tb], &[]));
                    self.stack.push(r);
                }
                Opcode::ProtectBegin => {
                    self.frames[fi].protect += 1;
                    self.protect += 1;
                }
                Opcode::ProtectEnd => {
                    let fr = &mut self.frames[fi];
                    if fr.protect > 0 {
                        fr.protect -= 1;
                        self.protect -= 1;
                    }
                    if self.protect == 0 && self.tick_hook.is_some() {
                        sync!();
                        tri!(self.protect_exit());
                    }
                }

                // === Generators (later issue) ===
                Opcode::YieldValue | Opcode::GetYieldFromIter | Opcode::YieldFrom => {
                    break 'ops PyErr::not_implemented("sigpy does not support generators yet");
                }

                // === Imports ===
                Opcode::ImportName => {
                    sync!();
                    let name = code.names[arg].clone();
                    let m = tri!(crate::modules::import(self, name.as_str()));
                    self.stack.push(m);
                }
                Opcode::ImportFrom => {
                    let m = match self.stack.last() {
                        Some(v) => v.clone(),
                        None => break 'ops stack_underflow(),
                    };
                    let name = code.names[arg].clone();
                    sync!();
                    let v = match self.get_attr_opt(&m, &name) {
                        Ok(Some(v)) => v,
                        Ok(None) => {
                            let mname = match &m {
                                Value::Module(md) => md.name.as_str().to_string(),
                                _ => "?".into(),
                            };
                            break 'ops PyErr::new(
                                ExcKind::ImportError,
                                format!(
                                    "cannot import name '{}' from '{}' (unknown location)",
                                    name.as_str(),
                                    mname
                                ),
                            );
                        }
                        Err(e) => break 'ops e,
                    };
                    self.stack.push(v);
                }
                Opcode::ImportStar => {
                    let m = pop!();
                    if let Value::Module(md) = &m {
                        let entries: Vec<(Value, Value)> = md
                            .dict
                            .d
                            .borrow()
                            .iter()
                            .filter(
                                |e| !matches!(&e.key, Value::Str(s) if s.as_str().starts_with('_')),
                            )
                            .map(|e| (e.key.clone(), e.value.clone()))
                            .collect();
                        for (k, v) in entries {
                            if let Value::Str(s) = k {
                                globals.d.borrow_mut().set_str(s, v);
                            }
                        }
                    }
                }
            }
            self.frames[fi].pc = pc;
            return Ok(Flow::Next);
        };
        if let Some(f) = self.frames.get_mut(fi) {
            f.pc = pc;
        }
        Err(err)
    }

    /// `LoadGlobal` through its inline cache: a name found in the globals
    /// is re-found at its cached entry index by key identity (no hashing);
    /// a builtin is trusted while neither dict gained or lost a key.
    #[inline]
    fn load_global(
        &mut self,
        globals: &Rc<PyDict>,
        code: &crate::runtime::value::Code,
        cache: &crate::runtime::value::InlineCache,
    ) -> RunResult<Value> {
        let name = &code.names[cache.name as usize];
        let gd = globals.d.borrow();
        let aux = cache.aux.get();
        if aux == 0 {
            if let Some(v) = gd.value_if_key_at(cache.index.get() as usize, name) {
                return Ok(v.clone());
            }
        } else if cache.key.get() == gd.version {
            let bd = self.builtins.d.borrow();
            if bd.version == aux {
                if let Some(e) = bd.entry_at(cache.index.get() as usize) {
                    return Ok(e.value.clone());
                }
            }
        }
        self.load_global_slow(&gd, name, cache)
    }

    #[inline(never)]
    fn load_global_slow(
        &self,
        gd: &Dict,
        name: &Rc<PyStr>,
        cache: &crate::runtime::value::InlineCache,
    ) -> RunResult<Value> {
        if let Some(ix) = gd.find_str(name) {
            cache.aux.set(0);
            cache.index.set(ix as u32);
            return Ok(gd.value_at(ix).clone());
        }
        let bd = self.builtins.d.borrow();
        if let Some(ix) = bd.find_str(name) {
            // Version 0 (a dict never changed) must not validate a cache.
            cache.key.set(if gd.version == 0 {
                u64::MAX
            } else {
                gd.version
            });
            cache.aux.set(bd.version.max(1));
            cache.index.set(ix as u32);
            return Ok(bd.value_at(ix).clone());
        }
        Err(PyErr::name_not_defined(name.as_str()))
    }

    /// `a + b` for two strs. When the next instruction stores the result
    /// into the local that holds `a` (`s += t`), the local's reference is
    /// dropped first so the str can grow in place (CPython does the same).
    #[inline]
    fn str_concat(
        &mut self,
        a: Value,
        b: Value,
        next: Option<&crate::bytecode::Instr>,
        base: usize,
    ) -> Value {
        let (Value::Str(mut a), Value::Str(b)) = (a, b) else {
            return Value::None;
        };
        if let Some(next) = next {
            if next.op == Opcode::StoreFast {
                let slot = base + next.arg as usize;
                if matches!(&self.stack[slot], Value::Str(l) if Rc::ptr_eq(l, &a)) {
                    self.stack[slot] = Value::Null;
                }
            }
        }
        if let Some(m) = Rc::get_mut(&mut a) {
            m.push(&b);
            return Value::Str(a);
        }
        Value::Str(Rc::new(PyStr::concat(&a, &b.s, b.char_len)))
    }

    /// Moves the arguments `stack[first..]` into a pooled buffer (no
    /// allocation per native call).
    #[inline]
    fn take_args(&mut self, first: usize) -> Vec<Value> {
        let mut v = self.arg_pool.pop().unwrap_or_default();
        v.extend(self.stack.drain(first..));
        v
    }

    /// Returns an argument buffer to the pool.
    #[inline]
    fn recycle_args(&mut self, mut v: Vec<Value>) {
        v.clear();
        if self.arg_pool.len() < 32 {
            self.arg_pool.push(v);
        }
    }

    /// The fast path of the dispatch loop: common instructions on common
    /// types, with the value stack in a local. Returns the next instruction
    /// the general loop must run (already counted), with `true` when the tick
    /// expired before it; `None` past the end of the code.
    #[inline(always)]
    fn run_fast(
        &mut self,
        mut stack: Vec<Value>,
    ) -> (Vec<Value>, Option<(crate::bytecode::Instr, bool)>) {
        let mut tick = self.tick_left;
        let exit = 'frame: loop {
            let fi = self.frames.len() - 1;
            let func = self.frames[fi].func.clone();
            let code: &crate::runtime::value::Code = &func.code;
            let globals = &func.globals;
            let base = self.frames[fi].base;
            let instrs = &code.instrs[..];
            let mut pc = self.frames[fi].pc;
            let r = loop {
                let Some(&ins) = instrs.get(pc) else {
                    break None;
                };
                pc += 1;
                tick -= 1;
                if tick <= 0 {
                    break Some((ins, true));
                }
                let arg = ins.arg as usize;
                macro_rules! fallback {
                    () => {
                        break Some((ins, false))
                    };
                }
                match ins.op {
                    Opcode::LoadFast => {
                        let v = &stack[base + arg];
                        if v.is_null() {
                            fallback!();
                        }
                        let v = v.clone();
                        stack.push(v);
                    }
                    Opcode::StoreFast => match stack.pop() {
                        Some(v) => stack[base + arg] = v,
                        None => fallback!(),
                    },
                    Opcode::LoadConst => stack.push(code.consts[arg].clone()),
                    Opcode::LoadFastLoadFast | Opcode::LoadFastLoadConst => {
                        if tick <= 1 {
                            fallback!();
                        }
                        let a = &stack[base + (arg & 0xffff)];
                        if a.is_null() {
                            fallback!();
                        }
                        let a = a.clone();
                        let b = if ins.op == Opcode::LoadFastLoadFast {
                            let b = &stack[base + (arg >> 16)];
                            if b.is_null() {
                                fallback!();
                            }
                            b.clone()
                        } else {
                            code.consts[arg >> 16].clone()
                        };
                        stack.push(a);
                        stack.push(b);
                        tick -= 1;
                        pc += 1;
                    }
                    Opcode::PopTop => {
                        if stack.pop().is_none() {
                            fallback!();
                        }
                    }
                    Opcode::Jump => pc = arg,
                    Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                        let t = match stack.last() {
                            Some(Value::Bool(b)) => *b,
                            Some(Value::Int(i)) => *i != 0,
                            Some(Value::None) => false,
                            _ => fallback!(),
                        };
                        if t == (ins.op == Opcode::PopJumpIfTrue) {
                            pc = arg;
                        }
                        std::mem::forget(stack.pop());
                    }
                    Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                        let t = match stack.last() {
                            Some(Value::Bool(b)) => *b,
                            Some(Value::Int(i)) => *i != 0,
                            Some(Value::None) => false,
                            _ => fallback!(),
                        };
                        if t == (ins.op == Opcode::JumpIfTrueOrPop) {
                            pc = arg;
                        } else {
                            std::mem::forget(stack.pop());
                        }
                    }
                    Opcode::BinaryPower => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let r = match (&stack[n - 2], &stack[n - 1]) {
                            (Value::Float(x), Value::Float(y))
                                if *x > 0.0 && x.is_finite() && y.is_finite() =>
                            {
                                x.powf(*y)
                            }
                            _ => fallback!(),
                        };
                        if !r.is_finite() {
                            fallback!();
                        }
                        std::mem::forget(stack.pop());
                        std::mem::forget(std::mem::replace(&mut stack[n - 2], Value::Float(r)));
                    }
                    Opcode::UnaryNot => match stack.last_mut() {
                        Some(Value::Bool(b)) => *b = !*b,
                        _ => fallback!(),
                    },
                    Opcode::IsOp => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let r = stack[n - 2].is(&stack[n - 1]) != (arg == 1);
                        if let Some(b) = stack.pop() {
                            drop(b);
                        }
                        if let Some(top) = stack.last_mut() {
                            *top = Value::Bool(r);
                        }
                    }
                    Opcode::BinaryModulo
                    | Opcode::InplaceModulo
                    | Opcode::BinaryFloorDivide
                    | Opcode::InplaceFloorDivide
                    | Opcode::BinaryAnd
                    | Opcode::InplaceAnd
                    | Opcode::BinaryOr
                    | Opcode::InplaceOr
                    | Opcode::BinaryXor
                    | Opcode::InplaceXor
                    | Opcode::BinaryRshift
                    | Opcode::InplaceRshift => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let r = match (&stack[n - 2], &stack[n - 1]) {
                            (Value::Int(x), Value::Int(y)) => {
                                let (x, y) = (*x, *y);
                                match ins.op {
                                    Opcode::BinaryModulo | Opcode::InplaceModulo
                                        if y > 0 && x >= 0 =>
                                    {
                                        x % y
                                    }
                                    Opcode::BinaryModulo | Opcode::InplaceModulo
                                        if y != 0 && y != -1 =>
                                    {
                                        crate::runtime::num::mod_i64(x, y)
                                    }
                                    Opcode::BinaryFloorDivide | Opcode::InplaceFloorDivide
                                        if y != 0 && y != -1 =>
                                    {
                                        crate::runtime::num::floor_div_i64(x, y)
                                    }
                                    Opcode::BinaryAnd | Opcode::InplaceAnd => x & y,
                                    Opcode::BinaryOr | Opcode::InplaceOr => x | y,
                                    Opcode::BinaryXor | Opcode::InplaceXor => x ^ y,
                                    Opcode::BinaryRshift | Opcode::InplaceRshift
                                        if (0..64).contains(&y) =>
                                    {
                                        x >> y
                                    }
                                    _ => fallback!(),
                                }
                            }
                            _ => fallback!(),
                        };
                        std::mem::forget(stack.pop());
                        std::mem::forget(std::mem::replace(&mut stack[n - 2], Value::Int(r)));
                    }
                    Opcode::StoreAttr => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let cache = &code.caches[arg];
                        let name = &code.names[cache.name as usize];
                        let (lo, hi) = stack.split_at_mut(n - 1);
                        let done = match &hi[0] {
                            Value::Instance(inst)
                                if !inst.class.has_descriptors.get()
                                    && !self.late_descriptors
                                    && inst.exc.is_none() =>
                            {
                                let mut d = inst.dict.borrow_mut();
                                match d.value_if_key_at_mut(cache.index.get() as usize, name) {
                                    Some(slot) => {
                                        let v = std::mem::take(&mut lo[n - 2]);
                                        Some(std::mem::replace(slot, v))
                                    }
                                    None => None,
                                }
                            }
                            _ => None,
                        };
                        match done {
                            Some(old) => {
                                stack.truncate(n - 2);
                                drop(old);
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::LoadMethod => {
                        let cache = &code.caches[arg];
                        let name = &code.names[cache.name as usize];
                        let m = match stack.last() {
                            Some(Value::Instance(inst))
                                if inst.dict.borrow().get_str(name).is_none() =>
                            {
                                match self.cached_class_lookup(cache, &inst.class, name) {
                                    Some(f @ Value::Function(_)) => f,
                                    _ => fallback!(),
                                }
                            }
                            Some(v @ (Value::List(_) | Value::Str(_) | Value::Dict(_))) => {
                                let cls = self.types.type_of(v);
                                match self.cached_class_lookup(cache, cls, name) {
                                    Some(f @ Value::Builtin(_)) => f,
                                    _ => fallback!(),
                                }
                            }
                            _ => fallback!(),
                        };
                        let obj = stack.pop().unwrap_or_default();
                        stack.push(m);
                        stack.push(obj);
                    }
                    Opcode::LoadGlobal => {
                        let cache = &code.caches[arg];
                        match self.load_global(globals, code, cache) {
                            Ok(v) => stack.push(v),
                            Err(_) => fallback!(),
                        }
                    }
                    Opcode::LoadAttr => {
                        let cache = &code.caches[arg];
                        let name = &code.names[cache.name as usize];
                        let hit = match stack.last() {
                            Some(Value::Instance(inst))
                                if !inst.class.has_descriptors.get() && !self.late_descriptors =>
                            {
                                inst.dict
                                    .borrow()
                                    .value_if_key_at(cache.index.get() as usize, name)
                                    .cloned()
                            }
                            _ => None,
                        };
                        match hit {
                            Some(v) => {
                                if let Some(top) = stack.last_mut() {
                                    *top = v;
                                }
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::DupTop => match stack.last() {
                        Some(v) => {
                            let v = v.clone();
                            stack.push(v);
                        }
                        None => fallback!(),
                    },
                    Opcode::DupTopTwo => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let (a, b) = (stack[n - 2].clone(), stack[n - 1].clone());
                        stack.push(a);
                        stack.push(b);
                    }
                    Opcode::RotTwo => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        stack.swap(n - 1, n - 2);
                    }
                    Opcode::RotThree => {
                        let n = stack.len();
                        if n < 3 {
                            fallback!();
                        }
                        stack[n - 3..].rotate_right(1);
                    }
                    Opcode::BinaryAdd
                    | Opcode::InplaceAdd
                    | Opcode::BinarySubtract
                    | Opcode::InplaceSubtract
                    | Opcode::BinaryMultiply
                    | Opcode::InplaceMultiply
                    | Opcode::BinaryTrueDivide
                    | Opcode::InplaceTrueDivide => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let r = match (&stack[n - 2], &stack[n - 1]) {
                            (Value::Int(x), Value::Int(y)) => match ins.op {
                                Opcode::BinaryAdd | Opcode::InplaceAdd => {
                                    x.checked_add(*y).map(Value::Int)
                                }
                                Opcode::BinarySubtract | Opcode::InplaceSubtract => {
                                    x.checked_sub(*y).map(Value::Int)
                                }
                                Opcode::BinaryMultiply | Opcode::InplaceMultiply => {
                                    x.checked_mul(*y).map(Value::Int)
                                }
                                _ => None,
                            },
                            (Value::Float(x), Value::Float(y)) => fast_float(ins.op, *x, *y),
                            (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => {
                                fast_float(ins.op, *x as f64, *y)
                            }
                            (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => {
                                fast_float(ins.op, *x, *y as f64)
                            }
                            _ => None,
                        };
                        match r {
                            Some(r) => {
                                std::mem::forget(stack.pop());
                                std::mem::forget(std::mem::replace(&mut stack[n - 2], r));
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::CompareOp => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let r = match (&stack[n - 2], &stack[n - 1]) {
                            (Value::Int(x), Value::Int(y)) => cmp_ord(ins.arg, x.cmp(y)),
                            (Value::Float(x), Value::Float(y)) if !x.is_nan() && !y.is_nan() => {
                                cmp_ord(
                                    ins.arg,
                                    x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal),
                                )
                            }
                            _ => fallback!(),
                        };
                        std::mem::forget(stack.pop());
                        std::mem::forget(stack.pop());
                        // Fuse a following conditional jump (it still counts as
                        // an executed instruction).
                        if let Some(next) = instrs.get(pc) {
                            let jf = next.op == Opcode::PopJumpIfFalse;
                            if (jf || next.op == Opcode::PopJumpIfTrue) && tick > 1 {
                                tick -= 1;
                                pc = if r != jf { next.arg as usize } else { pc + 1 };
                                continue;
                            }
                        }
                        stack.push(Value::Bool(r));
                    }
                    Opcode::BinarySubscr => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let v = match (&stack[n - 2], &stack[n - 1]) {
                            (Value::List(l), Value::Int(i)) => {
                                let items = l.items.borrow();
                                let j = if *i < 0 { *i + items.len() as i64 } else { *i };
                                if j >= 0 {
                                    items.get(j as usize).cloned()
                                } else {
                                    None
                                }
                            }
                            (Value::Tuple(t), Value::Int(i)) if *i >= 0 => {
                                t.items.get(*i as usize).cloned()
                            }
                            _ => None,
                        };
                        match v {
                            Some(v) => {
                                std::mem::forget(stack.pop());
                                stack[n - 2] = v;
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::StoreSubscr => {
                        let n = stack.len();
                        if n < 3 {
                            fallback!();
                        }
                        let (lo, hi) = stack.split_at_mut(n - 2);
                        let old = match (&hi[0], &hi[1]) {
                            (Value::List(l), Value::Int(i)) => {
                                let mut items = l.items.borrow_mut();
                                let j = if *i < 0 { *i + items.len() as i64 } else { *i };
                                if j >= 0 && (j as usize) < items.len() {
                                    let v = std::mem::take(&mut lo[n - 3]);
                                    Some(std::mem::replace(&mut items[j as usize], v))
                                } else {
                                    None
                                }
                            }
                            _ => None,
                        };
                        match old {
                            Some(old) => {
                                std::mem::forget(stack.pop());
                                stack.truncate(n - 3);
                                drop(old);
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::ForIter => {
                        let Some(Value::Iter(p)) = stack.last() else {
                            fallback!();
                        };
                        let mut st = p.state.borrow_mut();
                        let next = match &mut *st {
                            crate::runtime::value::IterState::Range { next, stop, step } => {
                                let cur = *next;
                                let more = if *step > 0 { cur < *stop } else { cur > *stop };
                                if more {
                                    *next = cur.checked_add(*step).unwrap_or(*stop);
                                    Some(Value::Int(cur))
                                } else {
                                    None
                                }
                            }
                            crate::runtime::value::IterState::List { list, index } => {
                                let v = list.items.borrow().get(*index).cloned();
                                if v.is_some() {
                                    *index += 1;
                                }
                                v
                            }
                            _ => {
                                drop(st);
                                fallback!();
                            }
                        };
                        drop(st);
                        match next {
                            Some(v) => stack.push(v),
                            None => {
                                stack.pop();
                                pc = arg;
                            }
                        }
                    }
                    Opcode::CallFunction => {
                        let Some(pos) = stack.len().checked_sub(arg + 1) else {
                            fallback!();
                        };
                        let Value::Function(f) = &stack[pos] else {
                            fallback!();
                        };
                        if !f.code.simple_args
                            || arg != f.code.co.argcount as usize
                            || self.frames.len() >= self.recursion_limit
                        {
                            fallback!();
                        }
                        let f = f.clone();
                        self.frames[fi].pc = pc;
                        super::ops::call::enter_frame(
                            &mut self.frames,
                            &mut stack,
                            f,
                            pos + 1,
                            pos,
                        );
                        continue 'frame;
                    }
                    Opcode::CallMethod => {
                        let Some(pos) = stack.len().checked_sub(arg + 2) else {
                            fallback!();
                        };
                        let Value::Function(f) = &stack[pos] else {
                            fallback!();
                        };
                        let (first, n) = if stack[pos + 1].is_null() {
                            (pos + 2, arg)
                        } else {
                            (pos + 1, arg + 1)
                        };
                        if !f.code.simple_args
                            || n != f.code.co.argcount as usize
                            || self.frames.len() >= self.recursion_limit
                        {
                            fallback!();
                        }
                        let f = f.clone();
                        self.frames[fi].pc = pc;
                        super::ops::call::enter_frame(&mut self.frames, &mut stack, f, first, pos);
                        continue 'frame;
                    }
                    Opcode::ReturnValue => {
                        let fr = &self.frames[fi];
                        if fr.boundary || fi == 0 || fr.protect != 0 {
                            fallback!();
                        }
                        let Some(v) = stack.pop() else {
                            fallback!();
                        };
                        let ret_sp = fr.ret_sp;
                        self.frames.pop();
                        stack.truncate(ret_sp);
                        stack.push(v);
                        continue 'frame;
                    }
                    _ => fallback!(),
                }
            };
            self.frames[fi].pc = pc;
            break r;
        };
        self.tick_left = tick;
        (stack, exit)
    }

    /// Index where the top `n` stack values start.
    #[inline]
    fn stack_split(&self, n: usize) -> RunResult<usize> {
        self.stack.len().checked_sub(n).ok_or_else(stack_underflow)
    }

    /// Finds a handler for `err`, unwinding frames; `Err` when the boundary
    /// frame is left.
    #[cold]
    pub fn unwind(&mut self, err: PyErr) -> RunResult<()> {
        let reraise = std::mem::take(&mut self.reraise);
        let inst = self.materialize(err);
        if !reraise {
            self.set_context(&inst);
        }
        let mut add_tb = !reraise;
        loop {
            let Some(fr) = self.frames.last_mut() else {
                return Err(PyErr::Obj(inst));
            };
            let pc = fr.pc.saturating_sub(1);
            if add_tb {
                if let Some(e) = &inst.exc {
                    e.borrow_mut().traceback.push(TbEntry {
                        code: fr.func.code.co.clone(),
                        line: fr.func.code.co.line_at(pc),
                    });
                }
            }
            add_tb = true;
            let found = fr
                .func
                .code
                .co
                .exc_table
                .iter()
                .find(|e| e.start as usize <= pc && pc < e.end as usize)
                .copied();
            if let Some(entry) = found {
                self.protect = self.protect - fr.protect + entry.protect;
                fr.protect = entry.protect;
                fr.pc = entry.target as usize;
                let depth = fr.stack_start + entry.depth as usize;
                self.stack.truncate(depth);
                self.stack.push(Value::Instance(inst));
                return Ok(());
            }
            let Some(fr) = self.frames.pop() else {
                return Err(PyErr::Obj(inst));
            };
            self.protect -= fr.protect;
            self.stack.truncate(fr.ret_sp);
            if fr.boundary || self.frames.is_empty() {
                return Err(PyErr::Obj(inst));
            }
        }
    }

    /// Sets `__context__` of a newly raised exception to the one being
    /// handled (without creating a cycle).
    fn set_context(&mut self, inst: &Rc<Instance>) {
        let Value::Instance(cur) = &self.exc_info else {
            return;
        };
        if Rc::ptr_eq(cur, inst) {
            return;
        }
        let Some(e) = &inst.exc else {
            return;
        };
        if !e.borrow().context.is_none() {
            return;
        }
        // Break a cycle: walk cur's context chain looking for inst.
        let mut walk = cur.clone();
        for _ in 0..100 {
            let next = match &walk.exc {
                Some(x) => x.borrow().context.clone(),
                None => break,
            };
            match next {
                Value::Instance(n) => {
                    if Rc::ptr_eq(&n, inst) {
                        if let Some(x) = &walk.exc {
                            x.borrow_mut().context = Value::None;
                        }
                        break;
                    }
                    walk = n;
                }
                _ => break,
            }
        }
        e.borrow_mut().context = Value::Instance(cur.clone());
    }

    /// `raise` / `raise exc` / `raise exc from cause`.
    #[inline(never)]
    fn raise_varargs(&mut self, n: usize) -> PyErr {
        match n {
            0 => match self.exc_info.clone() {
                Value::Instance(i) => {
                    self.reraise = true;
                    PyErr::Obj(i)
                }
                _ => PyErr::runtime_error("No active exception to reraise"),
            },
            _ => {
                let cause = if n == 2 { self.stack.pop() } else { None };
                let exc = self.stack.pop().unwrap_or(Value::None);
                let inst = match self.make_exception(exc) {
                    Ok(i) => i,
                    Err(e) => return e,
                };
                if let Some(c) = cause {
                    let cause_v = match c {
                        Value::None => Value::None,
                        other => match self.make_exception(other) {
                            Ok(ci) => Value::Instance(ci),
                            Err(_) => {
                                return PyErr::type_error(
                                    "exception causes must derive from BaseException",
                                )
                            }
                        },
                    };
                    if let Some(e) = &inst.exc {
                        let mut e = e.borrow_mut();
                        e.cause = cause_v;
                        e.suppress_context = true;
                    }
                }
                PyErr::Obj(inst)
            }
        }
    }

    /// An exception instance from a raised value (a class is instantiated).
    pub fn make_exception(&mut self, v: Value) -> RunResult<Rc<Instance>> {
        match v {
            Value::Instance(i) if i.exc.is_some() => Ok(i),
            Value::Class(c) if c.is_exception => {
                match self.call_value(&Value::Class(c), &[], &[])? {
                    Value::Instance(i) if i.exc.is_some() => Ok(i),
                    _ => Err(PyErr::type_error(
                        "exceptions must derive from BaseException",
                    )),
                }
            }
            _ => Err(PyErr::type_error(
                "exceptions must derive from BaseException",
            )),
        }
    }

    #[inline(never)]
    fn exc_match(&mut self, exc: &Value, typ: &Value) -> RunResult<bool> {
        let cls = self.types.type_of(exc).clone();
        match typ {
            Value::Class(c) if c.is_exception => Ok(super::ops::is_subclass(&cls, c)),
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if self.exc_match(exc, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    #[inline(never)]
    fn before_with(&mut self, mgr: &Value) -> RunResult<(Value, Value)> {
        let cls = self.types.type_of(mgr).clone();
        let (en, ex) = (self.names.enter.clone(), self.names.exit.clone());
        let (Some(enter), Some(exit)) = (class_lookup(&cls, &en), class_lookup(&cls, &ex)) else {
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol",
                cls.name.as_str()
            )));
        };
        let exit_b = self.bind_class_attr(exit, mgr, &cls);
        let enter_b = self.bind_class_attr(enter, mgr, &cls);
        let r = self.call_value(&enter_b, &[], &[])?;
        Ok((exit_b, r))
    }

    #[inline(never)]
    fn make_function(
        &mut self,
        codev: Value,
        globals: &Rc<PyDict>,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        closure: Option<Value>,
    ) -> RunResult<Value> {
        let Value::Code(code) = codev else {
            return Err(PyErr::new(
                ExcKind::SystemError,
                "MakeFunction without code",
            ));
        };
        let defaults: Box<[Value]> = match defaults {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Box::new([]),
        };
        let kwdefaults: Box<[(Rc<PyStr>, Value)]> = match kwdefaults {
            Some(Value::Dict(d)) => {
                d.d.borrow()
                    .iter()
                    .filter_map(|e| match &e.key {
                        Value::Str(s) => Some((s.clone(), e.value.clone())),
                        _ => None,
                    })
                    .collect()
            }
            _ => Box::new([]),
        };
        let closure: Box<[Value]> = match closure {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Box::new([]),
        };
        let module = globals
            .d
            .borrow()
            .get_str(&self.names.name)
            .cloned()
            .unwrap_or(Value::None);
        let name = self.intern(&code.co.name);
        let qualname = self.intern(&code.co.qualname);
        Ok(Value::Function(Rc::new(Function {
            code,
            globals: globals.clone(),
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            defaults,
            kwdefaults,
            closure,
            module,
            dict: RefCell::new(None),
        })))
    }

    #[inline(never)]
    fn build_class(&mut self, body: Value, name: Value, bases: Vec<Value>) -> RunResult<Value> {
        let (Value::Function(f), Value::Str(name)) = (body, name) else {
            return Err(PyErr::type_error("__build_class__: bad arguments"));
        };
        let ns = Rc::new(PyDict::default());
        let ret_sp = self.stack.len();
        self.push_frame(&f, &[], &[], ret_sp)?;
        if let Some(fr) = self.frames.last_mut() {
            fr.namespace = Some(ns.clone());
            fr.boundary = true;
        }
        self.run()?;
        let cls = self.make_class(name, bases, ns)?;
        Ok(Value::Class(cls))
    }

    #[inline(never)]
    fn collection_add(&mut self, op: Opcode, target: &Value, v: Value) -> RunResult<()> {
        match (op, target) {
            (Opcode::ListAppend, Value::List(l)) => l.items.borrow_mut().push(v),
            (Opcode::ListExtend, Value::List(l)) => {
                let items = self.collect(&v).map_err(|e| {
                    if e.lazy_kind() == Some(ExcKind::TypeError) {
                        PyErr::type_error(format!(
                            "Value after * must be an iterable, not {}",
                            self.types.type_name(&v)
                        ))
                    } else {
                        e
                    }
                })?;
                l.items.borrow_mut().extend(items);
            }
            (Opcode::SetAdd, Value::Set(s)) => self.set_add(s, v)?,
            (Opcode::SetUpdate, Value::Set(s)) => {
                for item in self.collect(&v)? {
                    self.set_add(s, item)?;
                }
            }
            (Opcode::DictUpdate | Opcode::DictMerge, Value::Dict(d)) => {
                let Value::Dict(src) = &v else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not a mapping",
                        self.types.type_name(&v)
                    )));
                };
                let entries: Vec<(Value, Value)> = src
                    .d
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                for (k, val) in entries {
                    if op == Opcode::DictMerge && self.dict_get(d, &k)?.is_some() {
                        let ks = self.to_str(&k)?;
                        return Err(PyErr::type_error(format!(
                            "got multiple values for keyword argument '{}'",
                            ks
                        )));
                    }
                    self.dict_set(d, k, val)?;
                }
            }
            _ => return Err(PyErr::new(ExcKind::SystemError, "bad collection op")),
        }
        Ok(())
    }

    #[inline(never)]
    fn unpack_sequence(&mut self, v: Value, n: usize) -> RunResult<()> {
        let items: Vec<Value> = match &v {
            Value::Tuple(t) if t.items.len() == n => {
                self.stack.extend(t.items.iter().rev().cloned());
                return Ok(());
            }
            Value::List(l) if l.items.borrow().len() == n => {
                let items = l.items.borrow();
                self.stack.extend(items.iter().rev().cloned());
                return Ok(());
            }
            _ => {
                if !self.is_iterable(&v) {
                    return Err(PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.types.type_name(&v)
                    )));
                }
                let it = self.get_iter(&v)?;
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next(&it)? {
                    if out.len() == n {
                        return Err(PyErr::value_error(format!(
                            "too many values to unpack (expected {})",
                            n
                        )));
                    }
                    out.push(x);
                }
                out
            }
        };
        if items.len() < n {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {}, got {})",
                n,
                items.len()
            )));
        }
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    fn is_iterable(&self, v: &Value) -> bool {
        !matches!(
            v,
            Value::Int(_)
                | Value::Float(_)
                | Value::Bool(_)
                | Value::None
                | Value::BigInt(_)
                | Value::Function(_)
                | Value::Builtin(_)
                | Value::BoundMethod(_)
        )
    }

    #[inline(never)]
    fn unpack_ex(&mut self, v: Value, before: usize, after: usize) -> RunResult<()> {
        if !self.is_iterable(&v) {
            return Err(PyErr::type_error(format!(
                "cannot unpack non-iterable {} object",
                self.types.type_name(&v)
            )));
        }
        let mut items = self.collect(&v)?;
        if items.len() < before + after {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let mid = items.split_off(before);
        self.stack.extend(tail.into_iter().rev());
        self.stack.push(Value::list(mid));
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    #[inline(never)]
    fn format_value_op(&mut self, v: Value, conv: u32, spec: Option<Value>) -> RunResult<Value> {
        let v = match conv {
            opcode::FV_STR => Value::string(self.to_str(&v)?),
            opcode::FV_REPR => Value::string(self.repr(&v)?),
            opcode::FV_ASCII => {
                let r = self.repr(&v)?;
                Value::string(ascii_escape(&r))
            }
            _ => v,
        };
        let spec_s = match &spec {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => String::new(),
        };
        if spec_s.is_empty() {
            if let Value::Str(_) = v {
                return Ok(v);
            }
            return Ok(Value::string(self.to_str(&v)?));
        }
        let s = crate::builtins::format::format_value(self, &v, &spec_s)?;
        Ok(Value::string(s))
    }

    /// Called when the outermost protected region ends: lets the signal
    /// runtime dispatch what it queued meanwhile.
    fn protect_exit(&mut self) -> RunResult<()> {
        match self.tick_hook {
            Some(hook) => hook(self),
            None => Ok(()),
        }
    }

    /// True when running code for a frame with the generator flag.
    pub fn is_generator_code(co: &crate::bytecode::CodeObject) -> bool {
        co.flags & CO_GENERATOR != 0
    }
}

/// What happens after `step`.
enum Flow {
    /// Go on with the frame on top.
    Next,
    /// A frame was pushed or popped.
    Switch,
    /// The boundary frame returned this value.
    Return(Value),
}

/// Float `+ - * /` for the fast path (`None` for division by zero).
#[inline(always)]
fn fast_float(op: Opcode, x: f64, y: f64) -> Option<Value> {
    Some(Value::Float(match op {
        Opcode::BinaryAdd | Opcode::InplaceAdd => x + y,
        Opcode::BinarySubtract | Opcode::InplaceSubtract => x - y,
        Opcode::BinaryMultiply | Opcode::InplaceMultiply => x * y,
        _ => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
    }))
}

/// The result of a `CompareOp` operand applied to an ordering.
#[inline(always)]
fn cmp_ord(op: u32, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        opcode::CMP_LT => o == Less,
        opcode::CMP_LE => o != Greater,
        opcode::CMP_EQ => o == Equal,
        opcode::CMP_NE => o != Equal,
        opcode::CMP_GT => o == Greater,
        _ => o != Less,
    }
}

#[cold]
fn stack_underflow() -> PyErr {
    PyErr::new(ExcKind::SystemError, "value stack underflow")
}

fn deref_name(co: &crate::bytecode::CodeObject, i: usize) -> &str {
    if i < co.cellvars.len() {
        &co.cellvars[i]
    } else {
        co.freevars
            .get(i - co.cellvars.len())
            .map(|s| &**s)
            .unwrap_or("?")
    }
}

#[cold]
fn unbound_deref(co: &crate::bytecode::CodeObject, i: usize) -> PyErr {
    let name = deref_name(co, i);
    if i < co.cellvars.len() {
        PyErr::unbound_local(name)
    } else {
        PyErr::new(
            ExcKind::NameError,
            format!(
                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                name
            ),
        )
    }
}

fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}
