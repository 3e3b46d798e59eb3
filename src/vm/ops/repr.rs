//! `repr()` and `str()` of every value, with CPython's formats and the
//! recursion guards CPython has (`[...]` for self-containing lists).

use std::rc::Rc;

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::num::float_repr;
use crate::runtime::text::{bytes_repr, str_repr};
use crate::runtime::value::{Special, Value};
use crate::vm::Vm;

use super::attr::class_lookup;

impl Vm {
    /// `repr(v)`
    pub fn repr(&mut self, v: &Value) -> RunResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => itoa::Buffer::new().format(*i).to_owned(),
            Value::BigInt(b) => {
                self.charge(b.bits() / 64)?;
                crate::runtime::num::int_to_decimal(b)?
            }
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(&s.s),
            Value::Bytes(b) => bytes_repr(&b.b),
            Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_) => self.container_repr(v)?,
            Value::Range(r) => r.repr(),
            Value::Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                format!(
                    "slice({}, {}, {})",
                    self.repr(&a)?,
                    self.repr(&b)?,
                    self.repr(&c)?
                )
            }
            Value::Function(f) => format!(
                "<function {} at 0x{:012x}>",
                f.qualname.borrow().as_str(),
                v.identity()
            ),
            Value::Builtin(b) => match &b.bound {
                Some(obj) => format!(
                    "<built-in method {} of {} object at 0x{:012x}>",
                    b.name,
                    self.types.type_name(obj),
                    obj.identity()
                ),
                None => format!("<built-in function {}>", b.name),
            },
            Value::BoundMethod(m) if matches!(m.func, Value::Builtin(_)) => {
                let fname = match &m.func {
                    Value::Builtin(b) => b.name.to_string(),
                    _ => "?".into(),
                };
                format!(
                    "<built-in method {} of {} object at 0x{:012x}>",
                    fname,
                    self.types.type_name(&m.self_),
                    m.self_.identity()
                )
            }
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().as_str().to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    _ => "?".into(),
                };
                let s = m.self_.clone();
                format!("<bound method {} of {}>", fname, self.repr(&s)?)
            }
            Value::Class(c) => {
                if c.is_builtin {
                    format!("<class '{}'>", c.name.as_str())
                } else {
                    let module = match c.dict.borrow().get_str(&self.names.module) {
                        Some(Value::Str(m)) => m.as_str().to_string(),
                        _ => "__main__".into(),
                    };
                    format!("<class '{}.{}'>", module, c.qualname.borrow().as_str())
                }
            }
            Value::Instance(inst) => {
                let n = self.names.repr.clone();
                match class_lookup(&inst.class, &n) {
                    Some(f) => {
                        let r = self.call_value(&f, std::slice::from_ref(v), &[])?;
                        match r {
                            Value::Str(s) => s.as_str().to_string(),
                            other => {
                                return Err(PyErr::type_error(format!(
                                    "__repr__ returned non-string (type {})",
                                    self.types.type_name(&other)
                                )))
                            }
                        }
                    }
                    None if inst.exc.is_some() => self.exc_repr(v)?,
                    None => self.default_repr(v),
                }
            }
            Value::Module(m) => {
                let d = m.dict.d.borrow();
                let name = match d.get_str(&self.names.name) {
                    Some(Value::Str(s)) => s.as_str().to_string(),
                    _ => "?".to_string(),
                };
                match d.get_str(&self.intern("__file__")) {
                    Some(Value::Str(f)) => format!("<module '{}' from '{}'>", name, f.as_str()),
                    _ => format!("<module '{}' (built-in)>", name),
                }
            }
            Value::Cell(_) => format!("<cell at 0x{:012x}>", v.identity()),
            Value::Code(c) => format!("<code object {}>", c.co.name),
            Value::Iter(it) => format!(
                "<{} object at 0x{:012x}>",
                it.kind.class_name(),
                v.identity()
            ),
            Value::Special(s) => match &**s {
                Special::Property { .. } => format!("<property object at 0x{:012x}>", v.identity()),
                Special::StaticMethod(f) => format!("<staticmethod({})>", self.repr(f)?),
                Special::ClassMethod(f) => format!("<classmethod({})>", self.repr(f)?),
                Special::Super { .. } => "<super object>".into(),
                Special::Fd(fd) => format!("<fd {}>", std::os::fd::AsRawFd::as_raw_fd(fd)),
                Special::Generator(g) => format!(
                    "<generator object {} at 0x{:012x}>",
                    g.qualname.borrow().as_str(),
                    v.identity()
                ),
                Special::Native(_) => format!("<native state at 0x{:012x}>", v.identity()),
                Special::ByteArray(b) => format!("bytearray({})", bytes_repr(&b.b.borrow())),
                Special::MemoryView(m) if m.released.get() => {
                    format!("<released memory at 0x{:012x}>", v.identity())
                }
                Special::MemoryView(_) => format!("<memory at 0x{:012x}>", v.identity()),
                Special::Frame(f) => format!(
                    "<frame at 0x{:012x}, file '{}', line {}, code {}>",
                    v.identity(),
                    f.filename(),
                    f.line(),
                    f.code_name()
                ),
            },
        })
    }

    /// `object.__repr__(v)`: `<module.Qualname object at 0x...>`.
    pub fn default_repr(&mut self, v: &Value) -> String {
        let cls = self.types.type_of(v).clone();
        let module = match cls.dict.borrow().get_str(&self.names.module) {
            Some(Value::Str(m)) => m.as_str().to_string(),
            _ if cls.is_builtin => String::new(),
            _ => "__main__".into(),
        };
        let dot = if module.is_empty() { "" } else { "." };
        format!(
            "<{}{}{} object at 0x{:012x}>",
            module,
            dot,
            cls.qualname.borrow().as_str(),
            v.identity()
        )
    }

    /// `repr` of an exception without a user `__repr__`: `ValueError('x')`.
    fn exc_repr(&mut self, v: &Value) -> RunResult<String> {
        let Value::Instance(inst) = v else {
            return Ok(String::new());
        };
        let args = inst
            .exc
            .as_ref()
            .map(|e| e.borrow().args.clone())
            .unwrap_or(Value::None);
        let name = inst.class.name.as_str().to_string();
        Ok(match &args {
            Value::Tuple(t) if t.items.len() == 1 => {
                let a = t.items[0].clone();
                format!("{}({})", name, self.repr(&a)?)
            }
            Value::Tuple(_) => format!("{}{}", name, self.repr(&args)?),
            _ => format!("{}()", name),
        })
    }

    fn container_repr(&mut self, v: &Value) -> RunResult<String> {
        let id = v.identity();
        if self.repr_stack.contains(&id) {
            return Ok(match v {
                Value::List(_) => "[...]".into(),
                Value::Dict(_) => "{...}".into(),
                _ => "(...)".into(),
            });
        }
        if self.repr_stack.len() > 200 {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_stack.push(id);
        let r = self.container_repr_inner(v);
        self.repr_stack.pop();
        r
    }

    fn container_repr_inner(&mut self, v: &Value) -> RunResult<String> {
        let mut out = String::new();
        match v {
            Value::List(l) => {
                out.push('[');
                let mut i = 0;
                loop {
                    let item = match l.items.borrow().get(i) {
                        Some(x) => x.clone(),
                        None => break,
                    };
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(&item)?);
                    i += 1;
                }
                self.charge(i as u64)?;
                out.push(']');
            }
            Value::Tuple(t) => {
                out.push('(');
                for (i, item) in t.items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(item)?);
                }
                if t.items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => {
                let entries: Vec<(Value, Value)> =
                    d.d.borrow()
                        .iter()
                        .map(|e| (e.key.clone(), e.value.clone()))
                        .collect();
                out.push('{');
                for (i, (k, val)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(k)?);
                    out.push_str(": ");
                    out.push_str(&self.repr(val)?);
                }
                out.push('}');
            }
            Value::Set(s) | Value::FrozenSet(s) => {
                let keys = s.s.borrow().keys();
                let frozen = matches!(v, Value::FrozenSet(_));
                if keys.is_empty() {
                    return Ok(if frozen {
                        "frozenset()".into()
                    } else {
                        "set()".into()
                    });
                }
                if frozen {
                    out.push_str("frozenset(");
                }
                out.push('{');
                for (i, k) in keys.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(k)?);
                }
                out.push('}');
                if frozen {
                    out.push(')');
                }
            }
            _ => {}
        }
        Ok(out)
    }

    /// `str(v)`
    pub fn to_str(&mut self, v: &Value) -> RunResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(inst) => {
                let n = self.names.str_.clone();
                match class_lookup(&inst.class, &n) {
                    Some(f) => {
                        let r = self.call_value(&f, std::slice::from_ref(v), &[])?;
                        match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => Err(PyErr::type_error(format!(
                                "__str__ returned non-string (type {})",
                                self.types.type_name(&other)
                            ))),
                        }
                    }
                    None if inst.exc.is_some() => self.exc_str(inst),
                    None => self.repr(v),
                }
            }
            _ => self.repr(v),
        }
    }

    /// `str(exc)`: the single argument, or the args tuple, or empty.
    pub fn exc_str(&mut self, inst: &Rc<crate::runtime::value::Instance>) -> RunResult<String> {
        let args = inst
            .exc
            .as_ref()
            .map(|e| e.borrow().args.clone())
            .unwrap_or(Value::None);
        let is_key_error = super::is_subclass(&inst.class, self.types.exc(ExcKind::KeyError));
        match &args {
            Value::Tuple(t) if t.items.is_empty() => Ok(String::new()),
            Value::Tuple(t) if t.items.len() == 1 => {
                let a = t.items[0].clone();
                if is_key_error {
                    self.repr(&a)
                } else {
                    self.to_str(&a)
                }
            }
            _ => self.repr(&args),
        }
    }
}
