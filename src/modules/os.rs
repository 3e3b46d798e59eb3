//! The `os` module: processes (`fork`, `execv`/`execvp`, `waitpid` on a
//! pidfd in the wait primitive, `kill`, `system`), fds (`pipe`, `open`,
//! `read`/`write` through the signal-aware I/O of `signals::io`, `close`,
//! `dup`/`dup2`), files and folders, the environment, and (in `os.py`, the
//! Python part) `os.path`, `environ`, `stat_result` and `makedirs`.
//!
//! Pipes sigpy creates are non-blocking at the OS level (DESIGN.md) but
//! behave as blocking ones (a read waits); `os.dup2` onto 0, 1 or 2 and
//! `os.set_inheritable(fd, True)` clear `O_NONBLOCK` (the fd is about to be
//! some program's standard stream, which never starts non-blocking).
//! `O_NONBLOCK` asked for by the program (`os.open`, `os.set_blocking`)
//! keeps CPython's meaning: a read with nothing to read raises
//! `BlockingIOError`.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ffi::CString;
use std::os::fd::{IntoRawFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::rc::Rc;

use crate::builtins::args;
use crate::linux::child::{spawn_shell, ChildSignals};
use crate::linux::fd::borrow;
use crate::linux::poll::{PollFd, POLLIN};
use crate::linux::proc;
use crate::linux::sig::{self, bit};
use crate::runtime::exc::{errno_error, os_error, os_error2, ExcKind, PyErr, RunResult};
use crate::runtime::value::{NativeFn, Value};
use crate::vm::Vm;

macro_rules! table {
    ($($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!("os.", $name)),)*]
    };
}

const FUNCTIONS: &[(&str, NativeFn, &str)] = table!(
    "WEXITSTATUS" => os_wexitstatus,
    "WIFEXITED" => os_wifexited,
    "WIFSIGNALED" => os_wifsignaled,
    "WIFSTOPPED" => os_wifstopped,
    "WSTOPSIG" => os_wstopsig,
    "WTERMSIG" => os_wtermsig,
    "_environ" => os_environ_snapshot,
    "_exit" => os_exit,
    "_scandir" => os_scandir_raw,
    "_stat" => os_stat_raw,
    "access" => os_access,
    "chdir" => os_chdir,
    "close" => os_close,
    "dup" => os_dup,
    "dup2" => os_dup2,
    "execv" => os_execv,
    "execvp" => os_execvp,
    "fork" => os_fork,
    "fsync" => os_fsync,
    "get_blocking" => os_get_blocking,
    "get_inheritable" => os_get_inheritable,
    "getcwd" => os_getcwd,
    "getpgid" => os_getpgid,
    "getpgrp" => os_getpgrp,
    "getpid" => os_getpid,
    "getppid" => os_getppid,
    "isatty" => os_isatty,
    "kill" => os_kill,
    "killpg" => os_killpg,
    "listdir" => os_listdir,
    "lseek" => os_lseek,
    "mkdir" => os_mkdir,
    "mkfifo" => os_mkfifo,
    "open" => os_open,
    "pipe" => os_pipe,
    "putenv" => os_putenv,
    "read" => os_read,
    "readlink" => os_readlink,
    "remove" => os_remove,
    "rename" => os_rename,
    "replace" => os_replace,
    "rmdir" => os_rmdir,
    "set_blocking" => os_set_blocking,
    "set_inheritable" => os_set_inheritable,
    "setsid" => os_setsid,
    "strerror" => os_strerror,
    "symlink" => os_symlink,
    "system" => os_system,
    "unlink" => os_unlink,
    "unsetenv" => os_unsetenv,
    "wait" => os_wait,
    "waitpid" => os_waitpid,
    "waitstatus_to_exitcode" => os_waitstatus_to_exitcode,
    "write" => os_write,
);

/// The int constants (CPython's values on Linux).
const CONSTANTS: &[(&str, i32)] = &[
    ("EX_OK", 0),
    ("F_OK", libc::F_OK),
    ("R_OK", libc::R_OK),
    ("W_OK", libc::W_OK),
    ("X_OK", libc::X_OK),
    ("O_ACCMODE", libc::O_ACCMODE),
    ("O_APPEND", libc::O_APPEND),
    ("O_ASYNC", libc::O_ASYNC),
    ("O_CLOEXEC", libc::O_CLOEXEC),
    ("O_CREAT", libc::O_CREAT),
    ("O_DIRECT", libc::O_DIRECT),
    ("O_DIRECTORY", libc::O_DIRECTORY),
    ("O_DSYNC", libc::O_DSYNC),
    ("O_EXCL", libc::O_EXCL),
    ("O_FSYNC", libc::O_FSYNC),
    ("O_LARGEFILE", 0),
    ("O_NDELAY", libc::O_NDELAY),
    ("O_NOATIME", libc::O_NOATIME),
    ("O_NOCTTY", libc::O_NOCTTY),
    ("O_NOFOLLOW", libc::O_NOFOLLOW),
    ("O_NONBLOCK", libc::O_NONBLOCK),
    ("O_PATH", libc::O_PATH),
    ("O_RDONLY", libc::O_RDONLY),
    ("O_RDWR", libc::O_RDWR),
    ("O_RSYNC", libc::O_RSYNC),
    ("O_SYNC", libc::O_SYNC),
    ("O_TMPFILE", libc::O_TMPFILE),
    ("O_TRUNC", libc::O_TRUNC),
    ("O_WRONLY", libc::O_WRONLY),
    ("SEEK_CUR", libc::SEEK_CUR),
    ("SEEK_DATA", libc::SEEK_DATA),
    ("SEEK_HOLE", libc::SEEK_HOLE),
    ("SEEK_END", libc::SEEK_END),
    ("SEEK_SET", libc::SEEK_SET),
    ("WCONTINUED", libc::WCONTINUED),
    ("WEXITED", libc::WEXITED),
    ("WNOHANG", libc::WNOHANG),
    ("WNOWAIT", libc::WNOWAIT),
    ("WSTOPPED", libc::WSTOPPED),
    ("WUNTRACED", libc::WUNTRACED),
];

