//! `open()` and file objects, the first part: regular files in text (UTF-8)
//! and binary modes, unbuffered (every `write` is one system call, so
//! nothing is lost at exit or when a file object is dropped), read with
//! universal newlines in text mode, the context-manager protocol and line
//! iteration. Buffering, encodings other than UTF-8, seek/tell and pipes or
//! ttys through the wait primitive come with the I/O issue.
//!
//! State lives in the instance dict: `_fd` (-1 once closed), `_binary`,
//! `_buf` (bytes read ahead) with `_pos` (the first not yet returned),
//! `name`, `mode`.

use std::os::fd::{BorrowedFd, IntoRawFd};
use std::rc::Rc;

use crate::builtins::args;
use crate::builtins::reflect::{native_class, native_field, new_native_instance};
use crate::runtime::exc::{os_error, ExcKind, PyErr, RunResult};
use crate::runtime::value::{NativeFn, PyBytes, Value};
use crate::vm::Vm;

const METHODS: &[(&str, NativeFn)] = &[
    ("__enter__", file_enter),
    ("__exit__", file_exit),
    ("__iter__", file_enter),
    ("__next__", file_next),
    ("__repr__", file_repr),
    ("close", file_close),
    ("fileno", file_fileno),
    ("flush", file_flush),
    ("read", file_read),
    ("readable", file_readable),
    ("readline", file_readline),
    ("readlines", file_readlines),
    ("writable", file_writable),
    ("write", file_write),
    ("writelines", file_writelines),
];

