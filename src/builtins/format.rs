//! Format specs (`[[fill]align][sign][z][#][0][width][,|_][.precision][type]`)
//! and `format_value`, the one formatter behind `format()`, f-strings'
//! `FormatValue`, `str.format` and `%`-interpolation (in `interpolate`).
//! Floats are formatted from Rust's exact decimal expansion, so rounding
//! matches CPython's correctly rounded `dtoa`.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num::float_repr;
use crate::runtime::value::Value;
use crate::vm::ops::attr::class_lookup;
use crate::vm::Vm;

use super::args;

pub use super::interpolate::{str_format, str_format_map};
pub use super::percent::{percent_format, percent_format_bytes};

/// A parsed format spec.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub coerce_zero: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a format spec; `type_name` is for the error message.
pub fn parse_spec(spec: &str, type_name: &str) -> RunResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c) = chars.get(i) {
        if matches!(c, '+' | '-' | ' ') {
            s.sign = Some(c);
            i += 1;
        }
    }
    if chars.get(i) == Some(&'z') {
        s.coerce_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alt = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = Some(digits_value(&chars[start..i])?);
    }
    if chars.get(i) == Some(&',') {
        s.grouping = Some(',');
        i += 1;
    }
    if chars.get(i) == Some(&'_') {
        if s.grouping.is_some() {
            return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        i += 1;
    }
    if chars.get(i) == Some(&',') && s.grouping == Some('_') {
        return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
        s.precision = Some(digits_value(&chars[start..i])?);
    }
    match chars.len() - i {
        0 => {}
        1 => s.ty = Some(chars[i]),
        _ => {
            return Err(PyErr::value_error(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, type_name
            )))
        }
    }
    let default_ty = match type_name {
        "str" => Some('s'),
        "int" | "bool" => Some('d'),
        _ => None,
    };
    if let Some(sep) = s.grouping {
        match s.ty.or(default_ty) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
            Some(t) if (t as u32) > 32 && (t as u32) < 128 => {
                return Err(PyErr::value_error(format!(
                    "Cannot specify '{}' with '{}'.",
                    sep, t
                )))
            }
            Some(t) => {
                return Err(PyErr::value_error(format!(
                    "Cannot specify '{}' with '\\x{:x}'.",
                    sep, t as u32
                )))
            }
        }
    }
    Ok(s)
}

fn digits_value(d: &[char]) -> RunResult<usize> {
    let text: String = d.iter().collect();
    match text.parse::<i64>() {
        Ok(n) if n < (1 << 31) => Ok(n as usize),
        // CPython accepts it, then fails to allocate the padding.
        Ok(_) => Err(PyErr::new(crate::runtime::exc::ExcKind::MemoryError, "")),
        Err(_) => Err(PyErr::value_error(
            "Too many decimal digits in format string",
        )),
    }
}

/// `format(value, spec)` for any value (user `__format__` included).
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> RunResult<String> {
    match v {
        Value::Str(s) if spec.is_empty() => Ok(s.as_str().to_string()),
        Value::Str(s) => format_str(s.as_str(), &parse_spec(spec, "str")?),
        Value::Int(i) if spec.is_empty() => Ok(i.to_string()),
        Value::Int(_) | Value::BigInt(_) => {
            let b = crate::runtime::num::to_bigint(v).unwrap_or_default();
            format_int(&b, &parse_spec(spec, "int")?, "int")
        }
        Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.to_string()),
        Value::Bool(b) => format_int(&BigInt::from(*b as i64), &parse_spec(spec, "bool")?, "bool"),
        Value::Float(f) => format_float(*f, &parse_spec(spec, "float")?),
        Value::Instance(inst) => {
            let name = vm.names.format.clone();
            if let Some(f) = class_lookup(&inst.class, &name) {
                let r = vm.call_value(&f, &[v.clone(), Value::str(spec)], &[])?;
                return match r {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    other => Err(PyErr::type_error(format!(
                        "__format__ must return a str, not {}",
                        vm.types.type_name(&other)
                    ))),
                };
            }
            object_format(vm, v, spec)
        }
        _ => object_format(vm, v, spec),
    }
}

