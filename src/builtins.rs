//! The builtins: the functions of the `builtins` namespace and the methods
//! of the builtin types, registered from static tables sorted by name (a
//! one-line diff adds one). `install` runs once per VM.
//!
//! - `args`: argument-count and keyword checks with CPython's messages
//! - `io`: `print`, `input`
//! - `types`: the constructors (`int()`, `list()`, `range()`, `super()`...)
//! - `iter`: `len`, `enumerate`, `zip`, `sorted`, `min`/`max`, `sum`...
//! - `sort`: the stable merge sort behind `sorted` and `list.sort`
//! - `numeric`: `abs`, `divmod`, `pow`, `round`, `hex`..., int/float methods
//! - `reflect`: `isinstance`, `getattr`, `id`, `vars`..., object and
//!   exception methods
//! - `exc_types`: the fields of `ImportError` and `SyntaxError`
//! - `format`: format specs (`format()`, f-strings' `FormatValue`)
//! - `interpolate`: `str.format` and `str.format_map`
//! - `percent`: `%`-formatting of str and bytes
//! - `range_slice`: the methods of `range` and `slice`
//! - `bytearray`, `memoryview`: the buffer types (`bytearray`'s bytes
//!   methods are those of `bytes_methods`, run on a copy)
//! - `str_methods`, `str_case`, `bytes_methods`, `list_methods`,
//!   `dict_methods`, `set_methods`: the methods of each type (`bytes_text`:
//!   the str-like methods of bytes)
//! - `gen_methods`: generator objects (`send`, `throw`, `close`, ...)

pub mod args;
pub mod bytearray;
pub mod bytes_methods;
pub mod bytes_text;
pub mod dict_methods;
pub mod dunders;
pub mod exc_types;
pub mod file;
pub mod format;
pub mod gen_methods;
pub mod interpolate;
pub mod io;
pub mod iter;
pub mod list_methods;
pub mod memoryview;
pub mod numeric;
pub mod percent;
pub mod range_slice;
pub mod reflect;
pub mod set_methods;
pub mod sort;
pub mod str_case;
pub mod str_methods;
pub mod stream;
pub mod types;

use std::rc::Rc;

use crate::runtime::exc::ExcKind;
use crate::runtime::value::{Builtin, Class, NativeFn, Special, Value};
use crate::vm::Vm;

pub use format::format_value;
pub use set_methods::set_binop;

