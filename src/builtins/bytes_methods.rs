//! The methods of `bytes`, and the codecs shared with `str.encode` and
//! `str(b, encoding)`: UTF-8, ASCII and Latin-1 with the `strict`,
//! `ignore`, `replace` and `backslashreplace` error handlers and
//! CPython's `UnicodeDecodeError`/`UnicodeEncodeError` messages.

use std::rc::Rc;

use crate::runtime::buffer::buffer_bytes;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{NativeFn, PyBytes, Value};
use crate::vm::Vm;

use super::args;
use super::bytes_text as bt;

macro_rules! table {
    ($ty:literal; $($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!($ty, ".", $name)),)*]
    };
}

const BYTES_METHODS: &[(&str, NativeFn, &str)] = table!("bytes";
    "capitalize" => bt::bytes_capitalize,
    "center" => bt::bytes_center,
    "count" => bytes_count,
    "decode" => bytes_decode,
    "endswith" => bytes_endswith,
    "expandtabs" => bt::bytes_expandtabs,
    "find" => bytes_find,
    "hex" => bt::bytes_hex,
    "index" => bytes_index,
    "isalnum" => bytes_isalnum,
    "isalpha" => bytes_isalpha,
    "isascii" => bt::bytes_isascii,
    "isdigit" => bytes_isdigit,
    "islower" => bt::bytes_islower,
    "isspace" => bytes_isspace,
    "istitle" => bt::bytes_istitle,
    "isupper" => bt::bytes_isupper,
    "join" => bytes_join,
    "ljust" => bt::bytes_ljust,
    "lower" => bytes_lower,
    "lstrip" => bytes_lstrip,
    "partition" => bytes_partition,
    "removeprefix" => bt::bytes_removeprefix,
    "removesuffix" => bt::bytes_removesuffix,
    "replace" => bytes_replace,
    "rfind" => bytes_rfind,
    "rindex" => bytes_rindex,
    "rjust" => bt::bytes_rjust,
    "rpartition" => bt::bytes_rpartition,
    "rsplit" => bt::bytes_rsplit,
    "rstrip" => bytes_rstrip,
    "split" => bytes_split,
    "splitlines" => bt::bytes_splitlines,
    "startswith" => bytes_startswith,
    "strip" => bytes_strip,
    "swapcase" => bt::bytes_swapcase,
    "title" => bt::bytes_title,
    "translate" => bt::bytes_translate,
    "upper" => bytes_upper,
    "zfill" => bt::bytes_zfill,
);

/// Installs the `bytes` methods.
pub fn install(vm: &mut Vm) {
    let cls = vm.types.bytes.clone();
    super::install_methods(vm, &cls, BYTES_METHODS);
    super::install_classmethod(vm, &cls, "fromhex", bytes_fromhex, "bytes.fromhex");
    super::install_classmethod(
        vm,
        &cls,
        "maketrans",
        bt::bytes_maketrans,
        "bytes.maketrans",
    );
}

// === codecs ===

enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

fn codec(name: &str) -> RunResult<(Codec, &'static str)> {
    let norm = name.to_ascii_lowercase().replace('_', "-");
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => (Codec::Utf8, "utf-8"),
        "ascii" | "us-ascii" | "646" => (Codec::Ascii, "ascii"),
        "latin-1" | "latin1" | "latin" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" => {
            (Codec::Latin1, "latin-1")
        }
        _ => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown encoding: {}", name),
            ))
        }
    })
}

fn bad_handler(errors: &str) -> PyErr {
    PyErr::new(
        ExcKind::LookupError,
        format!("unknown error handler name '{}'", errors),
    )
}

/// `\xe9`-style escape of a character, as in CPython's error messages.
fn char_escape(c: char) -> String {
    let n = c as u32;
    if n <= 0xff {
        format!("\\x{:02x}", n)
    } else if n <= 0xffff {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    }
}

/// Encodes text; `errors` is the handler name.
pub fn encode(s: &str, encoding: &str, errors: &str) -> RunResult<Vec<u8>> {
    let (c, cname) = codec(encoding)?;
    let limit: u32 = match c {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            "strict" => {
                let mut j = i;
                while j < chars.len() && chars[j] as u32 >= limit {
                    j += 1;
                }
                let what = if j - i == 1 {
                    format!("character '{}' in position {}", char_escape(c), i)
                } else {
                    format!("characters in position {}-{}", i, j - 1)
                };
                return Err(PyErr::new(
                    ExcKind::UnicodeEncodeError,
                    format!(
                        "'{}' codec can't encode {}: ordinal not in range({})",
                        cname, what, limit
                    ),
                ));
            }
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => out.extend_from_slice(char_escape(c).as_bytes()),
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{};", c as u32).as_bytes()),
            other => return Err(bad_handler(other)),
        }
        i += 1;
    }
    Ok(out)
}

