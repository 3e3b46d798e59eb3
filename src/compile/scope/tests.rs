//! Unit tests of scope analysis (the whole-stdlib comparison against
//! CPython's code objects lives in the compiler's ignored tests).

use super::{ScopeKind, SymScope, SymbolTable};
use crate::syntax::parser::parse_module;
use crate::syntax::SourceFile;

fn table(src: &str) -> SymbolTable {
    let file = SourceFile::new("t.py", src);
    let module = parse_module(&file).expect("parse");
    SymbolTable::build(&module).expect("scopes")
}

#[test]
fn test_function_locals_globals_and_free() {
    let t =
        table("g = 1\ndef f(a):\n    b = a + g\n    def h():\n        return b\n    return h\n");
    let f = t.scope(1);
    assert_eq!(f.kind, ScopeKind::Function);
    assert_eq!(f.lookup("a"), Some(SymScope::Local));
    assert_eq!(f.lookup("b"), Some(SymScope::Cell));
    assert_eq!(f.lookup("g"), Some(SymScope::GlobalImplicit));
    assert_eq!(f.varnames, ["a", "h"]);
    let h = t.scope(2);
    assert_eq!(h.lookup("b"), Some(SymScope::Free));
    assert!(h.nested);
}

#[test]
fn test_class_scope_is_skipped_by_methods() {
    let t = table("def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n");
    let class = t.scope(2);
    assert_eq!(class.kind, ScopeKind::Class);
    assert_eq!(class.lookup("x"), Some(SymScope::Local));
    assert_eq!(class.freevars, ["x"]);
    assert_eq!(t.scope(1).cellvars, ["x"]);
    assert_eq!(t.scope(3).lookup("x"), Some(SymScope::Free));
}

#[test]
fn test_super_makes_class_cell() {
    let t = table("class C:\n    def m(self):\n        return super().m()\n");
    assert!(t.scope(1).needs_class_cell);
    assert_eq!(t.scope(1).cellvars, ["__class__"]);
    assert_eq!(t.scope(2).freevars, ["__class__"]);
}

#[test]
fn test_comprehension_scopes() {
    let t = table("def f(xs):\n    return [x + y for x in xs for y in x]\n");
    let comp = t.scope(2);
    assert!(matches!(comp.kind, ScopeKind::Comprehension(_)));
    assert_eq!(comp.varnames, [".0", "x", "y"]);
    assert_eq!(t.scope(1).lookup("xs"), Some(SymScope::Local));
    assert_eq!(comp.lookup("xs"), None);
}

#[test]
fn test_explicit_global_in_function() {
    let t = table("def f():\n    global n\n    n = 1\n");
    assert_eq!(t.scope(1).lookup("n"), Some(SymScope::GlobalExplicit));
    assert!(t.scope(1).varnames.is_empty());
}
