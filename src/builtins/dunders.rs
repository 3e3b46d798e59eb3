//! The special methods of the builtin types (`(5).__add__(3)`,
//! `dict.__getitem__(d, k)`, `list.__len__`, `super().__eq__(other)` on a
//! builtin value...), as CPython's slot wrappers: each calls the VM's own
//! operation, after CPython's type rules. A binary number or container
//! method given an operand of another kind returns `NotImplemented` (as
//! `int.__add__(1, 1.5)` does); a sequence's `+`/`*` raise CPython's
//! `TypeError` instead.
//!
//! Every type here is handled natively by the VM's operations, which never
//! look these entries up, so the operators themselves do not go through
//! them and cost nothing more.

use std::rc::Rc;

use super::args;
use crate::bytecode::opcode::{CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE};
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num::ArithOp;
use crate::runtime::value::{Class, NativeFn, Value};
use crate::vm::Vm;

type Args<'a> = &'a [Value];
type Kw<'a> = &'a [(Value, Value)];

/// The kinds of builtin value the rules tell apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Other,
}

fn kind(v: &Value) -> Kind {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Kind::Int,
        Value::Float(_) => Kind::Float,
        Value::Str(_) => Kind::Str,
        Value::Bytes(_) => Kind::Bytes,
        Value::List(_) => Kind::List,
        Value::Tuple(_) => Kind::Tuple,
        Value::Dict(_) => Kind::Dict,
        Value::Set(_) | Value::FrozenSet(_) => Kind::Set,
        Value::Range(_) => Kind::Range,
        _ => Kind::Other,
    }
}

/// `self` and the one other argument of a binary method.
fn pair<'a>(name: &str, args: Args<'a>, kw: Kw) -> RunResult<(&'a Value, &'a Value)> {
    args::no_kw(name, kw)?;
    match args {
        [a, b] => Ok((a, b)),
        [] => Err(PyErr::type_error(format!(
            "descriptor '{name}' needs an argument"
        ))),
        _ => Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            args.len() - 1
        ))),
    }
}

/// `self` of a method without arguments.
fn alone<'a>(name: &str, args: Args<'a>, kw: Kw) -> RunResult<&'a Value> {
    args::no_kw(name, kw)?;
    match args {
        [a] => Ok(a),
        [] => Err(PyErr::type_error(format!(
            "descriptor '{name}' needs an argument"
        ))),
        _ => Err(PyErr::type_error(format!(
            "expected 0 arguments, got {}",
            args.len() - 1
        ))),
    }
}

/// Whether `a`'s type implements `op` with an operand like `b` (else the
/// method returns `NotImplemented`, and the other operand gets its turn).
fn arith_accepts(op: ArithOp, a: Kind, b: Kind) -> bool {
    use ArithOp::*;
    match a {
        Kind::Int => b == Kind::Int,
        Kind::Float => {
            matches!(b, Kind::Int | Kind::Float) && !matches!(op, LShift | RShift | And | Or | Xor)
        }
        Kind::Set => b == Kind::Set && matches!(op, Sub | And | Or | Xor),
        Kind::Dict => b == Kind::Dict && op == Or,
        // str/bytes %: any right operand; sequence + and *: always tried,
        // so the TypeError is the operator's own.
        Kind::Str | Kind::Bytes => matches!(op, Add | Mul | Mod),
        Kind::List | Kind::Tuple => matches!(op, Add | Mul),
        _ => false,
    }
}

fn arith(
    vm: &mut Vm,
    name: &str,
    op: ArithOp,
    reflected: bool,
    args: Args,
    kw: Kw,
) -> RunResult<Value> {
    let (a, b) = pair(name, args, kw)?;
    let (ka, kb) = (kind(a), kind(b));
    if reflected && matches!(ka, Kind::Str | Kind::Bytes | Kind::List | Kind::Tuple) {
        // Only `*` is reflected for sequences (`3 * 'ab'`).
        if op != ArithOp::Mul || kb != Kind::Int {
            return Ok(Value::NotImplemented);
        }
        return vm.binary_op(op, a, b);
    }
    if !arith_accepts(op, ka, kb) {
        return Ok(Value::NotImplemented);
    }
    if matches!(ka, Kind::Str | Kind::Bytes | Kind::List | Kind::Tuple)
        && op == ArithOp::Mul
        && kb != Kind::Int
    {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.types.type_name(b)
        )));
    }
    if reflected {
        vm.binary_op(op, b, a)
    } else {
        vm.binary_op(op, a, b)
    }
}

/// Whether `a`'s type compares itself with values like `b`.
fn compare_accepts(op: u32, a: Kind, b: Kind) -> bool {
    match a {
        Kind::Int => b == Kind::Int,
        Kind::Float => matches!(b, Kind::Int | Kind::Float),
        Kind::Dict | Kind::Range => b == a && (op == CMP_EQ || op == CMP_NE),
        Kind::Other => false,
        _ => b == a,
    }
}

