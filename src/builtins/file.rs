//! `open()` and file objects: text (`TextIOWrapper`), buffered binary
//! (`BufferedReader`/`BufferedWriter`/`BufferedRandom`) and unbuffered
//! binary (`FileIO`) objects over a `stream::Stream`, which does the
//! buffering, the text codec and the signal-aware waiting. The standard
//! streams (`sys.stdin`, `sys.stdout`, `sys.stderr`) are file objects too.
//!
//! A file object's instance dict holds `_s` (its `FileHandle`, as native
//! state), `name`, `mode`, `closed` and, for text, `encoding`, `errors`,
//! `line_buffering` (and `buffer` for the standard streams). When the last
//! reference goes, the stream flushes and closes (as CPython's finalizer).

use std::rc::Rc;

use super::stream::{self, Enc, Errors, Newline, Stream, Text};
use crate::builtins::args;
use crate::builtins::reflect::{native_class, native_field, new_native_instance};
use crate::runtime::exc::{os_error, ExcKind, PyErr, RunResult};
use crate::runtime::value::{NativeFn, Value};
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
    ("isatty", file_isatty),
    ("read", file_read),
    ("readable", file_readable),
    ("readinto", file_readinto),
    ("readline", file_readline),
    ("readlines", file_readlines),
    ("seek", file_seek),
    ("seekable", file_seekable),
    ("tell", file_tell),
    ("truncate", file_truncate),
    ("writable", file_writable),
    ("write", file_write),
    ("writelines", file_writelines),
];

/// What a file object holds: its stream, seen as bytes or text.
pub struct FileHandle {
    pub s: Rc<Stream>,
    /// Binary view (`rb`, `sys.stdout.buffer`) of the stream.
    pub binary: bool,
    /// `sys.stderr`: writes flush `sys.stdout` first, so the two
    /// interleave as on a terminal.
    pub flush_stdout_first: bool,
}

/// The parsed `mode` argument.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create_new: bool,
    truncate: bool,
    binary: bool,
    plus: bool,
}

