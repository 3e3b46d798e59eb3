//! Builtins over iterables: `len`, `iter`, `next`, the lazy `enumerate`,
//! `zip`, `map`, `filter`, `reversed`, and the reducing `sorted`, `min`,
//! `max`, `sum`, `any`, `all`. Lazy ones are `IterState`s the VM steps.

use std::rc::Rc;

use crate::bytecode::opcode::{CMP_GT, CMP_LT};
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::num::ArithOp;
use crate::runtime::value::{Class, IterKind, IterState, Value};
use crate::vm::gen::GenResult;
use crate::vm::ops::attr::class_lookup;
use crate::vm::ops::iter::{make_iter, make_iter_as};
use crate::vm::Vm;

use super::args;

/// `len(obj)`
pub fn builtin_len(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("len() takes no keyword arguments"));
    }
    let v = args::one("len", args)?;
    let n = match v {
        Value::List(l) => l.items.borrow().len(),
        Value::Str(s) => s.char_len,
        Value::Tuple(t) => t.items.len(),
        Value::Dict(d) => d.d.borrow().len(),
        _ => vm.len(v)?,
    };
    Ok(Value::Int(n as i64))
}

/// `iter(obj)` and `iter(callable, sentinel)`.
pub fn builtin_iter(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("iter", kw)?;
    args::count("iter", args, 1, 2)?;
    if let [f, sentinel] = args {
        return callable_iterator(vm, f, sentinel);
    }
    vm.get_iter(&args[0])
}

/// `next(iterator[, default])`
pub fn builtin_next(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("next", kw)?;
    args::count("next", args, 1, 2)?;
    let it = &args[0];
    if !is_iterator(vm, it) {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            vm.types.type_name(it)
        )));
    }
    if let Some(g) = it.as_gen() {
        return match vm.gen_send(&g.clone(), Value::None)? {
            GenResult::Yield(v) => Ok(v),
            GenResult::Return(v) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(Vm::stop_iteration_with(v)),
            },
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::stop_iteration()),
        },
    }
}

fn is_iterator(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Iter(_) => true,
        Value::Special(_) if v.as_gen().is_some() => true,
        Value::Instance(i) => class_lookup(&i.class, &vm.names.next).is_some(),
        _ => class_lookup(vm.types.type_of(v), &vm.names.next).is_some(),
    }
}

/// `enumerate(iterable, start=0)`
pub fn builtin_enumerate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    if args.is_empty() && kw.is_empty() {
        return Err(PyErr::type_error(
            "enumerate() missing required argument 'iterable'",
        ));
    }
    let [it, start] = args::bind("enumerate", args, kw, ["iterable", "start"], 1)?;
    let it = vm.get_iter(&it.unwrap_or(Value::None))?;
    let count = match start {
        Some(s) => vm.index_of(&s)?,
        None => 0,
    };
    Ok(make_iter(IterState::Enumerate { it, count }))
}

