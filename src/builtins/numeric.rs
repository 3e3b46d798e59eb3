//! Numeric builtins (`abs`, `divmod`, `pow`, `round`, `hex`, `oct`, `bin`,
//! `ord`, `chr`) and the methods of `int` and `float`.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num::{self, ArithOp};
use crate::runtime::value::{NativeFn, Value};
use crate::vm::ops::attr::class_lookup;
use crate::vm::Vm;

use super::args;

/// Owned keyword arguments.
type KwList = Vec<(Value, Value)>;

/// An int value as a BigInt (ints and bools only).
fn as_big(v: &Value) -> Option<BigInt> {
    num::to_bigint(v)
}

/// Calls a unary dunder of a user instance, if defined.
fn call_dunder(vm: &mut Vm, v: &Value, name: &str, extra: &[Value]) -> RunResult<Option<Value>> {
    let Value::Instance(inst) = v else {
        return Ok(None);
    };
    let n = vm.intern(name);
    match class_lookup(&inst.class, &n) {
        Some(f) => {
            let mut full = vec![v.clone()];
            full.extend_from_slice(extra);
            Ok(Some(vm.call_value(&f, &full, &[])?))
        }
        None => Ok(None),
    }
}

/// `abs(x)`
pub fn builtin_abs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("abs", kw)?;
    let v = args::one("abs", args)?;
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(Value::from_bigint(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => match call_dunder(vm, v, "__abs__", &[])? {
            Some(r) => Ok(r),
            None => Err(PyErr::type_error(format!(
                "bad operand type for abs(): '{}'",
                vm.types.type_name(v)
            ))),
        },
    }
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
    )
}

