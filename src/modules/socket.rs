//! The `socket` module. The natives here are CPython's `_socket.socket`
//! (exposed as `socket.SocketType`) and the module functions; the Python
//! part (`socket.py`) is the `socket.socket` subclass (`accept`,
//! `makefile`, `close` with its io refs, the context manager, `repr`),
//! `socketpair`, `create_connection` and the constants' enums.
//!
//! Every socket is `O_NONBLOCK | O_CLOEXEC` at the OS level; the mode a
//! script sees is CPython's, kept as the `_timeout` field: None blocks,
//! waiting through the wait primitive (signals run their handlers while a
//! call waits), a number is a deadline for the whole call (`TimeoutError:
//! timed out`), 0 raises `BlockingIOError` when the call would block. The
//! fd lives in the instance dict as a `Special::Fd`, so dropping the last
//! reference to a socket closes it; a call in progress holds its own
//! reference, so a handler closing the socket cannot pull the fd from
//! under it.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::os::fd::{AsRawFd, IntoRawFd, OwnedFd, RawFd};
use std::rc::Rc;
use std::time::{Duration, Instant};

use rustix::net::{self as rnet, SocketAddrAny, SocketAddrUnix};

use crate::builtins::args;
use crate::builtins::reflect::native_field;
use crate::linux::fd::borrow;
use crate::linux::net as lnet;
use crate::linux::poll::{PollFd, POLLOUT};
use crate::modules::signal::{int_arg, seconds_arg};
use crate::runtime::buffer::WriteTarget;
use crate::runtime::exc::{os_error, ExcKind, PyErr, RunResult};
use crate::runtime::value::{BuiltinType, Class, NativeFn, Special, Value};
use crate::signals::wait::{wait_for, WaitFor, WaitResult};
use crate::vm::Vm;

/// The Python part of the module.
pub const SOURCE: &str = include_str!("socket.py");

const FUNCTIONS: &[(&str, NativeFn, &str)] = function_table!(
    "socket";
    "_socketpair" => sock_socketpair,
    "dup" => sock_dup,
    "_unsupported" => sock_unsupported,
    "getaddrinfo" => sock_getaddrinfo,
    "getdefaulttimeout" => sock_getdefaulttimeout,
    "gethostname" => sock_gethostname,
    "htonl" => sock_htonl,
    "htons" => sock_htons,
    "inet_aton" => sock_inet_aton,
    "inet_ntoa" => sock_inet_ntoa,
    "ntohl" => sock_htonl,
    "ntohs" => sock_htons,
    "setdefaulttimeout" => sock_setdefaulttimeout,
);

const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", s_init),
    ("_accept", s_accept),
    ("bind", s_bind),
    ("close", s_close),
    ("connect", s_connect),
    ("connect_ex", s_connect_ex),
    ("detach", s_detach),
    ("fileno", s_fileno),
    ("getblocking", s_getblocking),
    ("getpeername", s_getpeername),
    ("getsockname", s_getsockname),
    ("getsockopt", s_getsockopt),
    ("gettimeout", s_gettimeout),
    ("listen", s_listen),
    ("recv", s_recv),
    ("recv_into", s_recv_into),
    ("recvfrom", s_recvfrom),
    ("recvfrom_into", s_recvfrom_into),
    ("send", s_send),
    ("sendall", s_sendall),
    ("sendto", s_sendto),
    ("setblocking", s_setblocking),
    ("setsockopt", s_setsockopt),
    ("settimeout", s_settimeout),
    ("shutdown", s_shutdown),
];

/// `AddressFamily` members.
const FAMILIES: &[(&str, i64)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
];

/// `SocketKind` members.
const KINDS: &[(&str, i64)] = &[
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
];

/// Plain int constants.
const INTS: &[(&str, i64)] = &[
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("SOMAXCONN", 4096),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
    ("INADDR_ANY", 0),
    ("INADDR_LOOPBACK", 0x7f00_0001),
];

thread_local! {
    /// `socket.setdefaulttimeout`'s value (None: blocking).
    static DEFAULT_TIMEOUT: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

/// Creates the `socket` module (the Python part runs after).
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "socket", FUNCTIONS);
    let cls = base_class(vm);
    super::set_attr(vm, &m, "SocketType", Value::Class(cls));
    for (enum_name, members) in [("AddressFamily", FAMILIES), ("SocketKind", KINDS)] {
        let mut cls = None;
        for &(name, n) in members {
            let v = super::signal::enum_instance(vm, enum_name, name, n);
            if let Value::Instance(i) = &v {
                cls = Some(i.class.clone());
            }
            super::set_attr(vm, &m, name, v);
        }
        if let Some(c) = cls {
            for &(name, n) in members {
                let key = vm.intern(name);
                let v = super::signal::enum_instance(vm, enum_name, name, n);
                c.dict.borrow_mut().set_str(key, v);
            }
            super::set_attr(vm, &m, enum_name, Value::Class(c));
        }
    }
    for &(name, n) in INTS {
        super::set_attr(vm, &m, name, Value::Int(n));
    }
    super::set_attr(vm, &m, "has_ipv6", Value::Bool(true));
    Value::Module(m)
}

/// `_socket.socket` with the native methods: a plain (non-builtin) class,
/// so that `socket.socket` (and a user's class) can subclass it.
fn base_class(vm: &mut Vm) -> Rc<Class> {
    let mut dict = crate::runtime::dict::Dict::new();
    for &(mname, f) in METHODS {
        let key = vm.intern(mname);
        dict.set_str(key, crate::builtins::native(mname, f, mname));
    }
    let name = vm.intern("socket");
    // A new class address: see `Vm::class_attr`.
    vm.class_epoch += 1;
    Rc::new(Class {
        name: name.clone(),
        qualname: std::cell::RefCell::new(name),
        bases: vec![vm.types.object.clone()],
        mro: vec![vm.types.object.clone()],
        dict: std::cell::RefCell::new(dict),
        builtin: BuiltinType::Object,
        is_builtin: false,
        is_exception: false,
        has_descriptors: std::cell::Cell::new(false),
        attr_hooks: std::cell::Cell::new(false),
        slots: None,
    })
}