fn decode_error(cname: &str, b: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let what = if end - start == 1 {
        format!("byte 0x{:02x} in position {}", b[start], start)
    } else {
        format!("bytes in position {}-{}", start, end - 1)
    };
    PyErr::new(
        ExcKind::UnicodeDecodeError,
        format!("'{}' codec can't decode {}: {}", cname, what, reason),
    )
}

/// Decodes bytes; `errors` is the handler name.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> RunResult<String> {
    let (c, cname) = codec(encoding)?;
    match c {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(decode_error(
                            cname,
                            b,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ))
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{:02x}", x)),
                    other => return Err(bad_handler(other)),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => decode_utf8(b, errors),
    }
}

fn decode_utf8(b: &[u8], errors: &str) -> RunResult<String> {
    let mut out = String::new();
    let mut rest = b;
    let mut base = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                let bad = e.error_len().unwrap_or(rest.len() - good);
                let start = base + good;
                match errors {
                    "strict" => {
                        let reason = if e.error_len().is_none() {
                            "unexpected end of data"
                        } else if bad == 1 && !matches!(rest[good], 0xc2..=0xf4) {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        return Err(decode_error("utf-8", b, start, start + bad, reason));
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for x in &rest[good..good + bad] {
                            out.push_str(&format!("\\x{:02x}", x));
                        }
                    }
                    other => return Err(bad_handler(other)),
                }
                rest = &rest[good + bad..];
                base = start + bad;
            }
        }
    }
}

/// An optional str argument (`encoding=`, `errors=`).
pub fn str_opt(vm: &Vm, v: &Option<Value>, fname: &str, what: &str) -> RunResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
        Some(other) => Err(PyErr::type_error(format!(
            "{}() argument '{}' must be str, not {}",
            fname,
            what,
            vm.types.type_name(other)
        ))),
    }
}

// === methods ===

pub fn this<'a>(
    vm: &Vm,
    name: &str,
    args: &'a [Value],
) -> RunResult<(&'a Rc<PyBytes>, &'a [Value])> {
    match args.first() {
        Some(Value::Bytes(b)) => Ok((b, &args[1..])),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'bytes' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of 'bytes' object needs an argument",
            name
        ))),
    }
}

/// A bytes-like argument (bytes, bytearray, memoryview), or CPython's
/// TypeError.
pub fn bytes_arg(vm: &Vm, v: &Value) -> RunResult<Vec<u8>> {
    match buffer_bytes(v)? {
        Some(b) => Ok(b),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.types.type_name(v)
        ))),
    }
}

/// A search needle: bytes or an int in range(256).
fn needle(vm: &Vm, v: &Value) -> RunResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(v)? {
        return Ok(b);
    }
    match v {
        Value::Int(i) if (0..256).contains(i) => Ok(vec![*i as u8]),
        Value::Int(_) => Err(PyErr::value_error("byte must be in range(0, 256)")),
        other => Err(PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.types.type_name(other)
        ))),
    }
}

pub fn find_sub(hay: &[u8], sub: &[u8], rev: bool) -> Option<usize> {
    if sub.is_empty() {
        return Some(if rev { hay.len() } else { 0 });
    }
    if sub.len() > hay.len() {
        return None;
    }
    let mut positions = 0..=hay.len() - sub.len();
    if rev {
        positions.rev().find(|&i| &hay[i..i + sub.len()] == sub)
    } else {
        positions.find(|&i| &hay[i..i + sub.len()] == sub)
    }
}

fn find_impl(vm: &mut Vm, name: &str, args: &[Value], rev: bool) -> RunResult<Option<usize>> {
    let (b, rest) = this(vm, name, args)?;
    args::count_old(name, rest, 1, 3)?;
    let sub = needle(vm, &rest[0])?;
    let (start, end) = super::str_methods::adjust(vm, rest.get(1), rest.get(2), b.b.len())?;
    if start > b.b.len() || start > end {
        return Ok(None);
    }
    Ok(find_sub(&b.b[start..end], &sub, rev).map(|i| i + start))
}

