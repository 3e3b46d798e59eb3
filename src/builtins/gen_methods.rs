//! The methods of generator objects: `send`, `throw` (CPython 3.11's
//! signatures), `close`, `__next__`, `__iter__`, and the read-only
//! attributes `__name__`, `__qualname__`, `gi_running`, `gi_suspended`,
//! `gi_yieldfrom`, `gi_code`.

use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::gen::{GenStatus, PyGen};
use crate::runtime::value::{NativeFn, Value};
use crate::vm::gen::GenResult;
use crate::vm::Vm;

use super::args;

const GENERATOR_METHODS: &[(&str, NativeFn, &str)] = &[
    ("__iter__", gen_iter, "generator.__iter__"),
    ("__next__", gen_next, "generator.__next__"),
    ("close", gen_close, "generator.close"),
    ("send", gen_send, "generator.send"),
    ("throw", gen_throw, "generator.throw"),
];

const GENERATOR_ATTRS: &[(&str, NativeFn)] = &[
    ("__name__", gen_name),
    ("__qualname__", gen_qualname),
    ("gi_code", gen_code),
    ("gi_running", gen_running),
    ("gi_suspended", gen_suspended),
    ("gi_yieldfrom", gen_yieldfrom),
];

/// Installs the `generator` methods and attributes.
pub fn install(vm: &mut Vm) {
    let cls = vm.types.generator.clone();
    super::install_methods(vm, &cls, GENERATOR_METHODS);
    for &(name, f) in GENERATOR_ATTRS {
        let prop = super::reflect::property_of(f, name);
        super::set_class_attr(vm, &cls, name, prop);
    }
}

/// The generator a method was called on.
fn this<'a>(name: &str, args: &'a [Value]) -> RunResult<&'a Rc<PyGen>> {
    match args.first().and_then(|v| v.as_gen()) {
        Some(g) => Ok(g),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' requires a 'generator' object",
            name
        ))),
    }
}

/// A yielded value, or the `StopIteration` of a finished generator.
fn yielded(r: GenResult) -> RunResult<Value> {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(Vm::stop_iteration_with(v)),
    }
}

fn gen_iter(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    this("__iter__", args)?;
    Ok(args[0].clone())
}

fn gen_next(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let g = this("__next__", args)?.clone();
    if args.len() > 1 || !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "expected 0 arguments, got {}",
            args.len() - 1 + kw.len()
        )));
    }
    yielded(vm.gen_send(&g, Value::None)?)
}

fn gen_send(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let g = this("send", args)?.clone();
    args::no_kw("generator.send", kw)?;
    let v = args::one("generator.send", &args[1..])?.clone();
    yielded(vm.gen_send(&g, v)?)
}

/// `throw(value)`, `throw(type[, value[, traceback]])`.
fn gen_throw(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let g = this("throw", args)?.clone();
    args::no_kw("generator.throw", kw)?;
    let rest = &args[1..];
    args::count("throw", rest, 1, 3)?;
    if let Some(tb) = rest.get(2) {
        if !tb.is_none() && !is_traceback(vm, tb) {
            return Err(PyErr::type_error(
                "throw() third argument must be a traceback object",
            ));
        }
    }
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let exc = make_thrown(vm, &rest[0], value)?;
    yielded(vm.gen_throw(&g, exc, rest)?)
}

fn is_traceback(vm: &Vm, v: &Value) -> bool {
    Rc::ptr_eq(vm.types.type_of(v), &vm.types.traceback)
}

/// The exception `throw(typ, value)` raises (CPython's normalization).
fn make_thrown(vm: &mut Vm, typ: &Value, value: Value) -> RunResult<PyErr> {
    match typ {
        Value::Class(c) if c.is_exception => {
            let is_instance = matches!(&value, Value::Instance(i)
                if i.exc.is_some() && crate::vm::ops::is_subclass(&i.class, c));
            if is_instance {
                if let Value::Instance(i) = value {
                    return Ok(PyErr::Obj(i));
                }
            }
            let args: Vec<Value> = match value {
                Value::None => Vec::new(),
                Value::Tuple(t) => t.items.to_vec(),
                other => vec![other],
            };
            let inst = vm.call_value(typ, &args, &[])?;
            Ok(PyErr::Obj(vm.make_exception(inst)?))
        }
        Value::Instance(i) if i.exc.is_some() => {
            if !value.is_none() {
                return Err(PyErr::type_error(
                    "instance exception may not have a separate value",
                ));
            }
            Ok(PyErr::Obj(i.clone()))
        }
        other => Err(PyErr::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.types.type_name(other)
        ))),
    }
}

fn gen_close(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let g = this("close", args)?.clone();
    args::no_kw("generator.close", kw)?;
    args::none("generator.close", &args[1..])?;
    vm.gen_close(&g)?;
    Ok(Value::None)
}

fn gen_name(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Str(this("__name__", args)?.name.borrow().clone()))
}

fn gen_qualname(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Str(
        this("__qualname__", args)?.qualname.borrow().clone(),
    ))
}

fn gen_code(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Code(this("gi_code", args)?.func.code.clone()))
}

fn gen_running(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let g = this("gi_running", args)?;
    Ok(Value::Bool(g.frame.borrow().status == GenStatus::Running))
}

fn gen_suspended(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let g = this("gi_suspended", args)?;
    Ok(Value::Bool(g.frame.borrow().status == GenStatus::Suspended))
}

fn gen_yieldfrom(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let g = this("gi_yieldfrom", args)?;
    Ok(vm.gen_delegate(g).unwrap_or(Value::None))
}
