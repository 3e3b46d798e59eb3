//! Statements: simple statements (assignments, `import`, `raise`, ...)
//! and compound ones with their blocks (`if`, `for`, `try`, `def`, ...).

use super::{target, PResult, Parser};
use crate::syntax::ast::{Alias, BinOp, ExceptHandler, Expr, ExprKind, Stmt, StmtKind, WithItem};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use crate::syntax::token::Token;

fn aug_op(tok: &Token) -> Option<BinOp> {
    Some(match tok {
        Token::PlusEqual => BinOp::Add,
        Token::MinEqual => BinOp::Sub,
        Token::StarEqual => BinOp::Mul,
        Token::AtEqual => BinOp::MatMul,
        Token::SlashEqual => BinOp::Div,
        Token::DoubleSlashEqual => BinOp::FloorDiv,
        Token::PercentEqual => BinOp::Mod,
        Token::DoubleStarEqual => BinOp::Pow,
        Token::LeftShiftEqual => BinOp::LShift,
        Token::RightShiftEqual => BinOp::RShift,
        Token::VBarEqual => BinOp::BitOr,
        Token::CircumflexEqual => BinOp::BitXor,
        Token::AmperEqual => BinOp::BitAnd,
        _ => return None,
    })
}

/// A bare `*x` as a whole value (CPython's compile-time check).
fn check_not_starred(e: &Expr) -> PResult<()> {
    if matches!(e.node, ExprKind::Starred(_)) {
        return Err(SyntaxError::new(
            "can't use starred expression here",
            e.span,
        ));
    }
    Ok(())
}

