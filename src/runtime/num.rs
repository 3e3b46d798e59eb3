//! Numbers: int arithmetic that overflows from unboxed i64 into `BigInt`,
//! float arithmetic with Python's rules (floor division, modulo sign), float
//! repr (shortest round-trip, CPython's layout) and int/float parsing.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::exc::{ExcKind, PyErr, RunResult};
use super::value::Value;

/// Arithmetic operators shared by the binary and in-place opcodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl ArithOp {
    /// The operator as written (`+`, `**`...), for error messages.
    pub fn symbol(self) -> &'static str {
        use ArithOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            TrueDiv => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "** or pow()",
            LShift => "<<",
            RShift => ">>",
            And => "&",
            Or => "|",
            Xor => "^",
            MatMul => "@",
        }
    }

    /// The in-place operator (`+=`), for error messages.
    pub fn inplace_symbol(self) -> &'static str {
        use ArithOp::*;
        match self {
            Add => "+=",
            Sub => "-=",
            Mul => "*=",
            TrueDiv => "/=",
            FloorDiv => "//=",
            Mod => "%=",
            Pow => "**=",
            LShift => "<<=",
            RShift => ">>=",
            And => "&=",
            Or => "|=",
            Xor => "^=",
            MatMul => "@=",
        }
    }

    /// `(__op__, __rop__, __iop__)` dunder names.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        use ArithOp::*;
        match self {
            Add => ("__add__", "__radd__", "__iadd__"),
            Sub => ("__sub__", "__rsub__", "__isub__"),
            Mul => ("__mul__", "__rmul__", "__imul__"),
            TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            Mod => ("__mod__", "__rmod__", "__imod__"),
            Pow => ("__pow__", "__rpow__", "__ipow__"),
            LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            And => ("__and__", "__rand__", "__iand__"),
            Or => ("__or__", "__ror__", "__ior__"),
            Xor => ("__xor__", "__rxor__", "__ixor__"),
            MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
}

/// A numeric operand: an int (small or big) or a float. Bools are ints.
enum Num<'a> {
    Small(i64),
    Big(&'a BigInt),
    Float(f64),
}

fn as_num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::Small(*i)),
        Value::Bool(b) => Some(Num::Small(*b as i64)),
        Value::BigInt(b) => Some(Num::Big(b)),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

/// Converts an int value to BigInt.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// int -> float (correctly rounded) with CPython's overflow error.
pub fn bigint_to_f64(b: &BigInt) -> RunResult<f64> {
    if let Some(i) = b.to_i64() {
        if i.unsigned_abs() < 1 << 53 {
            return Ok(i as f64);
        }
    }
    match scale_round(b.magnitude(), 0, false) {
        Some(f) if b.is_negative() => Ok(-f),
        Some(f) => Ok(f),
        None => Err(PyErr::overflow_error("int too large to convert to float")),
    }
}

/// Arithmetic on two numeric values; `None` when either is not a number
/// (the VM then tries the dunder methods).
pub fn arith(op: ArithOp, a: &Value, b: &Value) -> Option<RunResult<Value>> {
    if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
        match op {
            ArithOp::And => return Some(Ok(Value::Bool(p & q))),
            ArithOp::Or => return Some(Ok(Value::Bool(p | q))),
            ArithOp::Xor => return Some(Ok(Value::Bool(p ^ q))),
            _ => {}
        }
    }
    let (x, y) = (as_num(a)?, as_num(b)?);
    Some(match (x, y) {
        (Num::Small(x), Num::Small(y)) => int_arith(op, x, y),
        (Num::Float(x), Num::Float(y)) => float_arith(op, x, y),
        (Num::Float(x), Num::Small(y)) => float_arith(op, x, y as f64),
        (Num::Small(x), Num::Float(y)) => float_arith(op, x as f64, y),
        (Num::Float(x), Num::Big(y)) => match bigint_to_f64(y) {
            Ok(y) => float_arith(op, x, y),
            Err(e) => Err(e),
        },
        (Num::Big(x), Num::Float(y)) => match bigint_to_f64(x) {
            Ok(x) => float_arith(op, x, y),
            Err(e) => Err(e),
        },
        (Num::Small(x), Num::Big(y)) => big_arith(op, &BigInt::from(x), y),
        (Num::Big(x), Num::Small(y)) => big_arith(op, x, &BigInt::from(y)),
        (Num::Big(x), Num::Big(y)) => big_arith(op, x, y),
    })
}