// === State ===

fn set(vm: &mut Vm, obj: &Value, k: &str, v: Value) {
    if let Value::Instance(inst) = obj {
        let key = vm.intern(k);
        inst.set(&key, v);
    }
}

fn int_field(vm: &mut Vm, obj: &Value, k: &str) -> i32 {
    match native_field(vm, obj, k) {
        Some(Value::Int(n)) => n as i32,
        _ => -1,
    }
}

/// The socket's timeout: None (blocking) or seconds (0: non-blocking).
fn timeout_of(vm: &mut Vm, obj: &Value) -> Option<f64> {
    match native_field(vm, obj, "_timeout") {
        Some(Value::Float(t)) => Some(t),
        _ => None,
    }
}

/// An open socket during one call: a reference that keeps its fd open,
/// the fd, and the socket's family and timeout.
struct Open {
    obj: Value,
    _keep: Value,
    fd: RawFd,
    family: i32,
    timeout: Option<f64>,
}

/// The one argument of a `METH_O` method, or CPython's message.
fn meth_o<'a>(name: &str, args: &'a [Value]) -> RunResult<&'a Value> {
    match args {
        [_, v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "socket.{}() takes exactly one argument ({} given)",
            name,
            args.len().saturating_sub(1)
        ))),
    }
}

fn ebadf() -> PyErr {
    os_error(&io::Error::from_raw_os_error(libc::EBADF), None)
}

/// The open socket behind `self`, or `OSError: [Errno 9] Bad file
/// descriptor` once closed.
fn open(vm: &mut Vm, args: &[Value]) -> RunResult<Open> {
    let obj = args::self_arg("socket method", args)?.clone();
    let keep = native_field(vm, &obj, "_sockfd").unwrap_or(Value::None);
    let fd = match &keep {
        Value::Special(s) => match &**s {
            Special::Fd(fd) => fd.as_raw_fd(),
            _ => return Err(ebadf()),
        },
        _ => return Err(ebadf()),
    };
    let family = int_field(vm, &obj, "_family");
    let timeout = timeout_of(vm, &obj);
    Ok(Open {
        obj,
        _keep: keep,
        fd,
        family,
        timeout,
    })
}

fn timed_out() -> PyErr {
    PyErr::new(ExcKind::TimeoutError, "timed out")
}

/// The deadline of a call made now with this timeout.
fn deadline_of(timeout: Option<f64>) -> Option<Instant> {
    let t = timeout?;
    Instant::now().checked_add(Duration::try_from_secs_f64(t).ok()?)
}

/// Runs `op` (one system call) on the socket as its mode says: once, for
/// a non-blocking socket (EAGAIN is `BlockingIOError`); else when ready,
/// waiting through the wait primitive until `deadline`. Before it waits,
/// stdout is flushed, so a server's printed lines (its port, its log) are
/// seen while it waits (as `time.sleep` does; the text is CPython's, only
/// its timing differs).
fn sock_call<T>(
    vm: &mut Vm,
    s: &Open,
    events: i16,
    deadline: Option<Instant>,
    mut op: impl FnMut() -> io::Result<T>,
) -> RunResult<T> {
    let mut waited = false;
    loop {
        match op() {
            Ok(v) => return Ok(v),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock && s.timeout != Some(0.0) => {}
            Err(e) => return Err(os_error(&e, None)),
        }
        if !waited {
            vm.flush_stdout()?;
            waited = true;
        }
        if !wait_ready(vm, s, events, deadline)? {
            return Err(timed_out());
        }
    }
}

/// Waits until the socket is ready for `events` (false: the deadline
/// passed). Handlers run meanwhile; after one returns, a socket it closed
/// makes the call fail with EBADF, as CPython's retried call does.
fn wait_ready(vm: &mut Vm, s: &Open, events: i16, deadline: Option<Instant>) -> RunResult<bool> {
    let what = WaitFor {
        any_dispatch: true,
        ..WaitFor::default()
    };
    loop {
        let mut fds = [PollFd::new(s.fd, events)];
        match wait_for(vm, &mut fds, deadline, what)? {
            WaitResult::TimedOut => return Ok(false),
            WaitResult::Dispatched => {
                if !is_open(vm, &s.obj) {
                    return Err(ebadf());
                }
            }
            _ => return Ok(true),
        }
    }
}

/// Whether the socket object still has its fd (not closed).
fn is_open(vm: &mut Vm, obj: &Value) -> bool {
    matches!(native_field(vm, obj, "_sockfd"), Some(Value::Special(_)))
}

// === Addresses ===

fn type_name(vm: &Vm, v: &Value) -> String {
    vm.types.type_name(v).to_string()
}

/// A host string or bytes argument.
fn host_text(vm: &Vm, v: &Value) -> RunResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(&b.b).into_owned()),
        other => Err(PyErr::type_error(format!(
            "str, bytes or bytearray expected, not {}",
            type_name(vm, other)
        ))),
    }
}

/// `socket.gaierror(code, text)`, from the module's Python part.
fn gai_error(vm: &mut Vm, e: lnet::GaiError) -> PyErr {
    let args = vec![Value::Int(e.code as i64), Value::string(e.msg)];
    let key = vm.intern("socket");
    let module = vm.modules.d.borrow().get_str(&key).cloned();
    if let Some(Value::Module(m)) = module {
        let k = vm.intern("gaierror");
        let cls = m.dict.d.borrow().get_str(&k).cloned();
        if let Some(Value::Class(c)) = cls {
            if let Ok(Value::Instance(inst)) = vm.instantiate(&c, &args, &[]) {
                return PyErr::Obj(inst);
            }
        }
    }
    PyErr::with_args(ExcKind::OSError, args)
}