/// `divmod(a, b)`
pub fn builtin_divmod(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("divmod", kw)?;
    args::count("divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if is_number(a) && is_number(b) {
        if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b) {
            let x = float_of(a)?;
            let y = float_of(b)?;
            if y == 0.0 {
                return Err(PyErr::zero_division("float divmod()"));
            }
            let (q, r) = num::float_divmod(x, y);
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
        let q = vm.binary_op(ArithOp::FloorDiv, a, b)?;
        let r = vm.binary_op(ArithOp::Mod, a, b)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    if let Some(r) = call_dunder(vm, a, "__divmod__", std::slice::from_ref(b))? {
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if let Some(r) = call_dunder(vm, b, "__rdivmod__", std::slice::from_ref(a))? {
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    Err(PyErr::unsupported_operands(
        "divmod()",
        vm.types.type_name(a),
        vm.types.type_name(b),
    ))
}

fn float_of(v: &Value) -> RunResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => num::bigint_to_f64(b),
        _ => Err(PyErr::type_error("must be real number")),
    }
}

/// `pow(base, exp, mod=None)`
pub fn builtin_pow(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [base, exp, modulus] = args::bind("pow", args, kw, ["base", "exp", "mod"], 2)?;
    let (base, exp) = (base.unwrap_or(Value::None), exp.unwrap_or(Value::None));
    match modulus {
        None | Some(Value::None) => vm.binary_op(ArithOp::Pow, &base, &exp),
        Some(m) => {
            if let Some(r) = call_dunder(vm, &base, "__pow__", &[exp.clone(), m.clone()])? {
                return Ok(r);
            }
            let (Some(b), Some(e), Some(m)) = (as_big(&base), as_big(&exp), as_big(&m)) else {
                return Err(PyErr::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            vm.charge(e.bits())?;
            mod_pow(b, e, m)
        }
    }
}

/// Python's three-argument pow (negative exponents invert modulo `m`).
fn mod_pow(b: BigInt, e: BigInt, m: BigInt) -> RunResult<Value> {
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut base = b.mod_floor(&am);
    let mut e = e;
    if e.is_negative() {
        base = mod_inverse(&base, &am)
            .ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = base.modpow(&e, &am);
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(Value::from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

/// `round(number, ndigits=None)`
pub fn builtin_round(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let [number, ndigits] = args::bind("round", args, kw, ["number", "ndigits"], 1)?;
    let number = number.unwrap_or(Value::None);
    let nd = match ndigits {
        None | Some(Value::None) => None,
        // CPython clips a huge ndigits (PyNumber_AsSsize_t with no error).
        Some(Value::BigInt(b)) if b.sign() == num_bigint::Sign::Minus => Some(i64::MIN),
        Some(Value::BigInt(_)) => Some(i64::MAX),
        Some(n) => Some(vm.index_of(&n)?),
    };
    match (&number, nd) {
        (Value::Float(f), None) => float_to_int(f.round_ties_even()),
        (Value::Float(f), Some(n)) => Ok(Value::Float(num::round_float(*f, n)?)),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), None) => Ok(match number {
            Value::Bool(b) => Value::Int(b as i64),
            other => other,
        }),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Some(n)) => {
            if n >= 0 {
                return Ok(match number {
                    Value::Bool(b) => Value::Int(b as i64),
                    other => other,
                });
            }
            let x = as_big(&number).unwrap_or_default();
            Ok(Value::from_bigint(round_int(&x, n)))
        }
        _ => {
            let extra: Vec<Value> = nd.map(Value::Int).into_iter().collect();
            match call_dunder(vm, &number, "__round__", &extra)? {
                Some(r) => Ok(r),
                None => Err(PyErr::type_error(format!(
                    "type {} doesn't define __round__ method",
                    vm.types.type_name(&number)
                ))),
            }
        }
    }
}

/// Rounds an int to `10**-n` (n < 0), half to even.
fn round_int(x: &BigInt, n: i64) -> BigInt {
    let p = num_traits::pow::Pow::pow(
        BigInt::from(10),
        n.checked_neg().unwrap_or(i64::MAX).min(100_000) as u32,
    );
    let (q, r) = x.div_mod_floor(&p);
    let twice: BigInt = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) {
        q + 1
    } else {
        q
    };
    q * p
}

/// float -> int with CPython's errors for inf and nan.
pub fn float_to_int(f: f64) -> RunResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    use num_traits::FromPrimitive;
    Ok(Value::from_bigint(BigInt::from_f64(t).unwrap_or_default()))
}

/// An int argument for `hex`/`oct`/`bin`: ints, bools, `__index__`.
pub fn int_arg(vm: &mut Vm, v: &Value) -> RunResult<BigInt> {
    if let Some(b) = as_big(v) {
        return Ok(b);
    }
    if let Some(r) = call_dunder(vm, v, "__index__", &[])? {
        if let Some(b) = as_big(&r) {
            return Ok(b);
        }
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.types.type_name(v)
    )))
}

fn radix(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    prefix: &str,
    base: u32,
) -> RunResult<Value> {
    args::no_kw(name, kw)?;
    let v = args::one(name, args)?;
    let b = int_arg(vm, v)?;
    let digits = b.magnitude().to_str_radix(base);
    let sign = if b.sign() == Sign::Minus { "-" } else { "" };
    Ok(Value::string(format!("{}{}{}", sign, prefix, digits)))
}

/// `hex(x)`
pub fn builtin_hex(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    radix(vm, "hex", args, kw, "0x", 16)
}

/// `oct(x)`
pub fn builtin_oct(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    radix(vm, "oct", args, kw, "0o", 8)
}

/// `bin(x)`
pub fn builtin_bin(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    radix(vm, "bin", args, kw, "0b", 2)
}

/// `ord(c)`
pub fn builtin_ord(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("ord", kw)?;
    let v = args::one("ord", args)?;
    match v {
        Value::Str(s) => {
            let mut it = s.as_str().chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len
                ))),
            }
        }
        Value::Bytes(b) if b.b.len() == 1 => Ok(Value::Int(b.b[0] as i64)),
        Value::Bytes(b) => Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.b.len()
        ))),
        Value::Special(_) if crate::runtime::buffer::as_bytearray(v).is_some() => {
            let b = crate::runtime::buffer::buffer_bytes(v)?.unwrap_or_default();
            match b[..] {
                [c] => Ok(Value::Int(c as i64)),
                _ => Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    b.len()
                ))),
            }
        }
        _ => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.types.type_name(v)
        ))),
    }
}

