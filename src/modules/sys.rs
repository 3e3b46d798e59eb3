//! The `sys` module: `argv`, `exit`, the standard streams (file objects
//! over the VM's streams, see `builtins::file`; writes to `stderr` flush
//! `stdout` first so the two interleave as on a terminal), `path`, `modules`, version data, the
//! recursion limit and `exc_info`.

use crate::builtins::args;
use crate::builtins::file::std_stream;
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
    let streams = [vm.stdin.clone(), vm.stdout.clone(), vm.stderr.clone()];
    let stdin = std_stream(vm, &streams[0], "<stdin>", "r", false);
    let stdout = std_stream(vm, &streams[1], "<stdout>", "w", false);
    let stderr = std_stream(vm, &streams[2], "<stderr>", "w", true);
    vm.std_objs = [stdin.clone(), stdout.clone()];
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
    vm.sys_dict = Some(m.dict.clone());
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
