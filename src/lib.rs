//! sigpy: a Linux-only interpreter for a subset of Python 3 whose signal
//! handling is correct by construction.
//!
//! The pipeline, one module per stage, dependencies pointing one way:
//! `syntax` (lexer, parser, AST) -> `compile` (scopes, lowering) ->
//! `bytecode` (opcodes, code objects) <- `vm` (frames, dispatch) ->
//! `runtime` (object model). `builtins` and `modules` register functions
//! with the VM; `linux` is the only module allowed `unsafe`. `explore` is the
//! `sigpy explore` driver, which runs sigpy itself as child processes.

pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod explore;
pub mod interp;
pub mod linux;
pub mod modules;
pub mod runtime;
pub mod signals;
pub mod syntax;
pub mod vm;

pub use interp::Interpreter;
