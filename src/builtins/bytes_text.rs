//! The text-like methods of `bytes` beyond searching and splitting:
//! splitting from the right, ASCII case mapping and predicates, padding,
//! `expandtabs`, `splitlines`, prefixes, `maketrans`/`translate` and
//! `hex` with separators. Like CPython, only ASCII letters have a case.

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::Value;
use crate::vm::Vm;

use super::args;
use super::bytes_methods::{bytes_arg, find_sub, is_ws, this};

type KwList = Vec<(Value, Value)>;

/// `b.rsplit(sep=None, maxsplit=-1)`
pub fn bytes_rsplit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "rsplit", args)?;
    let [sep, maxsplit] = args::bind("rsplit", rest, kw, ["sep", "maxsplit"], 0)?;
    let max = match maxsplit {
        Some(m) => args::ssize(vm, &m)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let data: &[u8] = &b.b;
    let mut out = Vec::new();
    match sep {
        None | Some(Value::None) => {
            let mut j = data.len();
            let mut n = 0;
            loop {
                while j > 0 && is_ws(data[j - 1]) {
                    j -= 1;
                }
                if j == 0 {
                    break;
                }
                if n == max {
                    out.push(Value::bytes(data[..j].to_vec()));
                    break;
                }
                let end = j;
                while j > 0 && !is_ws(data[j - 1]) {
                    j -= 1;
                }
                out.push(Value::bytes(data[j..end].to_vec()));
                n += 1;
            }
        }
        Some(s) => {
            let sep = bytes_arg(vm, &s)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut end = data.len();
            let mut n = 0;
            while n < max {
                match find_sub(&data[..end], &sep, true) {
                    Some(i) => {
                        out.push(Value::bytes(data[i + sep.len()..end].to_vec()));
                        end = i;
                        n += 1;
                    }
                    None => break,
                }
            }
            out.push(Value::bytes(data[..end].to_vec()));
        }
    }
    out.reverse();
    Ok(Value::list(out))
}

/// `b.rpartition(sep)`
pub fn bytes_rpartition(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "rpartition", args)?;
    let sep_obj = args::one("bytes.rpartition", rest)?;
    let sep = bytes_arg(vm, sep_obj)?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let empty = || Value::bytes(Vec::new());
    Ok(match find_sub(&b.b, &sep, true) {
        Some(i) => Value::tuple(vec![
            Value::bytes(b.b[..i].to_vec()),
            sep_obj.clone(),
            Value::bytes(b.b[i + sep.len()..].to_vec()),
        ]),
        None => Value::tuple(vec![empty(), empty(), args[0].clone()]),
    })
}

// === case ===

fn map_all(vm: &mut Vm, name: &str, args: &[Value], f: fn(&[u8]) -> Vec<u8>) -> RunResult<Value> {
    let (b, rest) = this(vm, name, args)?;
    args::none(&format!("bytes.{}", name), rest)?;
    Ok(Value::bytes(f(&b.b)))
}

