//! Bracketed atoms (tuples, lists, dicts, sets, their comprehensions and
//! generator expressions) and string literals, including f-string fields.

use super::{target, PResult, Parser};
use crate::syntax::ast::{Comprehension, Expr, ExprKind, FStringPart};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use crate::syntax::token::{FStringField, FStringPiece, Token};

impl Parser<'_> {
    /// `( ... )`: empty tuple, yield, group, tuple or generator expression.
    pub(super) fn paren(&mut self) -> PResult<Expr> {
        let start = self.advance().start;
        self.parens += 1;
        let result = self.paren_inner(start);
        self.parens -= 1;
        result
    }

    fn paren_inner(&mut self, start: u32) -> PResult<Expr> {
        if self.at(&Token::RPar) || self.at(&Token::Yield) {
            return self.paren_special(start);
        }
        let first = self.star_named_expression()?;
        self.paren_rest(start, first)
    }

    /// `()` and `(yield ...)`.
    #[inline(never)]
    fn paren_special(&mut self, start: u32) -> PResult<Expr> {
        if self.eat(&Token::RPar).is_some() {
            return Ok(self.node(ExprKind::Tuple(Vec::new()), start));
        }
        let e = self.yield_expr()?;
        self.close(&Token::RPar, &e)?;
        Ok(e)
    }

    /// What follows the first element inside `(`.
    #[inline(never)]
    fn paren_rest(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        if self.at(&Token::For) || self.at(&Token::Async) {
            let generators = self.comprehension_clauses(&first)?;
            self.close(&Token::RPar, &first)?;
            let kind = ExprKind::GeneratorExp {
                elt: Box::new(first),
                generators,
            };
            return Ok(self.node(kind, start));
        }
        if self.at(&Token::Comma) {
            let elts = self.display_tail(first, &Token::RPar)?;
            return Ok(self.node(ExprKind::Tuple(elts), start));
        }
        self.close(&Token::RPar, &first)?;
        if matches!(first.node, ExprKind::Starred(_)) {
            return Err(self.error_at("cannot use starred expression here", first.span));
        }
        Ok(first)
    }

    /// `[ ... ]`: list display or list comprehension.
    pub(super) fn list(&mut self) -> PResult<Expr> {
        let start = self.advance().start;
        self.parens += 1;
        let result = self.list_inner(start);
        self.parens -= 1;
        result
    }

    fn list_inner(&mut self, start: u32) -> PResult<Expr> {
        if self.eat(&Token::RSqb).is_some() {
            return Ok(self.node(ExprKind::List(Vec::new()), start));
        }
        let first = self.star_named_expression()?;
        if self.at(&Token::For) || self.at(&Token::Async) {
            let generators = self.comprehension_clauses(&first)?;
            self.close(&Token::RSqb, &first)?;
            let kind = ExprKind::ListComp {
                elt: Box::new(first),
                generators,
            };
            return Ok(self.node(kind, start));
        }
        let elts = self.display_tail(first, &Token::RSqb)?;
        Ok(self.node(ExprKind::List(elts), start))
    }

    /// The rest of a comma-separated display after its first element,
    /// through the closing bracket.
    fn display_tail(&mut self, first: Expr, closer: &Token) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        loop {
            if self.eat(closer).is_some() {
                return Ok(elts);
            }
            if self.eat(&Token::Comma).is_none() {
                let last = elts.pop().unwrap_or_else(|| self.node(ExprKind::None, 0));
                return Err(self.unexpected_after(&last));
            }
            if self.eat(closer).is_some() {
                return Ok(elts);
            }
            elts.push(self.star_named_expression()?);
            if self.at(&Token::For) {
                let span = Span {
                    start: elts[0].span.start,
                    end: self.last_end,
                };
                let msg = "did you forget parentheses around the comprehension target?";
                return Err(self.error_at(msg, span));
            }
        }
    }

    /// Whether `e` is an unparenthesized `name := value` just parsed.
    pub(super) fn bare_walrus(&self, e: &Expr) -> bool {
        matches!(e.node, ExprKind::NamedExpr { .. })
            && self.pos > 0
            && self.toks[self.pos - 1].0 != Token::RPar
    }

    /// Expects the closing bracket after `last`, with CPython's hints.
    fn close(&mut self, closer: &Token, last: &Expr) -> PResult<()> {
        if self.eat(closer).is_some() {
            return Ok(());
        }
        Err(self.unexpected_after(last))
    }

    /// `{ ... }`: dict or set display or comprehension.
    pub(super) fn brace(&mut self) -> PResult<Expr> {
        let start = self.advance().start;
        self.parens += 1;
        let result = self.brace_inner(start);
        self.parens -= 1;
        result
    }

    fn brace_inner(&mut self, start: u32) -> PResult<Expr> {
        if self.eat(&Token::RBrace).is_some() {
            let kind = ExprKind::Dict {
                keys: Vec::new(),
                values: Vec::new(),
            };
            return Ok(self.node(kind, start));
        }
        if self.at(&Token::DoubleStar) {
            return self.dict(start);
        }
        let first = self.star_named_expression()?;
        if self.at(&Token::Colon) {
            if self.bare_walrus(&first) {
                return Err(self.invalid_syntax());
            }
            return self.dict_after_key(start, first);
        }
        if self.at(&Token::For) || self.at(&Token::Async) {
            let generators = self.comprehension_clauses(&first)?;
            self.close(&Token::RBrace, &first)?;
            let kind = ExprKind::SetComp {
                elt: Box::new(first),
                generators,
            };
            return Ok(self.node(kind, start));
        }
        let elts = self.display_tail(first, &Token::RBrace)?;
        Ok(self.node(ExprKind::Set(elts), start))
    }

    fn dict_value(&mut self) -> PResult<Expr> {
        let colon = self.advance();
        if self.at(&Token::Star) {
            let msg = "cannot use a starred expression in a dictionary value";
            return Err(self.error_at(msg, self.span()));
        }
        if matches!(self.peek(), Token::Comma | Token::RBrace) {
            let msg = "expression expected after dictionary key and ':'";
            return Err(self.error_at(msg, colon));
        }
        self.expression()
    }

    fn dict_after_key(&mut self, start: u32, key: Expr) -> PResult<Expr> {
        let value = self.dict_value()?;
        if self.at(&Token::For) || self.at(&Token::Async) {
            let generators = self.comprehension_clauses(&value)?;
            self.close(&Token::RBrace, &value)?;
            let kind = ExprKind::DictComp {
                key: Box::new(key),
                value: Box::new(value),
                generators,
            };
            return Ok(self.node(kind, start));
        }
        self.dict_items(start, vec![Some(key)], vec![value])
    }

    fn dict(&mut self, start: u32) -> PResult<Expr> {
        let star = self.advance();
        let value = self.bitwise_or()?;
        if self.at(&Token::For) {
            let msg = "dict unpacking cannot be used in dict comprehension";
            return Err(self.error_at(msg, star));
        }
        self.dict_items(start, vec![None], vec![value])
    }

    fn dict_items(
        &mut self,
        start: u32,
        mut keys: Vec<Option<Expr>>,
        mut values: Vec<Expr>,
    ) -> PResult<Expr> {
        loop {
            if self.eat(&Token::RBrace).is_some() {
                break;
            }
            if self.eat(&Token::Comma).is_none() {
                let last = values.pop().unwrap_or_else(|| self.node(ExprKind::None, 0));
                return Err(self.unexpected_after(&last));
            }
            if self.eat(&Token::RBrace).is_some() {
                break;
            }
            if self.eat(&Token::DoubleStar).is_some() {
                keys.push(None);
                values.push(self.bitwise_or()?);
                continue;
            }
            let key = self.expression()?;
            if !self.at(&Token::Colon) {
                let msg = "':' expected after dictionary key";
                return Err(self.error_at(msg, key.span));
            }
            values.push(self.dict_value()?);
            keys.push(Some(key));
        }
        Ok(self.node(ExprKind::Dict { keys, values }, start))
    }

    /// `for target in iter [if cond]...` clauses after an element.
    pub(super) fn comprehension_clauses(&mut self, elt: &Expr) -> PResult<Vec<Comprehension>> {
        if matches!(elt.node, ExprKind::Starred(_)) {
            let msg = "iterable unpacking cannot be used in comprehension";
            return Err(self.error_at(msg, elt.span));
        }
        let mut generators = Vec::new();
        loop {
            if self.at(&Token::Async) {
                return Err(self.unsupported("asynchronous comprehensions", self.span()));
            }
            if self.eat(&Token::For).is_none() {
                return Ok(generators);
            }
            let target = self.star_targets()?;
            target::check_store(&target)?;
            self.expect(&Token::In)?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(&Token::If).is_some() {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension { target, iter, ifs });
        }
    }

    /// Adjacent string literals, concatenated.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let start = self.start();
        let (mut has_bytes, mut has_str, mut has_f) = (false, false, false);
        let mut n = 0;
        while let Token::Str(_) | Token::Bytes(_) | Token::FString(_) = self.peek_nth(n) {
            match self.peek_nth(n) {
                Token::Bytes(_) => has_bytes = true,
                Token::FString(_) => has_f = true,
                _ => has_str = true,
            }
            n += 1;
        }
        let first = self.pos;
        for _ in 0..n {
            self.advance();
        }
        let span = Span {
            start,
            end: self.last_end,
        };
        if has_bytes && (has_str || has_f) {
            let at = Span::new(span.end as usize, span.end as usize);
            return Err(self.error_at("cannot mix bytes and nonbytes literals", at));
        }
        let kind = if has_bytes {
            let mut out = Vec::new();
            for (tok, _) in &self.toks[first..first + n] {
                if let Token::Bytes(b) = tok {
                    out.extend_from_slice(b);
                }
            }
            ExprKind::Bytes(out)
        } else if !has_f {
            let mut out = String::new();
            for (tok, _) in &self.toks[first..first + n] {
                if let Token::Str(s) = tok {
                    out.push_str(s);
                }
            }
            ExprKind::Str(out)
        } else {
            ExprKind::JoinedStr(self.joined(first, n)?)
        };
        Ok(self.node(kind, start))
    }

    fn joined(&self, first: usize, n: usize) -> PResult<Vec<FStringPart>> {
        let mut parts = Vec::new();
        for (tok, _) in &self.toks[first..first + n] {
            match tok {
                Token::Str(s) => push_literal(&mut parts, s),
                Token::FString(pieces) => parts.extend(self.fstring_parts(pieces)?),
                _ => {}
            }
        }
        Ok(parts)
    }

    fn fstring_parts(&self, pieces: &[FStringPiece]) -> PResult<Vec<FStringPart>> {
        let mut parts = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match piece {
                FStringPiece::Literal(s) => push_literal(&mut parts, s),
                FStringPiece::Field(field) => parts.push(self.fstring_field(field)?),
            }
        }
        Ok(parts)
    }

    /// Parses a replacement field's tokens as a parenthesized expression.
    fn fstring_field(&self, field: &FStringField) -> PResult<FStringPart> {
        let mut toks = field.tokens.clone();
        let end = Span::new(field.span.end as usize, field.span.end as usize);
        toks.push((Token::EndMarker, end));
        let mut sub = Parser::new(self.src, toks, self.depth);
        sub.parens = 1;
        sub.tree_depth = self.tree_depth;
        sub.stack_base = self.stack_base;
        let expr = sub.field_expression().map_err(fstring_error)?;
        let spec = match &field.spec {
            Some(pieces) => Some(self.fstring_parts(pieces)?),
            None => None,
        };
        let conversion = match field.conversion {
            None if field.debug_text.is_some() && spec.is_none() => Some('r'),
            conv => conv,
        };
        Ok(FStringPart::Expr {
            expr: Box::new(expr),
            conversion,
            spec,
            debug_text: field.debug_text.clone(),
        })
    }

    fn field_expression(&mut self) -> PResult<Expr> {
        let e = if self.at(&Token::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        if matches!(e.node, ExprKind::Starred(_)) {
            return Err(self.error_at("cannot use starred expression here", e.span));
        }
        if !self.at(&Token::EndMarker) {
            return Err(self.unexpected_after(&e));
        }
        Ok(e)
    }
}

fn fstring_error(mut err: SyntaxError) -> SyntaxError {
    if !err.msg.starts_with("f-string") {
        err.msg = format!("f-string: {}", err.msg);
    }
    err
}

fn push_literal(parts: &mut Vec<FStringPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(s);
    } else {
        parts.push(FStringPart::Literal(s.to_owned()));
    }
}
