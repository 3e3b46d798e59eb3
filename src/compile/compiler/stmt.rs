//! Statement lowering: assignments and targets, control flow, `try`,
//! `with`, `raise`, `assert`, imports. Exception handling follows CPython
//! 3.11's layout (see `bytecode::code::ExcEntry`): handlers are pushed on
//! the builder's handler stack, so every instruction is covered by its
//! innermost handler.

use super::{CResult, Compiler, FBlockKind, NameCtx};
use crate::bytecode::opcode::Opcode;
use crate::syntax::ast::{Alias, BinOp, ExceptHandler, Expr, ExprKind, Stmt, StmtKind, WithItem};
use crate::syntax::{Span, SyntaxError};

impl<'a> Compiler<'a> {
    /// Compiles a block of statements.
    pub(super) fn compile_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.compile_stmt(s))
    }

    fn compile_stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.enter_nested(s.span)?;
        self.set_line(s.span);
        let r = self.compile_stmt_inner(s);
        self.leave_nested();
        r
    }

    fn compile_stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        use Opcode::*;
        match &s.node {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
            } => self.compile_function_def(s, name, args, body, decorator_list),
            StmtKind::ClassDef { name, bases, .. } => self.compile_class_def(s, name, bases),
            StmtKind::Return(value) => self.compile_return(value.as_ref(), s.span),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.compile_delete(t)),
            StmtKind::Assign { targets, value } => {
                self.compile_expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(DupTop, 0);
                    }
                    self.compile_store(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => {
                self.compile_aug_assign(target, *op, value)
            }
            StmtKind::AnnAssign { target, value, .. } => match value {
                Some(v) => {
                    self.compile_expr(v)?;
                    self.compile_store(target)
                }
                None => Ok(()),
            },
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.compile_for(target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.compile_while(test, body, orelse),
            StmtKind::If { test, body, orelse } => self.compile_if(test, body, orelse),
            StmtKind::With { items, body } => self.compile_with(items, body),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.compile_expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.compile_expr(c)?;
                        n = 2;
                    }
                }
                self.set_line(s.span);
                self.emit(RaiseVarargs, n);
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.compile_try_except(body, handlers, orelse)
                } else {
                    self.compile_try_finally(body, handlers, orelse, finalbody)
                }
            }
            StmtKind::Assert { test, msg } => {
                self.check_assert(s.span, test);
                let ok = self.new_label();
                self.compile_jump_if(test, true, ok)?;
                self.set_line(s.span);
                self.emit(LoadAssertionError, 0);
                if let Some(m) = msg {
                    self.compile_expr(m)?;
                    self.emit(CallFunction, 1);
                }
                self.emit(RaiseVarargs, 1);
                self.bind(ok);
                Ok(())
            }
            StmtKind::Import(names) => names.iter().try_for_each(|a| self.compile_import(a)),
            StmtKind::ImportFrom { module, names } => self.compile_import_from(module, names),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            StmtKind::Expr(e) => {
                self.compile_expr(e)?;
                self.emit(PopTop, 0);
                Ok(())
            }
            StmtKind::Break => self.compile_break(s.span),
            StmtKind::Continue => self.compile_continue(s.span),
        }
    }

    // === Assignment ===

    /// Stores the value on top of the stack into `target`.
    pub(super) fn compile_store(&mut self, target: &'a Expr) -> CResult<()> {
        use Opcode::*;
        match &target.node {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Store),
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                self.set_line(target.span);
                self.emit_name_op(StoreAttr, attr);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.set_line(target.span);
                self.emit(StoreSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                self.compile_unpack(items, target.span)
            }
            ExprKind::Starred(_) => Err(SyntaxError::new(
                "starred assignment target must be in a list or tuple",
                target.span,
            )),
            _ => Err(SyntaxError::new(
                format!("cannot assign to {}", describe(target)),
                target.span,
            )),
        }
    }

    fn compile_unpack(&mut self, items: &'a [Expr], span: Span) -> CResult<()> {
        let stars: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.node, ExprKind::Starred(_)))
            .map(|(i, _)| i)
            .collect();
        match stars.as_slice() {
            [] => self.emit(Opcode::UnpackSequence, items.len() as u32),
            [i] => {
                let before = *i;
                let after = items.len() - i - 1;
                if before > 255 || after > 255 {
                    let msg = "too many expressions in star-unpacking assignment";
                    return Err(SyntaxError::new(msg, span));
                }
                self.emit(Opcode::UnpackEx, (before | (after << 8)) as u32);
            }
            _ => {
                let msg = "multiple starred expressions in assignment";
                return Err(SyntaxError::new(msg, span));
            }
        }
        for item in items {
            match &item.node {
                ExprKind::Starred(inner) => self.compile_store(inner)?,
                _ => self.compile_store(item)?,
            }
        }
        Ok(())
    }

    fn compile_delete(&mut self, target: &'a Expr) -> CResult<()> {
        match &target.node {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Del),
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                self.set_line(target.span);
                self.emit_name_op(Opcode::DeleteAttr, attr);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.set_line(target.span);
                self.emit(Opcode::DeleteSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|t| self.compile_delete(t))
            }
            _ => Err(SyntaxError::new(
                format!("cannot delete {}", describe(target)),
                target.span,
            )),
        }
    }

    fn compile_aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult<()> {
        use Opcode::*;
        let inplace = inplace_op(op);
        match &target.node {
            ExprKind::Name(n) => {
                self.name_op(n, NameCtx::Load)?;
                self.compile_expr(value)?;
                self.emit(inplace, 0);
                self.name_op(n, NameCtx::Store)
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.compile_expr(obj)?;
                self.emit(DupTop, 0);
                self.set_line(target.span);
                self.emit_name_op(LoadAttr, attr);
                self.compile_expr(value)?;
                self.emit(inplace, 0);
                self.emit(RotTwo, 0);
                self.emit_name_op(StoreAttr, attr);
                Ok(())
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.compile_expr(obj)?;
                self.compile_expr(slice)?;
                self.emit(DupTopTwo, 0);
                self.set_line(target.span);
                self.emit(BinarySubscr, 0);
                self.compile_expr(value)?;
                self.emit(inplace, 0);
                self.emit(RotThree, 0);
                self.emit(StoreSubscr, 0);
                Ok(())
            }
            _ => Err(SyntaxError::new(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(target)
                ),
                target.span,
            )),
        }
    }

    // === Control flow ===

    fn compile_if(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult<()> {
        let end = self.new_label();
        if orelse.is_empty() {
            self.compile_jump_if(test, false, end)?;
            self.compile_body(body)?;
        } else {
            let other = self.new_label();
            self.compile_jump_if(test, false, other)?;
            self.compile_body(body)?;
            self.emit_jump(Opcode::Jump, end);
            self.bind(other);
            self.compile_body(orelse)?;
        }
        self.bind(end);
        Ok(())
    }

    fn compile_while(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let (top, other, end) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(top);
        let first = self.warnings.len();
        self.compile_jump_if(test, false, other)?;
        // CPython compiles the test twice (before the body and again at its
        // end), so it warns about the test twice.
        let again = self.warnings[first..].to_vec();
        let level = self.b().handler_level();
        let kind = FBlockKind::Loop {
            is_for: false,
            brk: end,
            cont: top,
        };
        self.push_fblock(kind, level);
        self.compile_body(body)?;
        self.warnings.extend(again);
        self.pop_fblock();
        self.set_line(test.span);
        self.emit_jump(Opcode::Jump, top);
        self.bind(other);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let (top, other, end) = (self.new_label(), self.new_label(), self.new_label());
        self.compile_expr(iter)?;
        self.emit(Opcode::GetIter, 0);
        self.bind(top);
        self.emit_jump(Opcode::ForIter, other);
        self.compile_store(target)?;
        let level = self.b().handler_level();
        let kind = FBlockKind::Loop {
            is_for: true,
            brk: end,
            cont: top,
        };
        self.push_fblock(kind, level);
        self.compile_body(body)?;
        self.pop_fblock();
        self.emit_jump(Opcode::Jump, top);
        self.bind(other);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_return(&mut self, value: Option<&'a Expr>, span: Span) -> CResult<()> {
        if !self.table.scope(self.unit_ref().scope).is_function_like() {
            return Err(SyntaxError::new("'return' outside function", span));
        }
        let preserve = value.is_some();
        self.with_unwound(
            0,
            preserve,
            |c| value.map_or(Ok(()), |v| c.compile_expr(v)),
            |c| {
                c.set_line(span);
                if !preserve {
                    c.emit_none();
                }
                c.emit(Opcode::ReturnValue, 0);
                Ok(())
            },
        )
    }

    fn compile_break(&mut self, span: Span) -> CResult<()> {
        let Some((i, brk, _)) = self.innermost_loop() else {
            return Err(SyntaxError::new("'break' outside loop", span));
        };
        self.with_unwound(
            i,
            false,
            |_| Ok(()),
            |c| {
                c.set_line(span);
                c.emit_jump(Opcode::Jump, brk);
                Ok(())
            },
        )
    }

    fn compile_continue(&mut self, span: Span) -> CResult<()> {
        let Some((i, _, cont)) = self.innermost_loop() else {
            return Err(SyntaxError::new("'continue' not properly in loop", span));
        };
        self.with_unwound(
            i + 1,
            false,
            |_| Ok(()),
            |c| {
                c.set_line(span);
                c.emit_jump(Opcode::Jump, cont);
                Ok(())
            },
        )
    }

    // === Exceptions ===

    /// `try: body except ...: ... else: orelse` (no finally).
    fn compile_try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        use Opcode::*;
        for (i, h) in handlers.iter().enumerate() {
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(SyntaxError::new("default 'except:' must be last", h.span));
            }
        }
        let (d, p) = (self.b().depth(), self.b().protect());
        let (handler_label, end) = (self.new_label(), self.new_label());
        let h = self.b().new_handler(handler_label, d, p);
        self.b().push_handler(h);
        self.compile_body(body)?;
        self.b().pop_handler();
        self.compile_body(orelse)?;
        self.emit_jump(Jump, end);

        self.b().bind_handler(h);
        let cleanup_label = self.new_label();
        let level = self.b().handler_level();
        let cleanup = self.b().new_handler(cleanup_label, d + 1, p);
        self.b().push_handler(cleanup);
        self.emit(PushExcInfo, 0);
        for handler in handlers {
            self.set_line(handler.span);
            let next = self.new_label();
            if let Some(t) = &handler.typ {
                self.compile_expr(t)?;
                self.emit(CheckExcMatch, 0);
                self.emit_jump(PopJumpIfFalse, next);
            }
            match &handler.name {
                Some(name) => self.compile_named_handler(name, handler, level, end)?,
                None => {
                    self.emit(PopTop, 0);
                    self.push_fblock(FBlockKind::HandlerCleanup(None), level);
                    self.compile_body(&handler.body)?;
                    self.pop_fblock();
                    self.b().pop_handler();
                    self.emit(PopExcept, 0);
                    self.emit_jump(Jump, end);
                    self.b().push_handler(cleanup);
                }
            }
            self.bind(next);
        }
        self.emit(Reraise, 0);
        self.b().pop_handler();
        self.b().bind_handler(cleanup);
        self.emit_pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `except T as name: body`: the body is protected so that `name` is
    /// cleared however the handler ends.
    fn compile_named_handler(
        &mut self,
        name: &'a str,
        handler: &'a ExceptHandler,
        level: usize,
        end: crate::bytecode::builder::Label,
    ) -> CResult<()> {
        use Opcode::*;
        self.name_op(name, NameCtx::Store)?;
        let (d, p) = (self.b().depth(), self.b().protect());
        let name_cleanup = self.new_label();
        let nh = self.b().new_handler(name_cleanup, d, p);
        self.b().push_handler(nh);
        self.push_fblock(FBlockKind::HandlerCleanup(Some(name)), level);
        self.compile_body(&handler.body)?;
        self.pop_fblock();
        self.b().pop_handler();
        let cleanup = self.b().handlers_snapshot();
        self.b().pop_handler();
        self.emit(PopExcept, 0);
        self.clear_name(name)?;
        self.emit_jump(Jump, end);
        self.b().set_handlers(cleanup);
        self.b().bind_handler(nh);
        self.clear_name(name)?;
        self.emit(Reraise, 0);
        Ok(())
    }

    /// `[prev, exc] -> RotTwo; PopExcept; Reraise`: restores the exception
    /// being handled before propagating a new one.
    fn emit_pop_except_and_reraise(&mut self) {
        self.emit(Opcode::RotTwo, 0);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
    }

    /// `try/finally`, with any except clauses compiled inside it.
    fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult<()> {
        use Opcode::*;
        let (d, p) = (self.b().depth(), self.b().protect());
        let level = self.b().handler_level();
        let (final_label, end) = (self.new_label(), self.new_label());
        let f = self.b().new_handler(final_label, d, p);
        self.b().push_handler(f);
        self.push_fblock(FBlockKind::FinallyTry(finalbody), level);
        if handlers.is_empty() {
            self.compile_body(body)?;
        } else {
            self.compile_try_except(body, handlers, orelse)?;
        }
        self.pop_fblock();
        self.b().pop_handler();
        self.compile_finally_inline(finalbody, false)?;
        self.emit_jump(Jump, end);

        self.b().bind_handler(f);
        let cleanup_label = self.new_label();
        let cleanup = self.b().new_handler(cleanup_label, d + 1, p);
        self.b().push_handler(cleanup);
        self.emit(PushExcInfo, 0);
        self.emit(ProtectBegin, 0);
        self.push_fblock(FBlockKind::FinallyEnd, level);
        self.compile_body(finalbody)?;
        self.pop_fblock();
        self.emit(ProtectEnd, 0);
        self.emit(Reraise, 0);
        self.b().pop_handler();
        self.b().bind_handler(cleanup);
        self.emit_pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `with a as x, b as y: body` is `with a as x: with b as y: body`.
    fn compile_with(&mut self, items: &'a [WithItem], body: &'a [Stmt]) -> CResult<()> {
        use Opcode::*;
        let Some((item, rest)) = items.split_first() else {
            return self.compile_body(body);
        };
        let (d, p) = (self.b().depth(), self.b().protect());
        let level = self.b().handler_level();
        let (exit_label, end) = (self.new_label(), self.new_label());
        self.compile_expr(&item.context_expr)?;
        self.set_line(item.context_expr.span);
        self.emit(ProtectBegin, 0);
        self.emit(BeforeWith, 0);
        let h = self.b().new_handler(exit_label, d + 1, p);
        self.b().push_handler(h);
        match &item.optional_vars {
            Some(t) => self.compile_store(t)?,
            None => self.emit(PopTop, 0),
        }
        self.emit(ProtectEnd, 0);
        self.push_fblock(FBlockKind::With, level);
        self.compile_with(rest, body)?;
        self.pop_fblock();
        self.b().pop_handler();
        self.set_line(item.context_expr.span);
        self.emit_exit_call();
        self.emit_jump(Jump, end);

        // Exceptional exit: [exit, exc].
        self.b().bind_handler(h);
        let (cleanup_label, suppress) = (self.new_label(), self.new_label());
        let cleanup = self.b().new_handler(cleanup_label, d + 2, p);
        self.b().push_handler(cleanup);
        self.emit(PushExcInfo, 0);
        self.emit(ProtectBegin, 0);
        self.emit(WithExceptStart, 0);
        self.emit_jump(PopJumpIfTrue, suppress);
        self.emit(ProtectEnd, 0);
        self.emit(Reraise, 0);
        self.b().pop_handler();
        self.bind(suppress);
        self.emit(PopTop, 0);
        self.emit(PopExcept, 0);
        self.emit(PopTop, 0);
        self.emit(ProtectEnd, 0);
        self.emit_jump(Jump, end);
        self.b().bind_handler(cleanup);
        self.emit_pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    // === Imports ===

    fn compile_import(&mut self, alias: &'a Alias) -> CResult<()> {
        self.emit_name_op(Opcode::ImportName, &alias.name);
        match &alias.asname {
            Some(asname) => self.name_op(asname, NameCtx::Store),
            None => match alias.name.split_once('.') {
                Some((top, _)) => {
                    self.emit(Opcode::PopTop, 0);
                    self.emit_name_op(Opcode::ImportName, top);
                    self.name_op(top, NameCtx::Store)
                }
                None => self.name_op(&alias.name, NameCtx::Store),
            },
        }
    }

    fn compile_import_from(&mut self, module: &str, names: &'a [Alias]) -> CResult<()> {
        self.emit_name_op(Opcode::ImportName, module);
        if names.len() == 1 && names[0].name == "*" {
            self.emit(Opcode::ImportStar, 0);
            return Ok(());
        }
        for a in names {
            if a.name == "*" {
                return Err(SyntaxError::new("invalid syntax", a.span));
            }
            self.emit_name_op(Opcode::ImportFrom, &a.name);
            self.name_op(a.asname.as_deref().unwrap_or(&a.name), NameCtx::Store)?;
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }
}

/// The in-place opcode of an augmented assignment operator.
fn inplace_op(op: BinOp) -> Opcode {
    use Opcode::*;
    match op {
        BinOp::Add => InplaceAdd,
        BinOp::Sub => InplaceSubtract,
        BinOp::Mul => InplaceMultiply,
        BinOp::MatMul => InplaceMatrixMultiply,
        BinOp::Div => InplaceTrueDivide,
        BinOp::FloorDiv => InplaceFloorDivide,
        BinOp::Mod => InplaceModulo,
        BinOp::Pow => InplacePower,
        BinOp::LShift => InplaceLshift,
        BinOp::RShift => InplaceRshift,
        BinOp::BitOr => InplaceOr,
        BinOp::BitXor => InplaceXor,
        BinOp::BitAnd => InplaceAnd,
    }
}

/// CPython's name for an expression in "cannot assign to ..." messages.
fn describe(e: &Expr) -> &'static str {
    match &e.node {
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Num(_) | ExprKind::Str(_) | ExprKind::Bytes(_) | ExprKind::Ellipsis => "literal",
        ExprKind::True | ExprKind::False | ExprKind::None => "literal",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::NamedExpr { .. } => "named expression",
        _ => "expression",
    }
}
