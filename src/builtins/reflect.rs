//! Introspection builtins (`isinstance`, `getattr`, `id`, `vars`,
//! `globals`...), the methods of `object` and of the exception classes,
//! and the small "native class" helper used for builtin objects that need
//! Python-visible methods (dict views, `sys.stdout`, callable iterators).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::bytecode::code::{CO_CLASS_BODY, CO_MODULE};
use crate::runtime::dict::Dict;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{BuiltinType, Class, Instance, NativeFn, PyDict, Special, Value};
use crate::vm::ops::attr::class_lookup;
use crate::vm::ops::{is_subclass, isinstance_class};
use crate::vm::types::builtin_class;
use crate::vm::Vm;

use super::args;

/// `isinstance(obj, class_or_tuple)`
pub fn builtin_isinstance(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("isinstance", kw)?;
    args::count("isinstance", args, 2, 2)?;
    Ok(Value::Bool(isinstance(vm, &args[0], &args[1], 0)?))
}

/// `isinstance` against a class or a (nested) tuple of classes.
pub fn isinstance(vm: &Vm, v: &Value, spec: &Value, depth: usize) -> RunResult<bool> {
    match spec {
        Value::Class(c) => Ok(isinstance_class(vm, v, c)),
        Value::Tuple(t) if depth < 100 => {
            for c in t.items.iter() {
                if isinstance(vm, v, c, depth + 1)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

/// `issubclass(cls, class_or_tuple)`
pub fn builtin_issubclass(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("issubclass", kw)?;
    args::count("issubclass", args, 2, 2)?;
    let Value::Class(c) = &args[0] else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(issubclass(c, &args[1], 0)?))
}

fn issubclass(c: &Rc<Class>, spec: &Value, depth: usize) -> RunResult<bool> {
    match spec {
        Value::Class(t) => Ok(is_subclass(c, t)),
        Value::Tuple(t) if depth < 100 => {
            for s in t.items.iter() {
                if issubclass(c, s, depth + 1)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(PyErr::type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        )),
    }
}

fn attr_name<'a>(vm: &Vm, v: &'a Value) -> RunResult<&'a Rc<crate::runtime::value::PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            vm.types.type_name(other)
        ))),
    }
}

/// `getattr(obj, name[, default])`
pub fn builtin_getattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("getattr", kw)?;
    args::count("getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1])?.clone();
    match args.get(2) {
        None => vm.get_attr(&args[0], &name),
        Some(d) => Ok(vm
            .get_attr_opt(&args[0], &name)?
            .unwrap_or_else(|| d.clone())),
    }
}

/// `hasattr(obj, name)`
pub fn builtin_hasattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("hasattr", kw)?;
    args::count("hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?.clone();
    Ok(Value::Bool(vm.get_attr_opt(&args[0], &name)?.is_some()))
}

/// `setattr(obj, name, value)`
pub fn builtin_setattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("setattr", kw)?;
    args::count("setattr", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?.clone();
    vm.set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

/// `delattr(obj, name)`
pub fn builtin_delattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("delattr", kw)?;
    args::count("delattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?.clone();
    vm.del_attr(&args[0], &name)?;
    Ok(Value::None)
}

/// `id(obj)`
pub fn builtin_id(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("id", kw)?;
    let v = args::one("id", args)?;
    Ok(Value::Int((v.identity() & (i64::MAX as usize)) as i64))
}

/// `hash(obj)`
pub fn builtin_hash(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("hash", kw)?;
    let v = args::one("hash", args)?;
    // CPython's one fixed str hash; sigpy's own hashes never give 0 (its
    // caches use 0 for "not computed").
    if matches!(v, Value::Str(s) if s.as_str().is_empty()) {
        return Ok(Value::Int(0));
    }
    Ok(Value::Int(vm.hash(v)?))
}

/// Whether a value can be called.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(i) => class_lookup(&i.class, &vm.names.call).is_some(),
        Value::Special(s) => matches!(&**s, Special::StaticMethod(_)),
        _ => false,
    }
}