/// i64 arithmetic with overflow into BigInt.
#[inline]
pub fn int_arith(op: ArithOp, x: i64, y: i64) -> RunResult<Value> {
    use ArithOp::*;
    let r = match op {
        Add => x.checked_add(y),
        Sub => x.checked_sub(y),
        Mul => x.checked_mul(y),
        TrueDiv => {
            if y == 0 {
                return Err(PyErr::zero_division("division by zero"));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Ok(Value::Float(x as f64 / y as f64));
            }
            return big_arith(op, &BigInt::from(x), &BigInt::from(y));
        }
        FloorDiv => {
            if y == 0 {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            if x == i64::MIN && y == -1 {
                None
            } else {
                Some(floor_div_i64(x, y))
            }
        }
        Mod => {
            if y == 0 {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            if y == -1 {
                Some(0)
            } else {
                Some(mod_i64(x, y))
            }
        }
        Pow => {
            if y < 0 {
                return float_arith(Pow, x as f64, y as f64);
            }
            if y > u32::MAX as i64 {
                None
            } else {
                x.checked_pow(y as u32)
            }
        }
        LShift => {
            if y < 0 {
                return Err(PyErr::value_error("negative shift count"));
            }
            if x == 0 {
                Some(0)
            } else if y < 63 {
                let r = x.checked_shl(y as u32);
                r.filter(|r| r >> y == x)
            } else {
                None
            }
        }
        RShift => {
            if y < 0 {
                return Err(PyErr::value_error("negative shift count"));
            }
            Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            })
        }
        And => Some(x & y),
        Or => Some(x | y),
        Xor => Some(x ^ y),
        MatMul => return Err(PyErr::unsupported_operands("@", "int", "int")),
    };
    match r {
        Some(v) => Ok(Value::Int(v)),
        None => big_arith(op, &BigInt::from(x), &BigInt::from(y)),
    }
}

/// Python floor division of i64 (y != 0, no overflow).
#[inline]
pub fn floor_div_i64(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python modulo of i64 (y != 0): the result has the sign of y.
#[inline]
pub fn mod_i64(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

fn big_arith(op: ArithOp, x: &BigInt, y: &BigInt) -> RunResult<Value> {
    use ArithOp::*;
    Ok(Value::from_bigint(match op {
        Add => x + y,
        Sub => x - y,
        Mul => x * y,
        TrueDiv => {
            if y.is_zero() {
                return Err(PyErr::zero_division("division by zero"));
            }
            return Ok(Value::Float(big_true_div(x, y)?));
        }
        FloorDiv => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            x.div_floor(y)
        }
        Mod => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            x.mod_floor(y)
        }
        Pow => {
            if y.is_negative() {
                let (a, b) = (bigint_to_f64(x)?, bigint_to_f64(y)?);
                return float_arith(Pow, a, b);
            }
            if x.magnitude().bits() <= 1 {
                // 0, 1 and -1 to any power.
                let odd = y.is_odd();
                return Ok(Value::Int(match x.to_i64() {
                    Some(-1) if !odd => 1,
                    Some(v) if y.is_zero() && v == 0 => 1,
                    Some(v) => v,
                    None => 0,
                }));
            }
            // Past 200 million bits of result sigpy refuses, where CPython
            // would try to allocate it.
            let e = y
                .to_u32()
                .ok_or_else(|| PyErr::with_args(ExcKind::MemoryError, Vec::new()))?;
            if x.bits() as u128 * e as u128 > 200_000_000 {
                return Err(PyErr::with_args(ExcKind::MemoryError, Vec::new()));
            }
            num_traits::pow::Pow::pow(x, e)
        }
        LShift => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Value::Int(0));
            }
            let s = y
                .to_i64()
                .ok_or_else(|| PyErr::overflow_error("too many digits in integer"))?;
            if s >= 1 << 28 {
                return Err(PyErr::with_args(ExcKind::MemoryError, Vec::new()));
            }
            x << s as usize
        }
        RShift => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => x >> s,
                None => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        And => x & y,
        Or => x | y,
        Xor => x ^ y,
        MatMul => return Err(PyErr::unsupported_operands("@", "int", "int")),
    }))
}