/// Resolves a host name for `family` as CPython's `setipaddr`: '' is any
/// address, '<broadcast>' the broadcast address, numeric addresses parse
/// directly, other names go through `getaddrinfo` on a helper thread.
fn resolve(vm: &mut Vm, host: &str, family: i32) -> RunResult<IpAddr> {
    if host.is_empty() {
        return Ok(if family == libc::AF_INET6 {
            IpAddr::V6(Ipv6Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        });
    }
    if host == "<broadcast>" && family == libc::AF_INET {
        return Ok(IpAddr::V4(Ipv4Addr::BROADCAST));
    }
    match (family, host.parse::<IpAddr>()) {
        (libc::AF_INET, Ok(ip @ IpAddr::V4(_))) | (libc::AF_INET6, Ok(ip @ IpAddr::V6(_))) => {
            return Ok(ip)
        }
        _ => {}
    }
    let (h, fam) = (host.to_string(), family);
    let r = crate::signals::offload::offload(vm, move || {
        lnet::getaddrinfo(Some(&h), None, fam, libc::SOCK_DGRAM, 0, 0)
    })?;
    match r {
        Ok(list) => match list.first() {
            Some(ai) => Ok(ai.addr.ip()),
            None => Err(gai_error(
                vm,
                lnet::GaiError {
                    code: libc::EAI_NONAME,
                    msg: lnet::gai_text(libc::EAI_NONAME),
                },
            )),
        },
        Err(e) => Err(gai_error(vm, e)),
    }
}

fn port_arg(vm: &mut Vm, v: &Value) -> RunResult<i64> {
    int_arg(vm, v)
}

/// A Python address for a socket of `family`, as CPython's
/// `getsockaddrarg`, with its messages.
fn parse_addr(vm: &mut Vm, family: i32, addr: &Value, fname: &str) -> RunResult<SocketAddrAny> {
    match family {
        libc::AF_UNIX => {
            let bytes: Vec<u8> = match addr {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                Value::Bytes(b) => b.b.to_vec(),
                other => {
                    return Err(PyErr::type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(vm, other)
                    )))
                }
            };
            if bytes.len() >= 108 {
                return Err(PyErr::new(ExcKind::OSError, "AF_UNIX path too long"));
            }
            let r = if bytes.first() == Some(&0) {
                SocketAddrUnix::new_abstract_name(&bytes[1..])
            } else {
                if bytes.contains(&0) {
                    return Err(PyErr::value_error("embedded null byte"));
                }
                SocketAddrUnix::new(bytes.as_slice())
            };
            r.map(SocketAddrAny::Unix)
                .map_err(|e| os_error(&io::Error::from(e), None))
        }
        libc::AF_INET => {
            let Value::Tuple(t) = addr else {
                return Err(PyErr::type_error(format!(
                    "{}(): AF_INET address must be tuple, not {}",
                    fname,
                    type_name(vm, addr)
                )));
            };
            if t.items.len() != 2 {
                return Err(PyErr::type_error(
                    "AF_INET address must be a pair (host, port)",
                ));
            }
            let host = host_text(vm, &t.items[0])?;
            let port = port_arg(vm, &t.items[1])?;
            let IpAddr::V4(ip) = resolve(vm, &host, libc::AF_INET)? else {
                return Err(PyErr::new(ExcKind::OSError, "wrong address family"));
            };
            if !(0..=65535).contains(&port) {
                return Err(PyErr::overflow_error(format!(
                    "{}(): port must be 0-65535.",
                    fname
                )));
            }
            Ok(SocketAddrAny::V4(SocketAddrV4::new(ip, port as u16)))
        }
        libc::AF_INET6 => {
            let msg = "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])";
            let Value::Tuple(t) = addr else {
                return Err(PyErr::type_error(format!(
                    "{}(): AF_INET6 address must be tuple, not {}",
                    fname,
                    type_name(vm, addr)
                )));
            };
            if !(2..=4).contains(&t.items.len()) {
                return Err(PyErr::type_error(msg));
            }
            let host = host_text(vm, &t.items[0])?;
            let port = port_arg(vm, &t.items[1])?;
            let flowinfo = match t.items.get(2) {
                Some(v) => int_arg(vm, v)?,
                None => 0,
            };
            let scope = match t.items.get(3) {
                Some(v) => int_arg(vm, v)?,
                None => 0,
            };
            let IpAddr::V6(ip) = resolve(vm, &host, libc::AF_INET6)? else {
                return Err(PyErr::new(ExcKind::OSError, "wrong address family"));
            };
            if !(0..=65535).contains(&port) {
                return Err(PyErr::overflow_error(format!(
                    "{}(): port must be 0-65535.",
                    fname
                )));
            }
            if !(0..=0xfffff).contains(&flowinfo) {
                return Err(PyErr::overflow_error(format!(
                    "{}(): flowinfo must be 0-1048575.",
                    fname
                )));
            }
            Ok(SocketAddrAny::V6(SocketAddrV6::new(
                ip,
                port as u16,
                flowinfo as u32,
                scope as u32,
            )))
        }
        _ => Err(PyErr::new(
            ExcKind::OSError,
            format!("{}(): bad family", fname),
        )),
    }
}

/// A socket address as Python sees it.
fn addr_value(a: &SocketAddrAny) -> Value {
    match a {
        SocketAddrAny::V4(a) => Value::tuple(vec![
            Value::string(a.ip().to_string()),
            Value::Int(a.port() as i64),
        ]),
        SocketAddrAny::V6(a) => Value::tuple(vec![
            Value::string(a.ip().to_string()),
            Value::Int(a.port() as i64),
            Value::Int(a.flowinfo() as i64),
            Value::Int(a.scope_id() as i64),
        ]),
        SocketAddrAny::Unix(u) => {
            if let Some(p) = u.path() {
                Value::string(String::from_utf8_lossy(p.to_bytes()).into_owned())
            } else if let Some(name) = u.abstract_name().filter(|n| !n.is_empty()) {
                let mut b = vec![0u8];
                b.extend_from_slice(name);
                Value::bytes(b)
            } else {
                Value::str("")
            }
        }
        _ => Value::None,
    }
}

