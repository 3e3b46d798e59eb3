//! Unit tests of the lowering: opcode shapes for each construct, scope
//! errors with CPython's messages, and a verifier that walks every path
//! (including exception edges) checking stack depths, protected-region
//! balance and the exception table.

use std::rc::Rc;

use crate::bytecode::builder::stack_effect;
use crate::bytecode::code::{CodeObject, Constant, CO_GENERATOR, CO_NESTED};
use crate::bytecode::opcode::Opcode;
use crate::compile::compile_module;
use crate::syntax::parser::parse_module;
use crate::syntax::SourceFile;

fn compile(src: &str) -> Rc<CodeObject> {
    let file = SourceFile::new("t.py", src);
    let module = parse_module(&file).unwrap_or_else(|e| panic!("parse: {}", e.msg));
    let code = compile_module(&module, &file).unwrap_or_else(|e| panic!("compile: {}", e.msg));
    if let Err(msg) = verify(&code) {
        panic!("{msg}\n{}", crate::bytecode::disasm::disassemble(&code));
    }
    code
}

/// The message of the `SyntaxError` `src` raises (from parser or compiler).
fn compile_err(src: &str) -> String {
    let file = SourceFile::new("t.py", src);
    let module = match parse_module(&file) {
        Ok(m) => m,
        Err(e) => return e.msg,
    };
    match compile_module(&module, &file) {
        Ok(_) => panic!("expected a SyntaxError for {src:?}"),
        Err(e) => e.msg,
    }
}

/// The nested code objects of `code`, in constant order.
fn children(code: &CodeObject) -> Vec<Rc<CodeObject>> {
    code.consts
        .iter()
        .filter_map(|c| match c {
            Constant::Code(inner) => Some(inner.clone()),
            _ => None,
        })
        .collect()
}

fn child(code: &CodeObject, i: usize) -> Rc<CodeObject> {
    children(code)[i].clone()
}

fn ops(code: &CodeObject) -> Vec<&'static str> {
    code.instrs.iter().map(|i| i.op.name()).collect()
}

fn names(v: &[Rc<str>]) -> Vec<&str> {
    v.iter().map(|s| &**s).collect()
}

/// Walks every path of `code` (and its nested code) checking that the
/// depth and protect count agree wherever paths meet, never underflow,
/// stay within `max_stack`, and are zero/one at `ReturnValue`.
fn verify(code: &CodeObject) -> Result<(), String> {
    let n = code.instrs.len();
    let q = &code.qualname;
    let mut state: Vec<Option<(u32, u32)>> = vec![None; n];
    let mut work = vec![(0usize, 0u32, 0u32)];
    while let Some((i, d, p)) = work.pop() {
        let ins = *code.instrs.get(i).ok_or(format!("{q}: falls off at {i}"))?;
        match state[i] {
            Some(s) if s == (d, p) => continue,
            Some(s) => return Err(format!("{q}: state at {i}: {s:?} vs {:?}", (d, p))),
            None => state[i] = Some((d, p)),
        }
        if d > code.max_stack {
            return Err(format!("{q}: depth {d} > max_stack at {i}"));
        }
        if let Some(e) = code
            .exc_table
            .iter()
            .find(|e| e.start as usize <= i && i < e.end as usize)
        {
            if e.depth > d || e.protect > p {
                return Err(format!("{q}: handler deeper than stack at {i}"));
            }
            work.push((e.target as usize, e.depth + 1, e.protect));
        }
        let np = match ins.op {
            Opcode::ProtectBegin => p + 1,
            Opcode::ProtectEnd => p.checked_sub(1).ok_or(format!("{q}: ProtectEnd at {i}"))?,
            _ => p,
        };
        let next = |jump: bool| -> Result<u32, String> {
            let v = d as i64 + stack_effect(ins.op, ins.arg, jump) as i64;
            u32::try_from(v).map_err(|_| format!("{q}: underflow at {i}"))
        };
        match ins.op {
            Opcode::ReturnValue if p != 0 || d != 1 => {
                return Err(format!("{q}: return with depth {d}, protect {p} at {i}"))
            }
            Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise => {}
            Opcode::Jump => work.push((ins.arg as usize, d, p)),
            op if op.is_jump() => {
                work.push((ins.arg as usize, next(true)?, np));
                work.push((i + 1, next(false)?, np));
            }
            _ => work.push((i + 1, next(false)?, np)),
        }
    }
    children(code).iter().try_for_each(|c| verify(c))
}

