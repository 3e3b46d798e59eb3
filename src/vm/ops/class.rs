//! Class creation (`BuildClass`), the MRO, and subclass checks.

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::dict::Dict;
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{Class, PyDict, PyStr, Value};
use crate::vm::Vm;

/// Whether a class attribute takes precedence over the instance dict.
pub fn is_data_descriptor(v: &Value) -> bool {
    matches!(v, Value::Special(s) if matches!(&**s, crate::runtime::value::Special::Property { .. }))
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
            return Err(PyErr::type_error(
                "Cannot create a consistent method resolution order (MRO) for bases",
            ));
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
        let classcell = dict.remove_str(&PyStr::new("__classcell__"));
        let qualname = match dict.get_str(&PyStr::new("__qualname__")) {
            Some(Value::Str(s)) => s.clone(),
            _ => name.clone(),
        };
        let has_descriptors = mro.iter().any(|c| c.has_descriptors.get())
            || dict.iter().any(|e| is_data_descriptor(&e.value));
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
        });
        if let Some(Value::Cell(c)) = classcell {
            *c.borrow_mut() = Value::Class(cls.clone());
        }
        Ok(cls)
    }
}