fn std_addr_value(a: &SocketAddr) -> Value {
    match a {
        SocketAddr::V4(a) => addr_value(&SocketAddrAny::V4(*a)),
        SocketAddr::V6(a) => addr_value(&SocketAddrAny::V6(*a)),
    }
}

// === Creation ===

/// Stores a new open fd and its attributes in `obj`.
fn attach(vm: &mut Vm, obj: &Value, fd: OwnedFd, family: i32, ty: i32, proto: i32) {
    let timeout = DEFAULT_TIMEOUT.with(|t| t.get());
    set(vm, obj, "_sockfd", Value::Special(Rc::new(Special::Fd(fd))));
    set(vm, obj, "_family", Value::Int(family as i64));
    set(vm, obj, "_type", Value::Int(ty as i64));
    set(vm, obj, "_proto", Value::Int(proto as i64));
    set(
        vm,
        obj,
        "_timeout",
        timeout.map_or(Value::None, Value::Float),
    );
}

fn opt_int(vm: &mut Vm, v: &Option<Value>, default: i64) -> RunResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => int_arg(vm, v),
    }
}

fn sock_type_bits(ty: i64) -> i64 {
    ty & !((libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC) as i64)
}

/// `SocketType.__init__(self, family=-1, type=-1, proto=-1, fileno=None)`
fn s_init(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args::self_arg("socket", args)?.clone();
    let [family, ty, proto, fileno] = args::bind(
        "socket",
        &args[1..],
        kw,
        ["family", "type", "proto", "fileno"],
        0,
    )?;
    let mut family = opt_int(vm, &family, -1)?;
    let mut ty = opt_int(vm, &ty, -1)?;
    let mut proto = opt_int(vm, &proto, -1)?;
    let nonblock = ty != -1 && ty & libc::SOCK_NONBLOCK as i64 != 0;
    let fd = match fileno {
        Some(Value::None) | None => {
            if family == -1 {
                family = libc::AF_INET as i64;
            }
            if ty == -1 {
                ty = libc::SOCK_STREAM as i64;
            }
            if proto == -1 {
                proto = 0;
            }
            let ty_bits = sock_type_bits(ty);
            let protocol = u32::try_from(proto)
                .ok()
                .and_then(std::num::NonZeroU32::new)
                .map(rnet::Protocol::from_raw);
            rnet::socket_with(
                rnet::AddressFamily::from_raw(family as u16),
                rnet::SocketType::from_raw(ty_bits as u32),
                rnet::SocketFlags::NONBLOCK | rnet::SocketFlags::CLOEXEC,
                protocol,
            )
            .map_err(|e| os_error(&io::Error::from(e), None))?
        }
        Some(f) => {
            let n = int_arg(vm, &f)?;
            if n < 0 {
                return Err(PyErr::value_error("negative file descriptor"));
            }
            let n = i32::try_from(n)
                .map_err(|_| PyErr::overflow_error("signed integer is greater than maximum"))?;
            let q = |name| lnet::getsockopt_int(n, libc::SOL_SOCKET, name);
            let domain = q(libc::SO_DOMAIN).map_err(|e| os_error(&e, None))?;
            if family == -1 {
                family = domain as i64;
            }
            if ty == -1 {
                ty = q(libc::SO_TYPE).map_err(|e| os_error(&e, None))? as i64;
            }
            if proto == -1 {
                proto = q(libc::SO_PROTOCOL).map_err(|e| os_error(&e, None))? as i64;
            }
            let fd = crate::linux::fd::own(n);
            set_nonblocking(&fd).map_err(|e| os_error(&e, None))?;
            fd
        }
    };
    attach(
        vm,
        &obj,
        fd,
        family as i32,
        sock_type_bits(ty) as i32,
        proto as i32,
    );
    if nonblock {
        set(vm, &obj, "_timeout", Value::Float(0.0));
    }
    Ok(Value::None)
}

fn set_nonblocking(fd: &OwnedFd) -> io::Result<()> {
    use rustix::fs::{fcntl_getfl, fcntl_setfl, OFlags};
    let fl = fcntl_getfl(fd)?;
    fcntl_setfl(fd, fl | OFlags::NONBLOCK)?;
    rustix::io::fcntl_setfd(fd, rustix::io::FdFlags::CLOEXEC)?;
    Ok(())
}

/// `_socketpair(family, type, proto)` -> `(fd, fd)` (socket.py wraps them).
fn sock_socketpair(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [family, ty, proto] = args::bind("socketpair", args, kw, ["family", "type", "proto"], 0)?;
    let family = opt_int(vm, &family, libc::AF_UNIX as i64)?;
    let ty = opt_int(vm, &ty, libc::SOCK_STREAM as i64)?;
    let proto = opt_int(vm, &proto, 0)?;
    let protocol = u32::try_from(proto)
        .ok()
        .and_then(std::num::NonZeroU32::new)
        .map(rnet::Protocol::from_raw);
    let (a, b) = rnet::socketpair(
        rnet::AddressFamily::from_raw(family as u16),
        rnet::SocketType::from_raw(sock_type_bits(ty) as u32),
        rnet::SocketFlags::NONBLOCK | rnet::SocketFlags::CLOEXEC,
        protocol,
    )
    .map_err(|e| os_error(&io::Error::from(e), None))?;
    Ok(Value::tuple(vec![
        Value::Int(a.into_raw_fd() as i64),
        Value::Int(b.into_raw_fd() as i64),
    ]))
}

// === Methods ===

fn rerr(e: rustix::io::Errno) -> io::Error {
    io::Error::from(e)
}

fn s_bind(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("bind", kw)?;
    let s = open(vm, args)?;
    let addr = meth_o("bind", args)?.clone();
    let a = parse_addr(vm, s.family, &addr, "bind")?;
    rnet::bind_any(borrow(s.fd), &a).map_err(|e| os_error(&rerr(e), None))?;
    Ok(Value::None)
}

fn s_listen(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("listen", kw)?;
    let s = open(vm, args)?;
    args::count_old("listen", &args[1.min(args.len())..], 0, 1)?;
    let backlog = match args.get(1) {
        Some(v) => int_arg(vm, v)?.clamp(0, i32::MAX as i64) as i32,
        None => 128,
    };
    rnet::listen(borrow(s.fd), backlog).map_err(|e| os_error(&rerr(e), None))?;
    Ok(Value::None)
}