pub fn object_format(vm: &mut Vm, v: &Value, spec: &str) -> RunResult<String> {
    if spec.is_empty() {
        return vm.to_str(v);
    }
    Err(PyErr::type_error(format!(
        "unsupported format string passed to {}.__format__",
        vm.types.type_name(v)
    )))
}

/// `format(value, format_spec='')`
pub fn builtin_format(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    args::no_kw("format", kw)?;
    if args.is_empty() {
        return Err(PyErr::type_error(
            "format expected at least 1 argument, got 0",
        ));
    }
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "format expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    let v = args[0].clone();
    let spec = match args.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                vm.types.type_name(other)
            )))
        }
    };
    Ok(Value::string(format_value(vm, &v, &spec)?))
}

// === padding ===

/// Pads `body` (already signed/prefixed) to the spec's width.
/// `prefix_len` is the length of the sign and `0x` prefix, after which
/// `=` alignment inserts the fill.
fn pad(body: String, prefix_len: usize, spec: &Spec, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let n = body.chars().count();
    if n >= width {
        return body;
    }
    let (fill, align) = match (spec.fill, spec.align) {
        (f, Some(a)) => (f.unwrap_or(if spec.zero { '0' } else { ' ' }), a),
        (Some(f), None) => (f, default_align),
        (None, None) if spec.zero => ('0', if default_align == '<' { '<' } else { '=' }),
        (None, None) => (' ', default_align),
    };
    let k = width - n;
    let fills = |m: usize| std::iter::repeat_n(fill, m).collect::<String>();
    match align {
        '<' => body + &fills(k),
        '^' => {
            let left = k / 2;
            fills(left) + &body + &fills(k - left)
        }
        '=' => {
            let split = body
                .char_indices()
                .nth(prefix_len)
                .map(|(b, _)| b)
                .unwrap_or(body.len());
            let (p, rest) = body.split_at(split);
            format!("{}{}{}", p, fills(k), rest)
        }
        _ => fills(k) + &body,
    }
}

fn sign_str(negative: bool, spec: &Spec) -> &'static str {
    if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Inserts `sep` every `every` digits from the right.
fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Joins sign, prefix, grouped integer digits and the rest, honouring
/// zero padding with grouping (`format(1234567, '010,')`).
fn assemble(
    sign: &str,
    prefix: &str,
    int_digits: &str,
    rest: &str,
    spec: &Spec,
    every: usize,
) -> String {
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero { '=' } else { '>' });
    let zero_pad = fill == '0' && align == '=';
    let mut digits = int_digits.to_string();
    if let Some(sep) = spec.grouping {
        let mut grouped = group(&digits, sep, every);
        if zero_pad {
            let fixed = sign.len() + prefix.len() + rest.chars().count();
            let want = spec.width.unwrap_or(0).saturating_sub(fixed);
            while grouped.len() < want {
                digits.insert(0, '0');
                grouped = group(&digits, sep, every);
            }
        }
        digits = grouped;
    }
    let body = format!("{}{}{}{}", sign, prefix, digits, rest);
    pad(body, sign.len() + prefix.len(), spec, '>')
}

// === str ===

/// CPython's error for a type code the value's type does not know.
fn unknown_code(t: char, type_name: &str) -> PyErr {
    let shown = if (t as u32) > 32 && (t as u32) < 128 {
        t.to_string()
    } else {
        format!("\\x{:x}", t as u32)
    };
    PyErr::value_error(format!(
        "Unknown format code '{}' for object of type '{}'",
        shown, type_name
    ))
}

