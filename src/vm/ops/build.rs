//! Helpers of the general dispatch path: global loads through inline
//! caches, str concatenation in place, native-call argument buffers,
//! function and class creation, `with` entry, collection building,
//! unpacking and f-string formatting.

use std::cell::RefCell;
use std::rc::Rc;

use crate::bytecode::opcode::{self, Opcode};
use crate::runtime::dict::Dict;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{Function, PyDict, PyStr, Value};
use crate::vm::ops::attr::class_lookup;
use crate::vm::Vm;

impl Vm {
    /// A set display of constants, built as CPython builds it: a frozenset
    /// of the items in source order, rebuilt from its own iteration order
    /// when the compiler merges constants, then merged into a new empty set.
    pub(crate) fn build_const_set(&mut self, items: Vec<Value>) -> RunResult<Value> {
        let first = crate::runtime::value::PySet::default();
        for it in items {
            self.set_add(&first, it)?;
        }
        let frozen = crate::runtime::value::PySet::default();
        let keys = first.s.borrow().keys();
        for it in keys {
            self.set_add(&frozen, it)?;
        }
        let set = crate::runtime::value::PySet::default();
        set.s.borrow_mut().merge_from(&frozen.s.borrow(), |a, b| {
            crate::vm::ops::compare::native_eq(a, b).unwrap_or(false)
        });
        Ok(Value::Set(Rc::new(set)))
    }

    /// `LoadGlobal` through its inline cache: a name found in the globals
    /// is re-found at its cached entry index by key identity (no hashing);
    /// a builtin is trusted while neither dict gained or lost a key.
    #[inline]
    pub(crate) fn load_global(
        &mut self,
        globals: &Rc<PyDict>,
        code: &crate::runtime::value::Code,
        cache: &crate::runtime::value::InlineCache,
    ) -> RunResult<Value> {
        let name = &code.names[cache.name as usize];
        let gd = globals.d.borrow();
        let aux = cache.aux.get();
        if aux == 0 {
            if let Some(v) = gd.value_if_key_at(cache.index.get() as usize, name) {
                return Ok(v.clone());
            }
        } else if cache.key.get() == gd.version {
            let bd = self.builtins.d.borrow();
            if bd.version == aux {
                if let Some(e) = bd.entry_at(cache.index.get() as usize) {
                    return Ok(e.value.clone());
                }
            }
        }
        self.load_global_slow(&gd, name, cache)
    }

    #[inline(never)]
    pub(crate) fn load_global_slow(
        &self,
        gd: &Dict,
        name: &Rc<PyStr>,
        cache: &crate::runtime::value::InlineCache,
    ) -> RunResult<Value> {
        if let Some(ix) = gd.find_str(name) {
            cache.aux.set(0);
            cache.index.set(ix as u32);
            return Ok(gd.value_at(ix).clone());
        }
        let bd = self.builtins.d.borrow();
        if let Some(ix) = bd.find_str(name) {
            // Version 0 (a dict never changed) must not validate a cache.
            cache.key.set(if gd.version == 0 {
                u64::MAX
            } else {
                gd.version
            });
            cache.aux.set(bd.version.max(1));
            cache.index.set(ix as u32);
            return Ok(bd.value_at(ix).clone());
        }
        Err(PyErr::name_not_defined(name.as_str()))
    }

    /// `a + b` for two strs. When the next instruction stores the result
    /// into the local that holds `a` (`s += t`), the local's reference is
    /// dropped first so the str can grow in place (CPython does the same).
    #[inline]
    pub(crate) fn str_concat(
        &mut self,
        a: Value,
        b: Value,
        next: Option<&crate::bytecode::Instr>,
        base: usize,
    ) -> Value {
        let (Value::Str(mut a), Value::Str(b)) = (a, b) else {
            return Value::None;
        };
        if let Some(next) = next {
            if next.op == Opcode::StoreFast {
                let slot = base + next.arg as usize;
                if matches!(&self.stack[slot], Value::Str(l) if Rc::ptr_eq(l, &a)) {
                    self.stack[slot] = Value::Null;
                }
            }
        }
        if let Some(m) = Rc::get_mut(&mut a) {
            m.push(&b);
            return Value::Str(a);
        }
        Value::Str(Rc::new(PyStr::concat(&a, &b.s, b.char_len)))
    }