#[test]
fn test_module_names_are_globals() {
    let code = compile("x = 1\nprint(x)\ndel x\n");
    assert_eq!(
        ops(&code),
        [
            "LoadConst",
            "StoreGlobal",
            "LoadGlobal",
            "LoadGlobal",
            "CallFunction",
            "PopTop",
            "DeleteGlobal",
            "LoadConst",
            "ReturnValue"
        ]
    );
}

#[test]
fn test_function_varnames_order_and_flags() {
    let code = compile("def f(a, /, b, *args, c, d=1, **kw):\n    e = a\n    return e\n");
    let f = child(&code, 0);
    assert_eq!(names(&f.varnames), ["a", "b", "c", "d", "args", "kw", "e"]);
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 1, 2));
    assert_eq!(f.flags & 0x0c, 0x0c);
    assert_eq!(f.total_params(), 6);
}

#[test]
fn test_cells_free_and_cell2arg() {
    let code = compile(
        "def f(a):\n    b = 1\n    def g():\n        nonlocal b\n        b = a\n    return g\n",
    );
    let f = child(&code, 0);
    assert_eq!(names(&f.cellvars), ["a", "b"]);
    assert_eq!(f.cell2arg, [Some(0), None]);
    let g = child(&f, 0);
    assert_eq!(names(&g.freevars), ["a", "b"]);
    assert_ne!(g.flags & CO_NESTED, 0);
    assert!(ops(&f).contains(&"LoadClosure"));
    assert_eq!(
        ops(&g),
        ["LoadDeref", "StoreDeref", "LoadConst", "ReturnValue"]
    );
}

#[test]
fn test_class_body_uses_names_and_classcell() {
    let code = compile("class C(B):\n    x = 1\n    def m(self):\n        return super().m()\n");
    let body = child(&code, 0);
    assert_eq!(&*body.qualname, "C");
    assert_eq!(names(&body.cellvars), ["__class__"]);
    assert_eq!(
        &ops(&body)[..4],
        ["LoadName", "StoreName", "LoadConst", "StoreName"]
    );
    let tail = &ops(&body)[ops(&body).len() - 4..];
    assert_eq!(
        tail,
        ["LoadClosure", "StoreName", "LoadConst", "ReturnValue"]
    );
    let m = child(&body, 0);
    assert_eq!(&*m.qualname, "C.m");
    assert_eq!(
        &ops(&m)[..4],
        ["LoadGlobal", "LoadDeref", "LoadFast", "CallFunction"]
    );
}

#[test]
fn test_class_deref_for_enclosing_function_names() {
    let code = compile("def f():\n    x = 1\n    class C:\n        y = x\n    return C\n");
    let class_body = child(&child(&code, 0), 0);
    assert_eq!(&*class_body.qualname, "f.<locals>.C");
    assert!(ops(&class_body).contains(&"LoadClassDeref"));
}

#[test]
fn test_listcomp_layout() {
    let code = compile("def f(xs):\n    return [x for x in xs if x]\n");
    let comp = child(&child(&code, 0), 0);
    assert_eq!(&*comp.name, "<listcomp>");
    assert_eq!(&*comp.qualname, "f.<locals>.<listcomp>");
    assert_eq!(names(&comp.varnames), [".0", "x"]);
    assert_eq!(
        ops(&comp),
        [
            "BuildList",
            "LoadFast",
            "ForIter",
            "StoreFast",
            "LoadFast",
            "PopJumpIfFalse",
            "LoadFast",
            "ListAppend",
            "Jump",
            "ReturnValue"
        ]
    );
    assert_eq!(comp.instrs[7].arg, 2);
}

#[test]
fn test_genexpr_is_generator() {
    let code = compile("g = (x * y for x in a for y in b)\n");
    let gen = child(&code, 0);
    assert_ne!(gen.flags & CO_GENERATOR, 0);
    assert!(ops(&gen).contains(&"YieldValue"));
    assert_eq!(&ops(&code)[2..5], ["LoadGlobal", "GetIter", "CallFunction"]);
}

#[test]
fn test_walrus_in_comprehension_binds_in_function() {
    let code = compile("def f(xs):\n    [y := x for x in xs]\n    return y\n");
    let f = child(&code, 0);
    assert_eq!(names(&f.cellvars), ["y"]);
    assert_eq!(names(&child(&f, 0).freevars), ["y"]);
}

