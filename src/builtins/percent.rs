//! printf-style `%` formatting of `str` and `bytes`, a port of CPython's
//! `PyUnicode_Format` and `_PyBytes_FormatEx`: the same argument fetching
//! (a tuple, one value, or a mapping for `%(key)s`), the same flags and
//! padding rules, and the same errors. Bytes are handled as Latin-1 text
//! (each byte one `char`), so one engine serves both.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::num::to_bigint;
use crate::runtime::value::Value;
use crate::vm::ops::attr::class_lookup;
use crate::vm::Vm;

use super::format::{format_float, Spec};

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> RunResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    Engine::new(vm, args, false).run(vm, &chars)
}

/// `fmt % args` for bytes.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> RunResult<Vec<u8>> {
    let chars: Vec<char> = fmt.iter().map(|&b| b as char).collect();
    let out = Engine::new(vm, args, true).run(vm, &chars)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// The argument cursor: `arglen < 0` means one value (not a tuple).
struct Engine {
    bytes: bool,
    args: Value,
    items: Vec<Value>,
    arglen: isize,
    argidx: isize,
    dict: Option<Value>,
}

/// One parsed conversion.
struct Arg {
    ch: char,
    flags: u8,
    width: Option<usize>,
    prec: Option<usize>,
}

impl Engine {
    fn new(vm: &mut Vm, args: &Value, bytes: bool) -> Engine {
        let (items, arglen, argidx) = match args {
            Value::Tuple(t) => (t.items.to_vec(), t.items.len() as isize, 0),
            _ => (Vec::new(), -1, -2),
        };
        let is_mapping = match args {
            Value::Tuple(_) => false,
            Value::Str(_) => false,
            Value::Bytes(_) => !bytes,
            Value::Dict(_) | Value::List(_) | Value::Range(_) => true,
            Value::Instance(inst) => class_lookup(&inst.class, &vm.names.getitem).is_some(),
            _ => false,
        };
        Engine {
            bytes,
            args: args.clone(),
            items,
            arglen,
            argidx,
            dict: is_mapping.then(|| args.clone()),
        }
    }

    fn next_arg(&mut self) -> RunResult<Value> {
        if self.argidx < self.arglen {
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            return Ok(self.items[(self.argidx - 1) as usize].clone());
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    }

    fn not_all_converted(&self) -> PyErr {
        PyErr::type_error(if self.bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        })
    }

    fn run(mut self, vm: &mut Vm, fmt: &[char]) -> RunResult<String> {
        let mut out = String::with_capacity(fmt.len() + 16);
        let mut i = 0;
        while i < fmt.len() {
            if fmt[i] != '%' {
                out.push(fmt[i]);
                i += 1;
                continue;
            }
            i += 1;
            if fmt.get(i) == Some(&'%') {
                out.push('%');
                i += 1;
                continue;
            }
            let arg = self.parse(vm, fmt, &mut i)?;
            let v = self.next_arg()?;
            let (body, sign) = self.convert(vm, &arg, &v, i)?;
            output(&mut out, &arg, &body, sign);
            if self.dict.is_some() && self.argidx < self.arglen {
                return Err(self.not_all_converted());
            }
        }
        if self.argidx < self.arglen && self.dict.is_none() {
            return Err(self.not_all_converted());
        }
        Ok(out)
    }