fn bytes_find(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(
        find_impl(vm, "find", args, false)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}

fn bytes_rfind(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    Ok(Value::Int(
        find_impl(vm, "rfind", args, true)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}

fn bytes_index(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    match find_impl(vm, "index", args, false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn bytes_rindex(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    match find_impl(vm, "rindex", args, true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn bytes_count(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "count", args)?;
    args::count_old("count", rest, 1, 3)?;
    let sub = needle(vm, &rest[0])?;
    let (start, end) = super::str_methods::adjust(vm, rest.get(1), rest.get(2), b.b.len())?;
    if start > b.b.len() || start > end {
        return Ok(Value::Int(0));
    }
    let hay = &b.b[start..end];
    if sub.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let (mut n, mut i) = (0, 0);
    while i + sub.len() <= hay.len() {
        if hay[i..i + sub.len()] == sub[..] {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(n))
}

fn affix(vm: &mut Vm, name: &str, args: &[Value], suffix: bool) -> RunResult<Value> {
    let (b, rest) = this(vm, name, args)?;
    args::count_old(name, rest, 1, 3)?;
    let (start, end) = super::str_methods::adjust(vm, rest.get(1), rest.get(2), b.b.len())?;
    if start > b.b.len() || start > end {
        return Ok(Value::Bool(false));
    }
    let hay = &b.b[start..end];
    let test = |p: &[u8]| {
        if suffix {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    if let Some(p) = buffer_bytes(&rest[0])? {
        return Ok(Value::Bool(test(&p)));
    }
    match &rest[0] {
        Value::Tuple(t) => {
            for p in t.items.iter() {
                if test(&bytes_arg(vm, p)?) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{} first arg must be bytes or a tuple of bytes, not {}",
            name,
            vm.types.type_name(other)
        ))),
    }
}

fn bytes_startswith(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    affix(vm, "startswith", args, false)
}

fn bytes_endswith(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    affix(vm, "endswith", args, true)
}

/// `b.decode(encoding='utf-8', errors='strict')`
fn bytes_decode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "decode", args)?;
    let [enc, errors] = args::bind("decode", rest, kw, ["encoding", "errors"], 0)?;
    let enc = str_opt(vm, &enc, "decode", "encoding")?;
    let errors = str_opt(vm, &errors, "decode", "errors")?;
    let s = decode(
        &b.b,
        enc.as_deref().unwrap_or("utf-8"),
        errors.as_deref().unwrap_or("strict"),
    )?;
    Ok(Value::string(s))
}

pub fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// `b.split(sep=None, maxsplit=-1)`
fn bytes_split(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "split", args)?;
    let [sep, maxsplit] = args::bind("split", rest, kw, ["sep", "maxsplit"], 0)?;
    let max = match maxsplit {
        Some(m) => vm.index_of(&m)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let data: &[u8] = &b.b;
    let mut out = Vec::new();
    match sep {
        None | Some(Value::None) => {
            let mut i = 0;
            let mut n = 0;
            loop {
                while i < data.len() && is_ws(data[i]) {
                    i += 1;
                }
                if i >= data.len() {
                    break;
                }
                if n == max {
                    out.push(Value::bytes(data[i..].to_vec()));
                    break;
                }
                let start = i;
                while i < data.len() && !is_ws(data[i]) {
                    i += 1;
                }
                out.push(Value::bytes(data[start..i].to_vec()));
                n += 1;
            }
        }
        Some(s) => {
            let sep = bytes_arg(vm, &s)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut start = 0;
            let mut i = 0;
            let mut n = 0;
            while n < max && i + sep.len() <= data.len() {
                if data[i..i + sep.len()] == sep[..] {
                    out.push(Value::bytes(data[start..i].to_vec()));
                    i += sep.len();
                    start = i;
                    n += 1;
                } else {
                    i += 1;
                }
            }
            out.push(Value::bytes(data[start..].to_vec()));
        }
    }
    Ok(Value::list(out))
}

/// `sep.join(iterable_of_bytes)`
fn bytes_join(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (sep, rest) = this(vm, "join", args)?;
    let src = args::one("bytes.join", rest)?;
    let items = match vm.get_iter(src) {
        Ok(it) => {
            let mut items = Vec::new();
            while let Some(x) = vm.next(&it)? {
                items.push(x);
            }
            items
        }
        Err(e) if e.lazy_kind() == Some(ExcKind::TypeError) => {
            return Err(PyErr::type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep.b);
        }
        match buffer_bytes(it)? {
            Some(p) => out.extend_from_slice(&p),
            None => {
                let other = it;
                return Err(PyErr::type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i,
                    vm.types.type_name(other)
                )));
            }
        }
    }
    vm.charge(out.len() as u64 / 64)?;
    Ok(Value::bytes(out))
}

fn strip_impl(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    left: bool,
    right: bool,
) -> RunResult<Value> {
    let (b, rest) = this(vm, name, args)?;
    args::count(name, rest, 0, 1)?;
    let set: Option<Vec<u8>> = match rest.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(vm, v)?),
    };
    let strip = |c: u8| match &set {
        None => is_ws(c),
        Some(s) => s.contains(&c),
    };
    let data: &[u8] = &b.b;
    let mut i = 0;
    let mut j = data.len();
    if left {
        while i < j && strip(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(data[j - 1]) {
            j -= 1;
        }
    }
    Ok(Value::bytes(data[i..j].to_vec()))
}

fn bytes_strip(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    strip_impl(vm, "strip", args, true, true)
}

fn bytes_lstrip(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    strip_impl(vm, "lstrip", args, true, false)
}

fn bytes_rstrip(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    strip_impl(vm, "rstrip", args, false, true)
}

/// `b.replace(old, new, count=-1)`
fn bytes_replace(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "replace", args)?;
    args::count("replace", rest, 2, 3)?;
    let old = bytes_arg(vm, &rest[0])?;
    let new = bytes_arg(vm, &rest[1])?;
    let mut count = match rest.get(2) {
        Some(c) => vm.index_of(c)?,
        None => -1,
    };
    let data: &[u8] = &b.b;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    if old.is_empty() {
        for &c in data {
            if count != 0 {
                out.extend_from_slice(&new);
                count -= 1;
            }
            out.push(c);
        }
        if count != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(Value::bytes(out));
    }
    while i < data.len() {
        if count != 0 && data[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            count -= 1;
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    Ok(Value::bytes(out))
}

fn bytes_partition(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (b, rest) = this(vm, "partition", args)?;
    let sep_obj = args::one("bytes.partition", rest)?;
    let sep = bytes_arg(vm, sep_obj)?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    Ok(match find_sub(&b.b, &sep, false) {
        Some(i) => Value::tuple(vec![
            Value::bytes(b.b[..i].to_vec()),
            sep_obj.clone(),
            Value::bytes(b.b[i + sep.len()..].to_vec()),
        ]),
        None => Value::tuple(vec![
            args[0].clone(),
            Value::bytes(Vec::new()),
            Value::bytes(Vec::new()),
        ]),
    })
}

fn map_bytes(vm: &mut Vm, name: &str, args: &[Value], f: fn(&u8) -> u8) -> RunResult<Value> {
    let (b, rest) = this(vm, name, args)?;
    args::none(&format!("bytes.{}", name), rest)?;
    Ok(Value::bytes(b.b.iter().map(f).collect()))
}

fn bytes_upper(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_bytes(vm, "upper", args, u8::to_ascii_uppercase)
}

fn bytes_lower(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    map_bytes(vm, "lower", args, u8::to_ascii_lowercase)
}

fn test_bytes(vm: &mut Vm, name: &str, args: &[Value], f: fn(&u8) -> bool) -> RunResult<Value> {
    let (b, rest) = this(vm, name, args)?;
    args::none(&format!("bytes.{}", name), rest)?;
    Ok(Value::Bool(!b.b.is_empty() && b.b.iter().all(f)))
}

fn bytes_isdigit(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    test_bytes(vm, "isdigit", args, u8::is_ascii_digit)
}

fn bytes_isalpha(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    test_bytes(vm, "isalpha", args, u8::is_ascii_alphabetic)
}

fn bytes_isalnum(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    test_bytes(vm, "isalnum", args, u8::is_ascii_alphanumeric)
}

fn bytes_isspace(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    test_bytes(vm, "isspace", args, |c| is_ws(*c))
}

/// `bytes.fromhex(string)`
fn bytes_fromhex(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let rest = args::classmethod_args(args);
    let s = match args::one("fromhex", rest)? {
        Value::Str(s) => s.clone(),
        other => {
            return Err(PyErr::type_error(format!(
                "fromhex() argument must be str, not {}",
                vm.types.type_name(other)
            )))
        }
    };
    let text = s.as_str().as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = (text[i] as char).to_digit(16);
        let lo = text.get(i + 1).and_then(|c| (*c as char).to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => {
                return Err(PyErr::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i
                )))
            }
            (Some(_), None) => {
                return Err(PyErr::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
        }
        i += 2;
    }
    Ok(Value::bytes(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_codecs_round_trip() {
        assert_eq!(encode("é", "latin-1", "strict").ok(), Some(vec![0xe9]));
        assert_eq!(
            decode(&[0xe9], "latin1", "strict").ok().as_deref(),
            Some("é")
        );
        assert!(decode(&[0xff], "utf-8", "strict").is_err());
        assert_eq!(
            decode(&[b'a', 0xff], "utf-8", "replace").ok().as_deref(),
            Some("a\u{fffd}")
        );
        assert_eq!(encode("é", "ascii", "replace").ok(), Some(vec![b'?']));
    }
}
