//! Exception kinds known to the runtime, and `PyErr`, the error lane of
//! every fallible operation. Native code raises a lazy `(kind, message)`
//! pair; the VM turns it into an exception instance only when Python code
//! can see it. One constructor per CPython message lives here.

use std::rc::Rc;

use super::value::{Instance, Value};

macro_rules! exc_kinds {
    ($($name:ident => $base:ident,)*) => {
        /// Builtin exception classes, each with its base class.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ExcKind {
            $($name,)*
        }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$name,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(ExcKind::$name => stringify!($name),)*
                }
            }

            /// The class's `__name__` (CPython's `signal.ItimerError` is
            /// named `itimer_error`).
            pub fn class_name(self) -> &'static str {
                match self {
                    ExcKind::ItimerError => "itimer_error",
                    k => k.name(),
                }
            }

            /// Whether this is `OSError` or one of its subclasses.
            pub fn is_os_error(self) -> bool {
                let mut k = self;
                loop {
                    if k == ExcKind::OSError {
                        return true;
                    }
                    if k == ExcKind::BaseException {
                        return false;
                    }
                    k = k.base();
                }
            }

            /// Whether the class is a builtin name (`SignalExit` and
            /// `ItimerError` live in the `signal` module instead).
            pub fn is_builtin_name(self) -> bool {
                !matches!(
                    self,
                    ExcKind::SignalExit | ExcKind::ItimerError | ExcKind::UnsupportedOperation
                )
            }

            /// The base class (`BaseException` is its own base).
            pub fn base(self) -> ExcKind {
                match self {
                    $(ExcKind::$name => ExcKind::$base,)*
                }
            }
        }
    };
}

// Order matters: every base appears before its subclasses.
exc_kinds! {
    BaseException => BaseException,
    SystemExit => BaseException,
    SignalExit => SystemExit,
    KeyboardInterrupt => BaseException,
    GeneratorExit => BaseException,
    Exception => BaseException,
    StopIteration => Exception,
    ArithmeticError => Exception,
    ZeroDivisionError => ArithmeticError,
    OverflowError => ArithmeticError,
    FloatingPointError => ArithmeticError,
    AssertionError => Exception,
    AttributeError => Exception,
    BufferError => Exception,
    EOFError => Exception,
    ImportError => Exception,
    ModuleNotFoundError => ImportError,
    LookupError => Exception,
    IndexError => LookupError,
    KeyError => LookupError,
    MemoryError => Exception,
    NameError => Exception,
    UnboundLocalError => NameError,
    OSError => Exception,
    BlockingIOError => OSError,
    ChildProcessError => OSError,
    ConnectionError => OSError,
    BrokenPipeError => ConnectionError,
    ConnectionAbortedError => ConnectionError,
    ConnectionRefusedError => ConnectionError,
    ConnectionResetError => ConnectionError,
    FileExistsError => OSError,
    FileNotFoundError => OSError,
    InterruptedError => OSError,
    IsADirectoryError => OSError,
    NotADirectoryError => OSError,
    PermissionError => OSError,
    ProcessLookupError => OSError,
    TimeoutError => OSError,
    ItimerError => OSError,
    UnsupportedOperation => OSError,
    ReferenceError => Exception,
    RuntimeError => Exception,
    NotImplementedError => RuntimeError,
    RecursionError => RuntimeError,
    SyntaxError => Exception,
    IndentationError => SyntaxError,
    TabError => IndentationError,
    SystemError => Exception,
    TypeError => Exception,
    ValueError => Exception,
    UnicodeError => ValueError,
    UnicodeDecodeError => UnicodeError,
    UnicodeEncodeError => UnicodeError,
    Warning => Exception,
    DeprecationWarning => Warning,
    RuntimeWarning => Warning,
    UserWarning => Warning,
}

/// A raised exception: either not yet materialised (kind + args) or an
/// exception instance.
#[derive(Debug, Clone)]
pub enum PyErr {
    Lazy(Box<(ExcKind, Vec<Value>)>),
    Obj(Rc<Instance>),
}

/// The result type of every fallible runtime operation.
pub type RunResult<T> = Result<T, PyErr>;