fn compare(vm: &mut Vm, name: &str, op: u32, args: Args, kw: Kw) -> RunResult<Value> {
    let (a, b) = pair(name, args, kw)?;
    if !compare_accepts(op, kind(a), kind(b)) {
        return Ok(Value::NotImplemented);
    }
    vm.compare(op, a, b)
}

macro_rules! arith_methods {
    ($($f:ident, $rf:ident, $name:literal, $rname:literal, $op:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
                arith(vm, $name, $op, false, args, kw)
            }
            fn $rf(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
                arith(vm, $rname, $op, true, args, kw)
            }
        )*
    };
}

arith_methods! {
    d_add, d_radd, "__add__", "__radd__", ArithOp::Add;
    d_sub, d_rsub, "__sub__", "__rsub__", ArithOp::Sub;
    d_mul, d_rmul, "__mul__", "__rmul__", ArithOp::Mul;
    d_truediv, d_rtruediv, "__truediv__", "__rtruediv__", ArithOp::TrueDiv;
    d_floordiv, d_rfloordiv, "__floordiv__", "__rfloordiv__", ArithOp::FloorDiv;
    d_mod, d_rmod, "__mod__", "__rmod__", ArithOp::Mod;
    d_lshift, d_rlshift, "__lshift__", "__rlshift__", ArithOp::LShift;
    d_rshift, d_rrshift, "__rshift__", "__rrshift__", ArithOp::RShift;
    d_and, d_rand, "__and__", "__rand__", ArithOp::And;
    d_or, d_ror, "__or__", "__ror__", ArithOp::Or;
    d_xor, d_rxor, "__xor__", "__rxor__", ArithOp::Xor;
}

macro_rules! compare_methods {
    ($($f:ident, $name:literal, $op:expr;)*) => {
        $(fn $f(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
            compare(vm, $name, $op, args, kw)
        })*
    };
}

compare_methods! {
    d_eq, "__eq__", CMP_EQ;
    d_ne, "__ne__", CMP_NE;
    d_lt, "__lt__", CMP_LT;
    d_le, "__le__", CMP_LE;
    d_gt, "__gt__", CMP_GT;
    d_ge, "__ge__", CMP_GE;
}

/// `__pow__(other, mod=None)` and `__rpow__`: numbers only.
fn d_pow(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    if args.len() == 3 {
        let accepted = kind(&args[0]) == Kind::Int && kind(&args[1]) == Kind::Int;
        if !accepted || !matches!(&args[2], Value::None) && kind(&args[2]) != Kind::Int {
            return Ok(Value::NotImplemented);
        }
        return super::numeric::builtin_pow(vm, args, kw);
    }
    arith(vm, "__pow__", ArithOp::Pow, false, args, kw)
}

fn d_rpow(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    arith(vm, "__rpow__", ArithOp::Pow, true, args, kw)
}

/// `__divmod__` / `__rdivmod__`: numbers only.
fn d_divmod(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let (a, b) = pair("__divmod__", args, kw)?;
    if !arith_accepts(ArithOp::FloorDiv, kind(a), kind(b)) || kind(a) == Kind::Set {
        return Ok(Value::NotImplemented);
    }
    super::numeric::builtin_divmod(vm, &[a.clone(), b.clone()], &[])
}

fn d_rdivmod(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let (a, b) = pair("__rdivmod__", args, kw)?;
    if !arith_accepts(ArithOp::FloorDiv, kind(a), kind(b)) || kind(a) == Kind::Set {
        return Ok(Value::NotImplemented);
    }
    super::numeric::builtin_divmod(vm, &[b.clone(), a.clone()], &[])
}

fn d_neg(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__neg__", args, kw)?;
    vm.neg(a)
}

fn d_pos(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__pos__", args, kw)?;
    vm.pos(a)
}

fn d_invert(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__invert__", args, kw)?;
    vm.invert(a)
}

fn d_abs(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    alone("__abs__", args, kw)?;
    super::numeric::builtin_abs(vm, args, &[])
}

fn d_bool(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__bool__", args, kw)?;
    Ok(Value::Bool(vm.truthy(a)?))
}

fn d_index(_vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__index__", args, kw)?;
    Ok(match a {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    })
}

/// `int.__int__`, `__trunc__`, `__floor__`, `__ceil__`, `__round__()`: the
/// int itself (a bool's is the plain int).
fn d_int_self(_vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    Ok(match args.first() {
        Some(Value::Bool(b)) => Value::Int(*b as i64),
        Some(other) => other.clone(),
        None => return Err(PyErr::type_error("descriptor needs an argument")),
    })
}