/// `b.capitalize()`
pub fn bytes_capitalize(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_all(vm, "capitalize", args, |d| {
        d.iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

/// `b.title()`
pub fn bytes_title(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_all(vm, "title", args, |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&c| {
                let out = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

/// `b.swapcase()`
pub fn bytes_swapcase(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_all(vm, "swapcase", args, |d| {
        d.iter()
            .map(|&c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn test_all(vm: &mut Vm, name: &str, args: &[Value], f: fn(&[u8]) -> bool) -> RunResult<Value> {
    let (b, rest) = this(vm, name, args)?;
    args::none(&format!("bytes.{}", name), rest)?;
    Ok(Value::Bool(f(&b.b)))
}

/// `b.isupper()`
pub fn bytes_isupper(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    test_all(vm, "isupper", args, |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

/// `b.islower()`
pub fn bytes_islower(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    test_all(vm, "islower", args, |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

/// `b.isascii()`
pub fn bytes_isascii(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    test_all(vm, "isascii", args, |d| d.is_ascii())
}

/// `b.istitle()`
pub fn bytes_istitle(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    test_all(vm, "istitle", args, |d| {
        let (mut prev_cased, mut any) = (false, false);
        for c in d {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

// === padding ===

fn fill_arg(vm: &Vm, name: &str, v: Option<&Value>) -> RunResult<u8> {
    match v {
        None => Ok(b' '),
        Some(Value::Bytes(b)) if b.b.len() == 1 => Ok(b.b[0]),
        Some(v)
            if crate::runtime::buffer::as_bytearray(v).is_some_and(|b| b.b.borrow().len() == 1) =>
        {
            Ok(crate::runtime::buffer::as_bytearray(v).map_or(b' ', |b| b.b.borrow()[0]))
        }
        Some(other) => Err(PyErr::type_error(format!(
            "{}() argument 2 must be a byte string of length 1, not {}",
            name,
            vm.types.type_name(other)
        ))),
    }
}

fn pad(vm: &mut Vm, name: &str, args: &[Value], how: char) -> RunResult<Value> {
    let (b, rest) = this(vm, name, args)?;
    args::count(name, rest, 1, 2)?;
    let width = args::ssize(vm, &rest[0])?;
    let fill = fill_arg(vm, name, rest.get(1))?;
    let n = b.b.len();
    if width <= n as i64 {
        return Ok(args[0].clone());
    }
    let k = width as usize - n;
    args::check_alloc(width as usize)?;
    let left = match how {
        '<' => 0,
        '>' => k,
        _ => k / 2 + (k & width as usize & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&b.b);
    out.resize(width as usize, fill);
    Ok(Value::bytes(out))
}

/// `b.ljust(width, fillbyte=b' ')`
pub fn bytes_ljust(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    pad(vm, "ljust", args, '<')
}

/// `b.rjust(width, fillbyte=b' ')`
pub fn bytes_rjust(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    pad(vm, "rjust", args, '>')
}

/// `b.center(width, fillbyte=b' ')`
pub fn bytes_center(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    pad(vm, "center", args, '^')
}

/// `b.zfill(width)`
pub fn bytes_zfill(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "zfill", args)?;
    let width = args::ssize(vm, args::one("bytes.zfill", rest)?)?;
    let n = b.b.len();
    if width <= n as i64 {
        return Ok(args[0].clone());
    }
    args::check_alloc(width as usize)?;
    let k = width as usize - n;
    let mut out = Vec::with_capacity(width as usize);
    let signed = matches!(b.b.first(), Some(b'+' | b'-'));
    if signed {
        out.push(b.b[0]);
    }
    out.extend(std::iter::repeat_n(b'0', k));
    out.extend_from_slice(&b.b[signed as usize..]);
    Ok(Value::bytes(out))
}

/// `b.expandtabs(tabsize=8)`
pub fn bytes_expandtabs(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "expandtabs", args)?;
    let [tab] = args::bind("expandtabs", rest, kw, ["tabsize"], 0)?;
    let tab = match tab {
        Some(t) => args::ssize(vm, &t)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(b.b.len());
    let mut col: i64 = 0;
    for &c in b.b.iter() {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    args::check_alloc(out.len().saturating_add(n as usize))?;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::bytes(out))
}

/// `b.splitlines(keepends=False)`: only `\n`, `\r` and `\r\n` end lines.
pub fn bytes_splitlines(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "splitlines", args)?;
    let [keep] = args::bind("splitlines", rest, kw, ["keepends"], 0)?;
    let keep = match keep {
        Some(k) => vm.index_of(&k)? != 0,
        None => false,
    };
    let d: &[u8] = &b.b;
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < d.len() {
        let eol = match d[i] {
            b'\r' if d.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        out.push(Value::bytes(d[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < d.len() {
        out.push(Value::bytes(d[start..].to_vec()));
    }
    Ok(Value::list(out))
}

fn strip_affix(vm: &mut Vm, name: &str, args: &[Value], suffix: bool) -> RunResult<Value> {
    let (b, rest) = this(vm, name, args)?;
    let a = bytes_arg(vm, args::one(name, rest)?)?;
    let d: &[u8] = &b.b;
    let out = if suffix {
        d.strip_suffix(&a[..])
    } else {
        d.strip_prefix(&a[..])
    };
    match out {
        Some(o) if !a.is_empty() => Ok(Value::bytes(o.to_vec())),
        _ => Ok(args[0].clone()),
    }
}

/// `b.removeprefix(prefix)`
pub fn bytes_removeprefix(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    strip_affix(vm, "removeprefix", args, false)
}

/// `b.removesuffix(suffix)`
pub fn bytes_removesuffix(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    strip_affix(vm, "removesuffix", args, true)
}

// === translate ===

/// `bytes.maketrans(from, to)`: a 256-byte table.
pub fn bytes_maketrans(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = args::classmethod_args(args);
    args::count("maketrans", rest, 2, 2)?;
    let from = bytes_arg(vm, &rest[0])?;
    let to = bytes_arg(vm, &rest[1])?;
    if from.len() != to.len() {
        return Err(PyErr::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(Value::bytes(table))
}

/// `b.translate(table, /, delete=b'')`
pub fn bytes_translate(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "translate", args)?;
    let (pos, del_kw): (KwList, KwList) = kw
        .iter()
        .cloned()
        .partition(|(k, _)| args::kw_name(k) != "delete");
    let [table, delete] = args::bind("translate", rest, &pos, ["table", "delete"], 1)?;
    let [delete_kw] = args::kwonly("translate", &del_kw, ["delete"])?;
    let table = match table {
        None | Some(Value::None) => None,
        Some(t) => {
            let t = bytes_arg(vm, &t)?;
            if t.len() != 256 {
                return Err(PyErr::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
    };
    let delete = match delete.or(delete_kw) {
        Some(d) => bytes_arg(vm, &d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> =
        b.b.iter()
            .filter(|c| !delete.contains(c))
            .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
            .collect();
    Ok(Value::bytes(out))
}

/// `b.hex(sep='', bytes_per_sep=1)`: `sep` between groups counted from
/// the right (from the left when `bytes_per_sep` is negative).
pub fn bytes_hex(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "hex", args)?;
    let [sep, per] = args::bind("hex", rest, kw, ["sep", "bytes_per_sep"], 0)?;
    let sep = match &sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) if s.char_len == 1 => s.as_str().chars().next(),
        Some(Value::Bytes(s)) if s.b.len() == 1 => Some(s.b[0] as char),
        Some(Value::Str(_) | Value::Bytes(_)) => {
            return Err(PyErr::value_error("sep must be length 1."))
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "object of type '{}' has no len()",
                vm.types.type_name(other)
            )))
        }
    };
    if sep.is_some_and(|c| !c.is_ascii()) {
        return Err(PyErr::value_error("sep must be ASCII."));
    }
    let per = match per {
        Some(p) => vm.index_of(&p)?,
        None => 1,
    };
    let d: &[u8] = &b.b;
    let mut out = String::with_capacity(d.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, x) in d.iter().enumerate() {
        if let Some(c) = sep {
            let boundary = if per > 0 {
                (d.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group.max(1))
            };
            if i > 0 && group > 0 && boundary {
                out.push(c);
            }
        }
        out.push_str(&format!("{:02x}", x));
    }
    Ok(Value::string(out))
}
