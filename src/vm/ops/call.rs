//! Calls: any callable from native code (`call_value`), frame set-up with
//! argument binding (CPython's error messages), and class instantiation.

use std::cell::RefCell;
use std::rc::Rc;

use smallvec::SmallVec;

use crate::bytecode::code::{CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS};
use crate::runtime::dict::Dict;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{Class, ExcData, Function, Instance, PyDict, Special, Value};
use crate::vm::{Frame, Vm};

use super::attr::class_lookup;

/// Keyword arguments: (name as a str value, value).
pub type Kwargs = [(Value, Value)];

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{} {}", n, word)
    } else {
        format!("{} {}s", n, word)
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython's missing-args list).
fn name_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

impl Vm {
    /// Calls any callable with positional and keyword arguments.
    #[inline(never)]
    pub fn call_value(&mut self, f: &Value, args: &[Value], kw: &Kwargs) -> RunResult<Value> {
        match f {
            Value::Function(func) => {
                let func = func.clone();
                let ret_sp = self.stack.len();
                if !self.push_frame(&func, args, kw, ret_sp)? {
                    return Ok(self.stack.pop().unwrap_or_default());
                }
                if let Some(fr) = self.frames.last_mut() {
                    fr.boundary = true;
                }
                self.run()
            }
            Value::Builtin(b) => match &b.bound {
                None => (b.f)(self, args, kw),
                Some(s) => {
                    let mut full: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.len() + 1);
                    full.push(s.clone());
                    full.extend(args.iter().cloned());
                    (b.f)(self, &full, kw)
                }
            },
            Value::BoundMethod(m) => {
                let mut full: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.len() + 1);
                full.push(m.self_.clone());
                full.extend(args.iter().cloned());
                let func = m.func.clone();
                self.call_value(&func, &full, kw)
            }
            Value::Class(cls) => {
                if cls.is_builtin && args.len() == 1 && kw.is_empty() {
                    if let Some(v) = self.builtin_convert(cls, &args[0])? {
                        return Ok(v);
                    }
                }
                let cls = cls.clone();
                self.instantiate(&cls, args, kw)
            }
            Value::Instance(inst) => {
                let name = self.names.call.clone();
                match class_lookup(&inst.class, &name) {
                    Some(c) => {
                        let mut full: SmallVec<[Value; 6]> = SmallVec::new();
                        full.push(f.clone());
                        full.extend(args.iter().cloned());
                        self.call_value(&c, &full, kw)
                    }
                    None => Err(PyErr::not_callable(inst.class.name.as_str())),
                }
            }
            Value::Special(s) => match &**s {
                Special::StaticMethod(inner) | Special::ClassMethod(inner) => {
                    let inner = inner.clone();
                    self.call_value(&inner, args, kw)
                }
                _ => Err(PyErr::not_callable(self.types.type_name(f))),
            },
            _ => Err(PyErr::not_callable(self.types.type_name(f))),
        }
    }

    /// Fast paths for the one-argument conversions `str(x)`, `int(x)`,
    /// `float(x)`, `bool(x)` on common types (`None`: use the constructor).
    #[inline]
    fn builtin_convert(&mut self, cls: &Rc<Class>, v: &Value) -> RunResult<Option<Value>> {
        use crate::runtime::value::BuiltinType as B;
        Ok(match (cls.builtin, v) {
            (B::Str, Value::Str(_)) => Some(v.clone()),
            (B::Str, Value::Int(i)) => Some(crate::builtins::str_methods::new_ascii_str(
                self,
                itoa::Buffer::new().format(*i),
            )),
            (B::Str, Value::Float(_) | Value::Bool(_) | Value::None) => {
                Some(Value::string(self.repr(v)?))
            }
            (B::Int, Value::Int(_)) => Some(v.clone()),
            (B::Int, Value::Bool(b)) => Some(Value::Int(*b as i64)),
            (B::Int, Value::Str(s)) if s.s.len() < 4000 => {
                Some(crate::runtime::num::parse_int(s.as_str(), 10)?)
            }
            (B::Float, Value::Float(_)) => Some(v.clone()),
            (B::Float, Value::Int(i)) => Some(Value::Float(*i as f64)),
            (B::Bool, _) if !matches!(v, Value::Instance(_)) => Some(Value::Bool(self.truthy(v)?)),
            _ => None,
        })
    }

    /// Pushes a frame for `func` with its arguments bound. For a generator
    /// function, pushes the new generator at `ret_sp` instead and returns
    /// false (no frame to run).
    #[inline(never)]
    pub fn push_frame(
        &mut self,
        func: &Rc<Function>,
        args: &[Value],
        kw: &Kwargs,
        ret_sp: usize,
    ) -> RunResult<bool> {
        let code = &func.code;
        let is_gen = code.co.flags & CO_GENERATOR != 0;
        if !is_gen {
            self.check_recursion()?;
        }
        let base = self.stack.len();
        if code.simple_args && kw.is_empty() && args.len() == code.co.argcount as usize {
            self.stack.extend_from_slice(args);
        } else {
            self.bind_args(func, args, kw)?;
        }
        if is_gen {
            self.make_generator(func.clone(), base, ret_sp);
            return Ok(false);
        }
        self.finish_frame(func.clone(), base, ret_sp);
        Ok(true)
    }

    /// Raises `RecursionError` past the recursion limit.
    #[inline]
    pub fn check_recursion(&self) -> RunResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// With the parameters at `base..`, fills the other locals, creates
    /// cells, copies the closure and pushes the frame.
    #[inline]
    pub fn finish_frame(&mut self, func: Rc<Function>, base: usize, ret_sp: usize) {
        enter_frame(&mut self.frames, &mut self.stack, func, base, ret_sp);
    }

    /// General argument binding: pushes exactly the parameter slots
    /// (positional, keyword-only, `*args`, `**kwargs`) onto the stack.
    fn bind_args(&mut self, func: &Rc<Function>, args: &[Value], kw: &Kwargs) -> RunResult<()> {
        let code = func.code.clone();
        let co = &code.co;
        let argcount = co.argcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let posonly = co.posonlyargcount as usize;
        let nparams = argcount + kwonly;
        let mut slots: SmallVec<[Value; 8]> = SmallVec::from_elem(Value::Null, nparams);
        let qual = func.qualname.borrow().clone();
        let fname = qual.as_str();
        let npos = args.len().min(argcount);
        slots[..npos].clone_from_slice(&args[..npos]);
        let varargs = if co.flags & CO_VARARGS != 0 {
            Some(Value::tuple(args[npos..].to_vec()))
        } else {
            if args.len() > argcount {
                let ndef = func.defaults.len();
                let takes = if ndef > 0 {
                    format!("from {} to {}", argcount - ndef, argcount)
                } else {
                    argcount.to_string()
                };
                let given_kw = kw.len();
                let extra = if given_kw > 0 {
                    format!(
                        " positional argument{} (and {} keyword-only argument{}) were given",
                        if args.len() == 1 { "" } else { "s" },
                        given_kw,
                        if given_kw == 1 { "" } else { "s" }
                    )
                } else {
                    format!(" {} given", if args.len() == 1 { "was" } else { "were" })
                };
                return Err(PyErr::type_error(format!(
                    "{}() takes {} positional argument{} but {}{}",
                    fname,
                    takes,
                    if argcount == 1 && ndef == 0 { "" } else { "s" },
                    args.len(),
                    extra
                )));
            }
            None
        };
        let mut kwargs = if co.flags & CO_VARKEYWORDS != 0 {
            Some(Dict::new())
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (name, val) in kw {
            let Value::Str(n) = name else {
                return Err(PyErr::type_error("keywords must be strings"));
            };
            let idx = code.param_names[..nparams]
                .iter()
                .position(|p| std::ptr::eq(&**p, &**n) || p.as_str() == n.as_str());
            match idx {
                Some(i) if i >= posonly => {
                    if !slots[i].is_null() {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            fname,
                            n.as_str()
                        )));
                    }
                    slots[i] = val.clone();
                }
                _ => match &mut kwargs {
                    Some(d) => {
                        let h = n.hash() as i64;
                        if d.find(
                            h,
                            |k| matches!(k, Value::Str(s) if s.as_str() == n.as_str()),
                        )
                        .is_some()
                        {
                            return Err(PyErr::type_error(format!(
                                "{}() got multiple values for keyword argument '{}'",
                                fname,
                                n.as_str()
                            )));
                        }
                        d.insert_new(h, name.clone(), val.clone());
                    }
                    None => {
                        if idx.is_some() {
                            posonly_as_kw.push(n.as_str().to_string());
                            continue;
                        }
                        return Err(PyErr::type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            fname,
                            n.as_str()
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname,
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for positional parameters.
        let ndef = func.defaults.len();
        let first_default = argcount.saturating_sub(ndef);
        let mut missing: Vec<&str> = Vec::new();
        for i in npos..argcount {
            if slots[i].is_null() {
                if i >= first_default {
                    slots[i] = func.defaults[i - first_default].clone();
                } else {
                    missing.push(code.param_names[i].as_str());
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {}: {}",
                fname,
                plural(missing.len(), "required positional argument"),
                name_list(&missing)
            )));
        }
        for i in argcount..nparams {
            if slots[i].is_null() {
                let pname = &code.param_names[i];
                match func
                    .kwdefaults
                    .iter()
                    .find(|(k, _)| k.as_str() == pname.as_str())
                {
                    Some((_, v)) => slots[i] = v.clone(),
                    None => missing.push(pname.as_str()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {}: {}",
                fname,
                plural(missing.len(), "required keyword-only argument"),
                name_list(&missing)
            )));
        }
        self.stack.extend(slots);
        if let Some(v) = varargs {
            self.stack.push(v);
        }
        if let Some(d) = kwargs {
            self.stack
                .push(Value::Dict(Rc::new(PyDict { d: RefCell::new(d) })));
        }
        Ok(())
    }

    /// `cls(*args, **kw)`: builtin constructors, or a new instance plus
    /// `__init__`.
    #[inline(never)]
    pub fn instantiate(
        &mut self,
        cls: &Rc<Class>,
        args: &[Value],
        kw: &Kwargs,
    ) -> RunResult<Value> {
        if cls.is_builtin && !cls.is_exception {
            let new = self.names.new.clone();
            return match cls.dict.borrow().get_str(&new).cloned() {
                Some(ctor) => {
                    let mut full: SmallVec<[Value; 6]> = SmallVec::new();
                    full.push(Value::Class(cls.clone()));
                    full.extend(args.iter().cloned());
                    self.call_value(&ctor, &full, kw)
                }
                None => Err(PyErr::type_error(format!(
                    "cannot create '{}' instances",
                    cls.name.as_str()
                ))),
            };
        }
        let new_name = self.names.new.clone();
        // Whether `obj` is a bare instance made here with `args`.
        let mut fresh = false;
        let obj = match self.class_attr(cls, &new_name) {
            Some(newf @ (Value::Function(_) | Value::Special(_))) => {
                let mut full: SmallVec<[Value; 6]> = SmallVec::new();
                full.push(Value::Class(cls.clone()));
                full.extend(args.iter().cloned());
                let obj = self.call_value(&newf, &full, kw)?;
                if !super::isinstance_class(self, &obj, cls) {
                    return Ok(obj);
                }
                obj
            }
            _ => {
                // `OSError(errno, msg)` is the errno's subclass.
                if let (true, true, [Value::Int(errno), _, ..]) = (
                    Rc::ptr_eq(cls, self.types.exc(ExcKind::OSError)),
                    args.len() <= 5,
                    args,
                ) {
                    let kind = i32::try_from(*errno)
                        .map(crate::runtime::exc::errno_kind)
                        .unwrap_or(ExcKind::OSError);
                    if kind != ExcKind::OSError {
                        let sub = self.types.exc(kind).clone();
                        return self.instantiate(&sub, args, kw);
                    }
                }
                fresh = true;
                self.new_instance(cls, args)
            }
        };
        let init_name = self.names.init.clone();
        match self.class_attr(cls, &init_name) {
            // `BaseException.__init__` on an exception just made with these
            // args and no keywords would only set the same args again.
            Some(Value::Builtin(b))
                if fresh
                    && kw.is_empty()
                    && cls.is_exception
                    && b.bound.is_none()
                    && b.qualname == "BaseException.__init__" => {}
            Some(init) => {
                let mut full: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend(args.iter().cloned());
                let r = self.call_value(&init, &full, kw)?;
                if !r.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.types.type_name(&r)
                    )));
                }
            }
            None => {
                if !cls.is_exception && (!args.is_empty() || !kw.is_empty()) {
                    return Err(PyErr::type_error(format!(
                        "{}() takes no arguments",
                        cls.name.as_str()
                    )));
                }
            }
        }
        Ok(obj)
    }

    /// A bare instance of a user (or exception) class.
    pub fn new_instance(&mut self, cls: &Rc<Class>, args: &[Value]) -> Value {
        let exc = if cls.is_exception {
            // Not `..Default::default()`: that builds (and drops) an empty
            // args tuple.
            Some(Box::new(RefCell::new(ExcData {
                args: Value::tuple(args.to_vec()),
                traceback: Vec::new(),
                cause: Value::None,
                context: Value::None,
                suppress_context: false,
                tb_obj: None,
            })))
        } else {
            None
        };
        Value::Instance(Rc::new(Instance::new(cls.clone(), exc)))
    }
}