#[test]
fn test_calls_lowering() {
    let code = compile("f(1, k=2)\no.m(1)\nf(*a, **k)\n");
    let o = ops(&code);
    assert!(o.contains(&"CallFunctionKw"));
    assert!(o.contains(&"CallMethod"));
    assert!(o.contains(&"CallFunctionEx"));
}

#[test]
fn test_try_except_exception_table() {
    let code = compile("try:\n    f()\nexcept E as e:\n    g(e)\n");
    let entries = &code.exc_table;
    assert!(entries.len() >= 3);
    assert_eq!((entries[0].depth, entries[0].protect), (0, 0));
    assert_eq!(
        code.instrs[entries[0].target as usize].op,
        Opcode::PushExcInfo
    );
}

#[test]
fn test_with_and_finally_protect_regions() {
    let src = "def f():\n    with a as b:\n        try:\n            return b\n        finally:\n            c()\n";
    let code = compile(src);
    let f = child(&code, 0);
    let o = ops(&f);
    let w = o
        .iter()
        .position(|op| *op == "BeforeWith")
        .expect("BeforeWith");
    assert_eq!(o[w - 1], "ProtectBegin");
    // The return runs the finally body and the exit call, each protected.
    let ret = o
        .iter()
        .position(|op| *op == "ReturnValue")
        .expect("return");
    let begins = o[w..ret].iter().filter(|op| **op == "ProtectBegin").count();
    assert_eq!(begins, 2);
    assert!(f.exc_table.iter().all(|e| e.protect == 0));
}

#[test]
fn test_unwinding_paths_verify() {
    compile(
        "def f(xs):\n    for x in xs:\n        try:\n            if x: break\n            if x: continue\n            return x\n        except E as e:\n            return e\n        finally:\n            for y in xs:\n                return y\n    while True:\n        with m:\n            try:\n                pass\n            finally:\n                break\n    return 1\n",
    );
}

#[test]
fn test_generators_and_yield_from() {
    let code = compile("def g():\n    x = yield 1\n    yield from h()\n    return x\n");
    let g = child(&code, 0);
    assert_ne!(g.flags & CO_GENERATOR, 0);
    assert!(ops(&g).contains(&"YieldFrom"));
}

#[test]
fn test_dead_code_after_return_is_dropped() {
    let code = compile("def f():\n    return 1\n    x = 2\n");
    assert_eq!(ops(&child(&code, 0)), ["LoadConst", "ReturnValue"]);
}

#[test]
fn test_imports() {
    let code = compile("import a.b\nimport a.b as c\nfrom m import x as y\nfrom m import *\n");
    assert_eq!(
        ops(&code)[..5],
        [
            "ImportName",
            "PopTop",
            "ImportName",
            "StoreGlobal",
            "ImportName"
        ]
    );
    assert!(ops(&code).contains(&"ImportStar"));
}

#[test]
fn test_constants_folded() {
    let code = compile("x = (1, -2, 'a', (None, 2.5))\n");
    assert_eq!(ops(&code)[0], "LoadConst");
    let repr = crate::bytecode::disasm::const_repr(&code.consts[0]);
    assert_eq!(repr, "(1, -2, 'a', (None, 2.5))");
}

#[test]
fn test_fstring_debug_uses_repr() {
    let code = compile("f'{x=}'\n");
    let fv = code.instrs.iter().find(|i| i.op == Opcode::FormatValue);
    assert_eq!(fv.map(|i| i.arg), Some(2));
}