    /// Parses `(key)`, flags, width, precision and the type character;
    /// `i` ends just past the type.
    fn parse(&mut self, vm: &mut Vm, fmt: &[char], i: &mut usize) -> RunResult<Arg> {
        if fmt.get(*i) == Some(&'(') {
            let Some(dict) = self.dict.clone() else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let start = *i + 1;
            let mut j = start;
            let mut depth = 1;
            while j < fmt.len() {
                match fmt[j] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                j += 1;
                if depth == 0 {
                    break;
                }
            }
            if depth > 0 {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key: String = fmt[start..j - 1].iter().collect();
            let key = if self.bytes {
                Value::bytes(key.chars().map(|c| c as u32 as u8).collect())
            } else {
                Value::string(key)
            };
            self.args = vm.getitem(&dict, &key)?;
            self.arglen = -1;
            self.argidx = -2;
            *i = j;
        }
        let mut arg = Arg {
            ch: '\0',
            flags: 0,
            width: None,
            prec: None,
        };
        let incomplete = || PyErr::value_error("incomplete format");
        let mut take = |i: &mut usize| -> RunResult<char> {
            let c = *fmt.get(*i).ok_or_else(incomplete)?;
            *i += 1;
            Ok(c)
        };
        let mut c = take(i)?;
        loop {
            arg.flags |= match c {
                '-' => F_LJUST,
                '+' => F_SIGN,
                ' ' => F_BLANK,
                '#' => F_ALT,
                '0' => F_ZERO,
                _ => break,
            };
            c = take(i)?;
        }
        if c == '*' {
            let w = self.star(false)?;
            if w < 0 {
                arg.flags |= F_LJUST;
            }
            arg.width = Some(w.unsigned_abs() as usize);
            c = take(i)?;
        } else if c.is_ascii_digit() {
            let (n, next) = digits(c, &mut take, i, "width too big")?;
            arg.width = Some(n);
            c = next;
        }
        if c == '.' {
            arg.prec = Some(0);
            c = take(i)?;
            if c == '*' {
                arg.prec = Some(self.star(true)?.max(0) as usize);
                c = take(i)?;
            } else if c.is_ascii_digit() {
                let (n, next) = digits(c, &mut take, i, "precision too big")?;
                arg.prec = Some(n);
                c = next;
            }
        }
        if matches!(c, 'h' | 'l' | 'L') {
            c = take(i)?;
        }
        arg.ch = c;
        Ok(arg)
    }

    /// A `*` width or precision from the next argument.
    fn star(&mut self, precision: bool) -> RunResult<i64> {
        let v = self.next_arg()?;
        match v {
            Value::Int(n) if precision && i32::try_from(n).is_err() => {
                Err(PyErr::overflow_error(if n < 0 {
                    "signed integer is less than minimum"
                } else {
                    "signed integer is greater than maximum"
                }))
            }
            Value::Int(n) => Ok(n),
            Value::Bool(b) => Ok(b as i64),
            Value::BigInt(_) if precision => Err(PyErr::overflow_error(
                "Python int too large to convert to C int",
            )),
            Value::BigInt(_) => Err(PyErr::overflow_error(
                "Python int too large to convert to C ssize_t",
            )),
            _ => Err(PyErr::type_error("* wants int")),
        }
    }

    /// The text of one conversion and whether it is numeric (signed).
    fn convert(&self, vm: &mut Vm, arg: &Arg, v: &Value, pos: usize) -> RunResult<(String, bool)> {
        match arg.ch {
            's' | 'b' if self.bytes => Ok((bytes_of(vm, v)?, false)),
            's' => Ok((vm.to_str(v)?, false)),
            'r' | 'a' => {
                let r = vm.repr(v)?;
                if self.bytes || arg.ch == 'a' {
                    Ok((crate::runtime::text::ascii_escape(&r), false))
                } else {
                    Ok((r, false))
                }
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = int_operand(vm, arg.ch, v)?;
                Ok((format_long(&n, arg)?, true))
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = float_operand(vm, v, self.bytes)?;
                let spec = Spec {
                    alt: arg.flags & F_ALT != 0,
                    precision: Some(arg.prec.unwrap_or(6)),
                    ty: Some(arg.ch),
                    ..Spec::default()
                };
                Ok((format_float(f, &spec)?, true))
            }
            'c' if self.bytes => Ok((byte_char(vm, v)?.to_string(), false)),
            'c' => Ok((unicode_char(vm, v)?.to_string(), false)),
            c => Err(unsupported(c, pos - 1, self.bytes)),
        }
    }
}

fn unsupported(c: char, index: usize, bytes: bool) -> PyErr {
    if bytes && c as u32 >= 0x80 {
        return PyErr::overflow_error("character argument not in range(0x110000)");
    }
    let shown = if (' '..='~').contains(&c) || bytes {
        c
    } else {
        '?'
    };
    PyErr::value_error(format!(
        "unsupported format character '{}' (0x{:x}) at index {}",
        shown, c as u32, index
    ))
}

/// Reads the digits of a width or precision starting with `first`.
fn digits(
    first: char,
    take: &mut dyn FnMut(&mut usize) -> RunResult<char>,
    i: &mut usize,
    too_big: &'static str,
) -> RunResult<(usize, char)> {
    let mut n = first as usize - '0' as usize;
    loop {
        let c = take(i)?;
        if !c.is_ascii_digit() {
            return Ok((n, c));
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(c as usize - '0' as usize))
            .filter(|n| *n <= i32::MAX as usize)
            .ok_or_else(|| PyErr::value_error(too_big))?;
    }
}

fn has_dunder(vm: &mut Vm, v: &Value, name: &str) -> bool {
    match v {
        Value::Instance(inst) => {
            let n = vm.intern(name);
            class_lookup(&inst.class, &n).is_some()
        }
        _ => false,
    }
}

/// The int behind `%d` (`int()` of a number) or `%x`/`%o` (`__index__`).
fn int_operand(vm: &mut Vm, ty: char, v: &Value) -> RunResult<BigInt> {
    let wrong = |vm: &mut Vm| {
        let what = if matches!(ty, 'o' | 'x' | 'X') {
            "an integer"
        } else {
            "a real number"
        };
        PyErr::type_error(format!(
            "%{} format: {} is required, not {}",
            ty,
            what,
            vm.types.type_name(v)
        ))
    };
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    let index_only = matches!(ty, 'o' | 'x' | 'X');
    let r = match v {
        Value::Float(f) if !index_only => super::numeric::float_to_int(*f)?,
        Value::Instance(_)
            if ["__index__", "__int__", "__float__"]
                .iter()
                .any(|n| has_dunder(vm, v, n)) =>
        {
            let r = if index_only {
                vm.index_of(v).map(Value::Int)
            } else {
                super::types::int_from(vm, v)
            };
            match r {
                Ok(r) => r,
                Err(e) if e.lazy_kind() == Some(crate::runtime::exc::ExcKind::TypeError) => {
                    return Err(wrong(vm))
                }
                Err(e) => return Err(e),
            }
        }
        _ => return Err(wrong(vm)),
    };
    to_bigint(&r).ok_or_else(|| wrong(vm))
}

/// The float behind `%f` and friends (`PyFloat_AsDouble`).
fn float_operand(vm: &mut Vm, v: &Value, bytes: bool) -> RunResult<f64> {
    match v {
        Value::Float(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            super::types::float_from(vm, v)
        }
        Value::Instance(_) if has_dunder(vm, v, "__float__") || has_dunder(vm, v, "__index__") => {
            super::types::float_from(vm, v)
        }
        _ => Err(PyErr::type_error(format!(
            "{}, not {}",
            if bytes {
                "float argument required"
            } else {
                "must be real number"
            },
            vm.types.type_name(v)
        ))),
    }
}

/// `_PyUnicode_FormatLong`: sign, `0x` prefix with `#`, and the precision
/// as a minimum number of digits.
fn format_long(n: &BigInt, arg: &Arg) -> RunResult<String> {
    let (radix, prefix) = match arg.ch {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        crate::runtime::num::int_to_decimal(n)?
            .trim_start_matches('-')
            .to_string()
    } else {
        n.magnitude().to_str_radix(radix)
    };
    if arg.ch == 'X' {
        digits = digits.to_uppercase();
    }
    let mut out = String::with_capacity(digits.len() + 4);
    if n.is_negative() {
        out.push('-');
    }
    if arg.flags & F_ALT != 0 {
        out.push_str(prefix);
    }
    for _ in digits.len()..arg.prec.unwrap_or(0) {
        out.push('0');
    }
    out.push_str(&digits);
    Ok(out)
}

/// `%s` in bytes formatting: a bytes object or `__bytes__`, as Latin-1.
fn bytes_of(vm: &mut Vm, v: &Value) -> RunResult<String> {
    let latin1 = |b: &[u8]| b.iter().map(|&b| b as char).collect::<String>();
    if let Some(b) = crate::runtime::buffer::buffer_bytes(v)? {
        return Ok(latin1(&b));
    }
    if let Value::Instance(inst) = v {
        let n = vm.intern("__bytes__");
        if let Some(f) = class_lookup(&inst.class, &n) {
            return match vm.call_value(&f, std::slice::from_ref(v), &[])? {
                Value::Bytes(b) => Ok(latin1(&b.b)),
                other => Err(PyErr::type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.types.type_name(&other)
                ))),
            };
        }
    }
    Err(PyErr::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.types.type_name(v)
    )))
}

