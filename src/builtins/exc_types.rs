//! The exception classes with extra fields: `ImportError` (`name`, `path`,
//! `msg`) and `SyntaxError` (`msg`, `filename`, `lineno`, `offset`,
//! `text`, `end_lineno`, `end_offset`, read from its args as CPython's
//! `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno,
//! end_offset]))` stores them).

use super::args;
use super::reflect::{exc_args, exc_instance, native_field, property_of};
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{Instance, NativeFn, Value};
use crate::vm::Vm;

/// Installs the methods and fields of `ImportError` and `SyntaxError`.
pub fn install(vm: &mut Vm) {
    let imp = vm.types.exc(ExcKind::ImportError).clone();
    super::install_methods(
        vm,
        &imp,
        &[
            ("__init__", import_error_init, "ImportError.__init__"),
            ("__str__", import_error_str, "ImportError.__str__"),
        ],
    );
    for name in ["msg", "name", "path"] {
        super::set_class_attr(vm, &imp, name, Value::None);
    }
    let syn = vm.types.exc(ExcKind::SyntaxError).clone();
    super::install_methods(
        vm,
        &syn,
        &[
            ("__init__", syntax_error_init, "SyntaxError.__init__"),
            ("__str__", syntax_error_str, "SyntaxError.__str__"),
        ],
    );
    let fields: [(&'static str, NativeFn); 7] = [
        ("msg", |_, a, _| Ok(syntax_field(a, 0))),
        ("filename", |_, a, _| Ok(syntax_field(a, 1))),
        ("lineno", |_, a, _| Ok(syntax_field(a, 2))),
        ("offset", |_, a, _| Ok(syntax_field(a, 3))),
        ("text", |_, a, _| Ok(syntax_field(a, 4))),
        ("end_lineno", |_, a, _| Ok(syntax_field(a, 5))),
        ("end_offset", |_, a, _| Ok(syntax_field(a, 6))),
    ];
    for (name, f) in fields {
        let prop = property_of(f, name);
        super::set_class_attr(vm, &syn, name, prop);
    }
    super::set_class_attr(vm, &syn, "print_file_and_line", Value::None);
}

fn set_args(inst: &Instance, args: &[Value]) {
    if let Some(e) = &inst.exc {
        e.borrow_mut().args = Value::tuple(args.to_vec());
    }
}

fn set_field(vm: &mut Vm, inst: &Instance, name: &str, v: Value) {
    let key = vm.intern(name);
    inst.set(&key, v);
}

/// `ImportError(*args, name=None, path=None)`; `msg` is the only arg.
fn import_error_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let inst = exc_instance(args, "__init__")?.clone();
    let fname = inst.class.name.as_str().to_string();
    let [name, path] = args::kwonly(&fname, kw, ["name", "path"])?;
    set_args(&inst, &args[1..]);
    let msg = match &args[1..] {
        [one] => one.clone(),
        _ => Value::None,
    };
    set_field(vm, &inst, "msg", msg);
    set_field(vm, &inst, "name", name.unwrap_or(Value::None));
    set_field(vm, &inst, "path", path.unwrap_or(Value::None));
    Ok(Value::None)
}

/// `str(ImportError)`: `msg` when set, else the args as usual.
fn import_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let inst = exc_instance(args, "__str__")?.clone();
    match native_field(vm, &args[0], "msg") {
        Some(m) if !m.is_none() => Ok(Value::string(vm.to_str(&m)?)),
        _ => Ok(Value::string(vm.exc_str(&inst)?)),
    }
}

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno,
/// end_offset]))`: the details must be a 4- to 6-tuple.
fn syntax_error_init(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let inst = exc_instance(args, "__init__")?.clone();
    args::no_kw(inst.class.name.as_str(), kw)?;
    if let [_, _, details] = args {
        let n = match details {
            Value::Tuple(t) => t.items.len(),
            _ => return Err(PyErr::type_error("argument 2 must be tuple")),
        };
        if n < 4 {
            return Err(PyErr::type_error(format!(
                "function takes at least 4 arguments ({} given)",
                n
            )));
        }
        if n > 6 {
            return Err(PyErr::type_error(format!(
                "function takes at most 6 arguments ({} given)",
                n
            )));
        }
    }
    set_args(&inst, &args[1..]);
    Ok(Value::None)
}

/// Field `i` of a SyntaxError: 0 is `msg`, 1.. index the details tuple.
fn syntax_field(args: &[Value], i: usize) -> Value {
    let Some(Value::Instance(inst)) = args.first() else {
        return Value::None;
    };
    let items = exc_args(inst);
    match (i, items.as_slice()) {
        (0, [msg, ..]) => msg.clone(),
        (_, [_, Value::Tuple(t)]) if i > 0 => t.items.get(i - 1).cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// `str(SyntaxError)`: `msg (file.py, line N)`, with what is known.
fn syntax_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    exc_instance(args, "__str__")?;
    let msg = syntax_field(args, 0);
    let msg = vm.to_str(&msg)?;
    let file = match syntax_field(args, 1) {
        Value::Str(s) => Some(s.as_str().rsplit('/').next().unwrap_or("").to_string()),
        _ => None,
    };
    let line = match syntax_field(args, 2) {
        Value::Int(n) => Some(n),
        _ => None,
    };
    let s = match (file, line) {
        (Some(f), Some(l)) => format!("{} ({}, line {})", msg, f, l),
        (Some(f), None) => format!("{} ({})", msg, f),
        (None, Some(l)) => format!("{} (line {})", msg, l),
        (None, None) => msg,
    };
    Ok(Value::string(s))
}
