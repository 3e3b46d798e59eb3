//! The constructors of the builtin types, installed as `__new__` in each
//! class dict: `vm.instantiate` calls them with the class first, so
//! `int("7")` arrives here as `(int, "7")`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num;
use crate::runtime::set::SetTable;
use crate::runtime::value::{
    Class, Instance, IterKind, NativeFn, PyDict, PyRange, PySet, PySlice, Special, Value,
};
use crate::vm::ops::attr::class_lookup;
use crate::vm::ops::is_subclass;
use crate::vm::Vm;

use super::args;

/// (class selector, constructor, qualname) for every constructible type.
type Ctor = (fn(&crate::vm::Types) -> &Rc<Class>, NativeFn, &'static str);

const CONSTRUCTORS: &[Ctor] = &[
    (|t| &t.bool_, bool_new, "bool.__new__"),
    (|t| &t.bytes, bytes_new, "bytes.__new__"),
    (|t| &t.classmethod, classmethod_new, "classmethod.__new__"),
    (|t| &t.dict, dict_new, "dict.__new__"),
    (|t| &t.float, float_new, "float.__new__"),
    (|t| &t.frozenset, frozenset_new, "frozenset.__new__"),
    (|t| &t.int, int_new, "int.__new__"),
    (|t| &t.list, list_new, "list.__new__"),
    (|t| &t.object, object_new, "object.__new__"),
    (|t| &t.property, property_new, "property.__new__"),
    (|t| &t.range, range_new, "range.__new__"),
    (|t| &t.set, set_new, "set.__new__"),
    (|t| &t.slice, slice_new, "slice.__new__"),
    (
        |t| &t.staticmethod,
        staticmethod_new,
        "staticmethod.__new__",
    ),
    (|t| &t.str_, str_new, "str.__new__"),
    (|t| &t.super_, super_new, "super.__new__"),
    (|t| &t.tuple, tuple_new, "tuple.__new__"),
    (|t| &t.type_, type_new, "type.__new__"),
    (
        |t| &t.iters[IterKind::Enumerate as usize],
        enumerate_new,
        "enumerate.__new__",
    ),
    (
        |t| &t.iters[IterKind::Filter as usize],
        filter_new,
        "filter.__new__",
    ),
    (|t| &t.iters[IterKind::Map as usize], map_new, "map.__new__"),
    (
        |t| &t.iters[IterKind::Reversed as usize],
        reversed_new,
        "reversed.__new__",
    ),
    (|t| &t.iters[IterKind::Zip as usize], zip_new, "zip.__new__"),
];

/// The iterator classes that are builtin names (their calls build the
/// lazy iterators of `builtins::iter`).
pub const LAZY: [IterKind; 5] = [
    IterKind::Enumerate,
    IterKind::Filter,
    IterKind::Map,
    IterKind::Reversed,
    IterKind::Zip,
];

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    super::iter::builtin_enumerate(vm, split_cls("enumerate", args)?, kw)
}

fn filter_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    super::iter::builtin_filter(vm, split_cls("filter", args)?, kw)
}

fn map_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    super::iter::builtin_map(vm, split_cls("map", args)?, kw)
}

fn reversed_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    super::iter::builtin_reversed(vm, split_cls("reversed", args)?, kw)
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    super::iter::builtin_zip(vm, split_cls("zip", args)?, kw)
}

/// Installs every constructor and the `property` methods.
pub fn install(vm: &mut Vm) {
    for &(sel, f, qual) in CONSTRUCTORS {
        let cls = sel(&vm.types).clone();
        let key = vm.names.new.clone();
        cls.dict
            .borrow_mut()
            .set_str(key, super::native("__new__", f, qual));
    }
    let prop = vm.types.property.clone();
    super::install_methods(
        vm,
        &prop,
        &[
            ("deleter", property_deleter, "property.deleter"),
            ("getter", property_getter, "property.getter"),
            ("setter", property_setter, "property.setter"),
        ],
    );
}

