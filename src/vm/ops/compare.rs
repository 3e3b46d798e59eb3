//! Comparisons, `in`, hashing, truthiness and `len`, with native fast
//! paths and the dunder protocol (reflected comparisons, `__eq__` falling
//! back to identity, `__hash__ = None` when only `__eq__` is defined).

use std::cmp::Ordering;
use std::rc::Rc;

use crate::bytecode::opcode::{CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE};
use crate::runtime::buffer::{as_bytearray, as_memoryview, buffer_bytes, is_buffer};
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::hash;
use crate::runtime::num;
use crate::runtime::value::Special as BufSpecial;
use crate::runtime::value::{PyDict, PySet, Value};
use crate::vm::Vm;

use super::attr::class_lookup;

/// Equality of two values when it needs no Python code; `None` otherwise.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => Rc::ptr_eq(x, y) || x.s == y.s,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => int_float_eq(*x, *y),
        (Bool(x), Bool(y)) => x == y,
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => *x as i64 == *y,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64) as f64 == *y,
        (None, None) => true,
        (BigInt(x), BigInt(y)) => x == y,
        (BigInt(_), Int(_) | Bool(_)) | (Int(_) | Bool(_), BigInt(_)) => false,
        // Exact, as CPython (10**20 + 1 != 1e20 though it rounds to it).
        (BigInt(x), Float(y)) | (Float(y), BigInt(x)) => {
            big_float_cmp(x, *y) == Some(Ordering::Equal)
        }
        (Bytes(x), Bytes(y)) => x.b == y.b,
        (Tuple(x), Tuple(y)) => {
            if x.items.len() != y.items.len() {
                return Some(false);
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                if !p.is(q) && !native_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Instance(_), _) | (_, Instance(_)) => return Option::None,
        (Special(_), _) | (_, Special(_)) if is_buffer(a) || is_buffer(b) => buffer_eq(a, b),
        (BoundMethod(x), BoundMethod(y)) => x.self_.is(&y.self_) && x.func.is(&y.func),
        (List(_), List(_)) | (Dict(_), Dict(_)) => return Option::None,
        (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => return Option::None,
        (Slice(x), Slice(y)) => {
            native_eq(&x.start, &y.start)?
                && native_eq(&x.stop, &y.stop)?
                && native_eq(&x.step, &y.step)?
        }
        (Range(x), Range(y)) if x.is_wide() || y.is_wide() => x.wide_eq(y),
        (Range(x), Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        _ => a.is(b),
    })
}

/// `==` between a bytearray or memoryview and another value: equal
/// contents for two bytes-like values; a released view is equal only to
/// itself.
fn buffer_eq(a: &Value, b: &Value) -> bool {
    let released = |v: &Value| as_memoryview(v).is_some_and(|m| m.released.get());
    if released(a) || released(b) {
        return a.is(b);
    }
    match (buffer_bytes(a), buffer_bytes(b)) {
        (Ok(Some(x)), Ok(Some(y))) => x == y,
        _ => false,
    }
}

fn int_float_eq(i: i64, f: f64) -> bool {
    if f.fract() != 0.0 || !f.is_finite() {
        return false;
    }
    if f.abs() < 9.2e18 {
        f as i64 == i
    } else {
        false
    }
}

/// Ordering of two numbers (NaN -> None).
fn num_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    use Value::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => Some(x.cmp(y)),
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Int(x), Float(y)) => int_float_cmp(*x, *y),
        (Float(x), Int(y)) => int_float_cmp(*y, *x).map(|o| o.reverse()),
        (Bool(x), _) => return num_cmp(&Int(*x as i64), b),
        (_, Bool(y)) => return num_cmp(a, &Int(*y as i64)),
        (BigInt(_), Int(_) | BigInt(_)) | (Int(_), BigInt(_)) => {
            let (x, y) = (num::to_bigint(a)?, num::to_bigint(b)?);
            Some(x.cmp(&y))
        }
        (BigInt(x), Float(y)) => big_float_cmp(x, *y),
        (Float(x), BigInt(y)) => big_float_cmp(y, *x).map(|o| o.reverse()),
        _ => return Option::None,
    })
}

