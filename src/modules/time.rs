//! The `time` module: the clocks and `sleep`, which waits in the signal
//! runtime's wait primitive (a signal wakes it at once; after a handler
//! that returns, it sleeps on to the original deadline, PEP 475).

use std::time::{SystemTime, UNIX_EPOCH};

use crate::builtins::args;
use crate::builtins::reflect::{native_class, native_field, new_native_instance};
use crate::linux::clock::{self, Tm};
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{NativeFn, Value};
use crate::vm::Vm;

macro_rules! table {
    ($($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!("time.", $name)),)*]
    };
}

const FUNCTIONS: &[(&str, NativeFn, &str)] = table!(
    "asctime" => time_asctime,
    "ctime" => time_ctime,
    "gmtime" => time_gmtime,
    "localtime" => time_localtime,
    "mktime" => time_mktime,
    "strftime" => time_strftime,
    "monotonic" => time_monotonic,
    "monotonic_ns" => time_monotonic_ns,
    "perf_counter" => time_monotonic,
    "perf_counter_ns" => time_monotonic_ns,
    "process_time" => time_process_time,
    "process_time_ns" => time_process_time_ns,
    "sleep" => time_sleep,
    "time" => time_time,
    "time_ns" => time_time_ns,
);

const STRUCT_TIME_METHODS: &[(&str, NativeFn)] = &[
    ("__eq__", struct_time_eq),
    ("__getitem__", struct_time_getitem),
    ("__iter__", struct_time_iter),
    ("__len__", struct_time_len),
    ("__repr__", struct_time_repr),
];

/// The nine fields of `time.struct_time`, in tuple order.
const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// Creates the `time` module.
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "time", FUNCTIONS);
    let cls = native_class(vm, "struct_time", STRUCT_TIME_METHODS);
    super::set_attr(vm, &m, "struct_time", Value::Class(cls));
    Value::Module(m)
}

// === Calendar time ===

/// A `struct_time` from a C broken-down time (Python's conventions:
/// full year, month 1-12, Monday = 0, day of the year from 1).
fn struct_time(vm: &mut Vm, t: &Tm) -> Value {
    let cls = native_class(vm, "struct_time", STRUCT_TIME_METHODS);
    let obj = new_native_instance(vm, &cls);
    let values = [
        t.year as i64 + 1900,
        t.mon as i64 + 1,
        t.mday as i64,
        t.hour as i64,
        t.min as i64,
        t.sec as i64,
        (t.wday as i64 + 6) % 7,
        t.yday as i64 + 1,
        t.isdst as i64,
    ];
    if let Value::Instance(inst) = &obj {
        for (k, v) in FIELDS.iter().zip(values) {
            let key = vm.intern(k);
            inst.set(&key, Value::Int(v));
        }
        let key = vm.intern("tm_zone");
        inst.dict()
            .borrow_mut()
            .set_str(key, Value::string(t.zone.clone()));
        let key = vm.intern("tm_gmtoff");
        inst.set(&key, Value::Int(t.gmtoff));
    }
    obj
}

/// The nine values of a `struct_time` or a 9-tuple.
fn nine(vm: &mut Vm, v: &Value, fname: &str) -> RunResult<[i64; 9]> {
    let items: Vec<Value> = match v {
        Value::Tuple(t) => t.items.to_vec(),
        Value::Instance(_) => FIELDS
            .iter()
            .map(|f| native_field(vm, v, f).unwrap_or(Value::None))
            .collect(),
        _ => return Err(PyErr::type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!(
            "{}(): illegal time tuple argument",
            fname
        )));
    }
    let mut out = [0i64; 9];
    for (o, it) in out.iter_mut().zip(items.iter()) {
        *o = match it {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.types.type_name(other)
                )))
            }
        };
    }
    Ok(out)
}

/// Python's nine values back to the C conventions.
fn to_tm(v: [i64; 9]) -> RunResult<Tm> {
    let field = |x: i64| {
        i32::try_from(x)
            .map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
    };
    Ok(Tm {
        year: field(v[0] - 1900)?,
        mon: field(v[1] - 1)?,
        mday: field(v[2])?,
        hour: field(v[3])?,
        min: field(v[4])?,
        sec: field(v[5])?,
        wday: field((v[6] + 1).rem_euclid(7))?,
        yday: field(v[7] - 1)?,
        isdst: field(v[8])?,
        gmtoff: 0,
        zone: String::new(),
    })
}

/// Seconds since the epoch from an optional argument (now if absent).
fn secs_arg(vm: &mut Vm, args: &[Value]) -> RunResult<i64> {
    match args.first() {
        None | Some(Value::None) => Ok(SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)),
        Some(v) => {
            let f = super::signal::seconds_arg(vm, v)?;
            if !f.is_finite() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            if f.abs() > 1e17 {
                return Err(PyErr::overflow_error(
                    "timestamp out of range for platform time_t",
                ));
            }
            Ok(f.floor() as i64)
        }
    }
}