/// `callable(obj)`
pub fn builtin_callable(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("callable", kw)?;
    let v = args::one("callable", args)?;
    Ok(Value::Bool(is_callable(vm, v)))
}

/// `repr(obj)`
pub fn builtin_repr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("repr", kw)?;
    let v = args::one("repr", args)?;
    Ok(Value::string(vm.repr(v)?))
}

/// `ascii(obj)`: `repr` with non-ASCII characters escaped.
pub fn builtin_ascii(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("ascii", kw)?;
    let v = args::one("ascii", args)?;
    let r = vm.repr(v)?;
    Ok(Value::string(crate::runtime::text::ascii_escape(&r)))
}

fn dict_value(d: Dict) -> Value {
    Value::Dict(Rc::new(PyDict { d: RefCell::new(d) }))
}

/// `vars([obj])`: the module or instance dict itself; a snapshot for
/// classes and functions (their dicts are not shared objects).
pub fn builtin_vars(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("vars", kw)?;
    args::count("vars", args, 0, 1)?;
    let Some(v) = args.first() else {
        return builtin_locals(vm, &[], &[]);
    };
    match v {
        Value::Module(m) => Ok(Value::Dict(m.dict.clone())),
        Value::Instance(i)
            if i.class.slots.is_none() && !Rc::ptr_eq(&i.class, &vm.types.object) =>
        {
            crate::vm::ops::attr::instance_dict(i)
        }
        Value::Class(c) => Ok(dict_value(c.dict.borrow().clone())),
        Value::Function(f) => Ok(dict_value(f.dict.borrow().clone().unwrap_or_default())),
        _ => Err(PyErr::type_error(
            "vars() argument must have __dict__ attribute",
        )),
    }
}

/// `globals()`: the calling frame's module dict.
pub fn builtin_globals(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("globals", kw)?;
    args::count("globals", args, 0, 0)?;
    match vm.frames.last() {
        Some(f) => Ok(Value::Dict(f.globals().clone())),
        None => Err(PyErr::runtime_error("globals(): no current frame")),
    }
}

/// `locals()`: the namespace of a module or class body; a snapshot of the
/// locals (and cell contents) of a function.
pub fn builtin_locals(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("locals", kw)?;
    args::count("locals", args, 0, 0)?;
    let Some(f) = vm.frames.last() else {
        return Err(PyErr::runtime_error("locals(): no current frame"));
    };
    if let Some(ns) = &f.namespace {
        return Ok(Value::Dict(ns.clone()));
    }
    let co = f.code().co.clone();
    if co.flags & CO_MODULE != 0 && co.flags & CO_CLASS_BODY == 0 {
        return Ok(Value::Dict(f.globals().clone()));
    }
    let base = f.base;
    let mut d = Dict::new();
    let cells = co.cellvars.iter().chain(co.freevars.iter());
    let names: Vec<(&str, usize)> = co
        .varnames
        .iter()
        .enumerate()
        .map(|(i, n)| (&**n, base + i))
        .chain(
            cells
                .enumerate()
                .map(|(j, n)| (&**n, base + co.varnames.len() + j)),
        )
        .collect();
    for (name, slot) in names {
        let v = match vm.stack.get(slot) {
            Some(Value::Cell(c)) => c.borrow().clone(),
            Some(v) => v.clone(),
            None => Value::Null,
        };
        if !v.is_null() {
            let k = vm.intern(name);
            d.set_str(k, v);
        }
    }
    Ok(dict_value(d))
}

