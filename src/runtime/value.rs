//! `Value`: the one runtime value type. Immediates (None, bools, small ints,
//! floats) are stored inline; everything else is behind one `Rc`, so a
//! `Value` is two words (pinned by a test) and cloning is a refcount bump.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use super::dict::Dict;
use super::set::SetTable;
use crate::bytecode::CodeObject;

/// A Python value.
///
/// The tag is a whole word (`repr(u64)`), so every variant's payload,
/// `Bool`'s too, is the second word: a value is two words with no padding
/// bytes, which the fast loop copies and builds in registers (with a byte
/// tag, copies also moved the seven bytes after it through memory, and
/// pushes waited on store forwarding).
#[derive(Debug, Default)]
#[repr(u64)]
pub enum Value {
    /// Internal "no value" marker (unbound local, `LoadMethod` without self).
    /// Never visible to Python code.
    #[default]
    Null,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    BigInt(Rc<BigInt>),
    Str(Rc<PyStr>),
    Bytes(Rc<PyBytes>),
    List(Rc<PyList>),
    Tuple(Rc<PyTuple>),
    Dict(Rc<PyDict>),
    Set(Rc<PySet>),
    FrozenSet(Rc<PySet>),
    Range(Rc<PyRange>),
    Slice(Rc<PySlice>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    BoundMethod(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Cell(Rc<RefCell<Value>>),
    Code(Rc<Code>),
    Iter(Rc<PyIter>),
    /// `property`, `staticmethod`, `classmethod`, `super` objects.
    Special(Rc<Special>),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

impl Clone for Value {
    /// Inlined (the derived clone is an out-of-line call on the hot path).
    #[inline(always)]
    fn clone(&self) -> Value {
        // Ints first, without the jump table of the full match.
        if let Value::Int(i) = self {
            return Value::Int(*i);
        }
        match self {
            Value::Null => Value::Null,
            Value::None => Value::None,
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::BigInt(r) => Value::BigInt(Rc::clone(r)),
            Value::Str(r) => Value::Str(Rc::clone(r)),
            Value::Bytes(r) => Value::Bytes(Rc::clone(r)),
            Value::List(r) => Value::List(Rc::clone(r)),
            Value::Tuple(r) => Value::Tuple(Rc::clone(r)),
            Value::Dict(r) => Value::Dict(Rc::clone(r)),
            Value::Set(r) => Value::Set(Rc::clone(r)),
            Value::FrozenSet(r) => Value::FrozenSet(Rc::clone(r)),
            Value::Range(r) => Value::Range(Rc::clone(r)),
            Value::Slice(r) => Value::Slice(Rc::clone(r)),
            Value::Function(r) => Value::Function(Rc::clone(r)),
            Value::Builtin(r) => Value::Builtin(Rc::clone(r)),
            Value::BoundMethod(r) => Value::BoundMethod(Rc::clone(r)),
            Value::Class(r) => Value::Class(Rc::clone(r)),
            Value::Instance(r) => Value::Instance(Rc::clone(r)),
            Value::Module(r) => Value::Module(Rc::clone(r)),
            Value::Cell(r) => Value::Cell(Rc::clone(r)),
            Value::Code(r) => Value::Code(Rc::clone(r)),
            Value::Iter(r) => Value::Iter(Rc::clone(r)),
            Value::Special(r) => Value::Special(Rc::clone(r)),
        }
    }
}

/// A str: UTF-8 text with its hash cached and an ASCII flag for O(1) indexing.
#[derive(Debug)]
pub struct PyStr {
    /// A `String` (not `Box<str>`) so `s += t` can append in place when the
    /// str is not shared.
    pub s: String,
    hash: Cell<u64>,
    /// Number of code points.
    pub char_len: usize,
}

/// Capacity of the text buffers of short strs: glibc's smallest chunk
/// holds 24 bytes, so asking for fewer saves nothing.
const SMALL_CAP: usize = 24;

/// Most buffers `SMALL_BUFS` keeps (256 KB): a `split` into 4000 parts
/// and the death of its list churn that many at once.
const SMALL_POOL: usize = 8192;

thread_local! {
    /// Text buffers of dropped short strs, reused by new ones: str churn
    /// (split parts, `str(i)`, temporaries of `+`) skips malloc and free.
    static SMALL_BUFS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// An empty buffer of capacity `SMALL_CAP`, from the pool if it has one.
#[inline]
fn small_buf() -> String {
    SMALL_BUFS
        .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
        .ok()
        .flatten()
        .unwrap_or_else(|| String::with_capacity(SMALL_CAP))
}

impl Drop for PyStr {
    #[inline]
    fn drop(&mut self) {
        if self.s.capacity() == SMALL_CAP {
            let mut s = std::mem::take(&mut self.s);
            s.clear();
            // During thread exit the pool may be gone: then just free.
            let _ = SMALL_BUFS.try_with(|p| {
                if let Ok(mut p) = p.try_borrow_mut() {
                    if p.len() < SMALL_POOL {
                        p.push(s);
                    }
                }
            });
        }
    }
}

impl PyStr {
    /// A copy of short ASCII-or-not text whose code-point count is known,
    /// in a pooled buffer when it fits one.
    #[inline]
    pub fn from_str_chars(text: &str, char_len: usize) -> PyStr {
        let s = if text.len() <= SMALL_CAP {
            let mut b = small_buf();
            b.push_str(text);
            b
        } else {
            text.to_owned()
        };
        PyStr {
            s,
            hash: Cell::new(0),
            char_len,
        }
    }

    /// A copy of `text` (counting its code points).
    #[inline]
    pub fn copy_of(text: &str) -> PyStr {
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr::from_str_chars(text, char_len)
    }

    pub fn new(s: impl Into<String>) -> PyStr {
        let s: String = s.into();
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            hash: Cell::new(0),
            char_len,
        }
    }

    /// A str whose code-point count the caller already knows.
    pub fn with_char_len(s: String, char_len: usize) -> PyStr {
        debug_assert_eq!(s.chars().count(), char_len);
        PyStr {
            s,
            hash: Cell::new(0),
            char_len,
        }
    }

    /// `a + b`, with the char count computed from the parts.
    /// The capacity is what the allocator hands out for that size anyway
    /// (glibc: 16-byte steps, at least 24 bytes), so a short result grows
    /// by a few more `+=` without reallocating.
    pub fn concat(a: &PyStr, b: &str, b_chars: usize) -> PyStr {
        let n = a.s.len() + b.len();
        let mut s = if n <= SMALL_CAP {
            small_buf()
        } else {
            String::with_capacity(((n + 8 + 15) & !15) - 8)
        };
        s.push_str(&a.s);
        s.push_str(b);
        PyStr {
            s,
            hash: Cell::new(0),
            char_len: a.char_len + b_chars,
        }
    }

    /// Appends in place (the caller owns the only reference).
    pub fn push(&mut self, b: &PyStr) {
        self.s.push_str(&b.s);
        self.char_len += b.char_len;
        self.hash.set(0);
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    /// Deterministic hash (no per-run seed), cached.
    #[inline]
    pub fn hash(&self) -> u64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = super::hash::hash_str(&self.s);
        self.hash.set(h);
        h
    }
}

#[derive(Debug)]
pub struct PyBytes {
    pub b: Box<[u8]>,
}

#[derive(Debug, Default)]
pub struct PyList {
    pub items: RefCell<Vec<Value>>,
}

/// A big list's items are freed by the VM a slice at a time (`grave`).
impl Drop for PyList {
    #[inline]
    fn drop(&mut self) {
        super::grave::bury(self.items.get_mut());
    }
}

#[derive(Debug)]
pub struct PyTuple {
    pub items: Box<[Value]>,
}

/// A big tuple's items are freed by the VM a slice at a time (`grave`).
impl Drop for PyTuple {
    #[inline]
    fn drop(&mut self) {
        if self.items.len() >= super::grave::BURY_MIN {
            let mut items = std::mem::take(&mut self.items).into_vec();
            super::grave::bury(&mut items);
        }
    }
}

#[derive(Debug, Default)]
pub struct PyDict {
    pub d: RefCell<Dict>,
}

/// A big dict's entries are freed by the VM a slice at a time (`grave`).
impl Drop for PyDict {
    #[inline]
    fn drop(&mut self) {
        self.d.get_mut().bury_if_big();
    }
}

/// `borrow`/`borrow_mut` of the table, so an instance dict (an
/// `Rc<PyDict>`) reads like the `RefCell<Dict>` it used to be.
#[allow(clippy::should_implement_trait)]
impl PyDict {
    #[inline(always)]
    pub fn borrow(&self) -> std::cell::Ref<'_, Dict> {
        self.d.borrow()
    }

    #[inline(always)]
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, Dict> {
        self.d.borrow_mut()
    }
}

#[derive(Debug, Default)]
pub struct PySet {
    pub s: RefCell<SetTable>,
}

/// A big set's items are freed by the VM a slice at a time (`grave`).
impl Drop for PySet {
    #[inline]
    fn drop(&mut self) {
        self.s.get_mut().bury_if_big();
    }
}

/// A `range`: i64 bounds, or (`big`, the cold path of runtime/range.rs)
/// bounds beyond 64 bits, with the i64 fields then unused.
#[derive(Debug, Clone)]
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub big: Option<Box<crate::runtime::range::BigRange>>,
}

impl PyRange {
    /// Number of elements (CPython's formula), capped at `i64::MAX`.
    pub fn len(&self) -> i64 {
        self.exact_len().min(i64::MAX as i128) as i64
    }

