//! `CodeBuilder`: the compiler's emitter for one code object. It appends
//! instructions with their source lines, resolves forward jumps through
//! labels, tracks the value-stack depth and the number of open protected
//! regions at every instruction (so `max_stack` and the exception table's
//! `depth`/`protect` fields are exact), deduplicates constants and names,
//! and builds the exception table from the handler active at each
//! instruction (non-overlapping ranges, so the innermost handler wins).

use std::collections::HashMap;
use std::rc::Rc;

use super::code::{CodeObject, Constant, ExcEntry};
use super::opcode::{Instr, Opcode};

/// A jump target, bound to an instruction index with [`CodeBuilder::bind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label(u32);

/// An exception handler registered with [`CodeBuilder::new_handler`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HandlerId(u32);

/// What the VM needs at a handler: its label, the stack depth to cut to and
/// the number of protected regions open there.
#[derive(Debug, Clone, Copy)]
struct Handler {
    target: Label,
    depth: u32,
    protect: u32,
}

/// Depth and protected-region count recorded for a label by the jumps to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State {
    depth: u32,
    protect: u32,
}

/// The metadata of a finished code object (everything except the body).
#[derive(Debug, Clone)]
pub struct CodeHeader {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    pub cell2arg: Vec<Option<u32>>,
    /// The docstring of a function (`__doc__`).
    pub doc: Option<Rc<str>>,
}

/// Emits the body of one code object. See the module docs.
#[derive(Debug, Default)]
pub struct CodeBuilder {
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    /// Handler active at each instruction.
    covers: Vec<Option<u32>>,
    /// Jump instructions whose operand is still a label id.
    fixups: Vec<usize>,
    label_pos: Vec<Option<u32>>,
    label_state: Vec<Option<State>>,
    consts: Vec<Constant>,
    /// Dedup index of `consts` (see [`const_key`]).
    const_index: HashMap<String, u32>,
    names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    handlers: Vec<Handler>,
    /// Whether each handler covers at least one instruction.
    handler_used: Vec<bool>,
    handler_stack: Vec<u32>,
    depth: u32,
    max_depth: u32,
    protect: u32,
    line: u32,
    /// False after an unconditional transfer until a label is bound.
    reachable: bool,
    /// Set when a depth went negative or two paths disagreed (a compiler bug).
    inconsistent: bool,
}

impl CodeBuilder {
    /// An empty builder whose instructions start at `line`.
    pub fn new(line: u32) -> CodeBuilder {
        CodeBuilder {
            line,
            reachable: true,
            ..CodeBuilder::default()
        }
    }

    /// Sets the source line recorded for the next instructions.
    pub fn set_line(&mut self, line: u32) {
        self.line = line;
    }

    /// The source line recorded for the next instructions.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// Current value-stack depth.
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// Number of protected regions open at this point.
    pub fn protect(&self) -> u32 {
        self.protect
    }

    /// Whether the next instruction can be reached by falling through.
    pub fn is_reachable(&self) -> bool {
        self.reachable
    }

    /// Index the next instruction will get.
    pub fn next_index(&self) -> u32 {
        self.instrs.len() as u32
    }

    /// Whether some path had an inconsistent stack depth (a compiler bug).
    pub fn is_inconsistent(&self) -> bool {
        self.inconsistent
    }

    /// Overrides the tracked depth and protect count (after code emitted
    /// for an early exit, the following code continues from the saved state).
    pub fn restore_state(&mut self, depth: u32, protect: u32) {
        self.depth = depth;
        self.protect = protect;
    }

    /// Emits a non-jump instruction (dropped when unreachable).
    pub fn emit(&mut self, op: Opcode, arg: u32) {
        if !self.reachable {
            return;
        }
        self.push_instr(op, arg);
        let effect = stack_effect(op, arg, false);
        self.apply(effect);
        match op {
            Opcode::ProtectBegin => self.protect += 1,
            Opcode::ProtectEnd => match self.protect.checked_sub(1) {
                Some(p) => self.protect = p,
                None => self.inconsistent = true,
            },
            Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise => self.reachable = false,
            _ => {}
        }
    }

    /// Emits a jump (or `ForIter`) to `label` (dropped when unreachable).
    pub fn emit_jump(&mut self, op: Opcode, label: Label) {
        if !self.reachable {
            return;
        }
        self.fixups.push(self.instrs.len());
        self.push_instr(op, label.0);
        let taken = self.depth as i64 + stack_effect(op, 0, true) as i64;
        let taken = State {
            depth: self.checked_depth(taken),
            protect: self.protect,
        };
        self.record(label, taken);
        self.apply(stack_effect(op, 0, false));
        if op == Opcode::Jump {
            self.reachable = false;
        }
    }