fn broken(secs: i64, local: bool) -> RunResult<Tm> {
    clock::broken_down(secs, local)
        .ok_or_else(|| PyErr::overflow_error("timestamp out of range for platform time_t"))
}

fn time_gmtime(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("gmtime", args, 0, 1)?;
    let t = broken(secs_arg(vm, args)?, false)?;
    Ok(struct_time(vm, &t))
}

fn time_localtime(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("localtime", args, 0, 1)?;
    let t = broken(secs_arg(vm, args)?, true)?;
    Ok(struct_time(vm, &t))
}

fn time_mktime(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("mktime", args, 1, 1)?;
    let t = to_tm(nine(vm, &args[0], "mktime")?)?;
    match clock::mktime(&t) {
        Some(s) => Ok(Value::Float(s as f64)),
        None => Err(PyErr::overflow_error("mktime argument out of range")),
    }
}

/// The time tuple argument of `strftime`/`asctime`, or local time now.
fn tm_or_now(vm: &mut Vm, arg: Option<&Value>, fname: &str) -> RunResult<Tm> {
    match arg {
        None => broken(secs_arg(vm, &[])?, true),
        Some(v) => {
            let values = nine(vm, v, fname)?;
            let mut t = to_tm(values)?;
            if let Value::Instance(_) = v {
                if let Some(Value::Str(z)) = native_field(vm, v, "tm_zone") {
                    t.zone = z.as_str().to_string();
                }
            }
            Ok(t)
        }
    }
}

fn time_strftime(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("strftime", args, 1, 2)?;
    let Value::Str(fmt) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.types.type_name(&args[0])
        )));
    };
    let t = tm_or_now(vm, args.get(1), "strftime")?;
    clock::strftime(fmt.as_str(), &t)
        .map(Value::string)
        .ok_or_else(|| PyErr::value_error("embedded null character"))
}

fn asctime_text(t: &Tm) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[t.wday.rem_euclid(7) as usize],
        MONTHS[t.mon.rem_euclid(12) as usize],
        t.mday,
        t.hour,
        t.min,
        t.sec,
        t.year as i64 + 1900
    )
}

fn time_asctime(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("asctime", args, 0, 1)?;
    let t = tm_or_now(vm, args.first(), "asctime")?;
    Ok(Value::string(asctime_text(&t)))
}

fn time_ctime(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("ctime", args, 0, 1)?;
    let t = broken(secs_arg(vm, args)?, true)?;
    Ok(Value::string(asctime_text(&t)))
}

fn struct_time_values(vm: &mut Vm, args: &[Value]) -> RunResult<Vec<Value>> {
    let obj = args::self_arg("struct_time", args)?.clone();
    Ok(FIELDS
        .iter()
        .map(|f| native_field(vm, &obj, f).unwrap_or(Value::None))
        .collect())
}

fn struct_time_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let values = Value::tuple(struct_time_values(vm, args)?);
    let key = args::one("__getitem__", &args[1..])?.clone();
    vm.getitem(&values, &key)
}

fn struct_time_len(_vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(9))
}

fn struct_time_iter(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let values = Value::tuple(struct_time_values(vm, args)?);
    vm.get_iter(&values)
}

fn struct_time_eq(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let mine = Value::tuple(struct_time_values(vm, args)?);
    let other = args::one("__eq__", &args[1..])?.clone();
    let theirs = match &other {
        Value::Tuple(_) => other.clone(),
        Value::Instance(_) => Value::tuple(struct_time_values(vm, std::slice::from_ref(&other))?),
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Bool(vm.eq(&mine, &theirs)?))
}

fn struct_time_repr(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let values = struct_time_values(vm, args)?;
    let mut parts = Vec::new();
    for (k, v) in FIELDS.iter().zip(values.iter()) {
        parts.push(format!("{}={}", k, vm.repr(v)?));
    }
    Ok(Value::string(format!(
        "time.struct_time({})",
        parts.join(", ")
    )))
}

fn time_time(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("time", args)?;
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Float(d.as_secs_f64()))
}

fn time_time_ns(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("time_ns", args)?;
    Ok(Value::Int(clock::now_ns(clock::Clock::Realtime)))
}

fn time_monotonic(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("monotonic", args)?;
    Ok(Value::Float(
        clock::now_ns(clock::Clock::Monotonic) as f64 / 1e9,
    ))
}

fn time_monotonic_ns(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("monotonic_ns", args)?;
    Ok(Value::Int(clock::now_ns(clock::Clock::Monotonic)))
}

fn time_process_time(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("process_time", args)?;
    Ok(Value::Float(
        clock::now_ns(clock::Clock::ProcessCpu) as f64 / 1e9,
    ))
}

fn time_process_time_ns(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("process_time_ns", args)?;
    Ok(Value::Int(clock::now_ns(clock::Clock::ProcessCpu)))
}

/// `time.sleep(secs)`
fn time_sleep(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("sleep", kw)?;
    args::count("sleep", args, 1, 1)?;
    let secs = super::signal::seconds_arg(vm, &args[0])?;
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    crate::signals::wait::sleep(vm, secs)?;
    Ok(Value::None)
}
