//! Compile-time `SyntaxWarning`s, as CPython 3.11's compiler emits them for
//! code that is legal but almost surely a mistake: `is` with a literal,
//! calling or subscripting a literal that cannot be called or subscripted
//! ("perhaps you missed a comma?"), and `assert` on a non-empty tuple.
//! The checks follow `check_compare`, `check_caller`, `check_subscripter`,
//! `check_index` and `compiler_assert` of CPython's compile.c; a literal is
//! what CPython's AST optimizer turns into a constant before they run.

use super::Compiler;
use crate::syntax::ast::{CmpOp, Expr, ExprKind, Number, UnaryOp};
use crate::syntax::Span;

/// One warning: the line it is reported at and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub line: u32,
    pub message: String,
}

/// The type name of a literal (a CPython constant after folding).
fn const_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.node {
        ExprKind::Num(Number::Float(_)) => "float",
        ExprKind::Num(Number::Int(_) | Number::BigInt(_)) => "int",
        ExprKind::Str(_) => "str",
        ExprKind::Bytes(_) => "bytes",
        ExprKind::True | ExprKind::False => "bool",
        ExprKind::None => "NoneType",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::UnaryOp {
            op: UnaryOp::Neg | UnaryOp::Pos,
            operand,
        } => match const_type(operand)? {
            "float" => "float",
            "int" | "bool" => "int",
            _ => return None,
        },
        ExprKind::UnaryOp {
            op: UnaryOp::Invert,
            operand,
        } => match const_type(operand)? {
            "int" | "bool" => "int",
            _ => return None,
        },
        ExprKind::Tuple(items) if items.iter().all(|i| const_type(i).is_some()) => "tuple",
        _ => return None,
    })
}

/// CPython's `infer_type`: the type of a literal or display, if known.
fn infer_type(e: &Expr) -> Option<&'static str> {
    const_type(e).or(match &e.node {
        ExprKind::Tuple(_) => Some("tuple"),
        ExprKind::List(_) | ExprKind::ListComp { .. } => Some("list"),
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => Some("dict"),
        ExprKind::Set(_) | ExprKind::SetComp { .. } => Some("set"),
        ExprKind::GeneratorExp { .. } => Some("generator"),
        ExprKind::Lambda { .. } => Some("function"),
        ExprKind::JoinedStr(_) => Some("str"),
        _ => None,
    })
}

/// Whether `is` may be applied to `e` without a warning: anything but a
/// literal, or one of the singletons.
fn is_arg_ok(e: &Expr) -> bool {
    const_type(e).is_none()
        || matches!(
            e.node,
            ExprKind::None | ExprKind::True | ExprKind::False | ExprKind::Ellipsis
        )
}

impl Compiler<'_> {
    fn warn(&mut self, span: Span, message: String) {
        let line = self.line_of(span);
        self.warnings.push(SyntaxWarning { line, message });
    }

    /// `x is 1`: the first `is`/`is not` of a chain with a literal operand.
    pub(super) fn check_compare(&mut self, e: &Expr, left: &Expr, ops: &[CmpOp], rights: &[Expr]) {
        let mut left_ok = is_arg_ok(left);
        for (op, right) in ops.iter().zip(rights) {
            let right_ok = is_arg_ok(right);
            let msg = match op {
                CmpOp::Is => Some("\"is\" with a literal. Did you mean \"==\"?"),
                CmpOp::IsNot => Some("\"is not\" with a literal. Did you mean \"!=\"?"),
                _ => None,
            };
            if let (Some(msg), false) = (msg, left_ok && right_ok) {
                return self.warn(e.span, msg.to_string());
            }
            left_ok = right_ok;
        }
    }

    /// `(1, 2)(3)`: calling a literal or display.
    pub(super) fn check_caller(&mut self, e: &Expr, func: &Expr) {
        let callable = match &func.node {
            ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::ListComp { .. }
            | ExprKind::Dict { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::Set(_)
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::JoinedStr(_) => false,
            _ => const_type(func).is_none(),
        };
        if let (false, Some(t)) = (callable, infer_type(func)) {
            let msg = format!("'{t}' object is not callable; perhaps you missed a comma?");
            self.warn(e.span, msg);
        }
    }

    /// `[1, 2][0, 1]` and `1[0]`: subscripting a literal that cannot be
    /// subscripted, or a sequence literal by an index that is no int.
    pub(super) fn check_subscript(&mut self, e: &Expr, value: &Expr, index: &Expr) {
        let value_type = infer_type(value);
        let unsubscriptable = match &value.node {
            ExprKind::Set(_)
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => true,
            _ => matches!(
                const_type(value),
                Some("NoneType" | "ellipsis" | "int" | "bool" | "float")
            ),
        };
        if let (true, Some(t)) = (unsubscriptable, value_type) {
            let msg = format!("'{t}' object is not subscriptable; perhaps you missed a comma?");
            self.warn(e.span, msg);
        }
        let sequence = match &value.node {
            ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::ListComp { .. }
            | ExprKind::JoinedStr(_) => true,
            _ => matches!(const_type(value), Some("str" | "bytes" | "tuple")),
        };
        match (sequence, value_type, infer_type(index)) {
            (true, Some(t), Some(i)) if i != "int" && i != "bool" => {
                let msg = format!(
                    "{t} indices must be integers or slices, not {i}; perhaps you missed a comma?"
                );
                self.warn(e.span, msg);
            }
            _ => {}
        }
    }

    /// `assert (x, "message")`: a non-empty tuple is always true.
    pub(super) fn check_assert(&mut self, span: Span, test: &Expr) {
        if matches!(&test.node, ExprKind::Tuple(items) if !items.is_empty()) {
            let msg = "assertion is always true, perhaps remove parentheses?";
            self.warn(span, msg.to_string());
        }
    }
}
