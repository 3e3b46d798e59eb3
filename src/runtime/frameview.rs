//! The frame object a signal handler receives (`handler(signum, frame)`).
//!
//! A dispatch takes one snapshot of the VM's frames (each level's function
//! and instruction index: one allocation), and the frame object is a view
//! of one level of it. Its attributes are made when read: `f_lineno` from
//! the line table, `f_code` the level's code object, `f_globals` its
//! globals, `f_back` a view of the level below (made once, then kept, so
//! `f.f_back is f.f_back`). Nothing is built per level before the
//! handler's first instruction (signal latency).

use std::cell::OnceCell;
use std::rc::Rc;

use super::value::{Function, Special, Value};

/// One level of a snapshot: the function run and its next instruction.
#[derive(Debug)]
struct Level {
    func: Rc<Function>,
    pc: usize,
}

/// Level `idx` of a snapshot of the VM's frames (0: the module frame).
#[derive(Debug)]
pub struct FrameView {
    levels: Rc<[Level]>,
    idx: usize,
    back: OnceCell<Value>,
}

impl FrameView {
    /// The innermost frame of a stack given as (function, next
    /// instruction) from the outermost; None for an empty stack.
    pub fn snapshot<'a>(frames: impl ExactSizeIterator<Item = (&'a Rc<Function>, usize)>) -> Value {
        let levels: Rc<[Level]> = frames
            .map(|(func, pc)| Level {
                func: func.clone(),
                pc,
            })
            .collect();
        match levels.len() {
            0 => Value::None,
            n => Self::view(levels, n - 1),
        }
    }

    fn view(levels: Rc<[Level]>, idx: usize) -> Value {
        Value::Special(Rc::new(Special::Frame(FrameView {
            levels,
            idx,
            back: OnceCell::new(),
        })))
    }

    fn level(&self) -> &Level {
        &self.levels[self.idx]
    }

    /// `f_lineno`: the line of the instruction being run.
    pub fn line(&self) -> u32 {
        let l = self.level();
        l.func.code.co.line_at(l.pc.saturating_sub(1))
    }

    /// `f_code.co_name`.
    pub fn code_name(&self) -> &str {
        &self.level().func.code.co.name
    }

    /// `f_code.co_filename`.
    pub fn filename(&self) -> &str {
        &self.level().func.code.co.filename
    }

    /// `f_back`: the calling frame, or None below the module frame.
    pub fn back(&self) -> Value {
        self.back
            .get_or_init(|| match self.idx {
                0 => Value::None,
                i => Self::view(self.levels.clone(), i - 1),
            })
            .clone()
    }

    /// The attributes of a frame object: `f_lineno`, `f_code` (with
    /// `co_name`, `co_filename`, `co_firstlineno`), `f_globals`, `f_back`.
    pub fn attr(&self, name: &str) -> Option<Value> {
        let l = self.level();
        Some(match name {
            "f_lineno" => Value::Int(self.line() as i64),
            "f_code" => Value::Code(l.func.code.clone()),
            "f_globals" => Value::Dict(l.func.globals.clone()),
            "f_back" => self.back(),
            _ => return None,
        })
    }
}
