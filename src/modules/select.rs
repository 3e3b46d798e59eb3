//! The `select` module: `select.select` and `select.poll()` objects, both
//! waiting in the wait primitive (a signal runs its handler at once; a
//! handler's exception propagates; otherwise the wait goes on to the
//! original deadline, PEP 475), with CPython's results and errors.

use std::time::{Duration, Instant};

use crate::builtins::args;
use crate::builtins::reflect::{native_class, native_field, new_native_instance};
use crate::linux::poll::{PollFd, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLPRI};
use crate::runtime::exc::{os_error, PyErr, RunResult};
use crate::runtime::value::{NativeFn, Value};
use crate::signals::wait::{wait, WaitResult};
use crate::vm::Vm;

const FUNCTIONS: &[(&str, NativeFn, &str)] = function_table!(
    "select";
    "poll" => select_poll,
    "select" => select_select,
);

const POLL_METHODS: &[(&str, NativeFn)] = &[
    ("modify", poll_modify),
    ("poll", poll_poll),
    ("register", poll_register),
    ("unregister", poll_unregister),
];

/// Creates the `select` module.
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "select", FUNCTIONS);
    for (name, v) in [
        ("POLLIN", POLLIN),
        ("POLLPRI", POLLPRI),
        ("POLLOUT", POLLOUT),
        ("POLLERR", POLLERR),
        ("POLLHUP", POLLHUP),
        ("POLLNVAL", POLLNVAL),
        ("POLLRDNORM", libc::POLLRDNORM),
        ("POLLRDBAND", libc::POLLRDBAND),
        ("POLLWRNORM", libc::POLLWRNORM),
        ("POLLWRBAND", libc::POLLWRBAND),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", libc::POLLRDHUP),
    ] {
        super::set_attr(vm, &m, name, Value::Int(v as i64));
    }
    super::set_attr(vm, &m, "PIPE_BUF", Value::Int(libc::PIPE_BUF as i64));
    let oserror = vm.types.exc(crate::runtime::exc::ExcKind::OSError).clone();
    super::set_attr(vm, &m, "error", Value::Class(oserror));
    Value::Module(m)
}

/// An fd argument: an int, or an object with a `fileno()` method (as
/// CPython's `PyObject_AsFileDescriptor`).
pub fn fd_arg(vm: &mut Vm, v: &Value) -> RunResult<i32> {
    let n = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::modules::signal::int_arg(vm, v)?
        }
        _ => {
            let name = vm.intern("fileno");
            let Some(f) = vm.get_attr_opt(v, &name)? else {
                return Err(PyErr::type_error(
                    "argument must be an int, or have a fileno() method.",
                ));
            };
            match vm.call_value(&f, &[], &[])? {
                r @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
                    crate::modules::signal::int_arg(vm, &r)?
                }
                _ => return Err(PyErr::type_error("fileno() returned a non-integer")),
            }
        }
    };
    if n < 0 {
        return Err(PyErr::value_error(format!(
            "file descriptor cannot be a negative integer ({})",
            n
        )));
    }
    i32::try_from(n).map_err(|_| PyErr::overflow_error("fd is greater than maximum"))
}

/// Flushes stdout before a wait that may block (not before a poll with a
/// zero timeout), so what the program printed is seen while it waits.
fn flush_unless_now(vm: &mut Vm, deadline: Option<Instant>) -> RunResult<()> {
    if deadline.is_none_or(|d| d > Instant::now()) {
        vm.flush_stdout()?;
    }
    Ok(())
}

fn ebadf() -> PyErr {
    os_error(&std::io::Error::from_raw_os_error(libc::EBADF), None)
}

/// `select.select(rlist, wlist, xlist, timeout=None)`
fn select_select(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("select", kw)?;
    args::count("select", args, 3, 4)?;
    let deadline = match args.get(3) {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = match v {
                Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::BigInt(_) => {
                    crate::modules::signal::seconds_arg(vm, v)?
                }
                _ => return Err(PyErr::type_error("timeout must be a float or None")),
            };
            if t.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            crate::modules::socket::check_time_range(t)?;
            if t < 0.0 {
                return Err(PyErr::value_error("timeout must be non-negative"));
            }
            let d = Duration::try_from_secs_f64(t)
                .map_err(|_| PyErr::overflow_error("timeout is too large"))?;
            Instant::now().checked_add(d)
        }
    };
    // The three lists: their objects and fds, in order.
    let mut sets: Vec<Vec<(Value, i32)>> = Vec::with_capacity(3);
    for a in &args[..3] {
        let items = match a {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Dict(_) => vm.collect(a)?,
            Value::Instance(_) => vm
                .collect(a)
                .map_err(|_| PyErr::type_error("arguments 1-3 must be sequences"))?,
            _ => return Err(PyErr::type_error("arguments 1-3 must be sequences")),
        };
        let mut set = Vec::with_capacity(items.len());
        for it in items {
            let fd = fd_arg(vm, &it)?;
            if fd >= libc::FD_SETSIZE as i32 {
                return Err(PyErr::value_error(
                    "filedescriptor out of range in select()",
                ));
            }
            set.push((it, fd));
        }
        sets.push(set);
    }
    let mut fds: Vec<PollFd> = Vec::new();
    for (events, set) in [POLLIN, POLLOUT, POLLPRI].into_iter().zip(&sets) {
        for &(_, fd) in set {
            match fds.iter_mut().find(|p| p.fd == fd) {
                Some(p) => p.events |= events,
                None => fds.push(PollFd::new(fd, events)),
            }
        }
    }
    flush_unless_now(vm, deadline)?;
    let timed_out = wait(vm, &mut fds, deadline)? == WaitResult::TimedOut;
    if fds.iter().any(|p| p.revents & POLLNVAL != 0) {
        return Err(ebadf());
    }
    let mut out = Vec::with_capacity(3);
    for (want, set) in [POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI]
        .into_iter()
        .zip(&sets)
    {
        let mut ready = Vec::new();
        if !timed_out {
            for (obj, fd) in set {
                let revents = fds.iter().find(|p| p.fd == *fd).map_or(0, |p| p.revents);
                if revents & want != 0 {
                    ready.push(obj.clone());
                }
            }
        }
        out.push(Value::list(ready));
    }
    Ok(Value::tuple(out))
}