    /// Moves the arguments `stack[first..]` off the stack and runs `call`
    /// with them: up to three in an array on the native stack, more in a
    /// pooled buffer (no allocation per native call either way). Moving
    /// one to three values costs a few instructions, where filling and
    /// clearing a pooled `Vec` cost ~100 per call.
    #[inline(always)]
    pub(crate) fn with_top_args<R>(
        &mut self,
        first: usize,
        call: impl FnOnce(&mut Vm, &[Value]) -> R,
    ) -> R {
        let pop = |vm: &mut Vm| vm.stack.pop().unwrap_or_default();
        match self.stack.len().saturating_sub(first) {
            0 => call(self, &[]),
            1 => {
                let a = [pop(self)];
                call(self, &a)
            }
            2 => {
                let b = pop(self);
                let a = [pop(self), b];
                call(self, &a)
            }
            3 => {
                let c = pop(self);
                let b = pop(self);
                let a = [pop(self), b, c];
                call(self, &a)
            }
            _ => {
                let args = self.take_args(first);
                let r = call(self, &args);
                self.recycle_args(args);
                r
            }
        }
    }

    /// Moves the arguments `stack[first..]` into a pooled buffer (no
    /// allocation per native call).
    #[inline]
    pub(crate) fn take_args(&mut self, first: usize) -> Vec<Value> {
        let mut v = self.arg_pool.pop().unwrap_or_default();
        v.extend(self.stack.drain(first..));
        v
    }

    /// Returns an argument buffer to the pool.
    #[inline]
    pub(crate) fn recycle_args(&mut self, mut v: Vec<Value>) {
        v.clear();
        if self.arg_pool.len() < 32 {
            self.arg_pool.push(v);
        }
    }

    /// Index where the top `n` stack values start.
    #[inline]
    pub(crate) fn stack_split(&self, n: usize) -> RunResult<usize> {
        self.stack
            .len()
            .checked_sub(n)
            .ok_or_else(crate::vm::dispatch::stack_underflow)
    }