    /// A fresh, unbound label.
    pub fn new_label(&mut self) -> Label {
        self.label_pos.push(None);
        self.label_state.push(None);
        Label(self.label_pos.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction. Code after an unconditional
    /// transfer becomes reachable again only if some jump targets `label`
    /// (our control flow is structured, so a label nothing jumped to yet is
    /// only reachable by falling through); it then continues with the depth
    /// and protect count recorded by those jumps.
    pub fn bind(&mut self, label: Label) {
        let i = label.0 as usize;
        if let Some(pos) = self.label_pos.get_mut(i) {
            *pos = Some(self.instrs.len() as u32);
        }
        match self.label_state.get(i).copied().flatten() {
            Some(state) if !self.reachable => {
                self.depth = state.depth;
                self.protect = state.protect;
                self.reachable = true;
            }
            Some(state) if state.depth != self.depth || state.protect != self.protect => {
                self.inconsistent = true;
                self.depth = self.depth.max(state.depth);
            }
            Some(_) => {}
            None => {}
        }
        if self.reachable {
            let here = State {
                depth: self.depth,
                protect: self.protect,
            };
            self.record(label, here);
        }
    }

    /// Registers a handler at `target` that cuts the stack to `depth` and
    /// restores `protect` open regions. It covers nothing until pushed.
    pub fn new_handler(&mut self, target: Label, depth: u32, protect: u32) -> HandlerId {
        self.handlers.push(Handler {
            target,
            depth,
            protect,
        });
        self.handler_used.push(false);
        HandlerId(self.handlers.len() as u32 - 1)
    }

    /// Makes `h` the handler of the instructions emitted from now on.
    pub fn push_handler(&mut self, h: HandlerId) {
        self.handler_stack.push(h.0);
    }

    /// Ends the coverage by the innermost handler.
    pub fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    /// Number of handlers currently pushed.
    pub fn handler_level(&self) -> usize {
        self.handler_stack.len()
    }

    /// The handlers currently pushed, innermost last (to restore later).
    pub fn handlers_snapshot(&self) -> Vec<u32> {
        self.handler_stack.clone()
    }

    /// Restores a stack returned by [`Self::handlers_snapshot`].
    pub fn set_handlers(&mut self, stack: Vec<u32>) {
        self.handler_stack = stack;
    }

    /// Drops the handlers above `level`.
    pub fn truncate_handlers(&mut self, level: usize) {
        self.handler_stack.truncate(level);
    }

    /// Binds the label of handler `h`: the stack holds `depth` values plus
    /// the exception, and `protect` regions are open. A handler that covers
    /// no instruction can never run, so its code is dropped.
    pub fn bind_handler(&mut self, h: HandlerId) {
        let Some(handler) = self.handlers.get(h.0 as usize).copied() else {
            self.inconsistent = true;
            return;
        };
        if let Some(pos) = self.label_pos.get_mut(handler.target.0 as usize) {
            *pos = Some(self.instrs.len() as u32);
        }
        self.reachable = self
            .handler_used
            .get(h.0 as usize)
            .copied()
            .unwrap_or(false);
        if self.reachable {
            self.depth = handler.depth + 1;
            self.protect = handler.protect;
            self.max_depth = self.max_depth.max(self.depth);
        }
    }

    /// Index of `c` in the constant pool (deduplicated, code never shared).
    pub fn add_const(&mut self, c: Constant) -> u32 {
        let key = const_key(&c);
        if let Some(&i) = key.as_ref().and_then(|k| self.const_index.get(k)) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    /// Index of `name` in the name pool.
    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        let rc: Rc<str> = Rc::from(name);
        let i = self.names.len() as u32;
        self.names.push(rc.clone());
        self.name_index.insert(rc, i);
        i
    }

    /// Resolves labels and builds the code object.
    pub fn finish(self, header: CodeHeader) -> CodeObject {
        let CodeBuilder {
            mut instrs,
            lines,
            covers,
            fixups,
            label_pos,
            consts,
            names,
            handlers,
            max_depth,
            ..
        } = self;
        let len = instrs.len() as u32;
        let resolve =
            |l: u32| -> u32 { label_pos.get(l as usize).copied().flatten().unwrap_or(len) };
        let resolved: Vec<(usize, u32)> = fixups
            .iter()
            .map(|&i| (i, resolve(instrs[i].arg)))
            .collect();
        for (i, target) in resolved {
            instrs[i].arg = target;
        }
        let exc_table = build_exc_table(&covers, &handlers, |l| resolve(l.0));
        CodeObject {
            name: header.name,
            qualname: header.qualname,
            doc: header.doc,
            filename: header.filename,
            first_line: header.first_line,
            flags: header.flags,
            argcount: header.argcount,
            posonlyargcount: header.posonlyargcount,
            kwonlyargcount: header.kwonlyargcount,
            instrs,
            lines,
            consts,
            names,
            varnames: header.varnames,
            cellvars: header.cellvars,
            freevars: header.freevars,
            cell2arg: header.cell2arg,
            exc_table,
            max_stack: max_depth,
        }
    }

    fn push_instr(&mut self, op: Opcode, arg: u32) {
        self.instrs.push(Instr { op, arg });
        self.lines.push(self.line);
        let cover = self.handler_stack.last().copied();
        if let Some(used) = cover.and_then(|h| self.handler_used.get_mut(h as usize)) {
            *used = true;
        }
        self.covers.push(cover);
    }

    fn apply(&mut self, effect: i32) {
        let d = self.checked_depth(self.depth as i64 + effect as i64);
        self.depth = d;
        self.max_depth = self.max_depth.max(d);
    }

    fn checked_depth(&mut self, d: i64) -> u32 {
        if d < 0 {
            self.inconsistent = true;
            0
        } else {
            d as u32
        }
    }

    fn record(&mut self, label: Label, state: State) {
        self.max_depth = self.max_depth.max(state.depth);
        if let Some(slot) = self.label_state.get_mut(label.0 as usize) {
            match slot {
                Some(old) if *old != state => {
                    self.inconsistent = true;
                    old.depth = old.depth.max(state.depth);
                }
                Some(_) => {}
                None => *slot = Some(state),
            }
        }
    }
}

/// Merges runs of instructions covered by the same handler into entries.
fn build_exc_table(
    covers: &[Option<u32>],
    handlers: &[Handler],
    resolve: impl Fn(Label) -> u32,
) -> Vec<ExcEntry> {
    let mut table = Vec::new();
    let mut i = 0;
    while i < covers.len() {
        let Some(h) = covers[i] else {
            i += 1;
            continue;
        };
        let start = i;
        while i < covers.len() && covers[i] == Some(h) {
            i += 1;
        }
        if let Some(handler) = handlers.get(h as usize) {
            table.push(ExcEntry {
                start: start as u32,
                end: i as u32,
                target: resolve(handler.target),
                depth: handler.depth,
                protect: handler.protect,
            });
        }
    }
    table
}

/// The dedup key of a constant: constants are shared only when they are
/// indistinguishable (`1` vs `1.0` vs `True`, `0.0` vs `-0.0` all differ);
/// code objects are never shared.
fn const_key(c: &Constant) -> Option<String> {
    match c {
        Constant::Code(_) => None,
        Constant::Float(f) => Some(format!("F{:x}", f.to_bits())),
        Constant::Tuple(items) => {
            let mut key = String::from("T(");
            for item in items.iter() {
                key.push_str(&const_key(item)?);
                key.push(',');
            }
            key.push(')');
            Some(key)
        }
        _ => Some(format!("{c:?}")),
    }
}

/// Net stack effect of `op` with operand `arg`; `jump` selects the effect
/// on the taken branch of a conditional jump or `ForIter`.
pub fn stack_effect(op: Opcode, arg: u32, jump: bool) -> i32 {
    use Opcode::*;
    let n = arg as i32;
    match op {
        Nop | RotTwo | RotThree | RotFour | DeleteFast | DeleteDeref | DeleteGlobal
        | DeleteName | LoadAttr | UnaryPositive | UnaryNegative | UnaryNot | UnaryInvert | Jump
        | GetIter | ListToTuple | CheckExcMatch | ProtectBegin | ProtectEnd | YieldValue
        | GetYieldFromIter => 0,
        PopTop | StoreFast | StoreDeref | StoreGlobal | StoreName | DeleteAttr | BinarySubscr
        | PopJumpIfFalse | PopJumpIfTrue | ListAppend | SetAdd | ListExtend | SetUpdate
        | DictUpdate | DictMerge | ReturnValue | Reraise | PopExcept | YieldFrom | ImportStar
        | CompareOp | IsOp | ContainsOp => -1,
        DupTop | LoadConst | LoadFast | LoadDeref | LoadClosure | LoadClassDeref | LoadGlobal
        | LoadName | LoadMethod | PushExcInfo | LoadAssertionError | BeforeWith
        | WithExceptStart | ImportName | ImportFrom => 1,
        DupTopTwo | LoadFastLoadFast | LoadFastLoadConst => 2,
        LoadFastLoadAttr => 1,
        StoreFastLoadFast => 0,
        DupTopTwoBinarySubscr => 1,
        RotThreeStoreSubscr => -3,
        AddConstToLocal | SubConstFromLocal => 1,
        LoadFastSubscrFast | LoadFastSubscrConst | CompareFastFast | CompareFastConst
        | BinopFastFast | BinopFastConst => 1,
        StoreSubscrFastFast => -1,
        LoadFastBinop => 0,
        LoadFastDupSubscrFast | LoadFastDupSubscrConst => 3,
        InplaceRotStoreSubscr => -4,
        BinopStoreFast => -2,
        StoreAttr | DeleteSubscr | MapAdd => -2,
        StoreSubscr => -3,
        BuildSlice => 1 - n,
        BinaryAdd | BinarySubtract | BinaryMultiply | BinaryTrueDivide | BinaryFloorDivide
        | BinaryModulo | BinaryPower | BinaryLshift | BinaryRshift | BinaryAnd | BinaryOr
        | BinaryXor | BinaryMatrixMultiply => -1,
        InplaceAdd
        | InplaceSubtract
        | InplaceMultiply
        | InplaceTrueDivide
        | InplaceFloorDivide
        | InplaceModulo
        | InplacePower
        | InplaceLshift
        | InplaceRshift
        | InplaceAnd
        | InplaceOr
        | InplaceXor
        | InplaceMatrixMultiply => -1,
        JumpIfFalseOrPop | JumpIfTrueOrPop => {
            if jump {
                0
            } else {
                -1
            }
        }
        ForIter => {
            if jump {
                -1
            } else {
                1
            }
        }
        BuildTuple | BuildList | BuildSet | BuildConstSet | BuildString => 1 - n,
        BuildMap => 1 - 2 * n,
        UnpackSequence => n - 1,
        UnpackEx => ((arg & 0xff) + (arg >> 8)) as i32,
        FormatValue => {
            if arg & super::opcode::FV_HAS_SPEC != 0 {
                -1
            } else {
                0
            }
        }
        CallFunction => -n,
        CallFunctionKw => -n - 1,
        CallFunctionEx => -1 - (n & 1),
        CallMethod => -n - 1,
        CallMethodKw => -n - 2,
        MakeFunction => -((arg & 1) as i32 + ((arg >> 1) & 1) as i32 + ((arg >> 3) & 1) as i32),
        BuildClass => {
            let kw = (arg & super::opcode::CLASS_KEYWORDS != 0) as i32;
            -((arg & 0xffff) as i32) - 1 - kw
        }
        RaiseVarargs => -n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> CodeHeader {
        CodeHeader {
            name: "t".into(),
            qualname: "t".into(),
            filename: "t.py".into(),
            first_line: 1,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varnames: vec![],
            cellvars: vec![],
            freevars: vec![],
            cell2arg: vec![],
            doc: None,
        }
    }

    #[test]
    fn test_forward_jump_is_patched_and_depth_restored() {
        let mut b = CodeBuilder::new(1);
        let end = b.new_label();
        let c = b.add_const(Constant::Int(1));
        b.emit(Opcode::LoadConst, c);
        b.emit_jump(Opcode::JumpIfTrueOrPop, end);
        b.emit(Opcode::LoadConst, c);
        b.bind(end);
        b.emit(Opcode::ReturnValue, 0);
        assert!(!b.is_inconsistent());
        let code = b.finish(header());
        assert_eq!(code.instrs[1].arg, 3);
        assert_eq!(code.max_stack, 1);
    }

    #[test]
    fn test_exc_table_from_covering_handlers() {
        let mut b = CodeBuilder::new(1);
        let target = b.new_label();
        let h = b.new_handler(target, 0, 0);
        b.emit(Opcode::Nop, 0);
        b.push_handler(h);
        b.emit(Opcode::Nop, 0);
        b.emit(Opcode::Nop, 0);
        b.pop_handler();
        b.emit(Opcode::Nop, 0);
        b.bind_handler(h);
        b.emit(Opcode::Reraise, 0);
        let code = b.finish(header());
        let e = code.exc_table[0];
        assert_eq!((e.start, e.end, e.target, e.depth), (1, 3, 4, 0));
    }

    #[test]
    fn test_consts_deduplicated_strictly() {
        let mut b = CodeBuilder::new(1);
        let a = b.add_const(Constant::Float(0.0));
        let z = b.add_const(Constant::Float(-0.0));
        let i = b.add_const(Constant::Int(0));
        assert_eq!(b.add_const(Constant::Float(0.0)), a);
        assert!(a != z && z != i && a != i);
    }
}
