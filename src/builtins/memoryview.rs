//! `memoryview` of format 'B' over a bytes or a bytearray: the
//! constructor, indexing and slicing (a slice is a view of the same
//! buffer), item and slice assignment through a bytearray's view, the
//! methods and attributes, `release` and the context manager.

use std::rc::Rc;

use crate::runtime::buffer::{
    as_bytearray, as_memoryview, buffer_bytes, released_error, PyMemoryView,
};
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{NativeFn, Special, Value};
use crate::vm::Vm;

use super::args;

const METHODS: &[(&str, NativeFn, &str)] = &[
    ("__enter__", mv_enter, "memoryview.__enter__"),
    ("__exit__", mv_exit, "memoryview.__exit__"),
    ("cast", mv_cast, "memoryview.cast"),
    ("hex", mv_hex, "memoryview.hex"),
    ("release", mv_release, "memoryview.release"),
    ("tobytes", mv_tobytes, "memoryview.tobytes"),
    ("tolist", mv_tolist, "memoryview.tolist"),
    ("toreadonly", mv_toreadonly, "memoryview.toreadonly"),
];

/// Read-only attributes, as properties.
const ATTRS: &[(&str, NativeFn, &str)] = &[
    ("c_contiguous", mv_c_contiguous, "memoryview.c_contiguous"),
    ("contiguous", mv_c_contiguous, "memoryview.contiguous"),
    ("f_contiguous", mv_c_contiguous, "memoryview.f_contiguous"),
    ("format", mv_format, "memoryview.format"),
    ("itemsize", mv_itemsize, "memoryview.itemsize"),
    ("nbytes", mv_nbytes, "memoryview.nbytes"),
    ("ndim", mv_itemsize, "memoryview.ndim"),
    ("obj", mv_obj, "memoryview.obj"),
    ("readonly", mv_readonly, "memoryview.readonly"),
    ("shape", mv_shape, "memoryview.shape"),
    ("strides", mv_strides, "memoryview.strides"),
];

/// Installs the constructor, methods and attributes of `memoryview`.
pub fn install(vm: &mut Vm) {
    let cls = vm.types.memoryview.clone();
    let key = vm.names.new.clone();
    cls.dict.borrow_mut().set_str(
        key,
        super::native("__new__", memoryview_new, "memoryview.__new__"),
    );
    super::install_methods(vm, &cls, METHODS);
    for &(name, f, qual) in ATTRS {
        let prop = Special::Property {
            fget: super::native(name, f, qual),
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        };
        let key = vm.intern(name);
        cls.dict
            .borrow_mut()
            .set_str(key, Value::Special(Rc::new(prop)));
    }
    cls.has_descriptors.set(true);
}

/// `memoryview(object)`
fn memoryview_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = match args.first() {
        Some(Value::Class(_)) => &args[1..],
        _ => {
            return Err(PyErr::type_error(
                "memoryview.__new__(X): X is not a type object",
            ))
        }
    };
    let [obj] = args::bind("memoryview", rest, kw, ["object"], 1)?;
    let obj = obj.unwrap_or(Value::None);
    view_of(vm, &obj)
}

/// A new view of a bytes-like object (of the same items for a view).
pub fn view_of(vm: &Vm, obj: &Value) -> RunResult<Value> {
    if let Some(m) = as_memoryview(obj) {
        live(m)?;
        return Ok(Value::memoryview(PyMemoryView::new(
            m.obj.clone(),
            m.start,
            m.step,
            m.len,
        )));
    }
    let len = match obj {
        Value::Bytes(b) => b.b.len(),
        _ => match as_bytearray(obj) {
            Some(ba) => ba.b.borrow().len(),
            None => {
                return Err(PyErr::type_error(format!(
                    "memoryview: a bytes-like object is required, not '{}'",
                    vm.types.type_name(obj)
                )))
            }
        },
    };
    Ok(Value::memoryview(PyMemoryView::new(obj.clone(), 0, 1, len)))
}

/// The view, unless released.
fn live(m: &PyMemoryView) -> RunResult<&PyMemoryView> {
    if m.released.get() {
        return Err(released_error());
    }
    Ok(m)
}

fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> RunResult<(&'a PyMemoryView, &'a [Value])> {
    match args.first().map(|v| (v, as_memoryview(v))) {
        Some((_, Some(m))) => Ok((m, &args[1..])),
        Some((v, None)) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'memoryview' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(v)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of 'memoryview' object needs an argument",
            name
        ))),
    }
}

/// A live view and no other argument (the attributes and plain methods).
fn this_live<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> RunResult<&'a PyMemoryView> {
    let (m, rest) = this(vm, name, args)?;
    args::none(&format!("memoryview.{}", name), rest)?;
    live(m)
}

