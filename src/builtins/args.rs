//! Argument checking for natives, with CPython's messages. CPython has
//! three styles, kept apart here: `METH_O`/`METH_NOARGS` ("takes exactly
//! one argument (2 given)"), Argument Clinic ("expected at most 1
//! argument, got 2") and the older `PyArg_ParseTuple` ("takes at most 2
//! arguments (3 given)").

use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{PyStr, Value};

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `METH_O`: exactly one argument, else
/// `len() takes exactly one argument (2 given)`.
#[inline]
pub fn one<'a>(name: &str, args: &'a [Value]) -> RunResult<&'a Value> {
    match args {
        [a] => Ok(a),
        _ => Err(PyErr::type_error(format!(
            "{}() takes exactly one argument ({} given)",
            name,
            args.len()
        ))),
    }
}

/// `METH_NOARGS`: `str.upper() takes no arguments (1 given)`.
#[inline]
pub fn none(name: &str, args: &[Value]) -> RunResult<()> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{}() takes no arguments ({} given)",
            name,
            args.len()
        )))
    }
}

/// Argument Clinic counts: `insert expected 2 arguments, got 1`,
/// `pop expected at most 1 argument, got 2`.
#[inline]
pub fn count(name: &str, args: &[Value], min: usize, max: usize) -> RunResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(count_error(name, n, min, max))
}

#[cold]
fn count_error(name: &str, n: usize, min: usize, max: usize) -> PyErr {
    let msg = if min == max {
        format!(
            "{} expected {} argument{}, got {}",
            name,
            min,
            plural(min),
            n
        )
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            plural(min),
            n
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            plural(max),
            n
        )
    };
    PyErr::type_error(msg)
}

/// `PyArg_ParseTuple` counts: `count() takes at least 1 argument (0 given)`.
#[inline]
pub fn count_old(name: &str, args: &[Value], min: usize, max: usize) -> RunResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        format!(
            "{}() takes exactly {} argument{} ({} given)",
            name,
            min,
            plural(min),
            n
        )
    } else if n < min {
        format!(
            "{}() takes at least {} argument{} ({} given)",
            name,
            min,
            plural(min),
            n
        )
    } else {
        format!(
            "{}() takes at most {} argument{} ({} given)",
            name,
            max,
            plural(max),
            n
        )
    };
    Err(PyErr::type_error(msg))
}

/// `len() takes no keyword arguments`.
#[inline]
pub fn no_kw(name: &str, kw: &[(Value, Value)]) -> RunResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            name
        )))
    }
}

/// The text of a keyword name.
pub fn kw_name(k: &Value) -> &str {
    match k {
        Value::Str(s) => s.as_str(),
        _ => "?",
    }
}

/// Keyword-only arguments: returns them in `names` order, or
/// `'x' is an invalid keyword argument for print()`.
pub fn kwonly<const N: usize>(
    fname: &str,
    kw: &[(Value, Value)],
    names: [&str; N],
) -> RunResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (k, v) in kw {
        let name = kw_name(k);
        match names.iter().position(|n| *n == name) {
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    name, fname
                )))
            }
        }
    }
    Ok(out)
}

/// Positional-or-keyword parameters (Argument Clinic): binds `args` then
/// `kw` to `names`; the first `min` are required.
pub fn bind<const N: usize>(
    fname: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    names: [&str; N],
    min: usize,
) -> RunResult<[Option<Value>; N]> {
    if args.len() > N {
        return Err(PyErr::type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            N,
            plural(N),
            args.len() + kw.len()
        )));
    }
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (slot, a) in out.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    for (k, v) in kw {
        let name = kw_name(k);
        match names.iter().position(|n| *n == name) {
            Some(i) if out[i].is_some() => {
                return Err(PyErr::type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    fname,
                    name,
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    name, fname
                )))
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(min) {
        if slot.is_none() {
            return Err(PyErr::type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// A str argument, or `TypeError` with `what` describing the position
/// (`join() argument must be str, not int`-style callers format it).
pub fn str_arg<'a>(
    v: &'a Value,
    what: impl FnOnce(&str) -> String,
    type_name: &str,
) -> RunResult<&'a Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(PyErr::type_error(what(type_name))),
    }
}

/// The self argument of a method (args[0]); natives are only reached
/// through their class, so a missing self is an internal error.
#[inline]
pub fn self_arg<'a>(name: &str, args: &'a [Value]) -> RunResult<&'a Value> {
    args.first()
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{}' needs an argument", name)))
}

/// Whether a value is None or absent (optional arguments).
#[inline]
pub fn is_none_or_absent(v: &Option<Value>) -> bool {
    matches!(v, None | Some(Value::None))
}

/// The arguments of a native classmethod after the class. Reached through
/// an instance (`{}.fromkeys(...)`) the class may be missing.
#[inline]
pub fn classmethod_args(args: &[Value]) -> &[Value] {
    match args.first() {
        Some(Value::Class(_)) => &args[1..],
        _ => args,
    }
}

/// Largest result (in bytes or items) a builtin allocates up front; past
/// it CPython would fail with `MemoryError` too, and Rust would abort.
pub const MAX_ALLOC: usize = 1 << 32;

/// `MemoryError` for requests above `MAX_ALLOC`.
#[inline]
pub fn check_alloc(n: usize) -> RunResult<()> {
    if n > MAX_ALLOC {
        return Err(PyErr::new(crate::runtime::exc::ExcKind::MemoryError, ""));
    }
    Ok(())
}

/// An index-sized int argument (a C `Py_ssize_t` in CPython): a huge int
/// is CPython's OverflowError rather than an IndexError.
pub fn ssize(vm: &mut crate::vm::Vm, v: &Value) -> RunResult<i64> {
    if let Value::BigInt(_) = v {
        return Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        ));
    }
    vm.index_of(v)
}
