//! Builtin modules: a static table of `(name, init)` (one line adds a
//! module), created on first import and cached in `sys.modules`.
//!
//! - `import`: the import system (user modules found along `sys.path`)
//! - `json`: CPython's encoder and decoder, same text and messages
//! - `math`: CPython's `math` functions and constants
//! - `random`: CPython's Mersenne Twister and its methods (same sequences)
//! - `string`: the character-class constants and `capwords`
//! - `sys`: interpreter state (`argv`, `exit`, `stdout`, `modules`...)
//! - `signal`, `atexit`: the signal runtime's Python face (SIGNALS.md)
//! - `io`: `open`, `UnsupportedOperation` (file objects: `builtins::file`)
//! - `time`: clocks and `sleep`
//! - `os` (with `os.path`), `errno`: processes, files, fds, errors
//! - `subprocess`: children started with the inherited signal state and
//!   waited for (pidfd, pipes) in the wait primitive
//! - `socket`, `select`: sockets and readiness, every wait signal-aware

/// A module's function table: `(name, native, "module.name")` entries.
macro_rules! function_table {
    ($module:literal; $($name:literal => $f:path,)*) => {
        &[$(($name, $f as crate::runtime::value::NativeFn, concat!($module, ".", $name)),)*]
    };
}

pub mod atexit;
pub mod errno;
pub mod import;
pub mod io;
pub mod json;
pub mod math;
pub mod os;
pub mod random;
pub mod select;
pub mod signal;
pub mod socket;
pub mod string;
pub mod subprocess;
pub mod sys;
pub mod time;

pub use import::import;

use std::rc::Rc;

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{Module, NativeFn, PyDict, Value};
use crate::vm::Vm;

/// Creates a builtin module's object.
pub type ModuleInit = fn(&mut Vm) -> Value;

/// The builtin modules, sorted by name.
const MODULES: &[(&str, ModuleInit)] = &[
    ("atexit", atexit::init),
    ("errno", errno::init),
    ("io", io::init),
    ("json", json::init),
    ("math", math::init),
    ("os", os::init),
    ("random", random::init),
    ("select", select::init),
    ("signal", signal::init),
    ("socket", socket::init),
    ("string", string::init),
    ("subprocess", subprocess::init),
    ("sys", sys::init),
    ("time", time::init),
];

/// Whether `name` is a builtin module.
pub fn is_builtin_module(name: &str) -> bool {
    MODULES.iter().any(|(n, _)| *n == name)
}

/// Whether CPython compiles module `name` into the interpreter
/// (`sys.builtin_module_names`): imports find these before any file on
/// `sys.path`; sigpy's other modules come after the user's folders.
pub fn is_interpreter_builtin(name: &str) -> bool {
    matches!(name, "atexit" | "errno" | "sys" | "time")
}

/// Creates builtin module `name` and caches it in `sys.modules`; `None`
/// if there is no such builtin module.
pub fn init_builtin(vm: &mut Vm, name: &str) -> RunResult<Option<Value>> {
    let Some((_, init)) = MODULES.iter().find(|(n, _)| *n == name) else {
        return Ok(None);
    };
    let m = init(vm);
    run_source(vm, &m)?;
    let key = vm.intern(name);
    vm.modules.d.borrow_mut().set_str(key, m.clone());
    Ok(Some(m))
}

/// A new module object with `__name__` set and the given functions.
pub fn new_module(
    vm: &mut Vm,
    name: &str,
    functions: &[(&'static str, NativeFn, &'static str)],
) -> Rc<Module> {
    let dict = Rc::new(PyDict::default());
    let name_rc = vm.intern(name);
    {
        let key = vm.intern("__name__");
        let mut d = dict.d.borrow_mut();
        d.set_str(key, Value::Str(name_rc.clone()));
    }
    for &(fname, f, qual) in functions {
        let key = vm.intern(fname);
        dict.d
            .borrow_mut()
            .set_str(key, crate::builtins::native(fname, f, qual));
    }
    Rc::new(Module {
        name: name_rc,
        dict,
    })
}

/// Sets a module attribute.
pub fn set_attr(vm: &mut Vm, m: &Module, name: &str, v: Value) {
    let key = vm.intern(name);
    m.dict.d.borrow_mut().set_str(key, v);
}

/// The Python parts of builtin modules, run in the module's dict right
/// after its init (functions whose behaviour, argument errors included,
/// is simplest to state in Python).
const MODULE_SOURCES: &[(&str, &str)] = &[
    ("json", json::SOURCE),
    ("os", os::SOURCE),
    ("random", random::SOURCE),
    ("socket", socket::SOURCE),
    ("string", string::SOURCE),
    ("subprocess", subprocess::SOURCE),
];

/// Runs the Python part of builtin module `m`, if it has one.
fn run_source(vm: &mut Vm, m: &Value) -> RunResult<()> {
    let Value::Module(m) = m else { return Ok(()) };
    let Some((_, source)) = MODULE_SOURCES.iter().find(|(n, _)| *n == m.name.as_str()) else {
        return Ok(());
    };
    let file = crate::syntax::SourceFile::new(format!("<sigpy {}>", m.name.as_str()), *source);
    let code = crate::interp::compile_source(&file).map_err(|e| {
        PyErr::new(
            ExcKind::SystemError,
            format!("sigpy's {} module: {}", m.name.as_str(), e.msg),
        )
    })?;
    import::run_module_code(vm, &code, &m.dict)
}
