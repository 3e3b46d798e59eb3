//! The methods of `str`: searching, splitting, joining, stripping,
//! replacing, partitioning and encoding. Case conversion, predicates and
//! padding live in `str_case`. Indices are in code points; ASCII strings
//! (the common case) map them to bytes for free.

use std::rc::Rc;

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{NativeFn, PyStr, Value};
use crate::vm::Vm;

use super::args;
use super::str_case;

macro_rules! table {
    ($ty:literal; $($name:literal => $f:path,)*) => {
        &[$(($name, $f as NativeFn, concat!($ty, ".", $name)),)*]
    };
}

const STR_METHODS: &[(&str, NativeFn, &str)] = table!("str";
    "capitalize" => str_case::str_capitalize,
    "casefold" => str_case::str_casefold,
    "center" => str_case::str_center,
    "count" => str_count,
    "encode" => str_encode,
    "endswith" => str_endswith,
    "expandtabs" => str_case::str_expandtabs,
    "find" => str_find,
    "format" => super::format::str_format,
    "format_map" => super::format::str_format_map,
    "index" => str_index,
    "isalnum" => str_case::str_isalnum,
    "isalpha" => str_case::str_isalpha,
    "isascii" => str_case::str_isascii,
    "isdecimal" => str_case::str_isdecimal,
    "isdigit" => str_case::str_isdigit,
    "isidentifier" => str_case::str_isidentifier,
    "islower" => str_case::str_islower,
    "isnumeric" => str_case::str_isnumeric,
    "isprintable" => str_case::str_isprintable,
    "isspace" => str_case::str_isspace,
    "istitle" => str_case::str_istitle,
    "isupper" => str_case::str_isupper,
    "join" => str_join,
    "ljust" => str_case::str_ljust,
    "lower" => str_case::str_lower,
    "lstrip" => str_lstrip,
    "partition" => str_partition,
    "removeprefix" => str_removeprefix,
    "removesuffix" => str_removesuffix,
    "replace" => str_replace,
    "rfind" => str_rfind,
    "rindex" => str_rindex,
    "rjust" => str_case::str_rjust,
    "rpartition" => str_rpartition,
    "rsplit" => str_rsplit,
    "rstrip" => str_rstrip,
    "split" => str_split,
    "splitlines" => str_splitlines,
    "startswith" => str_startswith,
    "strip" => str_strip,
    "swapcase" => str_case::str_swapcase,
    "title" => str_case::str_title,
    "translate" => str_case::str_translate,
    "upper" => str_case::str_upper,
    "zfill" => str_case::str_zfill,
);

/// Installs the `str` methods.
pub fn install(vm: &mut Vm) {
    let cls = vm.types.str_.clone();
    super::install_methods(vm, &cls, STR_METHODS);
    super::install_classmethod(
        vm,
        &cls,
        "maketrans",
        str_case::str_maketrans,
        "str.maketrans",
    );
}

/// The str of a method call, and the other arguments.
pub fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> RunResult<(&'a Rc<PyStr>, &'a [Value])> {
    match args.first() {
        Some(Value::Str(s)) => Ok((s, &args[1..])),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'str' objects doesn't apply to a '{}' object",
            name,
            vm.types.type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of 'str' object needs an argument",
            name
        ))),
    }
}

/// Python's `str.isspace` for one character.
#[inline]
pub fn py_isspace(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    crate::runtime::unicode::has(c, crate::runtime::unicode::SPACE)
}

/// A new str value (the empty str and one-character ASCII strs are shared).
#[inline]
pub fn new_str(vm: &mut Vm, s: &str) -> Value {
    match s.as_bytes() {
        [b] if b.is_ascii() => vm.ascii_chars[*b as usize].clone(),
        _ if s.len() <= 1 => vm.intern_value(s),
        _ => Value::str(s),
    }
}

