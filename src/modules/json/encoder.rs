//! `json` encoding: the chunks CPython's `_make_iterencode` yields, in
//! the same order and cut at the same places (so `dump` makes the same
//! `write` calls), with its escapes, float spellings, key conversions and
//! errors.

use std::fmt::Write;

use crate::builtins::args;
use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::num::float_repr;
use crate::runtime::value::Value;
use crate::vm::Vm;

/// The options of one `JSONEncoder.iterencode` run.
struct Encoder {
    markers: Option<Vec<usize>>,
    skipkeys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    default: Value,
    sort_keys: bool,
    /// CPython's C encoder (dumps without indent) omits the value from
    /// the allow_nan error; the Python one names it.
    c_style: bool,
    chunks: Vec<Value>,
}

/// `_iterencode(o, check_circular, skipkeys, ensure_ascii, allow_nan,
/// indent, item_separator, key_separator, default, sort_keys, c_style)`:
/// returns
/// `(chunks, error)`; the error (or None) is what stopped the encoding
/// after those chunks.
pub fn json_iterencode(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("_iterencode", args, 11, 11)?;
    let text = |v: &Value| match v {
        Value::Str(s) => s.as_str().to_string(),
        _ => String::new(),
    };
    let mut enc = Encoder {
        markers: vm.truthy(&args[1])?.then(Vec::new),
        skipkeys: vm.truthy(&args[2])?,
        ensure_ascii: vm.truthy(&args[3])?,
        allow_nan: vm.truthy(&args[4])?,
        indent: match &args[5] {
            Value::None => None,
            v => Some(text(v)),
        },
        item_sep: text(&args[6]),
        key_sep: text(&args[7]),
        default: args[8].clone(),
        sort_keys: vm.truthy(&args[9])?,
        c_style: vm.truthy(&args[10])?,
        chunks: Vec::new(),
    };
    let err = match enc.encode(vm, &args[0], 0) {
        Ok(()) => Value::None,
        Err(e) => Value::Instance(vm.materialize(e)),
    };
    Ok(Value::tuple(vec![Value::list(enc.chunks), err]))
}

/// `encode_basestring(s)` / `encode_basestring_ascii(s)`: a JSON string
/// literal.
pub fn json_encode_str(_vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    args::count("_encode_str", args, 2, 2)?;
    let Value::Str(s) = &args[0] else {
        return Err(PyErr::type_error("first argument must be a string"));
    };
    let ascii = matches!(args[1], Value::Bool(true));
    Ok(Value::string(quote(s.as_str(), ascii)))
}

