//! Operations on values that may run Python code (dunder methods), as
//! methods of `Vm`. The dispatch loop calls these; so do the builtins.
//!
//! - `call`: calling any callable, argument binding, instantiation
//! - `attr`: attribute get/set/delete, class lookup, method loading
//! - `binary`: arithmetic and unary operators
//! - `build`: helpers of the general dispatch path (globals, functions,
//!   classes, collections, unpacking, formatting)
//! - `compare`: equality, ordering, `in`, hashing, truthiness
//! - `iter`: `iter()` and `next()` for every iterable
//! - `repr`: `repr()` and `str()`
//! - `class`: class creation, MRO, isinstance/issubclass
//! - `subscr`: indexing and slicing
//! - `readonly`: errors of setting attributes of built-in values

pub mod attr;
pub mod binary;
pub mod build;
pub mod call;
pub mod class;
pub mod compare;
pub mod iter;
pub mod readonly;
pub mod repr;
pub mod subscr;

pub use class::{is_subclass, isinstance_class};
