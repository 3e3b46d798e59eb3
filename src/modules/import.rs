//! The import system: `import name` looks in `sys.modules`, then among
//! the modules CPython compiles in (`sys`, `time`, `atexit`), then for
//! `name.py` in each folder of `sys.path` (the script's folder, then
//! `SIGPYPATH`), then among sigpy's other built-in modules (which stand in
//! for CPython's standard-library files, so a user's `json.py` shadows
//! `json` as it does there). A user module runs once, in its own
//! globals, and is cached in `sys.modules` before its body runs, so
//! circular imports see the partially initialised module as in CPython.
//! Packages (folders) fail loudly.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::bytecode::CodeObject;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{Function, Instance, Module, PyDict, PyStr, Value};
use crate::syntax::{SourceFile, SyntaxError};
use crate::vm::Vm;

/// `import name`: the module object bound by the statement's first name.
pub fn import(vm: &mut Vm, name: &str) -> RunResult<Value> {
    if let Some(m) = cached(vm, name)? {
        return Ok(m);
    }
    if let Some((top, _)) = name.split_once('.') {
        let parent = import(vm, top)?;
        // A builtin module may have put its submodules in sys.modules.
        if let Some(m) = cached(vm, name)? {
            return Ok(m);
        }
        let is_package = matches!(&parent, Value::Module(m) if m.dict.d.borrow().get_str(&vm.intern("__path__")).is_some());
        if !is_package {
            return Err(not_found(
                vm,
                name,
                format!("No module named '{}'; '{}' is not a package", name, top),
            ));
        }
        return Err(PyErr::not_implemented(format!(
            "sigpy does not support submodules of packages ('{}')",
            name
        )));
    }
    if super::is_interpreter_builtin(name) {
        if let Some(m) = super::init_builtin(vm, name)? {
            return Ok(m);
        }
    }
    let found = find(vm, name)?;
    // sigpy's other modules stand in for files of CPython's standard
    // library, which come after the user's folders on sys.path (and win
    // over a namespace folder, as a regular package does).
    let namespace = matches!(&found, Found::Package(d) if !d.join("__init__.py").is_file());
    if (namespace || matches!(found, Found::Nothing)) && super::is_builtin_module(name) {
        return Ok(super::init_builtin(vm, name)?.unwrap_or(Value::None));
    }
    match found {
        Found::File(path) => load(vm, name, &path),
        Found::Package(dir) => Err(PyErr::not_implemented(format!(
            "sigpy does not support packages: '{}' is a folder",
            dir.display()
        ))),
        Found::Nothing => Err(not_found(vm, name, format!("No module named '{}'", name))),
    }
}

/// The module cached in `sys.modules`, if any (`None` there stops the
/// import, as in CPython).
fn cached(vm: &mut Vm, name: &str) -> RunResult<Option<Value>> {
    let key = vm.intern(name);
    match vm.modules.d.borrow().get_str(&key) {
        Some(Value::None) => Err(PyErr::new(
            ExcKind::ModuleNotFoundError,
            format!("import of {} halted; None in sys.modules", name),
        )),
        Some(m) => Ok(Some(m.clone())),
        None => Ok(None),
    }
}

/// `ModuleNotFoundError` with its `name` attribute set.
fn not_found(vm: &mut Vm, name: &str, msg: String) -> PyErr {
    import_error(vm, ExcKind::ModuleNotFoundError, msg, name, Value::None)
}

/// An `ImportError` (or subclass) instance with `name` and `path` set.
pub fn import_error(vm: &mut Vm, kind: ExcKind, msg: String, name: &str, path: Value) -> PyErr {
    let inst = vm.materialize(PyErr::new(kind, msg.clone()));
    set_field(vm, &inst, "msg", Value::string(msg));
    set_field(vm, &inst, "name", Value::str(name));
    set_field(vm, &inst, "path", path);
    PyErr::Obj(inst)
}

fn set_field(vm: &mut Vm, inst: &Instance, name: &str, v: Value) {
    let key = vm.intern(name);
    inst.set(&key, v);
}

enum Found {
    File(PathBuf),
    Package(PathBuf),
    Nothing,
}

/// Looks for `name.py` (or a package folder) along `sys.path`.
fn find(vm: &mut Vm, name: &str) -> RunResult<Found> {
    let mut namespace: Option<PathBuf> = None;
    for entry in search_path(vm)? {
        let dir = absolute(&entry);
        let folder = dir.join(name);
        if folder.join("__init__.py").is_file() {
            return Ok(Found::Package(folder));
        }
        let file = dir.join(format!("{}.py", name));
        if file.is_file() {
            return Ok(Found::File(file));
        }
        if folder.is_dir() && namespace.is_none() {
            namespace = Some(folder);
        }
    }
    Ok(namespace.map_or(Found::Nothing, Found::Package))
}

