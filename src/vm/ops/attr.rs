//! Attribute access: instance dicts, class lookup along the MRO,
//! descriptors (functions bind, property, staticmethod, classmethod), and
//! the special attributes of builtin objects.

use std::rc::Rc;

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::shape::{Attrs, Shape};
use crate::runtime::value::{BoundMethod, Class, Instance, PyStr, Special, Value};
use crate::vm::Vm;

/// Looks a name up in a class and its MRO.
#[inline]
pub fn class_lookup(cls: &Rc<Class>, name: &PyStr) -> Option<Value> {
    if let Some(v) = cls.dict.borrow().get_str(name) {
        return Some(v.clone());
    }
    for c in &cls.mro {
        if let Some(v) = c.dict.borrow().get_str(name) {
            return Some(v.clone());
        }
    }
    None
}

/// A method of a user object's class (`__get__`, `__set__`, ...).
pub fn descriptor_method(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(d) => class_lookup(&d.class, &PyStr::new(name)),
        _ => None,
    }
}

/// A user-defined descriptor: its `__get__` if any, and whether it is a
/// data descriptor (has `__set__` or `__delete__`); None for other values.
pub fn descriptor_of(v: &Value) -> Option<(Option<Value>, bool)> {
    if !matches!(v, Value::Instance(_)) {
        return None;
    }
    let get = descriptor_method(v, "__get__");
    let data =
        descriptor_method(v, "__set__").is_some() || descriptor_method(v, "__delete__").is_some();
    (get.is_some() || data).then_some((get, data))
}

/// `obj.__dict__` / `vars(obj)` for an instance with a dict. Slot values
/// live in the same dict, so a class below a `__slots__` class refuses.
pub fn instance_dict(inst: &crate::runtime::value::Instance) -> RunResult<Value> {
    if inst.class.mro.iter().any(|c| c.slots.is_some()) {
        return Err(PyErr::not_implemented(
            "sigpy does not support __dict__ of instances of a subclass of a class with __slots__",
        ));
    }
    Ok(Value::Dict(inst.dict()))
}

/// Whether the instance has no attribute `name`, for a `LoadMethod` site:
/// `cache.shape` is the last shape seen to lack it.
#[inline(always)]
fn lacks_cached(
    inst: &Instance,
    cache: &crate::runtime::value::InlineCache,
    name: &Rc<PyStr>,
) -> bool {
    match &*inst.attrs() {
        Attrs::Shaped { shape, .. } => {
            if Shape::key(shape) == cache.shape.get() {
                return true;
            }
            let lacks = shape.find(name).is_none();
            if lacks {
                cache.shape.set(Shape::key(shape));
            }
            lacks
        }
        Attrs::Dict(d) => d.d.borrow().lacks_str(name),
    }
}

/// Sets the instance attribute `name` through an inline cache (as
/// `instance_attr_cached` reads it), returning the old value if any.
#[inline(always)]
pub fn set_instance_attr_cached(
    inst: &Instance,
    cache: &crate::runtime::value::InlineCache,
    name: &Rc<PyStr>,
    v: Value,
) -> Option<Value> {
    let mut a = inst.attrs_mut();
    match &mut *a {
        Attrs::Shaped { shape, values } => {
            if Shape::key(shape) == cache.shape.get() {
                if let Some(slot) = values.get_mut(cache.index.get() as usize) {
                    return Some(std::mem::replace(slot, v));
                }
            }
            if let Some(i) = shape.find(name) {
                cache.shape.set(Shape::key(shape));
                cache.index.set(i as u32);
                return Some(std::mem::replace(&mut values[i], v));
            }
        }
        Attrs::Dict(d) => {
            let mut d = d.d.borrow_mut();
            if let Some(slot) = d.value_if_key_at_mut(cache.index.get() as usize, name) {
                return Some(std::mem::replace(slot, v));
            }
            if let Some(ix) = d.find_str(name) {
                cache.shape.set(0);
                cache.index.set(ix as u32);
                return Some(std::mem::replace(d.value_at_mut(ix), v));
            }
        }
    }
    drop(a);
    // A new attribute: the shape with it added (or the dict).
    inst.set(name, v);
    match &*inst.attrs() {
        Attrs::Shaped { shape, values } => {
            cache.shape.set(Shape::key(shape));
            cache.index.set(values.len() as u32 - 1);
        }
        Attrs::Dict(d) => {
            if let Some(ix) = d.d.borrow().find_str(name) {
                cache.shape.set(0);
                cache.index.set(ix as u32);
            }
        }
    }
    None
}

