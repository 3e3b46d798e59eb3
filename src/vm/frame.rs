//! `Frame`: one activation of a code object. Its locals, cells and value
//! stack live in the VM's shared stack, starting at `base`.

use std::rc::Rc;

use crate::runtime::value::{Code, Function, PyDict};

#[derive(Debug)]
pub struct Frame {
    /// The function being run (its code and globals): always set, except
    /// for the top frame while the fast loop runs it (the loop holds it in
    /// a local, so a frame switch costs no reference count update).
    pub func_slot: Option<Rc<Function>>,
    /// Index of the next instruction.
    pub pc: usize,
    /// Stack index of local slot 0.
    pub base: usize,
    /// Stack index where the value stack starts (after locals and cells).
    pub stack_start: usize,
    /// On return, the stack is cut to this length and the result pushed.
    pub ret_sp: usize,
    /// The class namespace, for class bodies.
    pub namespace: Option<Rc<PyDict>>,
    /// Protected regions open in this frame.
    pub protect: u32,
    /// True when a native caller waits for this frame: `run` returns to it.
    pub boundary: bool,
}

impl Frame {
    /// The function being run.
    #[inline]
    pub fn func(&self) -> &Rc<Function> {
        match &self.func_slot {
            Some(f) => f,
            None => unreachable!("frame function held by the fast loop"),
        }
    }

    #[inline]
    pub fn code(&self) -> &Rc<Code> {
        &self.func().code
    }

    #[inline]
    pub fn globals(&self) -> &Rc<PyDict> {
        &self.func().globals
    }

    /// Source line of the instruction before `pc` (the one executing).
    pub fn current_line(&self) -> u32 {
        self.func().code.co.line_at(self.pc.saturating_sub(1))
    }
}
