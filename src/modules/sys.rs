//! The `sys` module: `argv`, `exit`, the standard streams (native
//! `TextIOWrapper` objects; writes to `stderr` flush `stdout` first so the
//! two interleave as on CPython), `path`, `modules`, version data, the
//! recursion limit and `exc_info`.

use std::io::Write;

use crate::builtins::args;
use crate::builtins::reflect::{native_class, native_field, new_native_instance};
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{NativeFn, Value};
use crate::vm::Vm;

const SYS_FUNCTIONS: &[(&str, NativeFn, &str)] = function_table!(
    "sys";
    "exc_info" => sys_exc_info,
    "exit" => sys_exit,
    "getdefaultencoding" => sys_getdefaultencoding,
    "getrecursionlimit" => sys_getrecursionlimit,
    "intern" => sys_intern,
    "setrecursionlimit" => sys_setrecursionlimit,
);

/// Methods of the stream objects (`sys.stdin`, `sys.stdout`, `sys.stderr`).
const STREAM_METHODS: &[(&str, NativeFn)] = &[
    ("__iter__", stream_iter),
    ("__next__", stream_next),
    ("__repr__", stream_repr),
    ("fileno", stream_fileno),
    ("flush", stream_flush),
    ("isatty", stream_isatty),
    ("read", stream_read),
    ("readline", stream_readline),
    ("readlines", stream_readlines),
    ("write", stream_write),
    ("writelines", stream_writelines),
];

/// Creates the `sys` module.
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "sys", SYS_FUNCTIONS);
    let argv: Vec<Value> = vm.argv.iter().map(|a| Value::str(a)).collect();
    let mut path = vec![script_dir(vm.argv.first())];
    // SIGPYPATH entries are made absolute ('' is the current folder) and
    // duplicates dropped, as CPython does with PYTHONPATH.
    if let Some(extra) = std::env::var("SIGPYPATH").ok().filter(|p| !p.is_empty()) {
        for entry in extra.split(':') {
            let abs = super::import::absolute(entry)
                .to_string_lossy()
                .into_owned();
            if !path.contains(&abs) {
                path.push(abs);
            }
        }
    }
    let path: Vec<Value> = path.into_iter().map(Value::string).collect();
    let version_info = Value::tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        Value::str("final"),
        Value::Int(0),
    ]);
    let stdin = stream(vm, "<stdin>", 0, "r");
    let stdout = stream(vm, "<stdout>", 1, "w");
    let stderr = stream(vm, "<stderr>", 2, "w");
    let attrs: Vec<(&str, Value)> = vec![
        ("argv", Value::list(argv)),
        ("byteorder", Value::str("little")),
        ("maxsize", Value::Int(i64::MAX)),
        ("modules", Value::Dict(vm.modules.clone())),
        ("path", Value::list(path)),
        ("platform", Value::str("linux")),
        ("stdin", stdin.clone()),
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        ("__stdin__", stdin),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
        ("version", Value::str("3.11.7 (sigpy)")),
        ("version_info", version_info),
        ("hexversion", Value::Int(0x030b07f0)),
        ("executable", Value::str("")),
    ];
    for (name, v) in attrs {
        super::set_attr(vm, &m, name, v);
    }
    Value::Module(m)
}

/// `sys.path[0]`: the script's folder with symlinks resolved, as CPython
/// has it; `''` (the current folder) for `-c` code and stdin.
fn script_dir(argv0: Option<&String>) -> String {
    let Some(script) = argv0.filter(|a| !matches!(a.as_str(), "" | "-c" | "-")) else {
        return String::new();
    };
    let real = std::fs::canonicalize(script).unwrap_or_else(|_| super::import::absolute(script));
    real.parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn stream(vm: &mut Vm, name: &str, fd: i64, mode: &str) -> Value {
    let cls = native_class(vm, "TextIOWrapper", STREAM_METHODS);
    let obj = new_native_instance(vm, &cls);
    if let Value::Instance(inst) = &obj {
        let fields = [
            ("name", Value::str(name)),
            ("mode", Value::str(mode)),
            ("encoding", Value::str("utf-8")),
            ("_fd", Value::Int(fd)),
        ];
        for (k, v) in fields {
            let key = vm.intern(k);
            inst.dict.d.borrow_mut().set_str(key, v);
        }
    }
    obj
}

fn stream_fd(vm: &mut Vm, args: &[Value]) -> RunResult<i64> {
    match args.first().and_then(|s| native_field(vm, s, "_fd")) {
        Some(Value::Int(fd)) => Ok(fd),
        _ => Err(PyErr::type_error(
            "TextIOWrapper method called on a wrong object",
        )),
    }
}

fn os_error(e: std::io::Error) -> PyErr {
    PyErr::new(ExcKind::OSError, e.to_string())
}

/// Writes text to a standard stream; stderr flushes stdout first.
pub fn write_fd(vm: &mut Vm, fd: i64, text: &str) -> RunResult<()> {
    match fd {
        1 => vm.write_stdout(text),
        2 => {
            vm.flush_stdout()?;
            let mut err = std::io::stderr().lock();
            err.write_all(text.as_bytes()).map_err(os_error)?;
            err.flush().map_err(os_error)
        }
        _ => Err(PyErr::new(ExcKind::OSError, "not writable")),
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let fd = stream_fd(vm, args)?;
    let s = args::one("write", &args[1..])?;
    let Value::Str(s) = s else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            vm.types.type_name(s)
        )));
    };
    write_fd(vm, fd, s.as_str())?;
    Ok(Value::Int(s.char_len as i64))
}

