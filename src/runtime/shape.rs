//! Instance attributes without a dict: an instance keeps its attribute
//! values in an array whose layout (the names, in insertion order) is a
//! shared, immutable `Shape` (a "hidden class"). Instances that set the
//! same attributes in the same order share a shape, so an inline cache
//! that saw a shape reads or writes an attribute by its index, with no
//! hashing and no dict. The dict (`obj.__dict__`, `vars(obj)`, `del
//! obj.x`, and every use outside the attribute fast paths) is made from
//! the array on first request, and the instance keeps it from then on.
//!
//! Shapes form a tree from one empty root (a transition per added name)
//! and live as long as the thread: a shape's address is never reused, so
//! inline caches key on it. The tree is bounded (`MAX_NAMES` names per
//! shape, `MAX_SHAPES` shapes in all); an instance that would go past a
//! bound gets its dict instead.

use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use super::dict::Dict;
use super::value::{Class, ExcData, Instance, PyDict, PyStr, Value};

/// Names a shape may hold (more go to a dict).
const MAX_NAMES: usize = 30;
/// Shapes made in all (then new attribute layouts go to a dict).
const MAX_SHAPES: usize = 4096;
/// Transitions one shape may have (more go to a dict).
const MAX_NEXT: usize = 16;

/// An attribute layout: the names of an instance's values, in order.
#[derive(Debug, Default)]
pub struct Shape {
    pub names: Box<[Rc<PyStr>]>,
    /// The `Dict::bloom` of these names (a clear bit proves a name absent).
    pub bloom: u64,
    /// The shapes made by adding one name.
    next: RefCell<Vec<(Rc<PyStr>, Rc<Shape>)>>,
}

thread_local! {
    static ROOT: Rc<Shape> = Rc::new(Shape::default());
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

impl Shape {
    /// The index of `name` (by identity, then content).
    #[inline]
    pub fn find(&self, name: &PyStr) -> Option<usize> {
        let hash = name.hash();
        if self.bloom & super::dict::bloom_bit(hash as i64) == 0 {
            return None;
        }
        self.names.iter().position(|n| {
            std::ptr::eq(&**n, name) || (n.hash() == hash && n.as_str() == name.as_str())
        })
    }

    /// The shape with `name` added (None past a bound).
    fn with(&self, name: &Rc<PyStr>) -> Option<Rc<Shape>> {
        let mut next = self.next.borrow_mut();
        if let Some((_, s)) = next.iter().find(|(n, _)| Rc::ptr_eq(n, name)) {
            return Some(s.clone());
        }
        if let Some((_, s)) = next.iter().find(|(n, _)| n.as_str() == name.as_str()) {
            return Some(s.clone());
        }
        let count = COUNT.with(|c| c.get());
        if self.names.len() >= MAX_NAMES || next.len() >= MAX_NEXT || count >= MAX_SHAPES {
            return None;
        }
        COUNT.with(|c| c.set(count + 1));
        let mut names = Vec::with_capacity(self.names.len() + 1);
        names.extend(self.names.iter().cloned());
        names.push(name.clone());
        let s = Rc::new(Shape {
            names: names.into_boxed_slice(),
            bloom: self.bloom | super::dict::bloom_bit(name.hash() as i64),
            next: RefCell::new(Vec::new()),
        });
        next.push((name.clone(), s.clone()));
        Some(s)
    }

    /// The key inline caches keep for this shape.
    #[inline(always)]
    pub fn key(s: &Rc<Shape>) -> u64 {
        Rc::as_ptr(s) as u64
    }
}

/// Where an instance's attributes live.
#[derive(Debug)]
pub enum Attrs {
    /// Values by a shape (no dict made yet).
    Shaped {
        shape: Rc<Shape>,
        values: Vec<Value>,
    },
    /// The instance dict (shared with `obj.__dict__`).
    Dict(Rc<PyDict>),
}

impl Instance {
    /// A new instance with no attributes.
    #[inline]
    pub fn new(class: Rc<Class>, exc: Option<Box<RefCell<ExcData>>>) -> Instance {
        Instance {
            class,
            attrs: RefCell::new(Attrs::Shaped {
                shape: ROOT.with(|r| r.clone()),
                values: Vec::new(),
            }),
            exc,
        }
    }

    /// The attribute storage (for the inline-cache fast paths).
    #[inline(always)]
    pub fn attrs(&self) -> Ref<'_, Attrs> {
        self.attrs.borrow()
    }

    /// The attribute storage, mutably (for the inline-cache fast paths).
    #[inline(always)]
    pub fn attrs_mut(&self) -> std::cell::RefMut<'_, Attrs> {
        self.attrs.borrow_mut()
    }

    /// The instance dict, made from the attribute array on first use (the
    /// instance keeps it from then on).
    pub fn dict(&self) -> Rc<PyDict> {
        let mut a = self.attrs.borrow_mut();
        match &mut *a {
            Attrs::Dict(d) => d.clone(),
            Attrs::Shaped { shape, values } => {
                let mut d = Dict::with_capacity(values.len());
                for (n, v) in shape.names.iter().zip(values.drain(..)) {
                    d.set_str(n.clone(), v);
                }
                let d = Rc::new(PyDict { d: RefCell::new(d) });
                *a = Attrs::Dict(d.clone());
                d
            }
        }
    }

    /// The instance attribute `name`.
    #[inline]
    pub fn get(&self, name: &PyStr) -> Option<Value> {
        match &*self.attrs.borrow() {
            Attrs::Shaped { shape, values } => shape.find(name).map(|i| values[i].clone()),
            Attrs::Dict(d) => d.d.borrow().get_str(name).cloned(),
        }
    }

    /// Whether the instance surely has no attribute `name` (mostly answered
    /// by a Bloom filter).
    #[inline]
    pub fn lacks(&self, name: &PyStr) -> bool {
        match &*self.attrs.borrow() {
            Attrs::Shaped { shape, .. } => shape.find(name).is_none(),
            Attrs::Dict(d) => d.d.borrow().lacks_str(name),
        }
    }

    /// Sets the instance attribute `name`; returns the old value (for the
    /// caller to drop after the borrow ends).
    pub fn set(&self, name: &Rc<PyStr>, v: Value) -> Option<Value> {
        let mut a = self.attrs.borrow_mut();
        if let Attrs::Shaped { shape, values } = &mut *a {
            if let Some(i) = shape.find(name) {
                return Some(std::mem::replace(&mut values[i], v));
            }
            if let Some(s) = shape.with(name) {
                *shape = s;
                values.push(v);
                return None;
            }
        }
        drop(a);
        let d = self.dict();
        d.d.borrow_mut().set_str(name.clone(), v);
        None
    }

    /// Removes the instance attribute `name` (the dict is made first, so
    /// the order of the others stays the dict's); whether it was there.
    pub fn remove(&self, name: &PyStr) -> bool {
        let d = self.dict();
        let old = d.d.borrow_mut().remove_str(name);
        old.is_some()
    }
}
