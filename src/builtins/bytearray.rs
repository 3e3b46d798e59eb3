//! `bytearray`: the constructor, indexing and slicing (get, set, delete),
//! the operators, and the methods. The bytes methods (`find`, `split`,
//! `upper`...) are the `bytes` ones of `bytes_methods`, run on a copy of
//! the contents, their bytes results turned into bytearrays, as CPython's
//! bytearray methods return.

use crate::runtime::buffer::{as_bytearray, as_memoryview, buffer_bytes, is_buffer, PyByteArray};
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::num::ArithOp;
use crate::runtime::value::{NativeFn, Value};
use crate::vm::ops::attr::class_lookup;
use crate::vm::Vm;

use super::args;

/// Bytearray wrappers of the bytes methods of the same name.
macro_rules! via_bytes {
    ($($name:literal => $wrapper:ident,)*) => {
        $(
            fn $wrapper(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
                via_bytes(vm, $name, args, kw)
            }
        )*
        const VIA_BYTES: &[(&str, NativeFn, &str)] =
            &[$(($name, $wrapper as NativeFn, concat!("bytearray.", $name)),)*];
    };
}

via_bytes!(
    "capitalize" => ba_capitalize,
    "center" => ba_center,
    "count" => ba_count,
    "decode" => ba_decode,
    "endswith" => ba_endswith,
    "expandtabs" => ba_expandtabs,
    "find" => ba_find,
    "hex" => ba_hex,
    "index" => ba_index,
    "isalnum" => ba_isalnum,
    "isalpha" => ba_isalpha,
    "isascii" => ba_isascii,
    "isdigit" => ba_isdigit,
    "islower" => ba_islower,
    "isspace" => ba_isspace,
    "istitle" => ba_istitle,
    "isupper" => ba_isupper,
    "join" => ba_join,
    "ljust" => ba_ljust,
    "lower" => ba_lower,
    "lstrip" => ba_lstrip,
    "partition" => ba_partition,
    "removeprefix" => ba_removeprefix,
    "removesuffix" => ba_removesuffix,
    "replace" => ba_replace,
    "rfind" => ba_rfind,
    "rindex" => ba_rindex,
    "rjust" => ba_rjust,
    "rpartition" => ba_rpartition,
    "rsplit" => ba_rsplit,
    "rstrip" => ba_rstrip,
    "split" => ba_split,
    "splitlines" => ba_splitlines,
    "startswith" => ba_startswith,
    "strip" => ba_strip,
    "swapcase" => ba_swapcase,
    "title" => ba_title,
    "translate" => ba_translate,
    "upper" => ba_upper,
    "zfill" => ba_zfill,
);

const METHODS: &[(&str, NativeFn, &str)] = &[
    ("__alloc__", ba_alloc, "bytearray.__alloc__"),
    ("append", ba_append, "bytearray.append"),
    ("clear", ba_clear, "bytearray.clear"),
    ("copy", ba_copy, "bytearray.copy"),
    ("extend", ba_extend, "bytearray.extend"),
    ("insert", ba_insert, "bytearray.insert"),
    ("pop", ba_pop, "bytearray.pop"),
    ("remove", ba_remove, "bytearray.remove"),
    ("reverse", ba_reverse, "bytearray.reverse"),
];

/// Installs the constructor and the methods of `bytearray`.
pub fn install(vm: &mut Vm) {
    let cls = vm.types.bytearray.clone();
    let key = vm.names.new.clone();
    cls.dict.borrow_mut().set_str(
        key,
        super::native("__new__", bytearray_new, "bytearray.__new__"),
    );
    super::install_methods(vm, &cls, VIA_BYTES);
    super::install_methods(vm, &cls, METHODS);
    super::install_classmethod(vm, &cls, "fromhex", ba_fromhex, "bytearray.fromhex");
    let key = vm.intern("maketrans");
    if let Some(mt) = class_lookup(&vm.types.bytes, &key) {
        cls.dict.borrow_mut().set_str(key, mt);
    }
}

