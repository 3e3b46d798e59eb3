//! `str` methods that map characters: case conversion, the `is*`
//! predicates, padding (`ljust`, `center`, `zfill`), `expandtabs` and
//! `translate`/`maketrans`.

use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{PyDict, Value};
use crate::vm::Vm;

use super::args;
use super::str_methods::{new_str, py_isspace, this};

/// Runs a no-argument text transform, sharing the value when unchanged.
fn map_text(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    f: impl Fn(&str) -> String,
) -> RunResult<Value> {
    let (s, rest) = this(vm, name, args)?;
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!(
            "str.{}() takes no arguments ({} given)",
            name,
            rest.len()
        )));
    }
    vm.charge(s.s.len() as u64 / 32)?;
    let out = f(s.as_str());
    if out == s.as_str() {
        return Ok(args[0].clone());
    }
    Ok(Value::string(out))
}

/// `s.upper()`
pub fn str_upper(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "upper", args, |t| {
        if t.is_ascii() {
            t.to_ascii_uppercase()
        } else {
            t.to_uppercase()
        }
    })
}

/// `s.lower()`
pub fn str_lower(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "lower", args, |t| {
        if t.is_ascii() {
            t.to_ascii_lowercase()
        } else {
            t.to_lowercase()
        }
    })
}

/// `s.casefold()` (lowercase plus the common full foldings)
pub fn str_casefold(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "casefold", args, |t| {
        t.to_lowercase().replace('ß', "ss")
    })
}

/// `s.swapcase()`
pub fn str_swapcase(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "swapcase", args, |t| {
        let mut out = String::with_capacity(t.len());
        for c in t.chars() {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

/// The title-case form of a character (digraphs have their own).
fn push_title(out: &mut String, c: char) {
    match c {
        'ǆ' | 'ǅ' | 'Ǆ' => out.push('ǅ'),
        'ǉ' | 'ǈ' | 'Ǉ' => out.push('ǈ'),
        'ǌ' | 'ǋ' | 'Ǌ' => out.push('ǋ'),
        'ǳ' | 'ǲ' | 'Ǳ' => out.push('ǲ'),
        _ => out.extend(c.to_uppercase()),
    }
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

/// `s.capitalize()`
pub fn str_capitalize(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "capitalize", args, |t| {
        let mut out = String::with_capacity(t.len());
        let mut chars = t.chars();
        if let Some(c) = chars.next() {
            push_title(&mut out, c);
        }
        for c in chars {
            out.extend(c.to_lowercase());
        }
        out
    })
}

/// `s.title()`
pub fn str_title(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "title", args, |t| {
        let mut out = String::with_capacity(t.len());
        let mut prev_cased = false;
        for c in t.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                push_title(&mut out, c);
            }
            prev_cased = is_cased(c);
        }
        out
    })
}

/// Runs a predicate over the characters (false for the empty str).
fn predicate(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    f: impl Fn(char) -> bool,
) -> RunResult<Value> {
    let (s, rest) = this(vm, name, args)?;
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!(
            "str.{}() takes no arguments ({} given)",
            name,
            rest.len()
        )));
    }
    Ok(Value::Bool(!s.s.is_empty() && s.as_str().chars().all(f)))
}

fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && is_unicode_nd(c))
}

/// Decimal digits outside ASCII: the Nd blocks are runs of ten.
fn is_unicode_nd(c: char) -> bool {
    const ZEROS: &[u32] = &[
        0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
        0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0xff10,
    ];
    let n = c as u32;
    ZEROS.iter().any(|&z| n >= z && n < z + 10)
}

fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c, '²' | '³' | '¹' | '\u{2070}'..='\u{2079}' | '\u{2080}'..='\u{2089}' | '\u{2460}'..='\u{2468}')
}

/// `s.isdigit()`
pub fn str_isdigit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    predicate(vm, "isdigit", args, is_digit)
}

/// `s.isdecimal()`
pub fn str_isdecimal(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    predicate(vm, "isdecimal", args, is_decimal)
}

/// `s.isnumeric()`
pub fn str_isnumeric(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    predicate(vm, "isnumeric", args, |c| c.is_numeric())
}

/// `s.isalpha()`
pub fn str_isalpha(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    predicate(vm, "isalpha", args, |c| c.is_alphabetic())
}

/// `s.isalnum()`
pub fn str_isalnum(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    predicate(vm, "isalnum", args, |c| c.is_alphanumeric())
}

/// `s.isspace()`
pub fn str_isspace(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    predicate(vm, "isspace", args, py_isspace)
}

/// `s.isascii()` (true for the empty str)
pub fn str_isascii(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "isascii", args)?;
    args::none("str.isascii", rest)?;
    Ok(Value::Bool(s.is_ascii()))
}

/// `s.isprintable()` (true for the empty str)
pub fn str_isprintable(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "isprintable", args)?;
    args::none("str.isprintable", rest)?;
    Ok(Value::Bool(
        s.as_str().chars().all(crate::runtime::text::is_printable),
    ))
}

fn case_test(vm: &mut Vm, name: &str, args: &[Value], upper: bool) -> RunResult<Value> {
    let (s, rest) = this(vm, name, args)?;
    args::none(&format!("str.{}", name), rest)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if (upper && c.is_lowercase()) || (!upper && c.is_uppercase()) {
            return Ok(Value::Bool(false));
        }
        cased |= if upper {
            c.is_uppercase()
        } else {
            c.is_lowercase()
        };
    }
    Ok(Value::Bool(cased))
}