/// `chr(i)`
pub fn builtin_chr(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("chr", kw)?;
    let v = args::one("chr", args)?;
    if let Value::BigInt(_) = v {
        return Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        ));
    }
    let i = vm.index_of(v)?;
    if !(0..0x110000).contains(&i) {
        return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(vm.char_value(c.encode_utf8(&mut buf)))
        }
        None => Err(PyErr::value_error(
            "sigpy does not support surrogate code points in str",
        )),
    }
}

// === int and float methods ===

const INT_METHODS: &[(&str, NativeFn, &str)] = &[
    ("__index__", int_index, "int.__index__"),
    (
        "as_integer_ratio",
        int_as_integer_ratio,
        "int.as_integer_ratio",
    ),
    ("bit_count", int_bit_count, "int.bit_count"),
    ("bit_length", int_bit_length, "int.bit_length"),
    ("conjugate", int_index, "int.conjugate"),
    ("to_bytes", int_to_bytes, "int.to_bytes"),
];

const FLOAT_METHODS: &[(&str, NativeFn, &str)] = &[
    (
        "as_integer_ratio",
        float_as_integer_ratio,
        "float.as_integer_ratio",
    ),
    ("conjugate", float_conjugate, "float.conjugate"),
    ("hex", float_hex, "float.hex"),
    ("is_integer", float_is_integer, "float.is_integer"),
];

/// Installs the `int` and `float` methods.
pub fn install(vm: &mut Vm) {
    let int = vm.types.int.clone();
    super::install_methods(vm, &int, INT_METHODS);
    super::install_classmethod(vm, &int, "from_bytes", int_from_bytes, "int.from_bytes");
    let float = vm.types.float.clone();
    super::install_methods(vm, &float, FLOAT_METHODS);
    super::install_classmethod(vm, &float, "fromhex", float_fromhex, "float.fromhex");
}

fn int_self(vm: &Vm, name: &str, args: &[Value]) -> RunResult<BigInt> {
    let this = args::self_arg(name, args)?;
    as_big(this).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{}' for 'int' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(this)
        ))
    })
}

fn int_index(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let b = int_self(vm, "__index__", args)?;
    args::none("int.__index__", &args[1..])?;
    Ok(Value::from_bigint(b))
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    if let Some(Value::Int(i)) = args.first() {
        args::none("int.bit_length", &args[1..])?;
        return Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64));
    }
    let b = int_self(vm, "bit_length", args)?;
    args::none("int.bit_length", &args[1..])?;
    Ok(Value::Int(b.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let b = int_self(vm, "bit_count", args)?;
    args::none("int.bit_count", &args[1..])?;
    let n: u64 = b
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(n as i64))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let b = int_self(vm, "as_integer_ratio", args)?;
    args::none("int.as_integer_ratio", &args[1..])?;
    Ok(Value::tuple(vec![Value::from_bigint(b), Value::Int(1)]))
}