/// `new_str` of a part of an ASCII str: no scan for the char count.
#[inline]
pub fn new_ascii_str(vm: &mut Vm, s: &str) -> Value {
    match s.as_bytes() {
        [b] => vm.ascii_chars[*b as usize].clone(),
        [] => vm.intern_value(""),
        _ => Value::Str(Rc::new(PyStr::from_str_chars(s, s.len()))),
    }
}

/// A part of `whole` (a str known ASCII or not) as a new str.
#[inline]
fn new_part(vm: &mut Vm, part: &str, ascii: bool) -> Value {
    if ascii {
        new_ascii_str(vm, part)
    } else {
        new_str(vm, part)
    }
}

/// A str argument, or `TypeError: must be str, not int`.
fn str_arg<'a>(vm: &Vm, v: &'a Value) -> RunResult<&'a Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "must be str, not {}",
            vm.types.type_name(other)
        ))),
    }
}

// === index helpers ===

/// Byte offset of code point `ci` (clamped to the end).
pub fn byte_at(s: &PyStr, ci: usize) -> usize {
    if s.is_ascii() {
        return ci.min(s.s.len());
    }
    s.s.char_indices()
        .nth(ci)
        .map(|(b, _)| b)
        .unwrap_or(s.s.len())
}

/// Code-point index of byte offset `b`.
pub fn char_at(s: &PyStr, b: usize) -> usize {
    if s.is_ascii() {
        return b;
    }
    s.s.get(..b)
        .map(|p| p.chars().count())
        .unwrap_or(s.char_len)
}

/// CPython's ADJUST_INDICES for optional `start`/`end` arguments: (start,
/// end) in code points, `end` clamped; `start` may exceed the length.
pub fn adjust(
    vm: &mut Vm,
    start: Option<&Value>,
    end: Option<&Value>,
    len: usize,
) -> RunResult<(usize, usize)> {
    let len = len as i64;
    let mut idx = |v: Option<&Value>, default: i64| -> RunResult<i64> {
        let i = match v {
            None | Some(Value::None) => return Ok(default),
            Some(Value::Int(i)) => *i,
            Some(Value::BigInt(b)) if b.sign() == num_bigint::Sign::Minus => i64::MIN / 2,
            Some(Value::BigInt(_)) => i64::MAX / 2,
            Some(v) => vm.index_of(v).map_err(|_| {
                PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )
            })?,
        };
        Ok(if i < 0 { (i + len).max(0) } else { i })
    };
    let s = idx(start, 0)?;
    let e = idx(end, len)?.min(len);
    Ok((s as usize, e as usize))
}

/// The byte range of code points `start..end` (empty when reversed).
fn region(s: &PyStr, start: usize, end: usize) -> (usize, usize) {
    if start >= end {
        let b = byte_at(s, start.min(s.char_len));
        return (b, b);
    }
    (byte_at(s, start), byte_at(s, end))
}

// === search ===

fn find_impl(vm: &mut Vm, name: &str, args: &[Value], rev: bool) -> RunResult<Option<usize>> {
    let (s, rest) = this(vm, name, args)?;
    args::count_old(name, rest, 1, 3)?;
    let sub = str_arg(vm, &rest[0])?;
    let (start, end) = adjust(vm, rest.get(1), rest.get(2), s.char_len)?;
    if start > s.char_len || (start > end) {
        return Ok(None);
    }
    let (b0, b1) = region(s, start, end);
    let hay = &s.s[b0..b1];
    let (hay, needle) = (hay.as_bytes(), sub.s.as_bytes());
    let found = if rev {
        memchr::memmem::rfind(hay, needle)
    } else {
        memchr::memmem::find(hay, needle)
    };
    Ok(found.map(|b| char_at(s, b0 + b)))
}

/// `s.find(sub[, start[, end]])`
fn str_find(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let r = find_impl(vm, "find", args, false)?;
    Ok(Value::Int(r.map(|i| i as i64).unwrap_or(-1)))
}