/// `s.isupper()`
pub fn str_isupper(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    case_test(vm, "isupper", args, true)
}

/// `s.islower()`
pub fn str_islower(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    case_test(vm, "islower", args, false)
}

/// `s.istitle()`
pub fn str_istitle(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "istitle", args)?;
    args::none("str.istitle", rest)?;
    let (mut prev_cased, mut any) = (false, false);
    for c in s.as_str().chars() {
        if c.is_uppercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ') {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

/// `s.isidentifier()`
pub fn str_isidentifier(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "isidentifier", args)?;
    args::none("str.isidentifier", rest)?;
    let mut chars = s.as_str().chars();
    let ok = match chars.next() {
        Some(c) => {
            (c == '_' || c.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric())
        }
        None => false,
    };
    Ok(Value::Bool(ok))
}

// === padding ===

/// `width` and `fillchar` of `ljust`/`rjust`/`center`.
fn pad_args(vm: &mut Vm, name: &str, rest: &[Value]) -> RunResult<(usize, char)> {
    args::count(name, rest, 1, 2)?;
    let width = vm.index_of(&rest[0])?.max(0) as usize;
    args::check_alloc(width)?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(Value::Str(f)) => {
            let mut it = f.as_str().chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(PyErr::type_error(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{}() argument 2 must be str, not {}",
                name,
                vm.types.type_name(other)
            )))
        }
    };
    Ok((width, fill))
}

fn pad(vm: &mut Vm, name: &str, args: &[Value], how: u8) -> RunResult<Value> {
    let (s, rest) = this(vm, name, args)?;
    let (width, fill) = pad_args(vm, name, rest)?;
    let n = s.char_len;
    if width <= n {
        return Ok(args[0].clone());
    }
    vm.charge(width as u64 / 32)?;
    let marg = width - n;
    let left = match how {
        0 => 0,
        1 => marg,
        _ => marg / 2 + (marg & width & 1),
    };
    let mut out = String::with_capacity(width + s.s.len());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, marg - left));
    Ok(Value::string(out))
}

/// `s.ljust(width, fillchar=' ')`
pub fn str_ljust(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    pad(vm, "ljust", args, 0)
}

/// `s.rjust(width, fillchar=' ')`
pub fn str_rjust(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    pad(vm, "rjust", args, 1)
}

/// `s.center(width, fillchar=' ')`
pub fn str_center(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    pad(vm, "center", args, 2)
}

/// `s.zfill(width)`
pub fn str_zfill(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "zfill", args)?;
    let w = args::one("str.zfill", rest)?;
    let width = vm.index_of(w)?.max(0) as usize;
    args::check_alloc(width)?;
    let n = s.char_len;
    if width <= n {
        return Ok(args[0].clone());
    }
    let text = s.as_str();
    let (sign, body) = match text.as_bytes().first() {
        Some(b'+') | Some(b'-') => text.split_at(1),
        _ => ("", text),
    };
    let mut out = String::with_capacity(width);
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', width - n));
    out.push_str(body);
    Ok(Value::string(out))
}

/// `s.expandtabs(tabsize=8)`
pub fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "expandtabs", args)?;
    let [tab] = args::bind("expandtabs", rest, kw, ["tabsize"], 0)?;
    let tab = match tab {
        Some(t) => vm.index_of(&t)?,
        None => 8,
    };
    if !s.s.contains('\t') {
        return Ok(args[0].clone());
    }
    let mut out = String::with_capacity(s.s.len());
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    args::check_alloc(out.len().saturating_add(n as usize))?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

// === translate ===

/// `s.translate(table)`: `table[ord(c)]` is a str, an int or None.
pub fn str_translate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "translate", args)?;
    let table = args::one("str.translate", rest)?.clone();
    let text = s.as_str().to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let key = Value::Int(c as i64);
        let mapped = match vm.getitem(&table, &key) {
            Ok(v) => Some(v),
            Err(e) if vm.err_matches(&e, crate::runtime::exc::ExcKind::LookupError) => None,
            Err(e) => return Err(e),
        };
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(r)) => out.push_str(r.as_str()),
            Some(Value::Int(i)) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(PyErr::value_error(
                        "character mapping must be in range(0x110000)",
                    ))
                }
            },
            Some(_) => {
                return Err(PyErr::type_error(
                    "character mapping must return integer, None or str",
                ))
            }
        }
    }
    Ok(new_str(vm, &out))
}

/// `str.maketrans(x[, y[, z]])`
pub fn str_maketrans(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = args::classmethod_args(args);
    args::count("maketrans", rest, 1, 3)?;
    let d = Rc::new(PyDict::default());
    match rest {
        [Value::Dict(src)] => {
            let entries: Vec<(Value, Value)> = src
                .d
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            for (k, v) in entries {
                let k = match &k {
                    Value::Str(c) if c.char_len == 1 => {
                        Value::Int(c.as_str().chars().next().map(|c| c as i64).unwrap_or(0))
                    }
                    Value::Int(_) => k,
                    _ => {
                        return Err(PyErr::type_error(
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
                vm.dict_set(&d, k, v)?;
            }
        }
        [_] => {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        [Value::Str(x), Value::Str(y), more @ ..] => {
            if x.char_len != y.char_len {
                return Err(PyErr::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
                vm.dict_set(&d, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(Value::Str(z)) = more.first() {
                for c in z.as_str().chars() {
                    vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => {
            return Err(PyErr::type_error(
                "maketrans() argument 2 must be str, not int",
            ))
        }
    }
    Ok(Value::Dict(d))
}
