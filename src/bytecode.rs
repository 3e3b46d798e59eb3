//! The shared vocabulary of compiler and VM: opcodes, code objects, the
//! builder the compiler emits through, and the disassembler behind `--dis`.
//! Depends on neither `compile` nor `vm`.

pub mod builder;
pub mod code;
pub mod disasm;
pub mod opcode;

pub use code::{CodeObject, Constant, ExcEntry};
pub use opcode::{Instr, Opcode};