fn d_int(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__int__", args, kw)?;
    match a {
        Value::Float(f) => super::numeric::float_to_int(*f),
        _ => d_int_self(vm, args, kw),
    }
}

fn d_float(_vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__float__", args, kw)?;
    match a {
        Value::Float(f) => Ok(Value::Float(*f)),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::BigInt(b) => crate::runtime::num::bigint_to_f64(b).map(Value::Float),
        _ => Err(PyErr::type_error("descriptor '__float__' needs a number")),
    }
}

/// `float.__trunc__`/`__floor__`/`__ceil__` through `math`'s rules.
fn float_round_with(
    vm: &mut Vm,
    args: Args,
    kw: Kw,
    name: &str,
    f: fn(f64) -> f64,
) -> RunResult<Value> {
    let a = alone(name, args, kw)?;
    match a {
        Value::Float(x) => super::numeric::float_to_int(f(*x)),
        _ => d_int_self(vm, args, kw),
    }
}

fn d_trunc(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    float_round_with(vm, args, kw, "__trunc__", f64::trunc)
}

fn d_floor(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    float_round_with(vm, args, kw, "__floor__", f64::floor)
}

fn d_ceil(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    float_round_with(vm, args, kw, "__ceil__", f64::ceil)
}

fn d_round(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    super::numeric::builtin_round(vm, args, kw)
}

fn d_hash(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__hash__", args, kw)?;
    Ok(Value::Int(vm.hash(a)?))
}

fn d_repr(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__repr__", args, kw)?;
    let s = vm.repr(a)?;
    Ok(Value::string(s))
}

fn d_str(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__str__", args, kw)?;
    if let Value::Str(_) = a {
        return Ok(a.clone());
    }
    let s = vm.to_str(a)?;
    Ok(Value::string(s))
}

fn d_len(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__len__", args, kw)?;
    let n = vm.len(a)?;
    Ok(Value::Int(n as i64))
}

fn d_iter(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__iter__", args, kw)?;
    vm.get_iter(a)
}

fn d_contains(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let (a, b) = pair("__contains__", args, kw)?;
    Ok(Value::Bool(vm.contains(a, b)?))
}

fn d_getitem(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let (a, b) = pair("__getitem__", args, kw)?;
    vm.getitem(a, b)
}

