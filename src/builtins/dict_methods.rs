//! The methods of `dict`, and the `dict_keys`/`dict_values`/`dict_items`
//! views: native-class instances holding the dict (under `mapping`), so
//! they stay live (`len`, iteration and `in` see later changes) and print
//! as `dict_keys([...])`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num::ArithOp;
use crate::runtime::value::{IterKind, IterState, NativeFn, PyDict, PySet, Value};
use crate::vm::ops::iter::make_iter;
use crate::vm::Vm;

use super::args;
use super::reflect::{native_class, native_field, new_native_instance};

macro_rules! table {
    ($ty:literal; $($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!($ty, ".", $name)),)*]
    };
}

const DICT_METHODS: &[(&str, NativeFn, &str)] = table!("dict";
    "clear" => dict_clear,
    "copy" => dict_copy,
    "get" => dict_get,
    "items" => dict_items,
    "keys" => dict_keys,
    "pop" => dict_pop,
    "popitem" => dict_popitem,
    "setdefault" => dict_setdefault,
    "update" => dict_update,
    "values" => dict_values,
);

/// Installs the `dict` methods.
pub fn install(vm: &mut Vm) {
    let cls = vm.types.dict.clone();
    super::install_methods(vm, &cls, DICT_METHODS);
    super::install_classmethod(vm, &cls, "fromkeys", dict_fromkeys, "dict.fromkeys");
}

/// The dict of a method call, and the remaining arguments.
fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> RunResult<(&'a Rc<PyDict>, &'a [Value])> {
    match args.first() {
        Some(Value::Dict(d)) => Ok((d, &args[1..])),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'dict' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of 'dict' object needs an argument",
            name
        ))),
    }
}

/// `d.get(key, default=None)`
fn dict_get(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, rest) = this(vm, "get", args)?;
    args::no_kw("get", kw)?;
    args::count("get", rest, 1, 2)?;
    match vm.dict_get(d, &rest[0])? {
        Some(v) => Ok(v),
        None => Ok(rest.get(1).cloned().unwrap_or(Value::None)),
    }
}

/// `d.setdefault(key, default=None)`
fn dict_setdefault(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, rest) = this(vm, "setdefault", args)?;
    args::no_kw("setdefault", kw)?;
    args::count("setdefault", rest, 1, 2)?;
    let key = &rest[0];
    let h = vm.hash(key)?;
    if let Some(ix) = vm.dict_find(d, h, key)? {
        return Ok(d.d.borrow().value_at(ix).clone());
    }
    let v = rest.get(1).cloned().unwrap_or(Value::None);
    d.d.borrow_mut().insert_new(h, key.clone(), v.clone());
    Ok(v)
}

/// `d.pop(key[, default])`
fn dict_pop(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, rest) = this(vm, "pop", args)?;
    args::no_kw("pop", kw)?;
    args::count("pop", rest, 1, 2)?;
    match vm.dict_del(d, &rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(PyErr::key_error(rest[0].clone())),
        },
    }
}

/// `d.popitem()`
fn dict_popitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, rest) = this(vm, "popitem", args)?;
    args::none("dict.popitem", rest)?;
    let last = d.d.borrow_mut().pop_last();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(PyErr::key_error(Value::str(
            "popitem(): dictionary is empty",
        ))),
    }
}

