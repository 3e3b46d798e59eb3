//! The `subprocess` module: `run`, `Popen`, `call`, `check_call`,
//! `check_output`, `CompletedProcess` and the exceptions, with CPython
//! 3.11's behaviour and messages. The classes and argument handling are
//! Python code (`subprocess.py`, a port of Lib/subprocess.py's POSIX
//! parts); the natives here start the child and do every wait:
//! - `_spawn` starts the program (`crate::linux::child::spawn_program`)
//!   with the signal mask and dispositions sigpy inherited, fds >= 3
//!   closed at exec (`close_fds=True`);
//! - `_wait` reaps the child, waiting on its pidfd in the wait primitive;
//! - `_pump` is one step of `communicate`: it waits for the child's stdin,
//!   stdout and stderr pipes together (and the deadline) in the wait
//!   primitive, writes input, reads output, and returns when a stream is
//!   done or time is up.
//!
//! The parent's pipe ends are non-blocking and close-on-exec; the child's
//! ends are blocking (its fds 0, 1, 2 are copies made by `dup2`).

use std::ffi::OsStr;
use std::io;
use std::os::fd::IntoRawFd;
use std::os::unix::ffi::OsStrExt;
use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::linux::child::{self, ChildFd, ProgramSpec};
use crate::linux::fd::borrow;
use crate::linux::poll::{PollFd, POLLIN, POLLOUT};
use crate::runtime::exc::{os_error, PyErr, RunResult};
use crate::runtime::value::{PyBytes, Value};
use crate::signals::wait::{wait, wait_for, WaitFor, WaitResult};
use crate::vm::Vm;

/// The Python part of the module.
pub const SOURCE: &str = include_str!("subprocess.py");

const FUNCTIONS: &[(&str, crate::runtime::value::NativeFn, &str)] = function_table!(
    "subprocess";
    "_close" => sp_close,
    "_pipe" => sp_pipe,
    "_pump" => sp_pump,
    "_spawn" => sp_spawn,
    "_wait" => sp_wait,
);

/// Creates `subprocess` (the Python part adds the rest).
pub fn init(vm: &mut Vm) -> Value {
    Value::Module(super::new_module(vm, "subprocess", FUNCTIONS))
}

fn os_err(e: io::Error) -> PyErr {
    os_error(&e, None)
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::None)
}

fn int(vm: &mut Vm, v: &Value) -> RunResult<i64> {
    super::signal::int_arg(vm, v)
}

fn fd_arg(vm: &mut Vm, v: &Value) -> RunResult<i32> {
    let n = int(vm, v)?;
    i32::try_from(n).map_err(|_| PyErr::overflow_error("fd is out of range"))
}

/// bytes (the Python part encodes every str first) to an OS string.
fn os_bytes(v: &Value) -> RunResult<&OsStr> {
    match v {
        Value::Bytes(b) if b.b.contains(&0) => Err(PyErr::value_error("embedded null byte")),
        Value::Bytes(b) => Ok(OsStr::from_bytes(&b.b)),
        _ => Err(PyErr::type_error("subprocess: expected bytes")),
    }
}

/// A timeout in seconds (None: no limit) to a deadline.
fn deadline(vm: &mut Vm, v: &Value) -> RunResult<Option<Instant>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let secs = super::math::to_f64(vm, v)?.max(0.0);
    Ok(Instant::now().checked_add(Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX)))
}

/// `_pipe(nonblocking_end)`: a close-on-exec pipe `(read, write)` whose
/// end 0 or 1 (the parent's) is non-blocking.
fn sp_pipe(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let which = int(vm, &arg(args, 0))?;
    let (r, w) =
        rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC).map_err(|e| os_err(e.into()))?;
    let parent = if which == 0 { &r } else { &w };
    let fl = rustix::fs::fcntl_getfl(parent).map_err(|e| os_err(e.into()))?;
    rustix::fs::fcntl_setfl(parent, fl | rustix::fs::OFlags::NONBLOCK)
        .map_err(|e| os_err(e.into()))?;
    Ok(Value::tuple(vec![
        Value::Int(r.into_raw_fd() as i64),
        Value::Int(w.into_raw_fd() as i64),
    ]))
}

/// `_close(fd)`: closes an fd of `_pipe` the Python part did not wrap.
fn sp_close(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let fd = fd_arg(vm, &arg(args, 0))?;
    if fd >= 0 {
        drop(crate::linux::fd::own(fd));
    }
    Ok(Value::None)
}

fn child_fd(vm: &mut Vm, v: &Value) -> RunResult<ChildFd> {
    Ok(match fd_arg(vm, v)? {
        -1 => ChildFd::Inherit,
        -3 => ChildFd::Null,
        fd if fd >= 0 => ChildFd::Fd(fd),
        _ => return Err(PyErr::value_error("bad file descriptor")),
    })
}

