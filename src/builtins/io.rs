//! `print` and `input`. Plain `print(...)` writes straight into the VM's
//! buffered stdout; `file=` sends the text to that object's `write`
//! method (`sys.stderr.write` flushes stdout first, so interleaving on a
//! terminal matches CPython's).

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

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`
pub fn builtin_print(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let mut line = String::new();
    if kw.is_empty() {
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
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        push_str_of(vm, &mut line, a)?;
    }
    line.push_str(&end);
    let flush = match flush {
        Some(f) => vm.truthy(&f)?,
        None => false,
    };
    match file {
        None | Some(Value::None) => {
            vm.write_stdout(&line)?;
            if flush {
                vm.flush_stdout()?;
            }
        }
        Some(f) => {
            let write = vm.intern("write");
            let w = vm.get_attr(&f, &write)?;
            vm.call_value(&w, &[Value::string(line)], &[])?;
            if flush {
                let name = vm.intern("flush");
                let fl = vm.get_attr(&f, &name)?;
                vm.call_value(&fl, &[], &[])?;
            }
        }
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

/// `input(prompt='')`: EOFError at end of input.
pub fn builtin_input(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("input", kw)?;
    args::count("input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.to_str(p)?;
        vm.write_stdout(&s)?;
    }
    match read_stdin_line(vm)? {
        Some(mut line) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(Value::string(line))
        }
        None => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
    }
}
