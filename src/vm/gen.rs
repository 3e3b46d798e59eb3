//! Running generators. A call of a generator function binds the arguments
//! and wraps the new frame in a generator object; `send`/`next` push that
//! frame back on the frame stack as a boundary frame and run it until it
//! yields (the frame stays on top: it is saved back into the generator),
//! returns or raises (PEP 479 turns a `StopIteration` into `RuntimeError`).
//! Also here: `throw` and `close` with `yield from` delegation (CPython
//! 3.11's `_gen_throw`/`gen_close`), and the finalizers of generators
//! dropped while suspended in a `try`.

use std::rc::Rc;

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::gen::{self, GenStatus, PyGen};
use crate::runtime::value::{Function, Instance, TbEntry, Value};
use crate::vm::{Frame, Vm};

/// How a generator (or any `yield from` delegate) answered a resumption.
pub enum GenResult {
    Yield(Value),
    Return(Value),
}

/// How a suspended frame is resumed.
enum Resume {
    /// With a value (the result of the `yield` it stopped at).
    Send(Value),
    /// With an exception raised at the `yield`.
    Throw(PyErr),
}

impl Vm {
    /// Replaces the frame slots bound at `base..` (a call of a generator
    /// function) by a new generator object, pushed at `ret_sp`.
    pub(crate) fn make_generator(&mut self, func: Rc<Function>, base: usize, ret_sp: usize) {
        // The frame a call would run, set up and taken off again.
        self.finish_frame(func.clone(), base, ret_sp);
        let nslots = match self.frames.pop() {
            Some(fr) => fr.stack_start - base,
            None => 0,
        };
        let values: Vec<Value> = self.stack.drain(base..).collect();
        self.stack.truncate(ret_sp);
        let g = PyGen::new(func, values, nslots);
        self.stack.push(Value::generator(g));
    }

    /// `gen.send(v)` (`next(gen)` sends None).
    pub fn gen_send(&mut self, g: &Rc<PyGen>, v: Value) -> RunResult<GenResult> {
        self.gen_resume(g, Resume::Send(v))
    }

    /// `gen.throw(exc)`: raises `exc` at the `yield` the generator stopped
    /// at, after offering it to the `yield from` delegate, if any (a
    /// delegate's own `throw` method gets `args`, the arguments as given).
    pub fn gen_throw(&mut self, g: &Rc<PyGen>, exc: PyErr, args: &[Value]) -> RunResult<GenResult> {
        let Some(yf) = self.gen_delegate(g) else {
            return self.gen_resume(g, Resume::Throw(exc));
        };
        if self.err_matches(&exc, ExcKind::GeneratorExit) {
            let r = self.while_running(g, |vm| vm.close_iter(&yf));
            return match r {
                Ok(()) => self.gen_resume(g, Resume::Throw(exc)),
                Err(e) => self.gen_resume(g, Resume::Throw(e)),
            };
        }
        let r = match yf.as_gen() {
            Some(sub) => {
                let sub = sub.clone();
                self.while_running(g, |vm| vm.gen_throw(&sub, exc, args))
            }
            None => {
                let name = self.intern("throw");
                let Some(meth) = self.get_attr_opt(&yf, &name)? else {
                    return self.gen_resume(g, Resume::Throw(exc));
                };
                let r = self.while_running(g, |vm| vm.call_value(&meth, args, &[]));
                match r {
                    Ok(v) => Ok(GenResult::Yield(v)),
                    Err(e) if self.err_matches(&e, ExcKind::StopIteration) => {
                        Ok(GenResult::Return(self.stop_iteration_value(e)))
                    }
                    Err(e) => Err(e),
                }
            }
        };
        // The delegate finished: leave the `yield from` and go on in `g`.
        match r {
            Ok(GenResult::Yield(v)) => Ok(GenResult::Yield(v)),
            Ok(GenResult::Return(v)) => {
                self.leave_yield_from(g);
                self.gen_resume(g, Resume::Send(v))
            }
            Err(e) => {
                self.leave_yield_from(g);
                self.gen_resume(g, Resume::Throw(e))
            }
        }
    }

