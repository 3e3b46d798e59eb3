//! The object model: values and the data structures behind them. Knows
//! nothing about bytecode execution; operations that may call back into
//! Python code live in `vm::ops`.
//!
//! - `value`: `Value` and the heap object structs
//! - `buffer`: `bytearray` and `memoryview` (kept in `Special`)
//! - `dict`, `set`: hash tables with caller-resolved equality
//! - `hash`: CPython-compatible hashing (deterministic)
//! - `exc`: exception kinds and `PyErr`
//! - `frameview`: the frame object a signal handler receives
//! - `gen`: generator objects and their suspended frames
//! - `grave`: deferred freeing of big containers (signal latency)
//! - `num`: int/float arithmetic, parsing and repr
//! - `text`: str/bytes helpers shared by builtins
//! - `unicode`: character properties and case mappings, from the
//!   generated `unicode_db` tables

pub mod buffer;
pub mod dict;
pub mod exc;
pub mod frameview;
pub mod gen;
pub mod grave;
pub mod hash;
pub mod num;
pub mod range;
pub mod set;
pub mod shape;
pub mod text;
pub mod unicode;
pub mod unicode_db;
pub mod value;

pub use exc::{ExcKind, PyErr, RunResult};
pub use value::Value;
