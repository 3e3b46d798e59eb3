//! The `signal` module (SIGNALS.md section 8): handlers, masks, timers,
//! waits, and the sigpy extensions `SignalExit` and `siginfo()`.
//!
//! `Signals` and `Handlers` members are instances of native classes that
//! behave as ints where this module and comparisons need it (repr
//! `<Signals.SIGINT: 2>`, `str()` the number); they are not `int`
//! instances (`isinstance(signal.SIGINT, int)` is False in sigpy).

use std::cell::RefCell;
use std::time::{Duration, Instant};

use crate::builtins::args;
use crate::builtins::reflect::{native_class, native_field, new_native_instance};
use crate::linux::sig::{self, bit, Mask, SigInfo, NSIG};
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::num::ArithOp;
use crate::runtime::value::{NativeFn, Value};
use crate::signals::wait::{wait_for, WaitFor, WaitResult};
use crate::signals::{self as rt, Handler};
use crate::vm::Vm;

/// Signal names of Linux x86-64, aliases after the canonical name.
const NAMES: &[(&str, i32)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGSTKFLT", 16),
    ("SIGCHLD", 17),
    ("SIGCLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
];

macro_rules! table {
    ($($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!("signal.", $name)),)*]
    };
}

const FUNCTIONS: &[(&str, NativeFn, &str)] = table!(
    "alarm" => signal_alarm,
    "getitimer" => signal_getitimer,
    "getsignal" => signal_getsignal,
    "pause" => signal_pause,
    "pthread_sigmask" => signal_pthread_sigmask,
    "raise_signal" => signal_raise_signal,
    "set_wakeup_fd" => signal_set_wakeup_fd,
    "setitimer" => signal_setitimer,
    "siginfo" => signal_siginfo,
    "siginterrupt" => signal_siginterrupt,
    "signal" => signal_signal,
    "sigpending" => signal_sigpending,
    "sigtimedwait" => signal_sigtimedwait,
    "sigwait" => signal_sigwait,
    "sigwaitinfo" => signal_sigwaitinfo,
    "strsignal" => signal_strsignal,
    "valid_signals" => signal_valid_signals,
);

const ENUM_METHODS: &[(&str, NativeFn)] = &[
    ("__new__", enum_new),
    ("__repr__", enum_repr),
    ("__str__", enum_str),
    ("__format__", enum_format),
    ("__int__", enum_int),
    ("__index__", enum_int),
    ("__hash__", enum_hash),
    ("__eq__", enum_eq),
    ("__ne__", enum_ne),
    ("__lt__", enum_lt),
    ("__le__", enum_le),
    ("__gt__", enum_gt),
    ("__ge__", enum_ge),
    ("__bool__", enum_bool),
    ("__add__", enum_add),
    ("__radd__", enum_radd),
    ("__sub__", enum_sub),
    ("__rsub__", enum_rsub),
    ("__mul__", enum_mul),
    ("__rmul__", enum_rmul),
    ("__and__", enum_and),
    ("__rand__", enum_and),
    ("__or__", enum_or),
    ("__ror__", enum_or),
    ("__neg__", enum_neg),
];

const SIGINFO_METHODS: &[(&str, NativeFn)] = &[("__repr__", siginfo_repr)];