/// Creates the `os` module (and `os.path`, filled by the Python part).
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "os", FUNCTIONS);
    for (name, v) in [
        ("sep", "/"),
        ("linesep", "\n"),
        ("devnull", "/dev/null"),
        ("name", "posix"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
    ] {
        super::set_attr(vm, &m, name, Value::str(v));
    }
    super::set_attr(vm, &m, "altsep", Value::None);
    for &(name, v) in CONSTANTS {
        super::set_attr(vm, &m, name, Value::Int(v as i64));
    }
    let error = Value::Class(vm.types.exc(ExcKind::OSError).clone());
    super::set_attr(vm, &m, "error", error);
    let path = Value::Module(super::new_module(vm, "posixpath", &[]));
    super::set_attr(vm, &m, "path", path.clone());
    let key = vm.intern("os.path");
    vm.modules.d.borrow_mut().set_str(key, path);
    Value::Module(m)
}

/// The Python part: `os.path`, `environ`, `getenv`, `stat_result`,
/// `stat`/`lstat`/`fstat`, `makedirs`.
pub const SOURCE: &str = include_str!("os.py");

fn int_arg(vm: &mut Vm, v: &Value) -> RunResult<i32> {
    let n = super::signal::int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| PyErr::overflow_error("signed integer is greater than maximum"))
}

fn os_err(e: std::io::Error) -> PyErr {
    io_err(e)
}

fn os_getpid(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("getpid", args)?;
    Ok(Value::Int(sig::getpid() as i64))
}

fn os_getppid(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("getppid", args)?;
    Ok(Value::Int(sig::getppid() as i64))
}

fn os_getpgrp(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("getpgrp", args)?;
    Ok(Value::Int(sig::getpgid(0).map_err(os_err)? as i64))
}

fn os_getpgid(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("getpgid", kw)?;
    args::count("getpgid", args, 1, 1)?;
    let pid = int_arg(vm, &args[0])?;
    Ok(Value::Int(sig::getpgid(pid).map_err(os_err)? as i64))
}

/// `os.kill(pid, sig)`
fn os_kill(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("kill", kw)?;
    args::count("kill", args, 2, 2)?;
    let pid = int_arg(vm, &args[0])?;
    let signum = int_arg(vm, &args[1])?;
    crate::signals::send(vm, crate::signals::Target::Process(pid), signum)?;
    Ok(Value::None)
}

/// `os.killpg(pgid, sig)`
fn os_killpg(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("killpg", kw)?;
    args::count("killpg", args, 2, 2)?;
    let pgrp = int_arg(vm, &args[0])?;
    let signum = int_arg(vm, &args[1])?;
    crate::signals::send(vm, crate::signals::Target::Group(pgrp), signum)?;
    Ok(Value::None)
}

/// The signal state children start with (SIGNALS.md section 7): the
/// mask sigpy inherited, SIG_IGN only where it was inherited, SIGPIPE and
/// SIGXFSZ at their default (as CPython's `restore_signals`; Rust's
/// runtime ignores SIGPIPE before `main`, so its inherited disposition
/// cannot be known anyway).
pub fn child_signals() -> ChildSignals {
    let inh = crate::signals::inherited();
    ChildSignals {
        mask: inh.mask & !(bit(libc::SIGKILL) | bit(libc::SIGSTOP)),
        ignored: inh.ignored & !(bit(libc::SIGPIPE) | bit(libc::SIGXFSZ)),
    }
}

/// `os.system(command)`: the raw wait status of `/bin/sh -c command`.
fn os_system(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [cmd] = args::bind("system", args, kw, ["command"], 1)?;
    let cmd = match cmd {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.types.type_name(&other)
            )))
        }
        None => String::new(),
    };
    if cmd.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    let mut child = spawn_shell(&cmd, child_signals()).map_err(os_err)?;
    loop {
        if let Some(status) = child.try_status().map_err(os_err)? {
            // The kernel queued SIGCHLD before the child could be reaped:
            // its handler runs before system() returns, as under CPython.
            crate::signals::poll_now(vm)?;
            return Ok(Value::Int(status as i64));
        }
        let mut fds = [PollFd::new(child.pidfd(), POLLIN)];
        crate::signals::wait(vm, &mut fds, None)?;
    }
}

// === Arguments ===

/// A path argument: its bytes (no NUL inside) and the value to name in
/// errors, or an fd where the function accepts one.
enum PathArg {
    Path(CString, Value),
    Fd(RawFd),
}

impl PathArg {
    fn path(self) -> (CString, Value) {
        match self {
            PathArg::Path(c, v) => (c, v),
            PathArg::Fd(_) => unreachable!("fd where only paths are accepted"),
        }
    }
}

/// What a function accepts in place of a path, for the TypeError text.
#[derive(Clone, Copy, PartialEq)]
enum Accepts {
    Path,
    PathOrFd,
    PathFdOrNone,
}

