//! The mutable buffer types: `bytearray` and `memoryview`. Both live in a
//! `Special` variant (not a `Value` variant of their own, which would cost
//! the dispatch loop's inlined drops), so a bytearray's identity is its
//! `Rc<Special>`.

use std::cell::{Cell, RefCell};

use super::value::{Special, Value};

/// A bytearray: the bytes and the number of live memoryviews exporting
/// them (a bytearray with exports cannot be resized, as in CPython).
#[derive(Debug, Default)]
pub struct PyByteArray {
    pub b: RefCell<Vec<u8>>,
    pub exports: Cell<usize>,
}

impl PyByteArray {
    pub fn new(b: Vec<u8>) -> PyByteArray {
        PyByteArray {
            b: RefCell::new(b),
            exports: Cell::new(0),
        }
    }
}

/// A memoryview of format 'B' over a bytes or a bytearray: the items
/// `start + i * step` for `i` in `0..len` of the underlying object.
#[derive(Debug)]
pub struct PyMemoryView {
    /// The exporting object (`mv.obj`): a bytes or a bytearray value.
    pub obj: Value,
    pub start: usize,
    pub step: isize,
    pub len: usize,
    pub readonly: bool,
    pub released: Cell<bool>,
}

impl PyMemoryView {
    /// A view of `obj` (a bytes or a bytearray); registers the export.
    pub fn new(obj: Value, start: usize, step: isize, len: usize) -> PyMemoryView {
        let ba = as_bytearray(&obj);
        if let Some(ba) = ba {
            ba.exports.set(ba.exports.get() + 1);
        }
        let readonly = ba.is_none();
        PyMemoryView {
            obj,
            start,
            step,
            len,
            readonly,
            released: Cell::new(false),
        }
    }

    /// Releases the view (idempotent): the bytearray may be resized again
    /// once it has no other view.
    pub fn release(&self) {
        if !self.released.replace(true) {
            if let Some(ba) = as_bytearray(&self.obj) {
                ba.exports.set(ba.exports.get().saturating_sub(1));
            }
        }
    }

    /// The index in the underlying object of item `i`.
    #[inline]
    pub fn pos(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// Calls `f` with the viewed bytes (contiguous ones borrowed, others
    /// gathered). The caller checks `released` first.
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        let guard;
        let data: &[u8] = match &self.obj {
            Value::Bytes(b) => &b.b,
            other => match as_bytearray(other) {
                Some(ba) => {
                    guard = ba.b.borrow();
                    &guard
                }
                None => &[],
            },
        };
        if self.len == 0 {
            return f(&[]);
        }
        let last = self.pos(self.len - 1).max(self.start);
        if last >= data.len() {
            return f(&[]);
        }
        if self.step == 1 {
            f(&data[self.start..self.start + self.len])
        } else {
            let v: Vec<u8> = (0..self.len).map(|i| data[self.pos(i)]).collect();
            f(&v)
        }
    }

    /// A copy of the viewed bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        self.with_bytes(|b| b.to_vec())
    }
}

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        self.release();
    }
}

/// The bytearray behind a value, if it is one.
#[inline]
pub fn as_bytearray(v: &Value) -> Option<&PyByteArray> {
    match v {
        Value::Special(s) => match &**s {
            Special::ByteArray(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

/// The memoryview behind a value, if it is one.
#[inline]
pub fn as_memoryview(v: &Value) -> Option<&PyMemoryView> {
    match v {
        Value::Special(s) => match &**s {
            Special::MemoryView(m) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

impl Value {
    /// A new bytearray value.
    pub fn bytearray(b: Vec<u8>) -> Value {
        Value::Special(std::rc::Rc::new(Special::ByteArray(PyByteArray::new(b))))
    }

    /// A new memoryview value.
    pub fn memoryview(m: PyMemoryView) -> Value {
        Value::Special(std::rc::Rc::new(Special::MemoryView(m)))
    }
}

/// CPython's error for any use of a released memoryview.
#[cold]
pub fn released_error() -> super::exc::PyErr {
    super::exc::PyErr::value_error("operation forbidden on released memoryview object")
}

/// Whether a value is a bytearray or a memoryview (the `Special` buffers).
#[inline]
pub fn is_buffer(v: &Value) -> bool {
    match v {
        Value::Special(s) => matches!(&**s, Special::ByteArray(_) | Special::MemoryView(_)),
        _ => false,
    }
}

/// A copy of the bytes of a bytes-like value (bytes, bytearray,
/// memoryview); `None` for other values, an error for a released view.
pub fn buffer_bytes(v: &Value) -> super::exc::RunResult<Option<Vec<u8>>> {
    Ok(match v {
        Value::Bytes(b) => Some(b.b.to_vec()),
        Value::Special(s) => match &**s {
            Special::ByteArray(b) => Some(b.b.borrow().clone()),
            Special::MemoryView(m) if m.released.get() => return Err(released_error()),
            Special::MemoryView(m) => Some(m.to_vec()),
            _ => None,
        },
        _ => None,
    })
}

/// A writable buffer argument (a bytearray, or a writable view of one)
/// held for one call (`recv_into`, `readinto`): while it lives the
/// bytearray counts one more export, so a signal handler that runs during
/// the call cannot resize it (`BufferError`, as CPython's held buffer).
/// The call reads into a local buffer and `fill`s this one after, never
/// holding a `RefCell` borrow across the wait.
pub struct WriteTarget {
    array: Value,
    start: usize,
    step: isize,
    len: usize,
}

impl WriteTarget {
    /// The target for `v`, or `None` when `v` is not a writable
    /// contiguous buffer (a released, read-only or strided view too: the
    /// caller raises CPython's `TypeError`).
    pub fn of(v: &Value) -> Option<WriteTarget> {
        let (array, start, step, len) = if let Some(m) = as_memoryview(v) {
            if m.released.get() || m.readonly || (m.step != 1 && m.len > 1) {
                return None;
            }
            (m.obj.clone(), m.start, m.step, m.len)
        } else if let Some(ba) = as_bytearray(v) {
            (v.clone(), 0, 1, ba.b.borrow().len())
        } else {
            return None;
        };
        let ba = as_bytearray(&array)?;
        ba.exports.set(ba.exports.get() + 1);
        Some(WriteTarget {
            array,
            start,
            step,
            len,
        })
    }

    /// The number of bytes the buffer holds.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Copies `data` (at most `len` bytes) to the start of the buffer.
    pub fn fill(&self, data: &[u8]) {
        let Some(ba) = as_bytearray(&self.array) else {
            return;
        };
        let mut b = ba.b.borrow_mut();
        for (i, &x) in data.iter().take(self.len).enumerate() {
            let pos = (self.start as isize + i as isize * self.step) as usize;
            if let Some(slot) = b.get_mut(pos) {
                *slot = x;
            }
        }
    }
}

impl Drop for WriteTarget {
    fn drop(&mut self) {
        if let Some(ba) = as_bytearray(&self.array) {
            ba.exports.set(ba.exports.get().saturating_sub(1));
        }
    }
}