/// `s.rfind(sub[, start[, end]])`
fn str_rfind(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let r = find_impl(vm, "rfind", args, true)?;
    Ok(Value::Int(r.map(|i| i as i64).unwrap_or(-1)))
}

/// `s.index(sub[, start[, end]])`
fn str_index(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    match find_impl(vm, "index", args, false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

/// `s.rindex(sub[, start[, end]])`
fn str_rindex(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    match find_impl(vm, "rindex", args, true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

/// `s.count(sub[, start[, end]])`
fn str_count(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "count", args)?;
    args::count_old("count", rest, 1, 3)?;
    let sub = str_arg(vm, &rest[0])?;
    let (start, end) = adjust(vm, rest.get(1), rest.get(2), s.char_len)?;
    if start > s.char_len || start > end {
        return Ok(Value::Int(0));
    }
    if sub.s.is_empty() {
        return Ok(Value::Int((end - start) as i64 + 1));
    }
    let (b0, b1) = region(s, start, end);
    vm.charge((b1 - b0) as u64 / 32)?;
    let hay = &s.s.as_bytes()[b0..b1];
    Ok(Value::Int(
        memchr::memmem::find_iter(hay, sub.s.as_bytes()).count() as i64,
    ))
}

fn affix_impl(vm: &mut Vm, name: &str, args: &[Value], suffix: bool) -> RunResult<Value> {
    let (s, rest) = this(vm, name, args)?;
    args::count_old(name, rest, 1, 3)?;
    let (start, end) = adjust(vm, rest.get(1), rest.get(2), s.char_len)?;
    if start > s.char_len {
        return Ok(Value::Bool(false));
    }
    let (b0, b1) = region(s, start, end);
    let hay = &s.s[b0..b1];
    let test = |p: &str| {
        if start > end {
            false
        } else if suffix {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    match &rest[0] {
        Value::Str(p) => Ok(Value::Bool(test(p.as_str()))),
        Value::Tuple(t) => {
            for p in t.items.iter() {
                match p {
                    Value::Str(p) => {
                        if test(p.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "tuple for {} must only contain str, not {}",
                            name,
                            vm.types.type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            vm.types.type_name(other)
        ))),
    }
}

/// `s.startswith(prefix[, start[, end]])` (prefix may be a tuple)
fn str_startswith(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    affix_impl(vm, "startswith", args, false)
}

/// `s.endswith(suffix[, start[, end]])` (suffix may be a tuple)
fn str_endswith(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    affix_impl(vm, "endswith", args, true)
}

// === split and join ===

/// `sep`/`maxsplit` of `split`/`rsplit`.
fn split_args(
    vm: &mut Vm,
    name: &str,
    rest: &[Value],
    kw: &[(Value, Value)],
) -> RunResult<(Option<Rc<PyStr>>, i64)> {
    // The common `s.split(sep)` needs no keyword matching.
    if let ([Value::Str(s)], []) = (rest, kw) {
        if !s.s.is_empty() {
            return Ok((Some(s.clone()), -1));
        }
    }
    let [sep, maxsplit] = args::bind(name, rest, kw, ["sep", "maxsplit"], 0)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s)
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "must be str or None, not {}",
                vm.types.type_name(&other)
            )))
        }
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => args::ssize(vm, &v)?,
    };
    Ok((sep, maxsplit))
}

/// `s.split(sep=None, maxsplit=-1)`
fn str_split(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "split", args)?;
    let (sep, maxsplit) = split_args(vm, "split", rest, kw)?;
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let text = s.as_str();
    vm.charge(text.len() as u64 / 16)?;
    let ascii = s.is_ascii();
    let mut out: Vec<Value> = Vec::new();
    match sep {
        Some(sep) => {
            let hay = text.as_bytes();
            let mut start = 0;
            let mut push_upto = |vm: &mut Vm, out: &mut Vec<Value>, end: usize, next: usize| {
                out.push(new_part(vm, &text[start..end], ascii));
                start = next;
            };
            // Matches of a valid UTF-8 separator in valid UTF-8 text fall
            // on char boundaries, so byte search splits like `str::split`.
            if let [b] = sep.s.as_bytes() {
                if max == usize::MAX && hay.len() >= 64 {
                    out.reserve(memchr::memchr_iter(*b, hay).count() + 1);
                }
                for i in memchr::memchr_iter(*b, hay).take(max) {
                    push_upto(vm, &mut out, i, i + 1);
                }
            } else {
                let n = sep.s.len();
                for i in memchr::memmem::find_iter(hay, sep.s.as_bytes()).take(max) {
                    push_upto(vm, &mut out, i, i + n);
                }
            }
            out.push(new_part(vm, &text[start..], ascii));
        }
        None => {
            let mut rest = text.trim_start_matches(py_isspace);
            let mut n = 0;
            while !rest.is_empty() {
                if n == max {
                    out.push(new_part(vm, rest, ascii));
                    break;
                }
                let end = rest.find(py_isspace).unwrap_or(rest.len());
                out.push(new_part(vm, &rest[..end], ascii));
                n += 1;
                rest = rest[end..].trim_start_matches(py_isspace);
            }
        }
    }
    Ok(Value::list(out))
}

