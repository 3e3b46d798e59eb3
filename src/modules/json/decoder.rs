//! `json` decoding: CPython's C scanner (`_json.c`) step by step, so that
//! every error has its message and position: "Expecting value",
//! "Expecting ',' delimiter", "Unterminated string starting at",
//! "Invalid \\escape", "Invalid control character at"...

use crate::builtins::args;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{PyDict, Value};
use crate::vm::Vm;

/// Why a scan stopped.
enum Fail {
    /// No value at this index (Python's `StopIteration(idx)`).
    Stop(usize),
    /// A `JSONDecodeError(msg, doc, pos)`.
    Syntax(&'static str, usize),
    /// An exception from a hook or a conversion.
    Py(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Py(e)
    }
}

type Scan<T> = Result<T, Fail>;

struct Scanner<'a> {
    s: Vec<char>,
    strict: bool,
    object_hook: &'a Value,
    object_pairs_hook: &'a Value,
    parse_float: &'a Value,
    parse_int: &'a Value,
    parse_constant: &'a Value,
    depth: usize,
}

/// `_scan_once(s, idx, strict, object_hook, object_pairs_hook,
/// parse_float, parse_int, parse_constant)`: `(value, end, None)`, or
/// `(None, pos, msg)` for a `JSONDecodeError` ("Expecting value" when no
/// value starts at `idx`).
pub fn json_scan_once(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("_scan_once", args, 8, 8)?;
    let Value::Str(s) = &args[0] else {
        return Err(PyErr::type_error("first argument must be a string"));
    };
    let idx = vm.index_of(&args[1])?.max(0) as usize;
    let mut sc = Scanner {
        s: s.as_str().chars().collect(),
        strict: vm.truthy(&args[2])?,
        object_hook: &args[3],
        object_pairs_hook: &args[4],
        parse_float: &args[5],
        parse_int: &args[6],
        parse_constant: &args[7],
        depth: vm.frames.len(),
    };
    let fail = match sc.value(vm, idx) {
        Ok((v, end)) => return Ok(Value::tuple(vec![v, Value::Int(end as i64), Value::None])),
        Err(f) => f,
    };
    let (msg, pos) = match fail {
        Fail::Stop(i) => ("Expecting value", i),
        Fail::Syntax(m, i) => (m, i),
        Fail::Py(e) => return Err(e),
    };
    Ok(Value::tuple(vec![
        Value::None,
        Value::Int(pos as i64),
        Value::str(msg),
    ]))
}