/// The resize guard: a bytearray exported to a memoryview keeps its size.
pub fn check_resize(ba: &PyByteArray) -> RunResult<()> {
    if ba.exports.get() > 0 {
        return Err(PyErr::new(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> RunResult<(&'a PyByteArray, &'a [Value])> {
    match args.first() {
        Some(v) => match as_bytearray(v) {
            Some(b) => Ok((b, &args[1..])),
            None => Err(PyErr::type_error(format!(
                "descriptor '{}' for 'bytearray' objects doesn't apply to a '{}' object",
                name,
                vm.types.type_name(v)
            ))),
        },
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of 'bytearray' object needs an argument",
            name
        ))),
    }
}

/// Bytes results (alone, in a list or a tuple) become bytearrays.
fn to_bytearrays(v: Value) -> Value {
    match v {
        Value::Bytes(b) => Value::bytearray(b.b.to_vec()),
        Value::List(l) => {
            let items: Vec<Value> = l
                .items
                .borrow()
                .iter()
                .cloned()
                .map(to_bytearrays)
                .collect();
            Value::list(items)
        }
        Value::Tuple(t) => Value::tuple(t.items.iter().cloned().map(to_bytearrays).collect()),
        // A separator given as an argument comes back as a new bytearray.
        other if is_buffer(&other) => match buffer_bytes(&other) {
            Ok(Some(b)) => Value::bytearray(b),
            _ => other,
        },
        other => other,
    }
}

/// `bytes.X() takes...` messages name `bytearray.X()` instead.
fn rename_err(e: PyErr) -> PyErr {
    match e {
        PyErr::Lazy(mut b) if b.0 == ExcKind::TypeError => {
            if let Some(Value::Str(s)) = b.1.first() {
                if let Some(rest) = s.as_str().strip_prefix("bytes.") {
                    b.1[0] = Value::string(format!("bytearray.{}", rest));
                }
            }
            PyErr::Lazy(b)
        }
        other => other,
    }
}

/// Runs the bytes method `name` on a copy of the bytearray's contents.
fn via_bytes(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, name, args)?;
    let mut call = Vec::with_capacity(args.len());
    call.push(Value::bytes(ba.b.borrow().clone()));
    call.extend_from_slice(rest);
    let key = vm.intern(name);
    let Some(Value::Builtin(m)) = class_lookup(&vm.types.bytes, &key) else {
        return Err(PyErr::not_implemented(format!("bytearray.{}", name)));
    };
    (m.f)(vm, &call, kw).map(to_bytearrays).map_err(rename_err)
}

/// `bytearray.fromhex(string)`
fn ba_fromhex(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let key = vm.intern("fromhex");
    let f = match class_lookup(&vm.types.bytes, &key) {
        Some(Value::Special(s)) => match &*s {
            crate::runtime::value::Special::ClassMethod(Value::Builtin(b)) => b.f,
            _ => return Err(PyErr::not_implemented("bytearray.fromhex")),
        },
        _ => return Err(PyErr::not_implemented("bytearray.fromhex")),
    };
    f(vm, args, kw).map(to_bytearrays)
}

// === construction ===

/// `bytearray()`, `bytearray(n)`, `bytearray(buffer or iterable)`,
/// `bytearray(str, encoding[, errors])`
fn bytearray_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = match args.first() {
        Some(Value::Class(_)) => &args[1..],
        _ => {
            return Err(PyErr::type_error(
                "bytearray.__new__(X): X is not a type object",
            ))
        }
    };
    if rest.len() > 3 {
        return Err(PyErr::type_error(format!(
            "bytearray() takes at most 3 arguments ({} given)",
            rest.len()
        )));
    }
    let [source, encoding, errors] =
        args::bind("bytearray", rest, kw, ["source", "encoding", "errors"], 0)?;
    let Some(source) = source else {
        if encoding.is_some() {
            return Err(PyErr::type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(PyErr::type_error("errors without a string argument"));
        }
        return Ok(Value::bytearray(Vec::new()));
    };
    if let Value::Str(s) = &source {
        let enc = super::bytes_methods::str_opt(vm, &encoding, "bytearray", "encoding")?;
        let Some(enc) = enc else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        let err = super::bytes_methods::str_opt(vm, &errors, "bytearray", "errors")?;
        let b = super::bytes_methods::encode(s.as_str(), &enc, err.as_deref().unwrap_or("strict"))?;
        return Ok(Value::bytearray(b));
    }
    if encoding.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    match &source {
        Value::BigInt(_) => Err(PyErr::overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
        Value::Int(_) | Value::Bool(_) => {
            let n = vm.index_of(&source)?;
            if n < 0 {
                return Err(PyErr::value_error("negative count"));
            }
            args::check_alloc(n as usize)?;
            vm.charge(n as u64 / 64)?;
            Ok(Value::bytearray(vec![0; n as usize]))
        }
        _ => Ok(Value::bytearray(from_object(vm, &source)?)),
    }
}

/// The bytes of a buffer or an iterable of ints (`PyByteArray_FromObject`).
pub fn from_object(vm: &mut Vm, source: &Value) -> RunResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(source)? {
        return Ok(b);
    }
    let not_iterable = |vm: &Vm| {
        PyErr::type_error(format!(
            "cannot convert '{}' object to bytearray",
            vm.types.type_name(source)
        ))
    };
    if matches!(
        source,
        Value::Float(_) | Value::None | Value::Int(_) | Value::BigInt(_)
    ) {
        return Err(not_iterable(vm));
    }
    let it = match vm.get_iter(source) {
        Ok(it) => it,
        Err(e) if e.lazy_kind() == Some(ExcKind::TypeError) => return Err(not_iterable(vm)),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(byte_value(vm, &x)?);
        if out.len() % 4096 == 0 {
            vm.charge(64)?;
        }
    }
    Ok(out)
}