thread_local! {
    /// `Signals` members by number (None: a real-time number without a
    /// name), and the two `Handlers` members.
    static MEMBERS: RefCell<Vec<Option<Value>>> = const { RefCell::new(Vec::new()) };
    static HANDLERS: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Creates the `signal` module.
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "signal", FUNCTIONS);
    super::set_attr(vm, &m, "default_int_handler", default_int_handler_value());
    ensure_members(vm);
    let signals_cls = native_class(vm, "Signals", ENUM_METHODS);
    let handlers_cls = native_class(vm, "Handlers", ENUM_METHODS);
    super::set_attr(vm, &m, "Signals", Value::Class(signals_cls));
    super::set_attr(vm, &m, "Handlers", Value::Class(handlers_cls));
    for &(name, n) in NAMES {
        let v = member(vm, n);
        super::set_attr(vm, &m, name, v);
    }
    let (rtmin, rtmax) = sig::rt_range();
    let v = member(vm, rtmin);
    super::set_attr(vm, &m, "SIGRTMIN", v);
    let v = member(vm, rtmax);
    super::set_attr(vm, &m, "SIGRTMAX", v);
    let (dfl, ign) = handler_members(vm);
    super::set_attr(vm, &m, "SIG_DFL", dfl);
    super::set_attr(vm, &m, "SIG_IGN", ign);
    let ints: &[(&str, i64)] = &[
        ("NSIG", NSIG as i64),
        ("SIG_BLOCK", libc::SIG_BLOCK as i64),
        ("SIG_UNBLOCK", libc::SIG_UNBLOCK as i64),
        ("SIG_SETMASK", libc::SIG_SETMASK as i64),
        ("ITIMER_REAL", libc::ITIMER_REAL as i64),
        ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL as i64),
        ("ITIMER_PROF", libc::ITIMER_PROF as i64),
    ];
    for &(name, v) in ints {
        super::set_attr(vm, &m, name, Value::Int(v));
    }
    let exit = Value::Class(vm.types.exc(ExcKind::SignalExit).clone());
    super::set_attr(vm, &m, "SignalExit", exit);
    let itimer = Value::Class(vm.types.exc(ExcKind::ItimerError).clone());
    super::set_attr(vm, &m, "ItimerError", itimer.clone());
    super::set_attr(vm, &m, "itimer_error", itimer);
    let info_cls = native_class(vm, "struct_siginfo", SIGINFO_METHODS);
    super::set_attr(vm, &m, "struct_siginfo", Value::Class(info_cls));
    Value::Module(m)
}

// === Signals and Handlers members ===

/// The name of signal `n` (`SIGTERM`, `SIGRTMIN`), None for unnamed ones.
pub fn name_of(n: i32) -> Option<&'static str> {
    let (rtmin, rtmax) = sig::rt_range();
    if n == rtmin {
        return Some("SIGRTMIN");
    }
    if n == rtmax {
        return Some("SIGRTMAX");
    }
    NAMES.iter().find(|(_, v)| *v == n).map(|(name, _)| *name)
}

/// The number of a signal name as the module spells it (`SIGTERM`,
/// `SIGIOT`, `SIGRTMIN`, `SIGRTMAX`).
pub fn number_of(name: &str) -> Option<i32> {
    let (rtmin, rtmax) = sig::rt_range();
    match name {
        "SIGRTMIN" => Some(rtmin),
        "SIGRTMAX" => Some(rtmax),
        _ => NAMES.iter().find(|(k, _)| *k == name).map(|(_, v)| *v),
    }
}

/// A member of the int enum class `cls_name` (shared with `socket`'s
/// `AddressFamily` and `SocketKind`).
pub fn enum_instance(vm: &mut Vm, cls_name: &'static str, name: &str, n: i64) -> Value {
    let cls = native_class(vm, cls_name, ENUM_METHODS);
    let obj = new_native_instance(vm, &cls);
    set_enum_fields(vm, &obj, name, n);
    obj
}

fn set_enum_fields(vm: &mut Vm, obj: &Value, name: &str, n: i64) {
    if let Value::Instance(inst) = obj {
        for (k, v) in [
            ("name", Value::str(name)),
            ("value", Value::Int(n)),
            ("_value_", Value::Int(n)),
        ] {
            let key = vm.intern(k);
            inst.set(&key, v);
        }
    }
}

fn ensure_members(vm: &mut Vm) {
    if MEMBERS.with(|m| !m.borrow().is_empty()) {
        return;
    }
    let mut v = vec![None; NSIG as usize];
    for (n, slot) in v.iter_mut().enumerate().skip(1) {
        if let Some(name) = name_of(n as i32) {
            *slot = Some(enum_instance(vm, "Signals", name, n as i64));
        }
    }
    MEMBERS.with(|m| *m.borrow_mut() = v);
    let h = vec![
        enum_instance(vm, "Handlers", "SIG_DFL", 0),
        enum_instance(vm, "Handlers", "SIG_IGN", 1),
    ];
    HANDLERS.with(|m| *m.borrow_mut() = h);
}