/// An int for `%c` through `__index__`; `None` when `v` is no integer.
fn char_code(vm: &mut Vm, v: &Value) -> RunResult<Option<Option<i64>>> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            Ok(Some(to_bigint(v).and_then(|b| b.to_i64())))
        }
        Value::Instance(_) if has_dunder(vm, v, "__index__") => match vm.index_of(v) {
            Ok(n) => Ok(Some(Some(n))),
            Err(e) if e.lazy_kind() == Some(crate::runtime::exc::ExcKind::IndexError) => {
                Ok(Some(None))
            }
            Err(e) => Err(e),
        },
        _ => Ok(None),
    }
}

fn unicode_char(vm: &mut Vm, v: &Value) -> RunResult<char> {
    if let Value::Str(s) = v {
        if s.char_len == 1 {
            return Ok(s.as_str().chars().next().unwrap_or('\0'));
        }
    }
    if let Value::Str(_) = v {
        return Err(PyErr::type_error("%c requires int or char"));
    }
    match char_code(vm, v)? {
        Some(n) => n
            .and_then(|n| u32::try_from(n).ok())
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)")),
        None => Err(PyErr::type_error("%c requires int or char")),
    }
}

fn byte_char(vm: &mut Vm, v: &Value) -> RunResult<char> {
    if let Value::Bytes(b) = v {
        if b.b.len() == 1 {
            return Ok(b.b[0] as char);
        }
    }
    let wrong = || PyErr::type_error("%c requires an integer in range(256) or a single byte");
    if let Value::Bytes(_) = v {
        return Err(wrong());
    }
    match char_code(vm, v)? {
        Some(n) => n
            .and_then(|n| u8::try_from(n).ok())
            .map(|b| b as char)
            .ok_or_else(|| PyErr::overflow_error("%c arg not in range(256)")),
        None => Err(wrong()),
    }
}