/// `dir([obj])`: sorted attribute names.
pub fn builtin_dir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("dir", kw)?;
    args::count("dir", args, 0, 1)?;
    let mut keys: Vec<Value> = Vec::new();
    let add_class = |keys: &mut Vec<Value>, c: &Rc<Class>| {
        keys.extend(c.dict.borrow().keys());
        for b in &c.mro {
            keys.extend(b.dict.borrow().keys());
        }
        keys.extend(object_slot_names().map(Value::str));
        keys.push(Value::str("__class__"));
    };
    match args.first() {
        None => {
            let l = builtin_locals(vm, &[], &[])?;
            if let Value::Dict(d) = l {
                keys = d.d.borrow().keys();
            }
        }
        Some(Value::Module(m)) => keys = m.dict.d.borrow().keys(),
        Some(Value::Class(c)) => add_class(&mut keys, c),
        Some(Value::Instance(i)) => {
            keys = i.dict().d.borrow().keys();
            add_class(&mut keys, &i.class);
        }
        Some(v) => {
            let c = vm.types.type_of(v).clone();
            add_class(&mut keys, &c);
        }
    }
    let mut names: Vec<String> = keys
        .iter()
        .filter_map(|k| k.as_pystr().map(|s| s.as_str().to_string()))
        .collect();
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

// === native classes ===

thread_local! {
    /// Native classes by name. They hold only native methods and cannot be
    /// modified from Python (builtin classes refuse `setattr`), so VMs on
    /// one thread can share them.
    static NATIVE_CLASSES: RefCell<HashMap<&'static str, Rc<Class>>> = RefCell::new(HashMap::new());
}

/// A builtin class with the given native methods, created once.
pub fn native_class(
    vm: &mut Vm,
    name: &'static str,
    methods: &[(&'static str, NativeFn)],
) -> Rc<Class> {
    if let Some(c) = NATIVE_CLASSES.with(|m| m.borrow().get(name).cloned()) {
        return c;
    }
    // A new class address: see `Vm::class_attr`.
    vm.class_epoch += 1;
    let cls = builtin_class(name, BuiltinType::Object, vec![vm.types.object.clone()]);
    for &(mname, f) in methods {
        let key = vm.intern(mname);
        cls.dict
            .borrow_mut()
            .set_str(key, super::native(mname, f, mname));
    }
    NATIVE_CLASSES.with(|m| m.borrow_mut().insert(name, cls.clone()));
    cls
}

/// A bare instance of a native class (state goes in its dict).
pub fn new_native_instance(_vm: &mut Vm, cls: &Rc<Class>) -> Value {
    Value::Instance(Rc::new(Instance::new(cls.clone(), None)))
}

/// A value stored in a native instance's dict under `key`.
pub fn native_field(vm: &mut Vm, obj: &Value, key: &str) -> Option<Value> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    let k = vm.intern(key);
    inst.get(&k)
}

// === object and exception methods ===

const OBJECT_METHODS: &[(&str, NativeFn, &str)] = &[
    ("__delattr__", object_delattr, "object.__delattr__"),
    (
        "__getattribute__",
        object_getattribute,
        "object.__getattribute__",
    ),
    ("__init__", object_init, "object.__init__"),
    ("__setattr__", object_setattr, "object.__setattr__"),
];

/// The methods of `object` that sigpy's VM implements natively (default
/// repr, identity comparison and hash...). They are not in `object`'s dict,
/// so the VM's dunder dispatch still sees "no user method"; attribute
/// lookups fall back to them (`super().__repr__()`, `object.__eq__(a, b)`,
/// `obj.__hash__`), and `object.__dict__` and `dir()` list them.
const OBJECT_SLOTS: &[(&str, NativeFn)] = &[
    ("__eq__", object_eq),
    ("__format__", object_format_slot),
    ("__ge__", object_not_implemented),
    ("__gt__", object_not_implemented),
    ("__hash__", object_hash),
    ("__init_subclass__", object_init_subclass),
    ("__le__", object_not_implemented),
    ("__lt__", object_not_implemented),
    ("__ne__", object_ne),
    ("__repr__", object_repr),
    ("__str__", object_str),
];

/// One of `object`'s native slots by name (see `OBJECT_SLOTS`).
pub fn object_slot(vm: &mut Vm, name: &crate::runtime::value::PyStr) -> Option<Value> {
    if !name.as_str().starts_with("__") {
        return None;
    }
    let cls = native_class(vm, "<object slots>", OBJECT_SLOTS);
    let v = cls.dict.borrow().get_str(name).cloned();
    v
}

/// `C.mro()`: the MRO as a list.
pub fn type_mro(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("mro", kw)?;
    args::count("mro", args, 1, 1)?;
    let Value::Class(c) = &args[0] else {
        return Err(PyErr::type_error(
            "descriptor 'mro' requires a 'type' object",
        ));
    };
    let mut v = vec![args[0].clone()];
    v.extend(c.mro.iter().map(|k| Value::Class(k.clone())));
    Ok(Value::list(v))
}

/// The names of `object`'s native slots.
pub fn object_slot_names() -> impl Iterator<Item = &'static str> {
    OBJECT_SLOTS.iter().map(|(n, _)| *n)
}

