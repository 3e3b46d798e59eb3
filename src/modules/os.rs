//! The `os` module, the part signals need: process ids, `kill`, `killpg`,
//! `getpgid`, and `system`, whose child starts with the signal mask and
//! dispositions sigpy inherited and is waited for on a pidfd in the wait
//! primitive. A signal sent to the process itself is dispatched before
//! `kill`/`killpg` returns.

use crate::builtins::args;
use crate::linux::child::{spawn_shell, ChildSignals};
use crate::linux::poll::{PollFd, POLLIN};
use crate::linux::sig::{self, bit};
use crate::runtime::exc::{os_error, PyErr, RunResult};
use crate::runtime::value::{NativeFn, Value};
use crate::vm::Vm;

macro_rules! table {
    ($($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!("os.", $name)),)*]
    };
}

const FUNCTIONS: &[(&str, NativeFn, &str)] = table!(
    "getpgid" => os_getpgid,
    "getpgrp" => os_getpgrp,
    "getpid" => os_getpid,
    "getppid" => os_getppid,
    "kill" => os_kill,
    "killpg" => os_killpg,
    "remove" => os_remove,
    "system" => os_system,
    "unlink" => os_remove,
);

/// Creates the `os` module.
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "os", FUNCTIONS);
    for (name, v) in [
        ("sep", "/"),
        ("linesep", "\n"),
        ("devnull", "/dev/null"),
        ("name", "posix"),
    ] {
        super::set_attr(vm, &m, name, Value::str(v));
    }
    Value::Module(m)
}

fn int_arg(vm: &mut Vm, v: &Value) -> RunResult<i32> {
    let n = super::signal::int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| PyErr::overflow_error("signed integer is greater than maximum"))
}

fn os_err(e: std::io::Error) -> PyErr {
    os_error(&e, None)
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

/// `os.remove(path)` / `os.unlink(path)`
fn os_remove(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [path] = args::bind("remove", args, kw, ["path"], 1)?;
    let path = path.unwrap_or(Value::None);
    let Value::Str(p) = &path else {
        return Err(PyErr::type_error(format!(
            "remove: path should be string, bytes or os.PathLike, not {}",
            vm.types.type_name(&path)
        )));
    };
    rustix::fs::unlink(p.as_str())
        .map_err(|e| os_error(&std::io::Error::from(e), Some(path.clone())))?;
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
