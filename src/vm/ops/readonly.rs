//! The errors of assigning to or deleting an attribute of a value whose
//! type is built in (`(1).real = 2`, `del [].append`, `del int.real`), in
//! CPython's wording: a data attribute "is not writable" (a member is a
//! "readonly attribute"), a method is "read-only", an unknown name "has no
//! attribute".

use std::rc::Rc;

use crate::runtime::exc::{ExcKind, PyErr};
use crate::runtime::value::{PyStr, Value};
use crate::vm::Vm;

impl Vm {
    /// The error of `obj.name = value` (`del obj.name` when `value` is
    /// `None`) where `obj` keeps no attributes of its own.
    pub(crate) fn readonly_attr_error(
        &mut self,
        obj: &Value,
        name: &Rc<PyStr>,
        value: Option<&Value>,
    ) -> PyErr {
        let tn = self.types.type_name(obj).to_string();
        let found = self.get_attr(obj, name);
        let name = name.as_str();
        if let Value::Class(cls) = obj {
            return PyErr::type_error(format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                cls.name.as_str()
            ));
        }
        if name == "__class__" {
            return PyErr::type_error(match value {
                None => "can't delete __class__ attribute".to_string(),
                Some(Value::Class(_)) => {
                    "__class__ assignment only supported for mutable types or ModuleType subclasses"
                        .to_string()
                }
                Some(v) => format!(
                    "__class__ must be set to a class, not '{}' object",
                    self.types.type_name(v)
                ),
            });
        }
        let msg = match found {
            Err(_) => format!("'{tn}' object has no attribute '{name}'"),
            Ok(Value::Builtin(_) | Value::BoundMethod(_)) => {
                format!("'{tn}' object attribute '{name}' is read-only")
            }
            // Member descriptors (`range.start`, `m.__self__`).
            Ok(_)
                if matches!(obj, Value::Range(_) | Value::Slice(_) | Value::Code(_))
                    || matches!(name, "__self__" | "__func__")
                        && matches!(obj, Value::BoundMethod(m) if matches!(m.func, Value::Function(_))) =>
            {
                "readonly attribute".to_string()
            }
            Ok(_) => {
                // The message names the type that defines the attribute.
                let owner = if matches!(obj, Value::Bool(_)) {
                    "int"
                } else {
                    &tn
                };
                format!("attribute '{name}' of '{owner}' objects is not writable")
            }
        };
        PyErr::new(ExcKind::AttributeError, msg)
    }
}