/// `s.rsplit(sep=None, maxsplit=-1)`
fn str_rsplit(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "rsplit", args)?;
    let (sep, maxsplit) = split_args(vm, "rsplit", rest, kw)?;
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let text = s.as_str();
    let mut out: Vec<Value> = Vec::new();
    match sep {
        Some(sep) => {
            for part in text.rsplitn(max.saturating_add(1), sep.as_str()) {
                out.push(new_str(vm, part));
            }
        }
        None => {
            let mut rest = text.trim_end_matches(py_isspace);
            let mut n = 0;
            while !rest.is_empty() {
                if n == max {
                    out.push(new_str(vm, rest));
                    break;
                }
                let start = rest
                    .char_indices()
                    .rev()
                    .find(|(_, c)| py_isspace(*c))
                    .map(|(i, c)| i + c.len_utf8())
                    .unwrap_or(0);
                out.push(new_str(vm, &rest[start..]));
                n += 1;
                rest = rest[..start].trim_end_matches(py_isspace);
            }
        }
    }
    out.reverse();
    Ok(Value::list(out))
}

/// Whether a character ends a line for `splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends=False)`
fn str_splitlines(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "splitlines", args)?;
    let [keep] = args::bind("splitlines", rest, kw, ["keepends"], 0)?;
    let keep = match keep {
        Some(k) => vm.truthy(&k)?,
        None => false,
    };
    let text = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some((_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        let line = if keep {
            &text[start..end]
        } else {
            &text[start..i]
        };
        out.push(new_str(vm, line));
        start = end;
    }
    if start < text.len() {
        out.push(new_str(vm, &text[start..]));
    }
    Ok(Value::list(out))
}

/// `sep.join(iterable)`
/// Items `join` handles between two charges of the tick.
const JOIN_SLICE: usize = 4096;