/// Splits `(cls, *args)`; the class is always present when called by
/// `instantiate`, but `int.__new__()` from Python may omit it.
fn split_cls<'a>(name: &str, args: &'a [Value]) -> RunResult<&'a [Value]> {
    match args.first() {
        Some(Value::Class(_)) => Ok(&args[1..]),
        _ => Err(PyErr::type_error(format!(
            "{}.__new__(X): X is not a type object",
            name
        ))),
    }
}

// === numbers ===

/// `int(x=0)` / `int(x, base=10)`
fn int_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("int", args)?;
    if rest.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            rest.len()
        )));
    }
    let [base_kw] = args::kwonly("int", kw, ["base"])?;
    let base = rest.get(1).cloned().or(base_kw);
    let Some(x) = rest.first() else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    match base {
        None => int_from(vm, x),
        Some(b) => {
            let b = match b {
                Value::BigInt(_) => -1,
                b => vm.index_of(&b)?,
            };
            if b != 0 && !(2..=36).contains(&b) {
                return Err(PyErr::value_error(
                    "int() base must be >= 2 and <= 36, or 0",
                ));
            }
            match x {
                Value::Str(s) => num::parse_int(s.as_str(), b as u32),
                Value::Bytes(bs) => parse_int_bytes(&bs.b, b as u32),
                _ => Err(PyErr::type_error(
                    "int() can't convert non-string with explicit base",
                )),
            }
        }
    }
}

fn parse_int_bytes(b: &[u8], base: u32) -> RunResult<Value> {
    let text = String::from_utf8_lossy(b);
    num::parse_int(&text, base).map_err(|_| {
        PyErr::value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            crate::runtime::text::bytes_repr(b)
        ))
    })
}

/// `int(x)` for one argument.
pub fn int_from(vm: &mut Vm, x: &Value) -> RunResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => super::numeric::float_to_int(*f),
        Value::Str(s) => num::parse_int(s.as_str(), 10),
        Value::Bytes(b) => parse_int_bytes(&b.b, 10),
        Value::Instance(inst) => {
            for name in ["__int__", "__index__", "__trunc__"] {
                let n = vm.intern(name);
                if let Some(f) = class_lookup(&inst.class, &n) {
                    let r = vm.call_value(&f, std::slice::from_ref(x), &[])?;
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => Err(PyErr::type_error(format!(
                            "{} returned non-int (type {})",
                            name,
                            vm.types.type_name(&other)
                        ))),
                    };
                }
            }
            Err(int_type_error(vm, x))
        }
        _ => Err(int_type_error(vm, x)),
    }
}

fn int_type_error(vm: &Vm, x: &Value) -> PyErr {
    PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.types.type_name(x)
    ))
}

/// `float(x=0.0)`
fn float_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("float", args)?;
    args::no_kw("float", kw)?;
    args::count("float", rest, 0, 1)?;
    match rest.first() {
        None => Ok(Value::Float(0.0)),
        Some(x) => Ok(Value::Float(float_from(vm, x)?)),
    }
}

/// `float(x)` for one argument.
pub fn float_from(vm: &mut Vm, x: &Value) -> RunResult<f64> {
    match x {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => num::bigint_to_f64(b),
        Value::Str(s) => num::parse_float(s.as_str()),
        Value::Bytes(b) => {
            let text = String::from_utf8_lossy(&b.b);
            num::parse_float(&text).map_err(|_| {
                PyErr::value_error(format!(
                    "could not convert string to float: {}",
                    crate::runtime::text::bytes_repr(&b.b)
                ))
            })
        }
        Value::Instance(inst) => {
            for name in ["__float__", "__index__"] {
                let n = vm.intern(name);
                if let Some(f) = class_lookup(&inst.class, &n) {
                    let r = vm.call_value(&f, std::slice::from_ref(x), &[])?;
                    return match r {
                        Value::Float(f) => Ok(f),
                        Value::Int(i) if name == "__index__" => Ok(i as f64),
                        other => Err(PyErr::type_error(format!(
                            "{} returned non-float (type {})",
                            name,
                            vm.types.type_name(&other)
                        ))),
                    };
                }
            }
            Err(float_type_error(vm, x))
        }
        _ => Err(float_type_error(vm, x)),
    }
}

