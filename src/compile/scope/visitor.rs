//! The first pass of scope analysis: walks the AST once, creating a scope
//! per function, lambda, class and comprehension and recording how each
//! scope uses each name. Declaration errors (`global` after use, duplicate
//! parameters, `yield` outside a function, ...) are reported here.

use std::collections::HashMap;

use super::{
    mangle, CompKind, Scope, ScopeId, ScopeKind, Symbol, DEF_ANNOT, DEF_COMP_ITER, DEF_GLOBAL,
    DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, MAX_NESTING, USE,
};
use crate::syntax::ast::{
    Alias, Arguments, Comprehension, Expr, ExprKind, FStringPart, Keyword, Stmt, StmtKind,
};
use crate::syntax::{Span, SyntaxError};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

/// The first pass: records name uses per scope.
pub(super) struct Visitor {
    pub(super) scopes: Vec<Scope>,
    pub(super) by_node: HashMap<usize, ScopeId>,
    pub(super) cur: ScopeId,
    /// Current statement + expression nesting (bounded by [`MAX_NESTING`]).
    pub(super) depth: u32,
    /// Name of the innermost enclosing class, for private-name mangling.
    pub(super) private: Option<String>,
}

type Res = Result<(), SyntaxError>;

impl Visitor {
    fn new_scope(&mut self, kind: ScopeKind, name: &str, key: usize) -> ScopeId {
        let parent = &self.scopes[self.cur];
        let nested = parent.nested || parent.is_function_like();
        let id = self.scopes.len();
        self.scopes
            .push(Scope::new(kind, name, Some(self.cur), nested));
        self.scopes[self.cur].children.push(id);
        self.by_node.insert(key, id);
        id
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, span: Span) -> Res {
        let shown = name;
        let mangled = mangle(self.private.as_deref(), name);
        let name = &*mangled;
        let scope = &mut self.scopes[id];
        let i = match scope.index.get(name) {
            Some(&i) => i,
            None => {
                scope.index.insert(name.to_string(), scope.symbols.len());
                scope.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: 0,
                    scope: None,
                    span,
                });
                scope.symbols.len() - 1
            }
        };
        let sym = &mut scope.symbols[i];
        if flag & DEF_PARAM != 0 {
            if sym.flags & DEF_PARAM != 0 {
                let msg = format!("duplicate argument '{shown}' in function definition");
                return Err(SyntaxError::new(msg, span));
            }
            scope.params.push(name.to_string());
        }
        if flag & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
            sym.span = span;
        }
        sym.flags |= flag;
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, span: Span) -> Res {
        self.add_def_in(self.cur, name, flag, span)
    }

    /// Flags of `name` (mangled as in the current class) in scope `id`.
    fn flags_in(&self, id: ScopeId, name: &str) -> u32 {
        self.scopes[id].flags(&mangle(self.private.as_deref(), name))
    }

    fn in_scope(&mut self, id: ScopeId, f: impl FnOnce(&mut Self) -> Res) -> Res {
        let saved = self.cur;
        self.cur = id;
        let r = f(self);
        self.cur = saved;
        r
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Res {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    pub(super) fn visit_stmt(&mut self, s: &Stmt) -> Res {
        self.depth += 1;
        let r = if self.depth > MAX_NESTING {
            Err(SyntaxError::new("too many nested blocks", s.span))
        } else {
            self.visit_stmt_inner(s)
        };
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> Res {
        match &s.node {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
            } => {
                self.add_def(name, DEF_LOCAL, s.span)?;
                self.visit_defaults(args)?;
                self.visit_exprs(decorator_list)?;
                let key = s as *const Stmt as usize;
                let id = self.new_scope(ScopeKind::Function, name, key);
                self.in_scope(id, |v| {
                    v.visit_params(args)?;
                    v.visit_body(body)
                })
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add_def(name, DEF_LOCAL, s.span)?;
                self.visit_exprs(bases)?;
                self.visit_keywords(keywords)?;
                self.visit_exprs(decorator_list)?;
                let key = s as *const Stmt as usize;
                let id = self.new_scope(ScopeKind::Class, name, key);
                let outer = self.private.replace(name.clone());
                let r = self.in_scope(id, |v| v.visit_body(body));
                self.private = outer;
                r
            }
            StmtKind::Return(value) => self.visit_opt(value.as_ref()),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.visit(t, Ctx::Del)),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.visit(t, Ctx::Store)?;
                }
                self.visit(value, Ctx::Load)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit(target, Ctx::Store)?;
                self.visit(value, Ctx::Load)
            }
            StmtKind::AnnAssign {
                target,
                annotation: _,
                value,
            } => {
                if let ExprKind::Name(n) = &target.node {
                    let cur = self.flags_in(self.cur, n);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                        let kind = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        let msg = format!("annotated name '{n}' can't be {kind}");
                        return Err(SyntaxError::new(msg, target.span));
                    }
                    self.add_def(n, DEF_LOCAL | DEF_ANNOT, target.span)?;
                } else {
                    self.visit(target, Ctx::Store)?;
                }
                self.visit_opt(value.as_ref())
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.visit(target, Ctx::Store)?;
                self.visit(iter, Ctx::Load)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit(test, Ctx::Load)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.visit(&item.context_expr, Ctx::Load)?;
                    if let Some(t) = &item.optional_vars {
                        self.visit(t, Ctx::Store)?;
                    }
                }
                self.visit_body(body)
            }
            StmtKind::Raise { exc, cause } => {
                self.visit_opt(exc.as_ref())?;
                self.visit_opt(cause.as_ref())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.visit_body(body)?;
                for h in handlers {
                    self.visit_opt(h.typ.as_ref())?;
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.span)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(orelse)?;
                self.visit_body(finalbody)
            }
            StmtKind::Assert { test, msg } => {
                self.visit(test, Ctx::Load)?;
                self.visit_opt(msg.as_ref())
            }
            StmtKind::Import(names) => self.visit_aliases(names, false, s.span),
            StmtKind::ImportFrom { names, .. } => self.visit_aliases(names, true, s.span),
            StmtKind::Global(names) => self.visit_decl(names, DEF_GLOBAL, s.span),
            StmtKind::Nonlocal(names) => self.visit_decl(names, DEF_NONLOCAL, s.span),
            StmtKind::Expr(e) => self.visit(e, Ctx::Load),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
        }
    }

    fn visit_aliases(&mut self, names: &[Alias], from: bool, span: Span) -> Res {
        for a in names {
            if from && a.name == "*" {
                if self.scopes[self.cur].kind != ScopeKind::Module {
                    let msg = "import * only allowed at module level";
                    return Err(SyntaxError::new(msg, span));
                }
                continue;
            }
            let bound = match &a.asname {
                Some(n) => n.as_str(),
                None => a.name.split('.').next().unwrap_or(&a.name),
            };
            self.add_def(bound, DEF_IMPORT, a.span)?;
        }
        Ok(())
    }

    fn visit_decl(&mut self, names: &[String], flag: u32, span: Span) -> Res {
        let word = if flag == DEF_GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        for name in names {
            let cur = self.flags_in(self.cur, name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {word}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {word} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {word}")
                } else {
                    format!("name '{name}' is assigned to before {word} declaration")
                };
                return Err(SyntaxError::new(msg, span));
            }
            self.add_def(name, flag, span)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, args: &Arguments) -> Res {
        let positional = args.posonlyargs.iter().chain(&args.args);
        for a in positional.chain(&args.kwonlyargs) {
            self.add_def(&a.name, DEF_PARAM, a.span)?;
        }
        for a in args.vararg.iter().chain(&args.kwarg) {
            self.add_def(&a.name, DEF_PARAM, a.span)?;
        }
        Ok(())
    }

    fn visit_defaults(&mut self, args: &Arguments) -> Res {
        self.visit_exprs(&args.defaults)?;
        args.kw_defaults
            .iter()
            .try_for_each(|d| self.visit_opt(d.as_ref()))
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> Res {
        exprs.iter().try_for_each(|e| self.visit(e, Ctx::Load))
    }

    fn visit_keywords(&mut self, keywords: &[Keyword]) -> Res {
        keywords
            .iter()
            .try_for_each(|k| self.visit(&k.value, Ctx::Load))
    }

    fn visit_opt(&mut self, e: Option<&Expr>) -> Res {
        e.map_or(Ok(()), |e| self.visit(e, Ctx::Load))
    }

    fn visit(&mut self, e: &Expr, ctx: Ctx) -> Res {
        self.depth += 1;
        let r = if self.depth > MAX_NESTING {
            Err(SyntaxError::new("too many nested expressions", e.span))
        } else {
            self.visit_inner(e, ctx)
        };
        self.depth -= 1;
        r
    }

    /// Records the names used by `e`. Every arm is one call, so this frame
    /// stays small on the recursive path (deep nesting in debug builds).
    fn visit_inner(&mut self, e: &Expr, ctx: Ctx) -> Res {
        match &e.node {
            ExprKind::Name(n) => self.visit_name(n, ctx, e.span),
            ExprKind::BoolOp { values, .. } | ExprKind::Set(values) => self.visit_exprs(values),
            ExprKind::NamedExpr { target, value } => self.visit_named_expr(target, value),
            ExprKind::BinOp { left, right, .. } => self.visit_pair(left, right),
            ExprKind::UnaryOp { operand, .. } => self.visit(operand, Ctx::Load),
            ExprKind::Lambda { args, body } => self.visit_lambda(e, args, body),
            ExprKind::IfExp { test, body, orelse } => self.visit_if_exp(test, body, orelse),
            ExprKind::Dict { keys, values } => self.visit_dict(keys, values),
            ExprKind::List(items) | ExprKind::Tuple(items) => self.visit_targets(items, ctx),
            ExprKind::ListComp { elt, generators } => {
                self.visit_comp(e, CompKind::List, generators, &[elt])
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comp(e, CompKind::Set, generators, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comp(e, CompKind::Dict, generators, &[key, value]),
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comp(e, CompKind::Generator, generators, &[elt])
            }
            ExprKind::Yield(value) => self.visit_yield(e.span, value.as_deref()),
            ExprKind::YieldFrom(value) => self.visit_yield(e.span, Some(value)),
            ExprKind::Compare {
                left, comparators, ..
            } => self.visit_call_like(left, comparators, &[]),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.visit_call_like(func, args, keywords),
            ExprKind::JoinedStr(parts) => self.visit_fstring(parts),
            ExprKind::Attribute { value, .. } => self.visit(value, Ctx::Load),
            ExprKind::Subscript { value, slice } => self.visit_pair(value, slice),
            ExprKind::Starred(value) => self.visit(value, ctx),
            ExprKind::Slice { lower, upper, step } => {
                self.visit_slice(lower.as_deref(), upper.as_deref(), step.as_deref())
            }
            ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Num(_)
            | ExprKind::True
            | ExprKind::False
            | ExprKind::None
            | ExprKind::Ellipsis => Ok(()),
        }
    }

    fn visit_pair(&mut self, a: &Expr, b: &Expr) -> Res {
        self.visit(a, Ctx::Load)?;
        self.visit(b, Ctx::Load)
    }

    fn visit_targets(&mut self, items: &[Expr], ctx: Ctx) -> Res {
        items.iter().try_for_each(|i| self.visit(i, ctx))
    }

    fn visit_named_expr(&mut self, target: &Expr, value: &Expr) -> Res {
        self.visit(value, Ctx::Load)?;
        self.visit_walrus_target(target)
    }

    fn visit_lambda(&mut self, e: &Expr, args: &Arguments, body: &Expr) -> Res {
        self.visit_defaults(args)?;
        let id = self.new_scope(ScopeKind::Lambda, "<lambda>", e as *const Expr as usize);
        self.in_scope(id, |v| {
            v.visit_params(args)?;
            v.visit(body, Ctx::Load)
        })
    }

    fn visit_if_exp(&mut self, test: &Expr, body: &Expr, orelse: &Expr) -> Res {
        self.visit(test, Ctx::Load)?;
        self.visit(body, Ctx::Load)?;
        self.visit(orelse, Ctx::Load)
    }

    fn visit_dict(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> Res {
        for k in keys.iter().flatten() {
            self.visit(k, Ctx::Load)?;
        }
        self.visit_exprs(values)
    }

    fn visit_call_like(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> Res {
        self.visit(func, Ctx::Load)?;
        self.visit_exprs(args)?;
        self.visit_keywords(keywords)
    }

    fn visit_slice(
        &mut self,
        lower: Option<&Expr>,
        upper: Option<&Expr>,
        step: Option<&Expr>,
    ) -> Res {
        for part in [lower, upper, step].into_iter().flatten() {
            self.visit(part, Ctx::Load)?;
        }
        Ok(())
    }

    fn visit_name(&mut self, n: &str, ctx: Ctx, span: Span) -> Res {
        match ctx {
            Ctx::Load => {
                self.add_def(n, USE, span)?;
                if n == "super" && self.scopes[self.cur].is_function_like() {
                    self.add_def("__class__", USE, span)?;
                }
                Ok(())
            }
            Ctx::Store | Ctx::Del => self.add_def(n, DEF_LOCAL, span),
        }
    }

    fn visit_fstring(&mut self, parts: &[FStringPart]) -> Res {
        for p in parts {
            if let FStringPart::Expr { expr, spec, .. } = p {
                self.visit(expr, Ctx::Load)?;
                if let Some(spec) = spec {
                    self.visit_fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    fn visit_yield(&mut self, span: Span, value: Option<&Expr>) -> Res {
        let scope = &mut self.scopes[self.cur];
        let msg = match scope.kind {
            ScopeKind::Module | ScopeKind::Class => "'yield' outside function",
            ScopeKind::Comprehension(CompKind::List) => "'yield' inside list comprehension",
            ScopeKind::Comprehension(CompKind::Set) => "'yield' inside set comprehension",
            ScopeKind::Comprehension(CompKind::Dict) => "'yield' inside dict comprehension",
            ScopeKind::Comprehension(CompKind::Generator) => "'yield' inside generator expression",
            ScopeKind::Function | ScopeKind::Lambda => {
                scope.generator = true;
                return value.map_or(Ok(()), |v| self.visit(v, Ctx::Load));
            }
        };
        Err(SyntaxError::new(msg, span))
    }

    fn visit_comp(
        &mut self,
        e: &Expr,
        kind: CompKind,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> Res {
        let Some(first) = generators.first() else {
            return Err(SyntaxError::new("comprehension without 'for'", e.span));
        };
        self.visit(&first.iter, Ctx::Load)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let id = self.new_scope(
            ScopeKind::Comprehension(kind),
            name,
            e as *const Expr as usize,
        );
        if kind == CompKind::Generator {
            self.scopes[id].generator = true;
        }
        self.in_scope(id, |v| {
            v.add_def(".0", DEF_PARAM, e.span)?;
            for (i, g) in generators.iter().enumerate() {
                if i > 0 {
                    v.visit(&g.iter, Ctx::Load)?;
                }
                v.visit_comp_target(&g.target)?;
                v.visit_exprs(&g.ifs)?;
            }
            elts.iter().try_for_each(|x| v.visit(x, Ctx::Load))
        })
    }

    fn visit_comp_target(&mut self, t: &Expr) -> Res {
        match &t.node {
            ExprKind::Name(n) => self.add_def(n, DEF_LOCAL | DEF_COMP_ITER, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.visit_comp_target(i))
            }
            ExprKind::Starred(inner) => self.visit_comp_target(inner),
            _ => self.visit(t, Ctx::Store),
        }
    }

    /// `x := v`: inside comprehensions `x` binds in the nearest enclosing
    /// function (or module) scope.
    fn visit_walrus_target(&mut self, target: &Expr) -> Res {
        let ExprKind::Name(name) = &target.node else {
            return self.visit(target, Ctx::Store);
        };
        if !matches!(self.scopes[self.cur].kind, ScopeKind::Comprehension(_)) {
            return self.add_def(name, DEF_LOCAL, target.span);
        }
        let mut id = Some(self.cur);
        while let Some(s) = id {
            let scope = &self.scopes[s];
            match scope.kind {
                ScopeKind::Comprehension(_) => {
                    if self.flags_in(s, name) & DEF_COMP_ITER != 0 {
                        let msg = format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        );
                        return Err(SyntaxError::new(msg, target.span));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let flag = if self.flags_in(s, name) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, flag, target.span)?;
                    return self.add_def_in(s, name, DEF_LOCAL, target.span);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, target.span)?;
                    return self.add_def_in(s, name, DEF_GLOBAL, target.span);
                }
                ScopeKind::Class => {
                    let msg =
                        "assignment expression within a comprehension cannot be used in a class body";
                    return Err(SyntaxError::new(msg, target.span));
                }
            }
            id = scope.parent;
        }
        Ok(())
    }
}