fn str_join(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (sep, rest) = this(vm, "join", args)?;
    let src = args::one("str.join", rest)?;
    let items: Vec<Value> = match src {
        // Copied a slice at a time, charging the tick in between, so a
        // signal never waits for the copy of a huge list.
        Value::List(l) => super::list_methods::copy_charged(vm, l)?,
        Value::Tuple(t) => t.items.to_vec(),
        other => {
            let it = match vm.get_iter(other) {
                Ok(it) => it,
                Err(e) if vm.err_matches(&e, ExcKind::TypeError) => {
                    return Err(PyErr::type_error("can only join an iterable"))
                }
                Err(e) => return Err(e),
            };
            let mut v = Vec::new();
            while let Some(x) = vm.next(&it)? {
                v.push(x);
            }
            v
        }
    };
    if items.len() == 1 {
        if let Value::Str(_) = &items[0] {
            return Ok(items[0].clone());
        }
    }
    let mut total = sep.s.len() * items.len().saturating_sub(1);
    let mut chars = sep.char_len * items.len().saturating_sub(1);
    for (i, it) in items.iter().enumerate() {
        if i % JOIN_SLICE == JOIN_SLICE - 1 {
            vm.charge(JOIN_SLICE as u64 / 8)?;
        }
        match it {
            Value::Str(p) => {
                total += p.s.len();
                chars += p.char_len;
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    vm.types.type_name(other)
                )))
            }
        }
    }
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i % JOIN_SLICE == JOIN_SLICE - 1 {
            vm.charge(JOIN_SLICE as u64 / 2)?;
        }
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(p) = it {
            out.push_str(p.as_str());
        }
    }
    let joined = Value::Str(std::rc::Rc::new(PyStr::with_char_len(out, chars)));
    release_charged(vm, items)?;
    Ok(joined)
}

/// Drops `join`'s copy of the items a slice at a time, charging the tick:
/// releasing a million references takes milliseconds, and a signal must
/// not wait for it.
fn release_charged(vm: &mut Vm, mut items: Vec<Value>) -> RunResult<()> {
    while items.len() > JOIN_SLICE {
        items.truncate(items.len() - JOIN_SLICE);
        vm.charge(JOIN_SLICE as u64 / 8)?;
    }
    Ok(())
}

// === strip, replace, partition ===

fn strip_impl(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    left: bool,
    right: bool,
) -> RunResult<Value> {
    let (s, rest) = this(vm, name, args)?;
    args::count(name, rest, 0, 1)?;
    let text = s.as_str();
    let out = match rest.first() {
        None | Some(Value::None) => {
            let t = if left {
                text.trim_start_matches(py_isspace)
            } else {
                text
            };
            if right {
                t.trim_end_matches(py_isspace)
            } else {
                t
            }
        }
        Some(Value::Str(chars)) => {
            let set: Vec<char> = chars.as_str().chars().collect();
            let t = if left {
                text.trim_start_matches(&set[..])
            } else {
                text
            };
            if right {
                t.trim_end_matches(&set[..])
            } else {
                t
            }
        }
        Some(_) => {
            return Err(PyErr::type_error(format!(
                "{} arg must be None or str",
                name
            )))
        }
    };
    if out.len() == text.len() {
        return Ok(args[0].clone());
    }
    Ok(new_str(vm, out))
}

/// `s.strip(chars=None)`
fn str_strip(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    strip_impl(vm, "strip", args, true, true)
}

/// `s.lstrip(chars=None)`
fn str_lstrip(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    strip_impl(vm, "lstrip", args, true, false)
}

/// `s.rstrip(chars=None)`
fn str_rstrip(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    strip_impl(vm, "rstrip", args, false, true)
}

/// `s.replace(old, new, count=-1)`
fn str_replace(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "replace", args)?;
    args::count("replace", rest, 2, 3)?;
    let mut pieces = [&rest[0], &rest[1]]
        .into_iter()
        .enumerate()
        .map(|(i, v)| match v {
            Value::Str(p) => Ok(p.clone()),
            other => Err(PyErr::type_error(format!(
                "replace() argument {} must be str, not {}",
                i + 1,
                vm.types.type_name(other)
            ))),
        });
    let old = pieces
        .next()
        .unwrap_or_else(|| Err(PyErr::type_error("replace")))?;
    let new = pieces
        .next()
        .unwrap_or_else(|| Err(PyErr::type_error("replace")))?;
    let count = match rest.get(2) {
        Some(c) => args::ssize(vm, c)?,
        None => -1,
    };
    let text = s.as_str();
    if count == 0 {
        return Ok(args[0].clone());
    }
    if old.s.is_empty() {
        vm.charge(text.len() as u64 / 16)?;
        let out = if count < 0 {
            text.replace(old.as_str(), new.as_str())
        } else {
            text.replacen(old.as_str(), new.as_str(), count as usize)
        };
        return Ok(Value::string(out));
    }
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let mut out = String::new();
    let (mut last, mut n) = (0, 0);
    for i in memchr::memmem::find_iter(text.as_bytes(), old.s.as_bytes()).take(limit) {
        if n == 0 {
            vm.charge(text.len() as u64 / 16)?;
            out.reserve(text.len());
        }
        out.push_str(&text[last..i]);
        out.push_str(new.as_str());
        last = i + old.s.len();
        n += 1;
    }
    if n == 0 {
        return Ok(args[0].clone());
    }
    out.push_str(&text[last..]);
    let chars = s.char_len + n * new.char_len - n * old.char_len;
    Ok(Value::Str(Rc::new(PyStr::with_char_len(out, chars))))
}