fn int_float_cmp(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if (i as f64) != f || f.abs() >= 9.2e18 {
        return (i as f64).partial_cmp(&f);
    }
    Some(i.cmp(&(f as i64)))
}

fn big_float_cmp(b: &num_bigint::BigInt, f: f64) -> Option<Ordering> {
    use num_traits::ToPrimitive;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fb = num_bigint::BigInt::from(f.trunc() as i128);
    let big_f = if f.abs() < 1e38 {
        fb
    } else {
        num_bigint::BigInt::parse_bytes(format!("{:.0}", f.trunc()).as_bytes(), 10)?
    };
    match b.cmp(&big_f) {
        Ordering::Equal => 0.0f64.partial_cmp(&f.fract()),
        o => {
            let _ = b.to_f64();
            Some(o)
        }
    }
}

fn ord_result(op: u32, o: Option<Ordering>) -> bool {
    match o {
        None => op == CMP_NE,
        Some(o) => match op {
            CMP_LT => o == Ordering::Less,
            CMP_LE => o != Ordering::Greater,
            CMP_EQ => o == Ordering::Equal,
            CMP_NE => o != Ordering::Equal,
            CMP_GT => o == Ordering::Greater,
            _ => o != Ordering::Less,
        },
    }
}

fn op_symbol(op: u32) -> &'static str {
    crate::bytecode::opcode::cmp_op_text(op)
}

/// The swapped operator for reflected comparisons (`a < b` -> `b > a`).
fn swapped(op: u32) -> u32 {
    match op {
        CMP_LT => CMP_GT,
        CMP_LE => CMP_GE,
        CMP_GT => CMP_LT,
        CMP_GE => CMP_LE,
        o => o,
    }
}

impl Vm {
    /// `a == b` as a bool.
    #[inline(never)]
    pub fn eq(&mut self, a: &Value, b: &Value) -> RunResult<bool> {
        if let Some(r) = native_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(CMP_EQ, a, b)?;
        self.truthy(&r)
    }

    /// `a < b` as a bool (sorting, min, max).
    #[inline]
    pub fn lt(&mut self, a: &Value, b: &Value) -> RunResult<bool> {
        if let Some(o) = num_cmp(a, b) {
            return Ok(o == Some(Ordering::Less));
        }
        if let (Value::Str(x), Value::Str(y)) = (a, b) {
            return Ok(x.s < y.s);
        }
        let r = self.compare(CMP_LT, a, b)?;
        self.truthy(&r)
    }