    /// Number of elements, which can pass `i64::MAX` (`range(-2**63, 2**63-1)`).
    pub fn exact_len(&self) -> i128 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.big {
            Some(b) => num_traits::Zero::is_zero(&b.len),
            None => self.len() == 0,
        }
    }
}

#[derive(Debug)]
pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A per-instruction cache for `LoadGlobal`, `LoadAttr` and `LoadMethod`
/// (the instruction's operand is rewritten to the cache's index).
#[derive(Debug, Default)]
pub struct InlineCache {
    /// The name index the instruction had in the compiled code.
    pub name: u32,
    /// LoadGlobal: globals version; attributes: class address.
    pub key: Cell<u64>,
    /// LoadGlobal: builtins version (0 when found in globals);
    /// attributes: the class epoch.
    pub aux: Cell<u64>,
    /// LoadGlobal: entry index in the dict it was found in; attributes: the
    /// entry index the name had in the last instance dict (a guess that
    /// is verified by key identity before use).
    pub index: Cell<u32>,
    /// Attributes: the instance shape `index` is a value index in (0:
    /// `index` is a dict entry guess).
    pub shape: Cell<u64>,
    /// Attributes: the class attribute found (Null: none).
    pub value: RefCell<Value>,
    /// Attributes: more (class, epoch, attribute) entries, for a site that
    /// sees several classes (made when the first entry is taken).
    pub poly: std::cell::OnceCell<Box<[PolyEntry; POLY_ENTRIES]>>,
}