/// The parsed `mode` argument.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create_new: bool,
    truncate: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> Option<Mode> {
    let mut m = Mode {
        read: false,
        write: false,
        append: false,
        create_new: false,
        truncate: false,
        binary: false,
    };
    let (mut kinds, mut text, mut plus) = (0, false, false);
    for c in mode.chars() {
        match c {
            'r' => {
                m.read = true;
                kinds += 1;
            }
            'w' => {
                m.write = true;
                m.truncate = true;
                kinds += 1;
            }
            'a' => {
                m.write = true;
                m.append = true;
                kinds += 1;
            }
            'x' => {
                m.write = true;
                m.create_new = true;
                kinds += 1;
            }
            'b' if !m.binary => m.binary = true,
            't' if !text => text = true,
            '+' if !plus => {
                plus = true;
                m.read = true;
                m.write = true;
            }
            _ => return None,
        }
    }
    if text && m.binary {
        return None;
    }
    if kinds != 1 {
        return Some(Mode {
            read: false,
            write: false,
            ..m
        });
    }
    Some(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`
pub fn builtin_open(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [file, mode, _buffering, encoding, _errors, _newline] = args::bind(
        "open",
        args,
        kw,
        ["file", "mode", "buffering", "encoding", "errors", "newline"],
        1,
    )?;
    let file = file.unwrap_or(Value::None);
    let given_fd = match file {
        // open(fd): an fd the program already has (closed with the file).
        Value::Int(fd) => {
            let fd = i32::try_from(fd).map_err(|_| PyErr::overflow_error("fd is out of range"))?;
            if fd < 0 || rustix::fs::fstat(crate::linux::fd::borrow(fd)).is_err() {
                return Err(os_error(
                    &std::io::Error::from_raw_os_error(libc::EBADF),
                    None,
                ));
            }
            Some(fd)
        }
        _ => None,
    };
    let path_text = match (&file, given_fd) {
        (Value::Str(p), _) => p.as_str().to_string(),
        (_, Some(_)) => String::new(),
        _ => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.types.type_name(&file)
            )))
        }
    };
    let path = &path_text;
    let mode_text = match &mode {
        Some(Value::Str(s)) => s.as_str().to_string(),
        None => "r".to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                vm.types.type_name(other)
            )))
        }
    };
    let Some(m) = parse_mode(&mode_text) else {
        return Err(PyErr::value_error(format!("invalid mode: '{}'", mode_text)));
    };
    if !m.read && !m.write {
        return Err(PyErr::value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if let Some(Value::Str(e)) = &encoding {
        let e = e.as_str().to_ascii_lowercase().replace('_', "-");
        if !matches!(e.as_str(), "utf-8" | "utf8") {
            return Err(PyErr::not_implemented(format!(
                "sigpy's open() supports the utf-8 encoding only, not {:?}",
                e
            )));
        }
    }
    if path.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    use rustix::fs::{Mode as Perm, OFlags};
    let mut flags = OFlags::CLOEXEC;
    flags |= match (m.read, m.write) {
        (true, true) => OFlags::RDWR,
        (false, true) => OFlags::WRONLY,
        _ => OFlags::RDONLY,
    };
    if m.write && !m.read || m.truncate || m.append || m.create_new {
        if m.truncate {
            flags |= OFlags::CREATE | OFlags::TRUNC;
        }
        if m.append {
            flags |= OFlags::CREATE | OFlags::APPEND;
        }
        if m.create_new {
            flags |= OFlags::CREATE | OFlags::EXCL;
        }
    }
    let fd = match given_fd {
        Some(fd) => crate::linux::fd::own(fd),
        None => rustix::fs::open(path.as_str(), flags, Perm::from_bits_truncate(0o666))
            .map_err(|e| os_error(&std::io::Error::from(e), Some(file.clone())))?,
    };
    if rustix::fs::fstat(&fd).is_ok_and(|st| st.st_mode & 0o170000 == 0o040000) {
        return Err(os_error(
            &std::io::Error::from_raw_os_error(libc::EISDIR),
            Some(file.clone()),
        ));
    }
    let cls = native_class(vm, "FileIO", METHODS);
    let obj = new_native_instance(vm, &cls);
    set(vm, &obj, "_fd", Value::Int(fd.into_raw_fd() as i64));
    set(vm, &obj, "_binary", Value::Bool(m.binary));
    set(vm, &obj, "_readable", Value::Bool(m.read));
    set(vm, &obj, "_writable", Value::Bool(m.write));
    set(vm, &obj, "_buf", Value::bytes(Vec::new()));
    set(vm, &obj, "_pos", Value::Int(0));
    set(vm, &obj, "name", file.clone());
    set(vm, &obj, "mode", Value::string(mode_text));
    set(vm, &obj, "closed", Value::Bool(false));
    Ok(obj)
}

fn set(vm: &mut Vm, obj: &Value, k: &str, v: Value) {
    if let Value::Instance(inst) = obj {
        let key = vm.intern(k);
        inst.dict.borrow_mut().set_str(key, v);
    }
}

fn field(vm: &mut Vm, obj: &Value, k: &str) -> Value {
    native_field(vm, obj, k).unwrap_or(Value::None)
}

/// The open fd of a file object, or `ValueError` once it is closed.
fn fd_of(vm: &mut Vm, args: &[Value]) -> RunResult<i32> {
    let obj = args::self_arg("file method", args)?.clone();
    match field(vm, &obj, "_fd") {
        Value::Int(fd) if fd >= 0 => Ok(fd as i32),
        Value::Int(_) => Err(PyErr::value_error("I/O operation on closed file.")),
        _ => Err(PyErr::type_error("file method called on a wrong object")),
    }
}

/// A file object's own fd, open until `close` (which sets `_fd` to -1
/// before closing it), so it outlives every use here.
fn borrow_fd(fd: i32) -> BorrowedFd<'static> {
    crate::linux::fd::borrow(fd)
}

fn io_err(e: rustix::io::Errno) -> PyErr {
    os_error(&std::io::Error::from(e), None)
}

fn check(vm: &mut Vm, obj: &Value, what: &str) -> RunResult<()> {
    match field(vm, obj, what) {
        Value::Bool(true) => Ok(()),
        _ => Err(PyErr::new(
            ExcKind::UnsupportedOperation,
            if what == "_readable" {
                "not readable"
            } else {
                "not writable"
            },
        )),
    }
}

fn file_write(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let fd = fd_of(vm, args)?;
    let obj = args[0].clone();
    check(vm, &obj, "_writable")?;
    let data = args::one("write", &args[1..])?.clone();
    let binary = matches!(field(vm, &obj, "_binary"), Value::Bool(true));
    let (bytes, n): (Vec<u8>, i64) = match (&data, binary) {
        (Value::Str(s), false) => (s.as_str().as_bytes().to_vec(), s.char_len as i64),
        (Value::Bytes(b), true) => (b.b.to_vec(), b.b.len() as i64),
        (other, false) => {
            return Err(PyErr::type_error(format!(
                "write() argument must be str, not {}",
                vm.types.type_name(other)
            )))
        }
        (other, true) => {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.types.type_name(other)
            )))
        }
    };
    let mut rest = &bytes[..];
    while !rest.is_empty() {
        match rustix::io::write(borrow_fd(fd), rest) {
            Ok(k) => rest = &rest[k..],
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(io_err(e)),
        }
    }
    Ok(Value::Int(n))
}

fn file_writelines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    fd_of(vm, args)?;
    let src = args::one("writelines", &args[1..])?.clone();
    for line in vm.collect(&src)? {
        file_write(vm, &[args[0].clone(), line], &[])?;
    }
    Ok(Value::None)
}

/// The read-ahead buffer and the position of its first unread byte.
fn pending(vm: &mut Vm, obj: &Value) -> (Rc<PyBytes>, usize) {
    let buf = match field(vm, obj, "_buf") {
        Value::Bytes(b) => b,
        _ => Rc::new(PyBytes { b: Box::new([]) }),
    };
    let pos = match field(vm, obj, "_pos") {
        Value::Int(p) => (p.max(0) as usize).min(buf.b.len()),
        _ => 0,
    };
    (buf, pos)
}

/// Reads more into `_buf` (dropping what was already returned); false at
/// end of file.
fn fill(vm: &mut Vm, obj: &Value, fd: i32) -> RunResult<bool> {
    let mut chunk = vec![0u8; 65536];
    let n = loop {
        match rustix::io::read(borrow_fd(fd), &mut chunk) {
            Ok(n) => break n,
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(io_err(e)),
        }
    };
    if n == 0 {
        return Ok(false);
    }
    let (buf, pos) = pending(vm, obj);
    let mut rest = buf.b[pos..].to_vec();
    rest.extend_from_slice(&chunk[..n]);
    set(vm, obj, "_buf", Value::bytes(rest));
    set(vm, obj, "_pos", Value::Int(0));
    Ok(true)
}

/// Takes `n` unread bytes (or all) from `_buf`.
fn take(vm: &mut Vm, obj: &Value, n: Option<usize>) -> Vec<u8> {
    let (buf, pos) = pending(vm, obj);
    let end = n.map_or(buf.b.len(), |n| (pos + n).min(buf.b.len()));
    set(vm, obj, "_pos", Value::Int(end as i64));
    buf.b[pos..end].to_vec()
}

/// How many unread bytes `_buf` holds.
fn buffered_len(vm: &mut Vm, obj: &Value) -> usize {
    let (buf, pos) = pending(vm, obj);
    buf.b.len() - pos
}

/// Bytes read to a text or bytes value (universal newlines in text mode).
fn to_value(vm: &mut Vm, obj: &Value, bytes: Vec<u8>) -> RunResult<Value> {
    if matches!(field(vm, obj, "_binary"), Value::Bool(true)) {
        return Ok(Value::bytes(bytes));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        PyErr::new(
            ExcKind::UnicodeDecodeError,
            format!(
                "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                e.as_bytes()[e.utf8_error().valid_up_to()],
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    Ok(Value::string(
        text.replace("\r\n", "\n").replace('\r', "\n"),
    ))
}

fn size_arg(vm: &mut Vm, args: &[Value]) -> RunResult<Option<usize>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = crate::modules::signal::int_arg(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn file_read(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let fd = fd_of(vm, args)?;
    let obj = args[0].clone();
    check(vm, &obj, "_readable")?;
    let size = size_arg(vm, args)?;
    while size.is_none_or(|n| buffered_len(vm, &obj) < n) {
        if !fill(vm, &obj, fd)? {
            break;
        }
    }
    let bytes = take(vm, &obj, size);
    to_value(vm, &obj, bytes)
}

fn file_readline(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let fd = fd_of(vm, args)?;
    let obj = args[0].clone();
    check(vm, &obj, "_readable")?;
    let size = size_arg(vm, args)?;
    loop {
        let (buf, pos) = pending(vm, &obj);
        let unread = &buf.b[pos..];
        if let Some(i) = unread.iter().position(|&b| b == b'\n') {
            let n = size.map_or(i + 1, |s| s.min(i + 1));
            let bytes = take(vm, &obj, Some(n));
            return to_value(vm, &obj, bytes);
        }
        if size.is_some_and(|s| unread.len() >= s) || !fill(vm, &obj, fd)? {
            let bytes = take(vm, &obj, size);
            return to_value(vm, &obj, bytes);
        }
    }
}

fn file_readlines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    fd_of(vm, args)?;
    let mut out = Vec::new();
    loop {
        let line = file_readline(vm, &args[..1], &[])?;
        if vm.len(&line)? == 0 {
            return Ok(Value::list(out));
        }
        out.push(line);
    }
}

fn file_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let line = file_readline(vm, &args[..1.min(args.len())], &[])?;
    if vm.len(&line)? == 0 {
        return Err(PyErr::stop_iteration());
    }
    Ok(line)
}

fn file_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args::self_arg("close", args)?.clone();
    if let Value::Int(fd) = field(vm, &obj, "_fd") {
        if fd >= 0 {
            set(vm, &obj, "_fd", Value::Int(-1));
            set(vm, &obj, "closed", Value::Bool(true));
            drop(crate::linux::fd::own(fd as i32));
        }
    }
    Ok(Value::None)
}

fn file_enter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    fd_of(vm, args)?;
    Ok(args[0].clone())
}

fn file_exit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    file_close(vm, &args[..1.min(args.len())], &[])?;
    Ok(Value::None)
}

fn file_flush(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    fd_of(vm, args)?;
    Ok(Value::None)
}

fn file_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(fd_of(vm, args)? as i64))
}

fn file_readable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    fd_of(vm, args)?;
    let obj = args[0].clone();
    Ok(field(vm, &obj, "_readable"))
}

fn file_writable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    fd_of(vm, args)?;
    let obj = args[0].clone();
    Ok(field(vm, &obj, "_writable"))
}

fn file_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args::self_arg("__repr__", args)?.clone();
    let name = field(vm, &obj, "name");
    let mode = field(vm, &obj, "mode");
    let binary = matches!(field(vm, &obj, "_binary"), Value::Bool(true));
    let (name, mode) = (vm.repr(&name)?, vm.repr(&mode)?);
    Ok(Value::string(if binary {
        format!("<_io.BufferedFile name={}>", name)
    } else {
        format!(
            "<_io.TextIOWrapper name={} mode={} encoding='UTF-8'>",
            name, mode
        )
    }))
}
