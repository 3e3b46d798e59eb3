//! The methods of `range` (`count`, `index`) and `slice` (`indices`), and
//! the operations of ranges beyond 64 bits that need the VM (indexing,
//! slicing, `in`; the arithmetic is in runtime/range.rs).

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Signed;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num::to_bigint;
use crate::runtime::range::slice_indices_big;
use crate::runtime::value::{NativeFn, PyRange, Value};
use crate::vm::Vm;

use super::args;

const RANGE_METHODS: &[(&str, NativeFn, &str)] = &[
    ("count", range_count, "range.count"),
    ("index", range_index, "range.index"),
];

const SLICE_METHODS: &[(&str, NativeFn, &str)] = &[("indices", slice_indices, "slice.indices")];

/// Installs the `range` and `slice` methods.
pub fn install(vm: &mut Vm) {
    let range = vm.types.range.clone();
    super::install_methods(vm, &range, RANGE_METHODS);
    let slice = vm.types.slice.clone();
    super::install_methods(vm, &slice, SLICE_METHODS);
}

fn this_range<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> RunResult<(&'a PyRange, &'a [Value])> {
    match args.first() {
        Some(Value::Range(r)) => Ok((r, &args[1..])),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'range' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of 'range' object needs an argument",
            name
        ))),
    }
}

/// An int argument as a BigInt: an int, or an object with `__index__`.
pub fn index_big(vm: &mut Vm, v: &Value) -> RunResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    if let Value::Instance(inst) = v {
        let n = vm.intern("__index__");
        if let Some(f) = crate::vm::ops::attr::class_lookup(&inst.class, &n) {
            let r = vm.call_value(&f, std::slice::from_ref(v), &[])?;
            return match r {
                Value::Int(_) | Value::BigInt(_) => Ok(to_bigint(&r).unwrap_or_default()),
                other => Err(PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    vm.types.type_name(&other)
                ))),
            };
        }
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.types.type_name(v)
    )))
}

/// A slice's (start, stop, step) clamped to a length of any size.
fn slice_indices_wide(
    vm: &mut Vm,
    sl: &crate::runtime::value::PySlice,
    len: &BigInt,
) -> RunResult<(BigInt, BigInt, BigInt)> {
    let (a, b, c) = (sl.start.clone(), sl.stop.clone(), sl.step.clone());
    let mut part = |v: &Value| -> RunResult<Option<BigInt>> {
        if v.is_none() {
            return Ok(None);
        }
        index_big(vm, v).map(Some).map_err(|_| {
            PyErr::type_error("slice indices must be integers or None or have an __index__ method")
        })
    };
    let (start, stop, step) = (part(&a)?, part(&b)?, part(&c)?);
    slice_indices_big(start, stop, step, len)
}

/// `r[key]` for a range beyond 64 bits (or longer than `i64::MAX`).
pub fn wide_subscr(vm: &mut Vm, r: &PyRange, key: &Value) -> RunResult<Value> {
    let (.., len) = r.wide();
    if let Value::Slice(sl) = key {
        let (start, stop, step) = slice_indices_wide(vm, sl, &len)?;
        return Ok(Value::Range(Rc::new(r.wide_slice(&start, &stop, &step))));
    }
    let i = match key {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => {
            let name = vm.intern("__index__");
            match key {
                Value::Instance(inst)
                    if crate::vm::ops::attr::class_lookup(&inst.class, &name).is_none() =>
                {
                    return Err(PyErr::type_error(format!(
                        "range indices must be integers or slices, not {}",
                        vm.types.type_name(key)
                    )))
                }
                _ => index_big(vm, key)?,
            }
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "range indices must be integers or slices, not {}",
                vm.types.type_name(key)
            )))
        }
    };
    let j = if i.is_negative() { i + &len } else { i };
    if j.is_negative() || j >= len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(Value::from_bigint(r.wide_item(&j)))
}

