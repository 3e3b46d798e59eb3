//! Scope analysis (CPython's symtable): one pass records how each scope
//! uses each name (bound, parameter, `global`, `nonlocal`, used), a second
//! pass resolves every name to local, global (explicit or implicit), free or
//! cell, following CPython's rules: class scopes are invisible to the
//! functions nested in them, comprehensions are function scopes whose first
//! iterable belongs to the enclosing scope, and a zero-argument `super()` or
//! a use of `__class__` in a method makes `__class__` a cell of the class.

use std::collections::{HashMap, HashSet};

use crate::syntax::ast::{Expr, Module, Stmt};
use crate::syntax::{Span, SyntaxError};

mod visitor;

use visitor::Visitor;

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

/// CPython's private-name mangling: inside class `C`, `__x` (not ending
/// in `__`) becomes `_C__x`, with the class name's leading underscores
/// stripped.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(class) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name.into();
    }
    format!("_{class}{name}").into()
}

/// Deepest statement + expression nesting accepted (the parser's own limit
/// is lower); it keeps the recursive passes within the native stack.
pub const MAX_NESTING: u32 = 600;

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
            depth: 0,
            private: None,
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
            Some(SymScope::Local) if scope.is_function_like() && sym.flags & DEF_PARAM == 0 => {
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

#[cfg(test)]
mod tests;