/// Entries of `InlineCache::poly`.
pub const POLY_ENTRIES: usize = 4;

/// One more class seen by an attribute inline cache: its address, the
/// class epoch of the lookup and the class attribute found (Null: none).
#[derive(Debug, Default)]
pub struct PolyEntry {
    pub key: Cell<u64>,
    pub epoch: Cell<u64>,
    pub value: RefCell<Value>,
}

/// A code object prepared for execution: constants and names turned into
/// values once.
#[derive(Debug)]
pub struct Code {
    pub co: Rc<CodeObject>,
    /// The instructions, with cacheable operands rewritten to cache indices.
    pub instrs: Box<[crate::bytecode::Instr]>,
    pub caches: Box<[InlineCache]>,
    pub consts: Box<[Value]>,
    /// `co.names` as interned strs (hash precomputed).
    pub names: Box<[Rc<PyStr>]>,
    /// Parameter names as str values, for keyword binding.
    pub param_names: Box<[Rc<PyStr>]>,
    pub nlocals: usize,
    pub ncells: usize,
    pub nfree: usize,
    /// True when a call may bind positional arguments straight into slots
    /// (no `*args`, `**kwargs`, keyword-only parameters or cells from args).
    pub simple_args: bool,
}

/// A Python function.
#[derive(Debug)]
pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<PyDict>,
    pub name: RefCell<Rc<PyStr>>,
    pub qualname: RefCell<Rc<PyStr>>,
    pub defaults: Box<[Value]>,
    /// Keyword-only defaults: (name, value).
    pub kwdefaults: Box<[(Rc<PyStr>, Value)]>,
    /// Cells for the code's free variables.
    pub closure: Box<[Value]>,
    pub module: Value,
    pub dict: RefCell<Option<Dict>>,
}