impl Parser<'_> {
    /// The whole token stream as a module body.
    pub(super) fn file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while !self.at(&Token::EndMarker) {
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let stmt = match self.peek() {
            Token::If => self.if_stmt()?,
            Token::While => self.while_stmt()?,
            Token::For => self.for_stmt()?,
            Token::Try => self.try_stmt()?,
            Token::With => self.with_stmt()?,
            Token::Def => self.funcdef(Vec::new())?,
            Token::Class => self.classdef(Vec::new())?,
            Token::At => self.decorated()?,
            Token::Async => return Err(self.async_error()),
            Token::Indent => {
                return Err(SyntaxError::indentation("unexpected indent", self.span()))
            }
            Token::Name(name) if name == "match" => return self.maybe_match(out),
            _ => return self.simple_stmts(out),
        };
        out.push(stmt);
        Ok(())
    }

    #[cold]
    fn async_error(&self) -> SyntaxError {
        let what = match self.peek_nth(1) {
            Token::Def => "'async def'",
            Token::For => "'async for'",
            Token::With => "'async with'",
            _ => return self.invalid_syntax(),
        };
        self.unsupported(what, self.span())
    }

    /// `match` is a soft keyword: parse as ordinary statements unless that
    /// fails and the line looks like a `match` statement header.
    fn maybe_match(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let saved = (self.pos, self.last_end, self.depth, self.parens);
        let tree_depth = self.tree_depth;
        let mut stmts = Vec::new();
        match self.simple_stmts(&mut stmts) {
            Ok(()) => {
                out.append(&mut stmts);
                Ok(())
            }
            Err(err) => {
                (self.pos, self.last_end, self.depth, self.parens) = saved;
                self.tree_depth = tree_depth;
                let span = self.span();
                let header = self.attempt(|p| {
                    p.advance();
                    p.star_expressions()?;
                    if p.at(&Token::Newline) {
                        return Ok(false);
                    }
                    p.expect(&Token::Colon)?;
                    p.expect(&Token::Newline).map(|_| true)
                });
                match header {
                    Some(true) => Err(self.unsupported("the 'match' statement", span)),
                    Some(false) => Err(self.error_at("expected ':'", self.span())),
                    None => Err(err),
                }
            }
        }
    }

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            out.push(self.simple_stmt()?);
            if self.eat(&Token::Semi).is_some() {
                if self.eat(&Token::Newline).is_some() {
                    return Ok(());
                }
                continue;
            }
            if self.eat(&Token::Newline).is_some() {
                return Ok(());
            }
            return Err(self.invalid_syntax());
        }
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.peek() {
            Token::Pass => self.keyword_only(StmtKind::Pass),
            Token::Break => self.keyword_only(StmtKind::Break),
            Token::Continue => self.keyword_only(StmtKind::Continue),
            Token::Return => {
                self.advance();
                let value = if Self::starts_expr(self.peek()) || self.at(&Token::Star) {
                    let value = self.star_expressions()?;
                    check_not_starred(&value)?;
                    Some(value)
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            Token::Raise => self.raise_stmt()?,
            Token::Global | Token::Nonlocal => self.global_stmt()?,
            Token::Del => self.del_stmt()?,
            Token::Assert => {
                self.advance();
                let test = self.expression()?;
                let msg = match self.eat(&Token::Comma) {
                    Some(_) => Some(self.expression()?),
                    None => None,
                };
                StmtKind::Assert { test, msg }
            }
            Token::Import => self.import_stmt()?,
            Token::From => self.import_from_stmt()?,
            _ => return self.expr_stmt(),
        };
        Ok(self.node(kind, start))
    }

    fn keyword_only(&mut self, kind: StmtKind) -> StmtKind {
        self.advance();
        kind
    }

    fn raise_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        if !Self::starts_expr(self.peek()) {
            return Ok(StmtKind::Raise {
                exc: None,
                cause: None,
            });
        }
        let exc = Some(self.expression()?);
        let cause = match self.eat(&Token::From) {
            Some(_) => Some(self.expression()?),
            None => None,
        };
        Ok(StmtKind::Raise { exc, cause })
    }

    fn global_stmt(&mut self) -> PResult<StmtKind> {
        let global = self.advance_tok() == Token::Global;
        let mut names = vec![self.name()?];
        while self.eat(&Token::Comma).is_some() {
            names.push(self.name()?);
        }
        Ok(if global {
            StmtKind::Global(names)
        } else {
            StmtKind::Nonlocal(names)
        })
    }

    fn advance_tok(&mut self) -> Token {
        let tok = self.peek().clone();
        self.advance();
        tok
    }

    fn del_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut targets = Vec::new();
        loop {
            let e = if self.at(&Token::Star) {
                self.target_item()?
            } else {
                self.expression()?
            };
            target::check_del(&e)?;
            targets.push(e);
            if self.eat(&Token::Comma).is_none() {
                break;
            }
            if !Self::starts_expr(self.peek()) && !self.at(&Token::Star) {
                break;
            }
        }
        Ok(StmtKind::Delete(targets))
    }

    fn import_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = self.as_name()?;
            names.push(Alias {
                name,
                asname,
                span: self.node((), start).span,
            });
            if self.eat(&Token::Comma).is_none() {
                return Ok(StmtKind::Import(names));
            }
        }
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.name()?;
        while self.eat(&Token::Dot).is_some() {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name)
    }

    fn as_name(&mut self) -> PResult<Option<String>> {
        match self.eat(&Token::As) {
            Some(_) => Ok(Some(self.name()?)),
            None => Ok(None),
        }
    }

    fn import_from_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        if self.at(&Token::Dot) || self.at(&Token::Ellipsis) {
            return Err(self.unsupported("relative imports", self.span()));
        }
        let module = self.dotted_name()?;
        self.expect(&Token::Import)?;
        if let Some(span) = self.eat(&Token::Star) {
            let star = Alias {
                name: "*".into(),
                asname: None,
                span,
            };
            return Ok(StmtKind::ImportFrom {
                module,
                names: vec![star],
            });
        }
        let parens = self.eat(&Token::LPar).is_some();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.name()?;
            let asname = self.as_name()?;
            names.push(Alias {
                name,
                asname,
                span: self.node((), start).span,
            });
            if self.eat(&Token::Comma).is_none() {
                break;
            }
            if parens && self.at(&Token::RPar) {
                break;
            }
            if !parens && matches!(self.peek(), Token::Newline | Token::Semi) {
                let msg = "trailing comma not allowed without surrounding parentheses";
                return Err(self.error_at(msg, self.span()));
            }
        }
        if parens {
            self.expect(&Token::RPar)?;
        }
        Ok(StmtKind::ImportFrom { module, names })
    }

    /// Expression statements and every form of assignment.
    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let first = self.rhs()?;
        let kind = match self.peek() {
            Token::Equal => self.assignment(first)?,
            Token::Colon => {
                target::check_annotated(&first)?;
                self.advance();
                let annotation = self.expression()?;
                let value = match self.eat(&Token::Equal) {
                    Some(_) => Some(self.rhs()?),
                    None => None,
                };
                StmtKind::AnnAssign {
                    target: first,
                    annotation,
                    value,
                }
            }
            tok => match aug_op(tok) {
                Some(op) => {
                    target::check_aug(&first)?;
                    self.advance();
                    let value = self.rhs()?;
                    StmtKind::AugAssign {
                        target: first,
                        op,
                        value,
                    }
                }
                None => {
                    self.check_legacy_print(&first)?;
                    if self.at(&Token::ColonEqual) && !matches!(first.node, ExprKind::Name(_)) {
                        let msg = format!(
                            "cannot use assignment expressions with {}",
                            target::expr_name(&first.node)
                        );
                        return Err(self.error_at(msg, first.span));
                    }
                    check_not_starred(&first)?;
                    StmtKind::Expr(first)
                }
            },
        };
        Ok(self.node(kind, start))
    }

    /// A right-hand side: a yield expression or `star_expressions`.
    fn rhs(&mut self) -> PResult<Expr> {
        if self.at(&Token::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    fn assignment(&mut self, first: Expr) -> PResult<StmtKind> {
        let mut targets = vec![first];
        let mut eq_at = Vec::new();
        loop {
            eq_at.push(self.pos);
            self.advance();
            let value = self.rhs()?;
            if !self.at(&Token::Equal) {
                self.check_assign_targets(&targets, &eq_at)?;
                check_not_starred(&value)?;
                return Ok(StmtKind::Assign { targets, value });
            }
            targets.push(value);
        }
    }

    fn check_legacy_print(&self, first: &Expr) -> PResult<()> {
        if let ExprKind::Name(name) = &first.node {
            if (name == "print" || name == "exec") && Self::starts_expr(self.peek()) {
                let msg =
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                return Err(self.error_at(msg, first.span));
            }
        }
        Ok(())
    }

    // === Compound statements ===

    /// Expects the `:` of a header; `forced` headers report `expected ':'`
    /// whatever follows, others only before a newline.
    fn colon(&mut self, forced: bool, last: Option<&Expr>) -> PResult<()> {
        if self.eat(&Token::Colon).is_some() {
            return Ok(());
        }
        if forced || self.at(&Token::Newline) {
            return Err(self.error_at("expected ':'", self.span()));
        }
        match last {
            Some(e) => Err(self.unexpected_after(e)),
            None => Err(self.invalid_syntax()),
        }
    }

    /// A block after `:`: an indented suite or simple statements on the
    /// header's line. `what` names the header for CPython's message.
    fn block(&mut self, what: &str, header: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.eat(&Token::Newline).is_none() {
            self.simple_stmts(&mut body)?;
        } else {
            if !self.at(&Token::Indent) {
                let line = self.line_of(header);
                let msg = format!("expected an indented block after {what} on line {line}");
                let at = self.span().start;
                return Err(SyntaxError::indentation(
                    msg,
                    Span {
                        start: at,
                        end: at + 1,
                    },
                ));
            }
            self.advance();
            while !self.at(&Token::Dedent) && !self.at(&Token::EndMarker) {
                self.statement(&mut body)?;
            }
            self.eat(&Token::Dedent);
        }
        if let Some(last) = body.last() {
            self.last_end = last.span.end;
        }
        Ok(body)
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        let Some(span) = self.eat(&Token::Else) else {
            return Ok(Vec::new());
        };
        self.colon(true, None)?;
        self.block("'else' statement", span.start)
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let mut branches = Vec::new();
        let mut what = "'if' statement";
        loop {
            let start = self.advance().start;
            let test = self.named_expression()?;
            self.colon(false, Some(&test))?;
            let body = self.block(what, start)?;
            branches.push((start, test, body));
            if !self.at(&Token::Elif) {
                break;
            }
            what = "'elif' statement";
        }
        let mut orelse = self.else_block()?;
        let end = self.last_end;
        while let Some((start, test, body)) = branches.pop() {
            let kind = StmtKind::If { test, body, orelse };
            orelse = vec![Stmt {
                node: kind,
                span: Span { start, end },
            }];
        }
        Ok(orelse
            .pop()
            .unwrap_or_else(|| self.node(StmtKind::Pass, end)))
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().start;
        let test = self.named_expression()?;
        self.colon(false, Some(&test))?;
        let body = self.block("'while' statement", start)?;
        let orelse = self.else_block()?;
        Ok(self.node(StmtKind::While { test, body, orelse }, start))
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().start;
        let target = self.star_targets()?;
        target::check_store(&target)?;
        self.expect(&Token::In)?;
        let iter = self.star_expressions()?;
        self.colon(false, Some(&iter))?;
        let body = self.block("'for' statement", start)?;
        let orelse = self.else_block()?;
        let kind = StmtKind::For {
            target,
            iter,
            body,
            orelse,
        };
        Ok(self.node(kind, start))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().start;
        self.colon(true, None)?;
        let body = self.block("'try' statement", start)?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.at(&Token::Except) {
            if let Some(bare) = handlers.iter().find(|h| h.typ.is_none()) {
                let span = bare.span;
                return Err(self.error_at("default 'except:' must be last", span));
            }
            handlers.push(self.except_handler()?);
        }
        if handlers.is_empty() && !self.at(&Token::Finally) {
            let msg = "expected 'except' or 'finally' block";
            return Err(self.error_at(msg, self.span()));
        }
        let orelse = self.else_block()?;
        let mut finalbody = Vec::new();
        if let Some(span) = self.eat(&Token::Finally) {
            self.colon(true, None)?;
            finalbody = self.block("'finally' statement", span.start)?;
        }
        let kind = StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        };
        Ok(self.node(kind, start))
    }

    fn except_handler(&mut self) -> PResult<ExceptHandler> {
        let start = self.advance().start;
        if self.at(&Token::Star) {
            return Err(self.unsupported("'except*'", self.span()));
        }
        let (mut typ, mut name) = (None, None);
        if !self.at(&Token::Colon) {
            let t = self.expression()?;
            if self.at(&Token::Comma) {
                let msg = "multiple exception types must be parenthesized";
                return Err(self.error_at(msg, t.span));
            }
            if self.eat(&Token::As).is_some() {
                name = Some(self.name()?);
            }
            typ = Some(t);
        }
        self.colon(false, typ.as_ref())?;
        let body = self.block("'except' statement", start)?;
        Ok(ExceptHandler {
            typ,
            name,
            body,
            span: self.node((), start).span,
        })
    }

    fn with_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().start;
        let mut items = None;
        if self.at(&Token::LPar) {
            items = self.attempt(|p| p.paren_with_items());
        }
        let items = match items {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat(&Token::Comma).is_some() {
                    items.push(self.with_item()?);
                }
                let last = items.last().map(|i: &WithItem| i.context_expr.clone());
                self.colon(false, last.as_ref())?;
                items
            }
        };
        let body = self.block("'with' statement", start)?;
        Ok(self.node(StmtKind::With { items, body }, start))
    }

    /// `with (a as b, c as d):` (the `:` is consumed too).
    fn paren_with_items(&mut self) -> PResult<Vec<WithItem>> {
        self.advance();
        self.parens += 1;
        let mut items = Vec::new();
        while !self.at(&Token::RPar) {
            items.push(self.with_item()?);
            if self.eat(&Token::Comma).is_none() {
                break;
            }
        }
        self.expect(&Token::RPar)?;
        self.parens -= 1;
        self.expect(&Token::Colon)?;
        Ok(items)
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let mut optional_vars = None;
        if self.eat(&Token::As).is_some() {
            let t = self.target_item()?;
            target::check_store(&t)?;
            optional_vars = Some(t);
        }
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(&Token::At).is_some() {
            let e = self.named_expression()?;
            if self.eat(&Token::Newline).is_none() {
                return Err(self.unexpected_after(&e));
            }
            decorators.push(e);
        }
        match self.peek() {
            Token::Def => self.funcdef(decorators),
            Token::Class => self.classdef(decorators),
            Token::Async => Err(self.async_error()),
            _ => Err(self.invalid_syntax()),
        }
    }

    fn funcdef(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.advance().start;
        let name = self.name()?;
        if self.at(&Token::LSqb) {
            return Err(self.unsupported("type parameter lists", self.span()));
        }
        if self.eat(&Token::LPar).is_none() {
            return Err(self.error_at("expected '('", self.span()));
        }
        self.parens += 1;
        let args = self.parameters(&Token::RPar, true)?;
        self.advance();
        self.parens -= 1;
        if self.eat(&Token::RArrow).is_some() {
            self.expression()?;
        }
        self.colon(true, None)?;
        let body = self.block("function definition", start)?;
        let kind = StmtKind::FunctionDef {
            name,
            args: Box::new(args),
            body,
            decorator_list,
        };
        Ok(self.node(kind, start))
    }

    fn classdef(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.advance().start;
        let name = self.name()?;
        if self.at(&Token::LSqb) {
            return Err(self.unsupported("type parameter lists", self.span()));
        }
        let (bases, keywords) = if self.at(&Token::LPar) {
            self.call_args(false)?
        } else {
            (Vec::new(), Vec::new())
        };
        self.colon(false, None)?;
        let body = self.block("class definition", start)?;
        let kind = StmtKind::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
        };
        Ok(self.node(kind, start))
    }
}