/// A table entry: the Python name and the native implementing it.
pub type Entry = (&'static str, NativeFn);

/// The builtin functions, sorted by name.
const BUILTINS: &[Entry] = &[
    ("abs", numeric::builtin_abs),
    ("all", iter::builtin_all),
    ("any", iter::builtin_any),
    ("ascii", reflect::builtin_ascii),
    ("bin", numeric::builtin_bin),
    ("callable", reflect::builtin_callable),
    ("chr", numeric::builtin_chr),
    ("delattr", reflect::builtin_delattr),
    ("dir", reflect::builtin_dir),
    ("divmod", numeric::builtin_divmod),
    ("format", format::builtin_format),
    ("getattr", reflect::builtin_getattr),
    ("globals", reflect::builtin_globals),
    ("hasattr", reflect::builtin_hasattr),
    ("hash", reflect::builtin_hash),
    ("hex", numeric::builtin_hex),
    ("id", reflect::builtin_id),
    ("input", io::builtin_input),
    ("isinstance", reflect::builtin_isinstance),
    ("issubclass", reflect::builtin_issubclass),
    ("iter", iter::builtin_iter),
    ("len", iter::builtin_len),
    ("locals", reflect::builtin_locals),
    ("max", iter::builtin_max),
    ("min", iter::builtin_min),
    ("next", iter::builtin_next),
    ("oct", numeric::builtin_oct),
    ("ord", numeric::builtin_ord),
    ("pow", numeric::builtin_pow),
    ("open", file::builtin_open),
    ("print", io::builtin_print),
    ("repr", reflect::builtin_repr),
    ("round", numeric::builtin_round),
    ("setattr", reflect::builtin_setattr),
    ("sorted", iter::builtin_sorted),
    ("sum", iter::builtin_sum),
    ("vars", reflect::builtin_vars),
];

/// Fills `vm.builtins` and the class dicts of the builtin types.
pub fn install(vm: &mut Vm) {
    for &(name, f) in BUILTINS {
        let v = native(name, f, name);
        set_builtin(vm, name, v);
    }
    install_type_names(vm);
    for &k in ExcKind::ALL {
        if !k.is_builtin_name() {
            continue;
        }
        let cls = vm.types.exc(k).clone();
        set_builtin(vm, k.name(), Value::Class(cls));
    }
    // `io.UnsupportedOperation` prints with its module, as CPython's.
    let unsupported = vm.types.exc(ExcKind::UnsupportedOperation).clone();
    let module = vm.names.module.clone();
    unsupported
        .dict
        .borrow_mut()
        .set_str(module, Value::str("io"));
    // CPython aliases.
    let env = vm.types.exc(ExcKind::OSError).clone();
    set_builtin(vm, "EnvironmentError", Value::Class(env.clone()));
    set_builtin(vm, "IOError", Value::Class(env));
    set_builtin(vm, "NotImplemented", Value::NotImplemented);
    set_builtin(vm, "Ellipsis", Value::Ellipsis);
    set_builtin(vm, "__debug__", Value::Bool(true));
    types::install(vm);
    str_methods::install(vm);
    bytes_methods::install(vm);
    bytearray::install(vm);
    memoryview::install(vm);
    list_methods::install(vm);
    gen_methods::install(vm);
    dict_methods::install(vm);
    set_methods::install(vm);
    numeric::install(vm);
    range_slice::install(vm);
    reflect::install(vm);
    exc_types::install(vm);
    dunders::install(vm);
}

fn install_type_names(vm: &mut Vm) {
    let t = &vm.types;
    let classes: Vec<(&str, Rc<Class>)> = vec![
        ("bool", t.bool_.clone()),
        ("bytearray", t.bytearray.clone()),
        ("bytes", t.bytes.clone()),
        ("classmethod", t.classmethod.clone()),
        ("dict", t.dict.clone()),
        ("float", t.float.clone()),
        ("frozenset", t.frozenset.clone()),
        ("int", t.int.clone()),
        ("list", t.list.clone()),
        ("memoryview", t.memoryview.clone()),
        ("object", t.object.clone()),
        ("property", t.property.clone()),
        ("range", t.range.clone()),
        ("set", t.set.clone()),
        ("slice", t.slice.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("str", t.str_.clone()),
        ("super", t.super_.clone()),
        ("tuple", t.tuple.clone()),
        ("type", t.type_.clone()),
    ];
    for (name, cls) in classes {
        set_builtin(vm, name, Value::Class(cls));
    }
    // The lazy builtins are classes too (`isinstance(x, enumerate)`).
    for kind in types::LAZY {
        let cls = vm.types.iters[kind as usize].clone();
        set_builtin(vm, kind.class_name(), Value::Class(cls));
    }
}

fn set_builtin(vm: &mut Vm, name: &str, v: Value) {
    let key = vm.intern(name);
    vm.builtins.d.borrow_mut().set_str(key, v);
}

/// A native function value (unbound).
pub fn native(name: &'static str, f: NativeFn, qualname: &'static str) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        f,
        bound: None,
        qualname,
    }))
}

/// Installs a table of methods into a class dict. `qual` gives each
/// method's qualified name (`str.join`), used in error messages.
pub fn install_methods(
    vm: &mut Vm,
    cls: &Rc<Class>,
    table: &[(&'static str, NativeFn, &'static str)],
) {
    for &(name, f, qual) in table {
        let key = vm.intern(name);
        cls.dict.borrow_mut().set_str(key, native(name, f, qual));
    }
}

/// Installs a native as a classmethod of `cls` (`dict.fromkeys`).
pub fn install_classmethod(
    vm: &mut Vm,
    cls: &Rc<Class>,
    name: &'static str,
    f: NativeFn,
    qual: &'static str,
) {
    let key = vm.intern(name);
    let v = Value::Special(Rc::new(Special::ClassMethod(native(name, f, qual))));
    cls.dict.borrow_mut().set_str(key, v);
}

/// Sets a plain attribute in a class dict.
pub fn set_class_attr(vm: &mut Vm, cls: &Rc<Class>, name: &str, v: Value) {
    let key = vm.intern(name);
    cls.dict.borrow_mut().set_str(key, v);
}