/// `d.update([other], **kw)`, also behind `d |= other`.
pub fn dict_update(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, rest) = this(vm, "update", args)?;
    args::count("update", rest, 0, 1)?;
    let d = d.clone();
    if let Some(src) = rest.first() {
        update_from(vm, &d, src)?;
    }
    for (k, v) in kw {
        vm.dict_set(&d, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

/// Adds the items of a mapping or of an iterable of pairs to `d`
/// (`dict(x)`, `d.update(x)`), with CPython's errors.
pub fn update_from(vm: &mut Vm, d: &Rc<PyDict>, src: &Value) -> RunResult<()> {
    if let Value::Dict(s) = src {
        if d.d.borrow().is_empty() {
            let copy = s.d.borrow().clone();
            vm.charge(copy.len() as u64 / 4)?;
            *d.d.borrow_mut() = copy;
            return Ok(());
        }
        let entries: Vec<(Value, Value)> =
            s.d.borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
        vm.charge(entries.len() as u64)?;
        for (k, v) in entries {
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    if let Value::Instance(_) = src {
        let keys_name = vm.intern("keys");
        if let Some(keys) = vm.get_attr_opt(src, &keys_name)? {
            let ks = vm.call_value(&keys, &[], &[])?;
            for k in vm.collect(&ks)? {
                let v = vm.getitem(src, &k)?;
                vm.dict_set(d, k, v)?;
            }
            return Ok(());
        }
    }
    let it = vm.get_iter(src)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = match &item {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.items.borrow().clone(),
            other => match vm.get_iter(other) {
                Ok(inner) => {
                    let mut v = Vec::with_capacity(2);
                    while let Some(x) = vm.next(&inner)? {
                        v.push(x);
                    }
                    v
                }
                Err(_) => {
                    return Err(PyErr::type_error(format!(
                        "cannot convert dictionary update sequence element #{} to a sequence",
                        i
                    )))
                }
            },
        };
        let [k, v] = <[Value; 2]>::try_from(pair).map_err(|p| {
            PyErr::value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                p.len()
            ))
        })?;
        vm.dict_set(d, k, v)?;
        i += 1;
    }
    Ok(())
}

/// `d.copy()`
fn dict_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, rest) = this(vm, "copy", args)?;
    args::none("dict.copy", rest)?;
    let copy = d.d.borrow().clone();
    vm.charge(copy.len() as u64 / 4)?;
    Ok(Value::Dict(Rc::new(PyDict {
        d: RefCell::new(copy),
    })))
}