/// `Signals` member for `n`, or the plain int for unnamed numbers.
fn member(vm: &mut Vm, n: i32) -> Value {
    ensure_members(vm);
    MEMBERS
        .with(|m| m.borrow().get(n as usize).cloned().flatten())
        .unwrap_or(Value::Int(n as i64))
}

fn handler_members(vm: &mut Vm) -> (Value, Value) {
    ensure_members(vm);
    HANDLERS.with(|m| {
        let m = m.borrow();
        (m[0].clone(), m[1].clone())
    })
}

/// The int of an enum member, if `v` is one.
fn enum_value(vm: &mut Vm, v: &Value) -> Option<i64> {
    match native_field(vm, v, "_value_") {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    }
}

/// An int argument (`i` in Argument Clinic): ints, bools, enum members.
pub fn int_arg(vm: &mut Vm, v: &Value) -> RunResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(PyErr::overflow_error(
            "signed integer is greater than maximum",
        )),
        Value::Instance(_) => enum_value(vm, v).ok_or_else(|| not_an_int(vm, v)),
        _ => Err(not_an_int(vm, v)),
    }
}

fn not_an_int(vm: &Vm, v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.types.type_name(v)
    ))
}

/// A signal number argument: `ValueError` outside 1..NSIG.
fn signum_arg(vm: &mut Vm, v: &Value) -> RunResult<i32> {
    let n = int_arg(vm, v)?;
    if !(1..NSIG as i64).contains(&n) {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn self_value(vm: &mut Vm, args: &[Value]) -> RunResult<i64> {
    let s = args::self_arg("enum method", args)?.clone();
    enum_value(vm, &s).ok_or_else(|| PyErr::type_error("expected a Signals or Handlers member"))
}

/// `Signals(n)` / `Handlers(n)`: the member with that value.
fn enum_new(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("EnumType.__call__", &args[1..], 1, 1)?;
    let n = int_arg(vm, &args[1])?;
    let cls_name = match &args[0] {
        Value::Class(c) => c.name.as_str().to_string(),
        _ => String::from("Signals"),
    };
    if let Some(r) = crate::modules::socket::enum_new(vm, &cls_name, n) {
        return r;
    }
    if cls_name == "Handlers" {
        let (dfl, ign) = handler_members(vm);
        return match n {
            0 => Ok(dfl),
            1 => Ok(ign),
            _ => Err(PyErr::value_error(format!("{} is not a valid Handlers", n))),
        };
    }
    match i32::try_from(n).ok().and_then(name_of) {
        Some(_) => Ok(member(vm, n as i32)),
        None => Err(PyErr::value_error(format!("{} is not a valid Signals", n))),
    }
}

fn enum_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let n = self_value(vm, args)?;
    let name = native_field(vm, &args[0], "name").unwrap_or(Value::None);
    let cls = vm.types.type_name(&args[0]).to_string();
    Ok(Value::string(format!(
        "<{}.{}: {}>",
        cls,
        vm.to_str(&name)?,
        n
    )))
}

fn enum_str(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::string(self_value(vm, args)?.to_string()))
}

fn enum_format(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let n = self_value(vm, args)?;
    let spec = match args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    crate::builtins::format::format_value(vm, &Value::Int(n), &spec).map(Value::string)
}

fn enum_int(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(self_value(vm, args)?))
}

fn enum_bool(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Bool(self_value(vm, args)? != 0))
}

fn enum_hash(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let n = self_value(vm, args)?;
    vm.hash(&Value::Int(n)).map(Value::Int)
}

/// Compares an enum member with another value as ints; NotImplemented
/// for non-numbers.
fn enum_cmp(vm: &mut Vm, args: &[Value], op: fn(i64, i64) -> bool) -> RunResult<Value> {
    let a = self_value(vm, args)?;
    let other = args.get(1).cloned().unwrap_or(Value::None);
    let b = match &other {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        Value::Instance(_) => match enum_value(vm, &other) {
            Some(n) => n,
            None => return Ok(Value::NotImplemented),
        },
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Bool(op(a, b)))
}