// === poll objects ===

/// `select.poll()`: a poll object; its registered fds live in `_fds`, a
/// dict of fd -> event mask (in registration order, as CPython's).
fn select_poll(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("poll", args)?;
    let cls = native_class(vm, "poll", POLL_METHODS);
    let obj = new_native_instance(vm, &cls);
    if let Value::Instance(inst) = &obj {
        let key = vm.intern("_fds");
        inst.dict()
            .d
            .borrow_mut()
            .set_str(key, Value::Dict(std::rc::Rc::new(Default::default())));
    }
    Ok(obj)
}

fn registered(
    vm: &mut Vm,
    args: &[Value],
) -> RunResult<std::rc::Rc<crate::runtime::value::PyDict>> {
    let obj = args::self_arg("poll method", args)?.clone();
    match native_field(vm, &obj, "_fds") {
        Some(Value::Dict(d)) => Ok(d),
        _ => Err(PyErr::type_error("poll method called on a wrong object")),
    }
}

fn mask_arg(vm: &mut Vm, v: Option<&Value>) -> RunResult<i64> {
    match v {
        None => Ok((POLLIN | POLLPRI | POLLOUT) as i64),
        Some(v) => {
            let n = crate::modules::signal::int_arg(vm, v)?;
            if n < 0 {
                return Err(PyErr::value_error("value must be positive"));
            }
            if n > 0xffff {
                return Err(PyErr::overflow_error(
                    "Python int too large to convert to C unsigned short",
                ));
            }
            Ok(n)
        }
    }
}

fn poll_register(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    set_mask(vm, "register", args, kw, 1)
}

fn poll_modify(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    set_mask(vm, "modify", args, kw, 2)
}

/// `register(fd, mask=...)` (`min_args` 1) and `modify(fd, mask)` (2, and
/// the fd must be registered: `FileNotFoundError` otherwise, as CPython).
fn set_mask(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    min_args: usize,
) -> RunResult<Value> {
    args::no_kw(name, kw)?;
    let d = registered(vm, args)?;
    args::count(name, &args[1..], min_args, 2)?;
    let fd = fd_arg(vm, &args[1])?;
    let mask = mask_arg(vm, args.get(2))?;
    let key = Value::Int(fd as i64);
    if min_args == 2 && vm.dict_get(&d, &key)?.is_none() {
        return Err(os_error(
            &std::io::Error::from_raw_os_error(libc::ENOENT),
            None,
        ));
    }
    vm.setitem(&Value::Dict(d.clone()), key, Value::Int(mask))?;
    Ok(Value::None)
}

fn poll_unregister(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("unregister", kw)?;
    let d = registered(vm, args)?;
    let fd = fd_arg(vm, args::one("unregister", &args[1..])?)?;
    let key = Value::Int(fd as i64);
    if vm.dict_get(&d, &key)?.is_none() {
        return Err(PyErr::key_error(key));
    }
    vm.delitem(&Value::Dict(d.clone()), &key)?;
    Ok(Value::None)
}

/// `poll.poll(timeout=None)`: milliseconds; None or negative waits
/// without limit. Returns `[(fd, revents)]`.
fn poll_poll(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("poll", kw)?;
    let d = registered(vm, args)?;
    args::count("poll", &args[1..], 0, 1)?;
    let deadline = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::BigInt(_))) => {
            let ms = crate::modules::signal::seconds_arg(vm, v)?;
            if ms.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            crate::modules::socket::check_time_range(ms / 1000.0)?;
            if ms < 0.0 {
                None
            } else {
                let d = Duration::try_from_secs_f64(ms.ceil() / 1000.0)
                    .map_err(|_| PyErr::overflow_error("timeout is too large"))?;
                Instant::now().checked_add(d)
            }
        }
        Some(_) => return Err(PyErr::type_error("timeout must be an integer or None")),
    };
    let entries: Vec<(Value, Value)> = {
        let (keys, values) = (d.d.borrow().keys(), d.d.borrow().values());
        keys.into_iter().zip(values).collect()
    };
    let mut fds: Vec<PollFd> = entries
        .iter()
        .map(|(k, v)| {
            let fd = match k {
                Value::Int(n) => *n as i32,
                _ => -1,
            };
            let ev = match v {
                Value::Int(n) => *n as i16,
                _ => 0,
            };
            PollFd::new(fd, ev)
        })
        .collect();
    flush_unless_now(vm, deadline)?;
    wait(vm, &mut fds, deadline)?;
    let out = fds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| {
            Value::tuple(vec![
                Value::Int(p.fd as i64),
                Value::Int(p.revents as u16 as i64),
            ])
        })
        .collect();
    Ok(Value::list(out))
}