/// `Vm::finish_frame` on explicit frame and value stacks (the dispatch
/// loop's fast path keeps the value stack in a local).
#[inline(always)]
pub fn enter_frame(
    frames: &mut Vec<Frame>,
    stack: &mut Vec<Value>,
    func: Rc<Function>,
    base: usize,
    ret_sp: usize,
) {
    let stack_start = frame_slots(stack, &func, base);
    push(frames, Some(func), base, stack_start, ret_sp);
}

/// `enter_frame` for the fast loop, which keeps the function of the frame
/// it runs (`func`) in a local: the frame is pushed without it.
#[inline(always)]
pub fn enter_fast_frame(
    frames: &mut Vec<Frame>,
    stack: &mut Vec<Value>,
    func: &Function,
    base: usize,
    ret_sp: usize,
) {
    let stack_start = frame_slots(stack, func, base);
    push(frames, None, base, stack_start, ret_sp);
}

/// With the parameters at `base..`, fills the other locals, creates cells
/// and copies the closure; returns where the value stack starts.
#[inline(always)]
fn frame_slots(stack: &mut Vec<Value>, func: &Function, base: usize) -> usize {
    let code = &func.code;
    let nparams = stack.len() - base;
    if nparams < code.nlocals {
        stack.resize(base + code.nlocals, Value::Null);
    }
    if code.ncells > 0 || code.nfree > 0 {
        for c in code.co.cell2arg.iter().take(code.ncells) {
            let init = match c {
                Some(slot) => std::mem::take(&mut stack[base + *slot as usize]),
                None => Value::Null,
            };
            stack.push(Value::Cell(Rc::new(RefCell::new(init))));
        }
        for c in func.closure.iter() {
            stack.push(c.clone());
        }
    }
    stack.len()
}

#[inline(always)]
fn push(
    frames: &mut Vec<Frame>,
    func_slot: Option<Rc<Function>>,
    base: usize,
    stack_start: usize,
    ret_sp: usize,
) {
    frames.push(Frame {
        func_slot,
        pc: 0,
        base,
        stack_start,
        ret_sp,
        namespace: None,
        protect: 0,
        boundary: false,
    });
}
