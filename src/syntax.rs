//! The front end: source text to tokens to AST. It imports nothing from
//! `compile`, `bytecode`, `vm` or `runtime`.
//!
//! - `span`: byte spans, line/column lookup, caret rendering
//! - `token`: the token enum and its canonical text
//! - `lexer`: text to tokens, with INDENT/DEDENT
//! - `ast`: statement and expression nodes
//! - `parser`: recursive descent to an `ast::Module`
//! - `error`: `SyntaxError` with CPython's messages

pub mod ast;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod span;
pub mod token;

pub use error::SyntaxError;
pub use span::{SourceFile, Span};