/// A str, bytes or `os.PathLike` path (an int fd too where `accepts`
/// says), with CPython's TypeError: `stat: path should be string, bytes,
/// os.PathLike or integer, not float`.
fn path_arg(
    vm: &mut Vm,
    fname: &str,
    argname: &str,
    v: &Value,
    accepts: Accepts,
) -> RunResult<PathArg> {
    let v = fspath(vm, v)?.unwrap_or_else(|| v.clone());
    let bytes: Vec<u8> = match &v {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.b.to_vec(),
        Value::Int(_) | Value::Bool(_) if accepts != Accepts::Path => {
            return Ok(PathArg::Fd(fd_arg(vm, &v)?));
        }
        other => {
            let what = match accepts {
                Accepts::Path => "string, bytes or os.PathLike",
                Accepts::PathOrFd => "string, bytes, os.PathLike or integer",
                Accepts::PathFdOrNone => "string, bytes, os.PathLike, integer or None",
            };
            return Err(PyErr::type_error(format!(
                "{}: {} should be {}, not {}",
                fname,
                argname,
                what,
                vm.types.type_name(other)
            )));
        }
    };
    match CString::new(bytes) {
        Ok(c) => Ok(PathArg::Path(c, v)),
        Err(_) => Err(PyErr::value_error("embedded null byte")),
    }
}

/// `__fspath__` of an `os.PathLike` instance, if it has one.
fn fspath(vm: &mut Vm, v: &Value) -> RunResult<Option<Value>> {
    let Value::Instance(inst) = v else {
        return Ok(None);
    };
    let name = vm.intern("__fspath__");
    match crate::vm::ops::attr::class_lookup(&inst.class, &name) {
        Some(f) => Ok(Some(vm.call_value(&f, std::slice::from_ref(v), &[])?)),
        None => Ok(None),
    }
}

/// A str/bytes argument of `execv`, `putenv`...: `expected str, bytes or
/// os.PathLike object, not int`.
fn cstring_arg(vm: &mut Vm, v: &Value) -> RunResult<CString> {
    let v = fspath(vm, v)?.unwrap_or_else(|| v.clone());
    let bytes: Vec<u8> = match &v {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.b.to_vec(),
        other => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.types.type_name(other)
            )))
        }
    };
    CString::new(bytes).map_err(|_| PyErr::value_error("embedded null byte"))
}

/// An fd argument (a C int).
fn fd_arg(vm: &mut Vm, v: &Value) -> RunResult<RawFd> {
    let n = super::signal::int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| {
        PyErr::overflow_error(if n > 0 {
            "signed integer is greater than maximum"
        } else {
            "signed integer is less than minimum"
        })
    })
}

/// Fails with EBADF for a negative fd (which Rust fd types cannot hold).
fn valid_fd(fd: RawFd) -> RunResult<RawFd> {
    if fd < 0 {
        Err(errno_error(libc::EBADF))
    } else {
        Ok(fd)
    }
}

fn io_err(e: impl Into<std::io::Error>) -> PyErr {
    os_error(&e.into(), None)
}

fn path_err(e: impl Into<std::io::Error>, path: &Value) -> PyErr {
    os_error(&e.into(), Some(path.clone()))
}

thread_local! {
    /// The fds the program made non-blocking itself (`os.open(...,
    /// O_NONBLOCK)`, `os.set_blocking(fd, False)`): their reads and writes
    /// are one system call that may raise `BlockingIOError`, as in
    /// CPython. Every other non-blocking fd is one sigpy made so, which
    /// behaves as a blocking one.
    static USER_NONBLOCKING: RefCell<HashSet<RawFd>> = RefCell::new(HashSet::new());
}

fn user_nonblocking(fd: RawFd) -> bool {
    USER_NONBLOCKING.with(|s| s.borrow().contains(&fd))
}

fn mark_user_nonblocking(fd: RawFd, on: bool) {
    USER_NONBLOCKING.with(|s| {
        let mut s = s.borrow_mut();
        if on {
            s.insert(fd);
        } else {
            s.remove(&fd);
        }
    });
}

// === Files and folders ===

fn os_getcwd(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("posix.getcwd", args)?;
    let d = std::env::current_dir().map_err(io_err)?;
    Ok(Value::string(d.to_string_lossy().into_owned()))
}

fn os_chdir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path] = args::bind("chdir", args, kw, ["path"], 1)?;
    let path = path.unwrap_or(Value::None);
    match path_arg(vm, "chdir", "path", &path, Accepts::PathOrFd)? {
        PathArg::Fd(fd) => rustix::process::fchdir(borrow(valid_fd(fd)?)).map_err(io_err)?,
        PathArg::Path(c, v) => rustix::process::chdir(c.as_c_str()).map_err(|e| path_err(e, &v))?,
    }
    Ok(Value::None)
}

/// `os.listdir(path='.')`: names in directory order, without `.`/`..`;
/// bytes names for a bytes path.
fn os_listdir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path] = args::bind("listdir", args, kw, ["path"], 0)?;
    let path = path.unwrap_or(Value::None);
    let (c, shown, as_bytes) = if path.is_none() {
        (
            CString::new(".").unwrap_or_default(),
            Value::str("."),
            false,
        )
    } else {
        match path_arg(vm, "listdir", "path", &path, Accepts::PathFdOrNone)? {
            PathArg::Fd(_) => {
                return Err(PyErr::not_implemented(
                    "sigpy's os.listdir does not take an fd",
                ))
            }
            PathArg::Path(c, v) => {
                let b = matches!(v, Value::Bytes(_));
                (c, v, b)
            }
        }
    };
    let names = dir_entries(&c, &shown, as_bytes)?
        .into_iter()
        .map(|(_, name)| name)
        .collect();
    Ok(Value::list(names))
}

