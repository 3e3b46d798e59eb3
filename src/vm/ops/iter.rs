//! Iteration: `iter()` over every iterable and `next()` over every
//! iterator (builtin states, user `__iter__`/`__next__`, `__getitem__`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{IterKind, IterState, PyIter, Special, Value};
use crate::vm::Vm;

use super::attr::class_lookup;

/// Wraps an iterator state in a value (its class follows the state).
pub fn make_iter(state: IterState) -> Value {
    let kind = IterKind::of(&state);
    make_iter_as(state, kind)
}

/// Wraps an iterator state in a value of the given class.
pub fn make_iter_as(state: IterState, kind: IterKind) -> Value {
    Value::Iter(Rc::new(PyIter {
        state: RefCell::new(state),
        kind,
    }))
}

impl Vm {
    /// `iter(v)`
    #[inline(never)]
    pub fn get_iter(&mut self, v: &Value) -> RunResult<Value> {
        let state = match v {
            Value::List(l) => IterState::List {
                list: l.clone(),
                index: 0,
            },
            Value::Range(r) if r.big.is_none() => IterState::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            },
            // A range beyond 64 bits: its items by index (cold).
            Value::Range(_) => {
                let state = IterState::SeqIter {
                    obj: v.clone(),
                    index: 0,
                };
                return Ok(make_iter_as(state, IterKind::LongRange));
            }
            Value::Tuple(t) => IterState::Tuple {
                tuple: t.clone(),
                index: 0,
            },
            Value::Str(s) => IterState::Str {
                s: s.clone(),
                byte: 0,
            },
            Value::Bytes(b) => IterState::Bytes {
                b: b.clone(),
                index: 0,
            },
            Value::Dict(d) => IterState::Dict {
                dict: d.clone(),
                index: 0,
                kind: 0,
                len: d.d.borrow().len(),
            },
            Value::Set(s) | Value::FrozenSet(s) => IterState::Values {
                items: s.s.borrow().keys(),
                index: 0,
            },
            Value::Iter(_) => return Ok(v.clone()),
            Value::Special(_) if v.as_gen().is_some() => return Ok(v.clone()),
            // Indexed live, as CPython's bytearray iterator reads the
            // current contents (a released view fails on the first item).
            Value::Special(s) if crate::runtime::buffer::is_buffer(v) => {
                let kind = match &**s {
                    Special::MemoryView(_) => IterKind::Memory,
                    _ => IterKind::ByteArray,
                };
                let state = IterState::SeqIter {
                    obj: v.clone(),
                    index: 0,
                };
                return Ok(make_iter_as(state, kind));
            }
            Value::Instance(inst) => {
                let n = self.names.iter.clone();
                if let Some(f) = class_lookup(&inst.class, &n) {
                    // `__iter__ = None` declares the class not iterable.
                    if f.is_none() {
                        return Err(PyErr::not_iterable(inst.class.name.as_str()));
                    }
                    let it = self.call_value(&f, std::slice::from_ref(v), &[])?;
                    let nx = self.names.next.clone();
                    let ok = match &it {
                        Value::Iter(_) => true,
                        Value::Special(_) if it.as_gen().is_some() => true,
                        Value::Instance(i2) => class_lookup(&i2.class, &nx).is_some(),
                        _ => class_lookup(self.types.type_of(&it), &nx).is_some(),
                    };
                    if !ok {
                        return Err(PyErr::type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.types.type_name(&it)
                        )));
                    }
                    return Ok(it);
                }
                let g = self.names.getitem.clone();
                if class_lookup(&inst.class, &g).is_some() {
                    IterState::SeqIter {
                        obj: v.clone(),
                        index: 0,
                    }
                } else {
                    return Err(PyErr::not_iterable(inst.class.name.as_str()));
                }
            }
            _ => {
                let cls = self.types.type_of(v).clone();
                let n = self.names.iter.clone();
                if let Some(f) = class_lookup(&cls, &n) {
                    return self.call_value(&f, std::slice::from_ref(v), &[]);
                }
                return Err(PyErr::not_iterable(self.types.type_name(v)));
            }
        };
        Ok(make_iter(state))
    }

    /// `next(it)`: `None` when exhausted.
    #[inline(never)]
    pub fn next(&mut self, it: &Value) -> RunResult<Option<Value>> {
        match it {
            Value::Iter(p) => self.next_builtin(p),
            Value::Special(s) if matches!(&**s, Special::Generator(_)) => {
                let Special::Generator(g) = &**s else {
                    return Ok(None);
                };
                match self.gen_send(g, Value::None)? {
                    crate::vm::gen::GenResult::Yield(v) => Ok(Some(v)),
                    crate::vm::gen::GenResult::Return(_) => Ok(None),
                }
            }
            Value::Instance(inst) => {
                let n = self.names.next.clone();
                match class_lookup(&inst.class, &n) {
                    Some(f) => match self.call_value(&f, std::slice::from_ref(it), &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.err_matches(&e, ExcKind::StopIteration) => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        inst.class.name.as_str()
                    ))),
                }
            }
            _ => {
                let cls = self.types.type_of(it).clone();
                let n = self.names.next.clone();
                match class_lookup(&cls, &n) {
                    Some(f) => match self.call_value(&f, std::slice::from_ref(it), &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.err_matches(&e, ExcKind::StopIteration) => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        self.types.type_name(it)
                    ))),
                }
            }
        }
    }

    #[inline]
    fn next_builtin(&mut self, p: &Rc<PyIter>) -> RunResult<Option<Value>> {
        let mut st = p.state.borrow_mut();
        match &mut *st {
            IterState::Range { next, stop, step } => {
                let n = *next;
                if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                    *next = n.saturating_add(*step);
                    if *next == n {
                        *next = *stop;
                    }
                    Ok(Some(Value::Int(n)))
                } else {
                    Ok(None)
                }
            }
            IterState::List { list, index } => {
                let v = list.items.borrow().get(*index).cloned();
                if v.is_some() {
                    *index += 1;
                } else {
                    *st = IterState::Exhausted;
                }
                Ok(v)
            }
            IterState::ListRev { list, index } => {
                if *index == 0 {
                    return Ok(None);
                }
                *index -= 1;
                let v = list.items.borrow().get(*index).cloned();
                Ok(v)
            }
            IterState::Tuple { tuple, index } => {
                let v = tuple.items.get(*index).cloned();
                *index += 1;
                Ok(v)
            }
            IterState::Str { s, byte } => match s.s[*byte..].chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    let mut buf = [0u8; 4];
                    let cs: &str = c.encode_utf8(&mut buf);
                    drop(st);
                    Ok(Some(self.char_value(cs)))
                }
                None => Ok(None),
            },
            IterState::Bytes { b, index } => {
                let v = b.b.get(*index).map(|x| Value::Int(*x as i64));
                *index += 1;
                Ok(v)
            }
            IterState::Dict {
                dict,
                index,
                kind,
                len,
            } => {
                let d = dict.d.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                while *index < d.entries_len() {
                    let i = *index;
                    *index += 1;
                    if let Some(e) = d.entry_at(i) {
                        return Ok(Some(match kind {
                            0 => e.key.clone(),
                            1 => e.value.clone(),
                            _ => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        }));
                    }
                }
                Ok(None)
            }
            IterState::Values { items, index } => {
                let v = items.get(*index).cloned();
                *index += 1;
                Ok(v)
            }
            IterState::Exhausted => Ok(None),
            _ => {
                drop(st);
                self.next_lazy(p)
            }
        }
    }

    /// A one-character str (ASCII ones interned).
    #[inline]
    pub fn char_value(&mut self, cs: &str) -> Value {
        if cs.len() == 1 {
            match self.ascii_chars.get(cs.as_bytes()[0] as usize) {
                Some(v) => v.clone(),
                None => self.intern_value(cs),
            }
        } else {
            Value::str(cs)
        }
    }

    /// The lazy builtins (enumerate, zip, map, filter, sequence iteration):
    /// they call back into the VM, so no borrow is held across calls.
    fn next_lazy(&mut self, p: &Rc<PyIter>) -> RunResult<Option<Value>> {
        let snapshot = {
            let st = p.state.borrow();
            match &*st {
                IterState::Enumerate { it, count } => (0u8, vec![it.clone()], *count, Value::Null),
                IterState::Zip { its } => (1, its.clone(), 0, Value::Null),
                IterState::Map { f, its } => (2, its.clone(), 0, f.clone()),
                IterState::Filter { f, it } => (3, vec![it.clone()], 0, f.clone()),
                IterState::SeqIter { obj, index } => (4, vec![obj.clone()], *index, Value::Null),
                _ => return Ok(None),
            }
        };
        let (kind, its, count, f) = snapshot;
        let r = match kind {
            0 => match self.next(&its[0])? {
                Some(v) => {
                    if let IterState::Enumerate { count, .. } = &mut *p.state.borrow_mut() {
                        *count += 1;
                    }
                    Some(Value::tuple(vec![Value::Int(count), v]))
                }
                None => None,
            },
            1 | 2 => {
                let mut vals = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(it)? {
                        Some(v) => vals.push(v),
                        None => {
                            *p.state.borrow_mut() = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                if its.is_empty() {
                    None
                } else if kind == 1 {
                    Some(Value::tuple(vals))
                } else {
                    Some(self.call_value(&f, &vals, &[])?)
                }
            }
            3 => loop {
                match self.next(&its[0])? {
                    Some(v) => {
                        let keep = if f.is_none() {
                            self.truthy(&v)?
                        } else {
                            let r = self.call_value(&f, std::slice::from_ref(&v), &[])?;
                            self.truthy(&r)?
                        };
                        if keep {
                            break Some(v);
                        }
                    }
                    None => break None,
                }
            },
            _ => match self.getitem(&its[0], &Value::Int(count)) {
                Ok(v) => {
                    if let IterState::SeqIter { index, .. } = &mut *p.state.borrow_mut() {
                        *index += 1;
                    }
                    Some(v)
                }
                Err(e)
                    if self.err_matches(&e, ExcKind::IndexError)
                        || self.err_matches(&e, ExcKind::StopIteration) =>
                {
                    None
                }
                Err(e) => return Err(e),
            },
        };
        if r.is_none() {
            *p.state.borrow_mut() = IterState::Exhausted;
        }
        Ok(r)
    }

    /// Every item of an iterable, in order.
    pub fn collect(&mut self, v: &Value) -> RunResult<Vec<Value>> {
        match v {
            Value::List(l) => {
                let items = l.items.borrow().clone();
                self.charge(items.len() as u64 / 8)?;
                Ok(items)
            }
            Value::Tuple(t) => Ok(t.items.to_vec()),
            _ => {
                let it = self.get_iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() % 4096 == 0 {
                        self.charge(4096)?;
                    }
                }
                Ok(out)
            }
        }
    }

    /// `tuple(v)`
    pub fn to_tuple(&mut self, v: &Value) -> RunResult<Value> {
        match v {
            Value::Tuple(_) => Ok(v.clone()),
            _ => Ok(Value::tuple(self.collect(v)?)),
        }
    }
}