fn partition_impl(vm: &mut Vm, name: &str, args: &[Value], rev: bool) -> RunResult<Value> {
    let (s, rest) = this(vm, name, args)?;
    let [sep] = rest else {
        return Err(PyErr::type_error(format!(
            "str.{}() takes exactly one argument ({} given)",
            name,
            rest.len()
        )));
    };
    let sep = str_arg(vm, sep)?;
    if sep.s.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if rev {
        text.rfind(sep.as_str())
    } else {
        text.find(sep.as_str())
    };
    let empty = vm.intern_value("");
    Ok(match found {
        Some(i) => {
            let a = new_str(vm, &text[..i]);
            let b = new_str(vm, &text[i + sep.s.len()..]);
            Value::tuple(vec![a, Value::Str(sep.clone()), b])
        }
        None if rev => Value::tuple(vec![empty.clone(), empty, args[0].clone()]),
        None => Value::tuple(vec![args[0].clone(), empty.clone(), empty]),
    })
}

/// `s.partition(sep)`
fn str_partition(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    partition_impl(vm, "partition", args, false)
}

/// `s.rpartition(sep)`
fn str_rpartition(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    partition_impl(vm, "rpartition", args, true)
}

/// `s.removeprefix(prefix)`
fn str_removeprefix(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "removeprefix", args)?;
    let p = args::one("str.removeprefix", rest)?;
    let p = affix_arg(vm, "removeprefix", p)?;
    match s.as_str().strip_prefix(p.as_str()) {
        Some(r) if !p.s.is_empty() => Ok(new_str(vm, r)),
        _ => Ok(args[0].clone()),
    }
}

/// `s.removesuffix(suffix)`
fn str_removesuffix(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "removesuffix", args)?;
    let p = args::one("str.removesuffix", rest)?;
    let p = affix_arg(vm, "removesuffix", p)?;
    match s.as_str().strip_suffix(p.as_str()) {
        Some(r) if !p.s.is_empty() => Ok(new_str(vm, r)),
        _ => Ok(args[0].clone()),
    }
}

fn affix_arg<'a>(vm: &Vm, name: &str, v: &'a Value) -> RunResult<&'a Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "{}() argument must be str, not {}",
            name,
            vm.types.type_name(other)
        ))),
    }
}

/// `s.encode(encoding='utf-8', errors='strict')`
fn str_encode(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> RunResult<Value> {
    let (s, rest) = this(vm, "encode", args)?;
    let [enc, errors] = args::bind("encode", rest, kw, ["encoding", "errors"], 0)?;
    let enc = super::bytes_methods::str_opt(vm, &enc, "encode", "encoding")?;
    let errors = super::bytes_methods::str_opt(vm, &errors, "encode", "errors")?;
    let b = super::bytes_methods::encode(
        s.as_str(),
        enc.as_deref().unwrap_or("utf-8"),
        errors.as_deref().unwrap_or("strict"),
    )?;
    Ok(Value::bytes(b))
}
