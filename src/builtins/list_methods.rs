//! The methods of `list` and `tuple`. No borrow of a list is held across
//! a call back into Python (`__eq__`, key functions): items are cloned out
//! first and indices re-checked after.

use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{NativeFn, PyList, PyTuple, Value};
use crate::vm::ops::compare::native_eq;
use crate::vm::Vm;

use super::args;

macro_rules! table {
    ($ty:literal; $($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!($ty, ".", $name)),)*]
    };
}

const LIST_METHODS: &[(&str, NativeFn, &str)] = table!("list";
    "append" => list_append,
    "clear" => list_clear,
    "copy" => list_copy,
    "count" => list_count,
    "extend" => list_extend,
    "index" => list_index,
    "insert" => list_insert,
    "pop" => list_pop,
    "remove" => list_remove,
    "reverse" => list_reverse,
    "sort" => list_sort,
);

const TUPLE_METHODS: &[(&str, NativeFn, &str)] = table!("tuple";
    "count" => tuple_count,
    "index" => tuple_index,
);

/// Installs the `list` and `tuple` methods.
pub fn install(vm: &mut Vm) {
    let list = vm.types.list.clone();
    super::install_methods(vm, &list, LIST_METHODS);
    let tuple = vm.types.tuple.clone();
    super::install_methods(vm, &tuple, TUPLE_METHODS);
}

fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> RunResult<(&'a Rc<PyList>, &'a [Value])> {
    match args.first() {
        Some(Value::List(l)) => Ok((l, &args[1..])),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'list' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of 'list' object needs an argument",
            name
        ))),
    }
}

/// `a == b` with the identity shortcut CPython's containers use.
#[inline]
pub fn item_eq(vm: &mut Vm, a: &Value, b: &Value) -> RunResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    match native_eq(a, b) {
        Some(r) => Ok(r),
        None => vm.eq(a, b),
    }
}

/// `l.append(x)`
fn list_append(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    if let [Value::List(l), x] = args {
        l.items.borrow_mut().push(x.clone());
        return Ok(Value::None);
    }
    let (_, rest) = this(vm, "append", args)?;
    args::one("list.append", rest)?;
    Ok(Value::None)
}

/// `l.extend(iterable)`
fn list_extend(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "extend", args)?;
    let src = args::one("list.extend", rest)?;
    let items = match src {
        Value::List(o) => o.items.borrow().clone(),
        Value::Tuple(t) => t.items.to_vec(),
        _ => vm.collect(src)?,
    };
    vm.charge(items.len() as u64 / 4)?;
    l.items.borrow_mut().extend(items);
    Ok(Value::None)
}

/// `l.insert(index, x)`
fn list_insert(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "insert", args)?;
    args::count("insert", rest, 2, 2)?;
    let i = args::ssize(vm, &rest[0])?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, rest[1].clone());
    Ok(Value::None)
}

/// `l.pop(index=-1)`
fn list_pop(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "pop", args)?;
    args::count("pop", rest, 0, 1)?;
    let i = match rest.first() {
        Some(v) => Some(args::ssize(vm, v)?),
        None => None,
    };
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let n = items.len() as i64;
    let idx = match i {
        None => n - 1,
        Some(i) if i < 0 => i + n,
        Some(i) => i,
    };
    if idx < 0 || idx >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(items.remove(idx as usize))
}

/// The item at `i`, cloned out of the borrow.
fn item_at(l: &PyList, i: usize) -> Option<Value> {
    l.items.borrow().get(i).cloned()
}