/// `_accept()` -> `(fd, address)`; socket.py makes the socket object.
fn s_accept(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let s = open(vm, args)?;
    let fd = s.fd;
    let (conn, addr) = sock_call(vm, &s, libc::POLLIN, deadline_of(s.timeout), || {
        rnet::acceptfrom_with(
            borrow(fd),
            rnet::SocketFlags::NONBLOCK | rnet::SocketFlags::CLOEXEC,
        )
        .map_err(rerr)
    })?;
    let addr = addr.as_ref().map_or(Value::None, addr_value);
    Ok(Value::tuple(vec![
        Value::Int(conn.into_raw_fd() as i64),
        addr,
    ]))
}

/// `connect`'s core: the errno it ends with (0 on success), or the
/// timeout / a handler's exception.
fn connect_errno(vm: &mut Vm, args: &[Value], fname: &str) -> RunResult<i32> {
    let s = open(vm, args)?;
    let addr = meth_o(fname, args)?.clone();
    let a = parse_addr(vm, s.family, &addr, fname)?;
    let deadline = deadline_of(s.timeout);
    // EINTR: the connection goes on asynchronously, as for EINPROGRESS.
    let first = match rnet::connect_any(borrow(s.fd), &a) {
        Ok(()) => return Ok(0),
        Err(rustix::io::Errno::INTR) => libc::EINPROGRESS,
        Err(e) => e.raw_os_error(),
    };
    if first != libc::EINPROGRESS || s.timeout == Some(0.0) {
        return Ok(first);
    }
    vm.flush_stdout()?;
    if !wait_ready(vm, &s, POLLOUT, deadline)? {
        return Err(timed_out());
    }
    let err = lnet::getsockopt_int(s.fd, libc::SOL_SOCKET, libc::SO_ERROR)
        .map_err(|e| os_error(&e, None))?;
    if err == 0 {
        // The kernel reports a completed non-blocking connect to the next
        // connect() once; take that report now, so that a later connect
        // fails with EISCONN as on CPython's blocking socket.
        let _ = rnet::connect_any(borrow(s.fd), &a);
    }
    Ok(err)
}

fn s_connect(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("connect", kw)?;
    match connect_errno(vm, args, "connect")? {
        0 => Ok(Value::None),
        e => Err(os_error(&io::Error::from_raw_os_error(e), None)),
    }
}

fn s_connect_ex(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("connect_ex", kw)?;
    match connect_errno(vm, args, "connect_ex") {
        Ok(e) => Ok(Value::Int(e as i64)),
        Err(e) if e.lazy_kind() == Some(ExcKind::TimeoutError) => {
            Ok(Value::Int(libc::EWOULDBLOCK as i64))
        }
        Err(e) => Err(e),
    }
}

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> RunResult<u32> {
    match v {
        None => Ok(0),
        Some(v) => Ok(int_arg(vm, v)? as u32),
    }
}

fn bufsize_arg(vm: &mut Vm, v: &Value, fname: &str) -> RunResult<usize> {
    if let Value::BigInt(_) = v {
        return Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        ));
    }
    let n = int_arg(vm, v)?;
    if n < 0 {
        return Err(PyErr::value_error(format!(
            "negative buffersize in {}",
            fname
        )));
    }
    args::check_alloc(n as usize)?;
    Ok(n as usize)
}

fn s_recv(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("recv", kw)?;
    args::count_old("recv", &args[1.min(args.len())..], 1, 2)?;
    let s = open(vm, args)?;
    let n = bufsize_arg(vm, &args[1], "recv")?;
    let flags = rnet::RecvFlags::from_bits_retain(flags_arg(vm, args.get(2))?);
    if n == 0 {
        // recv(2) of 0 bytes returns at once (a non-blocking one says
        // EAGAIN, which must not make it wait).
        return Ok(Value::bytes(Vec::new()));
    }
    let mut buf = vec![0u8; n];
    let fd = s.fd;
    let got = sock_call(vm, &s, libc::POLLIN, deadline_of(s.timeout), || {
        rnet::recv(borrow(fd), &mut buf, flags).map_err(rerr)
    })?;
    buf.truncate(got);
    Ok(Value::bytes(buf))
}

fn s_recvfrom(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("recvfrom", kw)?;
    args::count_old("recvfrom", &args[1.min(args.len())..], 1, 2)?;
    let s = open(vm, args)?;
    let n = bufsize_arg(vm, &args[1], "recvfrom")?;
    let flags = rnet::RecvFlags::from_bits_retain(flags_arg(vm, args.get(2))?);
    let mut buf = vec![0u8; n];
    let fd = s.fd;
    let (got, addr) = sock_call(vm, &s, libc::POLLIN, deadline_of(s.timeout), || {
        rnet::recvfrom(borrow(fd), &mut buf, flags).map_err(rerr)
    })?;
    buf.truncate(got);
    let addr = addr.as_ref().map_or(Value::None, addr_value);
    Ok(Value::tuple(vec![Value::bytes(buf), addr]))
}

/// The arguments of `recv_into`/`recvfrom_into(buffer, nbytes=0,
/// flags=0)`: the open socket, the held buffer, how many bytes to read.
fn into_args(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    fname: &str,
) -> RunResult<(Open, WriteTarget, usize, rnet::RecvFlags)> {
    let rest = &args[1.min(args.len())..];
    let [buf, nbytes, flags] = args::bind(fname, rest, kw, ["buffer", "nbytes", "flags"], 1)?;
    let buf = buf.unwrap_or(Value::None);
    let Some(target) = WriteTarget::of(&buf) else {
        return Err(PyErr::type_error(format!(
            "{}() argument 1 must be read-write bytes-like object, not {}",
            fname,
            type_name(vm, &buf)
        )));
    };
    let n = match &nbytes {
        Some(v) => bufsize_arg(vm, v, fname)?,
        None => 0,
    };
    let flags = rnet::RecvFlags::from_bits_retain(flags_arg(vm, flags.as_ref())?);
    let n = if n == 0 { target.len() } else { n };
    if n > target.len() {
        return Err(PyErr::value_error(if fname == "recv_into" {
            "buffer too small for requested bytes"
        } else {
            "nbytes is greater than the length of the buffer"
        }));
    }
    Ok((open(vm, args)?, target, n, flags))
}

