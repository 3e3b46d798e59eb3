//! CPython 3.11's "Did you mean: 'x'?" suggestions, appended to the last
//! line of the traceback of an uncaught `NameError` (raised by the VM for a
//! missing name) or `AttributeError` (raised by a failed attribute lookup).
//! The distance, the limits and the candidate order are those of CPython's
//! `Python/suggestions.c`.

use std::rc::Rc;

use crate::runtime::exc::ExcKind;
use crate::runtime::value::{Instance, Value};
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// CPython 3.11's builtins, in the order of its `builtins.__dict__` (the
/// last candidates of a `NameError`; ties go to the earliest).
const CPYTHON_BUILTINS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
];

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's Levenshtein distance on UTF-8 bytes (case changes cost 1,
/// other edits 2), giving up above `max_cost`.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `name`, as CPython's `calculate_suggestions`.
fn closest<'a>(candidates: &[&'a str], name: &str) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

fn str_keys(v: &[Value]) -> Vec<String> {
    v.iter()
        .filter_map(|k| k.as_pystr().map(|s| s.as_str().to_string()))
        .collect()
}

fn closest_owned(candidates: &[String], name: &str) -> Option<String> {
    let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
    closest(&refs, name).map(str::to_string)
}

impl Vm {
    /// The name CPython would suggest for an uncaught exception, if any.
    pub fn suggestion(&mut self, inst: &Rc<Instance>) -> Option<String> {
        let field = |vm: &mut Vm, key: &str| {
            let k = vm.intern(key);
            inst.get(&k)
        };
        let Some(Value::Str(name)) = field(self, "name") else {
            return None;
        };
        let name = name.as_str().to_string();
        if Rc::ptr_eq(&inst.class, self.types.exc(ExcKind::AttributeError)) {
            let obj = field(self, "obj")?;
            let dir = crate::builtins::reflect::builtin_dir(self, &[obj], &[]).ok()?;
            let Value::List(l) = dir else {
                return None;
            };
            let names = str_keys(&l.items.borrow());
            return closest_owned(&names, &name);
        }
        if !Rc::ptr_eq(&inst.class, self.types.exc(ExcKind::NameError)) {
            return None;
        }
        let entry = inst.exc.as_ref()?.borrow().traceback.first().cloned()?;
        let locals: Vec<String> = entry.code.varnames.iter().map(|s| s.to_string()).collect();
        if let Some(s) = closest_owned(&locals, &name) {
            return Some(s);
        }
        let globals = str_keys(&entry.globals.d.borrow().keys());
        if let Some(s) = closest_owned(&globals, &name) {
            return Some(s);
        }
        closest(CPYTHON_BUILTINS, &name).map(str::to_string)
    }

    /// Records `name` on a `NameError` the VM raised for a missing name
    /// (`name 'x' is not defined`), as CPython sets `NameError.name`.
    pub fn note_name_error(&mut self, inst: &Rc<Instance>) {
        let msg = match inst.exc.as_ref().map(|e| e.borrow().args.clone()) {
            Some(Value::Tuple(t)) if t.items.len() == 1 => t.items[0].clone(),
            _ => return,
        };
        let Value::Str(msg) = msg else {
            return;
        };
        if let Some(name) = msg
            .as_str()
            .strip_prefix("name '")
            .and_then(|m| m.strip_suffix("' is not defined"))
        {
            let k = self.intern("name");
            inst.set(&k, Value::str(name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_distances_match_cpython() {
        assert_eq!(levenshtein(b"limit", b"list", 100), 4);
        assert_eq!(levenshtein(b"abc", b"ABC", 100), 3);
        assert_eq!(levenshtein(b"x", b"x", 100), 0);
        assert_eq!(closest(&["list", "min"], "limit"), Some("list"));
        assert_eq!(closest(&["print"], "prnt"), Some("print"));
        assert_eq!(closest(&["zzzzzz"], "abc"), None);
    }
}