#[test]
fn test_scope_errors_match_cpython() {
    let cases = [
        ("return 1\n", "'return' outside function"),
        ("break\n", "'break' outside loop"),
        ("continue\n", "'continue' not properly in loop"),
        ("yield 1\n", "'yield' outside function"),
        ("class C:\n    yield\n", "'yield' outside function"),
        (
            "def f(x):\n    global x\n",
            "name 'x' is parameter and global",
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
        ),
        (
            "def f():\n    print(x)\n    global x\n",
            "name 'x' is used prior to global declaration",
        ),
        (
            "def f():\n    nonlocal x\n",
            "no binding for nonlocal 'x' found",
        ),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
        ),
        (
            "def f():\n    from m import *\n",
            "import * only allowed at module level",
        ),
        (
            "[(yield) for x in y]\n",
            "'yield' inside list comprehension",
        ),
        (
            "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
            "default 'except:' must be last",
        ),
        (
            "class C(metaclass=M):\n    pass\n",
            "sigpy does not support metaclasses or ** in a class statement",
        ),
        (
            "class C(**kw):\n    pass\n",
            "sigpy does not support metaclasses or ** in a class statement",
        ),
        (
            "def f(a, a):\n    pass\n",
            "duplicate argument 'a' in function definition",
        ),
        (
            "def f(x):\n    nonlocal x\n",
            "name 'x' is parameter and nonlocal",
        ),
        (
            "def f():\n    global x\n    nonlocal x\n",
            "name 'x' is nonlocal and global",
        ),
        (
            "class C:\n    [(y := 1) for x in z]\n",
            "assignment expression within a comprehension cannot be used in a class body",
        ),
        (
            "[(x := 1) for x in z]\n",
            "assignment expression cannot rebind comprehension iteration variable 'x'",
        ),
    ];
    for (src, msg) in cases {
        assert_eq!(compile_err(src), msg, "for {src:?}");
    }
}

/// A hand-built AST nested `depth` levels deep (lists, unary ops, calls).
fn deep_module(depth: usize) -> crate::syntax::ast::Module {
    use crate::syntax::ast::{Expr, ExprKind, Number, Spanned, Stmt, StmtKind, UnaryOp};
    use crate::syntax::Span;
    let sp = Span::new(0, 1);
    let mut e: Expr = Spanned {
        node: ExprKind::Num(Number::Int(1)),
        span: sp,
    };
    for i in 0..depth {
        let node = match i % 3 {
            0 => ExprKind::List(vec![e]),
            1 => ExprKind::UnaryOp {
                op: UnaryOp::Invert,
                operand: Box::new(e),
            },
            _ => ExprKind::Call {
                func: Box::new(Spanned {
                    node: ExprKind::Name("f".into()),
                    span: sp,
                }),
                args: vec![e],
                keywords: vec![],
            },
        };
        e = Spanned { node, span: sp };
    }
    let stmt: Stmt = Spanned {
        node: StmtKind::Expr(e),
        span: sp,
    };
    crate::syntax::ast::Module { body: vec![stmt] }
}

#[test]
fn test_deep_nesting_fits_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let file = SourceFile::new("t.py", "x\n");
            let module = deep_module(250);
            compile_module(&module, &file).is_ok()
        })
        .expect("spawn");
    assert!(handle.join().expect("no overflow"));
    let file = SourceFile::new("t.py", "x\n");
    let too_deep = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            compile_module(&deep_module(5000), &file)
                .err()
                .map(|e| e.msg)
        })
        .expect("spawn");
    let msg = too_deep.join().expect("no overflow");
    assert_eq!(msg.as_deref(), Some("too many nested expressions"));
}

#[test]
fn test_line_numbers_follow_expressions() {
    let code = compile("x = f(\n    1,\n    g(2),\n)\n");
    let call_lines: Vec<u32> = code
        .instrs
        .iter()
        .zip(&code.lines)
        .filter(|(i, _)| i.op == Opcode::CallFunction)
        .map(|(_, l)| *l)
        .collect();
    assert_eq!(call_lines, [3, 1]);
}

/// Compiles and verifies every `.py` file in `$SIGPY_VERIFY_DIR` that
/// parses (run with `--ignored`; e.g. CPython's Lib directory).
#[test]
#[ignore]
fn test_verify_directory() {
    let Ok(dir) = std::env::var("SIGPY_VERIFY_DIR") else {
        return;
    };
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("dir").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let file = SourceFile::new(path.display().to_string(), text);
        let Ok(module) = parse_module(&file) else {
            continue;
        };
        match compile_module(&module, &file) {
            Ok(code) => {
                if let Err(msg) = verify(&code) {
                    failures.push(format!("{}: {msg}", path.display()));
                }
            }
            Err(e) if e.msg.contains("sigpy does not support") => {}
            Err(e) => failures.push(format!("{}: {}", path.display(), e.msg)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn test_private_names_are_mangled_in_classes() {
    let code =
        compile("class _C:\n    def m(self, __a):\n        self.__b = __a\n        return __c\n");
    let m = child(&child(&code, 0), 0);
    assert_eq!(names(&m.varnames), ["self", "_C__a"]);
    assert_eq!(names(&m.names), ["_C__b", "_C__c"]);
}