/// The str entries of `sys.path` (users may change the list).
fn search_path(vm: &mut Vm) -> RunResult<Vec<String>> {
    let sys = import(vm, "sys")?;
    let key = vm.intern("path");
    let path = match &sys {
        Value::Module(m) => m.dict.d.borrow().get_str(&key).cloned(),
        _ => None,
    };
    let Some(Value::List(list)) = path else {
        return Ok(Vec::new());
    };
    let items = list.items.borrow().clone();
    Ok(items
        .iter()
        .filter_map(|v| v.as_pystr().map(|s| s.as_str().to_string()))
        .collect())
}

/// A folder of `sys.path` as an absolute path (`''` is the current folder).
pub fn absolute(entry: &str) -> PathBuf {
    let p = if entry.is_empty() { "." } else { entry };
    let abs = std::path::absolute(Path::new(p)).unwrap_or_else(|_| PathBuf::from(p));
    // `std::path::absolute` keeps a trailing `.`; CPython's paths have none.
    if abs.ends_with(".") {
        abs.parent().map(Path::to_path_buf).unwrap_or(abs)
    } else {
        abs
    }
}

/// Reads, compiles and runs `path` as module `name`.
fn load(vm: &mut Vm, name: &str, path: &Path) -> RunResult<Value> {
    let filename = path.to_string_lossy().into_owned();
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                return Err(PyErr::new(
                    ExcKind::SyntaxError,
                    format!(
                        "Non-UTF-8 code in file {}; sigpy reads UTF-8 source only",
                        filename
                    ),
                ))
            }
        },
        Err(e) => {
            let msg = crate::runtime::exc::strerror_text(&e);
            return Err(PyErr::new(ExcKind::OSError, msg));
        }
    };
    let file = SourceFile::new(filename.clone(), text);
    let code = match crate::interp::compile_source_warn(&file) {
        Ok(c) => c,
        Err(e) => return Err(syntax_error(vm, &e, &file)),
    };
    let globals = module_globals(vm, name, Some(&filename));
    let module = Rc::new(Module {
        name: vm.intern(name),
        dict: globals.clone(),
    });
    let key = vm.intern(name);
    vm.modules
        .d
        .borrow_mut()
        .set_str(key.clone(), Value::Module(module.clone()));
    vm.initializing.push(module.clone());
    let r = run_module_code(vm, &code, &globals);
    vm.initializing.retain(|m| !Rc::ptr_eq(m, &module));
    if let Err(e) = r {
        let mut d = vm.modules.d.borrow_mut();
        if matches!(d.get_str(&key), Some(Value::Module(m)) if Rc::ptr_eq(m, &module)) {
            d.remove_str(&key);
        }
        return Err(e);
    }
    let after = vm.modules.d.borrow().get_str(&key).cloned();
    Ok(after.unwrap_or(Value::Module(module)))
}

/// The globals of a new module: `__name__`, `__doc__`, `__file__` (when
/// there is one) and `__builtins__`; the import-machinery attributes
/// (`__spec__`, `__loader__`, `__cached__`) exist and are `None`.
pub fn module_globals(vm: &mut Vm, name: &str, file: Option<&str>) -> Rc<PyDict> {
    let globals = Rc::new(PyDict::default());
    let builtins = Value::Module(Rc::new(Module {
        name: vm.names.builtins.clone(),
        dict: vm.builtins.clone(),
    }));
    let mut attrs = vec![
        ("__name__", Value::str(name)),
        ("__doc__", Value::None),
        ("__package__", Value::str("")),
        ("__loader__", Value::None),
        ("__spec__", Value::None),
    ];
    if let Some(f) = file {
        attrs.push(("__file__", Value::str(f)));
        if name != "__main__" {
            attrs.push(("__cached__", Value::None));
        }
    }
    attrs.push(("__builtins__", builtins));
    for (k, v) in attrs {
        let key = vm.intern(k);
        globals.d.borrow_mut().set_str(key, v);
    }
    globals
}

/// Runs a compiled module body in `globals`.
pub fn run_module_code(vm: &mut Vm, code: &Rc<CodeObject>, globals: &Rc<PyDict>) -> RunResult<()> {
    let rcode = vm.load_code(code);
    let module_name = vm.intern("<module>");
    let func = Rc::new(Function {
        code: rcode,
        globals: globals.clone(),
        name: std::cell::RefCell::new(module_name.clone()),
        qualname: std::cell::RefCell::new(module_name),
        defaults: Box::new([]),
        kwdefaults: Box::new([]),
        closure: Box::new([]),
        module: Value::None,
        dict: std::cell::RefCell::new(None),
    });
    vm.call_value(&Value::Function(func), &[], &[])?;
    Ok(())
}