fn enum_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_cmp(vm, args, |a, b| a == b)
}
fn enum_ne(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_cmp(vm, args, |a, b| a != b)
}
fn enum_lt(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_cmp(vm, args, |a, b| a < b)
}
fn enum_le(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_cmp(vm, args, |a, b| a <= b)
}
fn enum_gt(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_cmp(vm, args, |a, b| a > b)
}
fn enum_ge(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_cmp(vm, args, |a, b| a >= b)
}

/// An int operation with the member's value; NotImplemented for others.
fn enum_arith(vm: &mut Vm, args: &[Value], op: ArithOp, reflected: bool) -> RunResult<Value> {
    let a = Value::Int(self_value(vm, args)?);
    let other = args.get(1).cloned().unwrap_or(Value::None);
    let b = match &other {
        Value::Instance(_) => match enum_value(vm, &other) {
            Some(n) => Value::Int(n),
            None => return Ok(Value::NotImplemented),
        },
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => other,
        _ => return Ok(Value::NotImplemented),
    };
    if reflected {
        vm.binary_op(op, &b, &a)
    } else {
        vm.binary_op(op, &a, &b)
    }
}

fn enum_add(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_arith(vm, args, ArithOp::Add, false)
}
fn enum_radd(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_arith(vm, args, ArithOp::Add, true)
}
fn enum_sub(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_arith(vm, args, ArithOp::Sub, false)
}
fn enum_rsub(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_arith(vm, args, ArithOp::Sub, true)
}
fn enum_mul(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_arith(vm, args, ArithOp::Mul, false)
}
fn enum_rmul(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_arith(vm, args, ArithOp::Mul, true)
}
fn enum_and(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_arith(vm, args, ArithOp::And, false)
}
fn enum_or(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    enum_arith(vm, args, ArithOp::Or, false)
}
fn enum_neg(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(-self_value(vm, args)?))
}

// === Handlers ===

fn require_runtime() -> RunResult<()> {
    if rt::installed() {
        Ok(())
    } else {
        Err(PyErr::runtime_error(
            "the signal runtime is not installed in this interpreter",
        ))
    }
}

/// The Python value of a handler (`getsignal`).
fn handler_value(vm: &mut Vm, h: &Handler) -> Value {
    let (dfl, ign) = handler_members(vm);
    match h {
        Handler::Default => dfl,
        Handler::Ignore => ign,
        Handler::Python(f) => f.clone(),
    }
}

/// `signal.signal(signalnum, handler)`: returns the previous handler.
fn signal_signal(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [n, handler] = args::bind("signal", args, kw, ["signalnum", "handler"], 2)?;
    let (n, handler) = (n.unwrap_or(Value::None), handler.unwrap_or(Value::None));
    require_runtime()?;
    let n = signum_arg(vm, &n)?;
    let h =
        if crate::builtins::reflect::is_callable(vm, &handler) {
            Handler::Python(handler)
        } else {
            match int_arg(vm, &handler).ok() {
                Some(0) => Handler::Default,
                Some(1) => Handler::Ignore,
                _ => return Err(PyErr::type_error(
                    "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
                )),
            }
        };
    if rt::valid_signals() & bit(n) == 0 || n == libc::SIGKILL || n == libc::SIGSTOP {
        return Err(einval());
    }
    if rt::FAULT_SIGNALS.contains(&n) && matches!(h, Handler::Python(_)) {
        return Err(PyErr::value_error(format!(
            "signal {} ({}) cannot have a handler in sigpy: a signalfd cannot receive \
             synchronous fault signals",
            n,
            name_of(n).unwrap_or("?")
        )));
    }
    // Signals already pending run under the handler they arrived for.
    rt::poll_now(vm)?;
    let old = rt::with_rt(|r| r.set_handler(n, h)).map_err(os_error)?;
    Ok(handler_value(vm, &old))
}

fn einval() -> PyErr {
    os_error(std::io::Error::from_raw_os_error(libc::EINVAL))
}

fn os_error(e: std::io::Error) -> PyErr {
    crate::runtime::exc::os_error(&e, None)
}