/// `unicode_format_arg_output`: width, justification, zero fill after
/// the sign and the `0x` prefix, precision truncating `%s`/`%r`/`%a`.
fn output(out: &mut String, arg: &Arg, body: &str, sign: bool) {
    let chars: Vec<char> = body.chars().collect();
    let mut len = chars.len();
    if matches!(arg.ch, 's' | 'r' | 'a' | 'b') {
        if let Some(p) = arg.prec {
            len = len.min(p);
        }
    }
    let fill = if sign && arg.flags & F_ZERO != 0 {
        '0'
    } else {
        ' '
    };
    let mut pindex = 0;
    let mut signchar = None;
    if sign {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                signchar = Some(c);
                len -= 1;
                pindex = 1;
            }
            _ if arg.flags & F_SIGN != 0 => signchar = Some('+'),
            _ if arg.flags & F_BLANK != 0 => signchar = Some(' '),
            _ => {}
        }
    }
    let mut width = arg.width.unwrap_or(0).max(len);
    if let Some(s) = signchar {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = arg.flags & F_ALT != 0 && matches!(arg.ch, 'x' | 'X' | 'o') && sign;
    if prefixed {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && arg.flags & F_LJUST == 0 {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = signchar {
            out.push(s);
        }
        if prefixed {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
}