/// The entries of the folder `c` in directory order, each with its name
/// (bytes when `as_bytes`); errors name the folder as `shown`.
fn dir_entries(
    c: &CString,
    shown: &Value,
    as_bytes: bool,
) -> RunResult<Vec<(std::fs::DirEntry, Value)>> {
    let dir = std::path::Path::new(std::ffi::OsStr::from_bytes(c.as_bytes()));
    let entries = std::fs::read_dir(dir).map_err(|e| os_error(&e, Some(shown.clone())))?;
    let mut out = Vec::new();
    for ent in entries {
        let ent = ent.map_err(|e| os_error(&e, Some(shown.clone())))?;
        let name = ent.file_name();
        let name = if as_bytes {
            Value::bytes(name.as_bytes().to_vec())
        } else {
            Value::string(name.to_string_lossy().into_owned())
        };
        out.push((ent, name));
    }
    Ok(out)
}

/// `_scandir(path)`: the entries of a folder as (name, d_type code, inode)
/// tuples (code 0 unknown, 1 dir, 2 file, 3 symlink, 4 other), names as
/// bytes for a bytes path; the Python part builds `DirEntry` objects.
fn os_scandir_raw(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("_scandir", args, 1, 1)?;
    let (c, shown) = match path_arg(vm, "scandir", "path", &args[0], Accepts::PathFdOrNone)? {
        PathArg::Fd(_) => {
            return Err(PyErr::not_implemented(
                "sigpy's os.scandir does not take an fd",
            ))
        }
        PathArg::Path(c, v) => (c, v),
    };
    let as_bytes = matches!(shown, Value::Bytes(_));
    let mut out = Vec::new();
    for (ent, name) in dir_entries(&c, &shown, as_bytes)? {
        let kind = match ent.file_type() {
            Ok(t) if t.is_dir() => 1,
            Ok(t) if t.is_file() => 2,
            Ok(t) if t.is_symlink() => 3,
            Ok(_) => 4,
            Err(_) => 0,
        };
        let ino = std::os::unix::fs::DirEntryExt::ino(&ent);
        out.push(Value::tuple(vec![
            name,
            Value::Int(kind),
            Value::Int(ino as i64),
        ]));
    }
    Ok(Value::list(out))
}

/// `os.access(path, mode, *, dir_fd=None, effective_ids=False,
/// follow_symlinks=True)`: True if the real uid may (F_OK: the path
/// exists); any failure, a bad mode included, is False.
fn os_access(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path, mode, dir_fd, effective_ids, follow] = args::bind(
        "access",
        args,
        kw,
        ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
    )?;
    let path = path.unwrap_or(Value::None);
    let (c, _) = path_arg(vm, "access", "path", &path, Accepts::Path)?.path();
    let mode = fd_arg(vm, &mode.unwrap_or(Value::None))?;
    let mut flags = 0;
    if let Some(v) = effective_ids {
        if vm.truthy(&v)? {
            flags |= libc::AT_EACCESS;
        }
    }
    if let Some(v) = follow {
        if !vm.truthy(&v)? {
            flags |= libc::AT_SYMLINK_NOFOLLOW;
        }
    }
    if dir_fd.is_some_and(|v| !v.is_none()) {
        return Err(PyErr::not_implemented(
            "sigpy's os.access does not take dir_fd",
        ));
    }
    let ok = rustix::fs::accessat(
        rustix::fs::CWD,
        c.as_c_str(),
        rustix::fs::Access::from_bits_retain(mode as u32),
        rustix::fs::AtFlags::from_bits_retain(flags as u32),
    )
    .is_ok();
    Ok(Value::Bool(ok))
}

/// `os.lseek(fd, position, whence)`: the new offset from the start.
fn os_lseek(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("lseek", kw)?;
    args::count("lseek", args, 3, 3)?;
    let fd = fd_arg(vm, &args[0])?;
    let pos = match &args[1] {
        Value::BigInt(_) => {
            return Err(PyErr::overflow_error(
                "Python int too large to convert to C long",
            ))
        }
        v => super::signal::int_arg(vm, v)?,
    };
    let whence = fd_arg(vm, &args[2])?;
    let from = match whence {
        libc::SEEK_SET if pos >= 0 => rustix::fs::SeekFrom::Start(pos as u64),
        libc::SEEK_CUR => rustix::fs::SeekFrom::Current(pos),
        libc::SEEK_END => rustix::fs::SeekFrom::End(pos),
        libc::SEEK_DATA => rustix::fs::SeekFrom::Data(pos),
        libc::SEEK_HOLE => rustix::fs::SeekFrom::Hole(pos),
        _ => {
            // A negative SEEK_SET offset or an unknown whence: the
            // kernel's EINVAL (a bad fd is still EBADF first).
            rustix::fs::fstat(borrow(valid_fd(fd)?)).map_err(io_err)?;
            return Err(errno_error(libc::EINVAL));
        }
    };
    let n = rustix::fs::seek(borrow(valid_fd(fd)?), from).map_err(io_err)?;
    Ok(Value::Int(n as i64))
}

/// `os.mkfifo(path, mode=0o666, *, dir_fd=None)`; as CPython, its error
/// names no file.
fn os_mkfifo(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path, mode, dir_fd] = args::bind("mkfifo", args, kw, ["path", "mode", "dir_fd"], 1)?;
    let path = path.unwrap_or(Value::None);
    let (c, _) = path_arg(vm, "mkfifo", "path", &path, Accepts::Path)?.path();
    let mode = mode_arg(vm, mode, 0o666)?;
    if dir_fd.is_some_and(|v| !v.is_none()) {
        return Err(PyErr::not_implemented(
            "sigpy's os.mkfifo does not take dir_fd",
        ));
    }
    rustix::fs::mknodat(
        rustix::fs::CWD,
        c.as_c_str(),
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(mode),
        0,
    )
    .map_err(io_err)?;
    Ok(Value::None)
}