fn stream_writelines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let fd = stream_fd(vm, args)?;
    let src = args::one("writelines", &args[1..])?;
    for line in vm.collect(src)? {
        match &line {
            Value::Str(s) => write_fd(vm, fd, s.as_str())?,
            other => {
                return Err(PyErr::type_error(format!(
                    "write() argument must be str, not {}",
                    vm.types.type_name(other)
                )))
            }
        }
    }
    Ok(Value::None)
}

fn stream_flush(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let fd = stream_fd(vm, args)?;
    if fd == 1 {
        vm.flush_stdout()?;
    }
    Ok(Value::None)
}

fn stream_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(stream_fd(vm, args)?))
}

fn stream_isatty(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    use std::io::IsTerminal;
    let fd = stream_fd(vm, args)?;
    let tty = match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    };
    Ok(Value::Bool(tty))
}

fn stream_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let obj = args.first().cloned().unwrap_or(Value::None);
    let name = native_field(vm, &obj, "name").unwrap_or(Value::None);
    let mode = native_field(vm, &obj, "mode").unwrap_or(Value::None);
    let s = format!(
        "<_io.TextIOWrapper name={} mode={} encoding='utf-8'>",
        vm.repr(&name)?,
        vm.repr(&mode)?
    );
    Ok(Value::string(s))
}

fn require_stdin(vm: &mut Vm, args: &[Value], what: &str) -> RunResult<()> {
    if stream_fd(vm, args)? != 0 {
        return Err(PyErr::new(
            ExcKind::OSError,
            format!("not readable ({})", what),
        ));
    }
    Ok(())
}

fn stream_readline(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    require_stdin(vm, args, "readline")?;
    let line = crate::builtins::io::read_stdin_line(vm)?.unwrap_or_default();
    Ok(Value::string(line))
}

fn stream_read(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    require_stdin(vm, args, "read")?;
    let mut all = String::new();
    while let Some(line) = crate::builtins::io::read_stdin_line(vm)? {
        all.push_str(&line);
    }
    Ok(Value::string(all))
}

fn stream_readlines(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    require_stdin(vm, args, "readlines")?;
    let mut out = Vec::new();
    while let Some(line) = crate::builtins::io::read_stdin_line(vm)? {
        out.push(Value::string(line));
    }
    Ok(Value::list(out))
}

fn stream_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    stream_fd(vm, args)?;
    Ok(args[0].clone())
}

fn stream_next(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    require_stdin(vm, args, "__next__")?;
    match crate::builtins::io::read_stdin_line(vm)? {
        Some(line) => Ok(Value::string(line)),
        None => Err(PyErr::stop_iteration()),
    }
}

// === functions ===

/// `sys.exit(status=None)`: raises `SystemExit(status)`.
fn sys_exit(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("exit", kw)?;
    args::count("exit", args, 0, 1)?;
    // CPython sets the exception from the value: None means no args and a
    // tuple is the args themselves.
    let args = match args {
        [Value::None] => Vec::new(),
        [Value::Tuple(t)] => t.items.to_vec(),
        _ => args.to_vec(),
    };
    Err(PyErr::with_args(ExcKind::SystemExit, args))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("getrecursionlimit", args)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("setrecursionlimit", kw)?;
    let n = args::one("setrecursionlimit", args)?;
    let n = match n {
        Value::Float(_) => {
            return Err(PyErr::type_error(
                "'float' object cannot be interpreted as an integer",
            ))
        }
        other => vm.index_of(other)?,
    };
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.recursion_limit = n.min(1_000_000) as usize;
    Ok(Value::None)
}

/// `sys.exc_info()`: `(type, value, traceback)` of the handled exception.
fn sys_exc_info(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("exc_info", args)?;
    let v = vm.handled_exception().clone();
    Ok(match &v {
        Value::Instance(inst) => Value::tuple(vec![
            Value::Class(inst.class.clone()),
            v.clone(),
            vm.traceback_of(inst),
        ]),
        _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn sys_getdefaultencoding(
    _vm: &mut Vm,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> RunResult<Value> {
    args::none("getdefaultencoding", args)?;
    Ok(Value::str("utf-8"))
}

fn sys_intern(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    match args::one("intern", args)? {
        Value::Str(s) => {
            let text = s.as_str().to_string();
            Ok(vm.intern_value(&text))
        }
        other => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            vm.types.type_name(other)
        ))),
    }
}
