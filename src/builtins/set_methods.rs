//! The methods of `set` and `frozenset`, and `set_binop` (the VM's
//! `| & - ^` on sets). Each operation follows CPython's algorithm (which
//! table is copied, which set is iterated) so int sets come out in the
//! same order as under CPython.

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num::ArithOp;
use crate::runtime::set::SetTable;
use crate::runtime::value::{NativeFn, PySet, Value};
use crate::vm::ops::compare::native_eq;
use crate::vm::Vm;

use super::args;

macro_rules! table {
    ($ty:literal; $($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!($ty, ".", $name)),)*]
    };
}

const SET_METHODS: &[(&str, NativeFn, &str)] = table!("set";
    "add" => set_add,
    "clear" => set_clear,
    "copy" => set_copy,
    "difference" => set_difference,
    "difference_update" => set_difference_update,
    "discard" => set_discard,
    "intersection" => set_intersection,
    "intersection_update" => set_intersection_update,
    "isdisjoint" => set_isdisjoint,
    "issubset" => set_issubset,
    "issuperset" => set_issuperset,
    "pop" => set_pop,
    "remove" => set_remove,
    "symmetric_difference" => set_symmetric_difference,
    "symmetric_difference_update" => set_symmetric_difference_update,
    "union" => set_union,
    "update" => set_update,
);

const FROZENSET_METHODS: &[(&str, NativeFn, &str)] = table!("frozenset";
    "copy" => set_copy,
    "difference" => set_difference,
    "intersection" => set_intersection,
    "isdisjoint" => set_isdisjoint,
    "issubset" => set_issubset,
    "issuperset" => set_issuperset,
    "symmetric_difference" => set_symmetric_difference,
    "union" => set_union,
);

/// Installs the `set` and `frozenset` methods.
pub fn install(vm: &mut Vm) {
    let set = vm.types.set.clone();
    super::install_methods(vm, &set, SET_METHODS);
    let fs = vm.types.frozenset.clone();
    super::install_methods(vm, &fs, FROZENSET_METHODS);
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets (the result has the
/// type of `a`); `None` when either operand is not a set.
pub fn set_binop(vm: &mut Vm, op: ArithOp, a: &Value, b: &Value) -> RunResult<Option<Value>> {
    let (Value::Set(x) | Value::FrozenSet(x)) = a else {
        return Ok(None);
    };
    let (Value::Set(y) | Value::FrozenSet(y)) = b else {
        return Ok(None);
    };
    let t = match op {
        ArithOp::Or => union(vm, x, std::slice::from_ref(y))?,
        ArithOp::And => intersection(vm, x, y)?,
        ArithOp::Sub => difference(vm, x, y)?,
        ArithOp::Xor => symmetric_difference(vm, x, y)?,
        _ => return Ok(None),
    };
    Ok(Some(wrap_like(a, t)))
}

/// A set value of the same kind as `like`.
fn wrap_like(like: &Value, t: SetTable) -> Value {
    let p = Rc::new(PySet { s: RefCell::new(t) });
    match like {
        Value::FrozenSet(_) => Value::FrozenSet(p),
        _ => Value::Set(p),
    }
}

/// Whether equality of a key never needs Python code.
fn is_simple(v: &Value, depth: u32) -> bool {
    match v {
        Value::Int(_) | Value::Str(_) | Value::Bool(_) | Value::None | Value::BigInt(_) => true,
        Value::Float(_) | Value::Bytes(_) => true,
        Value::Tuple(t) if depth < 8 => t.items.iter().all(|x| is_simple(x, depth + 1)),
        _ => false,
    }
}

fn all_simple(t: &SetTable) -> bool {
    t.iter().all(|(_, k)| is_simple(k, 0))
}

/// A new set of the keys of `t`, laid out as CPython's copy would be
/// (`set_merge` into an empty set, which may size the table differently).
pub fn copy_table(t: &SetTable) -> SetTable {
    let mut out = SetTable::new();
    out.merge_from(t, |_, _| false);
    out
}

/// Adds every key of `src` to `dst` (CPython's `set_merge`).
fn merge(vm: &mut Vm, dst: &PySet, src: &PySet) -> RunResult<()> {
    let other = src.s.borrow().clone();
    if all_simple(&other) && all_simple(&dst.s.borrow()) {
        dst.s
            .borrow_mut()
            .merge_from(&other, |a, b| native_eq(a, b).unwrap_or(false));
        return Ok(());
    }
    for (_, k) in other.iter() {
        vm.set_add(dst, k.clone())?;
    }
    Ok(())
}

/// A set holding the items of any iterable (the set itself for sets).
fn as_set(vm: &mut Vm, v: &Value) -> RunResult<Rc<PySet>> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Ok(s.clone()),
        _ => {
            let t = super::types::set_table_from(vm, v)?;
            Ok(Rc::new(PySet { s: RefCell::new(t) }))
        }
    }
}

