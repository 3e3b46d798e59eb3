//! Raising and unwinding: `raise` forms, exception matching, `__context__`
//! chaining, and the search of the exception tables up the frame stack.

use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{Instance, TbEntry, Value};
use crate::vm::Vm;

impl Vm {
    /// Finds a handler for `err`, unwinding frames; `Err` when the boundary
    /// frame is left.
    #[cold]
    pub fn unwind(&mut self, err: PyErr) -> RunResult<()> {
        let reraise = std::mem::take(&mut self.reraise);
        let inst = self.materialize(err);
        let keep = self.keep_context.take();
        if !reraise && !keep.is_some_and(|k| Rc::ptr_eq(&k, &inst)) {
            let cur = self.handled_exception().clone();
            self.set_context_from(&inst, &cur);
        }
        self.unwind_instance(inst, !reraise)
    }

    /// `unwind` for a materialized exception; `add_tb`: whether the frame
    /// on top gets a traceback entry.
    pub(crate) fn unwind_instance(
        &mut self,
        inst: Rc<Instance>,
        mut add_tb: bool,
    ) -> RunResult<()> {
        loop {
            let Some(fr) = self.frames.last_mut() else {
                return Err(PyErr::Obj(inst));
            };
            let pc = fr.pc.saturating_sub(1);
            if add_tb {
                if let Some(e) = &inst.exc {
                    e.borrow_mut().traceback.push(TbEntry {
                        code: fr.func().code.co.clone(),
                        line: fr.func().code.co.line_at(pc),
                        globals: fr.func().globals.clone(),
                    });
                }
            }
            add_tb = true;
            let found = fr
                .func()
                .code
                .co
                .exc_table
                .iter()
                .find(|e| e.start as usize <= pc && pc < e.end as usize)
                .copied();
            if let Some(entry) = found {
                self.protect = self.protect - fr.protect + entry.protect;
                fr.protect = entry.protect;
                fr.pc = entry.target as usize;
                let depth = fr.stack_start + entry.depth as usize;
                self.stack.truncate(depth);
                self.stack.push(Value::Instance(inst));
                return Ok(());
            }
            let Some(fr) = self.frames.pop() else {
                return Err(PyErr::Obj(inst));
            };
            self.protect -= fr.protect;
            self.stack.truncate(fr.ret_sp);
            if fr.boundary || self.frames.is_empty() {
                return Err(PyErr::Obj(inst));
            }
        }
    }

    /// The exception being handled: the innermost one along the chain of
    /// running generators (each has its own), or None.
    pub fn handled_exception(&self) -> &Value {
        if !self.exc_info.is_none() {
            return &self.exc_info;
        }
        let outer = self.exc_stack.iter().rev().find(|v| !v.is_none());
        outer.unwrap_or(&self.exc_info)
    }

    /// Sets `__context__` of a newly raised exception to `cur`, the one
    /// being handled (without creating a cycle).
    pub(crate) fn set_context_from(&mut self, inst: &Rc<Instance>, cur: &Value) {
        let Value::Instance(cur) = cur else {
            return;
        };
        if Rc::ptr_eq(cur, inst) {
            return;
        }
        let Some(e) = &inst.exc else {
            return;
        };
        if !e.borrow().context.is_none() {
            return;
        }
        // Break a cycle: walk cur's context chain looking for inst.
        let mut walk = cur.clone();
        for _ in 0..100 {
            let next = match &walk.exc {
                Some(x) => x.borrow().context.clone(),
                None => break,
            };
            match next {
                Value::Instance(n) => {
                    if Rc::ptr_eq(&n, inst) {
                        if let Some(x) = &walk.exc {
                            x.borrow_mut().context = Value::None;
                        }
                        break;
                    }
                    walk = n;
                }
                _ => break,
            }
        }
        e.borrow_mut().context = Value::Instance(cur.clone());
    }

    /// `raise` / `raise exc` / `raise exc from cause`.
    #[inline(never)]
    pub(crate) fn raise_varargs(&mut self, n: usize) -> PyErr {
        match n {
            0 => match self.handled_exception().clone() {
                Value::Instance(i) => {
                    self.reraise = true;
                    PyErr::Obj(i)
                }
                _ => PyErr::runtime_error("No active exception to reraise"),
            },
            _ => {
                let cause = if n == 2 { self.stack.pop() } else { None };
                let exc = self.stack.pop().unwrap_or(Value::None);
                let inst = match self.make_exception(exc) {
                    Ok(i) => i,
                    Err(e) => return e,
                };
                if let Some(c) = cause {
                    let cause_v = match c {
                        Value::None => Value::None,
                        other => match self.make_exception(other) {
                            Ok(ci) => Value::Instance(ci),
                            Err(_) => {
                                return PyErr::type_error(
                                    "exception causes must derive from BaseException",
                                )
                            }
                        },
                    };
                    if let Some(e) = &inst.exc {
                        let mut e = e.borrow_mut();
                        e.cause = cause_v;
                        e.suppress_context = true;
                    }
                }
                PyErr::Obj(inst)
            }
        }
    }

    /// An exception instance from a raised value (a class is instantiated).
    pub fn make_exception(&mut self, v: Value) -> RunResult<Rc<Instance>> {
        match v {
            Value::Instance(i) if i.exc.is_some() => Ok(i),
            Value::Class(c) if c.is_exception => {
                match self.call_value(&Value::Class(c), &[], &[])? {
                    Value::Instance(i) if i.exc.is_some() => Ok(i),
                    _ => Err(PyErr::type_error(
                        "exceptions must derive from BaseException",
                    )),
                }
            }
            _ => Err(PyErr::type_error(
                "exceptions must derive from BaseException",
            )),
        }
    }

    #[inline(never)]
    pub(crate) fn exc_match(&mut self, exc: &Value, typ: &Value) -> RunResult<bool> {
        let cls = self.types.type_of(exc).clone();
        match typ {
            Value::Class(c) if c.is_exception => Ok(super::ops::is_subclass(&cls, c)),
            // Every item is checked first; nested tuples are not allowed.
            Value::Tuple(t) => {
                let mut found = false;
                for x in t.items.iter() {
                    match x {
                        Value::Class(c) if c.is_exception => {
                            found = found || super::ops::is_subclass(&cls, c)
                        }
                        _ => return Err(not_exception_class()),
                    }
                }
                Ok(found)
            }
            _ => Err(not_exception_class()),
        }
    }
}

fn not_exception_class() -> PyErr {
    PyErr::type_error("catching classes that do not inherit from BaseException is not allowed")
}