    /// `gen.close()`: throws `GeneratorExit` in; a generator that yields
    /// instead is an error.
    pub fn gen_close(&mut self, g: &Rc<PyGen>) -> RunResult<()> {
        let mut exc = PyErr::with_args(ExcKind::GeneratorExit, vec![]);
        if let Some(yf) = self.gen_delegate(g) {
            if let Err(e) = self.while_running(g, |vm| vm.close_iter(&yf)) {
                exc = e;
            }
        }
        let started = g.frame.borrow().status != GenStatus::Created;
        if !started {
            g.frame.borrow_mut().status = GenStatus::Closed;
            g.frame.borrow_mut().values.clear();
            return Ok(());
        }
        match self.gen_resume(g, Resume::Throw(exc)) {
            Ok(GenResult::Yield(_)) => Err(PyErr::runtime_error("generator ignored GeneratorExit")),
            Ok(GenResult::Return(_)) => Ok(()),
            Err(e)
                if self.err_matches(&e, ExcKind::GeneratorExit)
                    || self.err_matches(&e, ExcKind::StopIteration) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// One step of `yield from it` (and of `send` to any delegate): sends
    /// `v` (`next` for None) to the delegate.
    pub(crate) fn delegate_send(&mut self, it: &Value, v: Value) -> RunResult<GenResult> {
        if let Some(g) = it.as_gen() {
            return self.gen_send(&g.clone(), v);
        }
        let r = match it {
            Value::Iter(_) if v.is_none() => {
                return Ok(match self.next(it)? {
                    Some(x) => GenResult::Yield(x),
                    None => GenResult::Return(Value::None),
                })
            }
            _ => {
                let name = if v.is_none() {
                    self.names.next.clone()
                } else {
                    self.intern("send")
                };
                let meth = self.get_attr(it, &name)?;
                if v.is_none() {
                    self.call_value(&meth, &[], &[])
                } else {
                    self.call_value(&meth, &[v], &[])
                }
            }
        };
        match r {
            Ok(x) => Ok(GenResult::Yield(x)),
            Err(e) if self.err_matches(&e, ExcKind::StopIteration) => {
                Ok(GenResult::Return(self.stop_iteration_value(e)))
            }
            Err(e) => Err(e),
        }
    }

    /// `StopIteration.value` of a raised `StopIteration`.
    pub fn stop_iteration_value(&mut self, e: PyErr) -> Value {
        match e {
            PyErr::Lazy(b) => b.1.into_iter().next().unwrap_or(Value::None),
            PyErr::Obj(inst) => match inst.exc.as_ref().map(|x| x.borrow().args.clone()) {
                Some(Value::Tuple(t)) => t.items.first().cloned().unwrap_or(Value::None),
                _ => Value::None,
            },
        }
    }

    /// The `StopIteration` that ends a generator returning `v`.
    pub fn stop_iteration_with(v: Value) -> PyErr {
        if v.is_none() {
            PyErr::stop_iteration()
        } else {
            PyErr::with_args(ExcKind::StopIteration, vec![v])
        }
    }

    /// Closes every generator dropped while suspended in a `try` (their
    /// `finally` blocks run now); errors are reported, not raised.
    #[cold]
    #[inline(never)]
    pub fn run_finalizers(&mut self) {
        while let Some(g) = gen::take_pending() {
            let saved_exc = self.exc_info.clone();
            if let Err(e) = self.gen_close(&g) {
                self.report_unraisable(&g, e);
            }
            self.exc_info = saved_exc;
        }
    }

    /// At exit: closes the generators still suspended in a `try`, in the
    /// order they were created (CPython finalizes them at shutdown).
    pub fn finalize_generators(&mut self) {
        self.run_finalizers();
        for g in gen::take_live() {
            g.frame.borrow_mut().finalized = true;
            if let Err(e) = self.gen_close(&g) {
                self.report_unraisable(&g, e);
            }
            self.run_finalizers();
        }
    }

    /// "Exception ignored in: <obj>" and the traceback, on stderr.
    fn report_unraisable(&mut self, g: &Rc<PyGen>, e: PyErr) {
        let what = format!(
            "<generator object {} at 0x{:012x}>",
            g.qualname.borrow().as_str(),
            Rc::as_ptr(g) as usize
        );
        let inst = self.materialize(e);
        if let (Some(x), Some(fr)) = (&inst.exc, self.frames.last()) {
            // Raised by the finalizer itself: CPython shows where it ran.
            let mut x = x.borrow_mut();
            if x.traceback.is_empty() {
                let code = fr.func().code.co.clone();
                let line = fr.current_line();
                let globals = fr.func().globals.clone();
                x.traceback.push(TbEntry {
                    code,
                    line,
                    globals,
                });
            }
        }
        // CPython's unraisable hook prints the exception alone, unchained.
        let chain = inst.exc.as_ref().map(|x| {
            let mut x = x.borrow_mut();
            let cause = std::mem::replace(&mut x.cause, Value::None);
            (cause, std::mem::replace(&mut x.context, Value::None))
        });
        let mut src = super::traceback::SourceCache::default();
        let text = self.format_exception(&inst, &mut src);
        if let (Some(x), Some((cause, context))) = (&inst.exc, chain) {
            let mut x = x.borrow_mut();
            x.cause = cause;
            x.context = context;
        }
        let _ = self.flush_stdout();
        eprint!("Exception ignored in: {}\n{}", what, text);
    }

    // === Internals ===

    /// The `yield from` delegate a suspended generator waits on.
    pub fn gen_delegate(&self, g: &Rc<PyGen>) -> Option<Value> {
        let f = g.frame.borrow();
        if f.status != GenStatus::Suspended || !g.in_yield_from(f.pc) {
            return None;
        }
        f.values.last().cloned()
    }

    /// Pops the finished delegate and moves past the `yield from`.
    fn leave_yield_from(&self, g: &Rc<PyGen>) {
        let mut f = g.frame.borrow_mut();
        if f.status == GenStatus::Suspended && g.in_yield_from(f.pc) {
            f.values.pop();
            f.pc += 1;
        }
    }

    /// Runs `op` with `g` marked as running (a delegate that resumes `g`
    /// gets "generator already executing").
    fn while_running<T>(&mut self, g: &Rc<PyGen>, op: impl FnOnce(&mut Vm) -> T) -> T {
        let prev = std::mem::replace(&mut g.frame.borrow_mut().status, GenStatus::Running);
        let r = op(self);
        g.frame.borrow_mut().status = prev;
        r
    }

    /// Closes a `yield from` delegate: `close()` for a generator, else its
    /// `close` method if it has one.
    fn close_iter(&mut self, yf: &Value) -> RunResult<()> {
        if let Some(sub) = yf.as_gen() {
            return self.gen_close(&sub.clone());
        }
        let name = self.intern("close");
        if let Some(meth) = self.get_attr_opt(yf, &name)? {
            self.call_value(&meth, &[], &[])?;
        }
        Ok(())
    }

    /// Pushes the generator's frame and runs it until it yields, returns or
    /// raises.
    fn gen_resume(&mut self, g: &Rc<PyGen>, how: Resume) -> RunResult<GenResult> {
        let status = g.frame.borrow().status;
        match status {
            GenStatus::Running => {
                return Err(PyErr::value_error("generator already executing"));
            }
            GenStatus::Closed => {
                return match how {
                    Resume::Send(_) => Ok(GenResult::Return(Value::None)),
                    Resume::Throw(e) => Err(self.thrown(e)),
                };
            }
            GenStatus::Created => match how {
                Resume::Send(ref v) if !v.is_none() => {
                    return Err(PyErr::type_error(
                        "can't send non-None value to a just-started generator",
                    ));
                }
                Resume::Throw(e) => return Err(self.throw_unstarted(g, e)),
                Resume::Send(_) => {}
            },
            GenStatus::Suspended => {}
        }
        self.check_recursion()?;
        let (values, exc_state) = {
            let mut f = g.frame.borrow_mut();
            f.status = GenStatus::Running;
            let base = self.stack.len();
            self.frames.push(Frame {
                func_slot: Some(g.func.clone()),
                pc: f.pc,
                base,
                stack_start: base + f.nslots,
                ret_sp: base,
                namespace: None,
                protect: f.protect,
                boundary: true,
            });
            self.protect += f.protect;
            let mut values = std::mem::take(&mut f.values);
            self.stack.append(&mut values);
            (values, std::mem::take(&mut f.exc_state))
        };
        let caller_exc = std::mem::replace(&mut self.exc_info, exc_state);
        self.exc_stack.push(caller_exc);
        let depth = self.frames.len();
        let thrown = matches!(how, Resume::Throw(_));
        let r = match how {
            Resume::Send(v) => {
                if status == GenStatus::Suspended {
                    self.stack.push(v);
                }
                self.run()
            }
            Resume::Throw(e) => {
                let inst = self.materialize(e);
                let own = self.exc_info.clone();
                self.set_context_from(&inst, &own);
                match self.unwind_instance(inst, true) {
                    Ok(()) => self.run(),
                    Err(e) => Err(e),
                }
            }
        };
        let caller_exc = self.exc_stack.pop().unwrap_or(Value::None);
        let own_exc = std::mem::replace(&mut self.exc_info, caller_exc);
        match r {
            Ok(v) if self.frames.len() == depth => {
                self.suspend(g, values, own_exc);
                Ok(GenResult::Yield(v))
            }
            Ok(v) => {
                g.frame.borrow_mut().status = GenStatus::Closed;
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                g.frame.borrow_mut().status = GenStatus::Closed;
                let e = self.pep479(e);
                Err(if thrown { self.thrown(e) } else { e })
            }
        }
    }

    /// A thrown exception leaving `throw`: its `__context__` was decided
    /// where it was thrown in, so the caller's `unwind` must not set it.
    fn thrown(&mut self, e: PyErr) -> PyErr {
        let inst = self.materialize(e);
        self.keep_context = Some(inst.clone());
        PyErr::Obj(inst)
    }

    /// Saves the generator's frame (on top, just yielded) back into it.
    fn suspend(&mut self, g: &Rc<PyGen>, mut values: Vec<Value>, own_exc: Value) {
        let Some(fr) = self.frames.pop() else {
            return;
        };
        self.protect -= fr.protect;
        values.extend(self.stack.drain(fr.base..));
        let register = {
            let mut f = g.frame.borrow_mut();
            f.values = values;
            f.pc = fr.pc;
            f.protect = fr.protect;
            f.exc_state = own_exc;
            f.status = GenStatus::Suspended;
            !f.registered && g.needs_close(&f)
        };
        if register {
            g.register();
        }
    }

    /// `throw` into a generator that never ran: it ends at once, with its
    /// `def` line in the traceback.
    fn throw_unstarted(&mut self, g: &Rc<PyGen>, e: PyErr) -> PyErr {
        {
            let mut f = g.frame.borrow_mut();
            f.status = GenStatus::Closed;
            f.values.clear();
        }
        let inst = self.materialize(e);
        if let Some(x) = &inst.exc {
            let co = g.func.code.co.clone();
            let line = co.first_line;
            let globals = g.func.globals.clone();
            x.borrow_mut().traceback.push(TbEntry {
                code: co,
                line,
                globals,
            });
        }
        let e = self.pep479(PyErr::Obj(inst));
        self.thrown(e)
    }

    /// PEP 479: a `StopIteration` leaving a generator becomes
    /// `RuntimeError: generator raised StopIteration` (caused by it).
    fn pep479(&mut self, e: PyErr) -> PyErr {
        if !self.err_matches(&e, ExcKind::StopIteration) {
            return e;
        }
        let stop = self.materialize(e);
        let cls = self.types.exc(ExcKind::RuntimeError).clone();
        let msg = Value::str("generator raised StopIteration");
        let rt: Rc<Instance> = self.new_exception(&cls, vec![msg]);
        if let Some(x) = &rt.exc {
            let mut x = x.borrow_mut();
            x.cause = Value::Instance(stop.clone());
            x.context = Value::Instance(stop);
            x.suppress_context = true;
        }
        PyErr::Obj(rt)
    }
}