fn object_eq(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("__eq__", kw)?;
    args::count("__eq__", args, 2, 2)?;
    Ok(if args[0].is(&args[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

/// `object.__ne__`: the inverse of the type's `__eq__`.
fn object_ne(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("__ne__", kw)?;
    args::count("__ne__", args, 2, 2)?;
    let cls = vm.types.type_of(&args[0]).clone();
    let eq = vm.names.eq.clone();
    let r = match class_lookup(&cls, &eq) {
        Some(f) => vm.call_value(&f, &args[..2], &[])?,
        None => object_eq(vm, &args[..2], &[])?,
    };
    if matches!(r, Value::NotImplemented) {
        return Ok(r);
    }
    Ok(Value::Bool(!vm.truthy(&r)?))
}

fn object_not_implemented(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("comparison", kw)?;
    args::count("comparison", args, 2, 2)?;
    Ok(Value::NotImplemented)
}

fn object_hash(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("__hash__", kw)?;
    args::count("__hash__", args, 1, 1)?;
    Ok(Value::Int((args[0].identity() >> 4) as i64))
}

fn object_repr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("__repr__", kw)?;
    args::count("__repr__", args, 1, 1)?;
    Ok(Value::string(vm.default_repr(&args[0])))
}

fn object_str(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("__str__", kw)?;
    args::count("__str__", args, 1, 1)?;
    Ok(Value::string(vm.repr(&args[0])?))
}

fn object_format_slot(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("__format__", kw)?;
    args::count("__format__", args, 2, 2)?;
    let Value::Str(spec) = &args[1] else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            vm.types.type_name(&args[1])
        )));
    };
    let spec = spec.clone();
    Ok(Value::string(super::format::object_format(
        vm,
        &args[0],
        spec.as_str(),
    )?))
}

/// `object.__init_subclass__(cls)`: does nothing; keyword arguments are
/// an error.
fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    if !kw.is_empty() || args.len() > 1 {
        let name = match args.first() {
            Some(Value::Class(c)) => c.name.as_str().to_string(),
            _ => "object".into(),
        };
        let _ = vm;
        return Err(PyErr::type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            name
        )));
    }
    Ok(Value::None)
}

const EXC_METHODS: &[(&str, NativeFn, &str)] = &[
    ("__init__", exc_init, "BaseException.__init__"),
    ("__new__", exc_new, "BaseException.__new__"),
    ("__repr__", exc_repr, "BaseException.__repr__"),
    ("__str__", exc_str, "BaseException.__str__"),
    ("add_note", exc_add_note, "BaseException.add_note"),
    (
        "with_traceback",
        exc_with_traceback,
        "BaseException.with_traceback",
    ),
];

