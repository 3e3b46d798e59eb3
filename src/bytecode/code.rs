//! `CodeObject`: what the compiler produces and the VM runs. It holds plain
//! data only (no runtime values), so the compiler never depends on the VM.

use std::rc::Rc;

use super::opcode::Instr;

/// A compile-time constant. The VM turns these into runtime values once per
/// code object, not per `LoadConst`.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    /// Decimal digits (with a leading `-` when negative) of an int outside i64.
    BigInt(String),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    Ellipsis,
    Code(Rc<CodeObject>),
}

/// One exception-table entry: an exception raised by an instruction in
/// `start..end` jumps to `target` with the value stack cut to `depth` values
/// (counted from the frame's stack base) and the exception pushed on top.
/// Entries are ordered innermost first; the VM uses the first that covers
/// the faulting instruction. `protect` is the number of protected regions
/// (`ProtectBegin`) open at the handler, so the VM can restore that count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub protect: u32,
}

/// Code flags (CPython's values where they exist).
pub const CO_VARARGS: u32 = 0x04;
pub const CO_VARKEYWORDS: u32 = 0x08;
pub const CO_NESTED: u32 = 0x10;
pub const CO_GENERATOR: u32 = 0x20;
/// A module body: names are globals (`LoadGlobal`/`StoreGlobal`).
pub const CO_MODULE: u32 = 0x1000;
/// A class body: names live in a namespace dict (`LoadName`/`StoreName`).
pub const CO_CLASS_BODY: u32 = 0x2000;

/// A compiled function, class body or module.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeObject {
    /// `co_name`: the function name, `<module>`, `<lambda>`, `<listcomp>` ...
    pub name: Rc<str>,
    /// `__qualname__`: `Outer.method`, `f.<locals>.g`.
    pub qualname: Rc<str>,
    /// The docstring of a function (`__doc__`).
    pub doc: Option<Rc<str>>,
    pub filename: Rc<str>,
    /// Line of the `def`/`class`/lambda (1 for a module).
    pub first_line: u32,
    pub flags: u32,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (same length as `instrs`).
    pub lines: Vec<u32>,
    pub consts: Vec<Constant>,
    /// Names used by global/attribute/import/class-body instructions.
    pub names: Vec<Rc<str>>,
    /// Local slots: parameters first (positional, then keyword-only, then
    /// `*args`, then `**kwargs`), then other locals.
    pub varnames: Vec<Rc<str>>,
    /// Variables of this scope captured by inner scopes (cells made here).
    pub cellvars: Vec<Rc<str>>,
    /// Variables this scope captures from enclosing ones (cells received
    /// through the closure tuple, in this order).
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter: its slot in `varnames`
    /// (the VM moves the argument into the new cell at entry).
    pub cell2arg: Vec<Option<u32>>,
    pub exc_table: Vec<ExcEntry>,
    /// Upper bound of the value-stack depth.
    pub max_stack: u32,
}

impl CodeObject {
    /// Number of local slots (`varnames`).
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// Total number of parameters, counting `*args` and `**kwargs`.
    pub fn total_params(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & CO_VARARGS != 0 {
            n += 1;
        }
        if self.flags & CO_VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// Source line of instruction `pc` (0 if out of range).
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(0)
    }
}
