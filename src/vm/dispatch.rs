//! The dispatch loop: one `match` over opcodes whose arms delegate to
//! `vm::ops`. Python-to-Python calls push a frame and continue the loop (no
//! native recursion); the tick is one decrement and compare per
//! instruction, with the signal check in a cold function.

use std::cell::RefCell;
use std::rc::Rc;

use smallvec::SmallVec;

use crate::bytecode::opcode::{self, Opcode};
use crate::runtime::dict::Dict;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::num::ArithOp;
use crate::runtime::value::{PyDict, PySet, PySlice, PyStr, Value};
use crate::vm::gen::GenResult;
use crate::vm::Vm;

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
        // A fused operator and store runs its operator only here; the
        // store follows as the next instruction.
        let ins = match ins.op {
            Opcode::InplaceRotStoreSubscr | Opcode::BinopStoreFast => crate::bytecode::Instr {
                op: super::FUSED_ARITH[(ins.arg >> 16) as usize & 15],
                arg: 0,
            },
            _ => ins,
        };
        let fi = self.frames.len() - 1;
        let func = self.frames[fi].func().clone();
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
        if crate::runtime::gen::finalizers_pending() {
            sync!();
            self.run_finalizers();
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
            if crate::runtime::grave::pending() {
                sync!();
                tri!(self.free_graveyard());
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
                // Decoded into their operator at the top of `step`.
                Opcode::InplaceRotStoreSubscr | Opcode::BinopStoreFast => {
                    break 'ops PyErr::new(ExcKind::SystemError, "undecoded fused operator");
                }
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
                Opcode::DupTopTwo | Opcode::DupTopTwoBinarySubscr => {
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
                Opcode::RotThree | Opcode::RotThreeStoreSubscr => {
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
                Opcode::LoadFast
                | Opcode::LoadFastLoadFast
                | Opcode::LoadFastLoadConst
                | Opcode::LoadFastLoadAttr
                | Opcode::AddConstToLocal
                | Opcode::SubConstFromLocal
                | Opcode::LoadFastSubscrFast
                | Opcode::LoadFastSubscrConst
                | Opcode::CompareFastFast
                | Opcode::CompareFastConst
                | Opcode::BinopFastFast
                | Opcode::BinopFastConst
                | Opcode::StoreSubscrFastFast
                | Opcode::LoadFastBinop
                | Opcode::LoadFastDupSubscrFast
                | Opcode::LoadFastDupSubscrConst => {
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
                Opcode::StoreFast | Opcode::StoreFastLoadFast => {
                    // A fused pair runs its first half here (see LoadFast).
                    let arg = if ins.op == Opcode::StoreFast {
                        arg
                    } else {
                        arg & 0xffff
                    };
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
                Opcode::BuildConstSet => {
                    let at = tri!(self.stack_split(arg));
                    let items: Vec<Value> = self.stack.drain(at..).collect();
                    sync!();
                    let r = tri!(self.build_const_set(items));
                    self.stack.push(r);
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
                            let r = self.with_top_args(pos + 1, |vm, args| {
                                let f = vm.stack.pop().unwrap_or_default();
                                vm.call_value(&f, args, &[])
                            });
                            self.stack.push(tri!(r));
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
                    let r = self.with_top_args(first, |vm, args| {
                        vm.stack.truncate(pos + 1);
                        let f = vm.stack.pop().unwrap_or_default();
                        match &f {
                            Value::Builtin(b) if b.bound.is_none() => (b.f)(vm, args, &[]),
                            _ => vm.call_value(&f, args, &[]),
                        }
                    });
                    self.stack.push(tri!(r));
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
                    let has_kw = arg & crate::bytecode::opcode::CLASS_KEYWORDS as usize != 0;
                    let kw = if has_kw { pop!() } else { Value::None };
                    let at = tri!(self.stack_split(arg & 0xffff));
                    let bases: Vec<Value> = self.stack.drain(at..).collect();
                    let name = pop!();
                    let body = pop!();
                    sync!();
                    let cls = tri!(self.build_class(body, name, bases, kw));
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
                    if r && self.exit_exc != 0 {
                        if let Value::Instance(i) = &exc {
                            if Rc::as_ptr(i) as usize == self.exit_exc {
                                // Caught: the program is no longer ending.
                                self.exit_exc = 0;
                            }
                        }
                    }
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
                    let tb = match &exc {
                        Value::Instance(inst) => self.traceback_of(inst),
                        _ => Value::None,
                    };
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
                        tri!(self.on_tick());
                    }
                }

                // === Generators ===
                Opcode::YieldValue => {
                    // The generator's frame is the boundary of this `run`;
                    // it stays on top for `gen_resume` to save.
                    let v = pop!();
                    sync!();
                    return Ok(Flow::Return(v));
                }
                Opcode::GetYieldFromIter => {
                    let v = pop!();
                    sync!();
                    let it = match v.as_gen() {
                        Some(_) => v,
                        None => tri!(self.get_iter(&v)),
                    };
                    self.stack.push(it);
                }
                Opcode::YieldFrom => {
                    let v = pop!();
                    let it = match self.stack.last() {
                        Some(it) => it.clone(),
                        None => break 'ops stack_underflow(),
                    };
                    sync!();
                    match tri!(self.delegate_send(&it, v)) {
                        GenResult::Yield(y) => {
                            // Resumes by running this instruction again.
                            self.frames[fi].pc = pc - 1;
                            return Ok(Flow::Return(y));
                        }
                        GenResult::Return(r) => {
                            self.stack.pop();
                            self.stack.push(r);
                        }
                    }
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
                    let v = tri!(crate::modules::import::import_from(self, &m, &name));
                    self.stack.push(v);
                }
                Opcode::ImportStar => {
                    let m = pop!();
                    sync!();
                    tri!(crate::modules::import::import_star(self, &m, globals));
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

#[cold]
pub(crate) fn stack_underflow() -> PyErr {
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