fn float_type_error(vm: &Vm, x: &Value) -> PyErr {
    PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.types.type_name(x)
    ))
}

/// `bool(x=False)`
fn bool_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("bool", args)?;
    args::no_kw("bool", kw)?;
    args::count("bool", rest, 0, 1)?;
    match rest.first() {
        None => Ok(Value::Bool(false)),
        Some(x) => Ok(Value::Bool(vm.truthy(x)?)),
    }
}

// === text ===

/// `str(object='')` / `str(bytes, encoding='utf-8', errors='strict')`
fn str_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("str", args)?;
    if rest.len() > 3 {
        return Err(PyErr::type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            rest.len()
        )));
    }
    let [obj, encoding, errors] = args::bind("str", rest, kw, ["object", "encoding", "errors"], 0)?;
    let Some(obj) = obj else {
        return Ok(vm.intern_value(""));
    };
    if encoding.is_none() && errors.is_none() {
        return match &obj {
            Value::Str(_) => Ok(obj),
            Value::Int(i) => {
                let mut buf = itoa::Buffer::new();
                Ok(super::str_methods::new_ascii_str(vm, buf.format(*i)))
            }
            _ => Ok(Value::string(vm.to_str(&obj)?)),
        };
    }
    let Some(b) = crate::runtime::buffer::buffer_bytes(&obj)? else {
        return Err(PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            vm.types.type_name(&obj)
        )));
    };
    let enc = super::bytes_methods::str_opt(vm, &encoding, "str", "encoding")?;
    let err = super::bytes_methods::str_opt(vm, &errors, "str", "errors")?;
    let s = super::bytes_methods::decode(
        &b,
        enc.as_deref().unwrap_or("utf-8"),
        err.as_deref().unwrap_or("strict"),
    )?;
    Ok(Value::string(s))
}

/// `bytes()`, `bytes(n)`, `bytes(iterable)`, `bytes(str, encoding)`
fn bytes_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("bytes", args)?;
    if rest.len() > 3 {
        return Err(PyErr::type_error(format!(
            "bytes() takes at most 3 arguments ({} given)",
            rest.len()
        )));
    }
    let [source, encoding, errors] =
        args::bind("bytes", rest, kw, ["source", "encoding", "errors"], 0)?;
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(PyErr::type_error(
                "encoding or errors without sequence argument",
            ));
        }
        return Ok(Value::bytes(Vec::new()));
    };
    if let Value::Str(s) = &source {
        let enc = super::bytes_methods::str_opt(vm, &encoding, "bytes", "encoding")?;
        let Some(enc) = enc else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        let err = super::bytes_methods::str_opt(vm, &errors, "bytes", "errors")?;
        let b = super::bytes_methods::encode(s.as_str(), &enc, err.as_deref().unwrap_or("strict"))?;
        return Ok(Value::bytes(b));
    }
    if encoding.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    if let Some(b) = crate::runtime::buffer::buffer_bytes(&source)? {
        return Ok(match source {
            Value::Bytes(_) => source,
            _ => Value::bytes(b),
        });
    }
    match &source {
        Value::BigInt(_) => Err(PyErr::overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
        Value::Int(n) => {
            if *n < 0 {
                return Err(PyErr::value_error("negative count"));
            }
            args::check_alloc(*n as usize)?;
            vm.charge(*n as u64 / 64)?;
            Ok(Value::bytes(vec![0; *n as usize]))
        }
        _ => Ok(Value::bytes(bytes_from_iterable(vm, &source)?)),
    }
}

