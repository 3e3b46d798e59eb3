//! AST to `CodeObject`: scope analysis (`scope`) then lowering (`compiler`).

pub mod compiler;
pub mod scope;

pub use compiler::{compile_module, compile_module_warnings, SyntaxWarning};
