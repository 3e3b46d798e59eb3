//! Scope analysis (CPython's symtable): one pass records how each scope
//! uses each name (bound, parameter, `global`, `nonlocal`, used), a second
//! pass resolves every name to local, global (explicit or implicit), free or
//! cell, following CPython's rules: class scopes are invisible to the
//! functions nested in them, comprehensions are function scopes whose first
//! iterable belongs to the enclosing scope, and a zero-argument `super()` or
//! a use of `__class__` in a method makes `__class__` a cell of the class.

use std::collections::{HashMap, HashSet};

use crate::syntax::ast::{
    Alias, Arguments, Comprehension, Expr, ExprKind, FStringPart, Keyword, Module, Stmt,
    StmtKind,
};
use crate::syntax::{Span, SyntaxError};

/// Index of a scope in a [`SymbolTable`].
pub type ScopeId = usize;

/// Which comprehension a comprehension scope implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

/// The kind of block a scope belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension(CompKind),
}

/// Where a name lives, as seen from one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

const DEF_GLOBAL: u32 = 1;
const DEF_LOCAL: u32 = 2;
const DEF_PARAM: u32 = 4;
const DEF_NONLOCAL: u32 = 8;
const USE: u32 = 16;
const DEF_FREE_CLASS: u32 = 32;
const DEF_IMPORT: u32 = 64;
const DEF_COMP_ITER: u32 = 128;
const DEF_ANNOT: u32 = 256;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Debug, Clone)]
struct Symbol {
    name: String,
    flags: u32,
    scope: Option<SymScope>,
    span: Span,
}

/// One scope with its resolved names and the variable lists its code
/// object needs.
#[derive(Debug, Clone)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    /// Nested inside a function-like scope (`CO_NESTED`).
    pub nested: bool,
    /// Contains `yield` (`CO_GENERATOR`).
    pub generator: bool,
    /// A class body whose methods use `super()` or `__class__`.
    pub needs_class_cell: bool,
    /// Parameters (in `varnames` order) then other fast locals.
    pub varnames: Vec<String>,
    /// Names of this scope captured by inner scopes (sorted).
    pub cellvars: Vec<String>,
    /// Names captured from enclosing scopes (sorted).
    pub freevars: Vec<String>,
    params: Vec<String>,
    symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    children: Vec<ScopeId>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>, nested: bool) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            nested,
            generator: false,
            needs_class_cell: false,
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            params: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            children: Vec::new(),
        }
    }

    /// Where `name` lives from this scope (`None`: never mentioned here).
    pub fn lookup(&self, name: &str) -> Option<SymScope> {
        self.index.get(name).and_then(|&i| self.symbols[i].scope)
    }

    /// Functions, lambdas and comprehensions keep locals in fast slots.
    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_)
        )
    }

    fn flags(&self, name: &str) -> u32 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].flags)
    }
}

/// The analysed scopes of one module, looked up by AST node.
#[derive(Debug)]
pub struct SymbolTable {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// Analyses `module`, reporting scope errors with CPython's messages.
    pub fn build(module: &Module) -> Result<SymbolTable, SyntaxError> {
        let mut v = Visitor {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>", None, false)],
            by_node: HashMap::new(),
            cur: 0,
        };
        for s in &module.body {
            v.visit_stmt(s)?;
        }
        let mut table = SymbolTable {
            scopes: v.scopes,
            by_node: v.by_node,
        };
        let mut free = HashSet::new();
        table.analyze_block(0, None, &mut free, &mut HashSet::new())?;
        for scope in &mut table.scopes {
            finish_scope(scope);
        }
        Ok(table)
    }

    /// The module scope.
    pub fn root(&self) -> ScopeId {
        0
    }

