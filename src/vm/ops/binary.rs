//! Arithmetic and unary operators: numeric fast paths, sequence
//! concatenation/repetition, set operators, then the dunder protocol
//! (`__add__`, reflected `__radd__`, in-place `__iadd__`).

use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num::{self, ArithOp};
use crate::runtime::value::{PyStr, Value};
use crate::vm::Vm;

use super::attr::class_lookup;

fn repeat_count(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

impl Vm {
    /// `a op b`
    #[inline(never)]
    pub fn binary_op(&mut self, op: ArithOp, a: &Value, b: &Value) -> RunResult<Value> {
        // Only big ints (or an int power) can make a long computation.
        let maybe_long = matches!(
            (op, a, b),
            (ArithOp::Mul, Value::BigInt(_), _)
                | (ArithOp::Mul, _, Value::BigInt(_))
                | (
                    ArithOp::Pow,
                    Value::Int(_) | Value::BigInt(_),
                    Value::Int(_) | Value::BigInt(_)
                )
        );
        if maybe_long {
            if let Some(r) = self.long_int_op(op, a, b) {
                return r;
            }
        }
        if let Some(r) = num::arith(op, a, b) {
            return r;
        }
        self.binary_slow(op, a, b, false)
    }

    /// `a ** b` and `a * b` on ints whose result is large (more than about
    /// a millisecond of work): computed on a helper thread while signals
    /// are dispatched (`signals::offload`), and charged to the tick in
    /// proportion to the result's size. None: not such a case.
    #[cold]
    fn long_int_op(&mut self, op: ArithOp, a: &Value, b: &Value) -> Option<RunResult<Value>> {
        use num_bigint::BigInt;
        use num_traits::{Signed, ToPrimitive};
        const LONG_BITS: u64 = 1 << 16;
        fn big(v: &Value) -> Option<BigInt> {
            match v {
                Value::Int(i) => Some(BigInt::from(*i)),
                Value::BigInt(b) => Some((**b).clone()),
                _ => None,
            }
        }
        let bits = |v: &Value| match v {
            Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
            Value::BigInt(b) => b.bits(),
            _ => 0,
        };
        let (x, y) = match (a, b) {
            (Value::Int(_) | Value::BigInt(_), Value::Int(_) | Value::BigInt(_)) => (a, b),
            _ => return None,
        };
        let result_bits = match op {
            ArithOp::Mul => {
                if !matches!(x, Value::BigInt(_)) && !matches!(y, Value::BigInt(_)) {
                    return None;
                }
                let (bx, by) = (bits(x), bits(y));
                if bx.min(by) < 1 << 12 || bx.saturating_mul(by) < LONG_BITS * LONG_BITS {
                    return None;
                }
                bx + by
            }
            _ => {
                let e = big(y)?;
                if e.is_negative() {
                    return None;
                }
                let e = e.to_u32()? as u64;
                let r = bits(x).saturating_mul(e);
                // Past this num::arith decides (MemoryError and the like).
                if !(LONG_BITS..200_000_000).contains(&r) {
                    return None;
                }
                r
            }
        };
        let (bx, by) = (big(x)?, big(y)?);
        let work = move || match op {
            ArithOp::Mul => bx * by,
            _ => num_traits::pow::Pow::pow(bx, by.to_u32().unwrap_or(0)),
        };
        Some(crate::signals::offload::offload(self, work).and_then(|r| {
            self.charge(result_bits / 64)?;
            Ok(Value::from_bigint(r))
        }))
    }

    /// `a op= b`: in-place for lists (`+=` extends) and user `__iop__`.
    #[inline(never)]
    pub fn inplace_op(&mut self, op: ArithOp, a: &Value, b: &Value) -> RunResult<Value> {
        if let Some(r) = num::arith(op, a, b) {
            return r;
        }
        if let (ArithOp::Add, Value::List(l)) = (op, a) {
            let items = self.collect(b)?;
            self.charge(items.len() as u64)?;
            l.items.borrow_mut().extend(items);
            return Ok(a.clone());
        }
        if let (ArithOp::Mul, Value::List(l)) = (op, a) {
            if let Some(n) = repeat_count(b) {
                let items = l.items.borrow().clone();
                let mut out = Vec::new();
                for _ in 0..n.max(0) {
                    out.extend_from_slice(&items);
                }
                self.charge(out.len() as u64)?;
                *l.items.borrow_mut() = out;
                return Ok(a.clone());
            }
        }
        if crate::runtime::buffer::is_buffer(a) {
            if let Some(r) = crate::builtins::bytearray::inplace(self, op, a, b)? {
                return Ok(r);
            }
        }
        if let (ArithOp::Or, Value::Dict(_)) = (op, a) {
            let args = [a.clone(), b.clone()];
            crate::builtins::dict_methods::dict_update(self, &args, &[])?;
            return Ok(a.clone());
        }
        if let Value::Set(_) = a {
            if let Some(r) = crate::builtins::set_binop(self, op, a, b)? {
                if let (Value::Set(dst), Value::Set(src)) = (a, &r) {
                    let t = std::mem::take(&mut *src.s.borrow_mut());
                    *dst.s.borrow_mut() = t;
                    return Ok(a.clone());
                }
                return Ok(r);
            }
        }
        if let Value::Instance(inst) = a {
            let iname = self.intern(op.dunders().2);
            if let Some(f) = class_lookup(&inst.class, &iname) {
                let r = self.call_value(&f, &[a.clone(), b.clone()], &[])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        self.binary_slow(op, a, b, true)
    }

    #[cold]
    fn binary_slow(
        &mut self,
        op: ArithOp,
        a: &Value,
        b: &Value,
        inplace: bool,
    ) -> RunResult<Value> {
        if crate::runtime::buffer::is_buffer(a) || crate::runtime::buffer::is_buffer(b) {
            if let Some(r) = crate::builtins::bytearray::binop(self, op, a, b)? {
                return Ok(r);
            }
        }
        match (op, a, b) {
            (ArithOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.s.len() + y.s.len());
                s.push_str(&x.s);
                s.push_str(&y.s);
                return Ok(Value::Str(Rc::new(PyStr::new(s))));
            }
            (ArithOp::Add, Value::List(x), Value::List(y)) => {
                let mut v = x.items.borrow().clone();
                v.extend_from_slice(&y.items.borrow());
                self.charge(v.len() as u64)?;
                return Ok(Value::list(v));
            }
            (ArithOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.items.to_vec();
                v.extend_from_slice(&y.items);
                return Ok(Value::tuple(v));
            }
            (ArithOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = x.b.to_vec();
                v.extend_from_slice(&y.b);
                return Ok(Value::bytes(v));
            }
            (
                ArithOp::Mul,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                _,
            ) => {
                if let Some(n) = repeat_count(b) {
                    return self.repeat(a, n);
                }
                if let Value::BigInt(_) = b {
                    return Err(PyErr::overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
            }
            (
                ArithOp::Mul,
                _,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
            ) => {
                if let Some(n) = repeat_count(a) {
                    return self.repeat(b, n);
                }
                if let Value::BigInt(_) = a {
                    return Err(PyErr::overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
            }
            (ArithOp::Mod, Value::Str(f), _) => {
                let f = f.clone();
                let s = crate::builtins::percent::percent_format(self, f.as_str(), b)?;
                return Ok(Value::string(s));
            }
            (ArithOp::Mod, Value::Bytes(f), _) => {
                let f = f.clone();
                let s = crate::builtins::percent::percent_format_bytes(self, &f.b, b)?;
                return Ok(Value::bytes(s));
            }
            (_, Value::Set(_) | Value::FrozenSet(_), _) => {
                if let Some(r) = crate::builtins::set_binop(self, op, a, b)? {
                    return Ok(r);
                }
            }
            (ArithOp::Or, Value::Dict(x), Value::Dict(y)) => {
                let d = Rc::new(crate::runtime::value::PyDict {
                    d: std::cell::RefCell::new(x.d.borrow().clone()),
                });
                let entries: Vec<(Value, Value)> =
                    y.d.borrow()
                        .iter()
                        .map(|e| (e.key.clone(), e.value.clone()))
                        .collect();
                for (k, v) in entries {
                    self.dict_set(&d, k, v)?;
                }
                return Ok(Value::Dict(d));
            }
            _ => {}
        }
        let (name, rname, _) = op.dunders();
        // The right operand's reflected method goes first when its class
        // derives from the left one's and overrides it (CPython's rule).
        let mut reflected_done = false;
        if let (Value::Instance(x), Value::Instance(y)) = (a, b) {
            if !Rc::ptr_eq(&x.class, &y.class) && super::is_subclass(&y.class, &x.class) {
                let n = self.intern(rname);
                if let Some(f) = class_lookup(&y.class, &n) {
                    let overrides = match class_lookup(&x.class, &n) {
                        Some(g) => !g.is(&f),
                        None => true,
                    };
                    if overrides {
                        reflected_done = true;
                        let r = self.call_value(&f, &[b.clone(), a.clone()], &[])?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                }
            }
        }
        if let Value::Instance(inst) = a {
            let n = self.intern(name);
            if let Some(f) = class_lookup(&inst.class, &n) {
                let r = self.call_value(&f, &[a.clone(), b.clone()], &[])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let (Value::Instance(inst), false) = (b, reflected_done) {
            let n = self.intern(rname);
            if let Some(f) = class_lookup(&inst.class, &n) {
                let r = self.call_value(&f, &[b.clone(), a.clone()], &[])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let (ta, tb) = (
            self.types.type_name(a).to_string(),
            self.types.type_name(b).to_string(),
        );
        if op == ArithOp::Add && matches!(a, Value::Bytes(_)) {
            return Err(PyErr::type_error(format!("can't concat {} to bytes", tb)));
        }
        if op == ArithOp::Add && matches!(a, Value::Str(_)) {
            return Err(PyErr::type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                tb
            )));
        }
        if op == ArithOp::Add && matches!(a, Value::List(_)) {
            return Err(PyErr::type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                tb
            )));
        }
        if op == ArithOp::Add && matches!(a, Value::Tuple(_)) {
            return Err(PyErr::type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                tb
            )));
        }
        let is_seq = |v: &Value| {
            matches!(
                v,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
            )
        };
        if op == ArithOp::Mul
            && (is_seq(a) || is_seq(b))
            && !matches!(a, Value::Instance(_))
            && !matches!(b, Value::Instance(_))
        {
            let other = if is_seq(a) { &tb } else { &ta };
            return Err(PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                other
            )));
        }
        let sym = if inplace {
            op.inplace_symbol()
        } else {
            op.symbol()
        };
        Err(PyErr::unsupported_operands(sym, &ta, &tb))
    }

    fn repeat(&mut self, seq: &Value, n: i64) -> RunResult<Value> {
        let n = n.max(0) as usize;
        Ok(match seq {
            Value::Str(s) => {
                if s.s.len().saturating_mul(n) > 1 << 32 {
                    return Err(PyErr::new(crate::runtime::ExcKind::MemoryError, ""));
                }
                self.charge((s.s.len() * n / 64) as u64)?;
                Value::string(s.s.repeat(n))
            }
            Value::Bytes(b) => Value::bytes(b.b.repeat(n)),
            Value::List(l) => {
                let items = l.items.borrow().clone();
                if items.len().saturating_mul(n) > 1 << 30 {
                    return Err(PyErr::new(crate::runtime::ExcKind::MemoryError, ""));
                }
                let mut out = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    out.extend_from_slice(&items);
                }
                self.charge(out.len() as u64)?;
                Value::list(out)
            }
            Value::Tuple(t) => {
                let mut out = Vec::with_capacity(t.items.len() * n);
                for _ in 0..n {
                    out.extend_from_slice(&t.items);
                }
                Value::tuple(out)
            }
            _ => return Err(PyErr::type_error("bad repeat")),
        })
    }

    /// `-v`
    #[inline(never)]
    pub fn neg(&mut self, v: &Value) -> RunResult<Value> {
        match v {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_bigint(-num::to_bigint(v).unwrap_or_default()),
            }),
            Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
            Value::Float(f) => Ok(Value::Float(-f)),
            Value::BigInt(b) => Ok(Value::from_bigint(-(**b).clone())),
            _ => {
                let n = self.names.neg.clone();
                self.unary_dunder(v, &n, "unary -")
            }
        }
    }

    /// `+v`
    #[inline(never)]
    pub fn pos(&mut self, v: &Value) -> RunResult<Value> {
        match v {
            Value::Int(_) | Value::Float(_) | Value::BigInt(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            _ => {
                let n = self.names.pos.clone();
                self.unary_dunder(v, &n, "unary +")
            }
        }
    }

    /// `~v`
    #[inline(never)]
    pub fn invert(&mut self, v: &Value) -> RunResult<Value> {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
            Value::BigInt(b) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            _ => {
                let n = self.names.invert.clone();
                self.unary_dunder(v, &n, "unary ~")
            }
        }
    }

    fn unary_dunder(&mut self, v: &Value, name: &Rc<PyStr>, what: &str) -> RunResult<Value> {
        if let Value::Instance(inst) = v {
            if let Some(f) = class_lookup(&inst.class, name) {
                return self.call_value(&f, std::slice::from_ref(v), &[]);
            }
        }
        Err(PyErr::type_error(format!(
            "bad operand type for {}: '{}'",
            what,
            self.types.type_name(v)
        )))
    }

    /// `operator.index(v)`: an int from ints, bools and `__index__`.
    pub fn index_of(&mut self, v: &Value) -> RunResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(PyErr::index_error(
                "cannot fit 'int' into an index-sized integer",
            )),
            Value::Instance(inst) => {
                let n = self.names.index.clone();
                if let Some(f) = class_lookup(&inst.class, &n) {
                    let r = self.call_value(&f, std::slice::from_ref(v), &[])?;
                    if let Value::Int(i) = r {
                        return Ok(i);
                    }
                }
                Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    inst.class.name.as_str()
                )))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.types.type_name(v)
            ))),
        }
    }
}