/// `zip(*iterables, strict=False)`
pub fn builtin_zip(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [strict] = args::kwonly("zip", kw, ["strict"])?;
    let strict = match strict {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let mut its = Vec::with_capacity(args.len());
    for a in args {
        its.push(vm.get_iter(a)?);
    }
    if strict {
        return zip_strict(vm, its);
    }
    if its.is_empty() {
        return Ok(make_iter_as(IterState::Exhausted, IterKind::Zip));
    }
    Ok(make_iter(IterState::Zip { its }))
}

/// `zip(..., strict=True)`, evaluated eagerly.
fn zip_strict(vm: &mut Vm, its: Vec<Value>) -> RunResult<Value> {
    let mut out = Vec::new();
    loop {
        let mut row = Vec::with_capacity(its.len());
        for (i, it) in its.iter().enumerate() {
            match vm.next(it)? {
                Some(v) => row.push(v),
                None if i > 0 => return Err(zip_len_error(i, "shorter")),
                None => {
                    for (j, other) in its.iter().enumerate().skip(1) {
                        if vm.next(other)?.is_some() {
                            return Err(zip_len_error(j, "longer"));
                        }
                    }
                    let state = IterState::Values {
                        items: out,
                        index: 0,
                    };
                    return Ok(make_iter_as(state, IterKind::Zip));
                }
            }
        }
        out.push(Value::tuple(row));
        if out.len().is_multiple_of(1024) {
            vm.charge(1024)?;
        }
    }
}

/// `zip() argument 3 is shorter than arguments 1-2` (`i` is 0-based).
fn zip_len_error(i: usize, what: &str) -> PyErr {
    let others = if i == 1 {
        "argument 1".to_string()
    } else {
        format!("arguments 1-{}", i)
    };
    PyErr::value_error(format!(
        "zip() argument {} is {} than {}",
        i + 1,
        what,
        others
    ))
}

/// `map(function, *iterables)`
pub fn builtin_map(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("map", kw)?;
    if args.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(make_iter(IterState::Map {
        f: args[0].clone(),
        its,
    }))
}

/// `filter(function or None, iterable)`
pub fn builtin_filter(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("filter", kw)?;
    args::count("filter", args, 2, 2)?;
    let it = vm.get_iter(&args[1])?;
    Ok(make_iter(IterState::Filter {
        f: args[0].clone(),
        it,
    }))
}

/// `reversed(seq)`
pub fn builtin_reversed(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("reversed", kw)?;
    args::count("reversed", args, 1, 1)?;
    let v = &args[0];
    let state = match v {
        Value::List(l) => IterState::ListRev {
            list: l.clone(),
            index: l.items.borrow().len(),
        },
        Value::Range(r) if r.big.is_some() => {
            // Beyond 64 bits: iterate the range of the same items backwards.
            let back = Value::Range(Rc::new(r.wide_reversed()));
            return vm.get_iter(&back);
        }
        Value::Range(r) => {
            let n = r.exact_len();
            if n == 0 {
                return Ok(make_iter_as(IterState::Exhausted, IterKind::Range));
            } else {
                let last = r.start as i128 + (n - 1) * r.step as i128;
                let (Ok(stop), Some(step)) = (
                    i64::try_from(r.start as i128 - r.step as i128),
                    r.step.checked_neg(),
                ) else {
                    // Its stop would leave 64 bits: the wide form.
                    let back = Value::Range(Rc::new(r.wide_reversed()));
                    return vm.get_iter(&back);
                };
                IterState::Range {
                    next: last as i64,
                    stop,
                    step,
                }
            }
        }
        Value::Tuple(t) => {
            let mut items = t.items.to_vec();
            items.reverse();
            return Ok(reversed_of(items, IterKind::Reversed));
        }
        Value::Str(_) | Value::Bytes(_) => {
            let mut items = vm.collect(v)?;
            items.reverse();
            return Ok(reversed_of(items, IterKind::Reversed));
        }
        Value::Special(_) if crate::runtime::buffer::is_buffer(v) => {
            let mut items = vm.collect(v)?;
            items.reverse();
            return Ok(reversed_of(items, IterKind::Reversed));
        }
        Value::Dict(d) => {
            let mut items = d.d.borrow().keys();
            items.reverse();
            return Ok(reversed_of(items, IterKind::DictReverseKeys));
        }
        Value::Instance(inst) => return reversed_instance(vm, v, &inst.class.clone()),
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                vm.types.type_name(v)
            )))
        }
    };
    Ok(make_iter(state))
}

fn reversed_instance(vm: &mut Vm, v: &Value, cls: &Rc<Class>) -> RunResult<Value> {
    let rname = vm.names.reversed.clone();
    if let Some(f) = class_lookup(cls, &rname) {
        return vm.call_value(&f, std::slice::from_ref(v), &[]);
    }
    let gname = vm.names.getitem.clone();
    let lname = vm.names.len.clone();
    if class_lookup(cls, &gname).is_none() || class_lookup(cls, &lname).is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object is not reversible",
            cls.name.as_str()
        )));
    }
    let n = vm.len(v)?;
    let mut items = Vec::with_capacity(n);
    for i in (0..n).rev() {
        items.push(vm.getitem(v, &Value::Int(i as i64))?);
    }
    Ok(reversed_of(items, IterKind::Reversed))
}

/// An iterator over a reversed snapshot, of the given class.
pub fn reversed_of(items: Vec<Value>, kind: IterKind) -> Value {
    make_iter_as(IterState::Values { items, index: 0 }, kind)
}

/// `sorted(iterable, /, *, key=None, reverse=False)`
pub fn builtin_sorted(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("sorted", args, 1, 1)?;
    let mut items = match &args[0] {
        Value::List(l) => super::list_methods::copy_charged(vm, l)?,
        other => vm.collect(other)?,
    };
    sort_with_kwargs(vm, &mut items, kw)?;
    Ok(Value::list(items))
}

/// Sorts with `key=`/`reverse=` keyword arguments (`sorted`, `list.sort`).
pub fn sort_with_kwargs(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    kw: &[(Value, Value)],
) -> RunResult<()> {
    if kw.len() > 2 {
        return Err(PyErr::type_error(format!(
            "sort() takes at most 2 keyword arguments ({} given)",
            kw.len()
        )));
    }
    let [key, reverse] = args::kwonly("sort", kw, ["key", "reverse"])?;
    let reverse = match reverse {
        Some(r) => {
            vm.index_of(&r).map_err(|_| {
                PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.types.type_name(&r)
                ))
            })? != 0
        }
        None => false,
    };
    let keys = match key {
        Some(f) if !f.is_none() => {
            let mut keys = Vec::with_capacity(items.len());
            for it in items.iter() {
                keys.push(vm.call_value(&f, std::slice::from_ref(it), &[])?);
            }
            Some(keys)
        }
        _ => None,
    };
    super::sort::sort_by_keys(vm, items, keys, reverse)
}