/// An int in range(256) (`_getbytevalue`).
pub fn byte_value(vm: &mut Vm, v: &Value) -> RunResult<u8> {
    let i = match v {
        Value::Int(i) => *i,
        Value::BigInt(_) => -1,
        _ => vm.index_of(v)?,
    };
    if !(0..256).contains(&i) {
        return Err(PyErr::value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

// === subscription ===

/// `ba[key]`
pub fn getitem(vm: &mut Vm, ba: &PyByteArray, key: &Value) -> RunResult<Value> {
    let len = ba.b.borrow().len();
    if let Value::Slice(sl) = key {
        let idx = vm.slice_indices(sl, len)?;
        let b = ba.b.borrow();
        let out: Vec<u8> = idx.indices().filter_map(|i| b.get(i).copied()).collect();
        return Ok(Value::bytearray(out));
    }
    let j = vm.seq_index(key, len, "bytearray")?;
    let b = ba.b.borrow();
    match b.get(j) {
        Some(&x) => Ok(Value::Int(x as i64)),
        None => Err(PyErr::index_error("bytearray index out of range")),
    }
}

/// The bytes a slice assignment stores (`ba[a:b] = v`).
fn slice_source(vm: &mut Vm, v: &Value) -> RunResult<Vec<u8>> {
    if matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_)
    ) {
        return Err(PyErr::type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    from_object(vm, v)
}

/// `ba[key] = v`
pub fn setitem(vm: &mut Vm, ba: &PyByteArray, key: &Value, v: &Value) -> RunResult<()> {
    let Value::Slice(sl) = key else {
        let len = ba.b.borrow().len();
        let j = vm.seq_index(key, len, "bytearray")?;
        let x = byte_value(vm, v)?;
        if let Some(slot) = ba.b.borrow_mut().get_mut(j) {
            *slot = x;
        }
        return Ok(());
    };
    let new = slice_source(vm, v)?;
    let len = ba.b.borrow().len();
    let idx = vm.slice_indices(sl, len)?;
    if idx.step == 1 {
        let a = idx.start.clamp(0, len as i64) as usize;
        let b = idx.stop.max(idx.start).clamp(0, len as i64) as usize;
        if new.len() != b - a {
            check_resize(ba)?;
        }
        ba.b.borrow_mut().splice(a..b, new);
        return Ok(());
    }
    if new.len() != idx.len {
        return Err(PyErr::value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            idx.len
        )));
    }
    let mut b = ba.b.borrow_mut();
    for (i, x) in idx.indices().zip(new) {
        if let Some(slot) = b.get_mut(i) {
            *slot = x;
        }
    }
    Ok(())
}

/// `del ba[key]`
pub fn delitem(vm: &mut Vm, ba: &PyByteArray, key: &Value) -> RunResult<()> {
    let len = ba.b.borrow().len();
    if let Value::Slice(sl) = key {
        let idx = vm.slice_indices(sl, len)?;
        if idx.len == 0 {
            return Ok(());
        }
        check_resize(ba)?;
        let mut gone = vec![false; len];
        for i in idx.indices() {
            if let Some(g) = gone.get_mut(i) {
                *g = true;
            }
        }
        let mut k = 0;
        ba.b.borrow_mut().retain(|_| {
            k += 1;
            !gone[k - 1]
        });
        return Ok(());
    }
    let j = vm.seq_index(key, len, "bytearray")?;
    check_resize(ba)?;
    let mut b = ba.b.borrow_mut();
    if j < b.len() {
        b.remove(j);
    }
    Ok(())
}

// === operators ===

/// `x in <bytes-like hay>`: an int in range(256) or a bytes-like needle.
pub fn contains(vm: &Vm, hay: &[u8], item: &Value) -> RunResult<bool> {
    match item {
        Value::Int(i) if (0..256).contains(i) => Ok(hay.contains(&(*i as u8))),
        Value::Bool(x) => Ok(hay.contains(&(*x as u8))),
        Value::Int(_) | Value::BigInt(_) => {
            Err(PyErr::value_error("byte must be in range(0, 256)"))
        }
        _ => match buffer_bytes(item)? {
            Some(sub) => Ok(sub.is_empty() || hay.windows(sub.len()).any(|w| w == &sub[..])),
            None => Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.types.type_name(item)
            ))),
        },
    }
}