    #[inline(never)]
    pub(crate) fn before_with(&mut self, mgr: &Value) -> RunResult<(Value, Value)> {
        let cls = self.types.type_of(mgr).clone();
        let (en, ex) = (self.names.enter.clone(), self.names.exit.clone());
        let (enter, exit) = (class_lookup(&cls, &en), class_lookup(&cls, &ex));
        let (Some(enter), Some(exit)) = (&enter, exit) else {
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol{}",
                cls.name.as_str(),
                if enter.is_some() {
                    " (missed __exit__ method)"
                } else {
                    ""
                }
            )));
        };
        let enter = enter.clone();
        let exit_b = self.bind_class_attr(exit, mgr, &cls);
        let enter_b = self.bind_class_attr(enter, mgr, &cls);
        let r = self.call_value(&enter_b, &[], &[])?;
        Ok((exit_b, r))
    }

    #[inline(never)]
    pub(crate) fn make_function(
        &mut self,
        codev: Value,
        globals: &Rc<PyDict>,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        closure: Option<Value>,
    ) -> RunResult<Value> {
        let Value::Code(code) = codev else {
            return Err(PyErr::new(
                ExcKind::SystemError,
                "MakeFunction without code",
            ));
        };
        let defaults: Box<[Value]> = match defaults {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Box::new([]),
        };
        let kwdefaults: Box<[(Rc<PyStr>, Value)]> = match kwdefaults {
            Some(Value::Dict(d)) => {
                d.d.borrow()
                    .iter()
                    .filter_map(|e| match &e.key {
                        Value::Str(s) => Some((s.clone(), e.value.clone())),
                        _ => None,
                    })
                    .collect()
            }
            _ => Box::new([]),
        };
        let closure: Box<[Value]> = match closure {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Box::new([]),
        };
        let module = globals
            .d
            .borrow()
            .get_str(&self.names.name)
            .cloned()
            .unwrap_or(Value::None);
        let name = self.intern(&code.co.name);
        let qualname = self.intern(&code.co.qualname);
        Ok(Value::Function(Rc::new(Function {
            code,
            globals: globals.clone(),
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            defaults,
            kwdefaults,
            closure,
            module,
            dict: RefCell::new(None),
        })))
    }

    #[inline(never)]
    pub(crate) fn build_class(
        &mut self,
        body: Value,
        name: Value,
        bases: Vec<Value>,
        keywords: Value,
    ) -> RunResult<Value> {
        let (Value::Function(f), Value::Str(name)) = (body, name) else {
            return Err(PyErr::type_error("__build_class__: bad arguments"));
        };
        let ns = Rc::new(PyDict::default());
        let ret_sp = self.stack.len();
        self.push_frame(&f, &[], &[], ret_sp)?;
        if let Some(fr) = self.frames.last_mut() {
            fr.namespace = Some(ns.clone());
            fr.boundary = true;
        }
        self.run()?;
        let kw: Vec<(Value, Value)> = match &keywords {
            Value::Dict(d) => {
                d.d.borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect()
            }
            _ => Vec::new(),
        };
        let cls = self.make_class_with(name, bases, ns, &kw)?;
        Ok(Value::Class(cls))
    }

    #[inline(never)]
    pub(crate) fn collection_add(&mut self, op: Opcode, target: &Value, v: Value) -> RunResult<()> {
        match (op, target) {
            (Opcode::ListAppend, Value::List(l)) => l.items.borrow_mut().push(v),
            (Opcode::ListExtend, Value::List(l)) => {
                let items = self.collect(&v).map_err(|e| {
                    if e.lazy_kind() == Some(ExcKind::TypeError) {
                        PyErr::type_error(format!(
                            "Value after * must be an iterable, not {}",
                            self.types.type_name(&v)
                        ))
                    } else {
                        e
                    }
                })?;
                l.items.borrow_mut().extend(items);
            }
            (Opcode::SetAdd, Value::Set(s)) => self.set_add(s, v)?,
            (Opcode::SetUpdate, Value::Set(s)) => {
                for item in self.collect(&v)? {
                    self.set_add(s, item)?;
                }
            }
            (Opcode::DictUpdate | Opcode::DictMerge, Value::Dict(d)) => {
                let Value::Dict(src) = &v else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not a mapping",
                        self.types.type_name(&v)
                    )));
                };
                let entries: Vec<(Value, Value)> = src
                    .d
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                for (k, val) in entries {
                    if op == Opcode::DictMerge && self.dict_get(d, &k)?.is_some() {
                        let ks = self.to_str(&k)?;
                        return Err(PyErr::type_error(format!(
                            "got multiple values for keyword argument '{}'",
                            ks
                        )));
                    }
                    self.dict_set(d, k, val)?;
                }
            }
            _ => return Err(PyErr::new(ExcKind::SystemError, "bad collection op")),
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn unpack_sequence(&mut self, v: Value, n: usize) -> RunResult<()> {
        let items: Vec<Value> = match &v {
            Value::Tuple(t) if t.items.len() == n => {
                self.stack.extend(t.items.iter().rev().cloned());
                return Ok(());
            }
            Value::List(l) if l.items.borrow().len() == n => {
                let items = l.items.borrow();
                self.stack.extend(items.iter().rev().cloned());
                return Ok(());
            }
            _ => {
                if !self.is_iterable(&v) {
                    return Err(PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.types.type_name(&v)
                    )));
                }
                let it = self.get_iter(&v)?;
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next(&it)? {
                    if out.len() == n {
                        return Err(PyErr::value_error(format!(
                            "too many values to unpack (expected {})",
                            n
                        )));
                    }
                    out.push(x);
                }
                out
            }
        };
        if items.len() < n {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {}, got {})",
                n,
                items.len()
            )));
        }
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    pub(crate) fn is_iterable(&self, v: &Value) -> bool {
        !matches!(
            v,
            Value::Int(_)
                | Value::Float(_)
                | Value::Bool(_)
                | Value::None
                | Value::BigInt(_)
                | Value::Function(_)
                | Value::Builtin(_)
                | Value::BoundMethod(_)
        )
    }

    #[inline(never)]
    pub(crate) fn unpack_ex(&mut self, v: Value, before: usize, after: usize) -> RunResult<()> {
        if !self.is_iterable(&v) {
            return Err(PyErr::type_error(format!(
                "cannot unpack non-iterable {} object",
                self.types.type_name(&v)
            )));
        }
        let mut items = self.collect(&v)?;
        if items.len() < before + after {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let mid = items.split_off(before);
        self.stack.extend(tail.into_iter().rev());
        self.stack.push(Value::list(mid));
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn format_value_op(
        &mut self,
        v: Value,
        conv: u32,
        spec: Option<Value>,
    ) -> RunResult<Value> {
        let v = match conv {
            opcode::FV_STR => Value::string(self.to_str(&v)?),
            opcode::FV_REPR => Value::string(self.repr(&v)?),
            opcode::FV_ASCII => {
                let r = self.repr(&v)?;
                Value::string(crate::runtime::text::ascii_escape(&r))
            }
            _ => v,
        };
        let spec_s = match &spec {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => String::new(),
        };
        if spec_s.is_empty() {
            if let Value::Str(_) = v {
                return Ok(v);
            }
            return Ok(Value::string(self.to_str(&v)?));
        }
        let s = crate::builtins::format::format_value(self, &v, &spec_s)?;
        Ok(Value::string(s))
    }
}