/// `m * 2**e` correctly rounded (half-even) to a float; `sticky` says
/// that nonzero bits below `m` were already dropped. `None` on overflow.
pub fn scale_round(m: &num_bigint::BigUint, e: i64, sticky: bool) -> Option<f64> {
    let bits = m.bits() as i64;
    if bits == 0 {
        return Some(0.0);
    }
    // Keep 53 bits, or fewer when the result is subnormal (lowest 2**-1074).
    let drop = ((bits + e - 53).max(-1074) - e).max(0);
    let (q, exp) = if drop == 0 {
        (m.clone(), e)
    } else {
        let q = m >> drop as usize;
        let half = num_bigint::BigUint::from(1u8) << (drop - 1) as usize;
        let rem = m - (&q << drop as usize);
        let up = match rem.cmp(&half) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => sticky || q.bit(0),
            std::cmp::Ordering::Less => false,
        };
        (if up { q + 1u8 } else { q }, e + drop)
    };
    if q.bits() as i64 + exp > 1024 {
        return None;
    }
    let mut x = q.to_f64()?;
    let mut k = exp;
    while k > 1000 {
        x *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        x *= 2f64.powi(-1000);
        k += 1000;
    }
    Some(x * 2f64.powi(k as i32))
}

/// int / int, correctly rounded (CPython's `long_true_divide`).
fn big_true_div(x: &BigInt, y: &BigInt) -> RunResult<f64> {
    let negative = x.is_negative() != y.is_negative();
    let (a, b) = (x.magnitude(), y.magnitude());
    let diff = a.bits() as i64 - b.bits() as i64;
    let q = if a.bits() == 0 || diff < -1075 {
        0.0
    } else if diff > 1024 {
        return Err(PyErr::overflow_error(
            "integer division result too large for a float",
        ));
    } else {
        // At least 55 quotient bits, then one rounding with a sticky bit.
        let shift = (55 - diff).max(0) as usize;
        let n = a << shift;
        let (q, r) = n.div_rem(b);
        scale_round(&q, -(shift as i64), !r.is_zero())
            .ok_or_else(|| PyErr::overflow_error("integer division result too large for a float"))?
    };
    Ok(if negative { -q } else { q })
}

/// Float arithmetic with Python's rules and errors.
pub fn float_arith(op: ArithOp, x: f64, y: f64) -> RunResult<Value> {
    use ArithOp::*;
    let r = match op {
        Add => x + y,
        Sub => x - y,
        Mul => x * y,
        TrueDiv => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            x / y
        }
        FloorDiv => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        Mod => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        Pow => return float_pow(x, y),
        LShift | RShift | And | Or | Xor | MatMul => {
            return Err(PyErr::unsupported_operands(op.symbol(), "float", "float"))
        }
    };
    Ok(Value::Float(r))
}