/// Bytes from an iterable of ints in range(256).
pub fn bytes_from_iterable(vm: &mut Vm, source: &Value) -> RunResult<Vec<u8>> {
    if matches!(source, Value::Float(_) | Value::None) {
        return Err(PyErr::type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.types.type_name(source)
        )));
    }
    let items = vm.collect(source)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = match &it {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => vm.index_of(&it)?,
        };
        if !(0..256).contains(&i) {
            return Err(PyErr::value_error("bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(out)
}

// === containers ===

/// `list(iterable=())`
fn list_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("list", args)?;
    args::no_kw("list", kw)?;
    args::count("list", rest, 0, 1)?;
    match rest.first() {
        None => Ok(Value::list(Vec::new())),
        Some(x) => Ok(Value::list(vm.collect(x)?)),
    }
}

/// `tuple(iterable=())`
fn tuple_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("tuple", args)?;
    args::no_kw("tuple", kw)?;
    args::count("tuple", rest, 0, 1)?;
    match rest.first() {
        None => Ok(Value::tuple(Vec::new())),
        Some(x) => vm.to_tuple(x),
    }
}

/// `dict(mapping_or_pairs=(), **kw)`
fn dict_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("dict", args)?;
    args::count("dict", rest, 0, 1)?;
    let d = Rc::new(PyDict::default());
    if let Some(src) = rest.first() {
        super::dict_methods::update_from(vm, &d, src)?;
    }
    for (k, v) in kw {
        vm.dict_set(&d, k.clone(), v.clone())?;
    }
    Ok(Value::Dict(d))
}

/// A set table holding the items of an iterable.
pub fn set_table_from(vm: &mut Vm, src: &Value) -> RunResult<SetTable> {
    if let Value::Set(s) | Value::FrozenSet(s) = src {
        return Ok(super::set_methods::copy_table(&s.s.borrow()));
    }
    let tmp = PySet::default();
    if let Value::Dict(d) = src {
        let keys = d.d.borrow().keys();
        tmp.s.borrow_mut().presize_for(keys.len());
        for k in keys {
            vm.set_add(&tmp, k)?;
        }
        return Ok(tmp.s.take());
    }
    let it = vm.get_iter(src)?;
    let mut n = 0u64;
    while let Some(x) = vm.next(&it)? {
        vm.set_add(&tmp, x)?;
        n += 1;
        if n.is_multiple_of(1024) {
            vm.charge(1024)?;
        }
    }
    Ok(tmp.s.take())
}

/// `set(iterable=())`
fn set_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("set", args)?;
    args::no_kw("set", kw)?;
    args::count("set", rest, 0, 1)?;
    let table = match rest.first() {
        None => SetTable::new(),
        Some(x) => set_table_from(vm, x)?,
    };
    Ok(Value::Set(Rc::new(PySet {
        s: RefCell::new(table),
    })))
}

/// `frozenset(iterable=())`
fn frozenset_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("frozenset", args)?;
    args::no_kw("frozenset", kw)?;
    args::count("frozenset", rest, 0, 1)?;
    let table = match rest.first() {
        None => SetTable::new(),
        Some(f @ Value::FrozenSet(_)) => return Ok(f.clone()),
        Some(x) => set_table_from(vm, x)?,
    };
    Ok(Value::FrozenSet(Rc::new(PySet {
        s: RefCell::new(table),
    })))
}

/// `range(stop)` / `range(start, stop[, step])`
fn range_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("range", args)?;
    if let [Value::Int(stop)] = rest {
        if kw.is_empty() {
            return Ok(Value::Range(Rc::new(PyRange::small(0, *stop, 1))));
        }
    }
    args::no_kw("range", kw)?;
    args::count("range", rest, 1, 3)?;
    let mut ints = [0i64; 3];
    for (i, v) in rest.iter().enumerate() {
        match range_arg(vm, v)? {
            Some(n) => ints[i] = n,
            None => return range_new_big(vm, rest),
        }
    }
    let (start, stop, step) = match rest.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(PyRange::small(start, stop, step))))
}

/// A bound of `range()` as an i64, or None for an int beyond 64 bits.
fn range_arg(vm: &mut Vm, v: &Value) -> RunResult<Option<i64>> {
    match v {
        Value::Int(i) => Ok(Some(*i)),
        Value::BigInt(_) => Ok(None),
        Value::Instance(_) => {
            let b = super::range_slice::index_big(vm, v)?;
            Ok(num_traits::ToPrimitive::to_i64(&b))
        }
        _ => vm.index_of(v).map(Some),
    }
}