/// `d.clear()`
fn dict_clear(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, rest) = this(vm, "clear", args)?;
    args::none("dict.clear", rest)?;
    d.d.borrow_mut().clear();
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`
fn dict_fromkeys(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = args::classmethod_args(args);
    args::no_kw("fromkeys", kw)?;
    args::count("fromkeys", rest, 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let d = Rc::new(PyDict::default());
    let it = vm.get_iter(&rest[0])?;
    while let Some(k) = vm.next(&it)? {
        vm.dict_set(&d, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}

// === views ===

const VIEW_NAMES: [&str; 3] = ["dict_keys", "dict_values", "dict_items"];

const VIEW_METHODS: &[(&str, NativeFn)] = &[
    ("__and__", view_and),
    ("__contains__", view_contains),
    ("__eq__", view_eq),
    ("__ge__", view_ge),
    ("__gt__", view_gt),
    ("__iter__", view_iter),
    ("__le__", view_le),
    ("__len__", view_len),
    ("__lt__", view_lt),
    ("__or__", view_or),
    ("__rand__", view_rand),
    ("__repr__", view_repr),
    ("__reversed__", view_reversed),
    ("__ror__", view_ror),
    ("__rsub__", view_rsub),
    ("__rxor__", view_rxor),
    ("__sub__", view_sub),
    ("__xor__", view_xor),
    ("isdisjoint", view_isdisjoint),
];

fn make_view(vm: &mut Vm, args: &[Value], kind: usize) -> RunResult<Value> {
    let name = ["keys", "values", "items"][kind];
    let (d, rest) = this(vm, name, args)?;
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!(
            "dict.{}() takes no arguments ({} given)",
            name,
            rest.len()
        )));
    }
    let d = d.clone();
    let cls = native_class(vm, VIEW_NAMES[kind], VIEW_METHODS);
    let obj = new_native_instance(vm, &cls);
    if let Value::Instance(inst) = &obj {
        let key = vm.intern("mapping");
        inst.set(&key, Value::Dict(d));
    }
    Ok(obj)
}

fn dict_keys(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    make_view(vm, args, 0)
}

fn dict_values(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    make_view(vm, args, 1)
}

fn dict_items(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    make_view(vm, args, 2)
}

/// The dict and kind (0 keys, 1 values, 2 items) of a view.
fn view_parts(vm: &mut Vm, v: &Value) -> Option<(Rc<PyDict>, u8)> {
    let Value::Instance(inst) = v else {
        return None;
    };
    let kind = VIEW_NAMES
        .iter()
        .position(|n| *n == inst.class.name.as_str())? as u8;
    match native_field(vm, v, "mapping") {
        Some(Value::Dict(d)) => Some((d, kind)),
        _ => None,
    }
}

fn view_self(vm: &mut Vm, args: &[Value]) -> RunResult<(Rc<PyDict>, u8)> {
    args.first()
        .and_then(|v| view_parts(vm, v))
        .ok_or_else(|| PyErr::type_error("dict view expected"))
}

/// The items a view yields, as a snapshot.
fn view_items(d: &PyDict, kind: u8) -> Vec<Value> {
    let t = d.d.borrow();
    match kind {
        0 => t.keys(),
        1 => t.values(),
        _ => t
            .iter()
            .map(|e| Value::tuple(vec![e.key.clone(), e.value.clone()]))
            .collect(),
    }
}

fn view_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, kind) = view_self(vm, args)?;
    let len = d.d.borrow().len();
    Ok(make_iter(IterState::Dict {
        dict: d,
        index: 0,
        kind,
        len,
    }))
}

fn view_reversed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, kind) = view_self(vm, args)?;
    let mut items = view_items(&d, kind);
    items.reverse();
    let kind = match kind {
        0 => IterKind::DictReverseKeys,
        1 => IterKind::DictReverseValues,
        _ => IterKind::DictReverseItems,
    };
    Ok(super::iter::reversed_of(items, kind))
}

fn view_len(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, _) = view_self(vm, args)?;
    let n = d.d.borrow().len();
    Ok(Value::Int(n as i64))
}

fn view_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, kind) = view_self(vm, args)?;
    let items = Value::list(view_items(&d, kind));
    let inner = vm.repr(&items)?;
    Ok(Value::string(format!(
        "{}({})",
        VIEW_NAMES[kind as usize], inner
    )))
}

fn view_contains(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (d, kind) = view_self(vm, args)?;
    args::count("__contains__", &args[1..], 1, 1)?;
    let x = &args[1];
    let found = match kind {
        0 => vm.dict_get(&d, x)?.is_some(),
        1 => {
            let mut found = false;
            for v in view_items(&d, 1) {
                if v.is(x) || vm.eq(&v, x)? {
                    found = true;
                    break;
                }
            }
            found
        }
        _ => match x {
            Value::Tuple(t) if t.items.len() == 2 => match vm.dict_get(&d, &t.items[0])? {
                Some(v) => v.is(&t.items[1]) || vm.eq(&v, &t.items[1])?,
                None => false,
            },
            _ => false,
        },
    };
    Ok(Value::Bool(found))
}

/// A set of a view's items (keys/items views) for comparisons and set ops.
fn view_as_set(vm: &mut Vm, v: &Value) -> RunResult<Option<Value>> {
    if let Some((d, kind)) = view_parts(vm, v) {
        if kind == 1 {
            return Ok(None);
        }
        if kind == 0 {
            // CPython builds set(view) of keys from the dict itself.
            let t = super::types::set_table_from(vm, &Value::Dict(d))?;
            return Ok(Some(Value::Set(Rc::new(PySet { s: RefCell::new(t) }))));
        }
        let s = Rc::new(PySet::default());
        for item in view_items(&d, kind) {
            vm.set_add(&s, item)?;
        }
        return Ok(Some(Value::Set(s)));
    }
    Ok(match v {
        Value::Set(_) | Value::FrozenSet(_) => Some(v.clone()),
        _ => None,
    })
}

fn view_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("__eq__", args, 2, 2)?;
    let (Some(a), Some(b)) = (view_as_set(vm, &args[0])?, view_as_set(vm, &args[1])?) else {
        return Ok(Value::Bool(args[0].is(&args[1])));
    };
    Ok(Value::Bool(vm.eq(&a, &b)?))
}

/// An ordering comparison of two keys/items views or sets (subset tests).
fn view_cmp(vm: &mut Vm, args: &[Value], op: u32) -> RunResult<Value> {
    args::count("__cmp__", args, 2, 2)?;
    let (Some(a), Some(b)) = (view_as_set(vm, &args[0])?, view_as_set(vm, &args[1])?) else {
        return Ok(Value::NotImplemented);
    };
    vm.compare(op, &a, &b)
}

fn view_lt(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_cmp(vm, args, crate::bytecode::opcode::CMP_LT)
}

fn view_le(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_cmp(vm, args, crate::bytecode::opcode::CMP_LE)
}

fn view_gt(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_cmp(vm, args, crate::bytecode::opcode::CMP_GT)
}

fn view_ge(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_cmp(vm, args, crate::bytecode::opcode::CMP_GE)
}

fn view_setop(vm: &mut Vm, args: &[Value], op: ArithOp) -> RunResult<Value> {
    args::count("__op__", args, 2, 2)?;
    let Some(a) = view_as_set(vm, &args[0])? else {
        return Ok(Value::NotImplemented);
    };
    let other = match &args[1] {
        Value::Set(o) | Value::FrozenSet(o) => o.s.borrow().clone(),
        o => super::types::set_table_from(vm, o)?,
    };
    // CPython: set(view) updated in place (difference_update and
    // symmetric_difference_update), which fixes the iteration order.
    if let (Value::Set(dst), ArithOp::Sub | ArithOp::Xor) = (&a, op) {
        for k in other.keys() {
            if !vm.set_discard(dst, &k)? && op == ArithOp::Xor {
                vm.set_add(dst, k)?;
            }
        }
        return Ok(a);
    }
    let b = Value::Set(Rc::new(PySet {
        s: RefCell::new(other),
    }));
    Ok(super::set_methods::set_binop(vm, op, &a, &b)?.unwrap_or(Value::NotImplemented))
}

/// `other op view`: like CPython, a set copy of `other` updated in place
/// with the view's items (`&` goes through `view_intersect`).
fn view_rsetop(vm: &mut Vm, args: &[Value], op: ArithOp) -> RunResult<Value> {
    args::count("__rop__", args, 2, 2)?;
    if op == ArithOp::And {
        return view_intersect(vm, &args[0], &args[1]);
    }
    let Some(Value::Set(b)) = view_as_set(vm, &args[0])? else {
        return Ok(Value::NotImplemented);
    };
    let dst = PySet {
        s: RefCell::new(super::types::set_table_from(vm, &args[1])?),
    };
    let keys = b.s.borrow().keys();
    for k in keys {
        match op {
            ArithOp::Sub => {
                vm.set_discard(&dst, &k)?;
            }
            ArithOp::Xor => {
                if !vm.set_discard(&dst, &k)? {
                    vm.set_add(&dst, k)?;
                }
            }
            _ => vm.set_add(&dst, k)?,
        }
    }
    Ok(Value::Set(Rc::new(dst)))
}

/// `view & other` (CPython's `_PyDictView_Intersect`): iterate the view
/// when `other` is a set (not a frozenset) at least as large, else
/// iterate `other`.
fn view_intersect(vm: &mut Vm, view: &Value, other: &Value) -> RunResult<Value> {
    let Some((d, kind)) = view_parts(vm, view) else {
        return Ok(Value::NotImplemented);
    };
    let result = Rc::new(PySet::default());
    let mine = view_items(&d, kind);
    if let Value::Set(o) = other {
        if mine.len() <= o.s.borrow().len() {
            for k in mine {
                if vm.set_contains(o, &k)? {
                    vm.set_add(&result, k)?;
                }
            }
            return Ok(Value::Set(result));
        }
    }
    let it = vm.get_iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let found = view_contains(vm, &[view.clone(), x.clone()], &[])?;
        if vm.truthy(&found)? {
            vm.set_add(&result, x)?;
        }
    }
    Ok(Value::Set(result))
}

fn view_rand(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_rsetop(vm, args, crate::runtime::num::ArithOp::And)
}

fn view_ror(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_rsetop(vm, args, crate::runtime::num::ArithOp::Or)
}

fn view_rsub(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_rsetop(vm, args, crate::runtime::num::ArithOp::Sub)
}

fn view_rxor(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_rsetop(vm, args, crate::runtime::num::ArithOp::Xor)
}

fn view_and(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("__and__", args, 2, 2)?;
    view_intersect(vm, &args[0], &args[1])
}

fn view_or(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_setop(vm, args, crate::runtime::num::ArithOp::Or)
}

fn view_sub(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_setop(vm, args, crate::runtime::num::ArithOp::Sub)
}

fn view_xor(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    view_setop(vm, args, crate::runtime::num::ArithOp::Xor)
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let r = view_setop(vm, args, crate::runtime::num::ArithOp::And)?;
    let n = match &r {
        Value::Set(s) | Value::FrozenSet(s) => s.s.borrow().len(),
        _ => 0,
    };
    Ok(Value::Bool(n == 0))
}