/// CPython's float_divmod: (floor quotient, modulo with the divisor's sign).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// CPython's `float_pow`: IEEE special cases first, then libm's `pow`.
fn float_pow(iv: f64, iw: f64) -> RunResult<Value> {
    let is_odd = |w: f64| w.is_finite() && w % 2.0 != 0.0 && w.fract() == 0.0;
    let r = if iw == 0.0 {
        1.0
    } else if iv.is_nan() {
        iv
    } else if iw.is_nan() {
        if iv == 1.0 {
            1.0
        } else {
            iw
        }
    } else if iw.is_infinite() {
        let a = iv.abs();
        if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        }
    } else if iv.is_infinite() {
        match (iw > 0.0, is_odd(iw)) {
            (true, true) => iv,
            (true, false) => iv.abs(),
            (false, true) => 0.0f64.copysign(iv),
            (false, false) => 0.0,
        }
    } else if iv == 0.0 {
        if iw < 0.0 {
            return Err(PyErr::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        if is_odd(iw) {
            iv
        } else {
            0.0
        }
    } else {
        let mut negate = false;
        let mut v = iv;
        if iv < 0.0 {
            if iw != iw.floor() {
                return Err(PyErr::new(
                    ExcKind::NotImplementedError,
                    "sigpy does not support complex numbers (a negative number raised to a fractional power)",
                ));
            }
            v = -iv;
            negate = is_odd(iw);
        }
        let r = if v == 1.0 { 1.0 } else { v.powf(iw) };
        if r.is_infinite() {
            return Err(PyErr::with_args(
                ExcKind::OverflowError,
                vec![Value::Int(34), Value::str("Numerical result out of range")],
            ));
        }
        if negate {
            -r
        } else {
            r
        }
    };
    Ok(Value::Float(r))
}

/// `repr(float)` as CPython: shortest round-trip digits; exponent form when
/// the decimal exponent is < -4 or >= 16; integral values end in `.0`.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let mut e = format!("{:e}", f);
    let n = e
        .bytes()
        .take_while(|&c| c != b'e')
        .filter(u8::is_ascii_digit)
        .count();
    if n >= 16 {
        // At a tie between two shortest candidates, Rust rounds up where
        // CPython's dtoa takes the correctly rounded (half-even) one.
        let exact = format!("{:.*e}", n - 1, f);
        if exact.parse::<f64>() == Ok(f) {
            e = exact;
        }
    }
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let decpt = exp + 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if !(-4 < decpt && decpt <= 16) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!(
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        ));
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..-decpt {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let d = decpt as usize;
        if digits.len() <= d {
            out.push_str(&digits);
            for _ in digits.len()..d {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            out.push_str(&digits[..d]);
            out.push('.');
            out.push_str(&digits[d..]);
        }
    }
    out
}

/// CPython's default limit on decimal digits in int/str conversions.
pub const MAX_STR_DIGITS: usize = 4300;

/// The ValueError of a decimal conversion past `MAX_STR_DIGITS`.
pub fn str_digits_error() -> PyErr {
    PyErr::value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        MAX_STR_DIGITS
    ))
}

/// `str(int)` in decimal, with CPython's 4300-digit limit.
pub fn int_to_decimal(b: &BigInt) -> RunResult<String> {
    // 2**14650 has more than 4400 digits: refuse without converting.
    if b.bits() > 14650 {
        return Err(str_digits_error());
    }
    let s = b.to_string();
    if s.trim_start_matches('-').len() > MAX_STR_DIGITS {
        return Err(str_digits_error());
    }
    Ok(s)
}

/// Python's text for numbers: non-ASCII decimal digits become ASCII
/// digits, Unicode whitespace a space, anything else `?` (CPython's
/// `_PyUnicode_TransformDecimalAndSpaceToASCII`).
pub fn ascii_number_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if super::unicode::has(c, super::unicode::SPACE) {
                ' '
            } else {
                match super::unicode::decimal_value(c) {
                    Some(d) => (b'0' + d) as char,
                    None => '?',
                }
            }
        })
        .collect::<String>()
        .into()
}

