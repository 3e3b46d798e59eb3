//! The integer side of `math` (`factorial`, `comb`, `perm`, `gcd`, `lcm`,
//! `isqrt`), `prod` (any `*`), and `fsum` (exact sum of floats, Shewchuk's
//! algorithm as CPython runs it).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{to_f64, Args, Kw};
use crate::builtins::args;
use crate::builtins::numeric::int_arg;
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num::ArithOp;
use crate::runtime::value::Value;
use crate::vm::Vm;

/// `(m, e)` with `b == m * 2**e` (m correctly rounded, `0.5 <= m < 1`)
/// for a positive int too large for a float.
pub fn bigint_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bits();
    if bits <= 55 {
        let v = b.to_f64().unwrap_or(0.0);
        let (m, e) = super::frexp(v);
        return (m, e as i64);
    }
    let shift = bits - 55;
    let top: BigInt = b >> shift;
    let sticky = b.trailing_zeros().is_some_and(|z| z < shift);
    let t = top.to_u64().unwrap_or(0) | sticky as u64;
    let mut m = t as f64 / (1u64 << 55) as f64;
    let mut e = bits as i64;
    if m == 1.0 {
        m = 0.5;
        e += 1;
    }
    (m, e)
}

fn small(v: &BigInt) -> Value {
    Value::from_bigint(v.clone())
}

/// The product of `lo..=hi`, split in halves so big products stay
/// balanced; charges the tick budget.
fn range_product(vm: &mut Vm, lo: u64, hi: u64) -> RunResult<BigInt> {
    if lo > hi {
        return Ok(BigInt::one());
    }
    if hi - lo < 16 {
        vm.charge(hi - lo + 1)?;
        let mut p = BigInt::one();
        for i in lo..=hi {
            p *= i;
        }
        return Ok(p);
    }
    let mid = lo + (hi - lo) / 2;
    let a = range_product(vm, lo, mid)?;
    let b = range_product(vm, mid + 1, hi)?;
    vm.charge((a.bits() + b.bits()) / 64)?;
    Ok(a * b)
}

pub fn math_factorial(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let n = int_arg(vm, args::one("factorial", args)?)?;
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= i64::MAX as u64) else {
        return Err(PyErr::overflow_error(
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    Ok(small(&range_product(vm, 1, n)?))
}

/// The non-negative int arguments `n` and `k` of `comb`/`perm`.
fn n_and_k(vm: &mut Vm, n: &Value, k: &Value) -> RunResult<(BigInt, BigInt)> {
    let n = int_arg(vm, n)?;
    let k = int_arg(vm, k)?;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

pub fn math_comb(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    args::count("comb", args, 2, 2)?;
    let (n, k) = n_and_k(vm, &args[0], &args[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(PyErr::overflow_error(
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        vm.charge(1 + r.bits() / 64)?;
        r = r * (&n - i) / (i + 1);
    }
    Ok(small(&r))
}

pub fn math_perm(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    args::count("perm", args, 1, 2)?;
    let k = match args.get(1) {
        None | Some(Value::None) => return math_factorial(vm, &args[..1], &[]),
        Some(k) => k,
    };
    let (n, k) = n_and_k(vm, &args[0], k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(PyErr::overflow_error(
            "k must not exceed 9223372036854775807",
        ));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        vm.charge(1 + r.bits() / 64)?;
        r *= &n - i;
    }
    Ok(small(&r))
}

pub fn math_gcd(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    args::no_kw("gcd", kw)?;
    let mut g = BigInt::zero();
    for a in args {
        let a = int_arg(vm, a)?;
        g = g.gcd(&a);
    }
    Ok(small(&g))
}

pub fn math_lcm(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    args::no_kw("lcm", kw)?;
    let mut l = BigInt::one();
    for a in args {
        let a = int_arg(vm, a)?;
        l = if l.is_zero() || a.is_zero() {
            BigInt::zero()
        } else {
            (&l * &a).abs() / l.gcd(&a)
        };
    }
    Ok(small(&l))
}

pub fn math_isqrt(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let n = int_arg(vm, args::one("isqrt", args)?)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(small(&n.sqrt()))
}

/// `prod(iterable, /, *, start=1)`
pub fn math_prod(vm: &mut Vm, args: Args, kw: Kw) -> RunResult<Value> {
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let [start] = args::kwonly("prod", kw, ["start"])?;
    let mut acc = start.unwrap_or(Value::Int(1));
    for item in vm.collect(&args[0])? {
        acc = vm.binary_op(ArithOp::Mul, &acc, &item)?;
    }
    Ok(acc)
}

/// `fsum(iterable)`: the correctly rounded sum, kept as a list of
/// non-overlapping partial sums.
pub fn math_fsum(vm: &mut Vm, args: Args, _kw: Kw) -> RunResult<Value> {
    let items = vm.collect(args::one("math.fsum", args)?)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for item in &items {
        let xsave = to_f64(vm, item)?;
        let mut x = xsave;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x == 0.0 {
            continue;
        }
        if !x.is_finite() {
            // An overflow of finite summands, or an inf/nan among them.
            if xsave.is_finite() {
                return Err(PyErr::overflow_error("intermediate overflow in fsum"));
            }
            if xsave.is_infinite() {
                inf_sum += xsave;
            }
            special_sum += xsave;
            partials.clear();
        } else {
            partials.push(x);
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    Ok(Value::Float(round_partials(&partials)))
}

/// Sums the partials from the top, then corrects the last rounding when
/// it was half-way (CPython's final step of `fsum`).
fn round_partials(partials: &[f64]) -> f64 {
    let Some((&top, rest)) = partials.split_last() else {
        return 0.0;
    };
    let mut hi = top;
    let mut lo = 0.0;
    let mut n = rest.len();
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}
