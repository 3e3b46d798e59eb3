//! Template interpolation: `str.format`/`str.format_map` (replacement
//! fields with indices, attributes, keys, conversions and nested specs)
//! and printf-style `%` formatting, both with CPython's errors. Values are
//! rendered by `format::format_value`.

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::Value;
use crate::vm::ops::attr::class_lookup;
use crate::vm::Vm;

use super::format::{format_float, format_int, format_str, format_value, Spec};

/// Where keyword fields come from.
enum Kw<'a> {
    Pairs(&'a [(Value, Value)]),
    Map(Value),
}

/// Automatic vs manual field numbering.
enum Numbering {
    Unset,
    Auto(usize),
    Manual,
}

struct Template<'a> {
    args: &'a [Value],
    kw: Kw<'a>,
    numbering: Numbering,
}

/// `s.format(*args, **kwargs)`
pub fn str_format(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = super::str_methods::this(vm, "format", args)?;
    let mut t = Template {
        args: rest,
        kw: Kw::Pairs(kw),
        numbering: Numbering::Unset,
    };
    let fmt: Vec<char> = s.as_str().chars().collect();
    Ok(Value::string(render(vm, &mut t, &fmt, 0)?))
}

/// `s.format_map(mapping)`
pub fn str_format_map(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = super::str_methods::this(vm, "format_map", args)?;
    let m = super::args::one("str.format_map", rest)?;
    let mut t = Template {
        args: &[],
        kw: Kw::Map(m.clone()),
        numbering: Numbering::Unset,
    };
    let fmt: Vec<char> = s.as_str().chars().collect();
    Ok(Value::string(render(vm, &mut t, &fmt, 0)?))
}

fn render(vm: &mut Vm, t: &mut Template, fmt: &[char], depth: usize) -> RunResult<String> {
    if depth > 2 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        if c == '}' {
            if fmt.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(PyErr::value_error(
                "Single '}' encountered in format string",
            ));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        match fmt.get(i + 1) {
            Some('{') => {
                out.push('{');
                i += 2;
                continue;
            }
            None => {
                return Err(PyErr::value_error(
                    "Single '{' encountered in format string",
                ))
            }
            _ => {}
        }
        let end = field_end(fmt, i + 1)?;
        let piece = field(vm, t, &fmt[i + 1..end], depth)?;
        out.push_str(&piece);
        i = end + 1;
    }
    Ok(out)
}

/// Index of the `}` closing the field that starts at `start`.
fn field_end(fmt: &[char], start: usize) -> RunResult<usize> {
    let mut depth = 1;
    let mut in_name = true;
    let mut in_bracket = false;
    let mut j = start;
    while j < fmt.len() {
        let ch = fmt[j];
        if in_bracket {
            if ch == ']' {
                in_bracket = false;
            }
        } else if in_name && ch == '[' {
            in_bracket = true;
        } else if ch == '!' || ch == ':' {
            in_name = false;
        } else if ch == '{' {
            depth += 1;
        } else if ch == '}' {
            depth -= 1;
            if depth == 0 {
                return Ok(j);
            }
        }
        j += 1;
    }
    Err(PyErr::value_error("expected '}' before end of string"))
}

/// Renders one replacement field (the text between the braces).
fn field(vm: &mut Vm, t: &mut Template, f: &[char], depth: usize) -> RunResult<String> {
    let mut in_bracket = false;
    let mut name_end = f.len();
    for (k, &ch) in f.iter().enumerate() {
        if in_bracket {
            in_bracket = ch != ']';
        } else if ch == '[' {
            in_bracket = true;
        } else if ch == '!' || ch == ':' {
            name_end = k;
            break;
        }
    }
    let name = &f[..name_end];
    let mut conv = None;
    let mut spec: &[char] = &[];
    let mut k = name_end;
    if f.get(k) == Some(&'!') {
        conv = match f.get(k + 1) {
            Some(c) => Some(*c),
            None => return Err(PyErr::value_error("unmatched '{' in format spec")),
        };
        k += 2;
        if k < f.len() && f[k] != ':' {
            return Err(PyErr::value_error(
                "expected ':' after conversion specifier",
            ));
        }
    }
    if f.get(k) == Some(&':') {
        spec = &f[k + 1..];
    }
    let mut obj = lookup(vm, t, name)?;
    obj = match conv {
        None => obj,
        Some('r') => Value::string(vm.repr(&obj)?),
        Some('s') => Value::string(vm.to_str(&obj)?),
        Some('a') => super::reflect::builtin_ascii(vm, &[obj], &[])?,
        Some(c) => {
            return Err(PyErr::value_error(format!(
                "Unknown conversion specifier {}",
                c
            )))
        }
    };
    let spec = if spec.contains(&'{') {
        render(vm, t, spec, depth + 1)?
    } else {
        spec.iter().collect()
    };
    format_value(vm, &obj, &spec)
}