/// The instance attribute `name` through an inline cache: the value at the
/// cached index when the instance has the cached shape (or, with a dict, the
/// entry at the cached index when its key is `name`), else found and cached.
#[inline(always)]
pub fn instance_attr_cached(
    inst: &Instance,
    cache: &crate::runtime::value::InlineCache,
    name: &Rc<PyStr>,
) -> Option<Value> {
    match &*inst.attrs() {
        Attrs::Shaped { shape, values } => {
            if Shape::key(shape) == cache.shape.get() {
                if let Some(v) = values.get(cache.index.get() as usize) {
                    return Some(v.clone());
                }
            }
            let i = shape.find(name)?;
            cache.shape.set(Shape::key(shape));
            cache.index.set(i as u32);
            Some(values[i].clone())
        }
        Attrs::Dict(d) => {
            let d = d.d.borrow();
            if let Some(v) = d.value_if_key_at(cache.index.get() as usize, name) {
                return Some(v.clone());
            }
            let ix = d.find_str(name)?;
            cache.shape.set(0);
            cache.index.set(ix as u32);
            Some(d.value_at(ix).clone())
        }
    }
}

fn bound(func: Value, self_: Value) -> Value {
    Value::BoundMethod(Rc::new(BoundMethod { func, self_ }))
}

/// Class attribute lookups by (class, name), valid for one class epoch
/// (CPython's type attribute cache): an inline cache that misses (a call
/// site seeing several classes) finds the attribute here instead of
/// walking the MRO. Allocated on first use.
#[derive(Debug, Default)]
pub struct AttrCache {
    entries: Vec<AttrCacheEntry>,
}

/// One entry of the `AttrCache`: the result of `class_lookup` for a class
/// (by address) and a name (held, so its address cannot be reused) at an
/// epoch. A class created at the address of a freed one bumps the epoch.
#[derive(Debug, Default)]
struct AttrCacheEntry {
    class: usize,
    name: Option<Rc<PyStr>>,
    epoch: u64,
    /// The attribute found (Null: none).
    value: Value,
}

/// Entries of the `AttrCache` (a power of two).
const ATTR_CACHE_SIZE: usize = 512;

impl AttrCache {
    /// `class_lookup` through the cache.
    #[inline]
    pub fn lookup(&mut self, epoch: u64, cls: &Rc<Class>, name: &Rc<PyStr>) -> Option<Value> {
        let key = Rc::as_ptr(cls) as usize;
        let ix = ((key >> 4) ^ (key >> 13) ^ name.hash() as usize) & (ATTR_CACHE_SIZE - 1);
        if let Some(e) = self.entries.get(ix) {
            if e.class == key
                && e.epoch == epoch
                && e.name.as_ref().is_some_and(|n| Rc::ptr_eq(n, name))
            {
                return if e.value.is_null() {
                    None
                } else {
                    Some(e.value.clone())
                };
            }
        }
        let found = class_lookup(cls, name);
        if self.entries.is_empty() {
            self.entries
                .resize_with(ATTR_CACHE_SIZE, AttrCacheEntry::default);
        }
        self.entries[ix] = AttrCacheEntry {
            class: key,
            name: Some(name.clone()),
            epoch,
            value: found.clone().unwrap_or(Value::Null),
        };
        found
    }

    /// `class_lookup` for an inline cache that missed: through this cache,
    /// then stored in the inline cache (keyed on the class and epoch).
    #[inline(never)]
    pub fn refill(
        &mut self,
        epoch: u64,
        cache: &crate::runtime::value::InlineCache,
        cls: &Rc<Class>,
        name: &Rc<PyStr>,
    ) -> Option<Value> {
        let found = self.lookup(epoch, cls, name);
        let key = Rc::as_ptr(cls) as u64;
        let value = found.clone().unwrap_or(Value::Null);
        // The first entry while it is free or stale, then the others
        // (a free or stale one, else one picked by the class address).
        if cache.key.get() == 0 || cache.aux.get() != epoch {
            cache.key.set(key);
            cache.aux.set(epoch);
            *cache.value.borrow_mut() = value;
            return found;
        }
        let poly = cache.poly.get_or_init(Default::default);
        let e = match poly
            .iter()
            .find(|e| e.key.get() == 0 || e.epoch.get() != epoch)
        {
            Some(e) => e,
            None => &poly[(key >> 4) as usize % poly.len()],
        };
        e.key.set(key);
        e.epoch.set(epoch);
        *e.value.borrow_mut() = value;
        found
    }
}

impl Vm {
    /// `class_lookup` through the VM-wide attribute cache.
    #[inline]
    pub fn class_attr(&self, cls: &Rc<Class>, name: &Rc<PyStr>) -> Option<Value> {
        self.attr_cache
            .borrow_mut()
            .lookup(self.class_epoch, cls, name)
    }

    /// `class_lookup` through an inline cache, then the VM-wide cache.
    #[inline]
    pub fn cached_class_lookup(
        &self,
        cache: &crate::runtime::value::InlineCache,
        cls: &Rc<Class>,
        name: &Rc<PyStr>,
    ) -> Option<Value> {
        match self.cache_entry(cache, cls) {
            Some(v) => {
                let v = v.borrow();
                if v.is_null() {
                    None
                } else {
                    Some(v.clone())
                }
            }
            None => self
                .attr_cache
                .borrow_mut()
                .refill(self.class_epoch, cache, cls, name),
        }
    }