/// A `SyntaxError` exception for a module that does not compile, with
/// CPython's args: `(msg, (filename, lineno, offset, text, end_lineno,
/// end_offset))`.
fn syntax_error(vm: &mut Vm, e: &SyntaxError, file: &SourceFile) -> PyErr {
    let kind = match e.kind.class_name() {
        "IndentationError" => ExcKind::IndentationError,
        "TabError" => ExcKind::TabError,
        _ => ExcKind::SyntaxError,
    };
    let line = file.line_of(e.span.start);
    let text = file
        .line_text(line)
        .map_or(Value::None, |t| Value::string(format!("{}\n", t)));
    let offset = file.col_of(e.span.start) as i64;
    let end_line = file.line_of(e.span.end.max(e.span.start + 1) - 1);
    let end_offset = if end_line == line && e.span.end > e.span.start {
        file.col_of(e.span.end) as i64
    } else {
        offset + 1
    };
    let details = Value::tuple(vec![
        Value::str(&file.name),
        Value::Int(line as i64),
        Value::Int(offset),
        text,
        Value::Int(line as i64),
        Value::Int(end_offset),
    ]);
    let inst = vm.materialize(PyErr::with_args(kind, vec![Value::str(&e.msg), details]));
    PyErr::Obj(inst)
}

/// `from m import name`: the attribute, or CPython's `ImportError`.
pub fn import_from(vm: &mut Vm, m: &Value, name: &Rc<PyStr>) -> RunResult<Value> {
    if let Some(v) = vm.get_attr_opt(m, name)? {
        return Ok(v);
    }
    let Value::Module(md) = m else {
        return Err(PyErr::new(
            ExcKind::ImportError,
            format!("cannot import name '{}'", name.as_str()),
        ));
    };
    let mod_name = module_name(vm, md);
    let file = md.dict.d.borrow().get_str(&vm.intern("__file__")).cloned();
    let location = match &file {
        Some(Value::Str(f)) => f.as_str().to_string(),
        _ => "unknown location".to_string(),
    };
    let msg = if is_initializing(vm, md) {
        format!(
            "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import) ({})",
            name.as_str(),
            mod_name,
            location
        )
    } else {
        format!(
            "cannot import name '{}' from '{}' ({})",
            name.as_str(),
            mod_name,
            location
        )
    };
    let path = file.unwrap_or(Value::None);
    Err(import_error(vm, ExcKind::ImportError, msg, &mod_name, path))
}

/// A module's `__name__` (CPython reads it from the module's dict).
fn module_name(vm: &mut Vm, md: &Module) -> String {
    match md.dict.d.borrow().get_str(&vm.names.name) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "<unknown module name>".to_string(),
    }
}

/// Whether the module's body is still running (a circular import).
pub fn is_initializing(vm: &Vm, md: &Module) -> bool {
    vm.initializing
        .iter()
        .any(|m| std::ptr::eq(Rc::as_ptr(m), md))
}

/// `from m import *`: the names of `__all__`, or every public name.
pub fn import_star(vm: &mut Vm, m: &Value, globals: &PyDict) -> RunResult<()> {
    let Value::Module(md) = m else {
        return Err(PyErr::not_implemented(
            "sigpy supports 'from ... import *' only from modules",
        ));
    };
    let all_key = vm.intern("__all__");
    let all = md.dict.d.borrow().get_str(&all_key).cloned();
    let entries: Vec<(Rc<PyStr>, Value)> = match all {
        Some(all) => {
            let mut out = Vec::new();
            for item in vm.collect(&all)? {
                let Value::Str(s) = &item else {
                    return Err(PyErr::type_error(format!(
                        "Item in {}.__all__ must be str, not {}",
                        module_name(vm, md),
                        vm.types.type_name(&item)
                    )));
                };
                let v = vm.get_attr(m, s)?;
                out.push((s.clone(), v));
            }
            out
        }
        None => md
            .dict
            .d
            .borrow()
            .iter()
            .filter_map(|e| match &e.key {
                Value::Str(s) if !s.as_str().starts_with('_') => Some((s.clone(), e.value.clone())),
                _ => None,
            })
            .collect(),
    };
    let mut g = globals.d.borrow_mut();
    for (k, v) in entries {
        g.set_str(k, v);
    }
    Ok(())
}