/// `os.symlink(src, dst, target_is_directory=False, *, dir_fd=None)`
fn os_symlink(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [src, dst, _is_dir, dir_fd] = args::bind(
        "symlink",
        args,
        kw,
        ["src", "dst", "target_is_directory", "dir_fd"],
        2,
    )?;
    let (src, dst) = (src.unwrap_or(Value::None), dst.unwrap_or(Value::None));
    let (a, av) = path_arg(vm, "symlink", "src", &src, Accepts::Path)?.path();
    let (b, bv) = path_arg(vm, "symlink", "dst", &dst, Accepts::Path)?.path();
    if dir_fd.is_some_and(|v| !v.is_none()) {
        return Err(PyErr::not_implemented(
            "sigpy's os.symlink does not take dir_fd",
        ));
    }
    rustix::fs::symlink(a.as_c_str(), b.as_c_str())
        .map_err(|e| os_error2(&e.into(), Some(av), Some(bv)))?;
    Ok(Value::None)
}

/// `os.readlink(path)`: the target of a symbolic link (bytes for a bytes
/// path).
fn os_readlink(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path, dir_fd] = args::bind("readlink", args, kw, ["path", "dir_fd"], 1)?;
    let path = path.unwrap_or(Value::None);
    let (c, v) = path_arg(vm, "readlink", "path", &path, Accepts::Path)?.path();
    if dir_fd.is_some_and(|v| !v.is_none()) {
        return Err(PyErr::not_implemented(
            "sigpy's os.readlink does not take dir_fd",
        ));
    }
    let target = rustix::fs::readlink(c.as_c_str(), Vec::new()).map_err(|e| path_err(e, &v))?;
    Ok(if matches!(v, Value::Bytes(_)) {
        Value::bytes(target.into_bytes())
    } else {
        Value::string(String::from_utf8_lossy(target.as_bytes()).into_owned())
    })
}

fn mode_arg(vm: &mut Vm, v: Option<Value>, default: u32) -> RunResult<u32> {
    match v {
        None => Ok(default),
        Some(v) => Ok(fd_arg(vm, &v)? as u32),
    }
}

fn os_mkdir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path, mode] = args::bind("mkdir", args, kw, ["path", "mode"], 1)?;
    let path = path.unwrap_or(Value::None);
    let (c, v) = path_arg(vm, "mkdir", "path", &path, Accepts::Path)?.path();
    let mode = mode_arg(vm, mode, 0o777)?;
    rustix::fs::mkdir(c.as_c_str(), rustix::fs::Mode::from_raw_mode(mode))
        .map_err(|e| path_err(e, &v))?;
    Ok(Value::None)
}

fn os_rmdir(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path] = args::bind("rmdir", args, kw, ["path"], 1)?;
    let path = path.unwrap_or(Value::None);
    let (c, v) = path_arg(vm, "rmdir", "path", &path, Accepts::Path)?.path();
    rustix::fs::rmdir(c.as_c_str()).map_err(|e| path_err(e, &v))?;
    Ok(Value::None)
}

fn unlink_as(vm: &mut Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path] = args::bind(fname, args, kw, ["path"], 1)?;
    let path = path.unwrap_or(Value::None);
    let (c, v) = path_arg(vm, fname, "path", &path, Accepts::Path)?.path();
    rustix::fs::unlink(c.as_c_str()).map_err(|e| path_err(e, &v))?;
    Ok(Value::None)
}

/// `os.remove(path)`
fn os_remove(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    unlink_as(vm, "remove", args, kw)
}

/// `os.unlink(path)`
fn os_unlink(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    unlink_as(vm, "unlink", args, kw)
}

fn rename_as(vm: &mut Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [src, dst] = args::bind(fname, args, kw, ["src", "dst"], 2)?;
    let (src, dst) = (src.unwrap_or(Value::None), dst.unwrap_or(Value::None));
    let (a, av) = path_arg(vm, fname, "src", &src, Accepts::Path)?.path();
    let (b, bv) = path_arg(vm, fname, "dst", &dst, Accepts::Path)?.path();
    rustix::fs::rename(a.as_c_str(), b.as_c_str())
        .map_err(|e| os_error2(&e.into(), Some(av), Some(bv)))?;
    Ok(Value::None)
}

/// `os.rename(src, dst)`
fn os_rename(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    rename_as(vm, "rename", args, kw)
}

/// `os.replace(src, dst)`
fn os_replace(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    rename_as(vm, "replace", args, kw)
}

/// `_stat(path, follow_symlinks, fname)`: the raw fields the Python part
/// turns into a `stat_result`: (mode, ino, dev, nlink, uid, gid, size,
/// atime s, ns, mtime s, ns, ctime s, ns, blksize, blocks, rdev).
fn os_stat_raw(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("_stat", args, 3, 3)?;
    let fname = match &args[2] {
        Value::Str(s) => s.as_str().to_string(),
        _ => "stat".to_string(),
    };
    let follow = vm.truthy(&args[1])?;
    let st = match path_arg(vm, &fname, "path", &args[0], Accepts::PathOrFd)? {
        PathArg::Fd(fd) => {
            // `stat(fd)` names the fd in its error, `fstat(fd)` does not.
            let shown = Some(Value::Int(fd as i64)).filter(|_| fname != "fstat");
            rustix::fs::fstat(borrow(valid_fd(fd)?)).map_err(|e| os_error(&e.into(), shown))?
        }
        PathArg::Path(c, v) => {
            let r = if follow {
                rustix::fs::stat(c.as_c_str())
            } else {
                rustix::fs::lstat(c.as_c_str())
            };
            r.map_err(|e| path_err(e, &v))?
        }
    };
    #[allow(clippy::unnecessary_cast)]
    let fields = [
        st.st_mode as i64,
        st.st_ino as i64,
        st.st_dev as i64,
        st.st_nlink as i64,
        st.st_uid as i64,
        st.st_gid as i64,
        st.st_size as i64,
        st.st_atime as i64,
        st.st_atime_nsec as i64,
        st.st_mtime as i64,
        st.st_mtime_nsec as i64,
        st.st_ctime as i64,
        st.st_ctime_nsec as i64,
        st.st_blksize as i64,
        st.st_blocks as i64,
        st.st_rdev as i64,
    ];
    Ok(Value::tuple(
        fields.iter().map(|&n| Value::Int(n)).collect(),
    ))
}