/// `l.remove(x)`
fn list_remove(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "remove", args)?;
    let x = args::one("list.remove", rest)?;
    let mut i = 0;
    while let Some(item) = item_at(l, i) {
        if item_eq(vm, &item, x)? {
            let mut items = l.items.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

/// Resolves `start`/`stop` of `index()` against a length.
fn index_bounds(vm: &mut Vm, rest: &[Value], n: usize) -> RunResult<(usize, usize)> {
    let mut bound = |v: Option<&Value>, default: i64| -> RunResult<usize> {
        let i = match v {
            None => default,
            Some(v) => match v {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN / 2,
                Value::BigInt(_) => i64::MAX / 2,
                _ => vm.index_of(v).map_err(|_| {
                    PyErr::type_error("slice indices must be integers or have an __index__ method")
                })?,
            },
        };
        let n = n as i64;
        Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
    };
    let start = bound(rest.get(1), 0)?;
    let stop = bound(rest.get(2), n as i64)?;
    Ok((start, stop))
}

/// `l.index(x[, start[, stop]])`
fn list_index(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "index", args)?;
    args::count("index", rest, 1, 3)?;
    let x = &rest[0];
    let n = l.items.borrow().len();
    let (start, stop) = index_bounds(vm, rest, n)?;
    let mut i = start;
    while i < stop {
        let Some(item) = item_at(l, i) else { break };
        if item_eq(vm, &item, x)? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr(x)?;
    Err(PyErr::value_error(format!("{} is not in list", r)))
}

/// `l.count(x)`
fn list_count(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "count", args)?;
    let x = args::one("list.count", rest)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = item_at(l, i) {
        if item_eq(vm, &item, x)? {
            n += 1;
        }
        i += 1;
    }
    vm.charge(i as u64 / 4)?;
    Ok(Value::Int(n))
}

/// `l.sort(*, key=None, reverse=False)`: the list reads as empty while
/// sorting; a change made meanwhile is CPython's ValueError.
fn list_sort(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "sort", args)?;
    if !rest.is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let r = super::iter::sort_with_kwargs(vm, &mut items, kw);
    let modified = !l.items.borrow().is_empty();
    *l.items.borrow_mut() = items;
    r?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// `l.reverse()`
fn list_reverse(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "reverse", args)?;
    args::none("list.reverse", rest)?;
    l.items.borrow_mut().reverse();
    Ok(Value::None)
}

/// `l.copy()`
fn list_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "copy", args)?;
    args::none("list.copy", rest)?;
    let items = copy_charged(vm, l)?;
    Ok(Value::list(items))
}

/// Items a long copy makes between two charges of the tick.
pub const COPY_SLICE: usize = 4096;

/// A copy of a list's items, made a slice at a time with the tick charged
/// in between, so a signal never waits for the copy of a huge list (the
/// list is borrowed only while one slice is copied: a handler running at
/// a charge may change it, and the copy then goes on from where it was,
/// as far as the list now reaches).
pub fn copy_charged(vm: &mut Vm, l: &PyList) -> RunResult<Vec<Value>> {
    let mut v: Vec<Value> = Vec::with_capacity(l.items.borrow().len());
    loop {
        {
            let b = l.items.borrow();
            if v.len() >= b.len() {
                break;
            }
            let end = (v.len() + COPY_SLICE).min(b.len());
            v.extend_from_slice(&b[v.len()..end]);
        }
        if v.len() >= COPY_SLICE {
            vm.charge(COPY_SLICE as u64 / 8)?;
        }
    }
    Ok(v)
}

/// `l.clear()`
fn list_clear(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (l, rest) = this(vm, "clear", args)?;
    args::none("list.clear", rest)?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn tuple_this<'a>(
    vm: &Vm,
    name: &str,
    args: &'a [Value],
) -> RunResult<(&'a Rc<PyTuple>, &'a [Value])> {
    match args.first() {
        Some(Value::Tuple(t)) => Ok((t, &args[1..])),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'tuple' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of 'tuple' object needs an argument",
            name
        ))),
    }
}

/// `t.index(x[, start[, stop]])`
fn tuple_index(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (t, rest) = tuple_this(vm, "index", args)?;
    args::count("index", rest, 1, 3)?;
    let (start, stop) = index_bounds(vm, rest, t.items.len())?;
    for i in start..stop {
        if item_eq(vm, &t.items[i], &rest[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

/// `t.count(x)`
fn tuple_count(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (t, rest) = tuple_this(vm, "count", args)?;
    let x = args::one("tuple.count", rest)?;
    let mut n = 0;
    for item in t.items.iter() {
        if item_eq(vm, item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
