//! Rendering an uncaught exception as CPython does: the chained exceptions
//! first ("The above exception was the direct cause..." / "During handling
//! of the above exception..."), each with `Traceback (most recent call
//! last):`, one `File` line per frame plus its source line, and the
//! `Type: message` line. Source lines come from files read on demand.

use std::collections::HashMap;
use std::rc::Rc;

use crate::runtime::exc::{ExcKind, PyErr, RunResult};
use crate::runtime::value::{Instance, TbEntry, Value};
use crate::vm::Vm;

/// Source text of files, for traceback lines (filename -> lines).
#[derive(Default)]
pub struct SourceCache {
    files: HashMap<String, Vec<String>>,
}

impl SourceCache {
    /// Registers source text under a file name (for `-c` and stdin programs
    /// and for scripts already read).
    pub fn add(&mut self, name: &str, text: &str) {
        self.files.insert(
            name.to_string(),
            text.lines().map(|l| l.to_string()).collect(),
        );
    }

    fn line(&mut self, name: &str, line: u32) -> Option<String> {
        // CPython shows no source for `-c` and stdin programs.
        if name.starts_with('<') {
            return None;
        }
        if !self.files.contains_key(name) {
            let text = std::fs::read_to_string(name).ok()?;
            self.add(name, &text);
        }
        self.files
            .get(name)?
            .get((line as usize).checked_sub(1)?)
            .map(|s| s.trim().to_string())
    }
}

impl Vm {
    /// `exc.__traceback__`: a chain of `traceback` objects (outermost frame
    /// first, `tb_next` towards the raise point) with `tb_lineno` and
    /// `tb_frame` (`f_code`, `f_lineno`), or None. Built on demand and kept
    /// until the traceback grows.
    pub fn traceback_of(&mut self, inst: &Rc<Instance>) -> Value {
        let Some(exc) = &inst.exc else {
            return Value::None;
        };
        let entries = {
            let e = exc.borrow();
            if let Some((n, v)) = &e.tb_obj {
                if *n == e.traceback.len() {
                    return v.clone();
                }
            }
            e.traceback.clone()
        };
        if entries.is_empty() {
            return Value::None;
        }
        let tb_cls = self.types.traceback.clone();
        let frame_cls = crate::builtins::reflect::native_class(self, "frame", &[]);
        let mut next = Value::None;
        for entry in &entries {
            let code = Value::Code(self.load_code(&entry.code));
            let frame = crate::builtins::reflect::new_native_instance(self, &frame_cls);
            let tb = crate::builtins::reflect::new_native_instance(self, &tb_cls);
            for (obj, key, v) in [
                (&frame, "f_code", code),
                (&frame, "f_globals", Value::Dict(entry.globals.clone())),
                (&frame, "f_lineno", Value::Int(entry.line as i64)),
                (&tb, "tb_frame", frame.clone()),
                (&tb, "tb_lineno", Value::Int(entry.line as i64)),
                (&tb, "tb_next", next),
            ] {
                if let Value::Instance(i) = obj {
                    let k = self.intern(key);
                    i.set(&k, v);
                }
            }
            next = tb;
        }
        exc.borrow_mut().tb_obj = Some((entries.len(), next.clone()));
        next
    }

    /// `exc.__traceback__ = tb` / `exc.with_traceback(tb)`.
    pub fn set_traceback(&mut self, inst: &Rc<Instance>, tb: &Value) -> RunResult<()> {
        let Some(exc) = &inst.exc else {
            return Ok(());
        };
        let mut entries = Vec::new();
        let mut cur = tb.clone();
        while let Value::Instance(t) = &cur {
            if !Rc::ptr_eq(&t.class, &self.types.traceback) || entries.len() > 100_000 {
                break;
            }
            let field = |vm: &mut Vm, o: &Value, k: &str| {
                crate::builtins::reflect::native_field(vm, o, k).unwrap_or(Value::None)
            };
            let line = field(self, &cur, "tb_lineno");
            let frame = field(self, &cur, "tb_frame");
            let code = field(self, &frame, "f_code");
            let globals = field(self, &frame, "f_globals");
            if let (Value::Int(line), Value::Code(code), Value::Dict(globals)) =
                (line, code, globals)
            {
                entries.push(TbEntry {
                    code: code.co.clone(),
                    line: line as u32,
                    globals,
                });
            }
            cur = field(self, &cur, "tb_next");
        }
        if !cur.is_none() {
            return Err(PyErr::type_error(
                "__traceback__ must be a traceback or None",
            ));
        }
        entries.reverse();
        let mut e = exc.borrow_mut();
        let n = entries.len();
        e.traceback = entries;
        e.tb_obj = if n == 0 { None } else { Some((n, tb.clone())) };
        Ok(())
    }

    /// The full report for an uncaught exception, ending in a newline.
    pub fn format_exception(&mut self, inst: &Rc<Instance>, src: &mut SourceCache) -> String {
        let mut out = String::new();
        let mut seen: Vec<*const Instance> = Vec::new();
        self.format_chain(inst, src, &mut out, &mut seen);
        out
    }

