//! Template interpolation: `str.format`/`str.format_map` (replacement
//! fields with indices, attributes, keys, conversions and nested specs)
//! with CPython's errors. Values are rendered by `format::format_value`.

use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::Value;
use crate::vm::Vm;

use super::format::format_value;

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
    if args.is_empty() {
        return Err(PyErr::type_error(
            "unbound method str.format() needs an argument",
        ));
    }
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
    if depth > 1 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        if c != '{' && c != '}' {
            out.push(c);
            i += 1;
            continue;
        }
        let next = fmt.get(i + 1);
        if next == Some(&c) {
            out.push(c);
            i += 2;
            continue;
        }
        if c == '}' {
            return Err(PyErr::value_error(
                "Single '}' encountered in format string",
            ));
        }
        if next.is_none() {
            return Err(PyErr::value_error(
                "Single '{' encountered in format string",
            ));
        }
        let f = parse_field(fmt, i + 1)?;
        out.push_str(&field(vm, t, fmt, &f, depth)?);
        i = f.end;
    }
    Ok(out)
}

/// One replacement field, as index ranges into the template.
struct Field {
    name: std::ops::Range<usize>,
    conv: Option<char>,
    spec: std::ops::Range<usize>,
    /// Index just past the closing `}`.
    end: usize,
}

/// Parses the field starting at `start` (just after its `{`), with
/// CPython's rules: `[...]` in the name may hold any character, braces
/// nest in the spec.
fn parse_field(fmt: &[char], start: usize) -> RunResult<Field> {
    let mut i = start;
    let mut stop = None;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        match c {
            '{' => return Err(PyErr::value_error("unexpected '{' in field name")),
            '[' => {
                while i < fmt.len() && fmt[i] != ']' {
                    i += 1;
                }
            }
            '}' | ':' | '!' => {
                stop = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(stop) = stop else {
        return Err(PyErr::value_error("expected '}' before end of string"));
    };
    let name = start..i - 1;
    let mut conv = None;
    if stop == '}' {
        return Ok(Field {
            name,
            conv,
            spec: i..i,
            end: i,
        });
    }
    if stop == '!' {
        let Some(&c) = fmt.get(i) else {
            return Err(PyErr::value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        conv = Some(c);
        i += 1;
        if let Some(&c) = fmt.get(i) {
            i += 1;
            if c == '}' {
                return Ok(Field {
                    name,
                    conv,
                    spec: i..i,
                    end: i,
                });
            }
            if c != ':' {
                return Err(PyErr::value_error(
                    "expected ':' after conversion specifier",
                ));
            }
        }
    }
    let spec_start = i;
    let mut count = 1;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c == '{' {
            count += 1;
        } else if c == '}' {
            count -= 1;
            if count == 0 {
                return Ok(Field {
                    name,
                    conv,
                    spec: spec_start..i - 1,
                    end: i,
                });
            }
        }
    }
    Err(PyErr::value_error("unmatched '{' in format spec"))
}

/// Renders one replacement field.
fn field(
    vm: &mut Vm,
    t: &mut Template,
    fmt: &[char],
    f: &Field,
    depth: usize,
) -> RunResult<String> {
    let mut obj = lookup(vm, t, &fmt[f.name.clone()])?;
    obj = match f.conv {
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
    let spec = &fmt[f.spec.clone()];
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
    if let Kw::Map(_) = t.kw {
        return Err(PyErr::value_error(
            "Format string contains positional fields",
        ));
    }
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
