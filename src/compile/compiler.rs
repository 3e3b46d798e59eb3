//! Lowering from AST to `CodeObject`s, following CPython 3.10/3.11's
//! compiler with sigpy's opcodes. This file holds the compiler state, code
//! units (one per code object being built), name resolution, function,
//! lambda and class creation, and the "fblock" stack that `return`,
//! `break` and `continue` unwind. Children:
//!
//! - `stmt`: statements (assignments, control flow, `try`, `with`, imports)
//! - `expr`: expressions (operators, calls, displays, comprehensions,
//!   f-strings, jump-if conditions)
//! - `fold`: constant folding of literals and operator tables

mod expr;
mod fold;
mod stmt;
mod warn;

pub use warn::SyntaxWarning;

use std::rc::Rc;

use super::scope::{mangle, ScopeId, ScopeKind, SymScope, SymbolTable, MAX_NESTING};
use crate::bytecode::builder::{CodeBuilder, CodeHeader, Label};
use crate::bytecode::code::{
    CodeObject, Constant, CO_CLASS_BODY, CO_GENERATOR, CO_MODULE, CO_NESTED, CO_VARARGS,
    CO_VARKEYWORDS,
};
use crate::bytecode::opcode::{Opcode, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS};
use crate::syntax::ast::{Arguments, Expr, ExprKind, Module, Stmt, StmtKind};
use crate::syntax::{SourceFile, Span, SyntaxError};

/// Result type of every lowering step.
pub(crate) type CResult<T> = Result<T, SyntaxError>;

/// Compiles a parsed module to its code object (flags `CO_MODULE`).
pub fn compile_module(module: &Module, file: &SourceFile) -> Result<Rc<CodeObject>, SyntaxError> {
    compile_module_warnings(module, file).map(|(code, _)| code)
}

/// Compiles a parsed module, also returning the `SyntaxWarning`s CPython's
/// compiler would print for it, in source order.
pub fn compile_module_warnings(
    module: &Module,
    file: &SourceFile,
) -> Result<(Rc<CodeObject>, Vec<SyntaxWarning>), SyntaxError> {
    let table = SymbolTable::build(module)?;
    let root = table.root();
    let mut c = Compiler {
        file,
        table,
        units: Vec::new(),
        filename: Rc::from(file.name.as_str()),
        nesting: 0,
        warnings: Vec::new(),
    };
    c.enter_unit(root, "<module>".to_string(), 1, None);
    let body = match module.body.first() {
        Some(first) if docstring(&module.body).is_some() => {
            c.set_line(first.span);
            c.emit_const(Constant::Str(Rc::from(
                docstring(&module.body).unwrap_or(""),
            )));
            c.name_op("__doc__", NameCtx::Store)?;
            &module.body[1..]
        }
        _ => &module.body[..],
    };
    c.compile_body(body)?;
    c.emit_implicit_return();
    let code = c.leave_unit(None)?;
    Ok((code, c.warnings))
}

/// The string of a leading docstring statement, if any.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.node {
        StmtKind::Expr(Expr {
            node: ExprKind::Str(s),
            ..
        }) => Some(s),
        _ => None,
    }
}

/// How a name is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Del,
}

/// A block that `return`/`break`/`continue` must clean up when leaving it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FBlockKind<'a> {
    /// A loop; a `for` loop keeps its iterator on the stack.
    Loop {
        is_for: bool,
        brk: Label,
        cont: Label,
    },
    /// The body of `try/finally`: leaving runs the finally body inline.
    FinallyTry(&'a [Stmt]),
    /// The finally body on the exception path (`[prev, exc]` on the stack).
    FinallyEnd,
    /// An except-handler body (`prev` on the stack) and its `as` name.
    HandlerCleanup(Option<&'a str>),
    /// A `with` body (the bound `__exit__` on the stack).
    With,
    /// A saved return value under an inline finally body.
    PopValue,
    /// An open `ProtectBegin` region.
    ProtectRegion,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct FBlock<'a> {
    kind: FBlockKind<'a>,
    /// Handler-stack level outside this block (restored when unwinding it).
    handler_level: usize,
}

/// One code object under construction.
struct Unit<'a> {
    scope: ScopeId,
    b: CodeBuilder,
    fblocks: Vec<FBlock<'a>>,
    qualname: String,
    first_line: u32,
    /// Name of the first positional parameter (for zero-argument `super()`).
    first_param: Option<String>,
    /// Innermost enclosing class name, for private-name mangling.
    private: Option<String>,
    /// A function's docstring.
    doc: Option<Rc<str>>,
}