/// Signature of every native function: the VM, positional args, keyword args.
pub type NativeFn =
    fn(&mut crate::vm::Vm, &[Value], &[(Value, Value)]) -> crate::runtime::RunResult<Value>;

/// A native (Rust) function or unbound method of a builtin type.
#[derive(Debug)]
pub struct Builtin {
    pub name: &'static str,
    pub f: NativeFn,
    /// For module functions bound to state, or builtin methods bound to an
    /// object: passed as the first positional argument.
    pub bound: Option<Value>,
    /// The qualified name used in error messages (`str.join`).
    pub qualname: &'static str,
}

#[derive(Debug)]
pub struct BoundMethod {
    pub func: Value,
    pub self_: Value,
}

/// Which builtin type a class object stands for; `None` for user classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    ByteArray,
    MemoryView,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Cell,
    Code,
    Iterator,
    Generator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    BaseException,
}

/// A class: builtin type or user class.
#[derive(Debug)]
pub struct Class {
    pub name: Rc<PyStr>,
    pub qualname: RefCell<Rc<PyStr>>,
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, excluding the class itself.
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<Dict>,
    /// The builtin type this class is, or the nearest builtin base.
    pub builtin: BuiltinType,
    /// True for builtin types (not subclassable state, no instance dict).
    pub is_builtin: bool,
    /// BaseException or a subclass.
    pub is_exception: bool,
    /// Whether the class or a base defines a property (a data descriptor,
    /// which takes precedence over the instance dict).
    pub has_descriptors: Cell<bool>,
    /// Whether the class or a base defines `__getattribute__`,
    /// `__setattr__` or `__delattr__` in Python (then `has_descriptors` is
    /// set too, so the fast paths leave every attribute access to the VM).
    pub attr_hooks: Cell<bool>,
    /// The attribute names instances may have when the class and all its
    /// bases define `__slots__` (then instances have no `__dict__`).
    pub slots: Option<Box<[Rc<PyStr>]>>,
}

/// An instance of a user class (or of an exception class).
#[derive(Debug)]
pub struct Instance {
    pub class: Rc<Class>,
    /// The attributes: an array laid out by a shape, or (once asked for)
    /// the instance dict shared with `obj.__dict__` / `vars(obj)`
    /// (src/runtime/shape.rs).
    pub(super) attrs: RefCell<super::shape::Attrs>,
    /// Exception state, for instances of exception classes.
    pub exc: Option<Box<RefCell<ExcData>>>,
}

/// The state of an exception instance.
#[derive(Debug)]
pub struct ExcData {
    pub args: Value,
    /// Traceback entries, oldest call first: (code, line).
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// The `__traceback__` object last built for `traceback`, with the
    /// entry count it was built for.
    pub tb_obj: Option<(usize, Value)>,
}

impl Default for ExcData {
    fn default() -> Self {
        ExcData {
            args: Value::tuple(Vec::new()),
            traceback: Vec::new(),
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            tb_obj: None,
        }
    }
}

/// One traceback line: a code object (file, function name) and a line.
#[derive(Debug, Clone)]
pub struct TbEntry {
    pub code: Rc<CodeObject>,
    pub line: u32,
    /// The frame's globals (for `tb_frame.f_globals` and `NameError`
    /// suggestions).
    pub globals: Rc<PyDict>,
}

#[derive(Debug)]
pub struct Module {
    pub name: Rc<PyStr>,
    pub dict: Rc<PyDict>,
}

/// Iterators over builtin containers, and the lazy builtins.
#[derive(Debug)]
pub struct PyIter {
    pub state: RefCell<IterState>,
    /// The class `type()` reports: fixed at creation, as the state may
    /// become `Exhausted`.
    pub kind: IterKind,
}

/// CPython's class of each builtin iterator (`type(iter([]))` is
/// `list_iterator`, `type(reversed(()))` is `reversed`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IterKind {
    /// By `__getitem__` with 0, 1, 2... (CPython's plain `iterator`).
    Iterator,
    Range,
    LongRange,
    List,
    ListReverse,
    Tuple,
    StrAscii,
    Str,
    Bytes,
    ByteArray,
    Memory,
    DictKeys,
    DictValues,
    DictItems,
    DictReverseKeys,
    DictReverseValues,
    DictReverseItems,
    Set,
    Reversed,
    Enumerate,
    Zip,
    Map,
    Filter,
}