/// `min(...)` / `max(...)`: `op` is `CMP_LT` or `CMP_GT`.
fn min_max(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &str,
    op: u32,
) -> RunResult<Value> {
    let [key, default] = args::kwonly(name, kw, ["key", "default"])?;
    if args.is_empty() {
        return Err(PyErr::type_error(format!(
            "{} expected at least 1 argument, got 0",
            name
        )));
    }
    if args.len() > 1 && default.is_some() {
        return Err(PyErr::type_error(format!(
            "Cannot specify a default for {}() with multiple positional arguments",
            name
        )));
    }
    let key = key.filter(|k| !k.is_none());
    if key.is_none() && args.len() == 1 {
        if let Some(v) = native_min_max(&args[0], op) {
            return Ok(v);
        }
    }
    // One item at a time: the key runs as each item is pulled.
    let mut best: Option<(Value, Value)> = None;
    if args.len() == 1 {
        let it = vm.get_iter(&args[0])?;
        let mut n: u64 = 0;
        while let Some(item) = vm.next(&it)? {
            consider(vm, op, key.as_ref(), &mut best, item)?;
            n += 1;
            if n.is_multiple_of(1024) {
                vm.charge(1024)?;
            }
        }
    } else {
        for item in args {
            consider(vm, op, key.as_ref(), &mut best, item.clone())?;
        }
    }
    match best {
        Some((v, _)) => Ok(v),
        None => default
            .ok_or_else(|| PyErr::value_error(format!("{}() arg is an empty sequence", name))),
    }
}

/// Keeps `item` in `best` (item, key) if it beats the current best.
fn consider(
    vm: &mut Vm,
    op: u32,
    key: Option<&Value>,
    best: &mut Option<(Value, Value)>,
    item: Value,
) -> RunResult<()> {
    let k = match key {
        Some(f) => vm.call_value(f, std::slice::from_ref(&item), &[])?,
        None => item.clone(),
    };
    let replace = match best {
        None => true,
        Some((_, bk)) => better(vm, op, &k, bk)?,
    };
    if replace {
        *best = Some((item, k));
    }
    Ok(())
}

/// `min`/`max` of a non-empty list or tuple of ints or of strs, computed
/// under one borrow (no Python code can run); `None` otherwise.
fn native_min_max(v: &Value, op: u32) -> Option<Value> {
    let list;
    let items: &[Value] = match v {
        Value::List(l) => {
            list = l.items.borrow();
            &list
        }
        Value::Tuple(t) => &t.items,
        _ => return None,
    };
    let first = items.first()?;
    let better = |o: std::cmp::Ordering| {
        if op == CMP_LT {
            o == std::cmp::Ordering::Less
        } else {
            o == std::cmp::Ordering::Greater
        }
    };
    match first {
        Value::Int(_) => {
            let mut best = first;
            for x in items {
                let (Value::Int(a), Value::Int(b)) = (x, best) else {
                    return None;
                };
                if better(a.cmp(b)) {
                    best = x;
                }
            }
            Some(best.clone())
        }
        Value::Str(_) => {
            let mut best = first;
            for x in items {
                let (Value::Str(a), Value::Str(b)) = (x, best) else {
                    return None;
                };
                if better(a.s.cmp(&b.s)) {
                    best = x;
                }
            }
            Some(best.clone())
        }
        _ => None,
    }
}

/// `a < b` (op LT) or `a > b` (op GT) with native fast paths.
#[inline]
fn better(vm: &mut Vm, op: u32, a: &Value, b: &Value) -> RunResult<bool> {
    let o = match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.s.cmp(&y.s),
        (Value::Float(x), Value::Float(y)) if !x.is_nan() && !y.is_nan() => {
            x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal)
        }
        _ => {
            let r = vm.compare(op, a, b)?;
            return vm.truthy(&r);
        }
    };
    Ok(if op == CMP_LT {
        o == std::cmp::Ordering::Less
    } else {
        o == std::cmp::Ordering::Greater
    })
}

/// `min(iterable, *, key, default)` / `min(a, b, *rest, key)`
pub fn builtin_min(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    min_max(vm, args, kw, "min", CMP_LT)
}

/// `max(iterable, *, key, default)` / `max(a, b, *rest, key)`
pub fn builtin_max(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    min_max(vm, args, kw, "max", CMP_GT)
}

