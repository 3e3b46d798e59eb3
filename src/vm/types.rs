//! The builtin classes (`int`, `str`, `list`, ...) and the exception
//! hierarchy, created once per VM. Builtin methods are installed into their
//! class dicts by `builtins`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::dict::Dict;
use crate::runtime::exc::ExcKind;
use crate::runtime::value::{BuiltinType, Class, IterKind, PyStr, Value};

/// Every builtin class object.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub bytearray: Rc<Class>,
    pub memoryview: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub cell: Rc<Class>,
    pub code: Rc<Class>,
    pub iterator: Rc<Class>,
    /// The builtin iterator classes, indexed by `IterKind as usize`
    /// (`iters[0]` is `iterator`).
    pub iters: Vec<Rc<Class>>,
    pub generator: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    /// Stand-in traceback objects (`exc.__traceback__`, `__exit__`'s tb).
    pub traceback: Rc<Class>,
    /// The frame objects signal handlers receive (`runtime::frameview`).
    pub frame: Rc<Class>,
    /// Indexed by `ExcKind as usize`.
    pub excs: Vec<Rc<Class>>,
}

/// A builtin class with the given bases.
pub fn builtin_class(name: &str, builtin: BuiltinType, bases: Vec<Rc<Class>>) -> Rc<Class> {
    let mut mro: Vec<Rc<Class>> = Vec::new();
    for b in &bases {
        mro.push(b.clone());
        for m in &b.mro {
            if !mro.iter().any(|x| Rc::ptr_eq(x, m)) {
                mro.push(m.clone());
            }
        }
    }
    let name = Rc::new(PyStr::new(name));
    Rc::new(Class {
        name: name.clone(),
        qualname: RefCell::new(name),
        bases,
        mro,
        dict: RefCell::new(Dict::new()),
        builtin,
        is_builtin: true,
        is_exception: builtin == BuiltinType::BaseException,
        has_descriptors: std::cell::Cell::new(false),
        attr_hooks: std::cell::Cell::new(false),
        slots: None,
    })
}

impl Types {
    pub fn new() -> Types {
        use BuiltinType as B;
        let object = builtin_class("object", B::Object, vec![]);
        let o = || vec![object.clone()];
        let int = builtin_class("int", B::Int, o());
        let mut excs: Vec<Rc<Class>> = Vec::with_capacity(ExcKind::ALL.len());
        for &k in ExcKind::ALL {
            let bases = if k == ExcKind::BaseException {
                o()
            } else {
                vec![excs[k.base() as usize].clone()]
            };
            excs.push(builtin_class(k.class_name(), B::BaseException, bases));
        }
        let iters: Vec<Rc<Class>> = IterKind::ALL
            .iter()
            .map(|k| builtin_class(k.class_name(), B::Iterator, o()))
            .collect();
        Types {
            type_: builtin_class("type", B::Type, o()),
            none: builtin_class("NoneType", B::NoneType, o()),
            not_implemented: builtin_class("NotImplementedType", B::NotImplementedType, o()),
            ellipsis: builtin_class("ellipsis", B::Ellipsis, o()),
            bool_: builtin_class("bool", B::Bool, vec![int.clone()]),
            float: builtin_class("float", B::Float, o()),
            str_: builtin_class("str", B::Str, o()),
            bytes: builtin_class("bytes", B::Bytes, o()),
            bytearray: builtin_class("bytearray", B::ByteArray, o()),
            memoryview: builtin_class("memoryview", B::MemoryView, o()),
            list: builtin_class("list", B::List, o()),
            tuple: builtin_class("tuple", B::Tuple, o()),
            dict: builtin_class("dict", B::Dict, o()),
            set: builtin_class("set", B::Set, o()),
            frozenset: builtin_class("frozenset", B::FrozenSet, o()),
            range: builtin_class("range", B::Range, o()),
            slice: builtin_class("slice", B::Slice, o()),
            function: builtin_class("function", B::Function, o()),
            builtin_function: builtin_class("builtin_function_or_method", B::BuiltinFunction, o()),
            method: builtin_class("method", B::Method, o()),
            module: builtin_class("module", B::Module, o()),
            cell: builtin_class("cell", B::Cell, o()),
            code: builtin_class("code", B::Code, o()),
            iterator: iters[IterKind::Iterator as usize].clone(),
            iters,
            generator: builtin_class("generator", B::Generator, o()),
            property: builtin_class("property", B::Property, o()),
            staticmethod: builtin_class("staticmethod", B::StaticMethod, o()),
            classmethod: builtin_class("classmethod", B::ClassMethod, o()),
            super_: builtin_class("super", B::Super, o()),
            traceback: builtin_class("traceback", B::Object, o()),
            frame: builtin_class("frame", B::Object, o()),
            int,
            excs,
            object,
        }
    }

    /// The class of a builtin exception kind.
    #[inline]
    pub fn exc(&self, kind: ExcKind) -> &Rc<Class> {
        &self.excs[kind as usize]
    }

    /// The class of a value.
    pub fn type_of<'a>(&'a self, v: &'a Value) -> &'a Rc<Class> {
        match v {
            Value::Null | Value::None => &self.none,
            Value::NotImplemented => &self.not_implemented,
            Value::Ellipsis => &self.ellipsis,
            Value::Bool(_) => &self.bool_,
            Value::Int(_) | Value::BigInt(_) => &self.int,
            Value::Float(_) => &self.float,
            Value::Str(_) => &self.str_,
            Value::Bytes(_) => &self.bytes,
            Value::List(_) => &self.list,
            Value::Tuple(_) => &self.tuple,
            Value::Dict(_) => &self.dict,
            Value::Set(_) => &self.set,
            Value::FrozenSet(_) => &self.frozenset,
            Value::Range(_) => &self.range,
            Value::Slice(_) => &self.slice,
            Value::Function(_) => &self.function,
            Value::Builtin(_) => &self.builtin_function,
            Value::BoundMethod(m) if matches!(m.func, Value::Builtin(_)) => &self.builtin_function,
            Value::BoundMethod(_) => &self.method,
            Value::Class(_) => &self.type_,
            Value::Instance(i) => &i.class,
            Value::Module(_) => &self.module,
            Value::Cell(_) => &self.cell,
            Value::Code(_) => &self.code,
            Value::Iter(it) => &self.iters[it.kind as usize],
            Value::Special(s) => match &**s {
                crate::runtime::value::Special::Property { .. } => &self.property,
                crate::runtime::value::Special::StaticMethod(_) => &self.staticmethod,
                crate::runtime::value::Special::ClassMethod(_) => &self.classmethod,
                crate::runtime::value::Special::Super { .. } => &self.super_,
                crate::runtime::value::Special::Generator(_) => &self.generator,
                crate::runtime::value::Special::Fd(_) => &self.object,
                crate::runtime::value::Special::Native(_) => &self.object,
                crate::runtime::value::Special::ByteArray(_) => &self.bytearray,
                crate::runtime::value::Special::MemoryView(_) => &self.memoryview,
                crate::runtime::value::Special::Frame(_) => &self.frame,
            },
        }
    }

    /// The class name of a value (`type(v).__name__`).
    pub fn type_name<'a>(&'a self, v: &'a Value) -> &'a str {
        self.type_of(v).name.as_str()
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}