/// Installs the methods of `object` and the exception classes.
pub fn install(vm: &mut Vm) {
    let object = vm.types.object.clone();
    super::install_methods(vm, &object, OBJECT_METHODS);
    let base = vm.types.exc(ExcKind::BaseException).clone();
    super::install_methods(vm, &base, EXC_METHODS);
    let os = vm.types.exc(ExcKind::OSError).clone();
    super::install_methods(
        vm,
        &os,
        &[
            ("__init__", oserror_init, "OSError.__init__"),
            ("__str__", oserror_str, "OSError.__str__"),
        ],
    );
    for (name, get, set) in OSERROR_FIELDS {
        let prop = Value::Special(Rc::new(Special::Property {
            fget: super::native(name, *get, name),
            fset: super::native(name, *set, name),
            fdel: Value::None,
            doc: Value::None,
        }));
        super::set_class_attr(vm, &os, name, prop);
    }
    let stop = vm.types.exc(ExcKind::StopIteration).clone();
    let prop = property_of(stop_iteration_value, "value");
    super::set_class_attr(vm, &stop, "value", prop);
}

/// A read-only property whose getter is a native.
pub fn property_of(f: NativeFn, name: &'static str) -> Value {
    Value::Special(Rc::new(Special::Property {
        fget: super::native(name, f, name),
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    }))
}

/// `object.__init__(self, *args, **kw)`: extra arguments are an error
/// unless the class overrides `__new__` (CPython's rule).
fn object_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let this = args::self_arg("__init__", args)?;
    if args.len() == 1 && kw.is_empty() {
        return Ok(Value::None);
    }
    let cls = vm.types.type_of(this).clone();
    let init_name = vm.names.init.clone();
    let own_init = matches!(class_lookup(&cls, &init_name), Some(Value::Builtin(b)) if b.qualname == "object.__init__");
    if !own_init {
        return Err(PyErr::type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    let new_name = vm.names.new.clone();
    if matches!(
        class_lookup(&cls, &new_name),
        Some(Value::Function(_) | Value::Special(_))
    ) {
        return Ok(Value::None);
    }
    Err(PyErr::type_error(format!(
        "{}() takes no arguments",
        cls.name.as_str()
    )))
}

fn object_setattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("__setattr__", kw)?;
    args::count("__setattr__", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?.clone();
    object_attr_target(vm, "__setattr__", &args[0], &name)?;
    vm.generic_set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("__delattr__", kw)?;
    args::count("__delattr__", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?.clone();
    object_attr_target(vm, "__delattr__", &args[0], &name)?;
    vm.generic_del_attr(&args[0], &name)?;
    Ok(Value::None)
}

/// `object.__setattr__`/`__delattr__` refuse builtin objects (whose
/// attributes are read-only) with CPython's messages.
fn object_attr_target(
    vm: &Vm,
    what: &str,
    obj: &Value,
    name: &crate::runtime::value::PyStr,
) -> RunResult<()> {
    match obj {
        Value::Instance(_) | Value::Function(_) | Value::Module(_) => Ok(()),
        Value::Class(_) => Err(PyErr::type_error(format!(
            "can't apply this {} to type object",
            what
        ))),
        other => Err(PyErr::new(
            ExcKind::AttributeError,
            format!(
                "'{}' object has no attribute '{}'",
                vm.types.type_name(other),
                name.as_str()
            ),
        )),
    }
}

fn object_getattribute(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("__getattribute__", kw)?;
    args::count("__getattribute__", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?.clone();
    vm.instance_getattribute(&args[0], &name)
}

pub(crate) fn exc_instance<'a>(args: &'a [Value], name: &str) -> RunResult<&'a Rc<Instance>> {
    match args.first() {
        Some(Value::Instance(i)) if i.exc.is_some() => Ok(i),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{}' requires a 'BaseException' object",
            name
        ))),
    }
}

/// `BaseException.__new__(cls, *args)`: a new exception with `args`
/// (reached from a user `__new__` through `super().__new__(cls, ...)`).
fn exc_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    match args.first() {
        Some(Value::Class(cls)) if cls.is_exception => {
            let cls = cls.clone();
            Ok(vm.new_instance(&cls, &args[1..]))
        }
        Some(other) => Err(PyErr::type_error(format!(
            "BaseException.__new__(X): X is not a type object ({})",
            vm.types.type_name(other)
        ))),
        None => Err(PyErr::type_error(
            "BaseException.__new__(): not enough arguments",
        )),
    }
}

