//! Compile-time constants: literal folding (numbers, strings, negative
//! numeric literals, tuples of constants, `__debug__`) and operator tables.

use std::rc::Rc;

use super::CResult;
use crate::bytecode::code::Constant;
use crate::bytecode::opcode::Opcode;
use crate::syntax::ast::{BinOp, Expr, ExprKind, Number, UnaryOp};
use crate::syntax::SyntaxError;

/// The opcode of a binary operator.
pub(super) fn binary_op(op: BinOp) -> Opcode {
    use Opcode::*;
    match op {
        BinOp::Add => BinaryAdd,
        BinOp::Sub => BinarySubtract,
        BinOp::Mul => BinaryMultiply,
        BinOp::MatMul => BinaryMatrixMultiply,
        BinOp::Div => BinaryTrueDivide,
        BinOp::FloorDiv => BinaryFloorDivide,
        BinOp::Mod => BinaryModulo,
        BinOp::Pow => BinaryPower,
        BinOp::LShift => BinaryLshift,
        BinOp::RShift => BinaryRshift,
        BinOp::BitOr => BinaryOr,
        BinOp::BitXor => BinaryXor,
        BinOp::BitAnd => BinaryAnd,
    }
}

/// The constant an expression folds to: literals, negated numeric
/// literals and tuples of constants.
pub(super) fn const_value(e: &Expr) -> CResult<Option<Constant>> {
    Ok(Some(match &e.node {
        ExprKind::Num(n) => number_const(n, false, e)?,
        ExprKind::Str(s) => Constant::Str(Rc::from(s.as_str())),
        ExprKind::Bytes(b) => Constant::Bytes(Rc::from(b.as_slice())),
        ExprKind::True => Constant::Bool(true),
        ExprKind::False => Constant::Bool(false),
        ExprKind::None => Constant::None,
        ExprKind::Ellipsis => Constant::Ellipsis,
        ExprKind::UnaryOp {
            op: UnaryOp::Neg,
            operand,
        } => match &operand.node {
            ExprKind::Num(n) => number_const(n, true, operand)?,
            _ => return Ok(None),
        },
        ExprKind::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match const_value(item)? {
                    Some(c) => out.push(c),
                    None => return Ok(None),
                }
            }
            Constant::Tuple(Rc::from(out))
        }
        _ => return Ok(None),
    }))
}

fn number_const(n: &Number, negate: bool, e: &Expr) -> CResult<Constant> {
    Ok(match n {
        Number::Int(i) if negate => match i.checked_neg() {
            Some(v) => Constant::Int(v),
            None => Constant::BigInt(format!("-{i}").replace("--", "")),
        },
        Number::Int(i) => Constant::Int(*i),
        Number::BigInt(s) if negate => {
            if s == "9223372036854775808" {
                Constant::Int(i64::MIN)
            } else {
                Constant::BigInt(format!("-{s}"))
            }
        }
        Number::BigInt(s) => Constant::BigInt(s.clone()),
        Number::Float(f) if negate => Constant::Float(-f),
        Number::Float(f) => Constant::Float(*f),
        Number::Imaginary(_) => {
            return Err(SyntaxError::new(
                "sigpy does not support complex numbers",
                e.span,
            ))
        }
    })
}

/// The truth value of a literal, if `e` is one.
pub(super) fn const_truth(e: &Expr) -> Option<bool> {
    Some(match &e.node {
        ExprKind::True | ExprKind::Ellipsis => true,
        ExprKind::Name(n) if n == "__debug__" => true,
        ExprKind::False | ExprKind::None => false,
        ExprKind::Num(Number::Int(i)) => *i != 0,
        ExprKind::Num(Number::BigInt(_)) => true,
        ExprKind::Num(Number::Float(f)) => *f != 0.0,
        ExprKind::Str(s) => !s.is_empty(),
        ExprKind::Bytes(b) => !b.is_empty(),
        _ => return None,
    })
}