fn union(vm: &mut Vm, a: &PySet, others: &[Rc<PySet>]) -> RunResult<SetTable> {
    let result = PySet {
        s: RefCell::new(copy_table(&a.s.borrow())),
    };
    for o in others {
        merge(vm, &result, o)?;
    }
    Ok(result.s.take())
}

/// CPython iterates the smaller set and probes the larger.
fn intersection(vm: &mut Vm, a: &Rc<PySet>, b: &Rc<PySet>) -> RunResult<SetTable> {
    let (small, large) = if b.s.borrow().len() > a.s.borrow().len() {
        (a, b)
    } else {
        (b, a)
    };
    let keys = small.s.borrow().keys();
    let result = PySet::default();
    for k in keys {
        if vm.set_contains(large, &k)? {
            vm.set_add(&result, k)?;
        }
    }
    Ok(result.s.take())
}

fn difference(vm: &mut Vm, a: &Rc<PySet>, b: &Rc<PySet>) -> RunResult<SetTable> {
    let (alen, blen) = (a.s.borrow().len(), b.s.borrow().len());
    if (alen >> 2) > blen {
        let result = PySet {
            s: RefCell::new(copy_table(&a.s.borrow())),
        };
        let keys = b.s.borrow().keys();
        for k in keys {
            vm.set_discard(&result, &k)?;
        }
        return Ok(result.s.take());
    }
    let result = PySet::default();
    let keys = a.s.borrow().keys();
    for k in keys {
        if !vm.set_contains(b, &k)? {
            vm.set_add(&result, k)?;
        }
    }
    Ok(result.s.take())
}

/// `a ^ b`: like CPython, a copy of `b` updated with `a` (so the result
/// iterates in CPython's order).
fn symmetric_difference(vm: &mut Vm, a: &Rc<PySet>, b: &Rc<PySet>) -> RunResult<SetTable> {
    let result = PySet {
        s: RefCell::new(copy_table(&b.s.borrow())),
    };
    symmetric_update(vm, &result, a)?;
    Ok(result.s.take())
}

fn symmetric_update(vm: &mut Vm, dst: &PySet, other: &PySet) -> RunResult<()> {
    let keys = other.s.borrow().keys();
    for k in keys {
        if !vm.set_discard(dst, &k)? {
            vm.set_add(dst, k)?;
        }
    }
    Ok(())
}

/// The set of a method call (set or frozenset) and the other arguments.
fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> RunResult<(&'a Rc<PySet>, &'a [Value])> {
    match args.first() {
        Some(Value::Set(s) | Value::FrozenSet(s)) => Ok((s, &args[1..])),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'set' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of 'set' object needs an argument",
            name
        ))),
    }
}

/// The mutable set of a `set`-only method.
fn this_mut<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> RunResult<(&'a Rc<PySet>, &'a [Value])> {
    match args.first() {
        Some(Value::Set(s)) => Ok((s, &args[1..])),
        _ => this(vm, name, args),
    }
}

fn set_add(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this_mut(vm, "add", args)?;
    let x = args::one("set.add", rest)?;
    vm.set_add(s, x.clone())?;
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this_mut(vm, "discard", args)?;
    let x = args::one("set.discard", rest)?;
    vm.set_discard(s, x)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this_mut(vm, "remove", args)?;
    let x = args::one("set.remove", rest)?;
    if !vm.set_discard(s, x)? {
        return Err(PyErr::key_error(x.clone()));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this_mut(vm, "pop", args)?;
    args::none("set.pop", rest)?;
    let v = s.s.borrow_mut().pop();
    v.ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
}

fn set_clear(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this_mut(vm, "clear", args)?;
    args::none("set.clear", rest)?;
    s.s.borrow_mut().clear();
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "copy", args)?;
    args::none("set.copy", rest)?;
    if let Value::FrozenSet(_) = &args[0] {
        return Ok(args[0].clone());
    }
    let t = copy_table(&s.s.borrow());
    Ok(wrap_like(&args[0], t))
}

fn set_union(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "union", args)?;
    args::no_kw("union", kw)?;
    let result = PySet {
        s: RefCell::new(copy_table(&s.s.borrow())),
    };
    for v in rest {
        update_with(vm, &result, v)?;
    }
    Ok(wrap_like(&args[0], result.s.take()))
}