/// `range()` with a bound beyond 64 bits (the cold path).
fn range_new_big(vm: &mut Vm, rest: &[Value]) -> RunResult<Value> {
    let mut ints = Vec::with_capacity(3);
    for v in rest {
        ints.push(super::range_slice::index_big(vm, v)?);
    }
    let one = num_bigint::BigInt::from(1);
    let (start, stop, step) = match ints.len() {
        1 => (num_bigint::BigInt::default(), ints[0].clone(), one),
        2 => (ints[0].clone(), ints[1].clone(), one),
        _ => (ints[0].clone(), ints[1].clone(), ints[2].clone()),
    };
    if num_traits::Zero::is_zero(&step) {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(PyRange::from_big(start, stop, step))))
}

/// `slice(stop)` / `slice(start, stop[, step])`
fn slice_new(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("slice", args)?;
    args::no_kw("slice", kw)?;
    args::count("slice", rest, 1, 3)?;
    let (start, stop, step) = match rest {
        [stop] => (Value::None, stop.clone(), Value::None),
        [a, b] => (a.clone(), b.clone(), Value::None),
        [a, b, c] => (a.clone(), b.clone(), c.clone()),
        _ => (Value::None, Value::None, Value::None),
    };
    Ok(Value::Slice(Rc::new(PySlice { start, stop, step })))
}

// === object, type and descriptors ===

/// `object()`, and `object.__new__(cls)` from a user `__new__`.
fn object_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let cls = match args.first() {
        Some(Value::Class(cls)) => cls,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "object.__new__(X): X is not a type object ({})",
                vm.types.type_name(other)
            )))
        }
        None => return Err(PyErr::type_error("object.__new__(): not enough arguments")),
    };
    let cls = cls.clone();
    if args.len() > 1 || !kw.is_empty() {
        let new = vm.names.new.clone();
        if matches!(
            class_lookup(&cls, &new),
            Some(Value::Function(_) | Value::Special(_))
        ) {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        let init = vm.names.init.clone();
        let own_init = matches!(class_lookup(&cls, &init), Some(Value::Builtin(b)) if b.qualname == "object.__init__");
        if own_init {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                cls.name.as_str()
            )));
        }
    }
    if cls.is_builtin && !Rc::ptr_eq(&cls, &vm.types.object) && !cls.is_exception {
        return Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.name.as_str(),
            cls.name.as_str()
        )));
    }
    if cls.is_exception || !cls.is_builtin {
        return Ok(vm.new_instance(&cls, args.get(1..).unwrap_or(&[])));
    }
    Ok(Value::Instance(Rc::new(Instance::new(cls, None))))
}

