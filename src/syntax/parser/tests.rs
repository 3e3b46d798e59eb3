//! Parser unit tests: spans, precedence, error messages, and robustness
//! (no panic on truncated or mutated input, no stack overflow on deep
//! nesting).

use super::parse_source;
use crate::syntax::ast::{BinOp, ExprKind, FStringPart, Module, StmtKind, UnaryOp};
use crate::syntax::error::SyntaxErrorKind;

fn parse(src: &str) -> Module {
    parse_source(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
}

fn error(src: &str) -> (SyntaxErrorKind, String, usize) {
    let err = parse_source(src).expect_err(src);
    let line = src[..err.span.start as usize].matches('\n').count() + 1;
    (err.kind, err.msg, line)
}

fn first_value(src: &str) -> ExprKind {
    match parse(src).body.remove(0).node {
        StmtKind::Expr(e) => e.node,
        StmtKind::Assign { value, .. } => value.node,
        other => panic!("not an expression statement: {other:?}"),
    }
}

const PROGRAMS: &[&str] = &[
    "import os\nfrom m import (a, b as c)\n\n@deco(1)\nclass C(B, metaclass=M):\n    x: int = 1\n    def f(self, a, /, b=2, *c, d, **e) -> None:\n        '''doc'''\n        return [i ** 2 for i in range(a) if i % 2]\n",
    "def g():\n    try:\n        yield from h()\n    except (A, B) as e:\n        raise X from e\n    else:\n        pass\n    finally:\n        del a[0], b.c\n",
    "x = f'{a!r:>{w}} {b=} {{}}' 'tail'; y = rb'\\d'\nwith open(p) as f, (g):\n    s = {k: v for k, v in f.items()}; t = {*s}\nwhile x := y:\n    break\nelse:\n    continue\n",
    "if a:\n\tif b: c\nelif d: e\nelse:\n  f = lambda *a, k=1, **kw: (a, k, kw)\nz = 0x_ff + 1_0.5e-3 + 0o7 - ~0b1 if not x in y else ...\n",
];

#[test]
fn test_programs_parse() {
    for src in PROGRAMS {
        parse(src);
    }
}

#[test]
fn test_every_prefix_is_ok_or_err() {
    for src in PROGRAMS {
        for (i, _) in src.char_indices() {
            let _ = parse_source(&src[..i]);
        }
    }
}

#[test]
fn test_mutations_never_panic() {
    let alphabet: Vec<char> = "()[]{}:;,.=+-*/\\'\"#@!\n\t fx0_é{}".chars().collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for src in PROGRAMS {
        let chars: Vec<char> = src.chars().collect();
        for _ in 0..400 {
            let mut mutated = chars.clone();
            for _ in 0..1 + next() % 3 {
                let at = (next() % mutated.len() as u64) as usize;
                let ch = alphabet[(next() % alphabet.len() as u64) as usize];
                match next() % 3 {
                    0 => mutated[at] = ch,
                    1 => mutated.insert(at, ch),
                    _ => {
                        mutated.remove(at);
                    }
                }
            }
            let text: String = mutated.into_iter().collect();
            let _ = parse_source(&text);
        }
    }
}

#[test]
fn test_deep_nesting_is_an_error_not_a_crash() {
    let cases = [
        "(".repeat(199) + &")".repeat(199),
        "(".repeat(1000) + &")".repeat(1000),
        "-".repeat(100_000) + "1",
        "not ".repeat(100_000) + "x",
        "2".to_owned() + &"**2".repeat(100_000),
        "[".repeat(150) + &"-".repeat(150) + "1" + &"]".repeat(150),
        "lambda:".repeat(10_000) + "1",
        "x".to_owned() + &".a".repeat(100_000),
        "x = ".to_owned() + &["a"; 100_000].join("+"),
        "x".to_owned() + &"()".repeat(100_000),
        "f(".repeat(190) + &")".repeat(190),
        "1 if x else ".repeat(10_000) + "2",
        "f'{".repeat(5) + "x" + &"}'".repeat(5),
    ];
    for src in &cases {
        let _ = parse_source(src);
    }
    // CPython accepts 199 levels; debug builds' large frames hit the stack
    // budget first.
    let levels = if cfg!(debug_assertions) { 100 } else { 199 };
    assert!(parse_source(&("(".repeat(levels) + &")".repeat(levels))).is_ok());
    assert!(parse_source(&("x = ".to_owned() + &["a"; 900].join("+"))).is_ok());
    let (_, msg, _) = error(&("(".repeat(201) + &")".repeat(201)));
    assert_eq!(msg, "too many nested parentheses");
}

#[test]
fn test_precedence() {
    let ExprKind::UnaryOp {
        op: UnaryOp::Neg,
        operand,
    } = first_value("-2**2")
    else {
        panic!("-2**2 is -(2**2)")
    };
    assert!(matches!(
        operand.node,
        ExprKind::BinOp { op: BinOp::Pow, .. }
    ));
    let ExprKind::BinOp { left, op, right } = first_value("2**3**2") else {
        panic!()
    };
    assert_eq!(op, BinOp::Pow);
    assert!(matches!(left.node, ExprKind::Num(_)));
    assert!(matches!(right.node, ExprKind::BinOp { op: BinOp::Pow, .. }));
    let ExprKind::BinOp { left, op, .. } = first_value("a - b - c") else {
        panic!()
    };
    assert_eq!(op, BinOp::Sub);
    assert!(matches!(left.node, ExprKind::BinOp { op: BinOp::Sub, .. }));
}

#[test]
fn test_spans_start_at_first_token() {
    let src = "@deco\ndef f():\n    return g(1,\n             2)\n";
    let module = parse(src);
    let def = &module.body[0];
    assert_eq!(&src[def.span.start as usize..][..3], "def");
    let StmtKind::FunctionDef { body, .. } = &def.node else {
        panic!()
    };
    let StmtKind::Return(Some(call)) = &body[0].node else {
        panic!()
    };
    assert_eq!(
        &src[call.span.start as usize..call.span.end as usize],
        "g(1,\n             2)"
    );
}

#[test]
fn test_fstring_parts() {
    let ExprKind::JoinedStr(parts) = first_value("f'a{x!r:>{w}}b{y=}'") else {
        panic!()
    };
    assert_eq!(parts.len(), 4);
    assert_eq!(parts[0], FStringPart::Literal("a".into()));
    let FStringPart::Expr {
        conversion, spec, ..
    } = &parts[1]
    else {
        panic!()
    };
    assert_eq!(*conversion, Some('r'));
    assert_eq!(spec.as_ref().map(Vec::len), Some(2));
    let FStringPart::Expr {
        conversion,
        debug_text,
        ..
    } = &parts[3]
    else {
        panic!()
    };
    assert_eq!(debug_text.as_deref(), Some("y="));
    assert_eq!(*conversion, Some('r'));
}

#[test]
fn test_cpython_messages() {
    let cases: &[(&str, &str, usize)] = &[
        ("x = (1,\n", "'(' was never closed", 1),
        ("if x\n    pass\n", "expected ':'", 1),
        ("f(a b)\n", "invalid syntax. Perhaps you forgot a comma?", 1),
        (
            "x = 1\nf() = 1\n",
            "cannot assign to function call here. Maybe you meant '==' instead of '='?",
            2,
        ),
        (
            "1 = x\n",
            "cannot assign to literal here. Maybe you meant '==' instead of '='?",
            1,
        ),
        (
            "(a, b) += 1\n",
            "'tuple' is an illegal expression for augmented assignment",
            1,
        ),
        (
            "s = 'abc\n",
            "unterminated string literal (detected at line 1)",
            1,
        ),
        (
            "s = '''abc\n\n",
            "unterminated triple-quoted string literal (detected at line 2)",
            1,
        ),
        ("x = 1abc\n", "invalid decimal literal", 1),
        (
            "x = [1, 2)\n",
            "closing parenthesis ')' does not match opening parenthesis '['",
            1,
        ),
        ("x = 1)\n", "unmatched ')'", 1),
        (
            "x = 'a' b'b'\n",
            "cannot mix bytes and nonbytes literals",
            1,
        ),
        (
            "async def f(): pass\n",
            "sigpy does not support 'async def'",
            1,
        ),
        (
            "match x:\n    case 1: pass\n",
            "sigpy does not support the 'match' statement",
            1,
        ),
        (
            "from . import x\n",
            "sigpy does not support relative imports",
            1,
        ),
        (
            "x = 1j\n",
            "sigpy does not support imaginary (complex) literals",
            1,
        ),
    ];
    for &(src, msg, line) in cases {
        let (_, got, got_line) = error(src);
        assert_eq!((got.as_str(), got_line), (msg, line), "{src:?}");
    }
    let (kind, msg, line) = error("if x:\npass\n");
    assert_eq!(kind, SyntaxErrorKind::Indentation);
    assert_eq!(
        msg,
        "expected an indented block after 'if' statement on line 1"
    );
    assert_eq!(line, 2);
    let (kind, msg, _) = error("x = 1\n  y = 2\n");
    assert_eq!(
        (kind, msg.as_str()),
        (SyntaxErrorKind::Indentation, "unexpected indent")
    );
    assert!(parse_source("match = 1\nmatch(x)\n").is_ok());
}