/// The view's item index for `key` (an int), or CPython's errors.
fn item_index(vm: &mut Vm, m: &PyMemoryView, key: &Value) -> RunResult<usize> {
    let i = match key {
        Value::Int(_) | Value::Bool(_) | Value::Instance(_) => vm.index_of(key)?,
        Value::BigInt(_) => {
            return Err(PyErr::index_error(
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        _ => return Err(PyErr::type_error("memoryview: invalid slice key")),
    };
    let j = if i < 0 { i + m.len as i64 } else { i };
    if j < 0 || j >= m.len as i64 {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

/// `mv[key]`: an int, or a view of the same buffer for a slice.
pub fn getitem(vm: &mut Vm, m: &PyMemoryView, key: &Value) -> RunResult<Value> {
    live(m)?;
    if let Value::Slice(sl) = key {
        let idx = vm.slice_indices(sl, m.len)?;
        let start = if idx.len == 0 {
            m.start
        } else {
            m.pos(idx.start as usize)
        };
        let mut view = PyMemoryView::new(m.obj.clone(), start, m.step * idx.step as isize, idx.len);
        view.readonly = m.readonly;
        return Ok(Value::memoryview(view));
    }
    let i = item_index(vm, m, key)?;
    let pos = m.pos(i);
    let x = match &m.obj {
        Value::Bytes(b) => b.b.get(pos).copied(),
        other => as_bytearray(other).and_then(|ba| ba.b.borrow().get(pos).copied()),
    };
    Ok(Value::Int(x.unwrap_or(0) as i64))
}

/// `mv[key] = v` on a writable view.
pub fn setitem(vm: &mut Vm, m: &PyMemoryView, key: &Value, v: &Value) -> RunResult<()> {
    live(m)?;
    let ba = match as_bytearray(&m.obj) {
        Some(ba) if !m.readonly => ba,
        _ => return Err(PyErr::type_error("cannot modify read-only memory")),
    };
    if let Value::Slice(sl) = key {
        let idx = vm.slice_indices(sl, m.len)?;
        let Some(src) = buffer_bytes(v)? else {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.types.type_name(v)
            )));
        };
        if src.len() != idx.len {
            return Err(PyErr::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut b = ba.b.borrow_mut();
        for (i, x) in idx.indices().zip(src) {
            if let Some(slot) = b.get_mut(m.pos(i)) {
                *slot = x;
            }
        }
        return Ok(());
    }
    let i = item_index(vm, m, key)?;
    let x = match v {
        Value::Int(x) if (0..256).contains(x) => *x as u8,
        Value::Int(_) | Value::BigInt(_) => {
            return Err(PyErr::value_error(
                "memoryview: invalid value for format 'B'",
            ))
        }
        Value::Bool(x) => *x as u8,
        _ => return Err(PyErr::type_error("memoryview: invalid type for format 'B'")),
    };
    if let Some(slot) = ba.b.borrow_mut().get_mut(m.pos(i)) {
        *slot = x;
    }
    Ok(())
}

/// `mv.tobytes(order=None)`
fn mv_tobytes(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (m, rest) = this(vm, "tobytes", args)?;
    let [order] = args::bind("tobytes", rest, kw, ["order"], 0)?;
    match &order {
        None | Some(Value::None) => {}
        Some(Value::Str(s)) if matches!(s.as_str(), "C" | "F" | "A") => {}
        Some(Value::Str(_)) => return Err(PyErr::value_error("order must be 'C', 'F' or 'A'")),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "tobytes() argument 'order' must be str or None, not {}",
                vm.types.type_name(other)
            )))
        }
    }
    Ok(Value::bytes(live(m)?.to_vec()))
}

/// `mv.tolist()`
fn mv_tolist(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let m = this_live(vm, "tolist", args)?;
    Ok(Value::list(
        m.to_vec()
            .into_iter()
            .map(|x| Value::Int(x as i64))
            .collect(),
    ))
}

/// `mv.hex([sep[, bytes_per_sep]])`: the bytes method on a copy.
fn mv_hex(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (m, rest) = this(vm, "hex", args)?;
    let mut call = vec![Value::bytes(live(m)?.to_vec())];
    call.extend_from_slice(rest);
    super::bytes_text::bytes_hex(vm, &call, kw)
}

/// `mv.release()`
fn mv_release(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (m, rest) = this(vm, "release", args)?;
    args::none("memoryview.release", rest)?;
    m.release();
    Ok(Value::None)
}

fn mv_enter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    this_live(vm, "__enter__", args)?;
    Ok(args[0].clone())
}

fn mv_exit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (m, _) = this(vm, "__exit__", args)?;
    m.release();
    Ok(Value::None)
}

fn mv_cast(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Err(PyErr::not_implemented(
        "sigpy does not support memoryview.cast (views are of format 'B')",
    ))
}

/// `mv.toreadonly()`
fn mv_toreadonly(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let m = this_live(vm, "toreadonly", args)?;
    let mut view = PyMemoryView::new(m.obj.clone(), m.start, m.step, m.len);
    view.readonly = true;
    Ok(Value::memoryview(view))
}

fn mv_readonly(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Bool(this_live(vm, "readonly", args)?.readonly))
}

fn mv_nbytes(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(this_live(vm, "nbytes", args)?.len as i64))
}

fn mv_obj(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(this_live(vm, "obj", args)?.obj.clone())
}

fn mv_format(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    this_live(vm, "format", args)?;
    Ok(Value::str("B"))
}

/// `itemsize` and `ndim` (both 1 for format 'B').
fn mv_itemsize(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    this_live(vm, "itemsize", args)?;
    Ok(Value::Int(1))
}

fn mv_shape(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let m = this_live(vm, "shape", args)?;
    Ok(Value::tuple(vec![Value::Int(m.len as i64)]))
}

fn mv_strides(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let m = this_live(vm, "strides", args)?;
    Ok(Value::tuple(vec![Value::Int(m.step as i64)]))
}

/// `contiguous`, `c_contiguous`, `f_contiguous` (one dimension: alike).
fn mv_c_contiguous(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let m = this_live(vm, "contiguous", args)?;
    Ok(Value::Bool(m.step == 1 || m.len <= 1))
}
