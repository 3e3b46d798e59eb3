//! Subscription: `obj[key]`, `obj[key] = v`, `del obj[key]` for sequences
//! (indices and slices with steps), dicts and user `__getitem__` classes.

use std::rc::Rc;

use crate::runtime::buffer::is_buffer;
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{PyRange, PySlice, Value};
use crate::vm::Vm;

use super::attr::class_lookup;

/// Resolved slice: start, stop, step and number of elements (CPython's
/// `PySlice_AdjustIndices`).
#[derive(Debug, Clone, Copy)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    /// Indices selected, in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start, self.step);
        (0..self.len).map(move |i| (start + i as i64 * step) as usize)
    }
}

impl Vm {
    /// Resolves a slice against a sequence length.
    pub fn slice_indices(&mut self, s: &PySlice, len: usize) -> RunResult<SliceIdx> {
        let len = len as i64;
        let step = if s.step.is_none() {
            1
        } else {
            self.slice_int(&s.step)?
        };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                (v + len).max(lower)
            } else {
                v.min(upper)
            }
        };
        let start = if s.start.is_none() {
            if step < 0 {
                upper
            } else {
                lower
            }
        } else {
            clamp(self.slice_int(&s.start)?)
        };
        let stop = if s.stop.is_none() {
            if step < 0 {
                lower
            } else {
                upper
            }
        } else {
            clamp(self.slice_int(&s.stop)?)
        };
        let n = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIdx {
            start,
            stop,
            step,
            len: n as usize,
        })
    }

    fn slice_int(&mut self, v: &Value) -> RunResult<i64> {
        match v {
            Value::BigInt(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }),
            Value::Int(_) | Value::Bool(_) | Value::Instance(_) => self.index_of(v),
            _ => Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    }

    /// Normalises a sequence index (negative from the end), or IndexError.
    #[inline]
    pub fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> RunResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) if what == "range object" => {
                return Err(PyErr::index_error("range object index out of range"))
            }
            Value::BigInt(_) => {
                return Err(PyErr::index_error(
                    "cannot fit 'int' into an index-sized integer".to_string(),
                ))
            }
            Value::Instance(_) => self.index_of(key)?,
            _ if what == "string" => {
                return Err(PyErr::type_error(format!(
                    "string indices must be integers, not '{}'",
                    self.types.type_name(key)
                )))
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    what.trim_end_matches(" object"),
                    self.types.type_name(key)
                )))
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            if what == "byte" {
                return Err(PyErr::index_error("index out of range"));
            }
            return Err(PyErr::index_error(format!("{} index out of range", what)));
        }
        Ok(j as usize)
    }

    /// `obj[key]`
    #[inline(never)]
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> RunResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Int(i) = key {
                    let items = l.items.borrow();
                    let n = items.len() as i64;
                    let j = if *i < 0 { *i + n } else { *i };
                    if j >= 0 && j < n {
                        return Ok(items[j as usize].clone());
                    }
                    return Err(PyErr::index_error("list index out of range"));
                }
                if let Value::Slice(s) = key {
                    let len = l.items.borrow().len();
                    let idx = self.slice_indices(s, len)?;
                    let items = l.items.borrow();
                    let out: Vec<Value> = idx
                        .indices()
                        .filter_map(|i| items.get(i).cloned())
                        .collect();
                    drop(items);
                    self.charge(out.len() as u64 / 4)?;
                    return Ok(Value::list(out));
                }
                let len = l.items.borrow().len();
                let j = self.seq_index(key, len, "list")?;
                let v = l.items.borrow().get(j).cloned();
                v.ok_or_else(|| PyErr::index_error("list index out of range"))
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    let idx = self.slice_indices(s, t.items.len())?;
                    let out: Vec<Value> = idx
                        .indices()
                        .filter_map(|i| t.items.get(i).cloned())
                        .collect();
                    return Ok(Value::tuple(out));
                }
                let j = self.seq_index(key, t.items.len(), "tuple")?;
                Ok(t.items[j].clone())
            }
            Value::Dict(d) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(PyErr::key_error(key.clone())),
            },
            Value::Str(s) => {
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(sl, s.char_len)?;
                    if s.is_ascii() {
                        if idx.step == 1 {
                            let a = idx.start.max(0) as usize;
                            let b = (a + idx.len).min(s.s.len());
                            let part = &s.s[a..b.max(a)];
                            return Ok(crate::builtins::str_methods::new_ascii_str(self, part));
                        }
                        let bytes = s.s.as_bytes();
                        let out: String = idx
                            .indices()
                            .filter_map(|i| bytes.get(i).map(|&b| b as char))
                            .collect();
                        return Ok(Value::string(out));
                    }
                    let chars: Vec<char> = s.s.chars().collect();
                    let out: String = idx
                        .indices()
                        .filter_map(|i| chars.get(i).copied())
                        .collect();
                    return Ok(Value::string(out));
                }
                let j = self.seq_index(key, s.char_len, "string")?;
                if s.is_ascii() {
                    return Ok(self.ascii_chars[s.s.as_bytes()[j] as usize].clone());
                }
                let c = s.s.chars().nth(j).unwrap_or(' ');
                let mut buf = [0u8; 4];
                let cs = c.encode_utf8(&mut buf).to_string();
                Ok(self.char_value(&cs))
            }
            Value::Bytes(b) => {
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(sl, b.b.len())?;
                    let out: Vec<u8> = idx.indices().filter_map(|i| b.b.get(i).copied()).collect();
                    return Ok(Value::bytes(out));
                }
                let j = self.seq_index(key, b.b.len(), "byte")?;
                Ok(Value::Int(b.b[j] as i64))
            }
            Value::Special(_) if is_buffer(obj) => {
                crate::builtins::bytearray::buffer_getitem(self, obj, key)
            }
            Value::Range(r) if r.is_wide() => {
                crate::builtins::range_slice::wide_subscr(self, r, key)
            }
            Value::Range(r) => {
                let len = r.len() as usize;
                let at = |k: i64| r.start as i128 + k as i128 * r.step as i128;
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(sl, len)?;
                    let fit = |x: i128| i64::try_from(x).ok();
                    let step = r.step as i128 * idx.step as i128;
                    let range = match (fit(at(idx.start)), fit(at(idx.stop)), fit(step)) {
                        (Some(start), Some(stop), Some(step)) => PyRange::small(start, stop, step),
                        // Bounds past 64 bits (`range(2**63-2)[::-1]`...).
                        _ => PyRange::from_big(
                            at(idx.start).into(),
                            at(idx.stop).into(),
                            step.into(),
                        ),
                    };
                    return Ok(Value::Range(Rc::new(range)));
                }
                let j = self.seq_index(key, len, "range object")?;
                Ok(Value::Int(at(j as i64) as i64))
            }
            Value::Instance(inst) => {
                let n = self.names.getitem.clone();
                match class_lookup(&inst.class, &n) {
                    Some(f) => self.call_value(&f, &[obj.clone(), key.clone()], &[]),
                    None => Err(PyErr::not_subscriptable(inst.class.name.as_str())),
                }
            }
            Value::Class(c) => {
                let n = self.intern("__class_getitem__");
                match class_lookup(c, &n) {
                    Some(f) => self.call_value(&f, &[obj.clone(), key.clone()], &[]),
                    None => Err(PyErr::type_error(format!(
                        "type '{}' is not subscriptable",
                        c.name.as_str()
                    ))),
                }
            }
            _ => {
                let cls = self.types.type_of(obj).clone();
                let n = self.names.getitem.clone();
                match class_lookup(&cls, &n) {
                    Some(f) => self.call_value(&f, &[obj.clone(), key.clone()], &[]),
                    None => Err(PyErr::not_subscriptable(self.types.type_name(obj))),
                }
            }
        }
    }

    /// `obj[key] = v`
    #[inline(never)]
    pub fn setitem(&mut self, obj: &Value, key: Value, v: Value) -> RunResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Int(i) = key {
                    let mut items = l.items.borrow_mut();
                    let n = items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j >= 0 && j < n {
                        items[j as usize] = v;
                        return Ok(());
                    }
                    return Err(PyErr::index_error("list assignment index out of range"));
                }
                if let Value::Slice(s) = &key {
                    return self.list_set_slice(l, s, &v);
                }
                let len = l.items.borrow().len();
                let j = self
                    .seq_index(&key, len, "list")
                    .map_err(|e| match e.lazy_kind() {
                        Some(crate::runtime::ExcKind::IndexError) => {
                            PyErr::index_error("list assignment index out of range")
                        }
                        _ => e,
                    })?;
                if let Some(slot) = l.items.borrow_mut().get_mut(j) {
                    *slot = v;
                }
                Ok(())
            }
            Value::Dict(d) => self.dict_set(d, key, v),
            Value::Special(_) if is_buffer(obj) => {
                crate::builtins::bytearray::buffer_setitem(self, obj, &key, &v)
            }
            Value::Instance(inst) => {
                let n = self.names.setitem.clone();
                match class_lookup(&inst.class, &n) {
                    Some(f) => {
                        self.call_value(&f, &[obj.clone(), key, v], &[])?;
                        Ok(())
                    }
                    None => Err(PyErr::type_error(format!(
                        "'{}' object does not support item assignment",
                        inst.class.name.as_str()
                    ))),
                }
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                self.types.type_name(obj)
            ))),
        }
    }

    fn list_set_slice(
        &mut self,
        l: &Rc<crate::runtime::value::PyList>,
        s: &PySlice,
        v: &Value,
    ) -> RunResult<()> {
        let step = if s.step.is_none() {
            1
        } else {
            self.slice_int(&s.step)?
        };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let new_items = self.collect(v).map_err(|e| {
            if e.lazy_kind() == Some(crate::runtime::ExcKind::TypeError) {
                PyErr::type_error(if step == 1 {
                    "can only assign an iterable"
                } else {
                    "must assign iterable to extended slice"
                })
            } else {
                e
            }
        })?;
        let len = l.items.borrow().len();
        let idx = self.slice_indices(s, len)?;
        let mut items = l.items.borrow_mut();
        if idx.step == 1 {
            let a = idx.start.clamp(0, len as i64) as usize;
            let b = (idx.stop.max(idx.start)).clamp(0, len as i64) as usize;
            items.splice(a..b.max(a), new_items);
            return Ok(());
        }
        if new_items.len() != idx.len {
            return Err(PyErr::value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                idx.len
            )));
        }
        for (i, nv) in idx.indices().zip(new_items) {
            if let Some(slot) = items.get_mut(i) {
                *slot = nv;
            }
        }
        Ok(())
    }

    /// `del obj[key]`
    #[inline(never)]
    pub fn delitem(&mut self, obj: &Value, key: &Value) -> RunResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.items.borrow().len();
                    let idx = self.slice_indices(s, len)?;
                    let mut drop_mask = vec![false; len];
                    for i in idx.indices() {
                        if i < len {
                            drop_mask[i] = true;
                        }
                    }
                    let mut items = l.items.borrow_mut();
                    let mut k = 0;
                    items.retain(|_| {
                        let keep = !drop_mask[k];
                        k += 1;
                        keep
                    });
                    return Ok(());
                }
                let len = l.items.borrow().len();
                let j = self
                    .seq_index(key, len, "list")
                    .map_err(|e| match e.lazy_kind() {
                        Some(crate::runtime::ExcKind::IndexError) => {
                            PyErr::index_error("list assignment index out of range")
                        }
                        _ => e,
                    })?;
                let removed = {
                    let mut items = l.items.borrow_mut();
                    if j < items.len() {
                        Some(items.remove(j))
                    } else {
                        None
                    }
                };
                drop(removed);
                Ok(())
            }
            Value::Special(_) if is_buffer(obj) => {
                crate::builtins::bytearray::buffer_delitem(self, obj, key)
            }
            Value::Dict(d) => match self.dict_del(d, key)? {
                Some(_) => Ok(()),
                None => Err(PyErr::key_error(key.clone())),
            },
            Value::Instance(inst) => {
                let n = self.names.delitem.clone();
                match class_lookup(&inst.class, &n) {
                    Some(f) => {
                        self.call_value(&f, &[obj.clone(), key.clone()], &[])?;
                        Ok(())
                    }
                    None => Err(PyErr::type_error(format!(
                        "'{}' object doesn't support item deletion",
                        inst.class.name.as_str()
                    ))),
                }
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object doesn't support item deletion",
                self.types.type_name(obj)
            ))),
        }
    }
}