/// An fd argument given as an int or an object with `fileno()` (`fsync`).
fn fileno_arg(vm: &mut Vm, v: &Value) -> RunResult<RawFd> {
    match v {
        Value::Int(_) | Value::Bool(_) => fd_arg(vm, v),
        Value::Instance(_) => {
            let name = vm.intern("fileno");
            let f = vm.get_attr(v, &name).map_err(|_| {
                PyErr::type_error("argument must be an int, or have a fileno() method.")
            })?;
            let r = vm.call_value(&f, &[], &[])?;
            fd_arg(vm, &r)
        }
        _ => Err(PyErr::type_error(
            "argument must be an int, or have a fileno() method.",
        )),
    }
}

fn os_fsync(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [fd] = args::bind("fsync", args, kw, ["fd"], 1)?;
    let fd = fileno_arg(vm, &fd.unwrap_or(Value::None))?;
    rustix::fs::fsync(borrow(valid_fd(fd)?)).map_err(io_err)?;
    Ok(Value::None)
}

// === fds ===

/// `os.open(path, flags, mode=0o777)`: a non-inheritable fd; a FIFO's
/// open waits in the wait primitive (see `signals::io::open`).
fn os_open(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path, flags, mode] = args::bind("open", args, kw, ["path", "flags", "mode"], 2)?;
    let path = path.unwrap_or(Value::None);
    let (c, v) = path_arg(vm, "open", "path", &path, Accepts::Path)?.path();
    let flags = fd_arg(vm, &flags.unwrap_or(Value::None))?;
    let mode = mode_arg(vm, mode, 0o777)?;
    let fd = crate::signals::io::open(vm, c.as_c_str(), flags, mode)?
        .map_err(|e| os_error(&e, Some(v)))?
        .into_raw_fd();
    mark_user_nonblocking(fd, flags & libc::O_NONBLOCK != 0);
    Ok(Value::Int(fd as i64))
}

/// `os.pipe()`: (read end, write end), non-inheritable. Non-blocking at
/// the OS level (DESIGN.md), blocking as the program sees them.
fn os_pipe(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("posix.pipe", args)?;
    let flags = rustix::pipe::PipeFlags::CLOEXEC | rustix::pipe::PipeFlags::NONBLOCK;
    let (r, w) = rustix::pipe::pipe_with(flags).map_err(io_err)?;
    let (r, w) = (r.into_raw_fd(), w.into_raw_fd());
    mark_user_nonblocking(r, false);
    mark_user_nonblocking(w, false);
    Ok(Value::tuple(vec![
        Value::Int(r as i64),
        Value::Int(w as i64),
    ]))
}

/// `os.read(fd, n)`: up to n bytes, waiting (through the wait primitive)
/// until the fd has some or is at its end.
fn os_read(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("read", kw)?;
    args::count("read", args, 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let n = args::ssize(vm, &args[1])?;
    if n < 0 {
        return Err(errno_error(libc::EINVAL));
    }
    let fd = valid_fd(fd)?;
    let n = n as usize;
    args::check_alloc(n)?;
    let mut buf = vec![0u8; n];
    let got = if user_nonblocking(fd) {
        rustix::io::read(borrow(fd), &mut buf).map_err(io_err)?
    } else {
        crate::signals::io::read(vm, fd, &mut buf, None)?.unwrap_or(0)
    };
    buf.truncate(got);
    Ok(Value::bytes(buf))
}

/// `os.write(fd, data)`: how many bytes one write took, after waiting
/// (through the wait primitive) until the fd accepts some.
fn os_write(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("write", kw)?;
    args::count("write", args, 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    // A copy of a mutable buffer: no borrow is held while the call waits.
    let Some(data) = crate::runtime::buffer::buffer_bytes(&args[1])? else {
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.types.type_name(&args[1])
        )));
    };
    let fd = valid_fd(fd)?;
    let n = if user_nonblocking(fd) {
        rustix::io::write(borrow(fd), &data).map_err(io_err)?
    } else {
        crate::signals::io::write(vm, fd, &data, None)?.unwrap_or(0)
    };
    Ok(Value::Int(n as i64))
}

fn os_close(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [fd] = args::bind("close", args, kw, ["fd"], 1)?;
    let fd = fd_arg(vm, &fd.unwrap_or(Value::None))?;
    mark_user_nonblocking(fd, false);
    proc::close(fd).map_err(io_err)?;
    Ok(Value::None)
}

/// `os.dup(fd)`: a non-inheritable copy.
fn os_dup(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("dup", kw)?;
    args::count("dup", args, 1, 1)?;
    let fd = valid_fd(fd_arg(vm, &args[0])?)?;
    let new = rustix::io::fcntl_dupfd_cloexec(borrow(fd), 0).map_err(io_err)?;
    Ok(Value::Int(new.into_raw_fd() as i64))
}