/// Formats a str.
pub fn format_str(s: &str, spec: &Spec) -> RunResult<String> {
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    match spec.sign {
        Some(' ') => {
            return Err(PyErr::value_error(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(PyErr::value_error(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.coerce_zero {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alt {
        return Err(PyErr::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(body, 0, spec, '<'))
}

// === int ===

/// Formats an int (`b c d o x X n`, or a float type after conversion).
pub fn format_int(v: &BigInt, spec: &Spec, type_name: &str) -> RunResult<String> {
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = crate::runtime::num::bigint_to_f64(v)?;
        return format_float(f, spec);
    }
    let (base, prefix) = match ty {
        'd' | 'n' | 'c' => (10, ""),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        t => return Err(unknown_code(t, type_name)),
    };
    if spec.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.coerce_zero {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(PyErr::value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alt {
            return Err(PyErr::value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = num_traits::ToPrimitive::to_i64(v)
            .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
        let c = u32::try_from(x)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?;
        return Ok(pad(c.to_string(), 0, spec, '>'));
    }
    let mut digits = if base == 10 {
        crate::runtime::num::int_to_decimal(v)?
            .trim_start_matches('-')
            .to_string()
    } else {
        v.magnitude().to_str_radix(base)
    };
    if ty == 'X' {
        digits = digits.to_uppercase();
    }
    let sign = sign_str(v.is_negative(), spec);
    let prefix = if spec.alt { prefix } else { "" };
    let every = if base == 10 { 3 } else { 4 };
    Ok(assemble(sign, prefix, &digits, "", spec, every))
}

// === float ===

/// `{:.*e}` with CPython's exponent (`e+05`).
fn sci(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let dot = if alt && prec == 0 { "." } else { "" };
    let e = if upper { 'E' } else { 'e' };
    format!(
        "{}{}{}{}{:02}",
        mant,
        dot,
        e,
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

/// The decimal exponent of `x` once rounded to `prec + 1` digits.
fn exponent_after_rounding(x: f64, prec: usize) -> i32 {
    let s = format!("{:.*e}", prec, x);
    s.split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0)
}

fn strip_zeros(s: &str) -> String {
    if !s.contains('.') {
        return s.to_string();
    }
    let t = s.trim_end_matches('0');
    t.trim_end_matches('.').to_string()
}

/// `g` formatting of a non-negative finite value; `dot0` is the no-type
/// variant (threshold one lower, `.0` added to integral results).
fn general(x: f64, prec: usize, upper: bool, alt: bool, dot0: bool) -> String {
    let p = prec.max(1);
    let exp = exponent_after_rounding(x, p - 1);
    let limit = if dot0 { p as i32 - 1 } else { p as i32 };
    if exp < -4 || exp >= limit {
        let s = sci(x, p - 1, upper, alt);
        if alt {
            return s;
        }
        let (m, e) = s.split_at(s.find(['e', 'E']).unwrap_or(s.len()));
        return format!("{}{}", strip_zeros(m), e);
    }
    let decimals = (p as i32 - 1 - exp).max(0) as usize;
    let s = format!("{:.*}", decimals, x);
    if alt {
        return if s.contains('.') { s } else { s + "." };
    }
    let s = strip_zeros(&s);
    if dot0 && !s.contains('.') {
        return s + ".0";
    }
    s
}

/// Formats a float (`e E f F g G n %`, or no type).
pub fn format_float(f: f64, spec: &Spec) -> RunResult<String> {
    let ty = spec.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(unknown_code(t, "float"));
        }
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut negative = f.is_sign_negative() && !f.is_nan();
    let x = f.abs();
    let body = if !f.is_finite() {
        let t = if f.is_nan() { "nan" } else { "inf" };
        let t = if upper {
            t.to_uppercase()
        } else {
            t.to_string()
        };
        if ty == Some('%') {
            t + "%"
        } else {
            t
        }
    } else {
        match ty {
            Some('f' | 'F') => {
                let s = format!("{:.*}", spec.precision.unwrap_or(6), x);
                if spec.alt && !s.contains('.') {
                    s + "."
                } else {
                    s
                }
            }
            Some('e' | 'E') => sci(x, spec.precision.unwrap_or(6), upper, spec.alt),
            Some('g' | 'G' | 'n') => {
                general(x, spec.precision.unwrap_or(6), upper, spec.alt, false)
            }
            Some('%') => {
                let s = format!("{:.*}", spec.precision.unwrap_or(6), x * 100.0);
                let s = if spec.alt && !s.contains('.') {
                    s + "."
                } else {
                    s
                };
                s + "%"
            }
            _ => match spec.precision {
                None if spec.alt => {
                    let r = float_repr(x);
                    match r.find('e') {
                        Some(k) if !r[..k].contains('.') => format!("{}.{}", &r[..k], &r[k..]),
                        _ => r,
                    }
                }
                None => float_repr(x),
                Some(p) => general(x, p, false, spec.alt, true),
            },
        }
    };
    if spec.coerce_zero
        && negative
        && f.is_finite()
        && !body
            .split(['e', 'E'])
            .next()
            .unwrap_or("")
            .contains(|c: char| c.is_ascii_digit() && c != '0')
    {
        negative = false;
    }
    let sign = sign_str(negative, spec);
    if spec.grouping.is_some() && f.is_finite() {
        let split = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (int_part, rest) = body.split_at(split);
        return Ok(assemble(sign, "", int_part, rest, spec, 3));
    }
    let full = format!("{}{}", sign, body);
    Ok(pad(full, sign.len(), spec, '>'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ff(x: f64, spec: &str) -> String {
        format_float(x, &parse_spec(spec, "float").expect("spec")).expect("format")
    }

    fn fi(x: i64, spec: &str) -> String {
        format_int(
            &BigInt::from(x),
            &parse_spec(spec, "int").expect("spec"),
            "int",
        )
        .expect("format")
    }

    #[test]
    fn test_float_specs_match_cpython() {
        let cases: &[(f64, &str, &str)] = &[
            (1.0, "", "1.0"),
            (1e20, ".3", "1e+20"),
            (100.0, ".3", "1e+02"),
            (1.0, ".3", "1.0"),
            (0.0001, "g", "0.0001"),
            (123456789.0, "g", "1.23457e+08"),
            (1.5, "%", "150.000000%"),
            (1.5, ".1%", "150.0%"),
            (-0.0, "f", "-0.000000"),
            (1.5, "+e", "+1.500000e+00"),
            (12345.678, ",.2f", "12,345.68"),
            (0.5, ".0f", "0"),
            (2.5, ".0f", "2"),
            (1.25, ".1f", "1.2"),
            (1e16, "g", "1e+16"),
            (1.0, "g", "1"),
            (10.0, ".2g", "10"),
            (0.0, "e", "0.000000e+00"),
            (1.5, "#.0f", "2."),
            (1.0, "#g", "1.00000"),
            (1.0, ".0e", "1e+00"),
            (1.0, "#.0e", "1.e+00"),
            (123.456, ".2e", "1.23e+02"),
            (0.000123, ".2g", "0.00012"),
            (1234.5, ".10g", "1234.5"),
            (1.5, ".3g", "1.5"),
            (1e-7, ".3", "1e-07"),
            (1.5, "10", "       1.5"),
            (2.5432, "08.3f", "0002.543"),
            (-2.5432, "08.3f", "-002.543"),
        ];
        for (x, spec, want) in cases {
            assert_eq!(ff(*x, spec), *want, "format({}, {:?})", x, spec);
        }
    }

    #[test]
    fn test_int_specs_match_cpython() {
        let cases: &[(i64, &str, &str)] = &[
            (1234567, "010,", "01,234,567"),
            (-1234, "=+10", "-     1234"),
            (65, "c", "A"),
            (12345, "_x", "3039"),
            (255, "#x", "0xff"),
            (255, "#010x", "0x000000ff"),
            (-255, "#x", "-0xff"),
            (3, ".2f", "3.00"),
            (1, "x<5", "1xxxx"),
            (1, "^5", "  1  "),
            (1, "+", "+1"),
            (-1, " ", "-1"),
            (12, "05", "00012"),
            (1234, "06,", "01,234"),
            (42, "d", "42"),
            (255, "08b", "11111111"),
        ];
        for (x, spec, want) in cases {
            assert_eq!(fi(*x, spec), *want, "format({}, {:?})", x, spec);
        }
    }

    #[test]
    fn test_str_specs() {
        let s = |v: &str, spec: &str| {
            format_str(v, &parse_spec(spec, "str").expect("spec")).expect("format")
        };
        assert_eq!(s("ab", "^6"), "  ab  ");
        assert_eq!(s("ab", "x^6"), "xxabxx");
        assert_eq!(s("abc", ".2"), "ab");
        assert_eq!(s("x", "05"), "x0000");
        assert_eq!(s("ab", ">4"), "  ab");
    }
}