/// `type(obj)` / `type(name, bases, dict)`
fn type_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("type", args)?;
    match rest {
        [obj] if kw.is_empty() => Ok(Value::Class(vm.types.type_of(obj).clone())),
        [Value::Str(name), bases, Value::Dict(ns)] => {
            let bases = match bases {
                Value::Tuple(t) => t.items.to_vec(),
                other => {
                    return Err(PyErr::type_error(format!(
                        "type.__new__() argument 2 must be tuple, not {}",
                        vm.types.type_name(other)
                    )))
                }
            };
            let copy = Rc::new(PyDict {
                d: RefCell::new(ns.d.borrow().clone()),
            });
            let cls = vm.make_class(name.clone(), bases, copy)?;
            Ok(Value::Class(cls))
        }
        [name, bases, ns] => {
            let (pos, want, got) = match (name, bases, ns) {
                (Value::Str(_), Value::Tuple(_), other) => (3, "dict", other),
                (Value::Str(_), other, _) => (2, "tuple", other),
                (other, _, _) => (1, "str", other),
            };
            Err(PyErr::type_error(format!(
                "type.__new__() argument {} must be {}, not {}",
                pos,
                want,
                vm.types.type_name(got)
            )))
        }
        _ => Err(PyErr::type_error("type() takes 1 or 3 arguments")),
    }
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`
fn property_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("property", args)?;
    if rest.len() > 4 {
        return Err(PyErr::type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            rest.len()
        )));
    }
    let [fget, fset, fdel, doc] =
        args::bind("property", rest, kw, ["fget", "fset", "fdel", "doc"], 0)?;
    let _ = vm;
    Ok(make_property(
        fget.unwrap_or(Value::None),
        fset.unwrap_or(Value::None),
        fdel.unwrap_or(Value::None),
        doc.unwrap_or(Value::None),
    ))
}

fn make_property(fget: Value, fset: Value, fdel: Value, doc: Value) -> Value {
    Value::Special(Rc::new(Special::Property {
        fget,
        fset,
        fdel,
        doc,
    }))
}

/// The parts of a property (`self` of `setter`/`getter`/`deleter`).
fn property_parts(
    vm: &Vm,
    name: &str,
    args: &[Value],
) -> RunResult<(Value, Value, Value, Value, Value)> {
    args::count(name, args.get(1..).unwrap_or(&[]), 1, 1)?;
    match args.first() {
        Some(Value::Special(s)) => match &**s {
            Special::Property {
                fget,
                fset,
                fdel,
                doc,
            } => Ok((
                fget.clone(),
                fset.clone(),
                fdel.clone(),
                doc.clone(),
                args[1].clone(),
            )),
            _ => Err(property_self_error(vm, name, &args[0])),
        },
        Some(other) => Err(property_self_error(vm, name, other)),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' needs an argument",
            name
        ))),
    }
}

fn property_self_error(vm: &Vm, name: &str, v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "descriptor '{}' for 'property' objects doesn't apply to a '{}' object",
        name,
        vm.types.type_name(v)
    ))
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (_, s, d, doc, f) = property_parts(vm, "getter", args)?;
    Ok(make_property(f, s, d, doc))
}

fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (g, _, d, doc, f) = property_parts(vm, "setter", args)?;
    Ok(make_property(g, f, d, doc))
}

fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (g, s, _, doc, f) = property_parts(vm, "deleter", args)?;
    Ok(make_property(g, s, f, doc))
}

/// `staticmethod(f)`
fn staticmethod_new(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("staticmethod", args)?;
    args::no_kw("staticmethod", kw)?;
    args::count("staticmethod", rest, 1, 1)?;
    Ok(Value::Special(Rc::new(Special::StaticMethod(
        rest[0].clone(),
    ))))
}

/// `classmethod(f)`
fn classmethod_new(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("classmethod", args)?;
    args::no_kw("classmethod", kw)?;
    args::count("classmethod", rest, 1, 1)?;
    Ok(Value::Special(Rc::new(Special::ClassMethod(
        rest[0].clone(),
    ))))
}

/// `super(type, obj_or_type)`; the compiler turns `super()` into
/// `super(__class__, <first argument>)`.
fn super_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = split_cls("super", args)?;
    args::no_kw("super", kw)?;
    args::count("super", rest, 0, 2)?;
    let (cls, obj) = match rest {
        [] => return Err(PyErr::runtime_error("super(): no arguments")),
        [Value::Class(c), obj] => (c.clone(), obj.clone()),
        [Value::Class(_)] => {
            return Err(PyErr::not_implemented(
                "sigpy does not support unbound super objects (one-argument super())",
            ))
        }
        [other, ..] => {
            return Err(PyErr::type_error(format!(
                "super() argument 1 must be a type, not {}",
                vm.types.type_name(other)
            )))
        }
    };
    let ok = match &obj {
        Value::Class(c) => is_subclass(c, &cls),
        _ => is_subclass(vm.types.type_of(&obj), &cls),
    };
    if !ok {
        return Err(PyErr::type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ));
    }
    Ok(Value::Special(Rc::new(Special::Super { class: cls, obj })))
}
