//! Expression lowering: constants, names, operators, comparisons, boolean
//! operators, calls (plain, keyword, method, `*args`/`**kwargs`,
//! zero-argument `super()`), displays, comprehensions, f-strings, and
//! `compile_jump_if`, which compiles conditions straight into jumps.

use std::rc::Rc;

use super::fold::{binary_op, const_truth, const_value};
use super::{internal, CResult, Compiler, NameCtx};
use crate::bytecode::builder::Label;
use crate::bytecode::code::Constant;
use crate::bytecode::opcode::{
    Opcode, CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, FV_ASCII, FV_HAS_SPEC, FV_REPR, FV_STR,
};
use crate::compile::scope::{CompKind, SymScope};
use crate::syntax::ast::{
    BinOp, BoolOp, CmpOp, Comprehension, Expr, ExprKind, FStringPart, Keyword, UnaryOp,
};
use crate::syntax::SyntaxError;

/// Key/value pairs per `BuildMap` in a dict display (as CPython).
const MAP_CHUNK: u32 = 16;

/// Which container a display builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    /// Compiles `e`, leaving its value on the stack.
    pub(super) fn compile_expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.enter_nested(e.span)?;
        let saved = self.b().line();
        self.set_line(e.span);
        let r = self.compile_expr_inner(e);
        self.b().set_line(saved);
        self.leave_nested();
        r
    }

    /// Dispatches on the node kind. Every arm is one call, so this frame
    /// stays small on the recursive path (deep nesting in debug builds).
    fn compile_expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        match &e.node {
            ExprKind::Num(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::True
            | ExprKind::False
            | ExprKind::None
            | ExprKind::Ellipsis
            | ExprKind::Tuple(_)
            | ExprKind::UnaryOp { .. } => self.compile_maybe_const(e),
            ExprKind::BoolOp { op, values } => self.compile_bool_op(*op, values),
            ExprKind::NamedExpr { target, value } => self.compile_named_expr(target, value),
            ExprKind::BinOp { left, op, right } => self.compile_binop(left, *op, right),
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body),
            ExprKind::IfExp { test, body, orelse } => self.compile_if_exp(test, body, orelse),
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values),
            ExprKind::Set(items) => self.compile_sequence(items, Seq::Set),
            ExprKind::List(items) => self.compile_sequence(items, Seq::List),
            ExprKind::ListComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::List, generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Set, generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.compile_comprehension(e, CompKind::Dict, generators, key, Some(value)),
            ExprKind::GeneratorExp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Generator, generators, elt, None)
            }
            ExprKind::Yield(value) => self.compile_yield(value.as_deref()),
            ExprKind::YieldFrom(value) => self.compile_yield_from(value),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.check_compare(e, left, ops, comparators);
                self.compile_compare(left, ops, comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.check_caller(e, func);
                self.compile_call(func, args, keywords)
            }
            ExprKind::JoinedStr(parts) => self.compile_fstring(parts),
            ExprKind::Attribute { value, attr } => self.compile_attribute(value, attr),
            ExprKind::Subscript { value, slice } => {
                self.check_subscript(e, value, slice);
                self.compile_subscript(value, slice)
            }
            ExprKind::Starred(_) => Err(SyntaxError::new(
                "can't use starred expression here",
                e.span,
            )),
            ExprKind::Name(n) if n == "__debug__" => {
                self.emit_const(Constant::Bool(true));
                Ok(())
            }
            ExprKind::Name(n) => self.name_op(n, NameCtx::Load),
            ExprKind::Slice { lower, upper, step } => {
                self.compile_slice(lower.as_deref(), upper.as_deref(), step.as_deref())
            }
        }
    }

    /// Literals, constant tuples and negative numbers fold to one constant.
    fn compile_maybe_const(&mut self, e: &'a Expr) -> CResult<()> {
        if let Some(c) = const_value(e)? {
            self.emit_const(c);
            return Ok(());
        }
        match &e.node {
            ExprKind::Tuple(items) => self.compile_sequence(items, Seq::Tuple),
            ExprKind::UnaryOp { op, operand } => self.compile_unary(*op, operand),
            _ => Err(internal("unfolded constant", e.span)),
        }
    }

    fn compile_unary(&mut self, op: UnaryOp, operand: &'a Expr) -> CResult<()> {
        self.compile_expr(operand)?;
        let op = match op {
            UnaryOp::Not => Opcode::UnaryNot,
            UnaryOp::Neg => Opcode::UnaryNegative,
            UnaryOp::Pos => Opcode::UnaryPositive,
            UnaryOp::Invert => Opcode::UnaryInvert,
        };
        self.emit(op, 0);
        Ok(())
    }

    fn compile_binop(&mut self, left: &'a Expr, op: BinOp, right: &'a Expr) -> CResult<()> {
        self.compile_expr(left)?;
        self.compile_expr(right)?;
        self.emit(binary_op(op), 0);
        Ok(())
    }

    fn compile_named_expr(&mut self, target: &'a Expr, value: &'a Expr) -> CResult<()> {
        self.compile_expr(value)?;
        self.emit(Opcode::DupTop, 0);
        self.compile_store(target)
    }

    fn compile_if_exp(&mut self, test: &'a Expr, body: &'a Expr, orelse: &'a Expr) -> CResult<()> {
        let (other, end) = (self.new_label(), self.new_label());
        self.compile_jump_if(test, false, other)?;
        self.compile_expr(body)?;
        self.emit_jump(Opcode::Jump, end);
        self.bind(other);
        self.compile_expr(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_yield(&mut self, value: Option<&'a Expr>) -> CResult<()> {
        match value {
            Some(v) => self.compile_expr(v)?,
            None => self.emit_none(),
        }
        self.emit(Opcode::YieldValue, 0);
        Ok(())
    }

    fn compile_yield_from(&mut self, value: &'a Expr) -> CResult<()> {
        self.compile_expr(value)?;
        self.emit(Opcode::GetYieldFromIter, 0);
        self.emit_none();
        self.emit(Opcode::YieldFrom, 0);
        Ok(())
    }

    fn compile_attribute(&mut self, value: &'a Expr, attr: &str) -> CResult<()> {
        self.compile_expr(value)?;
        self.emit_name_op(Opcode::LoadAttr, attr);
        Ok(())
    }

    fn compile_subscript(&mut self, value: &'a Expr, slice: &'a Expr) -> CResult<()> {
        self.compile_expr(value)?;
        self.compile_expr(slice)?;
        self.emit(Opcode::BinarySubscr, 0);
        Ok(())
    }

    fn compile_slice(
        &mut self,
        lower: Option<&'a Expr>,
        upper: Option<&'a Expr>,
        step: Option<&'a Expr>,
    ) -> CResult<()> {
        for part in [lower, upper] {
            match part {
                Some(p) => self.compile_expr(p)?,
                None => self.emit_none(),
            }
        }
        match step {
            Some(s) => {
                self.compile_expr(s)?;
                self.emit(Opcode::BuildSlice, 3);
            }
            None => self.emit(Opcode::BuildSlice, 2),
        }
        Ok(())
    }

    fn compile_bool_op(&mut self, op: BoolOp, values: &'a [Expr]) -> CResult<()> {
        let Some((last, init)) = values.split_last() else {
            self.emit_none();
            return Ok(());
        };
        let end = self.new_label();
        let jump = match op {
            BoolOp::And => Opcode::JumpIfFalseOrPop,
            BoolOp::Or => Opcode::JumpIfTrueOrPop,
        };
        for v in init {
            self.compile_expr(v)?;
            self.emit_jump(jump, end);
        }
        self.compile_expr(last)?;
        self.bind(end);
        Ok(())
    }

    /// `a < b < c`: CPython 3.10's chained comparison with a cleanup block.
    fn compile_compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
    ) -> CResult<()> {
        use Opcode::*;
        self.compile_expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 0 {
            return Err(internal("comparison without operators", left.span));
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.compile_expr(&comparators[i])?;
            self.emit(DupTop, 0);
            self.emit(RotThree, 0);
            self.emit_cmp(ops[i]);
            self.emit_jump(JumpIfFalseOrPop, cleanup);
        }
        self.compile_expr(&comparators[n - 1])?;
        self.emit_cmp(ops[n - 1]);
        if n > 1 {
            let end = self.new_label();
            self.emit_jump(Jump, end);
            self.bind(cleanup);
            self.emit(RotTwo, 0);
            self.emit(PopTop, 0);
            self.bind(end);
        }
        Ok(())
    }

    fn emit_cmp(&mut self, op: CmpOp) {
        use Opcode::*;
        let (opcode, arg) = match op {
            CmpOp::Eq => (CompareOp, CMP_EQ),
            CmpOp::NotEq => (CompareOp, CMP_NE),
            CmpOp::Lt => (CompareOp, CMP_LT),
            CmpOp::LtE => (CompareOp, CMP_LE),
            CmpOp::Gt => (CompareOp, CMP_GT),
            CmpOp::GtE => (CompareOp, CMP_GE),
            CmpOp::Is => (IsOp, 0),
            CmpOp::IsNot => (IsOp, 1),
            CmpOp::In => (ContainsOp, 0),
            CmpOp::NotIn => (ContainsOp, 1),
        };
        self.emit(opcode, arg);
    }

    /// Jumps to `target` when the truth of `e` equals `cond`, else falls through.
    pub(super) fn compile_jump_if(
        &mut self,
        e: &'a Expr,
        cond: bool,
        target: Label,
    ) -> CResult<()> {
        self.enter_nested(e.span)?;
        let r = self.compile_jump_if_inner(e, cond, target);
        self.leave_nested();
        r
    }

    fn compile_jump_if_inner(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult<()> {
        match &e.node {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.compile_jump_if(operand, !cond, target),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_or = *op == BoolOp::Or;
                let (last, init) = values.split_last().unwrap_or((&values[0], &[]));
                if cond == is_or {
                    for v in values {
                        self.compile_jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for v in init {
                        self.compile_jump_if(v, !cond, skip)?;
                    }
                    self.compile_jump_if(last, cond, target)?;
                    self.bind(skip);
                }
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() == 1 && comparators.len() == 1 => {
                self.check_compare(e, left, ops, comparators);
                self.compile_expr(left)?;
                self.compile_expr(&comparators[0])?;
                self.emit_cmp(ops[0]);
            }
            _ => {
                if let Some(truth) = const_truth(e) {
                    if truth == cond {
                        self.emit_jump(Opcode::Jump, target);
                    }
                    return Ok(());
                }
                self.compile_expr(e)?;
            }
        }
        let op = if cond {
            Opcode::PopJumpIfTrue
        } else {
            Opcode::PopJumpIfFalse
        };
        self.emit_jump(op, target);
        Ok(())
    }

    // === Calls ===

    fn compile_call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult<()> {
        use Opcode::*;
        if args.is_empty() && keywords.is_empty() && self.try_zero_arg_super(func)? {
            return Ok(());
        }
        let has_star = args.iter().any(|a| matches!(a.node, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        if has_star || has_dstar {
            self.compile_expr(func)?;
            self.compile_star_args(args)?;
            let mut flags = 0;
            if !keywords.is_empty() {
                self.compile_kwargs_dict(keywords)?;
                flags = 1;
            }
            self.emit(CallFunctionEx, flags);
            return Ok(());
        }
        let method = match &func.node {
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                self.emit_name_op(LoadMethod, attr);
                true
            }
            _ => {
                self.compile_expr(func)?;
                false
            }
        };
        for a in args {
            self.compile_expr(a)?;
        }
        for k in keywords {
            self.compile_expr(&k.value)?;
        }
        let n = (args.len() + keywords.len()) as u32;
        if keywords.is_empty() {
            self.emit(if method { CallMethod } else { CallFunction }, n);
        } else {
            let names: Vec<Constant> = keywords
                .iter()
                .map(|k| Constant::Str(Rc::from(k.arg.as_deref().unwrap_or(""))))
                .collect();
            self.emit_const(Constant::Tuple(Rc::from(names)));
            self.emit(if method { CallMethodKw } else { CallFunctionKw }, n);
        }
        Ok(())
    }

    /// `super()` in a method becomes `super(__class__, <first parameter>)`.
    fn try_zero_arg_super(&mut self, func: &'a Expr) -> CResult<bool> {
        let ExprKind::Name(name) = &func.node else {
            return Ok(false);
        };
        if name != "super" {
            return Ok(false);
        }
        let scope = self.table.scope(self.unit_ref().scope);
        let has_class = matches!(
            scope.lookup("__class__"),
            Some(SymScope::Free | SymScope::Cell)
        );
        let Some(first) = self.unit_ref().first_param.clone() else {
            return Ok(false);
        };
        if !scope.is_function_like() || !has_class {
            return Ok(false);
        }
        self.name_op("super", NameCtx::Load)?;
        self.name_op("__class__", NameCtx::Load)?;
        self.name_op(&first, NameCtx::Load)?;
        self.emit(Opcode::CallFunction, 2);
        Ok(true)
    }

    /// Pushes the positional arguments as one tuple (for `CallFunctionEx`).
    fn compile_star_args(&mut self, args: &'a [Expr]) -> CResult<()> {
        use Opcode::*;
        let leading = args
            .iter()
            .take_while(|a| !matches!(a.node, ExprKind::Starred(_)))
            .count();
        for a in &args[..leading] {
            self.compile_expr(a)?;
        }
        if leading == args.len() {
            self.emit(BuildTuple, leading as u32);
            return Ok(());
        }
        self.emit(BuildList, leading as u32);
        for a in &args[leading..] {
            match &a.node {
                ExprKind::Starred(inner) => {
                    self.compile_expr(inner)?;
                    self.emit(ListExtend, 1);
                }
                _ => {
                    self.compile_expr(a)?;
                    self.emit(ListAppend, 1);
                }
            }
        }
        self.emit(ListToTuple, 0);
        Ok(())
    }

    /// Pushes the keyword arguments as one dict (for `CallFunctionEx`).
    fn compile_kwargs_dict(&mut self, keywords: &'a [Keyword]) -> CResult<()> {
        use Opcode::*;
        let mut have = false;
        let mut pending = 0;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.emit_str(name);
                    self.compile_expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have {
                        self.emit(BuildMap, pending);
                        if have {
                            self.emit(DictMerge, 1);
                        }
                        have = true;
                        pending = 0;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(DictMerge, 1);
                }
            }
        }
        if pending > 0 || !have {
            self.emit(BuildMap, pending);
            if have {
                self.emit(DictMerge, 1);
            }
        }
        Ok(())
    }

    // === Displays ===

    fn compile_sequence(&mut self, items: &'a [Expr], seq: Seq) -> CResult<()> {
        use Opcode::*;
        let (build, add, extend) = match seq {
            Seq::Set => (BuildSet, SetAdd, SetUpdate),
            Seq::List | Seq::Tuple => (BuildList, ListAppend, ListExtend),
        };
        let leading = items
            .iter()
            .take_while(|a| !matches!(a.node, ExprKind::Starred(_)))
            .count();
        for item in &items[..leading] {
            self.compile_expr(item)?;
        }
        if leading == items.len() {
            let op = match seq {
                Seq::Tuple => BuildTuple,
                Seq::Set if items.len() > 2 && items.iter().all(is_constant_literal) => {
                    BuildConstSet
                }
                _ => build,
            };
            self.emit(op, leading as u32);
            return Ok(());
        }
        self.emit(build, leading as u32);
        for item in &items[leading..] {
            match &item.node {
                ExprKind::Starred(inner) => {
                    self.compile_expr(inner)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.compile_expr(item)?;
                    self.emit(add, 1);
                }
            }
        }
        if seq == Seq::Tuple {
            self.emit(ListToTuple, 0);
        }
        Ok(())
    }

    fn compile_dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult<()> {
        use Opcode::*;
        let mut have = false;
        let mut pending = 0;
        let flush = |c: &mut Self, pending: &mut u32, have: &mut bool| {
            c.emit(BuildMap, *pending);
            if *have {
                c.emit(DictUpdate, 1);
            }
            *have = true;
            *pending = 0;
        };
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.compile_expr(k)?;
                    self.compile_expr(v)?;
                    pending += 1;
                    if pending == MAP_CHUNK {
                        flush(self, &mut pending, &mut have);
                    }
                }
                None => {
                    if pending > 0 || !have {
                        flush(self, &mut pending, &mut have);
                    }
                    self.compile_expr(v)?;
                    self.emit(DictUpdate, 1);
                }
            }
        }
        if pending > 0 || !have {
            flush(self, &mut pending, &mut have);
        }
        Ok(())
    }

    // === Comprehensions ===

    fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult<()> {
        use Opcode::*;
        let Some(first) = generators.first() else {
            return Err(internal("comprehension without 'for'", e.span));
        };
        let scope = self
            .table
            .scope_of_expr(e)
            .ok_or_else(|| internal("comprehension without scope", e.span))?;
        let name = self.table.scope(scope).name.clone();
        let qualname = self.qualname_for(&name);
        let line = self.line_of(e.span);
        self.enter_unit(scope, qualname, line, None);
        match kind {
            CompKind::List => self.emit(BuildList, 0),
            CompKind::Set => self.emit(BuildSet, 0),
            CompKind::Dict => self.emit(BuildMap, 0),
            CompKind::Generator => {}
        }
        self.compile_comp_generator(generators, 0, kind, elt, value)?;
        if kind == CompKind::Generator {
            self.emit_none();
        }
        self.emit(ReturnValue, 0);
        let code = self.leave_unit(None)?;
        self.make_closure(code, 0)?;
        self.compile_expr(&first.iter)?;
        self.emit(GetIter, 0);
        self.emit(CallFunction, 1);
        Ok(())
    }

    fn compile_comp_generator(
        &mut self,
        generators: &'a [Comprehension],
        i: usize,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult<()> {
        use Opcode::*;
        let gen = &generators[i];
        let (start, anchor) = (self.new_label(), self.new_label());
        if i == 0 {
            self.emit(LoadFast, 0);
        } else {
            self.compile_expr(&gen.iter)?;
            self.emit(GetIter, 0);
        }
        self.bind(start);
        self.emit_jump(ForIter, anchor);
        self.compile_store(&gen.target)?;
        for cond in &gen.ifs {
            self.compile_jump_if(cond, false, start)?;
        }
        if i + 1 < generators.len() {
            self.compile_comp_generator(generators, i + 1, kind, elt, value)?;
        } else {
            let depth = generators.len() as u32 + 1;
            self.compile_expr(elt)?;
            match (kind, value) {
                (CompKind::List, _) => self.emit(ListAppend, depth),
                (CompKind::Set, _) => self.emit(SetAdd, depth),
                (CompKind::Dict, Some(v)) => {
                    self.compile_expr(v)?;
                    self.emit(MapAdd, depth);
                }
                (CompKind::Dict, None) => {
                    return Err(internal("dict comp without value", elt.span))
                }
                (CompKind::Generator, _) => {
                    self.emit(YieldValue, 0);
                    self.emit(PopTop, 0);
                }
            }
        }
        self.emit_jump(Jump, start);
        self.bind(anchor);
        Ok(())
    }

    // === f-strings ===

    /// Pushes one str built from the parts of an f-string.
    fn compile_fstring(&mut self, parts: &'a [FStringPart]) -> CResult<()> {
        let mut n = 0u32;
        let mut literal = String::new();
        for part in parts {
            match part {
                FStringPart::Literal(s) => literal.push_str(s),
                FStringPart::Expr {
                    expr,
                    conversion,
                    spec,
                    debug_text,
                } => {
                    if let Some(t) = debug_text {
                        literal.push_str(t);
                    }
                    if !literal.is_empty() {
                        self.emit_str(&std::mem::take(&mut literal));
                        n += 1;
                    }
                    self.compile_expr(expr)?;
                    let mut flags = match conversion {
                        Some('s') => FV_STR,
                        Some('r') => FV_REPR,
                        Some('a') => FV_ASCII,
                        None if debug_text.is_some() && spec.is_none() => FV_REPR,
                        None => 0,
                        Some(c) => {
                            let msg = format!("f-string: invalid conversion character '{c}'");
                            return Err(SyntaxError::new(msg, expr.span));
                        }
                    };
                    if let Some(spec) = spec {
                        self.compile_fstring(spec)?;
                        flags |= FV_HAS_SPEC;
                    }
                    self.emit(Opcode::FormatValue, flags);
                    n += 1;
                }
            }
        }
        if !literal.is_empty() || n == 0 {
            self.emit_str(&literal);
            n += 1;
        }
        if n > 1 {
            self.emit(Opcode::BuildString, n);
        }
        Ok(())
    }
}

/// Whether CPython's compiler folds this expression to a constant (a
/// literal, a negated number, or a tuple of those).
fn is_constant_literal(e: &Expr) -> bool {
    match &e.node {
        ExprKind::Num(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_)
        | ExprKind::True
        | ExprKind::False
        | ExprKind::None
        | ExprKind::Ellipsis => true,
        ExprKind::UnaryOp {
            op: crate::syntax::ast::UnaryOp::Neg,
            operand,
        } => matches!(operand.node, ExprKind::Num(_)),
        ExprKind::Tuple(items) => items.iter().all(is_constant_literal),
        _ => false,
    }
}