impl IterKind {
    /// Every kind, in declaration order (the index of `Types::iters`).
    pub const ALL: &'static [IterKind] = &[
        IterKind::Iterator,
        IterKind::Range,
        IterKind::LongRange,
        IterKind::List,
        IterKind::ListReverse,
        IterKind::Tuple,
        IterKind::StrAscii,
        IterKind::Str,
        IterKind::Bytes,
        IterKind::ByteArray,
        IterKind::Memory,
        IterKind::DictKeys,
        IterKind::DictValues,
        IterKind::DictItems,
        IterKind::DictReverseKeys,
        IterKind::DictReverseValues,
        IterKind::DictReverseItems,
        IterKind::Set,
        IterKind::Reversed,
        IterKind::Enumerate,
        IterKind::Zip,
        IterKind::Map,
        IterKind::Filter,
    ];

    /// The class name, as CPython 3.11 spells it.
    pub fn class_name(self) -> &'static str {
        match self {
            IterKind::Iterator => "iterator",
            IterKind::Range => "range_iterator",
            IterKind::LongRange => "longrange_iterator",
            IterKind::List => "list_iterator",
            IterKind::ListReverse => "list_reverseiterator",
            IterKind::Tuple => "tuple_iterator",
            IterKind::StrAscii => "str_ascii_iterator",
            IterKind::Str => "str_iterator",
            IterKind::Bytes => "bytes_iterator",
            IterKind::ByteArray => "bytearray_iterator",
            IterKind::Memory => "memory_iterator",
            IterKind::DictKeys => "dict_keyiterator",
            IterKind::DictValues => "dict_valueiterator",
            IterKind::DictItems => "dict_itemiterator",
            IterKind::DictReverseKeys => "dict_reversekeyiterator",
            IterKind::DictReverseValues => "dict_reversevalueiterator",
            IterKind::DictReverseItems => "dict_reverseitemiterator",
            IterKind::Set => "set_iterator",
            IterKind::Reversed => "reversed",
            IterKind::Enumerate => "enumerate",
            IterKind::Zip => "zip",
            IterKind::Map => "map",
            IterKind::Filter => "filter",
        }
    }

    /// The kind of a fresh state; the callers whose state does not say
    /// (snapshots, an empty `zip()`, reversed views) name theirs.
    pub fn of(state: &IterState) -> IterKind {
        match state {
            IterState::Range { .. } => IterKind::Range,
            IterState::List { .. } => IterKind::List,
            IterState::ListRev { .. } => IterKind::ListReverse,
            IterState::Tuple { .. } => IterKind::Tuple,
            IterState::Str { s, .. } if s.is_ascii() => IterKind::StrAscii,
            IterState::Str { .. } => IterKind::Str,
            IterState::Bytes { .. } => IterKind::Bytes,
            IterState::Dict { kind: 0, .. } => IterKind::DictKeys,
            IterState::Dict { kind: 1, .. } => IterKind::DictValues,
            IterState::Dict { .. } => IterKind::DictItems,
            IterState::Values { .. } => IterKind::Set,
            IterState::Enumerate { .. } => IterKind::Enumerate,
            IterState::Zip { .. } => IterKind::Zip,
            IterState::Map { .. } => IterKind::Map,
            IterState::Filter { .. } => IterKind::Filter,
            IterState::SeqIter { .. } | IterState::Exhausted => IterKind::Iterator,
        }
    }
}

