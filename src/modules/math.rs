//! The `math` module: CPython's functions on floats (libm underneath, with
//! CPython's "math domain error" / "math range error" rules), the exact
//! `hypot`/`dist`/`fsum`, and the integer functions (`math/ints.rs`).

mod gamma;
mod ints;

use num_traits::ToPrimitive;

use crate::builtins::args;
use crate::builtins::numeric::float_to_int;
use crate::linux::libm;
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num;
use crate::runtime::value::{NativeFn, Value};
use crate::vm::ops::attr::class_lookup;
use crate::vm::Vm;

type Args<'a> = &'a [Value];
type Kw<'a> = &'a [(Value, Value)];

const MATH_FUNCTIONS: &[(&str, NativeFn, &str)] = function_table!(
    "math";
    "acos" => math_acos,
    "acosh" => math_acosh,
    "asin" => math_asin,
    "asinh" => math_asinh,
    "atan" => math_atan,
    "atan2" => math_atan2,
    "atanh" => math_atanh,
    "cbrt" => math_cbrt,
    "ceil" => math_ceil,
    "comb" => ints::math_comb,
    "copysign" => math_copysign,
    "cos" => math_cos,
    "cosh" => math_cosh,
    "degrees" => math_degrees,
    "dist" => math_dist,
    "erf" => math_erf,
    "erfc" => math_erfc,
    "exp" => math_exp,
    "exp2" => math_exp2,
    "expm1" => math_expm1,
    "fabs" => math_fabs,
    "factorial" => ints::math_factorial,
    "floor" => math_floor,
    "fmod" => math_fmod,
    "frexp" => math_frexp,
    "fsum" => ints::math_fsum,
    "gamma" => math_gamma,
    "gcd" => ints::math_gcd,
    "hypot" => math_hypot,
    "isclose" => math_isclose,
    "isfinite" => math_isfinite,
    "isinf" => math_isinf,
    "isnan" => math_isnan,
    "isqrt" => ints::math_isqrt,
    "lcm" => ints::math_lcm,
    "ldexp" => math_ldexp,
    "lgamma" => math_lgamma,
    "log" => math_log,
    "log10" => math_log10,
    "log1p" => math_log1p,
    "log2" => math_log2,
    "modf" => math_modf,
    "nextafter" => math_nextafter,
    "perm" => ints::math_perm,
    "pow" => math_pow,
    "prod" => ints::math_prod,
    "radians" => math_radians,
    "remainder" => math_remainder,
    "sin" => math_sin,
    "sinh" => math_sinh,
    "sqrt" => math_sqrt,
    "tan" => math_tan,
    "tanh" => math_tanh,
    "trunc" => math_trunc,
    "ulp" => math_ulp,
);

/// Creates the `math` module.
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "math", MATH_FUNCTIONS);
    for (name, v) in [
        ("e", std::f64::consts::E),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
        ("pi", std::f64::consts::PI),
        ("tau", std::f64::consts::TAU),
    ] {
        super::set_attr(vm, &m, name, Value::Float(v));
    }
    Value::Module(m)
}

// === errors and conversions ===

#[cold]
fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}

#[cold]
fn range_error() -> PyErr {
    PyErr::overflow_error("math range error")
}

/// A float argument as CPython's `PyFloat_AsDouble` takes it: floats,
/// ints, `__float__`, `__index__`; else `must be real number, not str`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> RunResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => num::bigint_to_f64(b),
        Value::Instance(inst)
            if has_method(vm, inst, "__float__") || has_method(vm, inst, "__index__") =>
        {
            crate::builtins::types::float_from(vm, v)
        }
        _ => Err(PyErr::type_error(format!(
            "must be real number, not {}",
            vm.types.type_name(v)
        ))),
    }
}

fn has_method(vm: &mut Vm, inst: &crate::runtime::value::Instance, name: &str) -> bool {
    let n = vm.intern(name);
    class_lookup(&inst.class, &n).is_some()
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an
/// infinity from a finite value a range error (if the function can
/// overflow) or a domain error.
fn math_1(
    vm: &mut Vm,
    name: &str,
    args: Args,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> RunResult<Value> {
    let x = to_f64(vm, one(name, args)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(Value::Float(r))
}

fn one<'a>(name: &str, args: &'a [Value]) -> RunResult<&'a Value> {
    args::one(&format!("math.{}", name), args)
}

/// Two float arguments (Argument Clinic: `atan2 expected 2 arguments`).
fn two(vm: &mut Vm, name: &str, args: Args) -> RunResult<(f64, f64)> {
    args::count(name, args, 2, 2)?;
    Ok((to_f64(vm, &args[0])?, to_f64(vm, &args[1])?))
}

macro_rules! unary {
    ($($fname:ident, $py:literal, $f:expr, $overflow:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
            math_1(vm, $py, args, $f, $overflow)
        })*
    };
}