impl PyErr {
    /// An exception of `kind` with one str argument.
    #[cold]
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr::Lazy(Box::new((kind, vec![Value::string(msg.into())])))
    }

    /// An exception of `kind` with the given args.
    #[cold]
    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr::Lazy(Box::new((kind, args)))
    }

    #[cold]
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }

    #[cold]
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, msg)
    }

    #[cold]
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::IndexError, msg)
    }

    #[cold]
    pub fn overflow_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::OverflowError, msg)
    }

    #[cold]
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::RuntimeError, msg)
    }

    #[cold]
    pub fn not_implemented(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::NotImplementedError, msg)
    }

    /// `ZeroDivisionError: division by zero` and friends.
    #[cold]
    pub fn zero_division(msg: &str) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, msg)
    }

    /// `KeyError: key` (the key itself is the argument).
    #[cold]
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(ExcKind::KeyError, vec![key])
    }

    /// `StopIteration` with no value.
    #[cold]
    pub fn stop_iteration() -> PyErr {
        PyErr::with_args(ExcKind::StopIteration, vec![])
    }

    /// `TypeError: unsupported operand type(s) for +: 'int' and 'str'`
    #[cold]
    pub fn unsupported_operands(op: &str, a: &str, b: &str) -> PyErr {
        PyErr::type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op, a, b
        ))
    }

    /// `AttributeError: 'Foo' object has no attribute 'bar'`
    #[cold]
    pub fn no_attribute(type_name: &str, attr: &str) -> PyErr {
        PyErr::new(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute '{}'", type_name, attr),
        )
    }

    /// `NameError: name 'x' is not defined`
    #[cold]
    pub fn name_not_defined(name: &str) -> PyErr {
        PyErr::new(
            ExcKind::NameError,
            format!("name '{}' is not defined", name),
        )
    }

    /// `UnboundLocalError: cannot access local variable 'x' where it is not associated with a value`
    #[cold]
    pub fn unbound_local(name: &str) -> PyErr {
        PyErr::new(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name
            ),
        )
    }

    /// `TypeError: 'int' object is not callable`
    #[cold]
    pub fn not_callable(type_name: &str) -> PyErr {
        PyErr::type_error(format!("'{}' object is not callable", type_name))
    }

    /// `TypeError: 'int' object is not iterable`
    #[cold]
    pub fn not_iterable(type_name: &str) -> PyErr {
        PyErr::type_error(format!("'{}' object is not iterable", type_name))
    }

    /// `TypeError: 'int' object is not subscriptable`
    #[cold]
    pub fn not_subscriptable(type_name: &str) -> PyErr {
        PyErr::type_error(format!("'{}' object is not subscriptable", type_name))
    }

    /// The exception kind, when lazy.
    pub fn lazy_kind(&self) -> Option<ExcKind> {
        match self {
            PyErr::Lazy(b) => Some(b.0),
            PyErr::Obj(_) => None,
        }
    }
}

/// The C library's text for an I/O error (`strerror`), without Rust's
/// " (os error N)" suffix.
pub fn strerror_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The `OSError` subclass CPython raises for an errno.
pub fn errno_kind(errno: i32) -> ExcKind {
    match errno {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => ExcKind::BlockingIOError,
        libc::ECHILD => ExcKind::ChildProcessError,
        libc::EPIPE | libc::ESHUTDOWN => ExcKind::BrokenPipeError,
        libc::ECONNABORTED => ExcKind::ConnectionAbortedError,
        libc::ECONNREFUSED => ExcKind::ConnectionRefusedError,
        libc::ECONNRESET => ExcKind::ConnectionResetError,
        libc::EEXIST => ExcKind::FileExistsError,
        libc::ENOENT => ExcKind::FileNotFoundError,
        libc::EISDIR => ExcKind::IsADirectoryError,
        libc::ENOTDIR => ExcKind::NotADirectoryError,
        libc::EINTR => ExcKind::InterruptedError,
        libc::EACCES | libc::EPERM => ExcKind::PermissionError,
        libc::ESRCH => ExcKind::ProcessLookupError,
        libc::ETIMEDOUT => ExcKind::TimeoutError,
        _ => ExcKind::OSError,
    }
}

/// An `OSError` (of CPython's subclass for the errno) from an I/O error,
/// with `errno`, `strerror` and, if given, `filename`.
pub fn os_error(e: &std::io::Error, filename: Option<Value>) -> PyErr {
    os_error2(e, filename, None)
}

/// `os_error` with a second file name (`rename`, `link`...): prints as
/// `[Errno 18] Invalid cross-device link: 'a' -> 'b'`.
pub fn os_error2(e: &std::io::Error, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let Some(errno) = e.raw_os_error() else {
        return PyErr::new(ExcKind::OSError, e.to_string());
    };
    let mut args = vec![Value::Int(errno as i64), Value::string(strerror_text(e))];
    if let Some(f) = filename {
        args.push(f);
        if let Some(f2) = filename2 {
            args.push(Value::None);
            args.push(f2);
        }
    }
    PyErr::with_args(errno_kind(errno), args)
}

/// An `OSError` for a raw errno (`[Errno 9] Bad file descriptor`).
pub fn errno_error(errno: i32) -> PyErr {
    os_error(&std::io::Error::from_raw_os_error(errno), None)
}