/// CPython's `set_update_internal`: merge a set, presize for a dict's
/// keys, else add the items one by one (each way leaves its own layout).
fn update_with(vm: &mut Vm, dst: &PySet, v: &Value) -> RunResult<()> {
    match v {
        Value::Set(o) | Value::FrozenSet(o) => merge(vm, dst, o),
        Value::Dict(d) => {
            let keys = d.d.borrow().keys();
            dst.s.borrow_mut().presize_for(keys.len());
            for k in keys {
                vm.set_add(dst, k)?;
            }
            Ok(())
        }
        _ => {
            let it = vm.get_iter(v)?;
            while let Some(x) = vm.next(&it)? {
                vm.set_add(dst, x)?;
            }
            Ok(())
        }
    }
}

fn set_update(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this_mut(vm, "update", args)?;
    args::no_kw("update", kw)?;
    for v in rest {
        update_with(vm, s, v)?;
    }
    Ok(Value::None)
}

fn set_intersection(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "intersection", args)?;
    args::no_kw("intersection", kw)?;
    let mut cur = s.clone();
    if rest.is_empty() {
        cur = Rc::new(PySet {
            s: RefCell::new(copy_table(&s.s.borrow())),
        });
    }
    for v in rest {
        let o = as_set(vm, v)?;
        let t = intersection(vm, &cur, &o)?;
        cur = Rc::new(PySet { s: RefCell::new(t) });
    }
    let t = cur.s.borrow().clone();
    Ok(wrap_like(&args[0], t))
}

fn set_intersection_update(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let r = set_intersection(vm, args, kw)?;
    store_result(args, r);
    Ok(Value::None)
}

/// Replaces the table of the set in `args[0]` with the one of `r`.
fn store_result(args: &[Value], r: Value) {
    if let (Some(Value::Set(dst)), Value::Set(src) | Value::FrozenSet(src)) = (args.first(), &r) {
        let t = std::mem::take(&mut *src.s.borrow_mut());
        *dst.s.borrow_mut() = t;
    }
}

fn set_difference(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "difference", args)?;
    args::no_kw("difference", kw)?;
    // CPython: set_difference with the first argument (a set or dict: the
    // size heuristic; anything else: copy and discard), then in place.
    let cur = match rest.first() {
        Some(v @ (Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_))) => {
            let o = as_set(vm, v)?;
            PySet {
                s: RefCell::new(difference(vm, s, &o)?),
            }
        }
        _ => PySet {
            s: RefCell::new(copy_table(&s.s.borrow())),
        },
    };
    let skip = usize::from(matches!(
        rest.first(),
        Some(Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_))
    ));
    for v in &rest[skip..] {
        let o = as_set(vm, v)?;
        let keys = o.s.borrow().keys();
        for k in keys {
            vm.set_discard(&cur, &k)?;
        }
    }
    Ok(wrap_like(&args[0], cur.s.take()))
}

fn set_difference_update(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this_mut(vm, "difference_update", args)?;
    args::no_kw("difference_update", kw)?;
    for v in rest {
        let o = as_set(vm, v)?;
        let keys = o.s.borrow().keys();
        for k in keys {
            vm.set_discard(s, &k)?;
        }
    }
    Ok(Value::None)
}

fn set_symmetric_difference(
    vm: &mut Vm,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> RunResult<Value> {
    let (s, rest) = this(vm, "symmetric_difference", args)?;
    let o = args::one("set.symmetric_difference", rest)?;
    let o = as_set(vm, o)?;
    let t = symmetric_difference(vm, s, &o)?;
    Ok(wrap_like(&args[0], t))
}

fn set_symmetric_difference_update(
    vm: &mut Vm,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> RunResult<Value> {
    let (s, rest) = this_mut(vm, "symmetric_difference_update", args)?;
    let o = args::one("set.symmetric_difference_update", rest)?;
    let o = if let Value::Set(x) = o {
        if Rc::ptr_eq(x, s) {
            s.s.borrow_mut().clear();
            return Ok(Value::None);
        }
        x.clone()
    } else {
        as_set(vm, o)?
    };
    symmetric_update(vm, s, &o)?;
    Ok(Value::None)
}

/// Whether every key of `a` is in `b`.
fn subset(vm: &mut Vm, a: &PySet, b: &Rc<PySet>) -> RunResult<bool> {
    if a.s.borrow().len() > b.s.borrow().len() {
        return Ok(false);
    }
    let keys = a.s.borrow().keys();
    for k in keys {
        if !vm.set_contains(b, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "issubset", args)?;
    let o = args::one("set.issubset", rest)?;
    let o = as_set(vm, o)?;
    Ok(Value::Bool(subset(vm, s, &o)?))
}

fn set_issuperset(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "issuperset", args)?;
    let o = args::one("set.issuperset", rest)?;
    let o = as_set(vm, o)?;
    Ok(Value::Bool(subset(vm, &o, s)?))
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "isdisjoint", args)?;
    let o = args::one("set.isdisjoint", rest)?;
    let it = vm.get_iter(o)?;
    while let Some(x) = vm.next(&it)? {
        if vm.set_contains(s, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
