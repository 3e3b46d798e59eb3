//! `print` and `input`. Plain `print(...)` writes straight into the VM's
//! buffered stdout while `sys.stdout` is still the interpreter's own
//! stream; `file=` (or another object put in `sys.stdout`) gets each piece
//! through its `write` method, as CPython's `print` does
//! (`sys.stderr.write` flushes stdout first, so interleaving on a terminal
//! matches CPython's). `input` likewise uses a replaced `sys.stdin`.

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::Value;
use crate::vm::Vm;

use super::args;

/// Appends `str(v)` to `out` (no copy for str values).
fn push_str_of(vm: &mut Vm, out: &mut String, v: &Value) -> RunResult<()> {
    match v {
        Value::Str(s) => out.push_str(s.as_str()),
        Value::Int(i) => {
            use std::fmt::Write;
            let _ = write!(out, "{}", i);
        }
        _ => out.push_str(&vm.to_str(v)?),
    }
    Ok(())
}

/// A `sep`/`end` argument: None means the default.
fn sep_arg(vm: &Vm, v: &Option<Value>, what: &str, default: &str) -> RunResult<String> {
    match v {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => Err(PyErr::type_error(format!(
            "{} must be None or a string, not {}",
            what,
            vm.types.type_name(other)
        ))),
    }
}

/// The object a program put in `sys.stdin` (0) or `sys.stdout` (1), if
/// it is no longer the interpreter's own stream.
fn replaced_std(vm: &Vm, which: usize) -> Option<Value> {
    let d = vm.sys_dict.as_ref()?;
    let key = if which == 0 {
        &vm.names.stdin
    } else {
        &vm.names.stdout
    };
    let v = d.d.borrow().get_str(key).cloned()?;
    (v.identity() != vm.std_objs[which].identity()).then_some(v)
}

/// Calls `f.name(*args)`.
fn call_method(vm: &mut Vm, f: &Value, name: &str, args: &[Value]) -> RunResult<Value> {
    let key = vm.intern(name);
    let m = vm.get_attr(f, &key)?;
    vm.call_value(&m, args, &[])
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`
pub fn builtin_print(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let mut line = String::new();
    let replaced = replaced_std(vm, 1);
    if kw.is_empty() && replaced.is_none() {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                line.push(' ');
            }
            push_str_of(vm, &mut line, a)?;
        }
        line.push('\n');
        vm.write_stdout(&line)?;
        return Ok(Value::None);
    }
    let [sep, end, file, flush] = args::kwonly("print", kw, ["sep", "end", "file", "flush"])?;
    let sep = sep_arg(vm, &sep, "sep", " ")?;
    let end = sep_arg(vm, &end, "end", "\n")?;
    let flush = match flush {
        Some(f) => vm.truthy(&f)?,
        None => false,
    };
    let target = match file {
        None | Some(Value::None) => replaced,
        Some(f) => Some(f),
    };
    let Some(f) = target else {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                line.push_str(&sep);
            }
            push_str_of(vm, &mut line, a)?;
        }
        line.push_str(&end);
        vm.write_stdout(&line)?;
        if flush {
            vm.flush_stdout()?;
        }
        return Ok(Value::None);
    };
    if matches!(f, Value::None) {
        // `sys.stdout = None`: print does nothing, as in CPython.
        return Ok(Value::None);
    }
    // Each piece through `write`, as CPython's print.
    let write = vm.intern("write");
    let w = vm.get_attr(&f, &write)?;
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            vm.call_value(&w, &[Value::string(sep.clone())], &[])?;
        }
        let mut piece = String::new();
        push_str_of(vm, &mut piece, a)?;
        vm.call_value(&w, &[Value::string(piece)], &[])?;
    }
    vm.call_value(&w, &[Value::string(end)], &[])?;
    if flush {
        call_method(vm, &f, "flush", &[])?;
    }
    Ok(Value::None)
}

/// Reads one line from `sys.stdin`'s stream (through the wait primitive
/// when stdin is a pipe or tty), with its newline; `None` at end of file.
/// Stdout is flushed first, so a prompt shows.
pub fn read_stdin_line(vm: &mut Vm) -> RunResult<Option<String>> {
    vm.flush_stdout()?;
    let s = vm.stdin.clone();
    if !s.readable {
        return Err(PyErr::new(ExcKind::UnsupportedOperation, "not readable"));
    }
    let bytes = s.read_line_bytes(vm, None, false)?;
    if bytes.is_empty() {
        return Ok(None);
    }
    let t = s.text.expect("stdin is a text stream");
    Ok(Some(super::stream::decode(&t, bytes)?))
}

/// `input(prompt='')`: EOFError at end of input. Replaced `sys.stdout`
/// and `sys.stdin` objects get `write`/`flush` and `readline` calls.
pub fn builtin_input(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("input", kw)?;
    args::count("input", args, 0, 1)?;
    let (inp, out) = (replaced_std(vm, 0), replaced_std(vm, 1));
    for (v, name) in [(&inp, "stdin"), (&out, "stdout")] {
        if matches!(v, Some(Value::None)) {
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                format!("input(): lost sys.{}", name),
            ));
        }
    }
    match &out {
        Some(o) => {
            if let Some(p) = args.first() {
                let s = vm.to_str(p)?;
                call_method(vm, o, "write", &[Value::string(s)])?;
            }
            call_method(vm, o, "flush", &[])?;
        }
        None => {
            if let Some(p) = args.first() {
                let s = vm.to_str(p)?;
                vm.write_stdout(&s)?;
            }
        }
    }
    let line = match &inp {
        Some(i) => match call_method(vm, i, "readline", &[])? {
            Value::Str(s) => Some(s.as_str().to_string()).filter(|s| !s.is_empty()),
            other => {
                return Err(PyErr::type_error(format!(
                    "object.readline() returned non-string ({})",
                    vm.types.type_name(&other)
                )))
            }
        },
        None => read_stdin_line(vm)?,
    };
    match line {
        Some(mut line) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(Value::string(line))
        }
        None => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
    }
}