/// `_spawn(started, executable, argv, cwd, env, stdin, stdout, stderr,
/// close_fds, new_session, process_group, err_filename, cwd_value)`:
/// starts the child and returns its pid, also appended to the list
/// `started` before any Python code can run (so a handler's exception
/// right after the call cannot lose the child). Paths and arguments come as bytes, `env` as
/// a list of `(name, value)` bytes pairs or None; each stdio is -1
/// (inherit), -3 (`/dev/null`) or an fd. Errors name `err_filename` (the
/// program as given), or `cwd_value` when the directory is the problem.
fn sp_spawn(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let started = arg(args, 0);
    let args = args.get(1..).unwrap_or(&[]);
    let (exe_v, argv_v, cwd_v, env_v) = (arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3));
    let program = os_bytes(&exe_v)?;
    let argv_items = vm.collect(&argv_v)?;
    let argv = argv_items
        .iter()
        .map(os_bytes)
        .collect::<RunResult<Vec<_>>>()?;
    let cwd = match &cwd_v {
        Value::None => None,
        v => Some(os_bytes(v)?),
    };
    let env_items = match &env_v {
        Value::None => None,
        v => Some(vm.collect(v)?),
    };
    let mut env_pairs = Vec::new();
    for pair in env_items.iter().flatten() {
        let Value::Tuple(t) = pair else {
            return Err(PyErr::type_error("subprocess: bad environment"));
        };
        let (Some(k), Some(v)) = (t.items.first(), t.items.get(1)) else {
            return Err(PyErr::type_error("subprocess: bad environment"));
        };
        env_pairs.push((os_bytes(k)?, os_bytes(v)?));
    }
    let stdio = [
        child_fd(vm, &arg(args, 4))?,
        child_fd(vm, &arg(args, 5))?,
        child_fd(vm, &arg(args, 6))?,
    ];
    let close_fds = vm.truthy(&arg(args, 7))?;
    let new_session = vm.truthy(&arg(args, 8))?;
    let pgroup = int(vm, &arg(args, 9))?;
    let process_group = if pgroup >= 0 {
        Some(i32::try_from(pgroup).map_err(|_| PyErr::overflow_error("pgid out of range"))?)
    } else {
        None
    };
    if let Some(dir) = cwd {
        // The child's chdir and exec errors look alike once they cross
        // the exec-error pipe: a directory the child cannot enter is
        // reported here, naming the directory, as CPython does.
        let access = rustix::fs::access(dir, rustix::fs::Access::EXEC_OK);
        let dir_ok = rustix::fs::stat(dir).and_then(|st| {
            if st.st_mode & libc::S_IFMT != libc::S_IFDIR {
                Err(rustix::io::Errno::NOTDIR)
            } else {
                access
            }
        });
        if let Err(e) = dir_ok {
            return Err(os_error(&io::Error::from(e), Some(arg(args, 11))));
        }
    }
    // What the program printed so far comes before what the child prints.
    vm.flush_stdout()?;
    let spec = ProgramSpec {
        program,
        argv: &argv,
        cwd,
        env: env_items.as_ref().map(|_| &env_pairs[..]),
        stdio,
        close_fds,
        new_session,
        process_group,
        signals: super::os::child_signals(),
    };
    match child::spawn_program(&spec) {
        Ok(pid) => {
            if let Value::List(l) = &started {
                l.items.borrow_mut().push(Value::Int(pid as i64));
            }
            Ok(Value::Int(pid as i64))
        }
        Err(e) => Err(os_error(&e, Some(arg(args, 10)))),
    }
}

/// `_wait(pid, timeout)`: the child's returncode once it has exited
/// (reaping it), or None when `timeout` seconds passed first (0: just
/// look). The wait is on the child's pidfd in the wait primitive: a
/// handler that raises aborts it (the child keeps running, and can be
/// waited for again). A SIGCHLD is taken out of the queue while waiting,
/// the child reaped if it is the one that ended, and only then the
/// SIGCHLD handler run: as under CPython, whose `waitpid` returns before
/// the handler runs, a handler reaping with `waitpid(-1)` cannot take
/// the status `wait()` is waiting for.
fn sp_wait(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let pid = fd_arg(vm, &arg(args, 0))?;
    let deadline = deadline(vm, &arg(args, 1))?;
    let sigchld = WaitFor {
        signals: crate::linux::sig::bit(libc::SIGCHLD),
        ..WaitFor::default()
    };
    let mut pidfd = None;
    loop {
        if let Some(status) = child::try_reap(pid).map_err(os_err)? {
            // SIGCHLD was queued before the child could be reaped: its
            // handler runs before the wait returns, as under CPython.
            crate::signals::poll_now(vm)?;
            return Ok(Value::Int(child::returncode(status) as i64));
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Value::None);
        }
        if pidfd.is_none() {
            pidfd = child::pidfd_of(pid).map_err(os_err)?;
            if pidfd.is_none() {
                // Gone without us reaping it: someone else's waitpid.
                return Ok(Value::Int(0));
            }
            continue;
        }
        let Some(fd) = pidfd.as_ref().map(std::os::fd::AsRawFd::as_raw_fd) else {
            continue;
        };
        let mut fds = [PollFd::new(fd, POLLIN)];
        match wait_for(vm, &mut fds, deadline, sigchld)? {
            WaitResult::TimedOut => return Ok(Value::None),
            WaitResult::Signal(info) => {
                let reaped = child::try_reap(pid).map_err(os_err)?;
                crate::signals::with_rt(|rt| rt.queue.push_front(info));
                if let Some(status) = reaped {
                    crate::signals::dispatch_pending(vm)?;
                    return Ok(Value::Int(child::returncode(status) as i64));
                }
                // Another child's SIGCHLD: its handler runs now.
                crate::signals::dispatch_pending(vm)?;
            }
            _ => {}
        }
    }
}

