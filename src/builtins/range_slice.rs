//! The methods of `range` (`count`, `index`) and `slice` (`indices`).

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
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
    if is_int(x) {
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
        Value::BigInt(_) => {
            return Err(PyErr::new(
                ExcKind::NotImplementedError,
                "sigpy does not support slice.indices() lengths beyond 64 bits",
            ))
        }
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