unary! {
    math_acos, "acos", f64::acos, false;
    math_acosh, "acosh", |x| libm::acosh(x), false;
    math_asinh, "asinh", |x| libm::asinh(x), false;
    math_atanh, "atanh", atanh, false;
    math_cbrt, "cbrt", |x| libm::cbrt(x), false;
    math_erf, "erf", |x| libm::erf(x), false;
    math_erfc, "erfc", |x| libm::erfc(x), false;
    math_asin, "asin", f64::asin, false;
    math_atan, "atan", f64::atan, false;
    math_cos, "cos", f64::cos, false;
    math_cosh, "cosh", f64::cosh, true;
    math_exp, "exp", f64::exp, true;
    math_exp2, "exp2", f64::exp2, true;
    math_expm1, "expm1", f64::exp_m1, true;
    math_fabs, "fabs", f64::abs, false;
    math_log1p, "log1p", f64::ln_1p, false;
    math_sin, "sin", f64::sin, false;
    math_sinh, "sinh", f64::sinh, true;
    math_sqrt, "sqrt", f64::sqrt, false;
    math_tan, "tan", f64::tan, false;
    math_tanh, "tanh", f64::tanh, false;
}

/// `atanh`: +-1 is a pole (CPython: "math domain error"), not an infinity.
fn atanh(x: f64) -> f64 {
    if x.abs() >= 1.0 {
        f64::NAN
    } else {
        libm::atanh(x)
    }
}

/// `gamma`/`lgamma`: their own error rules (CPython sets errno itself).
fn gamma_1(
    vm: &mut Vm,
    name: &str,
    args: Args,
    f: fn(f64) -> Result<f64, gamma::MathError>,
) -> RunResult<Value> {
    let x = to_f64(vm, one(name, args)?)?;
    match f(x) {
        Ok(r) => Ok(Value::Float(r)),
        Err(gamma::MathError::Domain) => Err(domain_error()),
        Err(gamma::MathError::Range) => Err(range_error()),
    }
}

fn math_gamma(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    gamma_1(vm, "gamma", args, gamma::gamma)
}

fn math_lgamma(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    gamma_1(vm, "lgamma", args, gamma::lgamma)
}