/// `signal.getsignal(signalnum)`
fn signal_getsignal(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("getsignal", kw)?;
    args::count("getsignal", args, 1, 1)?;
    let n = signum_arg(vm, &args[0])?;
    require_runtime()?;
    let h = rt::with_rt(|r| r.handlers[n as usize].clone());
    Ok(handler_value(vm, &h))
}

/// `signal.default_int_handler(signalnum, frame)`: raises KeyboardInterrupt.
fn default_int_handler(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Err(PyErr::with_args(ExcKind::KeyboardInterrupt, vec![]))
}

/// The `signal.default_int_handler` builtin (SIGINT's initial handler).
pub fn default_int_handler_value() -> Value {
    thread_local! {
        static HANDLER: Value = crate::builtins::native(
            "default_int_handler",
            default_int_handler,
            "signal.default_int_handler",
        );
    }
    HANDLER.with(|h| h.clone())
}

/// `signal.raise_signal(signalnum)`: its handler runs before it returns.
fn signal_raise_signal(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("raise_signal", kw)?;
    args::count("raise_signal", args, 1, 1)?;
    // No range check: raise(2) decides (0 is accepted, as by CPython).
    let n = i32::try_from(int_arg(vm, &args[0])?).map_err(|_| einval())?;
    rt::send(vm, rt::Target::Myself, n)?;
    Ok(Value::None)
}

/// `signal.strsignal(signalnum)`
fn signal_strsignal(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("strsignal", kw)?;
    args::count("strsignal", args, 1, 1)?;
    let n = signum_arg(vm, &args[0])?;
    Ok(sig::strsignal(n).map(Value::string).unwrap_or(Value::None))
}

/// A set of `Signals` members (ints for unnamed numbers).
fn signal_set(vm: &mut Vm, m: Mask) -> RunResult<Value> {
    let set = crate::runtime::value::PySet::default();
    for n in sig::members(m) {
        let v = member(vm, n);
        vm.set_add(&set, v)?;
    }
    Ok(Value::Set(std::rc::Rc::new(set)))
}

/// `signal.valid_signals()`
fn signal_valid_signals(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("valid_signals", args)?;
    signal_set(vm, rt::valid_signals())
}

/// `signal.sigpending()`: queued signals and those pending in the kernel.
fn signal_sigpending(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("sigpending", args)?;
    let queued =
        rt::state::try_with_rt(|r| r.queue.iter().fold(0, |m, q| m | bit(q.signo))).unwrap_or(0);
    signal_set(vm, queued | sig::pending())
}

/// Reads an iterable of signal numbers into a mask (`sigwait` style
/// messages).
fn mask_arg(vm: &mut Vm, v: &Value) -> RunResult<Mask> {
    let mut m = 0;
    for item in vm.collect(v)? {
        let n = int_arg(vm, &item)?;
        if !(1..NSIG as i64).contains(&n) {
            return Err(PyErr::value_error(format!(
                "signal number {} out of range [1; {}]",
                n,
                NSIG - 1
            )));
        }
        m |= bit(n as i32);
    }
    Ok(m)
}

/// `signal.pthread_sigmask(how, mask)`: the Python-level mask. Masked
/// signals stay queued; unmasking dispatches them before returning.
fn signal_pthread_sigmask(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("pthread_sigmask", kw)?;
    args::count("pthread_sigmask", args, 2, 2)?;
    let how = int_arg(vm, &args[0])?;
    let m = mask_arg(vm, &args[1])? & !(bit(libc::SIGKILL) | bit(libc::SIGSTOP));
    require_runtime()?;
    let old = rt::with_rt(|r| r.pymask);
    let new = match how as i32 {
        libc::SIG_BLOCK => old | m,
        libc::SIG_UNBLOCK => old & !m,
        libc::SIG_SETMASK => m,
        _ => return Err(einval()),
    };
    rt::with_rt(|r| {
        r.pymask = new;
        r.sync_masks()
    })
    .map_err(os_error)?;
    let result = signal_set(vm, old)?;
    rt::poll_now(vm)?;
    Ok(result)
}

