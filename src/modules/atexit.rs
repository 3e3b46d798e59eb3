//! The `atexit` module: callbacks run in LIFO order by the exit sequence
//! (SIGNALS.md section 5), inside a protected region; an exception in one
//! is reported as CPython 3.11 reports it and the others still run.

use std::cell::RefCell;

use crate::builtins::args;
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{NativeFn, Value};
use crate::vm::Vm;

type Callback = (Value, Vec<Value>, Vec<(Value, Value)>);

thread_local! {
    /// Registered callbacks in order; `unregister` leaves a hole (None),
    /// as CPython 3.11 does, so `_ncallbacks` counts slots.
    static CALLBACKS: RefCell<Vec<Option<Callback>>> = const { RefCell::new(Vec::new()) };
}

macro_rules! table {
    ($($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!("atexit.", $name)),)*]
    };
}

const FUNCTIONS: &[(&str, NativeFn, &str)] = table!(
    "_clear" => atexit_clear,
    "_ncallbacks" => atexit_ncallbacks,
    "_run_exitfuncs" => atexit_run_exitfuncs,
    "register" => atexit_register,
    "unregister" => atexit_unregister,
);

/// Creates the `atexit` module.
pub fn init(vm: &mut Vm) -> Value {
    Value::Module(super::new_module(vm, "atexit", FUNCTIONS))
}

/// `atexit.register(func, *args, **kwargs)`: returns `func`.
fn atexit_register(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let Some(func) = args.first() else {
        return Err(PyErr::type_error(
            "register() takes at least 1 argument (0 given)",
        ));
    };
    if !crate::builtins::reflect::is_callable(vm, func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    CALLBACKS.with(|c| {
        c.borrow_mut()
            .push(Some((func.clone(), args[1..].to_vec(), kw.to_vec())))
    });
    Ok(func.clone())
}

/// `atexit.unregister(func)`: removes every registration of `func` (==).
fn atexit_unregister(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("unregister", kw)?;
    args::count("unregister", args, 1, 1)?;
    let funcs: Vec<Option<Value>> = CALLBACKS.with(|c| {
        c.borrow()
            .iter()
            .map(|e| e.as_ref().map(|e| e.0.clone()))
            .collect()
    });
    for (i, f) in funcs.iter().enumerate() {
        let Some(f) = f else { continue };
        if vm.eq(f, &args[0])? {
            CALLBACKS.with(|c| {
                if let Some(slot) = c.borrow_mut().get_mut(i) {
                    *slot = None;
                }
            });
        }
    }
    Ok(Value::None)
}

fn atexit_clear(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("_clear", args)?;
    CALLBACKS.with(|c| c.borrow_mut().clear());
    Ok(Value::None)
}

fn atexit_ncallbacks(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("_ncallbacks", args)?;
    Ok(Value::Int(CALLBACKS.with(|c| c.borrow().len()) as i64))
}

fn atexit_run_exitfuncs(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("_run_exitfuncs", args)?;
    run_exitfuncs(vm);
    Ok(Value::None)
}

/// Runs and removes every callback, last registered first, each inside a
/// protected region. A callback that raises is reported on stderr as
/// CPython 3.11 does ("Exception ignored in atexit callback: <function>"
/// and the traceback), and the others still run.
pub fn run_exitfuncs(vm: &mut Vm) {
    while let Some(entry) = CALLBACKS.with(|c| c.borrow_mut().pop()) {
        let Some((f, args, kw)) = entry else { continue };
        vm.protect += 1;
        let r = vm.call_value(&f, &args, &kw);
        vm.protect -= 1;
        if let Err(e) = r {
            report_unraisable(vm, e, "Exception ignored in atexit callback", &f);
        }
    }
}

/// Prints `what: repr(obj)` and the exception's traceback to stderr.
pub fn report_unraisable(vm: &mut Vm, e: PyErr, what: &str, obj: &Value) {
    let inst = vm.materialize(e);
    let head = vm.repr(obj).unwrap_or_else(|_| "<object>".into());
    let mut src = crate::vm::traceback::SourceCache::default();
    let text = vm.format_exception(&inst, &mut src);
    let _ = vm.flush_stdout();
    eprint!("{}: {}\n{}", what, head, text);
}