/// A JSON string literal with CPython's escapes: the short ones, `\u00XX`
/// for other control characters, and with `ascii` every non-ASCII char
/// as `\uXXXX` (surrogate pairs beyond the BMP).
pub fn quote(s: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if ascii && (c as u32) > 0x7e => {
                let n = c as u32;
                if n >= 0x10000 {
                    let m = n - 0x10000;
                    let hi = 0xd800 | ((m >> 10) & 0x3ff);
                    let lo = 0xdc00 | (m & 0x3ff);
                    let _ = write!(out, "\\u{:04x}\\u{:04x}", hi, lo);
                } else {
                    let _ = write!(out, "\\u{:04x}", n);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Encoder {
    fn emit(&mut self, s: String) {
        self.chunks.push(Value::string(s));
    }

    fn float_str(&self, f: f64) -> RunResult<String> {
        let text = if f.is_nan() {
            "NaN"
        } else if f == f64::INFINITY {
            "Infinity"
        } else if f == f64::NEG_INFINITY {
            "-Infinity"
        } else {
            return Ok(float_repr(f));
        };
        if !self.allow_nan {
            let msg = "Out of range float values are not JSON compliant";
            return Err(PyErr::value_error(if self.c_style {
                msg.to_string()
            } else {
                format!("{}: {}", msg, float_repr(f))
            }));
        }
        Ok(text.to_string())
    }

    /// The text of a scalar (str, None, bools, ints, floats), if `v` is one.
    fn scalar(&self, v: &Value) -> RunResult<Option<String>> {
        Ok(Some(match v {
            Value::Str(s) => quote(s.as_str(), self.ensure_ascii),
            Value::None => "null".into(),
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => self.float_str(*f)?,
            _ => return Ok(None),
        }))
    }

    /// `_iterencode(o, level)`.
    fn encode(&mut self, vm: &mut Vm, o: &Value, level: usize) -> RunResult<()> {
        if let Some(text) = self.scalar(o)? {
            self.emit(text);
            return Ok(());
        }
        match o {
            Value::List(_) | Value::Tuple(_) => self.encode_list(vm, o, level),
            Value::Dict(_) => self.encode_dict(vm, o, level),
            _ => {
                let id = o.identity();
                self.enter(id)?;
                let replaced =
                    vm.call_value(&self.default.clone(), std::slice::from_ref(o), &[])?;
                self.encode(vm, &replaced, level)?;
                self.leave(id);
                Ok(())
            }
        }
    }

    fn enter(&mut self, id: usize) -> RunResult<()> {
        if let Some(m) = &mut self.markers {
            if m.contains(&id) {
                return Err(PyErr::value_error("Circular reference detected"));
            }
            m.push(id);
        }
        Ok(())
    }

    fn leave(&mut self, id: usize) {
        if let Some(m) = &mut self.markers {
            m.retain(|x| *x != id);
        }
    }

    /// The newline and indent of `level`, if indenting.
    fn newline_indent(&self, level: usize) -> Option<String> {
        self.indent
            .as_ref()
            .map(|ind| format!("\n{}", ind.repeat(level)))
    }

    /// A container value inside a list or dict: its chunks (with `buf`
    /// first for a list item).
    fn encode_item(&mut self, vm: &mut Vm, v: &Value, level: usize) -> RunResult<()> {
        vm.charge(1)?;
        if vm.frames.len() + level > vm.recursion_limit {
            // The C encoder (dumps) and the Python one word it apart.
            let msg = if self.c_style {
                "maximum recursion depth exceeded while encoding a JSON object"
            } else {
                "maximum recursion depth exceeded while calling a Python object"
            };
            return Err(PyErr::new(ExcKind::RecursionError, msg));
        }
        match v {
            Value::List(_) | Value::Tuple(_) => self.encode_list(vm, v, level),
            Value::Dict(_) => self.encode_dict(vm, v, level),
            _ => self.encode(vm, v, level),
        }
    }

    fn encode_list(&mut self, vm: &mut Vm, lst: &Value, level: usize) -> RunResult<()> {
        let items: Vec<Value> = match lst {
            Value::List(l) => l.items.borrow().clone(),
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            self.emit("[]".into());
            return Ok(());
        }
        let id = lst.identity();
        self.enter(id)?;
        let level = level + 1;
        let newline = self.newline_indent(level);
        let separator = format!("{}{}", self.item_sep, newline.clone().unwrap_or_default());
        let mut buf = format!("[{}", newline.clone().unwrap_or_default());
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                buf = separator.clone();
            }
            match self.scalar(v)? {
                Some(text) => self.emit(buf.clone() + &text),
                None => {
                    self.emit(buf.clone());
                    self.encode_item(vm, v, level)?;
                }
            }
        }
        if newline.is_some() {
            let close = self.newline_indent(level - 1).unwrap_or_default();
            self.emit(close);
        }
        self.emit("]".into());
        self.leave(id);
        Ok(())
    }

    /// A dict key as JSON text; `None` when `skipkeys` drops it.
    fn key_text(&self, vm: &Vm, k: &Value) -> RunResult<Option<String>> {
        Ok(Some(match k {
            Value::Str(s) => s.as_str().to_string(),
            Value::Float(f) => self.float_str(*f)?,
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            _ if self.skipkeys => return Ok(None),
            _ => {
                return Err(PyErr::type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    vm.types.type_name(k)
                )))
            }
        }))
    }

    fn dict_items(&self, vm: &mut Vm, dct: &Value) -> RunResult<Vec<(Value, Value)>> {
        let Value::Dict(d) = dct else {
            return Ok(Vec::new());
        };
        let pairs: Vec<Value> =
            d.d.borrow()
                .iter()
                .map(|e| Value::tuple(vec![e.key.clone(), e.value.clone()]))
                .collect();
        let pairs = if self.sort_keys {
            let sorted = crate::builtins::iter::builtin_sorted(vm, &[Value::list(pairs)], &[])?;
            vm.collect(&sorted)?
        } else {
            pairs
        };
        Ok(pairs
            .into_iter()
            .filter_map(|p| match p {
                Value::Tuple(t) if t.items.len() == 2 => {
                    Some((t.items[0].clone(), t.items[1].clone()))
                }
                _ => None,
            })
            .collect())
    }

    fn encode_dict(&mut self, vm: &mut Vm, dct: &Value, level: usize) -> RunResult<()> {
        let is_empty = matches!(dct, Value::Dict(d) if d.d.borrow().is_empty());
        if is_empty {
            self.emit("{}".into());
            return Ok(());
        }
        let id = dct.identity();
        self.enter(id)?;
        self.emit("{".into());
        let level = level + 1;
        let newline = self.newline_indent(level);
        let item_separator = format!("{}{}", self.item_sep, newline.clone().unwrap_or_default());
        if let Some(n) = &newline {
            self.emit(n.clone());
        }
        let mut first = true;
        for (k, v) in self.dict_items(vm, dct)? {
            let Some(key) = self.key_text(vm, &k)? else {
                continue;
            };
            if !first {
                self.emit(item_separator.clone());
            }
            first = false;
            self.emit(quote(&key, self.ensure_ascii));
            self.emit(self.key_sep.clone());
            match self.scalar(&v)? {
                Some(text) => self.emit(text),
                None => self.encode_item(vm, &v, level)?,
            }
        }
        if newline.is_some() {
            let close = self.newline_indent(level - 1).unwrap_or_default();
            self.emit(close);
        }
        self.emit("}".into());
        self.leave(id);
        Ok(())
    }
}