/// `os.dup2(fd, fd2, inheritable=True)`. Onto 0, 1 or 2 the file
/// description leaves non-blocking mode (a standard stream never starts
/// non-blocking: a child given this fd must not see `EAGAIN`).
fn os_dup2(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [fd, fd2, inheritable] = args::bind("dup2", args, kw, ["fd", "fd2", "inheritable"], 2)?;
    let fd = fd_arg(vm, &fd.unwrap_or(Value::None))?;
    let fd2 = fd_arg(vm, &fd2.unwrap_or(Value::None))?;
    let inheritable = match inheritable {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    if fd < 0 || fd2 < 0 {
        return Err(errno_error(libc::EBADF));
    }
    let r = proc::dup2(fd, fd2, inheritable).map_err(io_err)?;
    mark_user_nonblocking(fd2, user_nonblocking(fd));
    if (0..=2).contains(&fd2) && !user_nonblocking(fd) {
        proc::set_nonblocking(fd2, false).map_err(io_err)?;
    }
    Ok(Value::Int(r as i64))
}

fn os_get_blocking(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("get_blocking", kw)?;
    args::count("get_blocking", args, 1, 1)?;
    let fd = valid_fd(fd_arg(vm, &args[0])?)?;
    crate::signals::io::is_nonblocking(fd).map_err(io_err)?;
    Ok(Value::Bool(!user_nonblocking(fd)))
}

fn os_set_blocking(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("set_blocking", kw)?;
    args::count("set_blocking", args, 2, 2)?;
    let fd = valid_fd(fd_arg(vm, &args[0])?)?;
    let blocking = vm.truthy(&args[1])?;
    proc::set_nonblocking(fd, !blocking).map_err(io_err)?;
    mark_user_nonblocking(fd, !blocking);
    Ok(Value::None)
}

fn os_get_inheritable(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("get_inheritable", kw)?;
    args::count("get_inheritable", args, 1, 1)?;
    let fd = valid_fd(fd_arg(vm, &args[0])?)?;
    Ok(Value::Bool(proc::inheritable(fd).map_err(io_err)?))
}

/// `os.set_inheritable(fd, True)` also leaves non-blocking mode (the fd
/// is for another program, which expects a blocking one).
fn os_set_inheritable(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("set_inheritable", kw)?;
    args::count("set_inheritable", args, 2, 2)?;
    let fd = valid_fd(fd_arg(vm, &args[0])?)?;
    let on = vm.truthy(&args[1])?;
    proc::set_inheritable(fd, on).map_err(io_err)?;
    if on && !user_nonblocking(fd) {
        proc::set_nonblocking(fd, false).map_err(io_err)?;
    }
    Ok(Value::None)
}

fn os_isatty(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("isatty", kw)?;
    args::count("isatty", args, 1, 1)?;
    let fd = fd_arg(vm, &args[0])?;
    Ok(Value::Bool(proc::isatty(fd)))
}

// === Environment, errors, sessions ===

/// `_environ()`: the environment at import, as a dict of str.
fn os_environ_snapshot(vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let d = crate::runtime::value::PyDict::default();
    for (k, v) in std::env::vars_os() {
        let k = Value::string(k.to_string_lossy().into_owned());
        let v = Value::string(v.to_string_lossy().into_owned());
        vm.dict_set(&d, k, v)?;
    }
    Ok(Value::Dict(Rc::new(d)))
}

fn os_putenv(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("putenv", kw)?;
    args::count("putenv", args, 2, 2)?;
    let name = cstring_arg(vm, &args[0])?;
    let value = cstring_arg(vm, &args[1])?;
    if name.as_bytes().contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    proc::setenv(&name, &value).map_err(io_err)?;
    Ok(Value::None)
}

fn os_unsetenv(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("unsetenv", kw)?;
    args::count("unsetenv", args, 1, 1)?;
    let name = cstring_arg(vm, &args[0])?;
    proc::unsetenv(&name).map_err(io_err)?;
    Ok(Value::None)
}

fn os_strerror(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("strerror", kw)?;
    args::count("strerror", args, 1, 1)?;
    let n = fd_arg(vm, &args[0])?;
    let e = std::io::Error::from_raw_os_error(n);
    Ok(Value::string(crate::runtime::exc::strerror_text(&e)))
}

fn os_setsid(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("posix.setsid", args)?;
    proc::setsid().map_err(io_err)?;
    Ok(Value::None)
}

// === Processes ===

/// `os.fork()`: the child gets a runtime of its own (no queued signal of
/// the parent, a new signalfd and watcher), and ends the process itself
/// at the end of its exit sequence. Output still buffered is not flushed
/// first (as CPython: both processes would write it; flush before).
fn os_fork(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("posix.fork", args)?;
    let pid = proc::fork().map_err(io_err)?;
    if pid == 0 {
        crate::signals::after_fork_child(vm);
    }
    Ok(Value::Int(pid as i64))
}

/// `os._exit(n)`: ends the process at once (no atexit, no flush).
fn os_exit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [status] = args::bind("_exit", args, kw, ["status"], 1)?;
    let n = fd_arg(vm, &status.unwrap_or(Value::None))?;
    proc::exit_now(n)
}

/// The argument list of `execv`/`execvp`, with CPython's checks.
fn exec_argv(vm: &mut Vm, fname: &str, v: &Value) -> RunResult<Vec<CString>> {
    let items: Vec<Value> = match v {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.to_vec(),
        _ => {
            return Err(PyErr::type_error(format!(
                "{}() arg 2 must be a tuple or list",
                fname
            )))
        }
    };
    if items.is_empty() {
        return Err(PyErr::value_error(format!(
            "{}() arg 2 must not be empty",
            fname
        )));
    }
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(cstring_arg(vm, item)?);
    }
    if out[0].as_bytes().is_empty() {
        return Err(PyErr::value_error(format!(
            "{}() arg 2 first element cannot be empty",
            fname
        )));
    }
    Ok(out)
}