    /// The scope with id `id`.
    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id]
    }

    /// The scope created by a `def` or `class` statement.
    pub fn scope_of_stmt(&self, s: &Stmt) -> Option<ScopeId> {
        self.by_node.get(&(s as *const Stmt as usize)).copied()
    }

    /// The scope created by a lambda or comprehension.
    pub fn scope_of_expr(&self, e: &Expr) -> Option<ScopeId> {
        self.by_node.get(&(e as *const Expr as usize)).copied()
    }

    fn analyze_block(
        &mut self,
        id: ScopeId,
        bound: Option<&mut HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> Result<(), SyntaxError> {
        let kind = self.scopes[id].kind;
        let is_class = kind == ScopeKind::Class;
        let mut local = HashSet::new();
        let mut newglobal = HashSet::new();
        let mut newbound = HashSet::new();
        let mut bound = bound;
        if is_class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = bound.as_deref() {
                newbound.extend(b.iter().cloned());
            }
        }
        let mut scopes = Vec::with_capacity(self.scopes[id].symbols.len());
        for sym in &self.scopes[id].symbols {
            let s = analyze_name(sym, bound.as_deref_mut(), &mut local, free, global)?;
            scopes.push(s);
        }
        if !is_class {
            if self.scopes[id].is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = bound.as_deref() {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        let mut newfree = HashSet::new();
        for child in self.scopes[id].children.clone() {
            let mut b = newbound.clone();
            let mut g = newglobal.clone();
            let mut f = HashSet::new();
            self.analyze_block(child, Some(&mut b), &mut f, &mut g)?;
            newfree.extend(f);
        }
        let scope = &mut self.scopes[id];
        if scope.is_function_like() {
            for (sym, s) in scope.symbols.iter().zip(scopes.iter_mut()) {
                if *s == SymScope::Local && newfree.remove(&sym.name) {
                    *s = SymScope::Cell;
                }
            }
        } else if is_class && newfree.remove("__class__") {
            scope.needs_class_cell = true;
        }
        update_symbols(scope, scopes, bound.as_deref(), &newfree, is_class);
        free.extend(newfree);
        Ok(())
    }
}

fn analyze_name(
    sym: &Symbol,
    bound: Option<&mut HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> Result<SymScope, SyntaxError> {
    let name = &sym.name;
    let flags = sym.flags;
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            let msg = format!("name '{name}' is nonlocal and global");
            return Err(SyntaxError::new(msg, sym.span));
        }
        global.insert(name.clone());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(SymScope::GlobalExplicit);
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(b) = bound else {
            let msg = "nonlocal declaration not allowed at module level";
            return Err(SyntaxError::new(msg, sym.span));
        };
        if !b.contains(name) {
            let msg = format!("no binding for nonlocal '{name}' found");
            return Err(SyntaxError::new(msg, sym.span));
        }
        free.insert(name.clone());
        return Ok(SymScope::Free);
    }
    if flags & DEF_BOUND != 0 {
        local.insert(name.clone());
        global.remove(name);
        return Ok(SymScope::Local);
    }
    if bound.is_some_and(|b| b.contains(name)) {
        free.insert(name.clone());
        return Ok(SymScope::Free);
    }
    Ok(SymScope::GlobalImplicit)
}

/// Stores the resolved scopes and records free names passing through.
fn update_symbols(
    scope: &mut Scope,
    scopes: Vec<SymScope>,
    bound: Option<&HashSet<String>>,
    free: &HashSet<String>,
    is_class: bool,
) {
    for (sym, s) in scope.symbols.iter_mut().zip(scopes) {
        sym.scope = Some(s);
    }
    let mut names: Vec<&String> = free.iter().collect();
    names.sort();
    for name in names {
        if let Some(&i) = scope.index.get(name) {
            let sym = &mut scope.symbols[i];
            if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue;
        }
        scope.index.insert(name.clone(), scope.symbols.len());
        scope.symbols.push(Symbol {
            name: name.clone(),
            flags: 0,
            scope: Some(SymScope::Free),
            span: Span::default(),
        });
    }
}