    /// The slot an inline cache holds for `cls` in the current class epoch:
    /// its main entry or one of its up to four more (a site seeing several
    /// classes); None when the site has not seen `cls` since.
    #[inline(always)]
    fn cache_entry<'c>(
        &self,
        cache: &'c crate::runtime::value::InlineCache,
        cls: &Rc<Class>,
    ) -> Option<&'c std::cell::RefCell<Value>> {
        let (key, epoch) = (Rc::as_ptr(cls) as u64, self.class_epoch);
        if cache.key.get() == key && cache.aux.get() == epoch {
            return Some(&cache.value);
        }
        cache.poly.get().and_then(|poly| {
            poly.iter()
                .find(|e| e.key.get() == key && e.epoch.get() == epoch)
                .map(|e| &e.value)
        })
    }

    /// The Python function `inst.name` names through an inline cache, for
    /// `LoadMethod` (no attribute hook, no instance attribute of that name:
    /// the dict's Bloom filter mostly answers that without probing).
    #[inline(never)]
    pub fn instance_method(
        &self,
        inst: &crate::runtime::value::Instance,
        cache: &crate::runtime::value::InlineCache,
        name: &Rc<PyStr>,
    ) -> Option<Value> {
        let cls = &inst.class;
        if cls.attr_hooks.get() || !lacks_cached(inst, cache, name) {
            return None;
        }
        // The entries inline (a site seeing up to five classes), the
        // VM-wide cache on a miss.
        match self.cache_entry(cache, cls) {
            Some(v) => match &*v.borrow() {
                Value::Function(f) => Some(Value::Function(f.clone())),
                _ => None,
            },
            None => match self
                .attr_cache
                .borrow_mut()
                .refill(self.class_epoch, cache, cls, name)
            {
                Some(f @ Value::Function(_)) => Some(f),
                _ => None,
            },
        }
    }

    /// `obj.name` through an inline cache: the instance dict first when the
    /// class has no data descriptors, then the cached class attribute.
    #[inline]
    pub fn get_attr_cached(
        &mut self,
        obj: &Value,
        name: &Rc<PyStr>,
        cache: &crate::runtime::value::InlineCache,
    ) -> RunResult<Value> {
        if let Value::Instance(inst) = obj {
            if !inst.class.has_descriptors.get() && !self.late_descriptors {
                if let Some(v) = instance_attr_cached(inst, cache, name) {
                    return Ok(v);
                }
                match self.cached_class_lookup(cache, &inst.class, name) {
                    Some(v @ Value::Function(_)) => {
                        return Ok(bound(v, obj.clone()));
                    }
                    Some(
                        v @ (Value::Int(_)
                        | Value::Str(_)
                        | Value::None
                        | Value::Bool(_)
                        | Value::Float(_)),
                    ) => {
                        return Ok(v);
                    }
                    _ => {}
                }
            }
        }
        self.get_attr(obj, name)
    }

    /// `obj.name = v` through an inline cache (the entry index guess).
    #[inline]
    pub fn set_attr_cached(
        &mut self,
        obj: &Value,
        name: &Rc<PyStr>,
        v: Value,
        cache: &crate::runtime::value::InlineCache,
    ) -> RunResult<()> {
        if let Value::Instance(inst) = obj {
            if !inst.class.has_descriptors.get() && !self.late_descriptors && inst.exc.is_none() {
                if name.as_str() == "__dict__" || Rc::ptr_eq(&inst.class, &self.types.object) {
                    return self.set_attr(obj, name, v);
                }
                let old = set_instance_attr_cached(inst, cache, name, v);
                drop(old);
                return Ok(());
            }
        }
        self.set_attr(obj, name, v)
    }

    /// `LoadMethod` through an inline cache.
    #[inline]
    pub fn load_method_cached(
        &mut self,
        obj: &Value,
        name: &Rc<PyStr>,
        cache: &crate::runtime::value::InlineCache,
    ) -> RunResult<(Value, Value)> {
        match obj {
            Value::Instance(inst) if !inst.class.attr_hooks.get() => {
                if !lacks_cached(inst, cache, name) {
                    if let Some(v) = inst.get(name) {
                        return Ok((v, Value::Null));
                    }
                }
                match self.cached_class_lookup(cache, &inst.class, name) {
                    Some(f @ Value::Function(_)) => Ok((f, obj.clone())),
                    _ => Ok((self.get_attr(obj, name)?, Value::Null)),
                }
            }
            Value::Instance(_) | Value::Class(_) | Value::Module(_) | Value::Special(_) => {
                Ok((self.get_attr(obj, name)?, Value::Null))
            }
            _ => {
                let cls = self.types.type_of(obj).clone();
                match self.cached_class_lookup(cache, &cls, name) {
                    Some(f @ Value::Builtin(_)) => Ok((f, obj.clone())),
                    _ => Ok((self.get_attr(obj, name)?, Value::Null)),
                }
            }
        }
    }

    /// `obj.name`. A failed lookup's `AttributeError` records `name` and
    /// `obj` (for CPython's "Did you mean" suggestion).
    #[inline(never)]
    pub fn get_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> RunResult<Value> {
        match self.get_attr_impl(obj, name) {
            Err(PyErr::Lazy(b)) if b.0 == ExcKind::AttributeError => {
                let inst = self.materialize(PyErr::Lazy(b));
                let (kn, ko) = (self.intern("name"), self.intern("obj"));
                inst.set(&kn, Value::Str(name.clone()));
                inst.set(&ko, obj.clone());
                Err(PyErr::Obj(inst))
            }
            r => r,
        }
    }

    #[inline(always)]
    fn get_attr_impl(&mut self, obj: &Value, name: &Rc<PyStr>) -> RunResult<Value> {
        match obj {
            Value::Instance(inst) => {
                let hook = if inst.class.attr_hooks.get() || self.late_descriptors {
                    self.user_hook(&inst.class, "__getattribute__")
                } else {
                    None
                };
                let r = match hook {
                    Some(f) => self.call_value(&f, &[obj.clone(), Value::Str(name.clone())], &[]),
                    None => self.instance_getattribute(obj, name),
                };
                match r {
                    Err(e) if self.err_matches(&e, ExcKind::AttributeError) => {
                        let getattr = self.intern("__getattr__");
                        match class_lookup(&inst.class, &getattr) {
                            Some(f) => {
                                self.call_value(&f, &[obj.clone(), Value::Str(name.clone())], &[])
                            }
                            None => Err(e),
                        }
                    }
                    r => r,
                }
            }
            Value::Class(cls) => self.class_get_attr(cls, name),
            Value::Special(s) if matches!(&**s, Special::Super { .. }) => {
                let Special::Super { class, obj: inner } = &**s else {
                    return Err(PyErr::no_attribute("super", name.as_str()));
                };
                self.super_get_attr(class, inner, name)
            }
            Value::Module(m) => {
                if let Some(v) = m.dict.d.borrow().get_str(name) {
                    return Ok(v.clone());
                }
                if name.as_str() == "__dict__" {
                    return Ok(Value::Dict(m.dict.clone()));
                }
                self.module_getattr(m, name)
            }
            _ => self.builtin_get_attr(obj, name),
        }
    }

    /// A name missing from a module's dict: its `__getattr__` (PEP 562), or
    /// CPython's `AttributeError` (which names a circular import).
    #[cold]
    fn module_getattr(
        &mut self,
        m: &Rc<crate::runtime::value::Module>,
        name: &Rc<PyStr>,
    ) -> RunResult<Value> {
        let hook = m
            .dict
            .d
            .borrow()
            .get_str(&self.intern("__getattr__"))
            .cloned();
        if let Some(f) = hook {
            return self.call_value(&f, &[Value::Str(name.clone())], &[]);
        }
        let mod_name = match m.dict.d.borrow().get_str(&self.names.name) {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => {
                return Err(PyErr::new(
                    ExcKind::AttributeError,
                    format!("module has no attribute '{}'", name.as_str()),
                ))
            }
        };
        let msg = if crate::modules::import::is_initializing(self, m) {
            format!("partially initialized module '{}' has no attribute '{}' (most likely due to a circular import)", mod_name, name.as_str())
        } else {
            format!("module '{}' has no attribute '{}'", mod_name, name.as_str())
        };
        Err(PyErr::new(ExcKind::AttributeError, msg))
    }

    /// A Python-level override of an attribute hook (`__getattribute__`,
    /// `__setattr__`, `__delattr__`), or `None` when `object`'s applies.
    pub fn user_hook(&mut self, cls: &Rc<Class>, hook: &str) -> Option<Value> {
        let key = self.intern(hook);
        match class_lookup(cls, &key)? {
            Value::Builtin(b) if b.qualname.starts_with("object.") => None,
            f => Some(f),
        }
    }

    /// `object.__getattribute__(obj, name)` for an instance: data
    /// descriptors, the instance dict, then the class (no `__getattr__`).
    pub fn instance_getattribute(&mut self, obj: &Value, name: &Rc<PyStr>) -> RunResult<Value> {
        let Value::Instance(inst) = obj else {
            return self.get_attr(obj, name);
        };
        let cls_attr = class_lookup(&inst.class, name);
        if let Some(Value::Special(s)) = &cls_attr {
            if let Special::Property { fget, .. } = &**s {
                if fget.is_none() {
                    return Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!(
                            "property '{}' of '{}' object has no getter",
                            name.as_str(),
                            inst.class.name.as_str()
                        ),
                    ));
                }
                let f = fget.clone();
                return self.call_value(&f, std::slice::from_ref(obj), &[]);
            }
        }
        let descriptor = cls_attr.as_ref().and_then(descriptor_of);
        if let Some((Some(get), true)) = &descriptor {
            let d = cls_attr.clone().unwrap_or(Value::None);
            let owner = Value::Class(inst.class.clone());
            return self.call_value(get, &[d, obj.clone(), owner], &[]);
        }
        if let Some(v) = inst.get(name) {
            return Ok(v);
        }
        if let (Some((Some(get), _)), Some(d)) = (&descriptor, &cls_attr) {
            let owner = Value::Class(inst.class.clone());
            return self.call_value(get, &[d.clone(), obj.clone(), owner], &[]);
        }
        if let Some(v) = cls_attr {
            return Ok(self.bind_class_attr(v, obj, &inst.class));
        }
        if let Some(v) = self.instance_special_attr(obj, name)? {
            return Ok(v);
        }
        if let Some(v) = crate::builtins::reflect::object_slot(self, name) {
            return Ok(bound(v, obj.clone()));
        }
        Err(PyErr::no_attribute(inst.class.name.as_str(), name.as_str()))
    }

    /// `super(class, obj).name`: the MRO of obj's class after `class`.
    fn super_get_attr(
        &mut self,
        class: &Rc<Class>,
        obj: &Value,
        name: &Rc<PyStr>,
    ) -> RunResult<Value> {
        let start = match obj {
            Value::Class(c) => c.clone(),
            other => self.types.type_of(other).clone(),
        };
        let mut chain = vec![start.clone()];
        chain.extend(start.mro.iter().cloned());
        let pos = chain.iter().position(|c| Rc::ptr_eq(c, class));
        if let Some(pos) = pos {
            for c in &chain[pos + 1..] {
                let found = c.dict.borrow().get_str(name).cloned();
                if let Some(v) = found {
                    if let (Value::Special(s), Value::Instance(_)) = (&v, obj) {
                        if let Special::Property { fget, .. } = &**s {
                            let f = fget.clone();
                            return self.call_value(&f, std::slice::from_ref(obj), &[]);
                        }
                    }
                    if let Some((Some(get), _)) = descriptor_of(&v) {
                        let inst = match obj {
                            Value::Class(_) => Value::None,
                            other => other.clone(),
                        };
                        let owner = Value::Class(start.clone());
                        return self.call_value(&get, &[v, inst, owner], &[]);
                    }
                    // `__new__` is a static method.
                    if name.as_str() == "__new__" {
                        return Ok(v);
                    }
                    return Ok(match (&v, obj) {
                        (Value::Function(_), Value::Class(_)) => v,
                        _ => self.bind_class_attr(v, obj, &start),
                    });
                }
            }
            if let Some(v) = crate::builtins::reflect::object_slot(self, name) {
                return Ok(match obj {
                    Value::Class(_) if name.as_str() != "__init_subclass__" => v,
                    _ => bound(v, obj.clone()),
                });
            }
        }
        Err(PyErr::no_attribute("super", name.as_str()))
    }

    /// Binds a class attribute found for an instance (functions become
    /// bound methods, classmethods bind to the class).
    pub fn bind_class_attr(&mut self, v: Value, obj: &Value, cls: &Rc<Class>) -> Value {
        match &v {
            Value::Function(_) => bound(v, obj.clone()),
            Value::Special(s) => match &**s {
                Special::StaticMethod(f) => f.clone(),
                Special::ClassMethod(f) => bound(f.clone(), Value::Class(cls.clone())),
                _ => v,
            },
            Value::Builtin(b) if b.bound.is_none() => bound(v, obj.clone()),
            _ => v,
        }
    }

    fn class_get_attr(&mut self, cls: &Rc<Class>, name: &Rc<PyStr>) -> RunResult<Value> {
        // `type`'s data descriptors win over the class dict (`generator`
        // has a `__name__` property for its instances).
        match name.as_str() {
            "__name__" => return Ok(Value::Str(cls.name.clone())),
            "__qualname__" => return Ok(Value::Str(cls.qualname.borrow().clone())),
            _ => {}
        }
        if let Some(v) = class_lookup(cls, name) {
            if let Some((Some(get), _)) = descriptor_of(&v) {
                let owner = Value::Class(cls.clone());
                return self.call_value(&get, &[v, Value::None, owner], &[]);
            }
            return Ok(match &v {
                Value::Special(s) => match &**s {
                    Special::StaticMethod(f) => f.clone(),
                    Special::ClassMethod(f) => bound(f.clone(), Value::Class(cls.clone())),
                    _ => v,
                },
                _ => v,
            });
        }
        Ok(match name.as_str() {
            "__name__" => Value::Str(cls.name.clone()),
            "__qualname__" => Value::Str(cls.qualname.borrow().clone()),
            "__bases__" => {
                Value::tuple(cls.bases.iter().map(|c| Value::Class(c.clone())).collect())
            }
            "__base__" => match cls.bases.first() {
                Some(b) => Value::Class(b.clone()),
                None => Value::None,
            },
            "__mro__" => {
                let mut v = vec![Value::Class(cls.clone())];
                v.extend(cls.mro.iter().map(|c| Value::Class(c.clone())));
                Value::tuple(v)
            }
            "__dict__" => {
                let mut d = cls.dict.borrow().clone();
                if Rc::ptr_eq(cls, &self.types.object) {
                    for n in crate::builtins::reflect::object_slot_names() {
                        let k = self.intern(n);
                        if let Some(v) = crate::builtins::reflect::object_slot(self, &k) {
                            d.set_str(k, v);
                        }
                    }
                }
                Value::Dict(Rc::new(crate::runtime::value::PyDict {
                    d: std::cell::RefCell::new(d),
                }))
            }
            "__module__" if cls.is_builtin => self.intern_value("builtins"),
            "__class__" => Value::Class(self.types.type_.clone()),
            "mro" => Value::Builtin(Rc::new(crate::runtime::value::Builtin {
                name: "mro",
                f: crate::builtins::reflect::type_mro,
                bound: Some(Value::Class(cls.clone())),
                qualname: "type.mro",
            })),
            "__doc__" => Value::None,
            _ => {
                if let Some(v) = crate::builtins::reflect::object_slot(self, name) {
                    return Ok(match name.as_str() {
                        "__init_subclass__" => bound(v, Value::Class(cls.clone())),
                        _ => v,
                    });
                }
                return Err(PyErr::new(
                    ExcKind::AttributeError,
                    format!(
                        "type object '{}' has no attribute '{}'",
                        cls.name.as_str(),
                        name.as_str()
                    ),
                ));
            }
        })
    }

    /// `__class__`, `__dict__` and exception attributes of instances.
    fn instance_special_attr(&mut self, obj: &Value, name: &PyStr) -> RunResult<Option<Value>> {
        let Value::Instance(inst) = obj else {
            return Ok(None);
        };
        match name.as_str() {
            "__class__" => return Ok(Some(Value::Class(inst.class.clone()))),
            "__dict__"
                if inst.class.slots.is_none() && !Rc::ptr_eq(&inst.class, &self.types.object) =>
            {
                return instance_dict(inst).map(Some);
            }
            _ => {}
        }
        let Some(exc) = &inst.exc else {
            return Ok(None);
        };
        let e = exc.borrow();
        Ok(match name.as_str() {
            "args" => Some(e.args.clone()),
            "__cause__" => Some(e.cause.clone()),
            "__context__" => Some(e.context.clone()),
            "__suppress_context__" => Some(Value::Bool(e.suppress_context)),
            "__traceback__" => {
                drop(e);
                Some(self.traceback_of(inst))
            }
            // `SignalExit(signum)`: `.signum` is its argument.
            "signum" if super::is_subclass(&inst.class, self.types.exc(ExcKind::SignalExit)) => {
                match &e.args {
                    Value::Tuple(t) => t.items.first().cloned(),
                    _ => None,
                }
            }
            "code" if self.is_system_exit(&inst.class) => {
                let args = e.args.clone();
                Some(match &args {
                    Value::Tuple(t) if t.items.len() == 1 => t.items[0].clone(),
                    Value::Tuple(t) if t.items.is_empty() => Value::None,
                    _ => args,
                })
            }
            _ => None,
        })
    }

    fn is_system_exit(&self, cls: &Rc<Class>) -> bool {
        super::is_subclass(cls, self.types.exc(ExcKind::SystemExit))
    }

    /// Attributes of builtin values: methods from the type's dict (bound),
    /// plus a few data attributes.
    fn builtin_get_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> RunResult<Value> {
        let cls = self.types.type_of(obj).clone();
        if let Some(v) = class_lookup(&cls, name) {
            return match v {
                Value::Builtin(_) | Value::Function(_) => Ok(bound(v, obj.clone())),
                Value::Special(s) if matches!(&*s, Special::Property { .. }) => {
                    let Special::Property { fget, .. } = &*s else {
                        return Ok(Value::Special(s));
                    };
                    self.call_value(fget, std::slice::from_ref(obj), &[])
                }
                other => Ok(self.bind_class_attr(other, obj, &cls)),
            };
        }
        let v = match (obj, name.as_str()) {
            (_, "__class__") => Some(Value::Class(cls.clone())),
            (Value::Function(f), "__name__") => Some(Value::Str(f.name.borrow().clone())),
            (Value::Function(f), "__qualname__") => Some(Value::Str(f.qualname.borrow().clone())),
            (Value::Function(f), "__module__") => Some(f.module.clone()),
            (Value::Function(f), "__doc__") => {
                let set = f
                    .dict
                    .borrow()
                    .as_ref()
                    .and_then(|d| d.get_str(name).cloned());
                Some(set.unwrap_or_else(|| match &f.code.co.doc {
                    Some(d) => Value::str(d),
                    None => Value::None,
                }))
            }
            (Value::Function(f), "__defaults__") => Some(if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.to_vec())
            }),
            (Value::Function(f), _) => f
                .dict
                .borrow()
                .as_ref()
                .and_then(|d| d.get_str(name).cloned()),
            (Value::Builtin(b), "__name__") => Some(Value::str(b.name)),
            (Value::Builtin(b), "__qualname__") => Some(Value::str(b.qualname)),
            (Value::BoundMethod(m), "__self__") => Some(m.self_.clone()),
            (Value::BoundMethod(m), "__func__") => Some(m.func.clone()),
            (Value::BoundMethod(m), _) => {
                let f = m.func.clone();
                return self.get_attr(&f, name);
            }
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "real" | "numerator") => {
                Some(match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    o => o.clone(),
                })
            }
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "denominator") => {
                Some(Value::Int(1))
            }
            (Value::Float(f), "real") => Some(Value::Float(*f)),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            (Value::Code(c), "co_name") => Some(Value::str(&c.co.name)),
            (Value::Code(c), "co_qualname") => Some(Value::str(&c.co.qualname)),
            (Value::Code(c), "co_filename") => Some(Value::str(&c.co.filename)),
            (Value::Code(c), "co_firstlineno") => Some(Value::Int(c.co.first_line as i64)),
            (Value::Range(r), "start") => Some(r.start_value()),
            (Value::Range(r), "stop") => Some(r.stop_value()),
            (Value::Range(r), "step") => Some(r.step_value()),
            (Value::Slice(s), "start") => Some(s.start.clone()),
            (Value::Slice(s), "stop") => Some(s.stop.clone()),
            (Value::Slice(s), "step") => Some(s.step.clone()),
            (Value::Special(s), "fget" | "fset" | "fdel") => match &**s {
                Special::Property {
                    fget, fset, fdel, ..
                } => Some(match name.as_str() {
                    "fget" => fget.clone(),
                    "fset" => fset.clone(),
                    _ => fdel.clone(),
                }),
                _ => None,
            },
            (Value::Special(s), "__doc__") => match &**s {
                Special::Property { fget, doc, .. } => Some(match (doc, fget) {
                    (Value::None, Value::Function(_)) => {
                        let f = fget.clone();
                        return self.get_attr(&f, name);
                    }
                    _ => doc.clone(),
                }),
                _ => None,
            },
            (Value::Special(s), "__func__") => match &**s {
                Special::StaticMethod(f) | Special::ClassMethod(f) => Some(f.clone()),
                _ => None,
            },
            (Value::Special(s), _) => match &**s {
                Special::Frame(f) => f.attr(name.as_str()),
                _ => None,
            },
            _ => None,
        };
        v.ok_or_else(|| PyErr::no_attribute(cls.name.as_str(), name.as_str()))
    }

    /// `obj.name = v`
    #[inline(never)]
    pub fn set_attr(&mut self, obj: &Value, name: &Rc<PyStr>, v: Value) -> RunResult<()> {
        if let Value::Instance(inst) = obj {
            if inst.class.attr_hooks.get() || self.late_descriptors {
                if let Some(f) = self.user_hook(&inst.class, "__setattr__") {
                    self.call_value(&f, &[obj.clone(), Value::Str(name.clone()), v], &[])?;
                    return Ok(());
                }
            }
        }
        self.generic_set_attr(obj, name, v)
    }

    /// `object.__setattr__(obj, name, v)`: data descriptors, then the
    /// instance dict (and the attributes of classes, modules, functions).
    pub fn generic_set_attr(&mut self, obj: &Value, name: &Rc<PyStr>, v: Value) -> RunResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls_attr = class_lookup(&inst.class, name);
                if let Some(Value::Special(s)) = &cls_attr {
                    if let Special::Property { fset, .. } = &**s {
                        if fset.is_none() {
                            return Err(PyErr::new(
                                ExcKind::AttributeError,
                                format!(
                                    "property '{}' of '{}' object has no setter",
                                    name.as_str(),
                                    inst.class.name.as_str()
                                ),
                            ));
                        }
                        let f = fset.clone();
                        self.call_value(&f, &[obj.clone(), v], &[])?;
                        return Ok(());
                    }
                }
                if let Some(d) = cls_attr {
                    if let Some((_, true)) = descriptor_of(&d) {
                        let Some(set) = descriptor_method(&d, "__set__") else {
                            return Err(PyErr::new(ExcKind::AttributeError, "__set__"));
                        };
                        self.call_value(&set, &[d, obj.clone(), v], &[])?;
                        return Ok(());
                    }
                }
                if name.as_str() == "__dict__" {
                    return Err(PyErr::not_implemented(
                        "sigpy does not support assigning to an instance's __dict__",
                    ));
                }
                // Plain `object()` instances have no `__dict__`.
                if Rc::ptr_eq(&inst.class, &self.types.object) {
                    return Err(self.readonly_attr_error(obj, name, Some(&v)));
                }
                if let Some(slots) = &inst.class.slots {
                    if !slots.iter().any(|s| s.as_str() == name.as_str()) {
                        return Err(PyErr::no_attribute(inst.class.name.as_str(), name.as_str()));
                    }
                }
                if let Some(exc) = &inst.exc {
                    let mut e = exc.borrow_mut();
                    match name.as_str() {
                        "args" => {
                            drop(e);
                            let t = self.to_tuple(&v)?;
                            exc.borrow_mut().args = t;
                            return Ok(());
                        }
                        "__cause__" | "__context__" => {
                            let ok = match &v {
                                Value::None => true,
                                Value::Instance(i) => i.exc.is_some(),
                                _ => false,
                            };
                            if !ok {
                                return Err(PyErr::type_error(format!(
                                    "exception {} must be None or derive from BaseException",
                                    &name.as_str()[2..name.as_str().len() - 2]
                                )));
                            }
                            if name.as_str() == "__cause__" {
                                e.cause = v;
                                e.suppress_context = true;
                            } else {
                                e.context = v;
                            }
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            e.suppress_context = matches!(v, Value::Bool(true));
                            return Ok(());
                        }
                        "__traceback__" => {
                            drop(e);
                            return self.set_traceback(inst, &v);
                        }
                        _ => {}
                    }
                }
                drop(inst.set(name, v));
                Ok(())
            }
            Value::Class(cls) if !cls.is_builtin => {
                if name.as_str() == "__del__" {
                    return Err(super::class::no_finalizers(cls.name.as_str()));
                }
                let hook = super::class::is_attr_hook(name.as_str());
                if hook || super::class::is_descriptor(&v) {
                    cls.has_descriptors.set(true);
                    cls.attr_hooks.set(cls.attr_hooks.get() || hook);
                    self.late_descriptors = true;
                }
                self.class_epoch += 1;
                cls.dict.borrow_mut().set_str(name.clone(), v);
                Ok(())
            }
            Value::Module(m) => {
                m.dict.d.borrow_mut().set_str(name.clone(), v);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" | "__qualname__" => {
                        let Value::Str(s) = v else {
                            return Err(PyErr::type_error(format!(
                                "{} must be set to a string object",
                                name.as_str()
                            )));
                        };
                        match name.as_str() {
                            "__name__" => *f.name.borrow_mut() = s,
                            _ => *f.qualname.borrow_mut() = s,
                        }
                    }
                    _ => {
                        let mut d = f.dict.borrow_mut();
                        d.get_or_insert_with(Default::default)
                            .set_str(name.clone(), v);
                    }
                }
                Ok(())
            }
            _ => Err(self.readonly_attr_error(obj, name, Some(&v))),
        }
    }

    /// `del obj.name`
    #[inline(never)]
    pub fn del_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> RunResult<()> {
        if let Value::Instance(inst) = obj {
            if inst.class.attr_hooks.get() || self.late_descriptors {
                if let Some(f) = self.user_hook(&inst.class, "__delattr__") {
                    self.call_value(&f, &[obj.clone(), Value::Str(name.clone())], &[])?;
                    return Ok(());
                }
            }
        }
        self.generic_del_attr(obj, name)
    }

    /// `object.__delattr__(obj, name)`.
    pub fn generic_del_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> RunResult<()> {
        let removed = match obj {
            Value::Instance(inst) => {
                let cls_attr = class_lookup(&inst.class, name);
                if let Some(Value::Special(s)) = &cls_attr {
                    if let Special::Property { fdel, .. } = &**s {
                        let f = fdel.clone();
                        if f.is_none() {
                            return Err(PyErr::new(
                                ExcKind::AttributeError,
                                format!(
                                    "property '{}' of '{}' object has no deleter",
                                    name.as_str(),
                                    inst.class.name.as_str()
                                ),
                            ));
                        }
                        self.call_value(&f, std::slice::from_ref(obj), &[])?;
                        return Ok(());
                    }
                }
                if let Some(d) = cls_attr {
                    if let Some((_, true)) = descriptor_of(&d) {
                        let Some(del) = descriptor_method(&d, "__delete__") else {
                            return Err(PyErr::new(ExcKind::AttributeError, "__delete__"));
                        };
                        self.call_value(&del, &[d, obj.clone()], &[])?;
                        return Ok(());
                    }
                }
                // Plain `object()` instances have no `__dict__`.
                if Rc::ptr_eq(&inst.class, &self.types.object) {
                    return Err(self.readonly_attr_error(obj, name, None));
                }
                inst.remove(name)
            }
            Value::Class(cls) if !cls.is_builtin => {
                self.class_epoch += 1;
                cls.dict.borrow_mut().remove_str(name).is_some()
            }
            Value::Module(m) => m.dict.d.borrow_mut().remove_str(name).is_some(),
            Value::Function(f) => f
                .dict
                .borrow_mut()
                .as_mut()
                .is_some_and(|d| d.remove_str(name).is_some()),
            _ => return Err(self.readonly_attr_error(obj, name, None)),
        };
        if removed {
            Ok(())
        } else {
            let tn = self.types.type_name(obj).to_string();
            Err(PyErr::no_attribute(&tn, name.as_str()))
        }
    }

    /// `getattr(obj, name, default)`-style lookup: `None` on AttributeError.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &Rc<PyStr>) -> RunResult<Option<Value>> {
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