/// Resolves `name`, `0`, `name.attr`, `name[key]`... to a value.
fn lookup(vm: &mut Vm, t: &mut Template, name: &[char]) -> RunResult<Value> {
    let first_end = name
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(name.len());
    let head: String = name[..first_end].iter().collect();
    let mut obj = if head.is_empty() {
        let idx =
            match t.numbering {
                Numbering::Manual => return Err(PyErr::value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                )),
                Numbering::Unset => 0,
                Numbering::Auto(n) => n,
            };
        t.numbering = Numbering::Auto(idx + 1);
        positional(t, idx)?
    } else if head.bytes().all(|b| b.is_ascii_digit()) {
        if let Numbering::Auto(_) = t.numbering {
            return Err(PyErr::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        t.numbering = Numbering::Manual;
        let idx = head.parse::<usize>().unwrap_or(usize::MAX);
        positional(t, idx)?
    } else {
        keyword(vm, t, &head)?
    };
    let mut i = first_end;
    while i < name.len() {
        if name[i] == '.' {
            let end = name[i + 1..]
                .iter()
                .position(|c| *c == '.' || *c == '[')
                .map(|p| p + i + 1)
                .unwrap_or(name.len());
            let attr: String = name[i + 1..end].iter().collect();
            if attr.is_empty() {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            let a = vm.intern(&attr);
            obj = vm.get_attr(&obj, &a)?;
            i = end;
        } else if name[i] == '[' {
            let Some(close) = name[i + 1..].iter().position(|c| *c == ']') else {
                return Err(PyErr::value_error("Missing ']' in format string"));
            };
            let key: String = name[i + 1..i + 1 + close].iter().collect();
            if key.is_empty() {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            let k = match key.parse::<i64>() {
                Ok(n) if key.bytes().all(|b| b.is_ascii_digit()) => Value::Int(n),
                _ => Value::string(key),
            };
            obj = vm.getitem(&obj, &k)?;
            i += close + 2;
        } else {
            return Err(PyErr::value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok(obj)
}

fn positional(t: &Template, idx: usize) -> RunResult<Value> {
    t.args.get(idx).cloned().ok_or_else(|| {
        PyErr::index_error(format!(
            "Replacement index {} out of range for positional args tuple",
            idx
        ))
    })
}

fn keyword(vm: &mut Vm, t: &Template, name: &str) -> RunResult<Value> {
    match &t.kw {
        Kw::Pairs(pairs) => pairs
            .iter()
            .find(|(k, _)| super::args::kw_name(k) == name)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| PyErr::key_error(Value::str(name))),
        Kw::Map(m) => {
            let m = m.clone();
            vm.getitem(&m, &Value::str(name))
        }
    }
}

// === printf-style ===

/// One parsed `%` conversion.
#[derive(Default)]
struct Conv {
    minus: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> RunResult<String> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.items.to_vec(),
        other => vec![other.clone()],
    };
    let mapping = match args {
        Value::Dict(_) => Some(args.clone()),
        Value::Instance(inst) if class_lookup(&inst.class, &vm.names.getitem).is_some() => {
            Some(args.clone())
        }
        _ => None,
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    let mut i = 0;
    let next_arg = |pos: &mut usize| -> RunResult<Value> {
        let v = items
            .get(*pos)
            .cloned()
            .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        *pos += 1;
        Ok(v)
    };
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut keyed: Option<Value> = None;
        if chars.get(i) == Some(&'(') {
            let Some(m) = &mapping else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < chars.len() {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key: String = chars[start..j].iter().collect();
            let m = m.clone();
            keyed = Some(vm.getitem(&m, &Value::string(key))?);
            i = j + 1;
        }
        let mut c = Conv::default();
        while let Some(&f) = chars.get(i) {
            match f {
                '-' => c.minus = true,
                '+' => c.plus = true,
                ' ' => c.space = true,
                '#' => c.alt = true,
                '0' => c.zero = true,
                _ => break,
            }
            i += 1;
        }
        c.width = star_or_digits(vm, &chars, &mut i, &mut || next_arg(&mut pos))?;
        if chars.get(i) == Some(&'.') {
            i += 1;
            c.precision =
                Some(star_or_digits(vm, &chars, &mut i, &mut || next_arg(&mut pos))?.unwrap_or(0));
        }
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&ty) = chars.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        if ty == '%' {
            out.push('%');
            continue;
        }
        if !"sradiuoxXeEfFgGc".contains(ty) {
            return Err(PyErr::value_error(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                ty,
                ty as u32,
                i - 1
            )));
        }
        let v = match keyed {
            Some(v) => v,
            None => next_arg(&mut pos)?,
        };
        out.push_str(&convert(vm, &c, ty, &v)?);
    }
    if mapping.is_none() && pos < items.len() {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// A width or precision: digits, or `*` taking the next argument.
fn star_or_digits(
    vm: &mut Vm,
    chars: &[char],
    i: &mut usize,
    next: &mut dyn FnMut() -> RunResult<Value>,
) -> RunResult<Option<usize>> {
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        let v = next()?;
        let n = match v {
            Value::Int(n) => n,
            _ => return Err(PyErr::type_error("* wants int")),
        };
        let _ = vm;
        return Ok(Some(n.max(0) as usize));
    }
    let start = *i;
    while *i < chars.len() && chars[*i].is_ascii_digit() {
        *i += 1;
    }
    if *i == start {
        return Ok(None);
    }
    let text: String = chars[start..*i].iter().collect();
    Ok(Some(text.parse().unwrap_or(0)))
}

fn conv_spec(c: &Conv, ty: char) -> Spec {
    Spec {
        fill: None,
        align: if c.minus { Some('<') } else { None },
        sign: if c.plus {
            Some('+')
        } else if c.space {
            Some(' ')
        } else {
            None
        },
        coerce_zero: false,
        alt: c.alt,
        zero: c.zero && !c.minus,
        width: c.width,
        grouping: None,
        precision: c.precision,
        ty: Some(ty),
    }
}

/// Renders one `%` conversion of `v`.
fn convert(vm: &mut Vm, c: &Conv, ty: char, v: &Value) -> RunResult<String> {
    match ty {
        's' | 'r' | 'a' => {
            let s = match ty {
                's' => vm.to_str(v)?,
                'r' => vm.repr(v)?,
                _ => match super::reflect::builtin_ascii(vm, std::slice::from_ref(v), &[])? {
                    Value::Str(s) => s.as_str().to_string(),
                    _ => String::new(),
                },
            };
            let spec = Spec {
                align: Some(if c.minus { '<' } else { '>' }),
                width: c.width,
                precision: c.precision,
                ..Spec::default()
            };
            format_str(&s, &spec)
        }
        'c' => {
            let ch = match v {
                Value::Str(s) if s.char_len == 1 => s.as_str().to_string(),
                Value::Int(i) => u32::try_from(*i)
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
                    .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?,
                _ => return Err(PyErr::type_error("%c requires int or char")),
            };
            let spec = Spec {
                align: Some(if c.minus { '<' } else { '>' }),
                width: c.width,
                ..Spec::default()
            };
            format_str(&ch, &spec)
        }
        'd' | 'i' | 'u' => {
            let n = match v {
                Value::Float(f) => super::numeric::float_to_int(*f)?,
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
                Value::Instance(_) => super::types::int_from(vm, v).map_err(|_| {
                    PyErr::type_error(format!(
                        "%{} format: a real number is required, not {}",
                        ty,
                        vm.types.type_name(v)
                    ))
                })?,
                _ => {
                    return Err(PyErr::type_error(format!(
                        "%{} format: a real number is required, not {}",
                        ty,
                        vm.types.type_name(v)
                    )))
                }
            };
            int_conv(c, 'd', &n)
        }
        'o' | 'x' | 'X' => {
            let n = match v {
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
                Value::Instance(_) => Value::Int(vm.index_of(v)?),
                _ => {
                    return Err(PyErr::type_error(format!(
                        "%{} format: an integer is required, not {}",
                        ty,
                        vm.types.type_name(v)
                    )))
                }
            };
            int_conv(c, ty, &n)
        }
        _ => {
            let f = match v {
                Value::Float(f) => *f,
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Instance(_) => {
                    super::types::float_from(vm, v)?
                }
                other => {
                    return Err(PyErr::type_error(format!(
                        "must be real number, not {}",
                        vm.types.type_name(other)
                    )))
                }
            };
            let mut spec = conv_spec(c, ty);
            if spec.precision.is_none() {
                spec.precision = Some(6);
            }
            format_float(f, &spec)
        }
    }
}

/// An integer conversion; a precision is a minimum digit count.
fn int_conv(c: &Conv, ty: char, n: &Value) -> RunResult<String> {
    let b = crate::runtime::num::to_bigint(n).unwrap_or_default();
    let mut spec = conv_spec(c, ty);
    spec.precision = None;
    match c.precision {
        Some(p) if p > 0 => {
            let digits = b.magnitude().to_str_radix(match ty {
                'o' => 8,
                'x' | 'X' => 16,
                _ => 10,
            });
            let digits = if ty == 'X' {
                digits.to_uppercase()
            } else {
                digits
            };
            let mut body = String::new();
            if num_traits::Signed::is_negative(&b) {
                body.push('-');
            } else if c.plus {
                body.push('+');
            } else if c.space {
                body.push(' ');
            }
            if c.alt && ty != 'd' {
                body.push_str(match ty {
                    'o' => "0o",
                    'x' => "0x",
                    _ => "0X",
                });
            }
            for _ in digits.len()..p {
                body.push('0');
            }
            body.push_str(&digits);
            let pad_spec = Spec {
                align: Some(if c.minus { '<' } else { '>' }),
                width: c.width,
                ..Spec::default()
            };
            format_str(&body, &pad_spec)
        }
        _ => format_int(&b, &spec, "int"),
    }
}