/// `signal.siginterrupt(signalnum, flag)`: accepted; sigpy never lets a
/// call fail with EINTR.
fn signal_siginterrupt(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("siginterrupt", kw)?;
    args::count("siginterrupt", args, 2, 2)?;
    signum_arg(vm, &args[0])?;
    int_arg(vm, &args[1])?;
    Ok(Value::None)
}

/// `signal.set_wakeup_fd(fd, *, warn_on_full_buffer=True)`: a byte per
/// signal is written to `fd` (which must be non-blocking); returns the old.
fn signal_set_wakeup_fd(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::kwonly("set_wakeup_fd", kw, ["warn_on_full_buffer"])?;
    args::count("set_wakeup_fd", args, 1, 1)?;
    let fd = int_arg(vm, &args[0])?;
    require_runtime()?;
    if fd != -1 {
        let fd32 = i32::try_from(fd).map_err(|_| einval())?;
        match sig::fd_nonblocking(fd32) {
            None => return Err(os_error(std::io::Error::from_raw_os_error(libc::EBADF))),
            Some(false) => {
                return Err(PyErr::value_error(format!(
                    "the fd {} must be in non-blocking mode",
                    fd
                )))
            }
            Some(true) => {}
        }
    }
    let old = rt::with_rt(|r| std::mem::replace(&mut r.wakeup_fd, fd as i32));
    Ok(Value::Int(old as i64))
}

// === Timers ===

/// A number of seconds (int or float).
pub fn seconds_arg(vm: &mut Vm, v: &Value) -> RunResult<f64> {
    match v {
        Value::Int(n) => Ok(*n as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        Value::BigInt(b) => crate::runtime::num::bigint_to_f64(b),
        _ => Err(not_an_int(vm, v)),
    }
}

/// `signal.alarm(seconds)`
fn signal_alarm(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("alarm", kw)?;
    args::count("alarm", args, 1, 1)?;
    let secs = int_arg(vm, &args[0])?;
    Ok(Value::Int(sig::alarm(secs as u32) as i64))
}

fn itimer_error(e: std::io::Error) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    PyErr::with_args(
        ExcKind::ItimerError,
        vec![
            Value::Int(errno as i64),
            Value::string(crate::runtime::exc::strerror_text(&e)),
        ],
    )
}

fn timer_pair(v: (f64, f64)) -> Value {
    Value::tuple(vec![Value::Float(v.0), Value::Float(v.1)])
}

/// `signal.setitimer(which, seconds, interval=0.0)`
fn signal_setitimer(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [which, secs, interval] =
        args::bind("setitimer", args, kw, ["which", "seconds", "interval"], 2)?;
    let which = int_arg(vm, &which.unwrap_or(Value::None))?;
    let secs = seconds_arg(vm, &secs.unwrap_or(Value::None))?;
    let interval = match interval {
        Some(v) => seconds_arg(vm, &v)?,
        None => 0.0,
    };
    if secs < 0.0 || interval < 0.0 {
        return Err(itimer_error(std::io::Error::from_raw_os_error(
            libc::EINVAL,
        )));
    }
    let old = sig::setitimer(which as i32, secs, interval).map_err(itimer_error)?;
    Ok(timer_pair(old))
}

/// `signal.getitimer(which)`
fn signal_getitimer(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("getitimer", kw)?;
    args::count("getitimer", args, 1, 1)?;
    let which = int_arg(vm, &args[0])?;
    let cur = sig::getitimer(which as i32).map_err(itimer_error)?;
    Ok(timer_pair(cur))
}

// === Waiting ===

/// `signal.pause()`: waits until a signal has been dispatched.
fn signal_pause(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("pause", args)?;
    vm.flush_stdout()?;
    let what = WaitFor {
        any_dispatch: true,
        signals: 0,
    };
    wait_for(vm, &mut [], None, what)?;
    Ok(Value::None)
}