/// Computes `varnames`, `cellvars` and `freevars` from the resolved symbols.
fn finish_scope(scope: &mut Scope) {
    let mut varnames = scope.params.clone();
    let mut cells = Vec::new();
    let mut frees = Vec::new();
    for sym in &scope.symbols {
        match sym.scope {
            Some(SymScope::Local)
                if scope.is_function_like() && sym.flags & DEF_PARAM == 0 =>
            {
                varnames.push(sym.name.clone())
            }
            Some(SymScope::Cell) => cells.push(sym.name.clone()),
            Some(SymScope::Free) => frees.push(sym.name.clone()),
            _ if sym.flags & DEF_FREE_CLASS != 0 => frees.push(sym.name.clone()),
            _ => {}
        }
    }
    if scope.needs_class_cell {
        cells.push("__class__".to_string());
    }
    cells.sort();
    frees.sort();
    scope.varnames = if scope.is_function_like() {
        varnames
    } else {
        Vec::new()
    };
    scope.cellvars = cells;
    scope.freevars = frees;
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

/// The first pass: records name uses per scope.
struct Visitor {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    cur: ScopeId,
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
                let msg = format!("duplicate argument '{name}' in function definition");
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

    fn visit_stmt(&mut self, s: &Stmt) -> Res {
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
                self.in_scope(id, |v| v.visit_body(body))
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
                    let cur = self.scopes[self.cur].flags(n);
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
            let cur = self.scopes[self.cur].flags(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT | DEF_IMPORT) != 0 {
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
        keywords.iter().try_for_each(|k| self.visit(&k.value, Ctx::Load))
    }

    fn visit_opt(&mut self, e: Option<&Expr>) -> Res {
        e.map_or(Ok(()), |e| self.visit(e, Ctx::Load))
    }

    fn visit(&mut self, e: &Expr, ctx: Ctx) -> Res {
        match &e.node {
            ExprKind::Name(n) => self.visit_name(n, ctx, e.span),
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values),
            ExprKind::NamedExpr { target, value } => {
                self.visit(value, Ctx::Load)?;
                self.visit_walrus_target(target)
            }
            ExprKind::BinOp { left, right, .. } => {
                self.visit(left, Ctx::Load)?;
                self.visit(right, Ctx::Load)
            }
            ExprKind::UnaryOp { operand, .. } => self.visit(operand, Ctx::Load),
            ExprKind::Lambda { args, body } => {
                self.visit_defaults(args)?;
                let id = self.new_scope(ScopeKind::Lambda, "<lambda>", e as *const Expr as usize);
                self.in_scope(id, |v| {
                    v.visit_params(args)?;
                    v.visit(body, Ctx::Load)
                })
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit(test, Ctx::Load)?;
                self.visit(body, Ctx::Load)?;
                self.visit(orelse, Ctx::Load)
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit(k, Ctx::Load)?;
                }
                self.visit_exprs(values)
            }
            ExprKind::Set(items) => self.visit_exprs(items),
            ExprKind::List(items) | ExprKind::Tuple(items) => {
                items.iter().try_for_each(|i| self.visit(i, ctx))
            }
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
            ExprKind::Yield(value) => {
                self.visit_yield(e.span)?;
                value.as_deref().map_or(Ok(()), |v| self.visit(v, Ctx::Load))
            }
            ExprKind::YieldFrom(value) => {
                self.visit_yield(e.span)?;
                self.visit(value, Ctx::Load)
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit(left, Ctx::Load)?;
                self.visit_exprs(comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit(func, Ctx::Load)?;
                self.visit_exprs(args)?;
                self.visit_keywords(keywords)
            }
            ExprKind::JoinedStr(parts) => self.visit_fstring(parts),
            ExprKind::Attribute { value, .. } => self.visit(value, Ctx::Load),
            ExprKind::Subscript { value, slice } => {
                self.visit(value, Ctx::Load)?;
                self.visit(slice, Ctx::Load)
            }
            ExprKind::Starred(value) => self.visit(value, ctx),
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit(part, Ctx::Load)?;
                }
                Ok(())
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

    fn visit_yield(&mut self, span: Span) -> Res {
        let scope = &mut self.scopes[self.cur];
        let msg = match scope.kind {
            ScopeKind::Module | ScopeKind::Class => "'yield' outside function",
            ScopeKind::Comprehension(CompKind::List) => "'yield' inside list comprehension",
            ScopeKind::Comprehension(CompKind::Set) => "'yield' inside set comprehension",
            ScopeKind::Comprehension(CompKind::Dict) => "'yield' inside dict comprehension",
            ScopeKind::Comprehension(CompKind::Generator) => {
                "'yield' inside generator expression"
            }
            ScopeKind::Function | ScopeKind::Lambda => {
                scope.generator = true;
                return Ok(());
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
        let id = self.new_scope(ScopeKind::Comprehension(kind), name, e as *const Expr as usize);
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
                    if scope.flags(name) & DEF_COMP_ITER != 0 {
                        let msg = format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        );
                        return Err(SyntaxError::new(msg, target.span));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let flag = if scope.flags(name) & DEF_GLOBAL != 0 {
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