/// Compares every item of a range beyond 64 bits with `x` (a non-int
/// searched for), in order, stopping at the first equal one if asked:
/// (index of the first equal item or -1, number of equal items).
fn scan(vm: &mut Vm, r: &PyRange, x: &Value, stop_at_first: bool) -> RunResult<(i64, i64)> {
    let it = vm.get_iter(&Value::Range(Rc::new(r.clone())))?;
    let (mut k, mut n, mut first) = (0i64, 0i64, -1i64);
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, x)? {
            n += 1;
            if first < 0 {
                first = k;
            }
            if stop_at_first {
                break;
            }
        }
        k += 1;
    }
    Ok((first, n))
}

/// `x in r` for a range beyond 64 bits, or a big int `x`.
pub fn wide_contains(vm: &mut Vm, r: &PyRange, x: &Value) -> RunResult<bool> {
    match to_bigint(x) {
        Some(b) if !matches!(x, Value::Bool(_)) => Ok(r.wide_position(&b).is_some()),
        _ => Ok(scan(vm, r, x, true)?.0 >= 0),
    }
}

/// The position of the int `x` in `r`, if it is there.
fn position(r: &PyRange, x: &Value) -> Option<i128> {
    let i = match x {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return None,
    };
    let inside = if r.step > 0 {
        i >= r.start && i < r.stop
    } else {
        i <= r.start && i > r.stop
    };
    let off = i as i128 - r.start as i128;
    (inside && off % r.step as i128 == 0).then(|| off / r.step as i128)
}

/// Whether `x` is an int (compared arithmetically, not by iterating).
fn is_int(x: &Value) -> bool {
    matches!(x, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// `r.count(x)`
fn range_count(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (r, rest) = this_range(vm, "count", args)?;
    let x = args::one("range.count", rest)?;
    if r.big.is_some() {
        return Ok(Value::Int(match to_bigint(x) {
            Some(b) => r.wide_position(&b).is_some() as i64,
            None => scan(vm, r, x, false)?.1,
        }));
    }
    if is_int(x) {
        return Ok(Value::Int(position(r, x).is_some() as i64));
    }
    let mut n = 0;
    for k in 0..r.len() {
        if vm.eq(&Value::Int(r.start + k * r.step), x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// `r.index(x)`
fn range_index(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (r, rest) = this_range(vm, "index", args)?;
    let x = args::one("range.index", rest)?;
    if r.big.is_some() {
        let found = match to_bigint(x) {
            Some(b) => r.wide_position(&b).map(Value::from_bigint),
            None => {
                let (k, _) = scan(vm, r, x, true)?;
                if k < 0 {
                    return Err(PyErr::value_error("sequence.index(x): x not in sequence"));
                }
                Some(Value::Int(k))
            }
        };
        if let Some(v) = found {
            return Ok(v);
        }
    } else if is_int(x) {
        if let Some(k) = position(r, x) {
            return Ok(Value::from_bigint(num_bigint::BigInt::from(k)));
        }
    } else {
        for k in 0..r.len() {
            if vm.eq(&Value::Int(r.start + k * r.step), x)? {
                return Ok(Value::Int(k));
            }
        }
        return Err(PyErr::value_error("sequence.index(x): x not in sequence"));
    }
    let shown = vm.repr(x)?;
    Err(PyErr::value_error(format!("{} is not in range", shown)))
}

/// `s.indices(length)`: `(start, stop, step)` clamped to the length.
fn slice_indices(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let Some(Value::Slice(s)) = args.first() else {
        return Err(PyErr::type_error(
            "descriptor 'indices' requires a 'slice' object",
        ));
    };
    let n = args::one("slice.indices", &args[1..])?;
    let n = match n {
        Value::BigInt(b) if b.is_positive() => {
            let (b, s) = ((**b).clone(), s.clone());
            let (start, stop, step) = slice_indices_wide(vm, &s, &b)?;
            return Ok(Value::tuple(vec![
                Value::from_bigint(start),
                Value::from_bigint(stop),
                Value::from_bigint(step),
            ]));
        }
        Value::BigInt(_) => return Err(PyErr::value_error("length should not be negative")),
        other => vm.index_of(other)?,
    };
    if n < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let s = s.clone();
    let idx = vm.slice_indices(&s, n as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(idx.start),
        Value::Int(idx.stop),
        Value::Int(idx.step),
    ]))
}