/// `recv_into(buffer, nbytes=0, flags=0)`: receives into a local buffer
/// (through the wait, like `recv`), then copies into `buffer`, which a
/// handler cannot resize meanwhile.
fn s_recv_into(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, target, n, flags) = into_args(vm, args, kw, "recv_into")?;
    if n == 0 {
        return Ok(Value::Int(0));
    }
    let mut buf = vec![0u8; n];
    let fd = s.fd;
    let got = sock_call(vm, &s, libc::POLLIN, deadline_of(s.timeout), || {
        rnet::recv(borrow(fd), &mut buf, flags).map_err(rerr)
    })?;
    target.fill(&buf[..got]);
    Ok(Value::Int(got as i64))
}

/// `recvfrom_into(buffer, nbytes=0, flags=0)` -> `(nbytes, address)`
fn s_recvfrom_into(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, target, n, flags) = into_args(vm, args, kw, "recvfrom_into")?;
    let mut buf = vec![0u8; n];
    let fd = s.fd;
    let (got, addr) = sock_call(vm, &s, libc::POLLIN, deadline_of(s.timeout), || {
        rnet::recvfrom(borrow(fd), &mut buf, flags).map_err(rerr)
    })?;
    target.fill(&buf[..got]);
    let addr = addr.as_ref().map_or(Value::None, addr_value);
    Ok(Value::tuple(vec![Value::Int(got as i64), addr]))
}

/// The bytes of a data argument (bytes, bytearray, memoryview: a copy of
/// a mutable one, so no borrow is held while the call waits), or
/// CPython's TypeError.
fn data_arg(vm: &Vm, v: &Value) -> RunResult<Rc<crate::runtime::value::PyBytes>> {
    if let Value::Bytes(b) = v {
        return Ok(b.clone());
    }
    match crate::runtime::buffer::buffer_bytes(v)? {
        Some(b) => Ok(Rc::new(crate::runtime::value::PyBytes {
            b: b.into_boxed_slice(),
        })),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(vm, v)
        ))),
    }
}

fn send_flags(vm: &mut Vm, v: Option<&Value>) -> RunResult<rnet::SendFlags> {
    Ok(rnet::SendFlags::from_bits_retain(flags_arg(vm, v)?) | rnet::SendFlags::NOSIGNAL)
}

fn s_send(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("send", kw)?;
    args::count_old("send", &args[1.min(args.len())..], 1, 2)?;
    let s = open(vm, args)?;
    let data = data_arg(vm, &args[1])?;
    let flags = send_flags(vm, args.get(2))?;
    let fd = s.fd;
    let n = sock_call(vm, &s, libc::POLLOUT, deadline_of(s.timeout), || {
        rnet::send(borrow(fd), &data.b, flags).map_err(rerr)
    })?;
    Ok(Value::Int(n as i64))
}

/// `sendall(data, flags=0)`: sends everything across partial writes; a
/// timeout bounds the whole call (CPython 3.5+).
fn s_sendall(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("sendall", kw)?;
    args::count_old("sendall", &args[1.min(args.len())..], 1, 2)?;
    let s = open(vm, args)?;
    let data = data_arg(vm, &args[1])?;
    let flags = send_flags(vm, args.get(2))?;
    let deadline = deadline_of(s.timeout);
    let fd = s.fd;
    let mut done = 0;
    while done < data.b.len() {
        let rest = &data.b[done..];
        done += sock_call(vm, &s, libc::POLLOUT, deadline, || {
            rnet::send(borrow(fd), rest, flags).map_err(rerr)
        })?;
    }
    Ok(Value::None)
}

fn s_sendto(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("sendto", kw)?;
    let rest = &args[1.min(args.len())..];
    let (data, flags, addr) = match rest {
        [d, a] => (d, None, a),
        [d, f, a] => (d, Some(f), a),
        _ => {
            return Err(PyErr::type_error(format!(
                "sendto() takes 2 or 3 arguments ({} given)",
                rest.len()
            )))
        }
    };
    let s = open(vm, args)?;
    let data = data_arg(vm, data)?;
    let flags = send_flags(vm, flags)?;
    let a = parse_addr(vm, s.family, addr, "sendto")?;
    let fd = s.fd;
    let n = sock_call(vm, &s, libc::POLLOUT, deadline_of(s.timeout), || {
        rnet::sendto_any(borrow(fd), &data.b, flags, &a).map_err(rerr)
    })?;
    Ok(Value::Int(n as i64))
}

fn s_shutdown(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("shutdown", kw)?;
    let s = open(vm, args)?;
    let how = int_arg(vm, meth_o("shutdown", args)?)?;
    let how = match how as i32 {
        libc::SHUT_RD => rnet::Shutdown::Read,
        libc::SHUT_WR => rnet::Shutdown::Write,
        libc::SHUT_RDWR => rnet::Shutdown::ReadWrite,
        _ => return Err(os_error(&io::Error::from_raw_os_error(libc::EINVAL), None)),
    };
    rnet::shutdown(borrow(s.fd), how).map_err(|e| os_error(&rerr(e), None))?;
    Ok(Value::None)
}

/// `close()`: drops the socket's reference to its fd (closed now, or when
/// a call in progress ends).
fn s_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args::self_arg("close", args)?.clone();
    set(vm, &obj, "_sockfd", Value::None);
    Ok(Value::None)
}

