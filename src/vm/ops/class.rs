//! Class creation (`BuildClass`), the MRO, and subclass checks.

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::dict::Dict;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{Class, PyDict, PyStr, Value};
use crate::vm::Vm;

/// Whether a class attribute is a descriptor (a property, or a user object
/// with `__get__`, `__set__` or `__delete__`): its class then takes the
/// general attribute path, which honours it.
pub fn is_descriptor(v: &Value) -> bool {
    matches!(v, Value::Special(s) if matches!(&**s, crate::runtime::value::Special::Property { .. }))
        || super::attr::descriptor_of(v).is_some()
}

/// Finalizers would run at a different time than in CPython (which calls
/// `__del__` the moment the last reference goes), so they fail loudly.
pub fn no_finalizers(class: &str) -> PyErr {
    PyErr::not_implemented(format!(
        "sigpy does not support __del__ (finalizers): class '{}'",
        class
    ))
}

/// Whether a class attribute of this name overrides attribute access.
pub fn is_attr_hook(name: &str) -> bool {
    matches!(name, "__getattribute__" | "__setattr__" | "__delattr__")
}

/// Whether `cls` is `target` or derives from it.
#[inline]
pub fn is_subclass(cls: &Rc<Class>, target: &Rc<Class>) -> bool {
    Rc::ptr_eq(cls, target) || cls.mro.iter().any(|c| Rc::ptr_eq(c, target))
}

/// Whether a value's class derives from `target`.
pub fn isinstance_class(vm: &Vm, v: &Value, target: &Rc<Class>) -> bool {
    is_subclass(vm.types.type_of(v), target)
}

/// C3 linearisation of `bases` (the MRO without the class itself).
fn c3_mro(name: &str, bases: &[Rc<Class>]) -> RunResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(b.mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut pick = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)));
            if !in_tail {
                pick = Some(cand.clone());
                break;
            }
        }
        let Some(c) = pick else {
            let _ = name;
            // CPython lists the distinct heads of the sequences left.
            let mut heads: Vec<&Rc<Class>> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| Rc::ptr_eq(h, &s[0])) {
                    heads.push(&s[0]);
                }
            }
            let names: Vec<&str> = heads.iter().map(|h| h.name.as_str()).collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

impl Vm {
    /// Creates a class from its name, bases and executed namespace.
    pub fn make_class(
        &mut self,
        name: Rc<PyStr>,
        bases: Vec<Value>,
        ns: Rc<PyDict>,
    ) -> RunResult<Rc<Class>> {
        self.make_class_with(name, bases, ns, &[])
    }

    /// `make_class` with class keywords (passed to `__init_subclass__`).
    pub fn make_class_with(
        &mut self,
        name: Rc<PyStr>,
        bases: Vec<Value>,
        ns: Rc<PyDict>,
        keywords: &[(Value, Value)],
    ) -> RunResult<Rc<Class>> {
        let mut base_classes = Vec::with_capacity(bases.len());
        for b in &bases {
            match b {
                Value::Class(c) => {
                    if c.is_builtin && !Rc::ptr_eq(c, &self.types.object) && !c.is_exception {
                        return Err(PyErr::not_implemented(format!(
                            "sigpy does not support subclassing the builtin type '{}'",
                            c.name.as_str()
                        )));
                    }
                    base_classes.push(c.clone())
                }
                other => {
                    return Err(PyErr::type_error(format!(
                        "bases must be types, not {}",
                        self.types.type_name(other)
                    )))
                }
            }
        }
        for (i, b) in base_classes.iter().enumerate() {
            if base_classes[..i].iter().any(|o| Rc::ptr_eq(o, b)) {
                return Err(PyErr::type_error(format!(
                    "duplicate base class {}",
                    b.name.as_str()
                )));
            }
        }
        if base_classes.is_empty() {
            base_classes.push(self.types.object.clone());
        }
        let mro = c3_mro(name.as_str(), &base_classes)?;
        let is_exception = mro.iter().any(|c| c.is_exception);
        let builtin = if is_exception {
            crate::runtime::value::BuiltinType::BaseException
        } else {
            crate::runtime::value::BuiltinType::Object
        };
        let mut dict: Dict = std::mem::take(&mut *ns.d.borrow_mut());
        if dict.get_str(&PyStr::new("__del__")).is_some() {
            return Err(no_finalizers(name.as_str()));
        }
        let slots = self.class_slots(&dict, &mro)?;
        // Implicit class methods, and `__hash__ = None` for a class that
        // defines `__eq__` but not `__hash__` (CPython's type_new).
        for hook in ["__init_subclass__", "__class_getitem__"] {
            let key = self.intern(hook);
            if let Some(f @ Value::Function(_)) = dict.get_str(&key).cloned() {
                let cm = Value::Special(Rc::new(crate::runtime::value::Special::ClassMethod(f)));
                dict.set_str(key, cm);
            }
        }
        if dict.get_str(&self.names.eq).is_some() && dict.get_str(&self.names.hash).is_none() {
            dict.set_str(self.names.hash.clone(), Value::None);
        }
        let classcell = dict.remove_str(&PyStr::new("__classcell__"));
        let qualname = match dict.get_str(&PyStr::new("__qualname__")) {
            Some(Value::Str(s)) => s.clone(),
            _ => name.clone(),
        };
        let attr_hooks = mro.iter().any(|c| c.attr_hooks.get())
            || dict
                .iter()
                .any(|e| e.key.as_pystr().is_some_and(|k| is_attr_hook(k.as_str())));
        let has_descriptors = attr_hooks
            || slots.is_some()
            || mro.iter().any(|c| c.has_descriptors.get())
            || dict.iter().any(|e| is_descriptor(&e.value));
        // A new class may sit at the address of a freed one: the attribute
        // caches (keyed on class addresses) must not trust older entries.
        self.class_epoch += 1;
        let cls = Rc::new(Class {
            name,
            qualname: RefCell::new(qualname),
            bases: base_classes,
            mro,
            dict: RefCell::new(dict),
            builtin,
            is_builtin: false,
            is_exception,
            has_descriptors: std::cell::Cell::new(has_descriptors),
            attr_hooks: std::cell::Cell::new(attr_hooks),
            slots,
        });
        if let Some(Value::Cell(c)) = classcell {
            *c.borrow_mut() = Value::Class(cls.clone());
        }
        self.set_names(&cls)?;
        self.init_subclass(&cls, keywords)?;
        Ok(cls)
    }