/// `sum(iterable, /, start=0)`
pub fn builtin_sum(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(format!(
            "sum() takes at least 1 positional argument ({} given)",
            args.len()
        )));
    }
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let [start_kw] = args::kwonly("sum", kw, ["start"])?;
    let start = args.get(1).cloned().or(start_kw).unwrap_or(Value::Int(0));
    match &start {
        Value::Str(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ))
        }
        Value::Bytes(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ))
        }
        _ => {}
    }
    if let Value::Range(r) = &args[0] {
        if let (Value::Int(s), None) = (&start, &r.big) {
            if let Some(total) = range_sum(r.start, r.step, r.exact_len(), *s) {
                return Ok(total);
            }
        }
    }
    let mut acc = start;
    if let Value::List(_) | Value::Tuple(_) = &args[0] {
        return sum_sequence(vm, &args[0], acc);
    }
    let it = vm.get_iter(&args[0])?;
    let mut n: u64 = 0;
    while let Some(x) = vm.next(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(ArithOp::Add, &acc, &x)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary_op(ArithOp::Add, &acc, &x)?,
        };
        n += 1;
        if n.is_multiple_of(1024) {
            vm.charge(1024)?;
        }
    }
    Ok(acc)
}

/// `sum` over a list or tuple: a native loop while the items are ints
/// or floats, then item by item (the list may change under `__add__`).
fn sum_sequence(vm: &mut Vm, seq: &Value, start: Value) -> RunResult<Value> {
    let item = |i: usize| match seq {
        Value::List(l) => l.items.borrow().get(i).cloned(),
        Value::Tuple(t) => t.items.get(i).cloned(),
        _ => None,
    };
    let mut acc = start;
    let mut i = 0;
    {
        let list;
        let items: &[Value] = match seq {
            Value::List(l) => {
                list = l.items.borrow();
                &list
            }
            Value::Tuple(t) => &t.items,
            _ => &[],
        };
        while let Some(x) = items.get(i) {
            acc = match (&acc, x) {
                (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                    Some(s) => Value::Int(s),
                    None => break,
                },
                (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
                (Value::Float(a), Value::Int(b)) => Value::Float(a + *b as f64),
                _ => break,
            };
            i += 1;
        }
    }
    vm.charge(i as u64 / 4)?;
    while let Some(x) = item(i) {
        acc = vm.binary_op(ArithOp::Add, &acc, &x)?;
        i += 1;
        if i.is_multiple_of(1024) {
            vm.charge(1024)?;
        }
    }
    Ok(acc)
}

/// The sum of an arithmetic progression plus `start`, when it fits.
fn range_sum(first: i64, step: i64, len: i128, start: i64) -> Option<Value> {
    let (a, d, n) = (first as i128, step as i128, len);
    let total = n
        .checked_mul(a)?
        .checked_add(d.checked_mul(n.checked_mul(n - 1)? / 2)?)?;
    let total = total.checked_add(start as i128)?;
    Some(Value::from_bigint(num_bigint::BigInt::from(total)))
}

/// `any(iterable)`
pub fn builtin_any(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("any", kw)?;
    let v = args::one("any", args)?;
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// `all(iterable)`
pub fn builtin_all(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("all", kw)?;
    let v = args::one("all", args)?;
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// === iter(callable, sentinel) ===

/// The native class of `iter(f, sentinel)` objects, created on first use
/// and kept in the `iterator` class dict.
fn callable_iterator(vm: &mut Vm, f: &Value, sentinel: &Value) -> RunResult<Value> {
    if !super::reflect::is_callable(vm, f) {
        return Err(PyErr::type_error("iter(v, w): v must be callable"));
    }
    let cls = super::reflect::native_class(
        vm,
        "callable_iterator",
        &[
            ("__iter__", callable_iter_iter),
            ("__next__", callable_iter_next),
        ],
    );
    let obj = super::reflect::new_native_instance(vm, &cls);
    if let Value::Instance(inst) = &obj {
        let fk = vm.intern("_func");
        let sk = vm.intern("_sentinel");
        inst.set(&fk, f.clone());
        inst.set(&sk, sentinel.clone());
    }
    Ok(obj)
}

fn callable_iter_iter(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn callable_iter_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let Some(Value::Instance(inst)) = args.first() else {
        return Err(PyErr::type_error("callable_iterator expected"));
    };
    let fk = vm.intern("_func");
    let sk = vm.intern("_sentinel");
    let (f, s) = (inst.get(&fk), inst.get(&sk));
    let (Some(f), Some(s)) = (f, s) else {
        return Err(PyErr::stop_iteration());
    };
    let v = vm.call_value(&f, &[], &[])?;
    if vm.eq(&v, &s)? {
        let fk2 = vm.intern("_func");
        inst.remove(&fk2);
        return Err(PyErr::with_args(ExcKind::StopIteration, vec![]));
    }
    Ok(v)
}