/// `execv`/`execvp`: the new program starts with the signal mask and
/// dispositions sigpy inherited (SIGNALS.md section 7) and without
/// sigpy's own fds (all close-on-exec). If the exec fails, the signal
/// state is put back and the error raised. As in CPython, output still
/// buffered is not flushed first.
fn exec_as(vm: &mut Vm, fname: &str, args: &[Value], search: bool) -> RunResult<Value> {
    args::count_old(fname, args, 2, 2)?;
    let path = cstring_arg(vm, &args[0])?;
    let argv = exec_argv(vm, "execv", &args[1])?;
    let saved = crate::linux::child::current_signals();
    crate::linux::child::reset_signals(child_signals());
    let e = proc::exec(&path, &argv, search);
    crate::linux::child::reset_signals(saved);
    Err(io_err(e))
}

fn os_execv(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("execv", kw)?;
    exec_as(vm, "execv", args, false)
}

fn os_execvp(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("execvp", kw)?;
    exec_as(vm, "execvp", args, true)
}

/// `os.waitpid(pid, options)`: (pid, raw status), or (0, 0) with
/// `WNOHANG` when no child has changed state. Waiting happens in the wait
/// primitive: on a pidfd for one child, else (any child, a group, or
/// stops with `WUNTRACED`) on a helper thread blocked in
/// `waitid(WNOWAIT)`, after which the child is reaped here. Handlers run
/// before the child is reaped (a raising one leaves it unreaped), as
/// CPython runs them on EINTR before retrying.
fn os_waitpid(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("waitpid", kw)?;
    args::count_old("waitpid", args, 2, 2)?;
    let pid = fd_arg(vm, &args[0])?;
    let options = fd_arg(vm, &args[1])?;
    let (p, status) = waitpid(vm, pid, options)?;
    Ok(Value::tuple(vec![
        Value::Int(p as i64),
        Value::Int(status as i64),
    ]))
}

/// `os.wait()`: `waitpid(-1, 0)`.
fn os_wait(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("posix.wait", args)?;
    let (p, status) = waitpid(vm, -1, 0)?;
    Ok(Value::tuple(vec![
        Value::Int(p as i64),
        Value::Int(status as i64),
    ]))
}

fn waitpid(vm: &mut Vm, pid: i32, options: i32) -> RunResult<(i32, i32)> {
    let nohang = options & libc::WNOHANG != 0;
    let mut pidfd: Option<std::os::fd::OwnedFd> = None;
    loop {
        let r = loop {
            match proc::waitpid(pid, options | libc::WNOHANG) {
                Err(e) if e.raw_os_error() == Some(libc::EINTR) => continue,
                r => break r.map_err(io_err)?,
            }
        };
        if r.0 != 0 || nohang {
            // The kernel queued SIGCHLD before the child could be reaped:
            // its handler runs before waitpid returns, as under CPython.
            crate::signals::poll_now(vm)?;
            return Ok(r);
        }
        let stops = options & (libc::WUNTRACED | libc::WCONTINUED) != 0;
        if pid > 0 && !stops && pidfd.is_none() {
            let p = rustix::process::Pid::from_raw(pid);
            pidfd = p.and_then(|p| {
                rustix::process::pidfd_open(p, rustix::process::PidfdFlags::empty()).ok()
            });
        }
        match &pidfd {
            Some(fd) => {
                let raw = std::os::fd::AsRawFd::as_raw_fd(fd);
                crate::signals::io::wait_pidfd(vm, raw, None)?;
            }
            None => {
                crate::signals::offload::offload(vm, move || proc::wait_child_ready(pid, options))?
                    .map_err(io_err)?;
            }
        }
        crate::signals::poll_now(vm)?;
    }
}

/// A wait status argument (a C int).
fn status_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: &[(Value, Value)]) -> RunResult<i32> {
    let [status] = args::bind(fname, args, kw, ["status"], 1)?;
    fd_arg(vm, &status.unwrap_or(Value::None))
}

fn os_wifexited(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let s = status_arg(vm, "WIFEXITED", args, kw)?;
    Ok(Value::Bool(libc::WIFEXITED(s)))
}

fn os_wexitstatus(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let s = status_arg(vm, "WEXITSTATUS", args, kw)?;
    Ok(Value::Int(libc::WEXITSTATUS(s) as i64))
}

fn os_wifsignaled(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let s = status_arg(vm, "WIFSIGNALED", args, kw)?;
    Ok(Value::Bool(libc::WIFSIGNALED(s)))
}

fn os_wtermsig(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let s = status_arg(vm, "WTERMSIG", args, kw)?;
    Ok(Value::Int(libc::WTERMSIG(s) as i64))
}

fn os_wifstopped(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let s = status_arg(vm, "WIFSTOPPED", args, kw)?;
    Ok(Value::Bool(libc::WIFSTOPPED(s)))
}

fn os_wstopsig(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let s = status_arg(vm, "WSTOPSIG", args, kw)?;
    Ok(Value::Int(libc::WSTOPSIG(s) as i64))
}

/// `os.waitstatus_to_exitcode(status)`: the exit code, or -signal.
fn os_waitstatus_to_exitcode(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Value, Value)],
) -> RunResult<Value> {
    let s = status_arg(vm, "waitstatus_to_exitcode", args, kw)?;
    if libc::WIFEXITED(s) {
        return Ok(Value::Int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::Int(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(PyErr::value_error(format!(
            "process stopped by delivery of signal {}",
            libc::WSTOPSIG(s)
        )));
    }
    Err(PyErr::value_error(format!("invalid wait status: {}", s)))
}