/// `detach()`: the fd, which the socket no longer closes.
fn s_detach(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args::self_arg("detach", args)?.clone();
    let v = native_field(vm, &obj, "_sockfd").unwrap_or(Value::None);
    set(vm, &obj, "_sockfd", Value::None);
    let Value::Special(rc) = v else {
        return Ok(Value::Int(-1));
    };
    match Rc::try_unwrap(rc) {
        Ok(Special::Fd(fd)) => Ok(Value::Int(fd.into_raw_fd() as i64)),
        Ok(_) => Ok(Value::Int(-1)),
        Err(rc) => {
            // A call in progress still holds the fd: it stays open.
            let fd = match &*rc {
                Special::Fd(fd) => fd.as_raw_fd(),
                _ => -1,
            };
            std::mem::forget(rc);
            Ok(Value::Int(fd as i64))
        }
    }
}

fn s_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(open(vm, args).map_or(-1, |s| s.fd as i64)))
}

fn s_gettimeout(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args::self_arg("gettimeout", args)?.clone();
    Ok(timeout_of(vm, &obj).map_or(Value::None, Value::Float))
}

fn s_getblocking(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args::self_arg("getblocking", args)?.clone();
    Ok(Value::Bool(timeout_of(vm, &obj) != Some(0.0)))
}

/// CPython keeps times as i64 nanoseconds: longer ones overflow.
pub fn check_time_range(secs: f64) -> RunResult<()> {
    if secs.abs() * 1e9 >= i64::MAX as f64 {
        return Err(PyErr::overflow_error(
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(())
}

/// A timeout argument: None or seconds >= 0, with CPython's messages.
pub fn timeout_arg(vm: &mut Vm, v: &Value) -> RunResult<Option<f64>> {
    if v.is_none() {
        return Ok(None);
    }
    let t = seconds_arg(vm, v)?;
    if t.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(PyErr::value_error("Timeout value out of range"));
    }
    check_time_range(t)?;
    Ok(Some(t))
}

fn s_settimeout(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("settimeout", kw)?;
    let obj = args::self_arg("settimeout", args)?.clone();
    let t = timeout_arg(vm, meth_o("settimeout", args)?)?;
    open(vm, args)?;
    set(vm, &obj, "_timeout", t.map_or(Value::None, Value::Float));
    Ok(Value::None)
}

fn s_setblocking(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("setblocking", kw)?;
    let obj = args::self_arg("setblocking", args)?.clone();
    let flag = int_arg(vm, meth_o("setblocking", args)?)?;
    open(vm, args)?;
    let t = if flag != 0 {
        Value::None
    } else {
        Value::Float(0.0)
    };
    set(vm, &obj, "_timeout", t);
    Ok(Value::None)
}

fn s_getsockname(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let s = open(vm, args)?;
    let a = rnet::getsockname(borrow(s.fd)).map_err(|e| os_error(&rerr(e), None))?;
    Ok(addr_value(&a))
}

fn s_getpeername(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let s = open(vm, args)?;
    match rnet::getpeername(borrow(s.fd)).map_err(|e| os_error(&rerr(e), None))? {
        Some(a) => Ok(addr_value(&a)),
        None => Ok(Value::str("")),
    }
}

/// `setsockopt(level, optname, value)`: an int or bytes value.
fn s_setsockopt(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("setsockopt", kw)?;
    let rest = &args[1.min(args.len())..];
    if rest.len() != 3 {
        return Err(PyErr::type_error(format!(
            "setsockopt() takes exactly 3 arguments ({} given)",
            rest.len()
        )));
    }
    let s = open(vm, args)?;
    let level = int_arg(vm, &rest[0])? as i32;
    let name = int_arg(vm, &rest[1])? as i32;
    let bytes = match &rest[2] {
        Value::Int(_) | Value::Bool(_) => (int_arg(vm, &rest[2])? as i32).to_ne_bytes().to_vec(),
        Value::Bytes(b) => b.b.to_vec(),
        other => {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_name(vm, other)
            )))
        }
    };
    lnet::setsockopt(s.fd, level, name, &bytes).map_err(|e| os_error(&e, None))?;
    Ok(Value::None)
}

fn s_getsockopt(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("getsockopt", kw)?;
    let rest = &args[1.min(args.len())..];
    args::count_old("getsockopt", rest, 2, 3)?;
    let s = open(vm, args)?;
    let level = int_arg(vm, &rest[0])? as i32;
    let name = int_arg(vm, &rest[1])? as i32;
    if let Some(b) = rest.get(2) {
        let buflen = int_arg(vm, b)?;
        if !(0..=1024).contains(&buflen) {
            return Err(PyErr::new(
                ExcKind::OSError,
                "getsockopt buflen out of range",
            ));
        }
        let v = lnet::getsockopt_bytes(s.fd, level, name, buflen as usize)
            .map_err(|e| os_error(&e, None))?;
        return Ok(Value::bytes(v));
    }
    let v = lnet::getsockopt_int(s.fd, level, name).map_err(|e| os_error(&e, None))?;
    Ok(Value::Int(v as i64))
}

// === Module functions ===