/// Whether `c` is JSON whitespace.
fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.at(i + k) == Some(c))
    }

    /// `scan_once_unicode`.
    fn value(&mut self, vm: &mut Vm, idx: usize) -> Scan<(Value, usize)> {
        let Some(c) = self.at(idx) else {
            return Err(Fail::Stop(idx));
        };
        match c {
            '"' => {
                let (s, end) = self.string(idx + 1)?;
                Ok((Value::string(s), end))
            }
            '{' | '[' => {
                self.depth += 1;
                if self.depth > vm.recursion_limit {
                    let what = if c == '{' { "object" } else { "array" };
                    return Err(Fail::Py(PyErr::new(
                        ExcKind::RecursionError,
                        format!("maximum recursion depth exceeded while decoding a JSON {} from a unicode string", what),
                    )));
                }
                vm.charge(1)?;
                let r = if c == '{' {
                    self.object(vm, idx + 1)
                } else {
                    self.array(vm, idx + 1)
                };
                self.depth -= 1;
                r
            }
            'n' if self.starts(idx, "null") => Ok((Value::None, idx + 4)),
            't' if self.starts(idx, "true") => Ok((Value::Bool(true), idx + 4)),
            'f' if self.starts(idx, "false") => Ok((Value::Bool(false), idx + 5)),
            'N' if self.starts(idx, "NaN") => self.constant(vm, "NaN", idx + 3),
            'I' if self.starts(idx, "Infinity") => self.constant(vm, "Infinity", idx + 8),
            '-' if self.starts(idx, "-Infinity") => self.constant(vm, "-Infinity", idx + 9),
            _ => self.number(vm, idx),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, end: usize) -> Scan<(Value, usize)> {
        let v = match self.parse_constant {
            Value::None => Value::Float(match name {
                "NaN" => f64::NAN,
                "Infinity" => f64::INFINITY,
                _ => f64::NEG_INFINITY,
            }),
            hook => vm.call_value(&hook.clone(), &[Value::str(name)], &[])?,
        };
        Ok((v, end))
    }

    /// `_match_number_unicode`: an int, or a float when there is a
    /// fraction or an exponent (which backtracks when it has no digits).
    fn number(&mut self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut idx = start;
        if self.at(idx) == Some('-') {
            idx += 1;
        }
        match self.at(idx) {
            Some('1'..='9') => {
                idx += 1;
                while digit(idx) {
                    idx += 1;
                }
            }
            Some('0') => idx += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let mut is_float = false;
        if self.at(idx) == Some('.') && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if matches!(self.at(idx), Some('e' | 'E')) && idx + 1 < self.s.len() {
            let e_start = idx;
            idx += 1;
            if matches!(self.at(idx), Some('-' | '+')) && idx + 1 < self.s.len() {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text: String = self.s[start..idx].iter().collect();
        let hook = if is_float {
            self.parse_float
        } else {
            self.parse_int
        };
        let v = match hook {
            Value::None if is_float => Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)),
            Value::None => crate::runtime::num::parse_int(&text, 10)?,
            hook => vm.call_value(&hook.clone(), &[Value::string(text)], &[])?,
        };
        Ok((v, idx))
    }

    /// `scanstring_unicode`: the string whose opening quote is at
    /// `end - 1`; returns it and the index after the closing quote.
    fn string(&self, mut end: usize) -> Scan<(String, usize)> {
        let begin = end - 1;
        let len = self.s.len();
        let mut out = String::new();
        let mut lone: Option<u32> = None;
        loop {
            let mut next = end;
            while next < len {
                let d = self.s[next];
                if d == '"' || d == '\\' {
                    break;
                }
                if (d as u32) <= 0x1f && self.strict {
                    return Err(Fail::Syntax("Invalid control character at", next));
                }
                next += 1;
            }
            if next == len {
                return Err(Fail::Syntax("Unterminated string starting at", begin));
            }
            out.extend(&self.s[end..next]);
            if self.s[next] == '"' {
                if let Some(u) = lone {
                    return Err(Fail::Py(PyErr::not_implemented(format!(
                        "sigpy's str cannot hold the lone surrogate \\u{:04x} (json)",
                        u
                    ))));
                }
                return Ok((out, next + 1));
            }
            next += 1;
            if next == len {
                return Err(Fail::Syntax("Unterminated string starting at", begin));
            }
            let c = self.s[next];
            if c != 'u' {
                end = next + 1;
                out.push(match c {
                    '"' | '\\' | '/' => c,
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(Fail::Syntax("Invalid \\escape", end - 2)),
                });
                continue;
            }
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(Fail::Syntax("Invalid \\uXXXX escape", next - 1));
            }
            let mut u = self
                .hex4(next)
                .ok_or(Fail::Syntax("Invalid \\uXXXX escape", end - 5))?;
            if (0xd800..=0xdbff).contains(&u)
                && end + 6 < len
                && self.s[end] == '\\'
                && self.s[end + 1] == 'u'
            {
                let lo = self
                    .hex4(end + 2)
                    .ok_or(Fail::Syntax("Invalid \\uXXXX escape", end + 1))?;
                if (0xdc00..=0xdfff).contains(&lo) {
                    u = 0x10000 + (((u - 0xd800) << 10) | (lo - 0xdc00));
                    end += 6;
                }
            }
            match char::from_u32(u) {
                Some(ch) => out.push(ch),
                // Reported at the end of the string, after its syntax errors.
                None => lone = lone.or(Some(u)),
            }
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let mut v = 0u32;
        for k in 0..4 {
            v = v * 16 + self.at(at + k)?.to_digit(16)?;
        }
        Some(v)
    }

    /// `_parse_object_unicode`: `idx` is just after `{`.
    fn object(&mut self, vm: &mut Vm, idx: usize) -> Scan<(Value, usize)> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut idx = self.skip_ws(idx);
        if self.at(idx) != Some('}') {
            loop {
                if self.at(idx) != Some('"') {
                    return Err(Fail::Syntax(
                        "Expecting property name enclosed in double quotes",
                        idx,
                    ));
                }
                let (key, next) = self.string(idx + 1)?;
                idx = self.skip_ws(next);
                if self.at(idx) != Some(':') {
                    return Err(Fail::Syntax("Expecting ':' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
                let (v, next) = self.value(vm, idx)?;
                pairs.push((vm.intern_value(&key), v));
                idx = self.skip_ws(next);
                if self.at(idx) == Some('}') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(Fail::Syntax("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let end = idx + 1;
        if !self.object_pairs_hook.is_none() {
            let list = pairs
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect();
            let v = vm.call_value(&self.object_pairs_hook.clone(), &[Value::list(list)], &[])?;
            return Ok((v, end));
        }
        let d = std::rc::Rc::new(PyDict::default());
        for (k, v) in pairs {
            vm.dict_set(&d, k, v)?;
        }
        let mut obj = Value::Dict(d);
        if !self.object_hook.is_none() {
            obj = vm.call_value(&self.object_hook.clone(), &[obj], &[])?;
        }
        Ok((obj, end))
    }

    /// `_parse_array_unicode`: `idx` is just after `[`.
    fn array(&mut self, vm: &mut Vm, idx: usize) -> Scan<(Value, usize)> {
        let mut items = Vec::new();
        let mut idx = self.skip_ws(idx);
        if self.at(idx) != Some(']') {
            loop {
                let (v, next) = self.value(vm, idx)?;
                items.push(v);
                idx = self.skip_ws(next);
                if self.at(idx) == Some(']') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(Fail::Syntax("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Value::list(items), idx + 1))
    }
}