/// Waits for a signal of `set` without dispatching it; None on timeout.
/// Signals of the set that are not managed are blocked and added to the
/// signalfd for the duration of the wait.
fn wait_for_set(vm: &mut Vm, set: Mask, deadline: Option<Instant>) -> RunResult<Option<SigInfo>> {
    require_runtime()?;
    vm.flush_stdout()?;
    rt::with_rt(|r| {
        r.waiting = set & !r.managed;
        r.sync_masks()
    })
    .map_err(os_error)?;
    let what = WaitFor {
        any_dispatch: false,
        signals: set,
    };
    let result = wait_for(vm, &mut [], deadline, what);
    rt::with_rt(|r| {
        r.waiting = 0;
        r.sync_masks()
    })
    .map_err(os_error)?;
    match result? {
        WaitResult::Signal(info) => Ok(Some(info)),
        _ => Ok(None),
    }
}

/// `signal.sigwait(sigset)`: the number of the signal taken.
fn signal_sigwait(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("sigwait", kw)?;
    args::count("sigwait", args, 1, 1)?;
    let set = mask_arg(vm, &args[0])?;
    match wait_for_set(vm, set, None)? {
        Some(info) => Ok(member(vm, info.signo)),
        None => Ok(Value::None),
    }
}

/// `signal.sigwaitinfo(sigset)`: the `struct_siginfo` of the signal taken.
fn signal_sigwaitinfo(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("sigwaitinfo", kw)?;
    args::count("sigwaitinfo", args, 1, 1)?;
    let set = mask_arg(vm, &args[0])?;
    match wait_for_set(vm, set, None)? {
        Some(info) => Ok(siginfo_value(vm, &info)),
        None => Ok(Value::None),
    }
}

/// `signal.sigtimedwait(sigset, timeout)`: None when the timeout passes.
fn signal_sigtimedwait(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("sigtimedwait", kw)?;
    args::count("sigtimedwait", args, 2, 2)?;
    let set = mask_arg(vm, &args[0])?;
    let secs = seconds_arg(vm, &args[1])?;
    if secs < 0.0 || secs.is_nan() {
        return Err(PyErr::value_error("timeout must be non-negative"));
    }
    let deadline = Duration::try_from_secs_f64(secs)
        .ok()
        .and_then(|d| Instant::now().checked_add(d));
    match wait_for_set(vm, set, deadline)? {
        Some(info) => Ok(siginfo_value(vm, &info)),
        None => Ok(Value::None),
    }
}

// === siginfo ===

const SIGINFO_FIELDS: [&str; 7] = [
    "si_signo",
    "si_code",
    "si_errno",
    "si_pid",
    "si_uid",
    "si_status",
    "si_band",
];

/// A `signal.struct_siginfo`.
fn siginfo_value(vm: &mut Vm, info: &SigInfo) -> Value {
    let cls = native_class(vm, "struct_siginfo", SIGINFO_METHODS);
    let obj = new_native_instance(vm, &cls);
    let values = [
        info.signo as i64,
        info.code as i64,
        info.errno as i64,
        info.pid as i64,
        info.uid as i64,
        info.status as i64,
        info.band,
    ];
    if let Value::Instance(inst) = &obj {
        for (k, v) in SIGINFO_FIELDS.iter().zip(values) {
            let key = vm.intern(k);
            inst.set(&key, Value::Int(v));
        }
    }
    obj
}

fn siginfo_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args::self_arg("__repr__", args)?.clone();
    let mut parts = Vec::new();
    for k in SIGINFO_FIELDS {
        let v = native_field(vm, &obj, k).unwrap_or(Value::None);
        parts.push(format!("{}={}", k, vm.repr(&v)?));
    }
    Ok(Value::string(format!(
        "signal.struct_siginfo({})",
        parts.join(", ")
    )))
}

/// `signal.siginfo()` (sigpy): the siginfo of the signal whose handler is
/// running, or None outside handlers.
fn signal_siginfo(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("siginfo", args)?;
    let cur = rt::state::try_with_rt(|r| r.current.last().copied()).flatten();
    Ok(match cur {
        Some(info) => siginfo_value(vm, &info),
        None => Value::None,
    })
}

/// Converts a signal number to its `Signals` member (for `os`).
pub fn signal_member(vm: &mut Vm, n: i32) -> Value {
    member(vm, n)
}
