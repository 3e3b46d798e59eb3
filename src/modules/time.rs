//! The `time` module: the clocks and `sleep`, which waits in the signal
//! runtime's wait primitive (a signal wakes it at once; after a handler
//! that returns, it sleeps on to the original deadline, PEP 475).

use std::time::{SystemTime, UNIX_EPOCH};

use crate::builtins::args;
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{NativeFn, Value};
use crate::vm::Vm;

macro_rules! table {
    ($($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!("time.", $name)),)*]
    };
}

const FUNCTIONS: &[(&str, NativeFn, &str)] = table!(
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

/// Creates the `time` module.
pub fn init(vm: &mut Vm) -> Value {
    Value::Module(super::new_module(vm, "time", FUNCTIONS))
}

fn clock_ns(clock: rustix::time::ClockId) -> i64 {
    let t = rustix::time::clock_gettime(clock);
    t.tv_sec as i64 * 1_000_000_000 + t.tv_nsec as i64
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
    Ok(Value::Int(clock_ns(rustix::time::ClockId::Realtime)))
}

fn time_monotonic(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("monotonic", args)?;
    Ok(Value::Float(
        clock_ns(rustix::time::ClockId::Monotonic) as f64 / 1e9,
    ))
}

fn time_monotonic_ns(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("monotonic_ns", args)?;
    Ok(Value::Int(clock_ns(rustix::time::ClockId::Monotonic)))
}

fn time_process_time(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("process_time", args)?;
    Ok(Value::Float(
        clock_ns(rustix::time::ClockId::ProcessCPUTime) as f64 / 1e9,
    ))
}

fn time_process_time_ns(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::none("process_time_ns", args)?;
    Ok(Value::Int(clock_ns(rustix::time::ClockId::ProcessCPUTime)))
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