/// `degrees`/`radians` are plain products (no range check in CPython).
fn math_degrees(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let x = to_f64(vm, one("degrees", args)?)?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn math_radians(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let x = to_f64(vm, one("radians", args)?)?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn math_atan2(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let (y, x) = two(vm, "atan2", args)?;
    Ok(Value::Float(y.atan2(x)))
}

fn math_copysign(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let (x, y) = two(vm, "copysign", args)?;
    Ok(Value::Float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let (x, y) = two(vm, "fmod", args)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(Value::Float(r))
}

/// `math.pow(x, y)`: C99's special cases, then libm with CPython's errors.
fn math_pow(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let (x, y) = two(vm, "pow", args)?;
    if !x.is_finite() || !y.is_finite() {
        return Ok(Value::Float(pow_special(x, y)));
    }
    let r = x.powf(y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

/// `x ** y` when either is infinite or NaN (C99 Annex F).
fn pow_special(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        return if y == 0.0 { 1.0 } else { x };
    }
    if y.is_nan() {
        return if x == 1.0 { 1.0 } else { y };
    }
    if x.is_infinite() {
        let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
        return if y > 0.0 {
            if odd_y {
                x
            } else {
                x.abs()
            }
        } else if y == 0.0 {
            1.0
        } else if odd_y {
            0.0f64.copysign(x)
        } else {
            0.0
        };
    }
    // y is infinite.
    if x.abs() == 1.0 {
        1.0
    } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
        f64::INFINITY
    } else {
        0.0
    }
}

fn math_isnan(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    Ok(Value::Bool(to_f64(vm, one("isnan", args)?)?.is_nan()))
}

fn math_isinf(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    Ok(Value::Bool(to_f64(vm, one("isinf", args)?)?.is_infinite()))
}

fn math_isfinite(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    Ok(Value::Bool(to_f64(vm, one("isfinite", args)?)?.is_finite()))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`
fn math_isclose(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let [a, b, rel, abs] = args::bind("isclose", args, kw, ["a", "b", "rel_tol", "abs_tol"], 2)?;
    let (a, b) = (
        to_f64(vm, &a.unwrap_or(Value::None))?,
        to_f64(vm, &b.unwrap_or(Value::None))?,
    );
    let rel = match rel {
        Some(v) => to_f64(vm, &v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => to_f64(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    let close = diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs;
    Ok(Value::Bool(close))
}

/// IEEE 754 `remainder(x, y)`: `x - n*y` with `n` the nearest integer to
/// `x/y` (ties to even), computed exactly as CPython does.
fn math_remainder(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let (x, y) = two(vm, "remainder", args)?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(if x.is_nan() { x } else { y }));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error());
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Ok(Value::Float(1.0f64.copysign(x) * r))
}

/// The float next to `x` in the direction of `y` (C's `nextafter`).
fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

fn math_nextafter(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let (x, y) = two(vm, "nextafter", args)?;
    Ok(Value::Float(next_after(x, y)))
}

/// `ulp(x)`: the gap between `|x|` and the next float away from zero.
fn math_ulp(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let x = to_f64(vm, one("ulp", args)?)?.abs();
    if !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let up = next_after(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(Value::Float(x - next_after(x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(up - x))
}

// === rounding to ints ===

/// `floor`/`ceil`: ints unchanged, `__floor__`/`__ceil__`, else the float.
fn round_to_int(
    vm: &mut Vm,
    name: &str,
    dunder: &str,
    args: Args,
    f: fn(f64) -> f64,
) -> RunResult<Value> {
    let x = one(name, args)?;
    match x {
        Value::Int(_) | Value::BigInt(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(v) => return float_to_int(f(*v)),
        Value::Instance(inst) => {
            let n = vm.intern(dunder);
            if let Some(m) = class_lookup(&inst.class, &n) {
                return vm.call_value(&m, std::slice::from_ref(x), &[]);
            }
        }
        _ => {}
    }
    float_to_int(f(to_f64(vm, x)?))
}

fn math_floor(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    round_to_int(vm, "floor", "__floor__", args, f64::floor)
}

fn math_ceil(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    round_to_int(vm, "ceil", "__ceil__", args, f64::ceil)
}

fn math_trunc(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let x = one("trunc", args)?;
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(v) => float_to_int(v.trunc()),
        Value::Instance(inst) => {
            let n = vm.intern("__trunc__");
            match class_lookup(&inst.class, &n) {
                Some(m) => vm.call_value(&m, std::slice::from_ref(x), &[]),
                None => Err(no_trunc(vm, x)),
            }
        }
        _ => Err(no_trunc(vm, x)),
    }
}

fn no_trunc(vm: &Vm, x: &Value) -> PyErr {
    PyErr::type_error(format!(
        "type {} doesn't define __trunc__ method",
        vm.types.type_name(x)
    ))
}

// === logarithms ===

/// CPython's `loghelper`: ints too large for a float go through frexp
/// (`log(m) + log(2) * e`); non-positive ints are domain errors.
fn log_of(vm: &mut Vm, x: &Value, f: fn(f64) -> f64) -> RunResult<f64> {
    let checked = |v: f64| -> RunResult<f64> {
        if v.is_nan() || v < 0.0 || v == 0.0 {
            if v.is_nan() {
                return Ok(v);
            }
            return Err(domain_error());
        }
        Ok(f(v))
    };
    match x {
        Value::BigInt(b) => {
            if b.sign() != num_bigint::Sign::Plus {
                return Err(domain_error());
            }
            match b.to_f64().filter(|v| v.is_finite()) {
                Some(v) => checked(v),
                None => {
                    let (m, e) = ints::bigint_frexp(b);
                    Ok(f(m) + f(2.0) * e as f64)
                }
            }
        }
        _ => {
            let v = to_f64(vm, x)?;
            checked(v)
        }
    }
}

/// `log(x[, base])`
fn math_log(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    args::no_kw("log", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, &args[0], f64::ln)?;
    let Some(base) = args.get(1) else {
        return Ok(Value::Float(num));
    };
    let den = log_of(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn math_log2(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let x = one("log2", args)?;
    Ok(Value::Float(log_of(vm, x, f64::log2)?))
}

fn math_log10(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let x = one("log10", args)?;
    Ok(Value::Float(log_of(vm, x, f64::log10)?))
}

// === float decomposition ===

/// `frexp(x)`: `(m, e)` with `0.5 <= |m| < 1` and `x == m * 2**e`.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adjust) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp + adjust)
}

/// `ldexp(x, e)`: `x * 2**e` rounded once; `None` on overflow.
pub fn ldexp(x: f64, e: i64) -> Option<f64> {
    if x == 0.0 || !x.is_finite() {
        return Some(x);
    }
    let (m, me) = frexp(x);
    let ne = (me as i64).saturating_add(e);
    if ne > 1024 {
        return None;
    }
    if ne < -1080 {
        return Some(0.0f64.copysign(x));
    }
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    if ne >= -1021 {
        // m * 2**ne is a normal float: exact.
        return Some(m * 2.0 * pow2(ne - 1));
    }
    // Subnormal: scale exactly into range, then round once.
    Some((m * pow2(ne + 600)) * pow2(-600))
}

fn math_frexp(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let x = to_f64(vm, one("frexp", args)?)?;
    let (m, e) = frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn math_ldexp(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    args::count("ldexp", args, 2, 2)?;
    let x = to_f64(vm, &args[0])?;
    let e = match &args[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        Value::Instance(_) => vm.index_of(&args[1])?,
        _ => {
            return Err(PyErr::type_error(
                "Expected an int as second argument to ldexp.",
            ))
        }
    };
    match ldexp(x, e) {
        Some(r) => Ok(Value::Float(r)),
        None => Err(range_error()),
    }
}

fn math_modf(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let x = to_f64(vm, one("modf", args)?)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        ((x - x.trunc()).copysign(x), x.trunc())
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

// === norms ===

/// The Euclidean norm of `v` (all finite, non-negative, `max` the
/// largest), accurate as CPython's: lossless scaling by a power of two,
/// exact squares (fma), compensated summation and one correction step of
/// the square root.
fn vector_norm(v: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(v, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -(max_e as i64)).unwrap_or(1.0);
    let mut acc = NormSum {
        csum: 1.0,
        frac1: 0.0,
        frac2: 0.0,
    };
    for &x in v.iter() {
        let x = x * scale;
        acc.add_product(x, x);
    }
    let h = acc.value().sqrt();
    acc.add_product(-h, h);
    let x = acc.value();
    (h + x / (2.0 * h)) / scale
}

/// A sum of squares kept as `csum` (starting at 1.0, so it always
/// dominates the addends) plus two lossy accumulators of rounding errors.
struct NormSum {
    csum: f64,
    frac1: f64,
    frac2: f64,
}

impl NormSum {
    /// Adds `x * y`: the product split exactly into hi + lo (fma), then
    /// `csum + hi` split exactly.
    fn add_product(&mut self, x: f64, y: f64) {
        let hi = x * y;
        let lo = x.mul_add(y, -hi);
        let s = self.csum + hi;
        let s_lo = (self.csum - s) + hi;
        self.csum = s;
        self.frac1 += lo;
        self.frac2 += s_lo;
    }

    fn value(&self) -> f64 {
        self.csum - 1.0 + (self.frac1 + self.frac2)
    }
}

/// The absolute values of `items` as floats, their max, and whether any
/// is NaN.
fn norm_inputs(items: impl Iterator<Item = RunResult<f64>>) -> RunResult<(Vec<f64>, f64, bool)> {
    let mut out = Vec::new();
    let (mut max, mut nan) = (0.0f64, false);
    for x in items {
        let x = x?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        out.push(x);
    }
    Ok((out, max, nan))
}

fn math_hypot(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    args::no_kw("hypot", kw)?;
    let mut coords = Vec::with_capacity(args.len());
    for a in args {
        coords.push(to_f64(vm, a));
    }
    let (mut v, max, nan) = norm_inputs(coords.into_iter())?;
    Ok(Value::Float(vector_norm(&mut v, max, nan)))
}

/// `dist(p, q)`: the norm of the coordinate differences.
fn math_dist(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    args::count("dist", args, 2, 2)?;
    let p = sequence(vm, &args[0])?;
    let q = sequence(vm, &args[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        let (a, b) = (to_f64(vm, a)?, to_f64(vm, b)?);
        diffs.push(Ok(a - b));
    }
    let (mut v, max, nan) = norm_inputs(diffs.into_iter())?;
    Ok(Value::Float(vector_norm(&mut v, max, nan)))
}

fn sequence(vm: &mut Vm, v: &Value) -> RunResult<Vec<Value>> {
    match v {
        Value::Tuple(t) => Ok(t.items.to_vec()),
        _ => vm.collect(v),
    }
}