/// The compiler: symbol table plus a stack of code units.
pub(crate) struct Compiler<'a> {
    file: &'a SourceFile,
    table: SymbolTable,
    units: Vec<Unit<'a>>,
    filename: Rc<str>,
    nesting: u32,
    /// `SyntaxWarning`s found so far.
    warnings: Vec<SyntaxWarning>,
}

impl<'a> Compiler<'a> {
    // === Units ===

    fn enter_unit(
        &mut self,
        scope: ScopeId,
        qualname: String,
        first_line: u32,
        first_param: Option<String>,
    ) {
        let private = self.units.last().and_then(|u| u.private.clone());
        self.units.push(Unit {
            scope,
            b: CodeBuilder::new(first_line),
            fblocks: Vec::new(),
            qualname,
            first_line,
            first_param,
            private,
            doc: None,
        });
    }

    /// Finishes the current unit; `args` describes a function's parameters.
    fn leave_unit(&mut self, args: Option<&Arguments>) -> CResult<Rc<CodeObject>> {
        let unit = self
            .units
            .pop()
            .ok_or_else(|| internal("no unit to leave", Span::default()))?;
        if unit.b.is_inconsistent() {
            let msg = format!("inconsistent stack depth in {}", unit.qualname);
            return Err(internal(&msg, Span::default()));
        }
        let scope = self.table.scope(unit.scope);
        let rc = |v: &[String]| v.iter().map(|s| Rc::from(s.as_str())).collect::<Vec<_>>();
        let mut flags = match scope.kind {
            ScopeKind::Module => CO_MODULE,
            ScopeKind::Class => CO_CLASS_BODY,
            _ => 0,
        };
        if scope.nested && scope.kind != ScopeKind::Class {
            flags |= CO_NESTED;
        }
        if scope.generator {
            flags |= CO_GENERATOR;
        }
        let (mut argcount, mut posonly, mut kwonly) = (0, 0, 0);
        if let Some(a) = args {
            argcount = (a.posonlyargs.len() + a.args.len()) as u32;
            posonly = a.posonlyargs.len() as u32;
            kwonly = a.kwonlyargs.len() as u32;
            if a.vararg.is_some() {
                flags |= CO_VARARGS;
            }
            if a.kwarg.is_some() {
                flags |= CO_VARKEYWORDS;
            }
        } else if matches!(scope.kind, ScopeKind::Comprehension(_)) {
            argcount = 1;
        }
        let nparams = args.map_or(argcount as usize, |_| {
            argcount as usize
                + kwonly as usize
                + (flags & CO_VARARGS != 0) as usize
                + (flags & CO_VARKEYWORDS != 0) as usize
        });
        let cell2arg = scope
            .cellvars
            .iter()
            .map(|c| {
                scope.varnames[..nparams.min(scope.varnames.len())]
                    .iter()
                    .position(|v| v == c)
                    .map(|i| i as u32)
            })
            .collect();
        let header = CodeHeader {
            name: Rc::from(scope.name.as_str()),
            qualname: Rc::from(unit.qualname.as_str()),
            filename: self.filename.clone(),
            first_line: unit.first_line,
            flags,
            argcount,
            posonlyargcount: posonly,
            kwonlyargcount: kwonly,
            varnames: rc(&scope.varnames),
            cellvars: rc(&scope.cellvars),
            freevars: rc(&scope.freevars),
            cell2arg,
            doc: unit.doc.clone(),
        };
        Ok(Rc::new(unit.b.finish(header)))
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        let n = self.units.len();
        &mut self.units[n - 1]
    }

    fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    /// The builder of the current unit.
    fn b(&mut self) -> &mut CodeBuilder {
        &mut self.unit().b
    }

    /// Qualified name of a function or class named `name` defined here.
    fn qualname_for(&self, name: &str) -> String {
        let unit = self.unit_ref();
        let scope = self.table.scope(unit.scope);
        let mangled = mangle(unit.private.as_deref(), name);
        match scope.kind {
            ScopeKind::Module => name.to_string(),
            _ if scope.lookup(&mangled) == Some(SymScope::GlobalExplicit) => name.to_string(),
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{}", unit.qualname, name)
            }
            ScopeKind::Class | ScopeKind::Comprehension(_) => {
                format!("{}.{}", unit.qualname, name)
            }
        }
    }

    // === Emitting ===

    fn emit(&mut self, op: Opcode, arg: u32) {
        self.b().emit(op, arg);
    }

    fn emit_jump(&mut self, op: Opcode, label: Label) {
        self.b().emit_jump(op, label);
    }

    fn new_label(&mut self) -> Label {
        self.b().new_label()
    }

    fn bind(&mut self, label: Label) {
        self.b().bind(label);
    }

    fn emit_const(&mut self, c: Constant) {
        let i = self.b().add_const(c);
        self.emit(Opcode::LoadConst, i);
    }

    fn emit_none(&mut self) {
        self.emit_const(Constant::None);
    }

    fn emit_str(&mut self, s: &str) {
        self.emit_const(Constant::Str(Rc::from(s)));
    }

    /// Emits `op` with a name operand (mangled like every name in a class).
    fn emit_name_op(&mut self, op: Opcode, name: &str) {
        let name = mangle(self.unit_ref().private.as_deref(), name).into_owned();
        let i = self.b().add_name(&name);
        self.emit(op, i);
    }

    fn line_of(&self, span: Span) -> u32 {
        self.file.line_of(span.start)
    }

    fn set_line(&mut self, span: Span) {
        let line = self.line_of(span);
        self.b().set_line(line);
    }

    fn emit_implicit_return(&mut self) {
        if self.b().is_reachable() {
            self.emit_none();
            self.emit(Opcode::ReturnValue, 0);
        }
    }

    /// Guards the native stack against pathological nesting.
    fn enter_nested(&mut self, span: Span) -> CResult<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(SyntaxError::new("too many nested expressions", span));
        }
        Ok(())
    }

    fn leave_nested(&mut self) {
        self.nesting = self.nesting.saturating_sub(1);
    }

    // === Names ===

    /// Loads, stores or deletes `name` with the opcode its scope calls for.
    fn name_op(&mut self, name: &str, ctx: NameCtx) -> CResult<()> {
        let mangled = mangle(self.unit_ref().private.as_deref(), name).into_owned();
        let name = mangled.as_str();
        let scope = self.table.scope(self.unit_ref().scope);
        let kind = scope.kind;
        let sym = scope.lookup(name);
        use NameCtx::*;
        use Opcode::*;
        let deref = matches!(sym, Some(SymScope::Free | SymScope::Cell));
        if deref && kind != ScopeKind::Module {
            let i = self.deref_index(name)?;
            let op = match ctx {
                Load if kind == ScopeKind::Class => LoadClassDeref,
                Load => LoadDeref,
                Store => StoreDeref,
                Del => DeleteDeref,
            };
            self.emit(op, i);
            return Ok(());
        }
        let global = match kind {
            ScopeKind::Module => true,
            ScopeKind::Class => sym == Some(SymScope::GlobalExplicit),
            _ => !matches!(sym, Some(SymScope::Local)),
        };
        if global {
            let op = [LoadGlobal, StoreGlobal, DeleteGlobal][ctx as usize];
            self.emit_name_op(op, name);
        } else if kind == ScopeKind::Class {
            let op = [LoadName, StoreName, DeleteName][ctx as usize];
            self.emit_name_op(op, name);
        } else {
            let slot = scope
                .varnames
                .iter()
                .position(|v| v == name)
                .ok_or_else(|| internal(&format!("no slot for '{name}'"), Span::default()))?;
            let op = [LoadFast, StoreFast, DeleteFast][ctx as usize];
            self.emit(op, slot as u32);
        }
        Ok(())
    }

    /// Index of `name` in `cellvars ++ freevars` of the current unit.
    fn deref_index(&self, name: &str) -> CResult<u32> {
        let scope = self.table.scope(self.unit_ref().scope);
        if let Some(i) = scope.cellvars.iter().position(|c| c == name) {
            return Ok(i as u32);
        }
        if let Some(i) = scope.freevars.iter().position(|c| c == name) {
            return Ok((scope.cellvars.len() + i) as u32);
        }
        Err(internal(&format!("no cell for '{name}'"), Span::default()))
    }

    // === Functions and classes ===

    /// Pushes defaults and kw-only defaults; returns the `MakeFunction` flags.
    fn compile_defaults(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.compile_expr(d)?;
            }
            self.emit(Opcode::BuildTuple, args.defaults.len() as u32);
            flags |= MF_DEFAULTS;
        }
        let mut n = 0;
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                let key = mangle(self.unit_ref().private.as_deref(), &arg.name).into_owned();
                self.emit_str(&key);
                self.compile_expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Opcode::BuildMap, n);
            flags |= MF_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the closure tuple (if any), the code and `MakeFunction`.
    fn make_closure(&mut self, code: Rc<CodeObject>, mut flags: u32) -> CResult<()> {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let i = self.deref_index(name)?;
                self.emit(Opcode::LoadClosure, i);
            }
            self.emit(Opcode::BuildTuple, code.freevars.len() as u32);
            flags |= MF_CLOSURE;
        }
        self.emit_const(Constant::Code(code));
        self.emit(Opcode::MakeFunction, flags);
        Ok(())
    }

    /// Compiles the body of a function or lambda into a new code object.
    fn compile_function_code(
        &mut self,
        scope: ScopeId,
        qualname: String,
        span: Span,
        args: &'a Arguments,
        body: FunctionBody<'a>,
    ) -> CResult<Rc<CodeObject>> {
        let first = args.posonlyargs.iter().chain(&args.args).next();
        let line = self.line_of(span);
        self.enter_unit(scope, qualname, line, first.map(|a| a.name.clone()));
        match body {
            FunctionBody::Stmts(stmts) => {
                let stmts = if let Some(doc) = docstring(stmts) {
                    self.unit().doc = Some(Rc::from(doc));
                    &stmts[1..]
                } else {
                    stmts
                };
                self.compile_body(stmts)?;
                self.emit_implicit_return();
            }
            FunctionBody::Expr(e) => {
                self.compile_expr(e)?;
                self.emit(Opcode::ReturnValue, 0);
            }
        }
        self.leave_unit(Some(args))
    }

    /// `def name(args): body` with its decorators.
    fn compile_function_def(
        &mut self,
        s: &'a Stmt,
        name: &str,
        args: &'a Arguments,
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> CResult<()> {
        for d in decorators {
            self.compile_expr(d)?;
        }
        let flags = self.compile_defaults(args)?;
        let scope = self
            .table
            .scope_of_stmt(s)
            .ok_or_else(|| internal("function without scope", s.span))?;
        let qualname = self.qualname_for(name);
        let code =
            self.compile_function_code(scope, qualname, s.span, args, FunctionBody::Stmts(body))?;
        self.set_line(s.span);
        self.make_closure(code, flags)?;
        for _ in decorators {
            self.emit(Opcode::CallFunction, 1);
        }
        self.name_op(name, NameCtx::Store)
    }

    /// `lambda args: body`.
    fn compile_lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult<()> {
        let flags = self.compile_defaults(args)?;
        let scope = self
            .table
            .scope_of_expr(e)
            .ok_or_else(|| internal("lambda without scope", e.span))?;
        let qualname = self.qualname_for("<lambda>");
        let code =
            self.compile_function_code(scope, qualname, e.span, args, FunctionBody::Expr(body))?;
        self.make_closure(code, flags)
    }

    /// `class name(bases): body` with its decorators.
    fn compile_class_def(&mut self, s: &'a Stmt, name: &str, bases: &'a [Expr]) -> CResult<()> {
        let StmtKind::ClassDef {
            keywords,
            body,
            decorator_list,
            ..
        } = &s.node
        else {
            return Err(internal("not a class", s.span));
        };
        for k in keywords {
            if matches!(k.arg.as_deref(), None | Some("metaclass")) {
                let msg = "sigpy does not support metaclasses or ** in a class statement";
                return Err(SyntaxError::new(msg, k.span));
            }
        }
        for d in decorator_list {
            self.compile_expr(d)?;
        }
        let scope = self
            .table
            .scope_of_stmt(s)
            .ok_or_else(|| internal("class without scope", s.span))?;
        let qualname = self.qualname_for(name);
        let code = self.compile_class_body(scope, qualname, s.span, body)?;
        self.set_line(s.span);
        self.make_closure(code, 0)?;
        self.emit_str(name);
        for base in bases {
            if let ExprKind::Starred(_) = base.node {
                let msg = "sigpy does not support starred class bases";
                return Err(SyntaxError::new(msg, base.span));
            }
            self.compile_expr(base)?;
        }
        let mut arg = bases.len() as u32;
        if !keywords.is_empty() {
            for k in keywords {
                self.emit_str(k.arg.as_deref().unwrap_or_default());
                self.compile_expr(&k.value)?;
            }
            self.emit(Opcode::BuildMap, keywords.len() as u32);
            arg |= crate::bytecode::opcode::CLASS_KEYWORDS;
        }
        self.set_line(s.span);
        self.emit(Opcode::BuildClass, arg);
        for _ in decorator_list {
            self.emit(Opcode::CallFunction, 1);
        }
        self.name_op(name, NameCtx::Store)
    }

    fn compile_class_body(
        &mut self,
        scope: ScopeId,
        qualname: String,
        span: Span,
        body: &'a [Stmt],
    ) -> CResult<Rc<CodeObject>> {
        let line = self.line_of(span);
        self.enter_unit(scope, qualname.clone(), line, None);
        self.unit().private = Some(self.table.scope(scope).name.clone());
        self.emit_name_op(Opcode::LoadName, "__name__");
        self.emit_name_op(Opcode::StoreName, "__module__");
        self.emit_str(&qualname);
        self.emit_name_op(Opcode::StoreName, "__qualname__");
        let body = match docstring(body) {
            Some(doc) => {
                self.set_line(body[0].span);
                self.emit_str(doc);
                self.name_op("__doc__", NameCtx::Store)?;
                &body[1..]
            }
            None => body,
        };
        self.compile_body(body)?;
        if self.table.scope(scope).needs_class_cell {
            let i = self.deref_index("__class__")?;
            self.emit(Opcode::LoadClosure, i);
            self.emit_name_op(Opcode::StoreName, "__classcell__");
        }
        self.emit_none();
        self.emit(Opcode::ReturnValue, 0);
        self.leave_unit(None)
    }

    // === Unwinding for return / break / continue ===

    fn push_fblock(&mut self, kind: FBlockKind<'a>, handler_level: usize) {
        self.unit().fblocks.push(FBlock {
            kind,
            handler_level,
        });
    }

    fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// Emits the cleanup of every fblock above index `stop`, innermost
    /// first, and returns them (outermost first) for [`Self::restore_fblocks`].
    /// With `preserve`, a value on top of the stack is kept.
    fn unwind_fblocks(&mut self, stop: usize, preserve: bool) -> CResult<Vec<FBlock<'a>>> {
        let mut popped = Vec::new();
        while self.unit_ref().fblocks.len() > stop {
            let Some(fb) = self.unit().fblocks.pop() else {
                break;
            };
            popped.push(fb);
            self.b().truncate_handlers(fb.handler_level);
            self.unwind_fblock(fb, preserve)?;
        }
        popped.reverse();
        Ok(popped)
    }

    fn restore_fblocks(&mut self, popped: Vec<FBlock<'a>>) {
        self.unit().fblocks.extend(popped);
    }

    fn unwind_fblock(&mut self, fb: FBlock<'a>, preserve: bool) -> CResult<()> {
        use Opcode::*;
        let rot = |c: &mut Self| {
            if preserve {
                c.emit(RotTwo, 0);
            }
        };
        match fb.kind {
            FBlockKind::Loop { is_for, .. } => {
                if is_for {
                    rot(self);
                    self.emit(PopTop, 0);
                }
            }
            FBlockKind::FinallyTry(body) => self.compile_finally_inline(body, preserve)?,
            FBlockKind::FinallyEnd => {
                self.emit(ProtectEnd, 0);
                rot(self);
                self.emit(PopTop, 0);
                rot(self);
                self.emit(PopExcept, 0);
            }
            FBlockKind::HandlerCleanup(name) => {
                rot(self);
                self.emit(PopExcept, 0);
                if let Some(name) = name {
                    self.clear_name(name)?;
                }
            }
            FBlockKind::With => {
                rot(self);
                self.emit_exit_call();
            }
            FBlockKind::PopValue => {
                rot(self);
                self.emit(PopTop, 0);
            }
            FBlockKind::ProtectRegion => self.emit(ProtectEnd, 0),
        }
        Ok(())
    }

    /// `name = None; del name` (end of an `except ... as name` handler).
    fn clear_name(&mut self, name: &str) -> CResult<()> {
        self.emit_none();
        self.name_op(name, NameCtx::Store)?;
        self.name_op(name, NameCtx::Del)
    }

    /// Calls `exit(None, None, None)` with `exit` on the stack, protected.
    fn emit_exit_call(&mut self) {
        use Opcode::*;
        self.emit(ProtectBegin, 0);
        self.emit_none();
        self.emit(DupTop, 0);
        self.emit(DupTop, 0);
        self.emit(CallFunction, 3);
        self.emit(PopTop, 0);
        self.emit(ProtectEnd, 0);
    }

    /// A finally body on a non-exceptional path, inside a protected region.
    fn compile_finally_inline(&mut self, body: &'a [Stmt], preserve: bool) -> CResult<()> {
        let level = self.b().handler_level();
        let line = self.b().line();
        self.emit(Opcode::ProtectBegin, 0);
        if preserve {
            self.push_fblock(FBlockKind::PopValue, level);
        }
        self.push_fblock(FBlockKind::ProtectRegion, level);
        self.compile_body(body)?;
        self.pop_fblock();
        if preserve {
            self.pop_fblock();
        }
        self.b().set_line(line);
        self.emit(Opcode::ProtectEnd, 0);
        Ok(())
    }

    /// Runs `emit` (which ends in an unconditional transfer) with the
    /// fblocks above `stop` unwound, then restores the compile-time state
    /// so the (dead) code after it continues consistently.
    fn with_unwound(
        &mut self,
        stop: usize,
        preserve: bool,
        before: impl FnOnce(&mut Self) -> CResult<()>,
        after: impl FnOnce(&mut Self) -> CResult<()>,
    ) -> CResult<()> {
        let (depth, protect) = (self.b().depth(), self.b().protect());
        let handlers = self.b().handlers_snapshot();
        before(self)?;
        let popped = self.unwind_fblocks(stop, preserve)?;
        after(self)?;
        self.restore_fblocks(popped);
        self.b().set_handlers(handlers);
        self.b().restore_state(depth, protect);
        Ok(())
    }

    /// Index of the innermost loop fblock, if any.
    fn innermost_loop(&self) -> Option<(usize, Label, Label)> {
        let fblocks = &self.unit_ref().fblocks;
        fblocks
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, fb)| match fb.kind {
                FBlockKind::Loop { brk, cont, .. } => Some((i, brk, cont)),
                _ => None,
            })
    }
}

/// The body of a function (statements) or of a lambda (one expression).
#[derive(Clone, Copy)]
enum FunctionBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

/// A compiler bug reported as a `SyntaxError` instead of a panic.
#[cold]
fn internal(msg: &str, span: Span) -> SyntaxError {
    SyntaxError::new(format!("internal compiler error: {msg}"), span)
}

#[cfg(test)]
mod tests;