    /// A rich comparison (`CompareOp`), returning the result value.
    #[inline(never)]
    pub fn compare(&mut self, op: u32, a: &Value, b: &Value) -> RunResult<Value> {
        if let Some(o) = num_cmp(a, b) {
            return Ok(Value::Bool(ord_result(op, o)));
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => {
                return Ok(Value::Bool(ord_result(op, Some(x.s.cmp(&y.s)))))
            }
            (Value::Bytes(x), Value::Bytes(y)) => {
                return Ok(Value::Bool(ord_result(op, Some(x.b.cmp(&y.b)))))
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.items.to_vec(), y.items.to_vec());
                return self.seq_compare(op, &x, &y);
            }
            // Bytes against a bytearray order by contents (not views).
            (Value::Special(_), _) | (_, Value::Special(_))
                if (as_bytearray(a).is_some() || as_bytearray(b).is_some())
                    && as_memoryview(a).is_none()
                    && as_memoryview(b).is_none() =>
            {
                if let (Some(x), Some(y)) = (buffer_bytes(a)?, buffer_bytes(b)?) {
                    return Ok(Value::Bool(ord_result(op, Some(x.cmp(&y)))));
                }
            }
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.items.borrow().clone(), y.items.borrow().clone());
                return self.seq_compare(op, &x, &y);
            }
            (Value::Dict(x), Value::Dict(y)) if op == CMP_EQ || op == CMP_NE => {
                let eq = self.dict_eq(x, y)?;
                return Ok(Value::Bool(eq == (op == CMP_EQ)));
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                return self.set_compare(op, a, b);
            }
            _ => {}
        }
        if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
            if let Some(r) = self.rich_dunder(op, a, b)? {
                return Ok(r);
            }
        }
        match op {
            CMP_EQ => Ok(Value::Bool(native_eq(a, b).unwrap_or_else(|| a.is(b)))),
            CMP_NE => Ok(Value::Bool(!native_eq(a, b).unwrap_or_else(|| a.is(b)))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op_symbol(op),
                self.types.type_name(a),
                self.types.type_name(b)
            ))),
        }
    }

    fn rich_dunder(&mut self, op: u32, a: &Value, b: &Value) -> RunResult<Option<Value>> {
        let name_of = |vm: &Vm, op: u32| match op {
            CMP_LT => vm.names.lt.clone(),
            CMP_LE => vm.names.le.clone(),
            CMP_EQ => vm.names.eq.clone(),
            CMP_NE => vm.names.ne.clone(),
            CMP_GT => vm.names.gt.clone(),
            _ => vm.names.ge.clone(),
        };
        // A subclass's reflected method goes first (CPython rule).
        let b_first = match (a, b) {
            (Value::Instance(x), Value::Instance(y)) => {
                !Rc::ptr_eq(&x.class, &y.class) && super::is_subclass(&y.class, &x.class)
            }
            _ => false,
        };
        let order: [(bool, u32); 2] = if b_first {
            [(true, swapped(op)), (false, op)]
        } else {
            [(false, op), (true, swapped(op))]
        };
        for (reflected, o) in order {
            let (x, y) = if reflected { (b, a) } else { (a, b) };
            if let Value::Instance(inst) = x {
                let n = name_of(self, o);
                if let Some(f) = class_lookup(&inst.class, &n) {
                    let r = self.call_value(&f, &[x.clone(), y.clone()], &[])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(Some(r));
                    }
                }
                if o == CMP_NE {
                    // Default __ne__ inverts __eq__.
                    let n = self.names.eq.clone();
                    if let Some(f) = class_lookup(&inst.class, &n) {
                        let r = self.call_value(&f, &[x.clone(), y.clone()], &[])?;
                        if !matches!(r, Value::NotImplemented) {
                            let t = self.truthy(&r)?;
                            return Ok(Some(Value::Bool(!t)));
                        }
                    }
                }
            }
        }
        Ok(None)
    }

    fn seq_compare(&mut self, op: u32, x: &[Value], y: &[Value]) -> RunResult<Value> {
        for (p, q) in x.iter().zip(y.iter()) {
            if p.is(q) {
                continue;
            }
            if !self.eq(p, q)? {
                if op == CMP_EQ {
                    return Ok(Value::Bool(false));
                }
                if op == CMP_NE {
                    return Ok(Value::Bool(true));
                }
                return self.compare(op, p, q);
            }
        }
        Ok(Value::Bool(ord_result(op, Some(x.len().cmp(&y.len())))))
    }

    fn dict_eq(&mut self, x: &Rc<PyDict>, y: &Rc<PyDict>) -> RunResult<bool> {
        if x.d.borrow().len() != y.d.borrow().len() {
            return Ok(false);
        }
        let entries: Vec<(Value, Value)> =
            x.d.borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
        for (k, v) in entries {
            match self.dict_get(y, &k)? {
                Some(v2) => {
                    if !v.is(&v2) && !self.eq(&v, &v2)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn set_compare(&mut self, op: u32, a: &Value, b: &Value) -> RunResult<Value> {
        let (Value::Set(x) | Value::FrozenSet(x)) = a else {
            return Ok(Value::NotImplemented);
        };
        let (Value::Set(y) | Value::FrozenSet(y)) = b else {
            return Ok(Value::NotImplemented);
        };
        let subset = |vm: &mut Vm, p: &Rc<PySet>, q: &Rc<PySet>| -> RunResult<bool> {
            let keys = p.s.borrow().keys();
            for k in keys {
                if !vm.set_contains(q, &k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let (lx, ly) = (x.s.borrow().len(), y.s.borrow().len());
        let r = match op {
            CMP_EQ => lx == ly && subset(self, x, y)?,
            CMP_NE => !(lx == ly && subset(self, x, y)?),
            CMP_LE => lx <= ly && subset(self, x, y)?,
            CMP_LT => lx < ly && subset(self, x, y)?,
            CMP_GE => ly <= lx && subset(self, y, x)?,
            _ => ly < lx && subset(self, y, x)?,
        };
        Ok(Value::Bool(r))
    }

    /// `item in container`
    #[inline(never)]
    pub fn contains(&mut self, container: &Value, item: &Value) -> RunResult<bool> {
        match container {
            Value::Dict(d) => {
                let h = self.hash(item)?;
                Ok(self.dict_find(d, h, item)?.is_some())
            }
            Value::Set(s) | Value::FrozenSet(s) => self.set_contains(s, item),
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.s.contains(&*sub.s)),
                _ => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.types.type_name(item)
                ))),
            },
            Value::List(l) => {
                let mut i = 0;
                loop {
                    let v = match l.items.borrow().get(i) {
                        Some(v) => v.clone(),
                        None => return Ok(false),
                    };
                    if v.is(item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for v in t.items.iter() {
                    if v.is(item) || self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Range(r) if r.big.is_some() || matches!(item, Value::BigInt(_)) => {
                crate::builtins::range_slice::wide_contains(self, r, item)
            }
            Value::Range(r) => {
                let Value::Int(i) = item else {
                    let items = self.collect(container)?;
                    for v in items {
                        if self.eq(&v, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                };
                let (i, start, step) = (*i as i128, r.start as i128, r.step as i128);
                let stop = r.stop as i128;
                Ok(if step > 0 {
                    i >= start && i < stop && (i - start) % step == 0
                } else {
                    i <= start && i > stop && (start - i) % step == 0
                })
            }
            Value::Bytes(b) => crate::builtins::bytearray::contains(self, &b.b, item),
            Value::Special(_) if as_bytearray(container).is_some() => {
                let hay = buffer_bytes(container)?.unwrap_or_default();
                crate::builtins::bytearray::contains(self, &hay, item)
            }
            Value::Special(_) if as_memoryview(container).is_some() => {
                let hay = buffer_bytes(container)?.unwrap_or_default();
                for x in hay {
                    if self.eq(&Value::Int(x as i64), item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Instance(inst) => {
                let n = self.names.contains.clone();
                if let Some(f) = class_lookup(&inst.class, &n) {
                    let r = self.call_value(&f, &[container.clone(), item.clone()], &[])?;
                    return self.truthy(&r);
                }
                let (iter, getitem) = (self.names.iter.clone(), self.names.getitem.clone());
                if class_lookup(&inst.class, &iter).is_none()
                    && class_lookup(&inst.class, &getitem).is_none()
                {
                    return Err(PyErr::type_error(format!(
                        "argument of type '{}' is not iterable",
                        inst.class.name.as_str()
                    )));
                }
                let it = self.get_iter(container)?;
                while let Some(v) = self.next(&it)? {
                    if v.is(item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                if matches!(container, Value::Iter(_)) || container.as_gen().is_some() {
                    while let Some(v) = self.next(container)? {
                        if v.is(item) || self.eq(&v, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Err(PyErr::type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.types.type_name(container)
                )))
            }
        }
    }

    /// `hash(v)`
    #[inline(never)]
    pub fn hash(&mut self, v: &Value) -> RunResult<i64> {
        Ok(match v {
            Value::Str(s) => s.hash() as i64,
            Value::Int(i) => hash::hash_int(*i),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => hash::hash_float(*f),
            Value::BigInt(b) => hash::hash_bigint(b),
            Value::None => 0x5f5e100,
            Value::Tuple(t) => {
                let mut hs = Vec::with_capacity(t.items.len());
                for x in t.items.iter() {
                    hs.push(self.hash(x)?);
                }
                hash::hash_tuple(&hs)
            }
            Value::Bytes(b) => hash::hash_str(&String::from_utf8_lossy(&b.b)) as i64 ^ 0x5bd1e995,
            Value::Range(r) if r.is_wide() => r.wide_hash(),
            Value::Range(r) => {
                // CPython hashes (len, start, step), with None for what
                // does not matter, so equal ranges hash alike.
                let (len, none) = (r.len(), 0x5f5e100);
                let start = if len == 0 {
                    none
                } else {
                    hash::hash_int(r.start)
                };
                let step = if len <= 1 {
                    none
                } else {
                    hash::hash_int(r.step)
                };
                hash::hash_tuple(&[hash::hash_int(len), start, step])
            }
            Value::FrozenSet(s) => {
                // CPython's frozenset hash (order-independent).
                let keys: Vec<i64> = s.s.borrow().iter().map(|(h, _)| h).collect();
                let mut h: u64 = 0;
                for kh in keys {
                    let x = kh as u64;
                    h ^= ((x ^ (x << 16)) ^ 89869747).wrapping_mul(3644798167);
                }
                h ^= (s.s.borrow().len() as u64 + 1).wrapping_mul(1927868237);
                h = (h ^ (h >> 11) ^ (h >> 25))
                    .wrapping_mul(69069)
                    .wrapping_add(907133923);
                if h as i64 == -1 {
                    590923713
                } else {
                    h as i64
                }
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                return Err(PyErr::type_error(format!(
                    "unhashable type: '{}'",
                    self.types.type_name(v)
                )))
            }
            Value::Special(_) if as_bytearray(v).is_some() => {
                return Err(PyErr::type_error("unhashable type: 'bytearray'"))
            }
            Value::Special(_) if as_memoryview(v).is_some() => {
                let m = as_memoryview(v).filter(|m| !m.released.get());
                match m {
                    None => return Err(crate::runtime::buffer::released_error()),
                    Some(m) if !m.readonly => {
                        return Err(PyErr::value_error("cannot hash writable memoryview object"))
                    }
                    // The exporter must be hashable too.
                    Some(m) if as_bytearray(&m.obj).is_some() => {
                        return Err(PyErr::type_error("unhashable type: 'bytearray'"))
                    }
                    Some(m) => return self.hash(&Value::bytes(m.to_vec())),
                }
            }
            Value::Instance(inst) => {
                let hname = self.names.hash.clone();
                match class_lookup(&inst.class, &hname) {
                    Some(Value::None) => {
                        return Err(PyErr::type_error(format!(
                            "unhashable type: '{}'",
                            inst.class.name.as_str()
                        )))
                    }
                    Some(f) => {
                        let r = self.call_value(&f, std::slice::from_ref(v), &[])?;
                        match r {
                            Value::Int(i) => {
                                if i == -1 {
                                    -2
                                } else {
                                    i
                                }
                            }
                            Value::Bool(b) => b as i64,
                            Value::BigInt(b) => hash::hash_bigint(&b),
                            _ => {
                                return Err(PyErr::type_error(
                                    "__hash__ method should return an integer",
                                ))
                            }
                        }
                    }
                    None => {
                        let eqn = self.names.eq.clone();
                        if class_lookup(&inst.class, &eqn).is_some() {
                            return Err(PyErr::type_error(format!(
                                "unhashable type: '{}'",
                                inst.class.name.as_str()
                            )));
                        }
                        (v.identity() >> 4) as i64
                    }
                }
            }
            Value::BoundMethod(m) => {
                ((m.self_.identity() >> 4) ^ (m.func.identity() >> 4).rotate_left(16)) as i64
            }
            _ => (v.identity() >> 4) as i64,
        })
    }

    /// `bool(v)`
    #[inline(never)]
    pub fn truthy(&mut self, v: &Value) -> RunResult<bool> {
        Ok(match v {
            Value::Bool(b) => *b,
            Value::None | Value::Null => false,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.s.is_empty(),
            Value::List(l) => !l.items.borrow().is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.d.borrow().is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.s.borrow().is_empty(),
            Value::BigInt(_) => true,
            Value::Bytes(b) => !b.b.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Special(_) if is_buffer(v) => self.len(v)? != 0,
            Value::Instance(inst) => {
                let bname = self.names.bool_.clone();
                if let Some(f) = class_lookup(&inst.class, &bname) {
                    let r = self.call_value(&f, std::slice::from_ref(v), &[])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(PyErr::type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.types.type_name(&other)
                        ))),
                    };
                }
                let lname = self.names.len.clone();
                if class_lookup(&inst.class, &lname).is_some() {
                    return Ok(self.len(v)? != 0);
                }
                true
            }
            _ => true,
        })
    }

    /// `len(v)`
    pub fn len(&mut self, v: &Value) -> RunResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len,
            Value::List(l) => l.items.borrow().len(),
            Value::Tuple(t) => t.items.len(),
            Value::Dict(d) => d.d.borrow().len(),
            Value::Set(s) | Value::FrozenSet(s) => s.s.borrow().len(),
            Value::Bytes(b) => b.b.len(),
            Value::Special(s) if is_buffer(v) => match &**s {
                BufSpecial::ByteArray(b) => b.b.borrow().len(),
                BufSpecial::MemoryView(m) if m.released.get() => {
                    return Err(crate::runtime::buffer::released_error())
                }
                BufSpecial::MemoryView(m) => m.len,
                _ => 0,
            },
            Value::Range(r) if r.is_wide() => r.checked_len()?,
            Value::Range(r) => r.len() as usize,
            Value::Instance(inst) => {
                let lname = self.names.len.clone();
                match class_lookup(&inst.class, &lname) {
                    Some(f) => {
                        let r = self.call_value(&f, std::slice::from_ref(v), &[])?;
                        match r {
                            Value::Int(i) if i >= 0 => i as usize,
                            Value::Int(_) => {
                                return Err(PyErr::value_error("__len__() should return >= 0"))
                            }
                            Value::Bool(b) => b as usize,
                            other => {
                                return Err(PyErr::type_error(format!(
                                    "'{}' object cannot be interpreted as an integer",
                                    self.types.type_name(&other)
                                )))
                            }
                        }
                    }
                    None => {
                        return Err(PyErr::type_error(format!(
                            "object of type '{}' has no len()",
                            inst.class.name.as_str()
                        )))
                    }
                }
            }
            _ => {
                if let Some(n) = self.builtin_len_hook(v)? {
                    return Ok(n);
                }
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    self.types.type_name(v)
                )));
            }
        })
    }

    fn builtin_len_hook(&mut self, v: &Value) -> RunResult<Option<usize>> {
        let cls = self.types.type_of(v).clone();
        let lname = self.names.len.clone();
        match class_lookup(&cls, &lname) {
            Some(f) => {
                let r = self.call_value(&f, std::slice::from_ref(v), &[])?;
                Ok(Some(self.index_of(&r)?.max(0) as usize))
            }
            None => Ok(None),
        }
    }

    // === dict and set with Python equality ===

    /// Looks up a key, running `__eq__` outside any borrow when needed.
    pub fn dict_get(&mut self, d: &PyDict, key: &Value) -> RunResult<Option<Value>> {
        let h = self.hash(key)?;
        Ok(self
            .dict_find(d, h, key)?
            .map(|ix| d.d.borrow().value_at(ix).clone()))
    }

    /// Entry index of a key (hash already computed).
    pub fn dict_find(&mut self, d: &PyDict, h: i64, key: &Value) -> RunResult<Option<usize>> {
        let mut needs_vm = false;
        let found = d.d.borrow().find(h, |k| match (k, key) {
            // str keys, the common case, compared inline.
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || a.s == b.s,
            _ => match native_eq(k, key) {
                Some(r) => r,
                None => {
                    needs_vm = true;
                    false
                }
            },
        });
        if found.is_some() || !needs_vm {
            return Ok(found);
        }
        let cands = d.d.borrow().candidates(h);
        for (ix, k) in cands {
            if k.is(key) || self.eq(&k, key)? {
                let still =
                    d.d.borrow()
                        .entry_at(ix)
                        .map(|e| e.key.is(&k))
                        .unwrap_or(false);
                if still {
                    return Ok(Some(ix));
                }
            }
        }
        Ok(None)
    }

    /// `d[key] = value`
    #[inline(never)]
    pub fn dict_set(&mut self, d: &PyDict, key: Value, value: Value) -> RunResult<()> {
        let h = self.hash(&key)?;
        match self.dict_find(d, h, &key)? {
            Some(ix) => *d.d.borrow_mut().value_at_mut(ix) = value,
            None => d.d.borrow_mut().insert_new(h, key, value),
        }
        Ok(())
    }

    /// Removes a key, returning its value if present.
    pub fn dict_del(&mut self, d: &PyDict, key: &Value) -> RunResult<Option<Value>> {
        let h = self.hash(key)?;
        match self.dict_find(d, h, key)? {
            Some(ix) => Ok(Some(d.d.borrow_mut().remove_at(ix).1)),
            None => Ok(None),
        }
    }

    /// Whether a set holds a key.
    pub fn set_contains(&mut self, s: &PySet, key: &Value) -> RunResult<bool> {
        let h = match key {
            Value::Set(inner) => {
                // CPython looks a set up as the equal frozenset.
                let fs = Value::FrozenSet(inner.clone());
                self.hash(&fs)?
            }
            _ => self.hash(key)?,
        };
        let mut needs_vm = false;
        let found = s.s.borrow().contains(h, |k| match native_eq(k, key) {
            Some(r) => r,
            None => {
                needs_vm = true;
                false
            }
        });
        if found || !needs_vm {
            return Ok(found);
        }
        let cands = s.s.borrow().candidates(h);
        for k in cands {
            if k.is(key) || self.eq(&k, key)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Adds a key to a set.
    #[inline(never)]
    pub fn set_add(&mut self, s: &PySet, key: Value) -> RunResult<()> {
        if self.set_contains(s, &key)? {
            return Ok(());
        }
        let h = self.hash(&key)?;
        s.s.borrow_mut().insert(h, key, |_| false);
        Ok(())
    }

    /// Removes a key from a set; returns whether it was present.
    pub fn set_discard(&mut self, s: &PySet, key: &Value) -> RunResult<bool> {
        let h = self.hash(key)?;
        let mut needs_vm = false;
        let removed = s.s.borrow_mut().remove(h, |k| match native_eq(k, key) {
            Some(r) => r,
            None => {
                needs_vm = true;
                false
            }
        });
        if removed.is_some() {
            return Ok(true);
        }
        if !needs_vm {
            return Ok(false);
        }
        let cands = s.s.borrow().candidates(h);
        for k in cands {
            if k.is(key) || self.eq(&k, key)? {
                let target = k.clone();
                return Ok(s.s.borrow_mut().remove(h, |x| x.is(&target)).is_some());
            }
        }
        Ok(false)
    }
}