    /// `__set_name__(owner, name)` of every class attribute whose type has
    /// one, in definition order, as CPython 3.11's `type_new` (an error is
    /// wrapped in a `RuntimeError` naming the attribute).
    fn set_names(&mut self, cls: &Rc<Class>) -> RunResult<()> {
        let attrs: Vec<(Value, Value)> = cls
            .dict
            .borrow()
            .iter()
            .filter(|e| matches!(e.value, Value::Instance(_)))
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (name, v) in attrs {
            let Some(f) = super::attr::descriptor_method(&v, "__set_name__") else {
                continue;
            };
            let args = [v.clone(), Value::Class(cls.clone()), name.clone()];
            if let Err(e) = self.call_value(&f, &args, &[]) {
                let key = self.repr(&name)?;
                let msg = format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    self.types.type_name(&v),
                    key,
                    cls.name.as_str()
                );
                let cause = Value::Instance(self.materialize(e));
                let rt_cls = self.types.exc(ExcKind::RuntimeError).clone();
                let rt = self.new_exception(&rt_cls, vec![Value::str(&msg)]);
                if let Some(x) = &rt.exc {
                    let mut x = x.borrow_mut();
                    x.cause = cause.clone();
                    x.context = cause;
                    x.suppress_context = true;
                }
                return Err(PyErr::Obj(rt));
            }
        }
        Ok(())
    }

    /// Calls the parent's `__init_subclass__` on a new class.
    fn init_subclass(&mut self, cls: &Rc<Class>, keywords: &[(Value, Value)]) -> RunResult<()> {
        let key = self.intern("__init_subclass__");
        let found = cls
            .mro
            .iter()
            .find_map(|c| c.dict.borrow().get_str(&key).cloned());
        let f = match found {
            Some(Value::Special(s)) => match &*s {
                crate::runtime::value::Special::ClassMethod(f) => f.clone(),
                _ => return Ok(()),
            },
            Some(f) => f,
            None => crate::builtins::reflect::object_slot(self, &key).unwrap_or(Value::None),
        };
        self.call_value(&f, &[Value::Class(cls.clone())], keywords)?;
        Ok(())
    }

    /// The slot names of a class defining `__slots__` whose bases all do,
    /// or `None` when instances have a `__dict__`.
    fn class_slots(
        &mut self,
        dict: &Dict,
        mro: &[Rc<Class>],
    ) -> RunResult<Option<Box<[Rc<PyStr>]>>> {
        let key = self.intern("__slots__");
        let Some(spec) = dict.get_str(&key).cloned() else {
            return Ok(None);
        };
        let items = match &spec {
            Value::Str(_) => vec![spec.clone()],
            other => self.collect(other)?,
        };
        let mut names: Vec<Rc<PyStr>> = Vec::new();
        let mut has_dict = false;
        for it in items {
            let Value::Str(s) = it else {
                return Err(PyErr::type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    self.types.type_name(&it)
                )));
            };
            if s.as_str() == "__dict__" {
                has_dict = true;
            } else if dict.get_str(&s).is_some() {
                return Err(PyErr::new(
                    crate::runtime::exc::ExcKind::ValueError,
                    format!(
                        "'{}' in __slots__ conflicts with class variable",
                        s.as_str()
                    ),
                ));
            }
            names.push(s);
        }
        for base in mro {
            if Rc::ptr_eq(base, &self.types.object) {
                continue;
            }
            match &base.slots {
                Some(s) => names.extend(s.iter().cloned()),
                None => has_dict = true,
            }
        }
        Ok(if has_dict {
            None
        } else {
            Some(names.into_boxed_slice())
        })
    }
}
