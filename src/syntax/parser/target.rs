//! Target checks for assignment, augmented assignment, `for`, `with`,
//! comprehensions and `del`, with CPython's messages, plus the node names
//! those messages use (`_PyPegen_get_expr_name`).

use super::{PResult, Parser};
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use crate::syntax::token::Token;

/// The name CPython's messages give an expression kind.
pub(super) fn expr_name(e: &ExprKind) -> &'static str {
    use ExprKind::*;
    match e {
        Attribute { .. } => "attribute",
        Subscript { .. } => "subscript",
        Starred(_) => "starred",
        Name(_) => "name",
        List(_) => "list",
        Tuple(_) => "tuple",
        Lambda { .. } => "lambda",
        Call { .. } => "function call",
        BoolOp { .. } | BinOp { .. } | UnaryOp { .. } => "expression",
        GeneratorExp { .. } => "generator expression",
        Yield(_) | YieldFrom(_) => "yield expression",
        ListComp { .. } => "list comprehension",
        SetComp { .. } => "set comprehension",
        DictComp { .. } => "dict comprehension",
        Dict { .. } => "dict literal",
        Set(_) => "set display",
        JoinedStr(_) => "f-string expression",
        None => "None",
        True => "True",
        False => "False",
        Ellipsis => "ellipsis",
        Str(_) | Bytes(_) | Num(_) => "literal",
        Compare { .. } => "comparison",
        IfExp { .. } => "conditional expression",
        NamedExpr { .. } => "named expression",
        Slice { .. } => "slice",
    }
}

/// Whether an (unparenthesized) expression of this kind is a
/// `bitwise_or` in CPython's grammar.
pub(super) fn is_bitwise_or(e: &ExprKind) -> bool {
    !matches!(
        e,
        ExprKind::BoolOp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::UnaryOp {
                op: crate::syntax::ast::UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// Whether an expression is a `disjunction` (no conditional, lambda,
/// walrus or star at its top).
pub(super) fn is_disjunction(e: &ExprKind) -> bool {
    !matches!(
        e,
        ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// The first node that cannot be stored to (or deleted, if `del`).
pub(super) fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.node {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            elts.iter().find_map(|elt| invalid_target(elt, del))
        }
        ExprKind::Starred(inner) if !del => invalid_target(inner, del),
        _ => Some(e),
    }
}

fn starred_error(e: &Expr, top: bool) -> Option<SyntaxError> {
    match &e.node {
        ExprKind::Starred(_) if top => Some(SyntaxError::new(
            "starred assignment target must be in a list or tuple",
            e.span,
        )),
        ExprKind::Starred(inner) => starred_error(inner, false),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            let stars = elts
                .iter()
                .filter(|elt| matches!(elt.node, ExprKind::Starred(_)))
                .count();
            if stars > 1 {
                return Some(SyntaxError::new(
                    "multiple starred expressions in assignment",
                    e.span,
                ));
            }
            elts.iter().find_map(|elt| starred_error(elt, false))
        }
        _ => None,
    }
}

/// Checks a store target (`for`, `with ... as`, comprehension, plain
/// assignment without CPython's `==` hint).
pub(super) fn check_store(e: &Expr) -> PResult<()> {
    if let Some(bad) = invalid_target(e, false) {
        let msg = format!("cannot assign to {}", expr_name(&bad.node));
        return Err(SyntaxError::new(msg, bad.span));
    }
    match starred_error(e, true) {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// Checks a `del` target.
pub(super) fn check_del(e: &Expr) -> PResult<()> {
    if let Some(bad) = invalid_target(e, true) {
        let msg = format!("cannot delete {}", expr_name(&bad.node));
        return Err(SyntaxError::new(msg, bad.span));
    }
    Ok(())
}

/// Checks an augmented-assignment target.
pub(super) fn check_aug(e: &Expr) -> PResult<()> {
    match e.node {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        _ => Err(SyntaxError::new(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&e.node)
            ),
            e.span,
        )),
    }
}

/// Checks an annotated-assignment target.
pub(super) fn check_annotated(e: &Expr) -> PResult<()> {
    let msg = match e.node {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            return Ok(())
        }
        ExprKind::Tuple(_) => "only single target (not tuple) can be annotated",
        ExprKind::List(_) => "only single target (not list) can be annotated",
        _ => "illegal target for annotation",
    };
    let at = Span {
        start: e.span.start,
        end: e.span.start + 1,
    };
    Err(SyntaxError::new(msg, at))
}

impl Parser<'_> {
    /// Checks the targets of `t0 = t1 = ... = value`; `eq_at` holds the
    /// token index of the `=` after each target.
    pub(super) fn check_assign_targets(&self, targets: &[Expr], eq_at: &[usize]) -> PResult<()> {
        for (i, t) in targets.iter().enumerate() {
            if matches!(t.node, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return Err(SyntaxError::new(
                    "assignment to yield expression not possible",
                    t.span,
                ));
            }
            let Some(bad) = invalid_target(t, false) else {
                continue;
            };
            if targets.len() == 1 {
                if let Some(err) = self.hint_error(t, bad, eq_at[i]) {
                    return Err(err);
                }
            }
            let msg = format!("cannot assign to {}", expr_name(&bad.node));
            return Err(SyntaxError::new(msg, bad.span));
        }
        targets.iter().try_for_each(check_store)
    }

    /// CPython's `invalid_named_expression` hints for a single target.
    fn hint_error(&self, t: &Expr, bad: &Expr, eq: usize) -> Option<SyntaxError> {
        let closes_at_eq = self.only_rpar_between(bad.span, eq);
        let plain_kind = !matches!(
            bad.node,
            ExprKind::List(_)
                | ExprKind::Tuple(_)
                | ExprKind::GeneratorExp { .. }
                | ExprKind::True
                | ExprKind::False
                | ExprKind::None
        );
        let parenthesized = self.toks[eq - 1].1.end > bad.span.end;
        if closes_at_eq && plain_kind && (is_bitwise_or(&bad.node) || parenthesized) {
            let msg = format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(&bad.node)
            );
            return Some(SyntaxError::new(msg, bad.span));
        }
        if let ExprKind::Tuple(elts) = &t.node {
            let last = elts.last()?;
            if matches!(last.node, ExprKind::Name(_)) && self.only_rpar_between(last.span, eq) {
                let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                return Some(SyntaxError::new(msg, last.span));
            }
        }
        None
    }

    /// Whether only `)` tokens lie between the end of `span` and token `eq`.
    fn only_rpar_between(&self, span: Span, eq: usize) -> bool {
        let mut i = eq;
        while i > 0 && self.toks[i - 1].1.end > span.end {
            if self.toks[i - 1].0 != Token::RPar {
                return false;
            }
            i -= 1;
        }
        i > 0 && self.toks[i - 1].1.end == span.end
    }
}