    fn format_chain(
        &mut self,
        inst: &Rc<Instance>,
        src: &mut SourceCache,
        out: &mut String,
        seen: &mut Vec<*const Instance>,
    ) {
        seen.push(Rc::as_ptr(inst));
        if seen.len() < 50 {
            if let Some(e) = &inst.exc {
                let (cause, context, suppress) = {
                    let e = e.borrow();
                    (e.cause.clone(), e.context.clone(), e.suppress_context)
                };
                if let Value::Instance(c) = &cause {
                    if !seen.contains(&Rc::as_ptr(c)) {
                        self.format_chain(c, src, out, seen);
                        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                    }
                } else if let (Value::Instance(c), false) = (&context, suppress) {
                    if !seen.contains(&Rc::as_ptr(c)) {
                        self.format_chain(c, src, out, seen);
                        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
                    }
                }
            }
        }
        self.format_one(inst, src, out);
    }

    fn format_one(&mut self, inst: &Rc<Instance>, src: &mut SourceCache, out: &mut String) {
        let tb = inst
            .exc
            .as_ref()
            .map(|e| e.borrow().traceback.clone())
            .unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(String, u32, String)> = None;
            let mut repeat = 0usize;
            for entry in tb.iter().rev() {
                let key = (
                    entry.code.filename.to_string(),
                    entry.line,
                    entry.code.name.to_string(),
                );
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                    if repeat >= 3 {
                        continue;
                    }
                } else {
                    flush_repeat(out, repeat);
                    repeat = 0;
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    entry.code.filename, entry.line, entry.code.name
                ));
                if let Some(text) = src.line(&entry.code.filename, entry.line) {
                    if !text.is_empty() {
                        out.push_str(&format!("    {}\n", text));
                    }
                }
                last = Some(key);
            }
            flush_repeat(out, repeat);
        }
        if let Some(report) = self.syntax_error_report(inst) {
            out.push_str(&report);
            return;
        }
        out.push_str(&self.exception_line(inst));
        out.push('\n');
        let key = self.intern("__notes__");
        let notes = inst.get(&key);
        let notes = match notes {
            Some(Value::List(l)) => l.items.borrow().clone(),
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => Vec::new(),
        };
        for note in notes {
            let text = match &note {
                Value::Str(s) => s.as_str().to_string(),
                other => self
                    .repr(other)
                    .unwrap_or_else(|_| "<note repr() failed>".into()),
            };
            out.push_str(&text);
            out.push('\n');
        }
    }

    /// A `SyntaxError` with a file and line prints them, the source line
    /// and a caret, then `SyntaxError: msg` (not its `str()`).
    fn syntax_error_report(&mut self, inst: &Rc<Instance>) -> Option<String> {
        if !super::ops::is_subclass(&inst.class, self.types.exc(ExcKind::SyntaxError)) {
            return None;
        }
        let args = match inst.exc.as_ref().map(|e| e.borrow().args.clone()) {
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => return None,
        };
        let [msg, Value::Tuple(d)] = args.as_slice() else {
            return None;
        };
        let (Some(Value::Str(file)), Some(Value::Int(line))) = (d.items.first(), d.items.get(1))
        else {
            return None;
        };
        let mut out = format!("  File \"{}\", line {}\n", file.as_str(), line);
        if let Some(Value::Str(text)) = d.items.get(3) {
            let trimmed = text.as_str().trim_start();
            let indent = (text.char_len - trimmed.chars().count()) as i64;
            out.push_str(&format!("    {}\n", trimmed.trim_end()));
            if let Some(Value::Int(offset)) = d.items.get(2) {
                let width = match (d.items.get(4), d.items.get(5)) {
                    (Some(Value::Int(l)), Some(Value::Int(end))) if l == line => {
                        (end - offset).max(1)
                    }
                    _ => 1,
                };
                let col = (offset - 1 - indent).max(0) as usize;
                out.push_str(&format!(
                    "    {}{}\n",
                    " ".repeat(col),
                    "^".repeat(width as usize)
                ));
            }
        }
        let msg = self.to_str(msg).unwrap_or_default();
        out.push_str(&format!(
            "{}: {}\n",
            inst.class.qualname.borrow().as_str(),
            msg
        ));
        Some(out)
    }

    /// The last line of a traceback: `ValueError: msg` (or just the name).
    pub fn exception_line(&mut self, inst: &Rc<Instance>) -> String {
        let cls = &inst.class;
        let module = match cls.dict.borrow().get_str(&self.names.module) {
            Some(Value::Str(m)) if m.as_str() != "__main__" && m.as_str() != "builtins" => {
                format!("{}.", m.as_str())
            }
            _ => String::new(),
        };
        let name = format!("{}{}", module, cls.qualname.borrow().as_str());
        let msg = match self.to_str(&Value::Instance(inst.clone())) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let line = if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        };
        match self.suggestion(inst) {
            Some(s) => format!("{}. Did you mean: '{}'?", line, s),
            None => line,
        }
    }
}

fn flush_repeat(out: &mut String, repeat: usize) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!(
            "  [Previous line repeated {} more time{}]\n",
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
}