fn repeat_n(vm: &mut Vm, n: &Value) -> RunResult<Option<usize>> {
    Ok(match n {
        Value::Int(_) | Value::Bool(_) => Some(vm.index_of(n)?.max(0) as usize),
        Value::BigInt(_) => {
            return Err(PyErr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        _ => None,
    })
}

fn repeated(vm: &mut Vm, b: &[u8], n: usize) -> RunResult<Vec<u8>> {
    if b.len().saturating_mul(n) > 1 << 32 {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    vm.charge((b.len() * n / 64) as u64)?;
    Ok(b.repeat(n))
}

/// `a op b` where `a` or `b` is a bytearray or a memoryview: `None` when
/// the operation is not defined here (the VM's generic error follows).
pub fn binop(vm: &mut Vm, op: ArithOp, a: &Value, b: &Value) -> RunResult<Option<Value>> {
    let ba = as_bytearray(a);
    match op {
        ArithOp::Add if ba.is_some() || matches!(a, Value::Bytes(_)) => {
            let Some(y) = buffer_bytes(b)? else {
                return Err(PyErr::type_error(format!(
                    "can't concat {} to {}",
                    vm.types.type_name(b),
                    vm.types.type_name(a)
                )));
            };
            let mut x = buffer_bytes(a)?.unwrap_or_default();
            x.extend_from_slice(&y);
            Ok(Some(match ba {
                Some(_) => Value::bytearray(x),
                None => Value::bytes(x),
            }))
        }
        ArithOp::Mul => {
            let (seq, n) = match (as_bytearray(a), as_bytearray(b)) {
                (Some(s), _) => (s, b),
                (None, Some(s)) => (s, a),
                _ => return Ok(None),
            };
            match repeat_n(vm, n)? {
                Some(n) => {
                    let src = seq.b.borrow().clone();
                    Ok(Some(Value::bytearray(repeated(vm, &src, n)?)))
                }
                None if matches!(n, Value::Instance(_)) => Ok(None),
                None => Err(PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    vm.types.type_name(n)
                ))),
            }
        }
        ArithOp::Mod => match ba {
            Some(f) => {
                let f = f.b.borrow().clone();
                let s = super::percent::percent_format_bytes(vm, &f, b)?;
                Ok(Some(Value::bytearray(s)))
            }
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

/// `ba += x`, `ba *= n` in place (`None`: not handled here).
pub fn inplace(vm: &mut Vm, op: ArithOp, a: &Value, b: &Value) -> RunResult<Option<Value>> {
    let Some(ba) = as_bytearray(a) else {
        return Ok(None);
    };
    match op {
        ArithOp::Add => {
            let Some(y) = buffer_bytes(b)? else {
                return Err(PyErr::type_error(format!(
                    "can't concat {} to bytearray",
                    vm.types.type_name(b)
                )));
            };
            if !y.is_empty() {
                check_resize(ba)?;
            }
            ba.b.borrow_mut().extend_from_slice(&y);
            Ok(Some(a.clone()))
        }
        ArithOp::Mul => match repeat_n(vm, b)? {
            Some(n) => {
                let src = ba.b.borrow().clone();
                let out = repeated(vm, &src, n)?;
                if out.len() != src.len() {
                    check_resize(ba)?;
                }
                *ba.b.borrow_mut() = out;
                Ok(Some(a.clone()))
            }
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

// === methods ===

fn ba_alloc(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, "__alloc__", args)?;
    args::none("bytearray.__alloc__", rest)?;
    let b = ba.b.borrow();
    Ok(Value::Int(b.capacity().max(b.len() + 1) as i64))
}

/// `ba.append(x)`
fn ba_append(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, "append", args)?;
    let x = byte_value(vm, args::one("bytearray.append", rest)?)?;
    check_resize(ba)?;
    ba.b.borrow_mut().push(x);
    Ok(Value::None)
}

/// `ba.clear()`
fn ba_clear(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, "clear", args)?;
    args::none("bytearray.clear", rest)?;
    check_resize(ba)?;
    ba.b.borrow_mut().clear();
    Ok(Value::None)
}

/// `ba.copy()`
fn ba_copy(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, "copy", args)?;
    args::none("bytearray.copy", rest)?;
    let b = ba.b.borrow().clone();
    Ok(Value::bytearray(b))
}

/// `ba.extend(iterable_of_ints or buffer)`
fn ba_extend(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, "extend", args)?;
    let src = args::one("bytearray.extend", rest)?;
    let new = match src {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) | Value::None => {
            return Err(PyErr::type_error(format!(
                "can't extend bytearray with {}",
                vm.types.type_name(src)
            )))
        }
        _ => from_object(vm, src).map_err(|e| match e.lazy_kind() {
            Some(ExcKind::TypeError) if !is_buffer(src) && vm.get_iter(src).is_err() => {
                PyErr::type_error(format!(
                    "can't extend bytearray with {}",
                    vm.types.type_name(src)
                ))
            }
            _ => e,
        })?,
    };
    if !new.is_empty() {
        check_resize(ba)?;
    }
    ba.b.borrow_mut().extend_from_slice(&new);
    Ok(Value::None)
}

/// `ba.insert(index, x)`
fn ba_insert(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, "insert", args)?;
    if rest.len() != 2 {
        return Err(PyErr::type_error(format!(
            "insert expected 2 arguments, got {}",
            rest.len()
        )));
    }
    let i = args::ssize(vm, &rest[0])?;
    let x = byte_value(vm, &rest[1])?;
    check_resize(ba)?;
    let mut b = ba.b.borrow_mut();
    let n = b.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.insert(at as usize, x);
    Ok(Value::None)
}

