//! The fast path of the dispatch loop: the common instructions on common
//! types (locals, constants, int/float arithmetic and comparisons, list and
//! tuple indexing, range/list iteration, cached attribute, method and global
//! loads, Python-to-Python calls and returns), with the value stack in a
//! local. Everything else falls back to `dispatch::step`.

use crate::bytecode::opcode::{self, Opcode};
use crate::runtime::shape::{Attrs, Shape};
use crate::runtime::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The fast path of the dispatch loop: common instructions on common
    /// types, with the value stack in a local. Returns the next instruction
    /// the general loop must run (already counted), with `true` when the tick
    /// expired before it; `None` past the end of the code.
    #[inline(always)]
    pub(crate) fn run_fast(
        &mut self,
        mut stack: Vec<Value>,
    ) -> (Vec<Value>, Option<(crate::bytecode::Instr, bool)>) {
        let mut tick = self.tick_left;
        // The top frame's function, taken out of its frame while this loop
        // runs the frame (given back on a switch and on exit): a call or a
        // return moves it instead of updating its reference count.
        let fi = self.frames.len() - 1;
        let Some(mut func) = self.frames[fi].func_slot.take() else {
            return (stack, None);
        };
        let exit = 'frame: loop {
            let fi = self.frames.len() - 1;
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
                // The operands of a fused instruction on a local (low half of
                // the operand) and a local or a constant (high half).
                macro_rules! local_and_operand {
                    ($local_op:path) => {
                        (
                            &stack[base + (arg & 0xffff)],
                            if ins.op == $local_op {
                                &stack[base + (arg >> 16)]
                            } else {
                                &code.consts[arg >> 16]
                            },
                        )
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
                    Opcode::LoadFastLoadAttr => {
                        if tick <= 1 {
                            fallback!();
                        }
                        let cache = &code.caches[arg >> 16];
                        let hit = self.cached_instance_attr(&stack[base + (arg & 0xffff)], cache);
                        match hit {
                            Some(v) => {
                                stack.push(v);
                                tick -= 1;
                                pc += 1;
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::StoreFastLoadFast => {
                        let (a, b) = (arg & 0xffff, arg >> 16);
                        if tick <= 1 || (a != b && stack[base + b].is_null()) {
                            fallback!();
                        }
                        let Some(v) = pop_top(&mut stack) else {
                            fallback!();
                        };
                        drop_fast(std::mem::replace(&mut stack[base + a], v));
                        let w = stack[base + b].clone();
                        stack.push(w);
                        tick -= 1;
                        pc += 1;
                    }
                    Opcode::AddConstToLocal | Opcode::SubConstFromLocal => {
                        if tick <= 3 {
                            fallback!();
                        }
                        let slot = base + (arg & 0xffff);
                        // The int is updated in place (no drop of the old
                        // value, which is an int).
                        let done = match (&mut stack[slot], &code.consts[arg >> 16]) {
                            (Value::Int(x), Value::Int(c)) => {
                                let r = if ins.op == Opcode::AddConstToLocal {
                                    x.checked_add(*c)
                                } else {
                                    x.checked_sub(*c)
                                };
                                r.map(|r| *x = r)
                            }
                            _ => None,
                        };
                        match done {
                            Some(()) => {
                                tick -= 3;
                                pc += 3;
                                if let Some(to) = fused_jump(instrs, pc, tick) {
                                    tick -= 1;
                                    pc = to;
                                }
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::DupTopTwoBinarySubscr => {
                        let n = stack.len();
                        if n < 2 || tick <= 1 {
                            fallback!();
                        }
                        let v = seq_get(&stack[n - 2], &stack[n - 1]);
                        match v {
                            Some(v) => {
                                stack.push(v);
                                tick -= 1;
                                pc += 1;
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::RotThreeStoreSubscr => {
                        let n = stack.len();
                        if n < 3 || tick <= 1 {
                            fallback!();
                        }
                        let (lo, hi) = stack.split_at_mut(n - 1);
                        let old = list_set(&lo[n - 3], &lo[n - 2], &mut hi[0]);
                        match old {
                            Some(old) => {
                                // The taken value's slot (emptied, or a
                                // number left there), the int key, then the
                                // list.
                                std::mem::forget(stack.pop());
                                std::mem::forget(stack.pop());
                                if let Some(l) = stack.pop() {
                                    drop_seq(l);
                                }
                                drop_fast(old);
                                tick -= 1;
                                pc += 1;
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::StoreFast => {
                        match pop_top(&mut stack) {
                            Some(v) => drop_fast(std::mem::replace(&mut stack[base + arg], v)),
                            None => fallback!(),
                        }
                        // Fuse a following unconditional jump (loop ends).
                        if let Some(to) = fused_jump(instrs, pc, tick) {
                            tick -= 1;
                            pc = to;
                        }
                    }
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
                    Opcode::UnaryNot => match stack.last_mut() {
                        Some(Value::Bool(b)) => *b = !*b,
                        _ => fallback!(),
                    },
                    Opcode::IsOp => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        // `x is None` / `x is not None` without the call.
                        let r = match (&stack[n - 2], &stack[n - 1]) {
                            (Value::None, b) => matches!(b, Value::None),
                            (a, Value::None) => matches!(a, Value::None),
                            (a, b) => a.is(b),
                        } != (arg == 1);
                        stack.truncate(n - 2);
                        if let Some(to) = fused_cond_jump(instrs, pc, tick, r) {
                            tick -= 1;
                            pc = to;
                            continue;
                        }
                        stack.push(Value::Bool(r));
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
                        let (lo, hi) = stack.split_at_mut(n - 1);
                        let done = match &hi[0] {
                            Value::Instance(inst)
                                if !inst.class.has_descriptors.get()
                                    && !self.late_descriptors
                                    && inst.exc.is_none() =>
                            {
                                match &mut *inst.attrs_mut() {
                                    Attrs::Shaped { shape, values }
                                        if Shape::key(shape) == cache.shape.get() =>
                                    {
                                        match values.get_mut(cache.index.get() as usize) {
                                            Some(slot) => {
                                                let v = std::mem::take(&mut lo[n - 2]);
                                                Some(std::mem::replace(slot, v))
                                            }
                                            None => None,
                                        }
                                    }
                                    _ => None,
                                }
                            }
                            _ => None,
                        };
                        match done {
                            Some(old) => {
                                stack.truncate(n - 2);
                                drop_fast(old);
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::LoadMethod => {
                        let cache = &code.caches[arg];
                        let name = &code.names[cache.name as usize];
                        let m = match stack.last() {
                            Some(Value::Instance(inst)) => {
                                match self.instance_method(inst, cache, name) {
                                    Some(f) => f,
                                    None => fallback!(),
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
                        // A module global at its cached entry is checked
                        // inline (`fib` calling itself); builtins and misses
                        // go through `load_global`.
                        let hit = if cache.aux.get() == 0 {
                            globals
                                .d
                                .borrow()
                                .value_if_key_at(
                                    cache.index.get() as usize,
                                    &code.names[cache.name as usize],
                                )
                                .map(clone_callable)
                        } else {
                            None
                        };
                        match hit {
                            Some(v) => stack.push(v),
                            None => match self.load_global(globals, code, cache) {
                                Ok(v) => stack.push(v),
                                Err(_) => fallback!(),
                            },
                        }
                    }
                    Opcode::LoadAttr => {
                        let cache = &code.caches[arg];
                        let hit = match stack.last() {
                            Some(obj) => self.cached_instance_attr(obj, cache),
                            None => None,
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
                    | Opcode::InplaceTrueDivide
                    | Opcode::BinaryPower => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let r = arith(ins.op, &stack[n - 2], &stack[n - 1]);
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
                        let Some(r) = compare(ins.arg, &stack[n - 2], &stack[n - 1]) else {
                            fallback!();
                        };
                        std::mem::forget(stack.pop());
                        std::mem::forget(stack.pop());
                        if let Some(to) = fused_cond_jump(instrs, pc, tick, r) {
                            tick -= 1;
                            pc = to;
                            continue;
                        }
                        stack.push(Value::Bool(r));
                    }
                    Opcode::BinarySubscr => {
                        let n = stack.len();
                        if n < 2 {
                            fallback!();
                        }
                        let v = seq_get(&stack[n - 2], &stack[n - 1]);
                        match v {
                            Some(v) => {
                                std::mem::forget(stack.pop());
                                drop_seq(std::mem::replace(&mut stack[n - 2], v));
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
                        let old = list_set(&hi[0], &hi[1], &mut lo[n - 3]);
                        match old {
                            Some(old) => {
                                // The int key, the list, then the taken
                                // value's slot (emptied, or a number left
                                // there).
                                std::mem::forget(stack.pop());
                                if let Some(l) = stack.pop() {
                                    drop_seq(l);
                                }
                                std::mem::forget(stack.pop());
                                drop_fast(old);
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::LoadFastSubscrFast | Opcode::LoadFastSubscrConst => {
                        if tick <= 2 {
                            fallback!();
                        }
                        let (seq, key) = local_and_operand!(Opcode::LoadFastSubscrFast);
                        match seq_get(seq, key) {
                            Some(v) => {
                                stack.push(v);
                                tick -= 2;
                                pc += 2;
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::CompareFastFast | Opcode::CompareFastConst => {
                        if tick <= 2 {
                            fallback!();
                        }
                        let (a, b) = local_and_operand!(Opcode::CompareFastFast);
                        let Some(r) = compare(instrs[pc + 1].arg, a, b) else {
                            fallback!();
                        };
                        tick -= 2;
                        pc += 2;
                        if let Some(to) = fused_cond_jump(instrs, pc, tick, r) {
                            tick -= 1;
                            pc = to;
                            continue;
                        }
                        stack.push(Value::Bool(r));
                    }
                    Opcode::BinopFastFast | Opcode::BinopFastConst => {
                        if tick <= 2 {
                            fallback!();
                        }
                        let (a, b) = local_and_operand!(Opcode::BinopFastFast);
                        let Some(r) = arith(instrs[pc + 1].op, a, b) else {
                            fallback!();
                        };
                        stack.push(r);
                        tick -= 2;
                        pc += 2;
                    }
                    Opcode::LoadFastBinop => {
                        let n = stack.len();
                        if n == 0 || tick <= 1 {
                            fallback!();
                        }
                        let b = &stack[base + (arg & 0xffff)];
                        let Some(r) = arith(instrs[pc].op, &stack[n - 1], b) else {
                            fallback!();
                        };
                        // `arith` takes only ints and floats: nothing to drop.
                        std::mem::forget(std::mem::replace(&mut stack[n - 1], r));
                        tick -= 1;
                        pc += 1;
                    }
                    Opcode::StoreSubscrFastFast => {
                        let n = stack.len();
                        if n == 0 || tick <= 2 {
                            fallback!();
                        }
                        let (lo, hi) = stack.split_at_mut(n - 1);
                        let old = list_set(
                            &lo[base + (arg & 0xffff)],
                            &lo[base + (arg >> 16)],
                            &mut hi[0],
                        );
                        match old {
                            Some(old) => {
                                // The taken value's slot (emptied, or a
                                // number left there).
                                std::mem::forget(stack.pop());
                                drop_fast(old);
                                tick -= 2;
                                pc += 2;
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::LoadFastDupSubscrFast | Opcode::LoadFastDupSubscrConst => {
                        if tick <= 3 {
                            fallback!();
                        }
                        let (seq, key) = local_and_operand!(Opcode::LoadFastDupSubscrFast);
                        match seq_get(seq, key) {
                            Some(v) => {
                                // An int key (checked by `seq_get`).
                                let (seq, key) = (clone_seq(seq), key.clone());
                                stack.push(seq);
                                stack.push(key);
                                stack.push(v);
                                tick -= 3;
                                pc += 3;
                            }
                            None => fallback!(),
                        }
                    }
                    Opcode::InplaceRotStoreSubscr => {
                        let n = stack.len();
                        if n < 4 || tick <= 2 {
                            fallback!();
                        }
                        let op = super::FUSED_ARITH[(arg >> 16) & 15];
                        let Some(mut r) = arith(op, &stack[n - 2], &stack[n - 1]) else {
                            fallback!();
                        };
                        // `arith` takes only ints and floats: nothing to
                        // drop but the list and the item it replaces.
                        match list_set(&stack[n - 4], &stack[n - 3], &mut r) {
                            Some(old) => {
                                std::mem::forget(stack.pop());
                                std::mem::forget(stack.pop());
                                std::mem::forget(stack.pop());
                                if let Some(l) = stack.pop() {
                                    drop_seq(l);
                                }
                                drop_fast(old);
                                tick -= 2;
                                pc += 2;
                            }
                            None => {
                                // Not a list item: the operator alone (the
                                // rotation and the store follow).
                                std::mem::forget(stack.pop());
                                std::mem::forget(std::mem::replace(&mut stack[n - 2], r));
                            }
                        }
                    }
                    Opcode::BinopStoreFast => {
                        let n = stack.len();
                        if n < 2 || tick <= 1 {
                            fallback!();
                        }
                        let op = super::FUSED_ARITH[(arg >> 16) & 15];
                        let Some(r) = arith(op, &stack[n - 2], &stack[n - 1]) else {
                            fallback!();
                        };
                        // `arith` takes only ints and floats: nothing to drop.
                        std::mem::forget(stack.pop());
                        std::mem::forget(stack.pop());
                        drop_fast(std::mem::replace(&mut stack[base + (arg & 0xffff)], r));
                        tick -= 1;
                        pc += 1;
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
                        // The callee moves from its stack slot (left null)
                        // to the loop; the caller's function to its frame.
                        let Value::Function(f) = std::mem::take(&mut stack[pos]) else {
                            fallback!();
                        };
                        self.frames[fi].pc = pc;
                        std::mem::forget(
                            self.frames[fi]
                                .func_slot
                                .replace(std::mem::replace(&mut func, f)),
                        );
                        super::ops::call::enter_fast_frame(
                            &mut self.frames,
                            &mut stack,
                            &func,
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
                        let Value::Function(f) = std::mem::take(&mut stack[pos]) else {
                            fallback!();
                        };
                        self.frames[fi].pc = pc;
                        std::mem::forget(
                            self.frames[fi]
                                .func_slot
                                .replace(std::mem::replace(&mut func, f)),
                        );
                        super::ops::call::enter_fast_frame(
                            &mut self.frames,
                            &mut stack,
                            &func,
                            first,
                            pos,
                        );
                        continue 'frame;
                    }
                    Opcode::ReturnValue => {
                        let fr = &self.frames[fi];
                        if fr.boundary || fi == 0 || fr.protect != 0 {
                            fallback!();
                        }
                        let ret_sp = fr.ret_sp;
                        let Some(caller) = self.frames[fi - 1].func_slot.take() else {
                            fallback!();
                        };
                        let n = stack.len();
                        if n <= ret_sp {
                            self.frames[fi - 1].func_slot = Some(caller);
                            fallback!();
                        }
                        drop(std::mem::replace(&mut func, caller));
                        self.frames.pop();
                        // The result moves to `ret_sp`; the frame's values
                        // above it are dropped.
                        stack.swap(ret_sp, n - 1);
                        stack.truncate(ret_sp + 1);
                        continue 'frame;
                    }
                    _ => fallback!(),
                }
            };
            self.frames[fi].pc = pc;
            // The slot is empty (taken above): nothing to drop.
            std::mem::forget(self.frames[fi].func_slot.replace(func));
            break r;
        };
        self.tick_left = tick;
        (stack, exit)
    }
}

impl Vm {
    /// An instance attribute at the cached index of the values of an
    /// instance of the cached shape (no hashing, no dict), when no class
    /// descriptor can take precedence. Instances with a dict, and misses,
    /// take the general path (`get_attr_cached`), which refills the cache.
    #[inline(always)]
    fn cached_instance_attr(
        &self,
        obj: &Value,
        cache: &crate::runtime::value::InlineCache,
    ) -> Option<Value> {
        match obj {
            Value::Instance(inst)
                if !inst.class.has_descriptors.get() && !self.late_descriptors =>
            {
                match &*inst.attrs() {
                    Attrs::Shaped { shape, values } if Shape::key(shape) == cache.shape.get() => {
                        values.get(cache.index.get() as usize).cloned()
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// Drops a value without the out-of-line drop glue when it is an immediate
/// (int, float, bool, None...): the common case of a replaced local or list
/// item in numeric code.
#[inline(always)]
fn drop_fast(v: Value) {
    if matches!(
        v,
        Value::Null
            | Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
    ) {
        std::mem::forget(v);
    } else {
        drop(v);
    }
}

/// A clone of a global's value, with the reference count increment of a
/// function inlined (no jump over all the variants).
#[inline(always)]
fn clone_callable(v: &Value) -> Value {
    match v {
        Value::Function(f) => Value::Function(f.clone()),
        v => v.clone(),
    }
}

/// A clone of a value that is most likely a list, with the reference count
/// increment inlined.
#[inline(always)]
fn clone_seq(v: &Value) -> Value {
    match v {
        Value::List(l) => Value::List(l.clone()),
        v => v.clone(),
    }
}

/// Drops a value that is most likely a list or tuple (an indexed
/// container) with the reference count decrement inlined.
#[inline(always)]
fn drop_seq(v: Value) {
    match v {
        Value::List(l) => drop(l),
        Value::Tuple(t) => drop(t),
        v => drop(v),
    }
}

/// `a + b`, `a - b`, `a * b`, `a / b` (binary or in-place) for ints and
/// floats, and `a ** b` for positive finite floats; `None` for every other
/// case (overflow, division by zero, other types), left to the general path.
#[inline(always)]
fn arith(op: Opcode, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            Opcode::BinaryAdd | Opcode::InplaceAdd => x.checked_add(*y).map(Value::Int),
            Opcode::BinarySubtract | Opcode::InplaceSubtract => x.checked_sub(*y).map(Value::Int),
            Opcode::BinaryMultiply | Opcode::InplaceMultiply => x.checked_mul(*y).map(Value::Int),
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => fast_float(op, *x, *y),
        (Value::Int(x), Value::Float(y))
            if x.unsigned_abs() < (1 << 53) && op != Opcode::BinaryPower =>
        {
            fast_float(op, *x as f64, *y)
        }
        (Value::Float(x), Value::Int(y))
            if y.unsigned_abs() < (1 << 53) && op != Opcode::BinaryPower =>
        {
            fast_float(op, *x, *y as f64)
        }
        _ => None,
    }
}

/// A `CompareOp` (operand `cmp`) of two ints or two non-NaN floats.
#[inline(always)]
fn compare(cmp: u32, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp_ord(cmp, x.cmp(y))),
        (Value::Float(x), Value::Float(y)) if !x.is_nan() && !y.is_nan() => Some(cmp_ord(
            cmp,
            x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal),
        )),
        _ => None,
    }
}

/// `seq[i]` for a list or tuple and an int index in range.
#[inline(always)]
fn seq_get(seq: &Value, key: &Value) -> Option<Value> {
    match (seq, key) {
        (Value::List(l), Value::Int(i)) => {
            let items = l.items.borrow();
            let j = if *i < 0 { *i + items.len() as i64 } else { *i };
            if j >= 0 {
                items.get(j as usize).cloned()
            } else {
                None
            }
        }
        (Value::Tuple(t), Value::Int(i)) if *i >= 0 => t.items.get(*i as usize).cloned(),
        _ => None,
    }
}

/// `list[i] = value` for an int index in range: takes the value from its
/// slot (`take_num`: an int or float stays there too) and returns the
/// element it replaced.
#[inline(always)]
fn list_set(list: &Value, key: &Value, value: &mut Value) -> Option<Value> {
    let (Value::List(l), Value::Int(i)) = (list, key) else {
        return None;
    };
    let mut items = l.items.borrow_mut();
    let j = if *i < 0 { *i + items.len() as i64 } else { *i };
    if j < 0 || j as usize >= items.len() {
        return None;
    }
    Some(std::mem::replace(&mut items[j as usize], take_num(value)))
}

/// Pops the top of the stack, an int or float read as its tag and payload
/// (a value that an instruction has just pushed is two word stores: moving
/// it as one 16-byte load would wait for them, store forwarding fails).
#[inline(always)]
fn pop_top(stack: &mut Vec<Value>) -> Option<Value> {
    let v = match stack.last()? {
        Value::Int(i) => Value::Int(*i),
        Value::Float(f) => Value::Float(*f),
        _ => return stack.pop(),
    };
    std::mem::forget(stack.pop());
    Some(v)
}

/// Takes a value out of its slot as `std::mem::take` does, but copies an
/// int or float by tag and payload (see `pop_top`) and leaves it in place.
#[inline(always)]
fn take_num(v: &mut Value) -> Value {
    match v {
        Value::Int(i) => Value::Int(*i),
        Value::Float(f) => Value::Float(*f),
        v => std::mem::take(v),
    }
}

/// Where a conditional jump right after a comparison with result `r` goes,
/// when it can be fused (it still counts as an executed instruction, so the
/// tick must have room for it).
#[inline(always)]
fn fused_cond_jump(
    instrs: &[crate::bytecode::Instr],
    pc: usize,
    tick: i64,
    r: bool,
) -> Option<usize> {
    let next = instrs.get(pc)?;
    let jf = next.op == Opcode::PopJumpIfFalse;
    if (jf || next.op == Opcode::PopJumpIfTrue) && tick > 1 {
        Some(if r != jf { next.arg as usize } else { pc + 1 })
    } else {
        None
    }
}

/// The target of an unconditional jump right at `pc`, when it can be fused.
#[inline(always)]
fn fused_jump(instrs: &[crate::bytecode::Instr], pc: usize, tick: i64) -> Option<usize> {
    match instrs.get(pc) {
        Some(next) if next.op == Opcode::Jump && tick > 1 => Some(next.arg as usize),
        _ => None,
    }
}

/// Float `+ - * / **` for the fast path (`None` for division by zero and
/// for a power of a base that is not positive and finite or with a result
/// that is not finite: those raise or go complex in the general path).
#[inline(always)]
fn fast_float(op: Opcode, x: f64, y: f64) -> Option<Value> {
    Some(Value::Float(match op {
        Opcode::BinaryAdd | Opcode::InplaceAdd => x + y,
        Opcode::BinarySubtract | Opcode::InplaceSubtract => x - y,
        Opcode::BinaryMultiply | Opcode::InplaceMultiply => x * y,
        Opcode::BinaryPower => {
            if !(x > 0.0 && x.is_finite() && y.is_finite()) {
                return None;
            }
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
    }))
}

/// The result of a `CompareOp` operand applied to an ordering, without a
/// jump table: bit `o + 1` of the operand's 3-bit mask (less, equal,
/// greater) is the answer.
#[inline(always)]
fn cmp_ord(op: u32, o: std::cmp::Ordering) -> bool {
    const fn mask(op: u32, m: u32) -> u32 {
        m << (3 * op)
    }
    const MASKS: u32 = mask(opcode::CMP_LT, 0b001)
        | mask(opcode::CMP_LE, 0b011)
        | mask(opcode::CMP_EQ, 0b010)
        | mask(opcode::CMP_NE, 0b101)
        | mask(opcode::CMP_GT, 0b100)
        | mask(opcode::CMP_GE, 0b110);
    let bit = 3 * op.min(opcode::CMP_GE) + (o as i32 + 1) as u32;
    (MASKS >> bit) & 1 != 0
}