/// Stream bits of `_pump`'s result.
const IN_DONE: i64 = 1;
const OUT_DONE: i64 = 2;
const ERR_DONE: i64 = 4;

/// How much `_pump` reads at once.
const CHUNK: usize = 65536;

/// Appends `data` to the Python list `list` (no borrow is held across a
/// wait: the list is only touched here, between two waits).
fn push_chunk(list: &Value, data: &[u8]) {
    if let Value::List(l) = list {
        l.items.borrow_mut().push(Value::bytes(data.to_vec()));
    }
}

/// `_pump(in_fd, input, state, out_fd, out_list, err_fd, err_list,
/// timeout)`: one step of `communicate`. Waits (in the wait primitive,
/// for every given fd at once; -1 = none) until a stream is done: the
/// input written from `state[0]` on (kept up to date in `state`, so a
/// handler's exception loses nothing) or the child stopped reading
/// (`EPIPE`), or end of file on stdout/stderr; what is read is appended to
/// `out_list`/`err_list`. Returns the bits of the streams done (1 stdin,
/// 2 stdout, 4 stderr), or None when `timeout` passed first.
fn sp_pump(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let in_fd = fd_arg(vm, &arg(args, 0))?;
    let input: Rc<PyBytes> = match arg(args, 1) {
        Value::Bytes(b) => b,
        _ => Rc::new(PyBytes { b: Box::new([]) }),
    };
    let state = arg(args, 2);
    let out_fd = fd_arg(vm, &arg(args, 3))?;
    let out_list = arg(args, 4);
    let err_fd = fd_arg(vm, &arg(args, 5))?;
    let err_list = arg(args, 6);
    let deadline = deadline(vm, &arg(args, 7))?;
    let offset_of = |vm: &mut Vm| -> RunResult<usize> {
        let v = match &state {
            Value::List(l) => l.items.borrow().first().cloned().unwrap_or(Value::Int(0)),
            _ => Value::Int(0),
        };
        Ok(int(vm, &v)?.max(0) as usize)
    };
    let mut buf = vec![0u8; CHUNK];
    loop {
        let mut fds = Vec::with_capacity(3);
        if in_fd >= 0 {
            fds.push(PollFd::new(in_fd, POLLOUT));
        }
        for fd in [out_fd, err_fd] {
            if fd >= 0 {
                fds.push(PollFd::new(fd, POLLIN));
            }
        }
        if fds.is_empty() {
            return Ok(Value::Int(0));
        }
        if wait(vm, &mut fds, deadline)? == WaitResult::TimedOut {
            return Ok(Value::None);
        }
        let mut done = 0;
        for f in fds.iter().filter(|f| f.revents != 0) {
            if f.fd == in_fd {
                let off = offset_of(vm)?.min(input.b.len());
                match rustix::io::write(borrow(in_fd), &input.b[off..]) {
                    Ok(n) => {
                        if let Value::List(l) = &state {
                            if let Some(slot) = l.items.borrow_mut().first_mut() {
                                *slot = Value::Int((off + n) as i64);
                            }
                        }
                        if off + n >= input.b.len() {
                            done |= IN_DONE;
                        }
                    }
                    Err(rustix::io::Errno::PIPE) => done |= IN_DONE,
                    Err(rustix::io::Errno::AGAIN | rustix::io::Errno::INTR) => {}
                    Err(e) => return Err(os_err(e.into())),
                }
            } else {
                let (list, bit) = if f.fd == out_fd {
                    (&out_list, OUT_DONE)
                } else {
                    (&err_list, ERR_DONE)
                };
                match rustix::io::read(borrow(f.fd), &mut buf) {
                    Ok(0) => done |= bit,
                    Ok(n) => push_chunk(list, &buf[..n]),
                    Err(rustix::io::Errno::AGAIN | rustix::io::Errno::INTR) => {}
                    Err(e) => return Err(os_err(e.into())),
                }
            }
        }
        if done != 0 {
            return Ok(Value::Int(done));
        }
    }
}