/// `ba.pop(index=-1)`
fn ba_pop(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, "pop", args)?;
    args::count("pop", rest, 0, 1)?;
    let i = match rest.first() {
        Some(v) => args::ssize(vm, v)?,
        None => -1,
    };
    let n = ba.b.borrow().len() as i64;
    if n == 0 {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    check_resize(ba)?;
    Ok(Value::Int(ba.b.borrow_mut().remove(j as usize) as i64))
}

/// `ba.remove(x)`
fn ba_remove(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, "remove", args)?;
    let x = byte_value(vm, args::one("bytearray.remove", rest)?)?;
    let pos = ba.b.borrow().iter().position(|&c| c == x);
    match pos {
        Some(j) => {
            check_resize(ba)?;
            ba.b.borrow_mut().remove(j);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

/// `ba.reverse()`
fn ba_reverse(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (ba, rest) = this(vm, "reverse", args)?;
    args::none("bytearray.reverse", rest)?;
    ba.b.borrow_mut().reverse();
    Ok(Value::None)
}

/// `obj[key]` for a bytearray or a memoryview.
pub fn buffer_getitem(vm: &mut Vm, obj: &Value, key: &Value) -> RunResult<Value> {
    if let Some(m) = as_memoryview(obj) {
        return super::memoryview::getitem(vm, m, key);
    }
    match as_bytearray(obj) {
        Some(ba) => getitem(vm, ba, key),
        None => Err(PyErr::not_subscriptable(vm.types.type_name(obj))),
    }
}

/// `obj[key] = v` for a bytearray or a memoryview.
pub fn buffer_setitem(vm: &mut Vm, obj: &Value, key: &Value, v: &Value) -> RunResult<()> {
    if let Some(m) = as_memoryview(obj) {
        return super::memoryview::setitem(vm, m, key, v);
    }
    match as_bytearray(obj) {
        Some(ba) => setitem(vm, ba, key, v),
        None => Err(PyErr::type_error(format!(
            "'{}' object does not support item assignment",
            vm.types.type_name(obj)
        ))),
    }
}

/// `del obj[key]` for a bytearray or a memoryview.
pub fn buffer_delitem(vm: &mut Vm, obj: &Value, key: &Value) -> RunResult<()> {
    if let Some(m) = as_memoryview(obj) {
        if m.released.get() {
            return Err(crate::runtime::buffer::released_error());
        }
        return Err(PyErr::type_error("cannot delete memory"));
    }
    match as_bytearray(obj) {
        Some(ba) => delitem(vm, ba, key),
        None => Err(PyErr::type_error(format!(
            "'{}' object doesn't support item deletion",
            vm.types.type_name(obj)
        ))),
    }
}