fn d_setitem(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    args::no_kw("__setitem__", kw)?;
    match args {
        [a, k, v] => {
            vm.setitem(a, k.clone(), v.clone())?;
            Ok(Value::None)
        }
        _ => Err(PyErr::type_error(format!(
            "expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        ))),
    }
}

fn d_delitem(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let (a, b) = pair("__delitem__", args, kw)?;
    vm.delitem(a, b)?;
    Ok(Value::None)
}

/// `iterator.__next__`: the next item, or `StopIteration`.
fn d_next(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let a = alone("__next__", args, kw)?;
    match vm.next(a)? {
        Some(v) => Ok(v),
        None => Err(PyErr::with_args(
            crate::runtime::exc::ExcKind::StopIteration,
            Vec::new(),
        )),
    }
}

/// `iterator.__iter__`: the iterator itself.
fn d_self(_vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    Ok(alone("__iter__", args, kw)?.clone())
}

/// `list.__iadd__` (extend, any iterable) and `dict.__ior__` (update).
fn d_iadd(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let (a, b) = pair("__iadd__", args, kw)?;
    vm.inplace_op(ArithOp::Add, a, b)
}

fn d_imul(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let (a, b) = pair("__imul__", args, kw)?;
    vm.inplace_op(ArithOp::Mul, a, b)
}

fn d_ior(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    let (a, b) = pair("__ior__", args, kw)?;
    vm.inplace_op(ArithOp::Or, a, b)
}

const COMPARE: &[(&str, NativeFn)] = &[
    ("__eq__", d_eq),
    ("__ne__", d_ne),
    ("__lt__", d_lt),
    ("__le__", d_le),
    ("__gt__", d_gt),
    ("__ge__", d_ge),
];

const NUMBER: &[(&str, NativeFn)] = &[
    ("__add__", d_add),
    ("__radd__", d_radd),
    ("__sub__", d_sub),
    ("__rsub__", d_rsub),
    ("__mul__", d_mul),
    ("__rmul__", d_rmul),
    ("__truediv__", d_truediv),
    ("__rtruediv__", d_rtruediv),
    ("__floordiv__", d_floordiv),
    ("__rfloordiv__", d_rfloordiv),
    ("__mod__", d_mod),
    ("__rmod__", d_rmod),
    ("__pow__", d_pow),
    ("__rpow__", d_rpow),
    ("__divmod__", d_divmod),
    ("__rdivmod__", d_rdivmod),
    ("__neg__", d_neg),
    ("__pos__", d_pos),
    ("__abs__", d_abs),
    ("__bool__", d_bool),
    ("__int__", d_int),
    ("__float__", d_float),
    ("__trunc__", d_trunc),
    ("__floor__", d_floor),
    ("__ceil__", d_ceil),
    ("__round__", d_round),
    ("__hash__", d_hash),
    ("__repr__", d_repr),
];

const INT_ONLY: &[(&str, NativeFn)] = &[
    ("__lshift__", d_lshift),
    ("__rlshift__", d_rlshift),
    ("__rshift__", d_rshift),
    ("__rrshift__", d_rrshift),
    ("__and__", d_and),
    ("__rand__", d_rand),
    ("__or__", d_or),
    ("__ror__", d_ror),
    ("__xor__", d_xor),
    ("__rxor__", d_rxor),
    ("__invert__", d_invert),
    ("__index__", d_index),
];

const CONTAINER: &[(&str, NativeFn)] = &[
    ("__len__", d_len),
    ("__iter__", d_iter),
    ("__contains__", d_contains),
    ("__repr__", d_repr),
];

const SEQUENCE: &[(&str, NativeFn)] = &[("__getitem__", d_getitem)];

const CONCAT: &[(&str, NativeFn)] = &[("__add__", d_add), ("__mul__", d_mul), ("__rmul__", d_rmul)];

const MUTABLE: &[(&str, NativeFn)] = &[("__setitem__", d_setitem), ("__delitem__", d_delitem)];

const HASHABLE: &[(&str, NativeFn)] = &[("__hash__", d_hash)];

const TEXT: &[(&str, NativeFn)] = &[("__mod__", d_mod), ("__rmod__", d_rmod), ("__str__", d_str)];

const LIST_INPLACE: &[(&str, NativeFn)] = &[("__iadd__", d_iadd), ("__imul__", d_imul)];

const SET_OPS: &[(&str, NativeFn)] = &[
    ("__or__", d_or),
    ("__ror__", d_ror),
    ("__and__", d_and),
    ("__rand__", d_rand),
    ("__sub__", d_sub),
    ("__rsub__", d_rsub),
    ("__xor__", d_xor),
    ("__rxor__", d_rxor),
];

const ITERATOR: &[(&str, NativeFn)] = &[("__next__", d_next), ("__iter__", d_self)];

const DICT_OPS: &[(&str, NativeFn)] = &[("__or__", d_or), ("__ror__", d_ror), ("__ior__", d_ior)];

fn put(vm: &mut Vm, cls: &Rc<Class>, table: &[(&'static str, NativeFn)]) {
    for &(name, f) in table {
        let key = vm.intern(name);
        // A type's own method (e.g. `dict.__contains__` from its method
        // table) stays.
        if cls.dict.borrow().get_str(&key).is_some() {
            continue;
        }
        cls.dict
            .borrow_mut()
            .set_str(key, super::native(name, f, name));
    }
}

/// Installs the special methods on the builtin types.
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let (int, float, str_, bytes) = (
        t.int.clone(),
        t.float.clone(),
        t.str_.clone(),
        t.bytes.clone(),
    );
    let (list, tuple, dict) = (t.list.clone(), t.tuple.clone(), t.dict.clone());
    let (set, frozenset, range) = (t.set.clone(), t.frozenset.clone(), t.range.clone());
    for cls in [&int, &float] {
        put(vm, cls, NUMBER);
        put(vm, cls, COMPARE);
    }
    put(vm, &int, INT_ONLY);
    for cls in [&str_, &bytes, &list, &tuple] {
        put(vm, cls, CONTAINER);
        put(vm, cls, SEQUENCE);
        put(vm, cls, CONCAT);
        put(vm, cls, COMPARE);
    }
    for cls in [&str_, &bytes] {
        put(vm, cls, TEXT);
    }
    for cls in [&str_, &bytes, &tuple, &frozenset] {
        put(vm, cls, HASHABLE);
    }
    put(vm, &list, MUTABLE);
    put(vm, &list, LIST_INPLACE);
    put(vm, &dict, CONTAINER);
    put(vm, &dict, SEQUENCE);
    put(vm, &dict, MUTABLE);
    put(vm, &dict, COMPARE);
    put(vm, &dict, DICT_OPS);
    for cls in [&set, &frozenset] {
        put(vm, cls, CONTAINER);
        put(vm, cls, COMPARE);
        put(vm, cls, SET_OPS);
    }
    put(vm, &range, CONTAINER);
    put(vm, &range, SEQUENCE);
    put(vm, &range, COMPARE);
    put(vm, &range, HASHABLE);
    // Mutable containers are unhashable: their `__hash__` is None.
    for cls in [&list, &dict, &set] {
        let key = vm.intern("__hash__");
        cls.dict.borrow_mut().set_str(key, Value::None);
    }
    for cls in vm.types.iters.clone() {
        put(vm, &cls, ITERATOR);
    }
}
