//! Expressions, from `lambda` and conditional expressions down to atoms,
//! with CPython's precedence. Binary operators use precedence climbing.

use super::{target, PResult, Parser};
use crate::syntax::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, Number, UnaryOp};
use crate::syntax::error::SyntaxError;
use crate::syntax::token::Token;

/// Binding power and operator of a binary operator token (`|` loosest).
fn binop(tok: &Token) -> Option<(u8, BinOp)> {
    Some(match tok {
        Token::VBar => (1, BinOp::BitOr),
        Token::Circumflex => (2, BinOp::BitXor),
        Token::Amper => (3, BinOp::BitAnd),
        Token::LeftShift => (4, BinOp::LShift),
        Token::RightShift => (4, BinOp::RShift),
        Token::Plus => (5, BinOp::Add),
        Token::Minus => (5, BinOp::Sub),
        Token::Star => (6, BinOp::Mul),
        Token::Slash => (6, BinOp::Div),
        Token::DoubleSlash => (6, BinOp::FloorDiv),
        Token::Percent => (6, BinOp::Mod),
        Token::At => (6, BinOp::MatMul),
        _ => return None,
    })
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser<'_> {
    /// `expression`: a lambda, a conditional expression or a disjunction.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let result = self.expression_inner();
        self.leave();
        result
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at(&Token::Lambda) {
            return self.lambda();
        }
        let body = self.disjunction();
        if body.is_err() || !self.at(&Token::If) {
            return body;
        }
        self.conditional(body?)
    }

    #[inline(never)]
    fn conditional(&mut self, body: Expr) -> PResult<Expr> {
        let start = body.span.start;
        self.advance();
        let test = self.disjunction()?;
        if self.eat(&Token::Else).is_none() {
            return Err(self.error_at("expected 'else' after 'if' expression", self.span()));
        }
        let orelse = self.expression()?;
        Ok(self.node(
            ExprKind::IfExp {
                test: boxed(test),
                body: boxed(body),
                orelse: boxed(orelse),
            },
            start,
        ))
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.advance().start;
        let args = self.parameters(&Token::Colon, false)?;
        self.expect(&Token::Colon)?;
        let body = self.expression()?;
        Ok(self.node(
            ExprKind::Lambda {
                args: Box::new(args),
                body: boxed(body),
            },
            start,
        ))
    }

    /// `named_expression`: `NAME := expression` or an expression.
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        if matches!(self.peek(), Token::Name(_)) && *self.peek_nth(1) == Token::ColonEqual {
            return self.walrus();
        }
        let e = self.expression();
        if e.is_ok() && self.at(&Token::ColonEqual) {
            return Err(self.walrus_error(e?));
        }
        e
    }

    #[inline(never)]
    fn walrus(&mut self) -> PResult<Expr> {
        let start = self.start();
        let target = self.atom()?;
        self.advance();
        let value = self.expression()?;
        Ok(self.node(
            ExprKind::NamedExpr {
                target: boxed(target),
                value: boxed(value),
            },
            start,
        ))
    }

    #[cold]
    fn walrus_error(&self, e: Expr) -> SyntaxError {
        let msg = format!(
            "cannot use assignment expressions with {}",
            target::expr_name(&e.node)
        );
        self.error_at(msg, e.span)
    }

    /// `star_named_expression`: `*bitwise_or` or a named expression.
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(&Token::Star) {
            return self.starred();
        }
        self.named_expression()
    }

    fn starred(&mut self) -> PResult<Expr> {
        let start = self.advance().start;
        let value = self.bitwise_or()?;
        Ok(self.node(ExprKind::Starred(boxed(value)), start))
    }

    /// `star_expressions`: a comma list (a tuple when a comma appears) of
    /// expressions and `*bitwise_or`.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at(&Token::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(&Token::Comma).is_some() {
            if !Self::starts_expr(self.peek()) && !self.at(&Token::Star) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(self.node(ExprKind::Tuple(elts), start))
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(&Token::Star) {
            return self.starred();
        }
        self.expression()
    }

    /// `star_targets` of `for` loops and comprehensions: comma-separated
    /// `[*]bitwise_or` items (so `in` is left for the caller).
    pub(super) fn star_targets(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.target_item()?;
        if !self.at(&Token::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(&Token::Comma).is_some() {
            if !Self::starts_expr(self.peek()) && !self.at(&Token::Star) {
                break;
            }
            elts.push(self.target_item()?);
        }
        Ok(self.node(ExprKind::Tuple(elts), start))
    }

    /// One target: `*bitwise_or` or `bitwise_or`.
    pub(super) fn target_item(&mut self) -> PResult<Expr> {
        if self.at(&Token::Star) {
            return self.starred();
        }
        self.bitwise_or()
    }

    /// `yield`, `yield value`, `yield from value` (at `yield`).
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.advance().start;
        if self.eat(&Token::From).is_some() {
            let value = self.expression()?;
            return Ok(self.node(ExprKind::YieldFrom(boxed(value)), start));
        }
        if Self::starts_expr(self.peek()) || self.at(&Token::Star) {
            let value = self.star_expressions()?;
            return Ok(self.node(ExprKind::Yield(Some(boxed(value))), start));
        }
        Ok(self.node(ExprKind::Yield(None), start))
    }

    /// `disjunction`: `a or b or ...`.
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        let first = self.conjunction();
        if first.is_err() || !self.at(&Token::Or) {
            return first;
        }
        self.bool_rest(first?, BoolOp::Or)
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let first = self.inversion();
        if first.is_err() || !self.at(&Token::And) {
            return first;
        }
        self.bool_rest(first?, BoolOp::And)
    }

    #[inline(never)]
    fn bool_rest(&mut self, first: Expr, op: BoolOp) -> PResult<Expr> {
        let start = first.span.start;
        let op_tok = match op {
            BoolOp::Or => Token::Or,
            BoolOp::And => Token::And,
        };
        let mut values = vec![first];
        while self.eat(&op_tok).is_some() {
            values.push(match op {
                BoolOp::Or => self.conjunction()?,
                BoolOp::And => self.inversion()?,
            });
        }
        Ok(self.node(ExprKind::BoolOp { op, values }, start))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if !self.at(&Token::Not) {
            return self.comparison();
        }
        self.not_expr()
    }

    #[inline(never)]
    fn not_expr(&mut self) -> PResult<Expr> {
        let start = self.advance().start;
        self.enter()?;
        let operand = self.inversion();
        self.leave();
        let operand = operand?;
        Ok(self.node(
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand: boxed(operand),
            },
            start,
        ))
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let left = self.bitwise_or();
        if left.is_err() || !self.at_compare_op() {
            return left;
        }
        self.comparison_rest(left?)
    }

    fn at_compare_op(&self) -> bool {
        match self.peek() {
            Token::EqEqual
            | Token::NotEqual
            | Token::Less
            | Token::LessEqual
            | Token::Greater
            | Token::GreaterEqual
            | Token::In
            | Token::Is => true,
            Token::Not => *self.peek_nth(1) == Token::In,
            _ => false,
        }
    }

    #[inline(never)]
    fn comparison_rest(&mut self, left: Expr) -> PResult<Expr> {
        let start = left.span.start;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.compare_op() {
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        Ok(self.node(
            ExprKind::Compare {
                left: boxed(left),
                ops,
                comparators,
            },
            start,
        ))
    }

    fn compare_op(&mut self) -> Option<CmpOp> {
        let op = match self.peek() {
            Token::EqEqual => CmpOp::Eq,
            Token::NotEqual => CmpOp::NotEq,
            Token::Less => CmpOp::Lt,
            Token::LessEqual => CmpOp::LtE,
            Token::Greater => CmpOp::Gt,
            Token::GreaterEqual => CmpOp::GtE,
            Token::In => CmpOp::In,
            Token::Not if *self.peek_nth(1) == Token::In => {
                self.advance();
                CmpOp::NotIn
            }
            Token::Is if *self.peek_nth(1) == Token::Not => {
                self.advance();
                CmpOp::IsNot
            }
            Token::Is => CmpOp::Is,
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    /// `bitwise_or`: every binary operator level, by precedence climbing.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let left = self.factor();
        match binop(self.peek()) {
            Some((prec, _)) if prec >= min_prec && left.is_ok() => {
                self.binary_rest(left?, min_prec)
            }
            _ => left,
        }
    }

    #[inline(never)]
    fn binary_rest(&mut self, mut left: Expr, min_prec: u8) -> PResult<Expr> {
        let start = left.span.start;
        let mut links = 0;
        while let Some((prec, op)) = binop(self.peek()) {
            if prec < min_prec {
                break;
            }
            self.advance();
            links += 1;
            self.deepen(1)?;
            let right = self.binary(prec + 1)?;
            left = self.node(
                ExprKind::BinOp {
                    left: boxed(left),
                    op,
                    right: boxed(right),
                },
                start,
            );
        }
        self.shallow(links);
        Ok(left)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            Token::Minus => UnaryOp::Neg,
            Token::Plus => UnaryOp::Pos,
            Token::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        self.unary(op)
    }

    #[inline(never)]
    fn unary(&mut self, op: UnaryOp) -> PResult<Expr> {
        let start = self.advance().start;
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        Ok(self.node(
            ExprKind::UnaryOp {
                op,
                operand: boxed(operand),
            },
            start,
        ))
    }

    fn power(&mut self) -> PResult<Expr> {
        if self.at(&Token::Await) {
            return Err(self.unsupported("'await'", self.span()));
        }
        let base = self.primary();
        if base.is_err() || !self.at(&Token::DoubleStar) {
            return base;
        }
        self.power_rest(base?)
    }

    #[inline(never)]
    fn power_rest(&mut self, base: Expr) -> PResult<Expr> {
        let start = base.span.start;
        self.advance();
        self.enter()?;
        let exp = self.factor();
        self.leave();
        let exp = exp?;
        Ok(self.node(
            ExprKind::BinOp {
                left: boxed(base),
                op: BinOp::Pow,
                right: boxed(exp),
            },
            start,
        ))
    }

    fn primary(&mut self) -> PResult<Expr> {
        // A trailer's node starts where the atom does, at its opening
        // parenthesis if it has one (as CPython's line numbers do).
        let start = self.start();
        let e = self.atom();
        if e.is_err() || !matches!(self.peek(), Token::Dot | Token::LPar | Token::LSqb) {
            return e;
        }
        self.trailers(e?, start)
    }

    /// `.name`, `(args)` and `[slices]` after an atom.
    #[inline(never)]
    fn trailers(&mut self, mut e: Expr, start: u32) -> PResult<Expr> {
        let mut links = 0;
        loop {
            if matches!(self.peek(), Token::Dot | Token::LPar | Token::LSqb) {
                links += 1;
                self.deepen(1)?;
            }
            e = match self.peek() {
                Token::Dot => {
                    self.advance();
                    let attr = self.name()?;
                    let value = boxed(e);
                    self.node(ExprKind::Attribute { value, attr }, start)
                }
                Token::LPar => {
                    let (args, keywords) = self.call_args(true)?;
                    let func = boxed(e);
                    let kind = ExprKind::Call {
                        func,
                        args,
                        keywords,
                    };
                    self.node(kind, start)
                }
                Token::LSqb => {
                    let slice = boxed(self.subscript()?);
                    let value = boxed(e);
                    self.node(ExprKind::Subscript { value, slice }, start)
                }
                _ => {
                    self.shallow(links);
                    return Ok(e);
                }
            };
        }
    }

    /// `[slices]` after a primary.
    fn subscript(&mut self) -> PResult<Expr> {
        self.advance();
        self.parens += 1;
        let start = self.start();
        let first = self.slice_item()?;
        let slice = if self.at(&Token::Comma) {
            let mut elts = vec![first];
            while self.eat(&Token::Comma).is_some() {
                if self.at(&Token::RSqb) {
                    break;
                }
                elts.push(self.slice_item()?);
            }
            self.node(ExprKind::Tuple(elts), start)
        } else if matches!(first.node, ExprKind::Starred(_)) {
            let span = first.span;
            Expr {
                node: ExprKind::Tuple(vec![first]),
                span,
            }
        } else {
            first
        };
        if self.eat(&Token::RSqb).is_none() {
            let last = slice.clone();
            return Err(self.unexpected_after(&last));
        }
        self.parens -= 1;
        Ok(slice)
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.at(&Token::Star) {
            return self.starred();
        }
        let lower = if self.at(&Token::Colon) {
            None
        } else {
            let e = self.named_expression()?;
            if !self.at(&Token::Colon) {
                return Ok(e);
            }
            if self.bare_walrus(&e) {
                return Err(self.invalid_syntax());
            }
            Some(boxed(e))
        };
        self.advance();
        let bound = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            if matches!(p.peek(), Token::Colon | Token::Comma | Token::RSqb) {
                Ok(None)
            } else {
                p.expression().map(|e| Some(boxed(e)))
            }
        };
        let upper = bound(self)?;
        let step = if self.eat(&Token::Colon).is_some() {
            bound(self)?
        } else {
            None
        };
        Ok(self.node(ExprKind::Slice { lower, upper, step }, start))
    }

    /// Atoms: names, constants, literals and bracketed displays.
    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        let kind = match self.peek() {
            Token::Name(name) => ExprKind::Name(name.clone()),
            Token::True => ExprKind::True,
            Token::False => ExprKind::False,
            Token::None => ExprKind::None,
            Token::Ellipsis => ExprKind::Ellipsis,
            Token::Int(v) => ExprKind::Num(Number::Int(*v)),
            Token::BigInt(digits) => ExprKind::Num(Number::BigInt(digits.clone())),
            Token::Float(v) => ExprKind::Num(Number::Float(*v)),
            Token::Imaginary(_) => {
                return Err(self.unsupported("imaginary (complex) literals", self.span()))
            }
            Token::Str(_) | Token::Bytes(_) | Token::FString(_) => return self.strings(),
            Token::LPar => return self.paren(),
            Token::LSqb => return self.list(),
            Token::LBrace => return self.brace(),
            Token::Indent => {
                let span = self.span();
                return Err(crate::syntax::error::SyntaxError::indentation(
                    "unexpected indent",
                    span,
                ));
            }
            _ => return Err(self.invalid_syntax()),
        };
        self.advance();
        Ok(self.node(kind, start))
    }
}
