//! Builtin modules: a static table of `(name, init)` (one line adds a
//! module), created on first import and cached in `sys.modules`.
//!
//! - `sys`: interpreter state (`argv`, `exit`, `stdout`, `modules`...)

pub mod sys;

use std::rc::Rc;

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{Module, NativeFn, PyDict, Value};
use crate::vm::Vm;

/// Creates a builtin module's object.
pub type ModuleInit = fn(&mut Vm) -> Value;

/// The builtin modules, sorted by name.
const MODULES: &[(&str, ModuleInit)] = &[("sys", sys::init)];

/// Whether `name` is a builtin module (imports try these before files).
pub fn is_builtin_module(name: &str) -> bool {
    MODULES.iter().any(|(n, _)| *n == name)
}

/// `import name` for builtin modules: the cached module from
/// `sys.modules`, else a new one; `ModuleNotFoundError` otherwise.
pub fn import(vm: &mut Vm, name: &str) -> RunResult<Value> {
    let key = vm.intern(name);
    if let Some(m) = vm.modules.d.borrow().get_str(&key) {
        return Ok(m.clone());
    }
    match MODULES.iter().find(|(n, _)| *n == name) {
        Some((_, init)) => {
            let m = init(vm);
            vm.modules.d.borrow_mut().set_str(key, m.clone());
            Ok(m)
        }
        None => Err(PyErr::new(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{}'", name),
        )),
    }
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