/// `int(text, base)`: a port of CPython's `PyLong_FromString` (whitespace,
/// sign, `0x` prefixes, single underscores between digits, Unicode
/// digits, the 4300-digit limit) with its ValueErrors.
pub fn parse_int(text: &str, base: u32) -> RunResult<Value> {
    if base == 10 {
        if let Some(v) = parse_short_decimal(text.as_bytes()) {
            return Ok(Value::Int(v));
        }
    }
    let bad = || {
        let r = super::text::str_repr(text);
        let r: String = r.chars().take(200).collect();
        PyErr::value_error(format!(
            "invalid literal for int() with base {}: {}",
            base, r
        ))
    };
    let ascii = ascii_number_text(text);
    let s = ascii.as_bytes();
    let is_space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if let Some(&c @ (b'+' | b'-')) = s.get(i) {
        neg = c == b'-';
        i += 1;
    }
    let at = |k: usize| s.get(k).copied().unwrap_or(0).to_ascii_lowercase();
    let mut b = base;
    let mut error_if_nonzero = false;
    if b == 0 {
        b = match (at(i), at(i + 1)) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0' && matches!((b, at(i + 1)), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(bad());
    }
    let start = i;
    let mut digits = String::new();
    let mut prev = 0u8;
    while let Some(&c) = s.get(i) {
        if c == b'_' {
            if prev == b'_' {
                return Err(bad());
            }
        } else if (c as char).to_digit(36).is_some_and(|d| d < b) {
            digits.push(c as char);
        } else {
            break;
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(bad());
    }
    if !b.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(PyErr::value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            MAX_STR_DIGITS,
            digits.len()
        )));
    }
    if i == start {
        return Err(bad());
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if i < s.len() {
        return Err(bad());
    }
    let v = match u64::from_str_radix(&digits, b) {
        Ok(m) if m <= i64::MAX as u64 => {
            let m = m as i64;
            Value::Int(if neg { -m } else { m })
        }
        _ => {
            let m = BigInt::parse_bytes(digits.as_bytes(), b).ok_or_else(bad)?;
            Value::from_bigint(if neg { -m } else { m })
        }
    };
    if error_if_nonzero && !matches!(v, Value::Int(0)) {
        return Err(bad());
    }
    Ok(v)
}

/// The common `int(text)`: an optional sign and up to 18 ASCII digits (no
/// spaces or underscores), which cannot overflow an i64. `None` sends
/// everything else to the full parser.
#[inline]
fn parse_short_decimal(b: &[u8]) -> Option<i64> {
    let (neg, digits) = match b {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut v: i64 = 0;
    for &c in digits {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = v * 10 + d as i64;
    }
    Some(if neg { -v } else { v })
}

/// `float(text)`: a port of CPython's `float_from_string` (Unicode digits
/// and spaces, surrounding whitespace, one sign, `inf`/`nan` spellings,
/// single underscores between digits), or its ValueError.
pub fn parse_float(text: &str) -> RunResult<f64> {
    let bad = || {
        PyErr::value_error(format!(
            "could not convert string to float: {}",
            super::text::str_repr(text)
        ))
    };
    let ascii = ascii_number_text(text);
    let s = ascii.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'));
    let cleaned;
    let s = if s.contains('_') {
        let b = s.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
            let next_digit = b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if c == b'_' && !(prev_digit && next_digit) {
                return Err(bad());
            }
        }
        cleaned = s.replace('_', "");
        cleaned.as_str()
    } else {
        s
    };
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if !valid_decimal(body.as_bytes()) {
                return Err(bad());
            }
            body.parse::<f64>().map_err(|_| bad())?
        }
    };
    Ok(if neg { -v } else { v })
}