#[derive(Debug)]
pub enum IterState {
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    List {
        list: Rc<PyList>,
        index: usize,
    },
    ListRev {
        list: Rc<PyList>,
        index: usize,
    },
    Tuple {
        tuple: Rc<PyTuple>,
        index: usize,
    },
    Str {
        s: Rc<PyStr>,
        byte: usize,
    },
    Bytes {
        b: Rc<PyBytes>,
        index: usize,
    },
    /// Keys, values or items (kind 0/1/2) of a dict, by entry index.
    Dict {
        dict: Rc<PyDict>,
        index: usize,
        kind: u8,
        len: usize,
    },
    /// A snapshot of values (sets, reversed sequences).
    Values {
        items: Vec<Value>,
        index: usize,
    },
    Enumerate {
        it: Value,
        count: i64,
    },
    Zip {
        its: Vec<Value>,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    /// Old-style iteration via `__getitem__` with 0, 1, 2...
    SeqIter {
        obj: Value,
        index: i64,
    },
    Exhausted,
}

#[derive(Debug)]
pub enum Special {
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        class: Rc<Class>,
        obj: Value,
    },
    /// A generator object (here rather than a `Value` variant of its own:
    /// every variant costs the dispatch loop's inlined drops).
    Generator(Rc<super::gen::PyGen>),
    /// An fd owned by a native object (a socket): closed when the last
    /// reference goes, as CPython closes a dropped socket.
    Fd(std::os::fd::OwnedFd),
    /// Rust state of a native object (a file object's stream), kept in its
    /// instance dict; dropped with the last reference, as CPython's
    /// finalizers run (a file flushes and closes).
    Native(Rc<dyn std::any::Any>),
    /// A `bytearray` (see `runtime::buffer`).
    ByteArray(super::buffer::PyByteArray),
    /// A `memoryview` (see `runtime::buffer`).
    MemoryView(super::buffer::PyMemoryView),
    /// A frame object (see `runtime::frameview`).
    Frame(super::frameview::FrameView),
}

impl Value {
    #[inline]
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::copy_of(s)))
    }

    #[inline]
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(PyTuple {
            items: items.into_boxed_slice(),
        }))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(PyList {
            items: RefCell::new(items),
        }))
    }

    pub fn bytes(b: Vec<u8>) -> Value {
        Value::Bytes(Rc::new(PyBytes {
            b: b.into_boxed_slice(),
        }))
    }

    /// An int from a BigInt, normalised to `Int` when it fits in i64.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) | (None, None) | (NotImplemented, NotImplemented) => true,
            (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are cached in CPython (-5..=256); treat all equal
            // unboxed ints as identical, like a cache would.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b),
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.items.is_empty() && b.items.is_empty()),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) | (FrozenSet(a), FrozenSet(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Special(a), Special(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable identity number (for `id()` and default reprs). Deterministic
    /// for a given run of the same program is not guaranteed; tests avoid it.
    pub fn identity(&self) -> usize {
        use Value::*;
        match self {
            Null => 0,
            None => 0x1000,
            NotImplemented => 0x1010,
            Ellipsis => 0x1020,
            Bool(b) => 0x1030 + *b as usize * 16,
            Int(i) => (*i as usize).wrapping_mul(32).wrapping_add(0x10000),
            Float(f) => f.to_bits() as usize,
            BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) | FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            BoundMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Special(r) => Rc::as_ptr(r) as *const u8 as usize,
        }
    }

    /// A new generator object value.
    pub fn generator(g: super::gen::PyGen) -> Value {
        Value::Special(Rc::new(Special::Generator(Rc::new(g))))
    }

    /// A value holding a native object's Rust state (see `Special::Native`).
    pub fn native_state<T: 'static>(state: Rc<T>) -> Value {
        Value::Special(Rc::new(Special::Native(state)))
    }

    /// The Rust state of type `T` this value holds, if any.
    pub fn as_native<T: 'static>(&self) -> Option<Rc<T>> {
        match self {
            Value::Special(s) => match &**s {
                Special::Native(a) => a.clone().downcast::<T>().ok(),
                _ => None,
            },
            _ => None,
        }
    }

    /// The generator, if this is a generator object.
    #[inline]
    pub fn as_gen(&self) -> Option<&Rc<super::gen::PyGen>> {
        match self {
            Value::Special(s) => match &**s {
                Special::Generator(g) => Some(g),
                _ => None,
            },
            _ => None,
        }
    }

    /// The str payload, if this is a str.
    #[inline]
    pub fn as_pystr(&self) -> Option<&Rc<PyStr>> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn test_range_len() {
        let r = |start, stop, step| PyRange::small(start, stop, step).len();
        assert_eq!(r(0, 10, 1), 10);
        assert_eq!(r(0, 10, 3), 4);
        assert_eq!(r(10, 0, -3), 4);
        assert_eq!(r(0, 0, 1), 0);
        assert_eq!(r(5, 0, 1), 0);
    }
}