/// `BaseException.__init__(self, *args)`: sets `args`.
fn exc_init(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let inst = exc_instance(args, "__init__")?;
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            inst.class.name.as_str()
        )));
    }
    if let Some(e) = &inst.exc {
        let same = match &e.borrow().args {
            Value::Tuple(t) => {
                t.items.len() == args.len() - 1
                    && t.items.iter().zip(&args[1..]).all(|(a, b)| a.is(b))
            }
            _ => false,
        };
        if !same {
            e.borrow_mut().args = Value::tuple(args[1..].to_vec());
        }
    }
    Ok(Value::None)
}

pub(crate) fn exc_args(inst: &Instance) -> Vec<Value> {
    match inst.exc.as_ref().map(|e| e.borrow().args.clone()) {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        _ => Vec::new(),
    }
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let inst = exc_instance(args, "__str__")?.clone();
    Ok(Value::string(vm.exc_str(&inst)?))
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let inst = exc_instance(args, "__repr__")?.clone();
    let items = exc_args(&inst);
    let name = inst.class.name.as_str().to_string();
    let s = match items.as_slice() {
        [one] => format!("{}({})", name, vm.repr(one)?),
        _ => format!("{}{}", name, vm.repr(&Value::tuple(items.clone()))?),
    };
    Ok(Value::string(s))
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("with_traceback", args, 2, 2)?;
    let inst = exc_instance(args, "with_traceback")?.clone();
    vm.set_traceback(&inst, &args[1])?;
    Ok(args[0].clone())
}

fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let inst = exc_instance(args, "add_note")?.clone();
    args::count("add_note", args, 2, 2)?;
    if !matches!(args[1], Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            vm.types.type_name(&args[1])
        )));
    }
    let key = vm.intern("__notes__");
    let existing = inst.get(&key);
    match existing {
        Some(Value::List(l)) => l.items.borrow_mut().push(args[1].clone()),
        _ => {
            inst.set(&key, Value::list(vec![args[1].clone()]));
        }
    }
    Ok(Value::None)
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`.
fn oserror_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let inst = exc_instance(args, "__init__")?.clone();
    exc_init(vm, args, kw)?;
    oserror_setup(vm, &inst, &args[1..]);
    Ok(Value::None)
}

/// CPython's `oserror_init`: with 2 to 5 arguments, `errno` and
/// `strerror` are the first two, `filename` the third and `filename2` the
/// fifth; when a filename is given, `args` keeps only the first two.
pub fn oserror_setup(vm: &mut Vm, inst: &Rc<Instance>, args: &[Value]) {
    if !(2..=5).contains(&args.len()) {
        return;
    }
    let mut fields = vec![
        ("__errno", args[0].clone()),
        ("__strerror", args[1].clone()),
    ];
    let filename = args.get(2).filter(|f| !f.is_none());
    if let Some(f) = filename {
        fields.push(("__filename", f.clone()));
        if let Some(f2) = args.get(4).filter(|f| !f.is_none()) {
            fields.push(("__filename2", f2.clone()));
        }
        if let Some(e) = &inst.exc {
            e.borrow_mut().args = Value::tuple(args[..2].to_vec());
        }
    }
    for (k, v) in fields {
        let key = vm.intern(k);
        inst.set(&key, v);
    }
}

macro_rules! oserror_fields {
    ($($name:literal => $key:literal, $get:ident, $set:ident;)*) => {
        $(
            fn $get(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
                let obj = args.first().cloned().unwrap_or(Value::None);
                Ok(native_field(vm, &obj, $key).unwrap_or(Value::None))
            }

            fn $set(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
                let inst = exc_instance(args, $name)?.clone();
                let key = vm.intern($key);
                let v = args.get(1).cloned().unwrap_or(Value::None);
                inst.set(&key, v);
                Ok(Value::None)
            }
        )*
        /// The settable fields of `OSError`: (name, getter, setter).
        const OSERROR_FIELDS: &[(&str, NativeFn, NativeFn)] =
            &[$(($name, $get as NativeFn, $set as NativeFn),)*];
    };
}

oserror_fields! {
    "errno" => "__errno", oserror_errno, oserror_set_errno;
    "strerror" => "__strerror", oserror_strerror, oserror_set_strerror;
    "filename" => "__filename", oserror_filename, oserror_set_filename;
    "filename2" => "__filename2", oserror_filename2, oserror_set_filename2;
}

/// `[Errno N] text: 'file' -> 'file2'` as far as the fields are set.
fn oserror_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let inst = exc_instance(args, "__str__")?.clone();
    // A field set to None (after construction) still prints, as CPython's.
    let field = |vm: &mut Vm, k: &str| native_field(vm, &args[0], k);
    let errno = native_field(vm, &args[0], "__errno");
    let strerror = native_field(vm, &args[0], "__strerror");
    let (Some(no), Some(msg)) = (errno, strerror) else {
        return Ok(Value::string(vm.exc_str(&inst)?));
    };
    let mut s = format!("[Errno {}] {}", vm.to_str(&no)?, vm.to_str(&msg)?);
    if let Some(f) = field(vm, "__filename") {
        s.push_str(": ");
        s.push_str(&vm.repr(&f)?);
        if let Some(f2) = field(vm, "__filename2") {
            s.push_str(" -> ");
            s.push_str(&vm.repr(&f2)?);
        }
    }
    Ok(Value::string(s))
}

fn stop_iteration_value(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let Some(Value::Instance(inst)) = args.first() else {
        return Ok(Value::None);
    };
    Ok(exc_args(inst).into_iter().next().unwrap_or(Value::None))
}

/// `super(cls, obj).name`: the first definition of `name` after `cls` in
/// the MRO of `obj` (or of `obj` itself when it is a class), bound to
/// `obj` the way attribute lookup on `obj` would bind it.
pub fn super_getattr(
    vm: &mut Vm,
    cls: &Rc<Class>,
    obj: &Value,
    name: &Rc<crate::runtime::value::PyStr>,
) -> RunResult<Value> {
    let (start, obj_is_class) = match obj {
        Value::Class(c) => (c.clone(), true),
        _ => (vm.types.type_of(obj).clone(), false),
    };
    let mro: Vec<Rc<Class>> = std::iter::once(start.clone())
        .chain(start.mro.iter().cloned())
        .collect();
    let after = mro
        .iter()
        .position(|c| Rc::ptr_eq(c, cls))
        .map(|i| i + 1)
        .unwrap_or(mro.len());
    for c in &mro[after..] {
        let found = c.dict.borrow().get_str(name).cloned();
        let Some(v) = found else { continue };
        let bind = |f: Value, to: Value| {
            Value::BoundMethod(Rc::new(crate::runtime::value::BoundMethod {
                func: f,
                self_: to,
            }))
        };
        return Ok(match &v {
            _ if name.as_str() == "__new__" => v,
            Value::Function(_) if !obj_is_class => bind(v, obj.clone()),
            Value::Builtin(b) if b.bound.is_none() && !obj_is_class => bind(v, obj.clone()),
            Value::Special(s) => match &**s {
                Special::StaticMethod(f) => f.clone(),
                Special::ClassMethod(f) => bind(f.clone(), Value::Class(start.clone())),
                Special::Property { fget, .. } if !obj_is_class => {
                    let f = fget.clone();
                    return vm.call_value(&f, std::slice::from_ref(obj), &[]);
                }
                _ => v.clone(),
            },
            _ => v,
        });
    }
    if name.as_str() == "__class__" {
        return Ok(Value::Class(vm.types.super_.clone()));
    }
    Err(PyErr::no_attribute("super", name.as_str()))
}