fn sock_getdefaulttimeout(
    _vm: &mut Vm,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> RunResult<Value> {
    args::none("getdefaulttimeout", args)?;
    Ok(DEFAULT_TIMEOUT
        .with(|t| t.get())
        .map_or(Value::None, Value::Float))
}

fn sock_setdefaulttimeout(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let t = timeout_arg(vm, args::one("setdefaulttimeout", args)?)?;
    DEFAULT_TIMEOUT.with(|d| d.set(t));
    Ok(Value::None)
}

fn sock_gethostname(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("gethostname", args)?;
    lnet::gethostname()
        .map(Value::string)
        .map_err(|e| os_error(&e, None))
}

fn sock_htons(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let n = int_arg(vm, args::one("htons", args)?)?;
    if !(0..=0xffff).contains(&n) {
        return Err(PyErr::overflow_error(
            "htons: Python int too large to convert to C 16-bit unsigned integer",
        ));
    }
    Ok(Value::Int((n as u16).swap_bytes() as i64))
}

fn sock_htonl(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let n = int_arg(vm, args::one("htonl", args)?)?;
    if n < 0 {
        return Err(PyErr::overflow_error(
            "can't convert negative value to unsigned int",
        ));
    }
    if n > u32::MAX as i64 {
        return Err(PyErr::overflow_error("int larger than 32 bits"));
    }
    Ok(Value::Int((n as u32).swap_bytes() as i64))
}

fn sock_inet_aton(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let v = args::one("inet_aton", args)?;
    let Value::Str(s) = v else {
        return Err(PyErr::type_error(format!(
            "inet_aton() argument 1 must be str, not {}",
            type_name(vm, v)
        )));
    };
    match inet_aton(s.as_str()) {
        Some(n) => Ok(Value::bytes(n.to_be_bytes().to_vec())),
        None => Err(PyErr::new(
            ExcKind::OSError,
            "illegal IP address string passed to inet_aton",
        )),
    }
}

/// The C library's `inet_aton`: 1 to 4 parts, each decimal, octal (0...)
/// or hex (0x...); the last part fills the bytes left.
fn inet_aton(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    let mut vals = Vec::with_capacity(parts.len());
    for p in &parts {
        let v = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            u32::from_str_radix(h, 16).ok()?
        } else if p.len() > 1 && p.starts_with('0') {
            u32::from_str_radix(&p[1..], 8).ok()?
        } else {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            p.parse::<u32>().ok()?
        };
        vals.push(v);
    }
    let (last, head) = vals.split_last()?;
    if head.iter().any(|&v| v > 255) {
        return None;
    }
    let rest_bits = 8 * (4 - head.len() as u32);
    if rest_bits < 32 && *last >= 1 << rest_bits {
        return None;
    }
    let mut n: u32 = 0;
    for (i, v) in head.iter().enumerate() {
        n |= v << (24 - 8 * i as u32);
    }
    Some(n | last)
}

/// `socket.dup(fd)`: a close-on-exec duplicate of a socket fd.
fn sock_dup(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let fd = int_arg(vm, args::one("dup", args)?)?;
    let fd = i32::try_from(fd).map_err(|_| PyErr::overflow_error("fd is out of range"))?;
    if fd < 0 {
        return Err(ebadf());
    }
    let new =
        rustix::io::fcntl_dupfd_cloexec(borrow(fd), 0).map_err(|e| os_error(&rerr(e), None))?;
    Ok(Value::Int(new.into_raw_fd() as i64))
}

/// `_unsupported(msg)`: raises `io.UnsupportedOperation` (for makefile).
fn sock_unsupported(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let msg = match args.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    Err(PyErr::new(ExcKind::UnsupportedOperation, msg))
}

fn sock_inet_ntoa(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let v = args::one("inet_ntoa", args)?;
    let Value::Bytes(b) = v else {
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(vm, v)
        )));
    };
    let Ok(o) = <[u8; 4]>::try_from(&b.b[..]) else {
        return Err(PyErr::new(
            ExcKind::OSError,
            "packed IP wrong length for inet_ntoa",
        ));
    };
    Ok(Value::string(Ipv4Addr::from(o).to_string()))
}

/// A host or port argument of `getaddrinfo`: None, str, bytes or (port)
/// an int.
fn gai_text_arg(_vm: &Vm, v: &Option<Value>, port: bool) -> RunResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
        Some(Value::Bytes(b)) => Ok(Some(String::from_utf8_lossy(&b.b).into_owned())),
        Some(Value::Int(n)) if port => Ok(Some(n.to_string())),
        Some(_) if port => Err(PyErr::new(ExcKind::OSError, "Int or String expected")),
        Some(_) => Err(PyErr::type_error(
            "getaddrinfo() argument 1 must be string or None",
        )),
    }
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: the C
/// library's answers (on a helper thread, so a slow resolver never holds
/// a signal back), IPv4 and IPv6 only.
fn sock_getaddrinfo(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [host, port, family, ty, proto, flags] = args::bind(
        "getaddrinfo",
        args,
        kw,
        ["host", "port", "family", "type", "proto", "flags"],
        2,
    )?;
    let host = gai_text_arg(vm, &host, false)?;
    let port = gai_text_arg(vm, &port, true)?;
    let family = opt_int(vm, &family, 0)? as i32;
    let ty = opt_int(vm, &ty, 0)? as i32;
    let proto = opt_int(vm, &proto, 0)? as i32;
    let flags = opt_int(vm, &flags, 0)? as i32;
    let r = crate::signals::offload::offload(vm, move || {
        lnet::getaddrinfo(host.as_deref(), port.as_deref(), family, ty, proto, flags)
    })?;
    let list = r.map_err(|e| gai_error(vm, e))?;
    let mut out = Vec::with_capacity(list.len());
    for ai in list {
        let fam = member(vm, "AddressFamily", FAMILIES, ai.family as i64);
        let kind = member(vm, "SocketKind", KINDS, ai.socktype as i64);
        out.push(Value::tuple(vec![
            fam,
            kind,
            Value::Int(ai.protocol as i64),
            Value::string(ai.canonname),
            std_addr_value(&ai.addr),
        ]));
    }
    Ok(Value::list(out))
}

/// `AddressFamily(n)` / `SocketKind(n)` (None for other enum classes).
pub fn enum_new(vm: &mut Vm, cls: &str, n: i64) -> Option<RunResult<Value>> {
    let (cls, members): (&'static str, &[(&str, i64)]) = match cls {
        "AddressFamily" => ("AddressFamily", FAMILIES),
        "SocketKind" => ("SocketKind", KINDS),
        _ => return None,
    };
    Some(match members.iter().find(|(_, v)| *v == n) {
        Some((name, _)) => Ok(super::signal::enum_instance(vm, cls, name, n)),
        None => Err(PyErr::value_error(format!("{} is not a valid {}", n, cls))),
    })
}

/// The enum member for `n`, or the plain int.
fn member(vm: &mut Vm, cls: &'static str, members: &[(&str, i64)], n: i64) -> Value {
    match members.iter().find(|(_, v)| *v == n) {
        Some((name, _)) => super::signal::enum_instance(vm, cls, name, n),
        None => Value::Int(n),
    }
}