fn parse_mode(mode: &str) -> RunResult<Mode> {
    let invalid = || PyErr::value_error(format!("invalid mode: '{}'", mode));
    let mut seen = String::new();
    for c in mode.chars() {
        if !"axrwb+t".contains(c) || seen.contains(c) {
            return Err(invalid());
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    let m = Mode {
        read: has('r'),
        write: has('w'),
        append: has('a'),
        create_new: has('x'),
        truncate: has('w'),
        binary: has('b'),
        plus: has('+'),
    };
    if has('t') && m.binary {
        return Err(PyErr::value_error(
            "can't have text and binary mode at once",
        ));
    }
    let kinds = [m.read, m.write, m.append, m.create_new]
        .iter()
        .filter(|&&k| k)
        .count();
    if kinds > 1 {
        return Err(PyErr::value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if kinds == 0 {
        return Err(PyErr::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(m)
}

/// An encoding name to its codec (CPython's aliases of the three).
fn parse_encoding(name: &str) -> RunResult<Enc> {
    let norm = name.to_ascii_lowercase().replace(['_', ' '], "-");
    match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Enc::Utf8),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin"
        | "iso-ir-100" => Ok(Enc::Latin1),
        "ascii" | "us-ascii" | "646" => Ok(Enc::Ascii),
        "utf-16" | "utf-32" | "utf-16-le" | "utf-16-be" | "utf-32-le" | "utf-32-be"
        | "utf-8-sig" | "cp1252" | "windows-1252" | "iso-8859-15" | "cp437" | "koi8-r"
        | "shift-jis" | "euc-jp" | "gbk" | "gb2312" | "big5" => {
            Err(PyErr::not_implemented(format!(
                "sigpy's open() supports utf-8, latin-1 and ascii only, not {}",
                name
            )))
        }
        _ => Err(PyErr::new(
            ExcKind::LookupError,
            format!("unknown encoding: {}", name),
        )),
    }
}

fn parse_errors(name: &str) -> RunResult<Errors> {
    match name {
        "strict" => Ok(Errors::Strict),
        "replace" => Ok(Errors::Replace),
        "ignore" => Ok(Errors::Ignore),
        _ => Err(PyErr::not_implemented(format!(
            "sigpy's open() supports errors='strict', 'replace' and 'ignore' only, not {:?}",
            name
        ))),
    }
}

fn parse_newline(vm: &Vm, v: &Option<Value>) -> RunResult<Newline> {
    match v {
        None | Some(Value::None) => Ok(Newline::Universal),
        Some(Value::Str(s)) => match s.as_str() {
            "" => Ok(Newline::Untranslated),
            "\n" => Ok(Newline::Lf),
            "\r" => Ok(Newline::Cr),
            "\r\n" => Ok(Newline::CrLf),
            other => Err(PyErr::value_error(format!(
                "illegal newline value: {}",
                other
            ))),
        },
        Some(other) => Err(PyErr::type_error(format!(
            "open() argument 'newline' must be str or None, not {}",
            vm.types.type_name(other)
        ))),
    }
}

/// An optional str argument of `open` (`encoding`, `errors`).
fn opt_str(vm: &Vm, v: &Option<Value>, what: &str) -> RunResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
        Some(other) => Err(PyErr::type_error(format!(
            "open() argument '{}' must be str or None, not {}",
            what,
            vm.types.type_name(other)
        ))),
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`
pub fn builtin_open(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = args::bind(
        "open",
        args,
        kw,
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
    )?;
    let file = file.unwrap_or(Value::None);
    if !args::is_none_or_absent(&opener) {
        return Err(PyErr::not_implemented("open(): the opener argument"));
    }
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
    let buffering = match &buffering {
        None | Some(Value::None) => -1,
        Some(v) => crate::modules::signal::int_arg(vm, v)?,
    };
    let encoding = opt_str(vm, &encoding, "encoding")?;
    let errors_name = opt_str(vm, &errors, "errors")?;
    let closefd = match &closefd {
        None => true,
        Some(v) => vm.truthy(v)?,
    };
    let m = parse_mode(&mode_text)?;
    if m.binary {
        if encoding.is_some() {
            return Err(PyErr::value_error(
                "binary mode doesn't take an encoding argument",
            ));
        }
        if errors_name.is_some() {
            return Err(PyErr::value_error(
                "binary mode doesn't take an errors argument",
            ));
        }
        if !args::is_none_or_absent(&newline) {
            return Err(PyErr::value_error(
                "binary mode doesn't take a newline argument",
            ));
        }
    }
    if buffering == 0 && !m.binary {
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    let text = if m.binary {
        None
    } else {
        Some(Text {
            enc: parse_encoding(encoding.as_deref().unwrap_or("utf-8"))?,
            errors: parse_errors(errors_name.as_deref().unwrap_or("strict"))?,
            newline: parse_newline(vm, &newline)?,
        })
    };
    let fd = open_fd(vm, &file, &m, closefd)?;
    let (readable, writable) = (m.read || m.plus, !m.read || m.plus);
    let mut s = Stream::new(fd, closefd, readable, writable);
    s.text = text;
    let isatty = isatty(fd);
    match buffering {
        0 => s.bufsize = 0,
        1 if text.is_some() => s.line_buffering = true,
        n if n > 1 => s.bufsize = n as usize,
        _ => s.line_buffering = isatty && text.is_some(),
    }
    if m.append {
        // As FileIO: the position starts at the end.
        let _ = rustix::fs::seek(crate::linux::fd::borrow(fd), rustix::fs::SeekFrom::End(0));
    }
    let raw_mode = if m.create_new {
        if m.plus {
            "xb+"
        } else {
            "xb"
        }
    } else if m.append {
        if m.plus {
            "ab+"
        } else {
            "ab"
        }
    } else if m.read || m.plus {
        if m.plus {
            "rb+"
        } else {
            "rb"
        }
    } else {
        "wb"
    };
    let (class, mode_attr) = match (&text, buffering) {
        (Some(_), _) => ("TextIOWrapper", mode_text.clone()),
        (None, 0) => ("FileIO", raw_mode.to_string()),
        (None, _) if readable && writable => ("BufferedRandom", raw_mode.to_string()),
        (None, _) if readable => ("BufferedReader", raw_mode.to_string()),
        (None, _) => ("BufferedWriter", raw_mode.to_string()),
    };
    let s = Rc::new(s);
    if writable {
        stream::register(&s);
    }
    let enc_name = encoding.unwrap_or_else(|| "UTF-8".to_string());
    let errors_name = errors_name.unwrap_or_else(|| "strict".to_string());
    let obj = file_object(
        vm,
        class,
        FileHandle {
            s,
            binary: text.is_none(),
            flush_stdout_first: false,
        },
        file,
        &mode_attr,
    );
    if text.is_some() {
        set(vm, &obj, "encoding", Value::string(enc_name));
        set(vm, &obj, "errors", Value::string(errors_name));
    }
    Ok(obj)
}

/// Opens the fd of `open(file, ...)`: an int is used as is; a FIFO is
/// opened on a helper thread (opening blocks until the other end opens)
/// while signals are handled; a directory is `IsADirectoryError`.
fn open_fd(vm: &mut Vm, file: &Value, m: &Mode, closefd: bool) -> RunResult<i32> {
    use std::os::fd::IntoRawFd;
    let path = match file {
        Value::Int(fd) => {
            let fd = i32::try_from(*fd).map_err(|_| PyErr::overflow_error("fd is out of range"))?;
            if fd < 0 {
                return Err(PyErr::value_error("negative file descriptor"));
            }
            let st = rustix::fs::fstat(crate::linux::fd::borrow(fd))
                .map_err(|e| os_error(&e.into(), None))?;
            if st.st_mode & 0o170000 == 0o040000 {
                return Err(os_error(
                    &std::io::Error::from_raw_os_error(libc::EISDIR),
                    None,
                ));
            }
            return Ok(fd);
        }
        Value::Bool(_) => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.types.type_name(file)
            )))
        }
        Value::Str(p) => p.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(&b.b).into_owned(),
        _ => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.types.type_name(file)
            )))
        }
    };
    if !closefd {
        return Err(PyErr::value_error(
            "Cannot use closefd=False with file name",
        ));
    }
    if path.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    use rustix::fs::{Mode as Perm, OFlags};
    let mut flags = OFlags::CLOEXEC;
    flags |= match (m.read || m.plus, !m.read || m.plus) {
        (true, true) => OFlags::RDWR,
        (false, true) => OFlags::WRONLY,
        _ => OFlags::RDONLY,
    };
    if m.truncate {
        flags |= OFlags::CREATE | OFlags::TRUNC;
    }
    if m.append {
        flags |= OFlags::CREATE | OFlags::APPEND;
    }
    if m.create_new {
        flags |= OFlags::CREATE | OFlags::EXCL;
    }
    let perm = Perm::from_bits_truncate(0o666);
    let is_fifo = rustix::fs::stat(path.as_str()).is_ok_and(|st| st.st_mode & 0o170000 == 0o010000);
    let opened = if is_fifo {
        // The helper's fd, if it opens after a handler raised here, is
        // closed when the abandoned result is dropped.
        let p = path.clone();
        crate::signals::offload::offload(vm, move || rustix::fs::open(p.as_str(), flags, perm))?
    } else {
        rustix::fs::open(path.as_str(), flags, perm)
    };
    let fd = opened.map_err(|e| os_error(&e.into(), Some(file.clone())))?;
    if rustix::fs::fstat(&fd).is_ok_and(|st| st.st_mode & 0o170000 == 0o040000) {
        return Err(os_error(
            &std::io::Error::from_raw_os_error(libc::EISDIR),
            Some(file.clone()),
        ));
    }
    Ok(fd.into_raw_fd())
}

/// A file object of class `class` (its `_io` name) over a handle.
pub fn file_object(
    vm: &mut Vm,
    class: &'static str,
    h: FileHandle,
    name: Value,
    mode: &str,
) -> Value {
    let cls = native_class(vm, class, METHODS);
    let obj = new_native_instance(vm, &cls);
    let text = !h.binary;
    let line_buffering = h.s.line_buffering;
    set(vm, &obj, "_s", Value::native_state(Rc::new(h)));
    set(vm, &obj, "name", name);
    set(vm, &obj, "mode", Value::string(mode.to_string()));
    set(vm, &obj, "closed", Value::Bool(false));
    if text {
        set(vm, &obj, "line_buffering", Value::Bool(line_buffering));
    }
    obj
}

/// A standard stream (`sys.stdin`/`stdout`/`stderr`): a text object over
/// `s` (shared with the VM's own `print` path) with a `buffer` attribute.
pub fn std_stream(vm: &mut Vm, s: &Rc<Stream>, name: &str, mode: &str, stderr: bool) -> Value {
    let h = |binary| FileHandle {
        s: s.clone(),
        binary,
        flush_stdout_first: stderr,
    };
    let obj = file_object(vm, "TextIOWrapper", h(false), Value::str(name), mode);
    let buffer_class = if mode == "r" {
        "BufferedReader"
    } else {
        "BufferedWriter"
    };
    let buffer = file_object(
        vm,
        buffer_class,
        h(true),
        Value::str(name),
        &format!("{}b", mode),
    );
    set(vm, &obj, "buffer", buffer);
    set(vm, &obj, "encoding", Value::str("utf-8"));
    set(vm, &obj, "errors", Value::str("strict"));
    obj
}

/// The stream of a standard fd (0, 1, 2) as CPython sets it up: utf-8;
/// stdout line-buffered on a tty, block-buffered otherwise; stderr
/// written through; never closing the fd.
pub fn std_fd_stream(fd: i32) -> Stream {
    let mut s = Stream::new(fd, false, fd == 0, fd != 0);
    s.text = Some(Text {
        enc: Enc::Utf8,
        errors: Errors::Strict,
        newline: if fd == 0 {
            Newline::Universal
        } else {
            Newline::Lf
        },
    });
    s.line_buffering = fd == 2 || isatty(fd);
    s.write_through = fd == 2;
    s
}

fn isatty(fd: i32) -> bool {
    use std::io::IsTerminal;
    crate::linux::fd::borrow(fd).is_terminal()
}

fn set(vm: &mut Vm, obj: &Value, k: &str, v: Value) {
    if let Value::Instance(inst) = obj {
        let key = vm.intern(k);
        inst.set(&key, v);
    }
}

fn field(vm: &mut Vm, obj: &Value, k: &str) -> Value {
    native_field(vm, obj, k).unwrap_or(Value::None)
}

/// The handle of a file object (open or closed).
fn handle_any(vm: &mut Vm, args: &[Value]) -> RunResult<Rc<FileHandle>> {
    let obj = args::self_arg("file method", args)?;
    native_field(vm, obj, "_s")
        .and_then(|v| v.as_native::<FileHandle>())
        .ok_or_else(|| PyErr::type_error("file method called on a wrong object"))
}

/// The handle of an open file object, or `ValueError` once closed.
fn handle(vm: &mut Vm, args: &[Value]) -> RunResult<Rc<FileHandle>> {
    let h = handle_any(vm, args)?;
    h.s.fd()?;
    Ok(h)
}

/// The fd of an open file object; once closed, the `ValueError` of
/// CPython's raw layer (`fileno`, `readable`, `isatty`...).
fn raw_handle(vm: &mut Vm, args: &[Value]) -> RunResult<Rc<FileHandle>> {
    let h = handle_any(vm, args)?;
    if h.s.is_closed() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(h)
}

fn unsupported(what: &str) -> PyErr {
    PyErr::new(ExcKind::UnsupportedOperation, what.to_string())
}

fn readable_handle(vm: &mut Vm, args: &[Value]) -> RunResult<Rc<FileHandle>> {
    let h = handle(vm, args)?;
    if !h.s.readable {
        return Err(unsupported(if h.s.bufsize == 0 && h.binary {
            "File not open for reading"
        } else if h.binary {
            "read"
        } else {
            "not readable"
        }));
    }
    Ok(h)
}

fn writable_handle(vm: &mut Vm, args: &[Value]) -> RunResult<Rc<FileHandle>> {
    let h = handle(vm, args)?;
    if !h.s.writable {
        return Err(unsupported(if h.s.bufsize == 0 && h.binary {
            "File not open for writing"
        } else if h.binary {
            "write"
        } else {
            "not writable"
        }));
    }
    Ok(h)
}

/// Writes a str (text) or bytes-like value; returns what `write` returns.
fn write_value(vm: &mut Vm, h: &FileHandle, data: &Value) -> RunResult<Value> {
    if h.flush_stdout_first {
        vm.flush_stdout()?;
    }
    match (data, h.binary) {
        (Value::Str(s), false) => {
            let t = h.s.text.expect("text stream");
            let text = s.as_str();
            let line_end = h.s.line_buffering && (text.contains('\n') || text.contains('\r'));
            if t.enc == Enc::Utf8
                && matches!(
                    t.newline,
                    Newline::Universal | Newline::Lf | Newline::Untranslated
                )
            {
                h.s.write_bytes(vm, text.as_bytes(), line_end)?;
            } else {
                let bytes = stream::encode(&t, text)?;
                h.s.write_bytes(vm, &bytes, line_end)?;
            }
            Ok(Value::Int(s.char_len as i64))
        }
        (Value::Bytes(b), true) => {
            let data = b.b.to_vec();
            Ok(Value::Int(h.s.write_bytes(vm, &data, false)? as i64))
        }
        (other, true) if crate::runtime::buffer::is_buffer(other) => {
            let data = crate::runtime::buffer::buffer_bytes(other)?.unwrap_or_default();
            Ok(Value::Int(h.s.write_bytes(vm, &data, false)? as i64))
        }
        (Value::None, false) => Err(PyErr::type_error("write() argument must be str, not None")),
        (other, false) => Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            vm.types.type_name(other)
        ))),
        (other, true) => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.types.type_name(other)
        ))),
    }
}

fn file_write(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("write", kw)?;
    let h = writable_handle(vm, args)?;
    let data = args::one("write", &args[1..])?.clone();
    write_value(vm, &h, &data)
}

fn file_writelines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = writable_handle(vm, args)?;
    let src = args::one("writelines", &args[1..])?.clone();
    for line in vm.collect(&src)? {
        write_value(vm, &h, &line)?;
    }
    Ok(Value::None)
}

/// Bytes read to a text or bytes value.
fn to_value(h: &FileHandle, bytes: Vec<u8>) -> RunResult<Value> {
    match (&h.s.text, h.binary) {
        (Some(t), false) => Ok(Value::string(stream::decode(t, bytes)?)),
        _ => Ok(Value::bytes(bytes)),
    }
}

fn size_arg(vm: &mut Vm, args: &[Value]) -> RunResult<Option<usize>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_))) => {
            let n = crate::modules::signal::int_arg(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        Some(other) => Err(PyErr::type_error(format!(
            "argument should be integer or None, not '{}'",
            vm.types.type_name(other)
        ))),
    }
}

fn file_read(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = readable_handle(vm, args)?;
    let size = size_arg(vm, args)?;
    let bytes = if h.binary {
        h.s.read_bytes(vm, size)?
    } else {
        h.s.read_text_bytes(vm, size)?
    };
    to_value(&h, bytes)
}

/// `readinto(buffer)` of a binary file: reads (through the stream's
/// signal-aware wait) into a local buffer, then copies into `buffer`,
/// which a handler cannot resize meanwhile. Returns the count read.
fn file_readinto(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    if !handle_any(vm, args)?.binary {
        return Err(PyErr::no_attribute("_io.TextIOWrapper", "readinto"));
    }
    args::no_kw("readinto", kw)?;
    let buf = args::one("readinto", &args[1..])?;
    let Some(target) = crate::runtime::buffer::WriteTarget::of(buf) else {
        return Err(PyErr::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.types.type_name(buf)
        )));
    };
    // A buffered writer has no readinto, closed or not (CPython's
    // BufferedIOBase.readinto raises `read`).
    let h = handle_any(vm, args)?;
    if !h.s.readable && h.s.bufsize != 0 {
        return Err(unsupported("read"));
    }
    let h = readable_handle(vm, args)?;
    let data = h.s.read_bytes(vm, Some(target.len()))?;
    target.fill(&data);
    Ok(Value::Int(data.len() as i64))
}

/// One line as a value (empty at end of file).
pub fn read_line(vm: &mut Vm, h: &FileHandle, limit: Option<usize>) -> RunResult<Value> {
    let bytes = h.s.read_line_bytes(vm, limit, h.binary)?;
    to_value(h, bytes)
}

fn file_readline(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = readable_handle(vm, args)?;
    let size = size_arg(vm, args)?;
    read_line(vm, &h, size)
}

fn file_readlines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = readable_handle(vm, args)?;
    let hint = size_arg(vm, args)?.filter(|&n| n > 0);
    let mut out = Vec::new();
    let mut total = 0;
    loop {
        let line = read_line(vm, &h, None)?;
        let n = vm.len(&line)?;
        if n == 0 {
            return Ok(Value::list(out));
        }
        out.push(line);
        total += n;
        if hint.is_some_and(|h| total >= h) {
            return Ok(Value::list(out));
        }
    }
}

fn file_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = readable_handle(vm, args)?;
    let line = read_line(vm, &h, None)?;
    if vm.len(&line)? == 0 {
        return Err(PyErr::stop_iteration());
    }
    Ok(line)
}

fn file_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = handle_any(vm, args)?;
    if h.s.is_closed() {
        return Ok(Value::None);
    }
    set(vm, &args[0], "closed", Value::Bool(true));
    h.s.close(vm)?;
    Ok(Value::None)
}

fn file_enter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    handle(vm, args)?;
    Ok(args[0].clone())
}

fn file_exit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    file_close(vm, &args[..1.min(args.len())], &[])?;
    Ok(Value::None)
}

fn file_flush(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = handle(vm, args)?;
    h.s.flush(vm)?;
    Ok(Value::None)
}

fn file_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(raw_handle(vm, args)?.s.fd()? as i64))
}

fn file_isatty(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let fd = raw_handle(vm, args)?.s.fd()?;
    Ok(Value::Bool(isatty(fd)))
}

fn file_readable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Bool(raw_handle(vm, args)?.s.readable))
}

fn file_writable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Bool(raw_handle(vm, args)?.s.writable))
}

fn file_seekable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Bool(raw_handle(vm, args)?.s.seekable()?))
}

/// Text streams report an unseekable fd as `UnsupportedOperation`.
fn check_seekable(h: &FileHandle) -> RunResult<()> {
    if !h.binary && !h.s.seekable()? {
        return Err(unsupported("underlying stream is not seekable"));
    }
    Ok(())
}

fn file_tell(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = handle(vm, args)?;
    check_seekable(&h)?;
    Ok(Value::Int(h.s.tell()? as i64))
}

fn file_seek(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = handle(vm, args)?;
    args::count("seek", &args[1..], 1, 2)?;
    let off = match &args[1] {
        v @ (Value::Int(_) | Value::Bool(_)) => crate::modules::signal::int_arg(vm, v)?,
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.types.type_name(other)
            )))
        }
    };
    let whence = match args.get(2) {
        None => 0,
        Some(v) => crate::modules::signal::int_arg(vm, v)?,
    };
    check_seekable(&h)?;
    if !h.binary {
        match whence {
            0 if off < 0 => {
                return Err(PyErr::value_error(format!(
                    "negative seek position {}",
                    off
                )))
            }
            1 if off != 0 => return Err(unsupported("can't do nonzero cur-relative seeks")),
            2 if off != 0 => return Err(unsupported("can't do nonzero end-relative seeks")),
            0..=2 => {}
            _ => {
                return Err(PyErr::value_error(format!(
                    "invalid whence ({}, should be 0, 1 or 2)",
                    whence
                )))
            }
        }
        if whence == 1 {
            return Ok(Value::Int(h.s.tell()? as i64));
        }
    } else if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!(
            "whence value {} unsupported",
            whence
        )));
    }
    Ok(Value::Int(h.s.seek(vm, off, whence as i32)? as i64))
}

fn file_truncate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let h = handle(vm, args)?;
    args::count("truncate", &args[1..], 0, 1)?;
    if !h.s.writable {
        return Err(unsupported(if h.s.bufsize == 0 && h.binary {
            "File not open for writing"
        } else {
            "truncate"
        }));
    }
    let size = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::modules::signal::int_arg(vm, v)?),
    };
    Ok(Value::Int(h.s.truncate(vm, size)? as i64))
}

fn file_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args::self_arg("__repr__", args)?.clone();
    let h = handle_any(vm, args)?;
    let name = field(vm, &obj, "name");
    let mode = field(vm, &obj, "mode");
    let (name, mode) = (vm.repr(&name)?, vm.repr(&mode)?);
    let cls = vm.types.type_name(&obj).to_string();
    Ok(Value::string(if !h.binary {
        let enc = field(vm, &obj, "encoding");
        format!(
            "<_io.TextIOWrapper name={} mode={} encoding={}>",
            name,
            mode,
            vm.repr(&enc)?
        )
    } else if cls == "FileIO" {
        if h.s.is_closed() {
            "<_io.FileIO [closed]>".to_string()
        } else {
            format!(
                "<_io.FileIO name={} mode={} closefd={}>",
                name,
                mode,
                if h.s.closefd { "True" } else { "False" }
            )
        }
    } else {
        format!("<_io.{} name={}>", cls, name)
    }))
}
