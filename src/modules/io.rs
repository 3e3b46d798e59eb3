//! The `io` module: `open` (the builtin), `UnsupportedOperation`,
//! `DEFAULT_BUFFER_SIZE` and the `SEEK_*` constants. File objects are in
//! `builtins::file`.

use crate::runtime::exc::ExcKind;
use crate::runtime::value::{NativeFn, Value};
use crate::vm::Vm;

const IO_FUNCTIONS: &[(&str, NativeFn, &str)] = function_table!(
    "io";
    "open" => crate::builtins::file::builtin_open,
);

/// Creates the `io` module.
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "io", IO_FUNCTIONS);
    let unsupported = Value::Class(vm.types.exc(ExcKind::UnsupportedOperation).clone());
    let size = crate::builtins::stream::DEFAULT_BUFFER_SIZE as i64;
    let attrs = [
        ("UnsupportedOperation", unsupported),
        ("DEFAULT_BUFFER_SIZE", Value::Int(size)),
        ("SEEK_SET", Value::Int(0)),
        ("SEEK_CUR", Value::Int(1)),
        ("SEEK_END", Value::Int(2)),
    ];
    for (name, v) in attrs {
        super::set_attr(vm, &m, name, v);
    }
    Value::Module(m)
}