/// `digits [. digits] [e [sign] digits]` with at least one mantissa digit.
fn valid_decimal(b: &[u8]) -> bool {
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` (`0x0.` for subnormals).
pub fn float_hex(f: f64) -> String {
    if !f.is_finite() {
        return float_repr(f);
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!("{}0x{}.{:013x}p{:+}", sign, lead, mant, e)
}

/// `float.fromhex(text)` with CPython's syntax, rounding and errors.
pub fn float_fromhex(text: &str) -> RunResult<f64> {
    let bad = || PyErr::value_error("invalid hexadecimal floating-point string");
    let s = text.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'));
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if neg { -v } else { v });
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let all_hex = |t: &str| t.bytes().all(|c| c.is_ascii_hexdigit());
    if int_part.len() + frac.len() == 0 || !all_hex(int_part) || !all_hex(frac) {
        return Err(bad());
    }
    let e: i64 = match exp {
        None => 0,
        Some(e) => {
            let digits = e.trim_start_matches(['+', '-']);
            if digits.is_empty()
                || e.len() - digits.len() > 1
                || !digits.bytes().all(|c| c.is_ascii_digit())
            {
                return Err(bad());
            }
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })
        }
    };
    let digits = format!("{}{}", int_part, frac);
    let m = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 16).ok_or_else(bad)?;
    let e = e
        .saturating_sub(4 * frac.len() as i64)
        .clamp(-1 << 40, 1 << 40);
    let v = scale_round(&m, e, false).ok_or_else(|| {
        PyErr::overflow_error("hexadecimal value too large to represent as a float")
    })?;
    Ok(if neg { -v } else { v })
}

/// Rounds a float half-to-even to `ndigits` decimals (CPython's `round`).
pub fn round_float(x: f64, ndigits: i64) -> RunResult<f64> {
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0f64.copysign(x));
    }
    let r = if ndigits >= 0 {
        // Rust's formatting rounds half-to-even on the exact binary value,
        // which is what CPython's round() does too.
        format!("{:.*}", ndigits as usize, x)
            .parse::<f64>()
            .unwrap_or(x)
    } else {
        round_to_power_of_ten(x, (-ndigits) as u32)
    };
    if r.is_infinite() {
        return Err(PyErr::overflow_error(
            "rounded value too large to represent",
        ));
    }
    Ok(r)
}

/// `x` rounded half-to-even to a multiple of `10**k`, exactly.
fn round_to_power_of_ten(x: f64, k: u32) -> f64 {
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    };
    // |x| = num / den exactly; q = round(num / (den * 10**k)).
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::from(1))
    } else {
        (BigInt::from(m), BigInt::from(1) << (-e) as usize)
    };
    let p = num_traits::pow::Pow::pow(BigInt::from(10), k);
    let d = &den * &p;
    let (mut q, r) = num.div_rem(&d);
    let twice = &r * 2;
    if twice > d || (twice == d && q.is_odd()) {
        q += 1;
    }
    let v = bigint_to_f64(&(q * p)).unwrap_or(f64::INFINITY);
    if x < 0.0 {
        -v
    } else {
        v.copysign(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_float_repr_like_cpython() {
        let cases = [
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-2.5, "-2.5"),
            (1e300 * 10.0, "1e+301"),
            (5e-324, "5e-324"),
            (100.0, "100.0"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want);
        }
    }

    #[test]
    fn test_int_semantics() {
        assert_eq!(floor_div_i64(-7, 2), -4);
        assert_eq!(mod_i64(-7, 2), 1);
        assert_eq!(mod_i64(7, -2), -1);
        assert!(matches!(
            int_arith(ArithOp::Mul, i64::MAX, 2),
            Ok(Value::BigInt(_))
        ));
        assert!(matches!(
            int_arith(ArithOp::FloorDiv, i64::MIN, -1),
            Ok(Value::BigInt(_))
        ));
    }

    #[test]
    fn test_float_divmod() {
        assert_eq!(float_divmod(-7.0, 2.0), (-4.0, 1.0));
        assert_eq!(float_divmod(7.5, -2.0), (-4.0, -0.5));
    }
}