fn byteorder_arg(v: &Option<Value>) -> RunResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "big" => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "little" => Ok(false),
        Some(Value::Str(_)) => Err(PyErr::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
        Some(_) => Err(PyErr::type_error(
            "to_bytes() argument 'byteorder' must be str",
        )),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`
fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let b = int_self(vm, "to_bytes", args)?;
    let (pos, kwsigned): (KwList, KwList) = kw
        .iter()
        .cloned()
        .partition(|(k, _)| args::kw_name(k) != "signed");
    let [length, order] = args::bind("to_bytes", &args[1..], &pos, ["length", "byteorder"], 0)?;
    let [signed] = args::kwonly("to_bytes", &kwsigned, ["signed"])?;
    let length = match length {
        Some(l) => args::ssize(vm, &l)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let big_endian = byteorder_arg(&order)?;
    let signed = match signed {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    if !signed && b.is_negative() {
        return Err(PyErr::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = b.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if !signed && b.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    args::check_alloc(length)?;
    if bytes.len() > length {
        return Err(PyErr::overflow_error("int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big_endian {
        bytes.reverse();
    }
    Ok(Value::bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`
fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let args = args::classmethod_args(args);
    let (pos, kwsigned): (KwList, KwList) = kw
        .iter()
        .cloned()
        .partition(|(k, _)| args::kw_name(k) != "signed");
    let [data, order] = args::bind("from_bytes", args, &pos, ["bytes", "byteorder"], 1)?;
    let [signed] = args::kwonly("from_bytes", &kwsigned, ["signed"])?;
    let data = data.unwrap_or(Value::None);
    let mut bytes: Vec<u8> = match &data {
        Value::Bytes(b) => b.b.to_vec(),
        Value::Str(_) => {
            return Err(PyErr::type_error("cannot convert 'str' object to bytes"));
        }
        other => {
            let items = vm.collect(other)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let i = vm.index_of(&it)?;
                if !(0..256).contains(&i) {
                    return Err(PyErr::value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
    };
    if byteorder_arg(&order)? {
        bytes.reverse();
    }
    let signed = match signed {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let v = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    Ok(Value::from_bigint(v))
}

fn float_self(vm: &Vm, name: &str, args: &[Value]) -> RunResult<f64> {
    match args.first() {
        Some(Value::Float(f)) => Ok(*f),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'float' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' needs an argument",
            name
        ))),
    }
}

fn float_is_integer(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let f = float_self(vm, "is_integer", args)?;
    args::none("float.is_integer", &args[1..])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_hex(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let f = float_self(vm, "hex", args)?;
    args::none("float.hex", &args[1..])?;
    Ok(Value::string(crate::runtime::num::float_hex(f)))
}

/// `float.fromhex(string)`
fn float_fromhex(_vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("fromhex", kw)?;
    let args = args::classmethod_args(args);
    match args::one("fromhex", args)? {
        Value::Str(s) => Ok(Value::Float(crate::runtime::num::float_fromhex(
            s.as_str(),
        )?)),
        _ => Err(PyErr::type_error(
            "bad argument type for built-in operation",
        )),
    }
}

fn float_conjugate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let f = float_self(vm, "conjugate", args)?;
    args::none("float.conjugate", &args[1..])?;
    Ok(Value::Float(f))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let f = float_self(vm, "as_integer_ratio", args)?;
    args::none("float.as_integer_ratio", &args[1..])?;
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = (bits & ((1u64 << 52) - 1)) as i64;
    let e = if exp == 0 {
        -1074
    } else {
        mant |= 1 << 52;
        exp - 1075
    };
    let mut n = BigInt::from(mant);
    let mut d = BigInt::one();
    if e > 0 {
        n <<= e as usize;
    } else {
        d <<= (-e) as usize;
    }
    let g = n.gcd(&d);
    if !g.is_zero() {
        n /= &g;
        d /= &g;
    }
    if f < 0.0 {
        n = -n;
    }
    if n.is_zero() {
        d = BigInt::one();
    }
    Ok(Value::tuple(vec![
        Value::from_bigint(n),
        Value::from_bigint(d),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_round_int_half_even() {
        assert_eq!(round_int(&BigInt::from(15), -1), BigInt::from(20));
        assert_eq!(round_int(&BigInt::from(25), -1), BigInt::from(20));
        assert_eq!(round_int(&BigInt::from(-25), -1), BigInt::from(-20));
        assert_eq!(round_int(&BigInt::from(12345), -2), BigInt::from(12300));
    }

    #[test]
    fn test_mod_pow() {
        assert!(matches!(
            mod_pow(BigInt::from(3), BigInt::from(-1), BigInt::from(7)),
            Ok(Value::Int(5))
        ));
        assert!(matches!(
            mod_pow(BigInt::from(2), BigInt::from(3), BigInt::from(-5)),
            Ok(Value::Int(-2))
        ));
    }
}
