//! `str` methods that map characters: case conversion, the `is*`
//! predicates, padding (`ljust`, `center`, `zfill`), `expandtabs` and
//! `translate`/`maketrans`.

use std::rc::Rc;

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::unicode::{self, push_case, push_lower_at, Case};
use crate::runtime::value::{PyDict, PyStr, Value};
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
    if s.is_ascii() {
        // The case mappings take ASCII to ASCII: no count of the result.
        let n = out.len();
        return Ok(Value::Str(Rc::new(PyStr::with_char_len(out, n))));
    }
    Ok(Value::string(out))
}

/// Maps every character with `f(out, chars, i)`.
fn map_chars(t: &str, f: impl Fn(&mut String, &[char], usize)) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for i in 0..chars.len() {
        f(&mut out, &chars, i);
    }
    out
}

/// `s.upper()`
pub fn str_upper(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "upper", args, |t| {
        if t.is_ascii() {
            return t.to_ascii_uppercase();
        }
        map_chars(t, |out, c, i| push_case(out, c[i], Case::Upper))
    })
}

/// `s.lower()`
pub fn str_lower(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "lower", args, |t| {
        if t.is_ascii() {
            return t.to_ascii_lowercase();
        }
        map_chars(t, push_lower_at)
    })
}

/// `s.casefold()`
pub fn str_casefold(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "casefold", args, |t| {
        if t.is_ascii() {
            return t.to_ascii_lowercase();
        }
        map_chars(t, |out, c, i| push_case(out, c[i], Case::Fold))
    })
}

/// `s.swapcase()`
pub fn str_swapcase(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "swapcase", args, |t| {
        map_chars(t, |out, c, i| {
            let f = unicode::flags(c[i]);
            if f & unicode::UPPER != 0 {
                push_lower_at(out, c, i);
            } else if f & unicode::LOWER != 0 {
                push_case(out, c[i], Case::Upper);
            } else {
                out.push(c[i]);
            }
        })
    })
}

/// `s.capitalize()`: the first character in titlecase, the rest lower.
pub fn str_capitalize(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "capitalize", args, |t| {
        map_chars(t, |out, c, i| {
            if i == 0 {
                push_case(out, c[0], Case::Title);
            } else {
                push_lower_at(out, c, i);
            }
        })
    })
}

/// `s.title()`
pub fn str_title(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_text(vm, "title", args, |t| {
        map_chars(t, |out, c, i| {
            if i > 0 && unicode::is_cased(c[i - 1]) {
                push_lower_at(out, c, i);
            } else {
                push_case(out, c[i], Case::Title);
            }
        })
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

/// A predicate on the Unicode flags, with an ASCII fast path.
fn flag_predicate(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    ascii: fn(&char) -> bool,
    flags: u16,
) -> RunResult<Value> {
    predicate(vm, name, args, |c| {
        if c.is_ascii() {
            ascii(&c)
        } else {
            unicode::flags(c) & flags != 0
        }
    })
}

/// `s.isdigit()`
pub fn str_isdigit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    flag_predicate(vm, "isdigit", args, char::is_ascii_digit, unicode::DIGIT)
}

/// `s.isdecimal()`
pub fn str_isdecimal(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    flag_predicate(
        vm,
        "isdecimal",
        args,
        char::is_ascii_digit,
        unicode::DECIMAL,
    )
}

/// `s.isnumeric()`
pub fn str_isnumeric(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    flag_predicate(
        vm,
        "isnumeric",
        args,
        char::is_ascii_digit,
        unicode::NUMERIC,
    )
}

/// `s.isalpha()`
pub fn str_isalpha(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    flag_predicate(
        vm,
        "isalpha",
        args,
        char::is_ascii_alphabetic,
        unicode::ALPHA,
    )
}

/// `s.isalnum()`
pub fn str_isalnum(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let alnum = unicode::ALPHA | unicode::DECIMAL | unicode::DIGIT | unicode::NUMERIC;
    flag_predicate(vm, "isalnum", args, char::is_ascii_alphanumeric, alnum)
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
    Ok(Value::Bool(s.as_str().chars().all(unicode::is_printable)))
}

/// `isupper`/`islower`: no character of the other case or titlecase, and
/// at least one of the wanted case.
fn case_test(vm: &mut Vm, name: &str, args: &[Value], want: u16) -> RunResult<Value> {
    let (s, rest) = this(vm, name, args)?;
    args::none(&format!("str.{}", name), rest)?;
    let other = (unicode::UPPER | unicode::LOWER) & !want;
    let mut cased = false;
    for c in s.as_str().chars() {
        let f = unicode::flags(c);
        if f & (other | unicode::TITLE) != 0 {
            return Ok(Value::Bool(false));
        }
        cased |= f & want != 0;
    }
    Ok(Value::Bool(cased))
}

/// `s.isupper()`
pub fn str_isupper(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    case_test(vm, "isupper", args, unicode::UPPER)
}

/// `s.islower()`
pub fn str_islower(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    case_test(vm, "islower", args, unicode::LOWER)
}

/// `s.istitle()`
pub fn str_istitle(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "istitle", args)?;
    args::none("str.istitle", rest)?;
    let (mut prev_cased, mut any) = (false, false);
    for c in s.as_str().chars() {
        let f = unicode::flags(c);
        if f & (unicode::UPPER | unicode::TITLE) != 0 {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if f & unicode::LOWER != 0 {
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
            unicode::has(c, unicode::XID_START)
                && chars.all(|c| unicode::has(c, unicode::XID_CONTINUE))
        }
        None => false,
    };
    Ok(Value::Bool(ok))
}

// === padding ===

/// `width` and `fillchar` of `ljust`/`rjust`/`center`.
fn pad_args(vm: &mut Vm, name: &str, rest: &[Value]) -> RunResult<(usize, char)> {
    args::count(name, rest, 1, 2)?;
    let width = args::ssize(vm, &rest[0])?.max(0) as usize;
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
    let width = args::ssize(vm, w)?.max(0) as usize;
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
        Some(t) => args::ssize(vm, &t)?,
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
                    Value::Str(_) => {
                        return Err(PyErr::value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
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
