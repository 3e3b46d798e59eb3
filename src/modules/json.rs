//! The `json` module: `dumps`/`dump`/`loads`/`load`, `JSONEncoder`,
//! `JSONDecoder` and `JSONDecodeError` (a `ValueError` with `msg`, `doc`,
//! `pos`, `lineno`, `colno`), with CPython's output and messages. The
//! scanning and the encoding are native (`json/decoder.rs`,
//! `json/encoder.rs`); the classes and functions around them are Python
//! code (`json.py`) following Lib/json 3.11. `json.decoder` and
//! `json.encoder` exist as submodules holding their classes.

mod decoder;
mod encoder;

use crate::runtime::value::Value;
use crate::vm::Vm;

/// The Python part of the module.
pub const SOURCE: &str = include_str!("json.py");

const JSON_FUNCTIONS: &[(&str, crate::runtime::value::NativeFn, &str)] = function_table!(
    "json";
    "_encode_str" => encoder::json_encode_str,
    "_iterencode" => encoder::json_iterencode,
    "_scan_once" => decoder::json_scan_once,
);

/// Creates `json` with its submodules `json.decoder` and `json.encoder`
/// (cached in `sys.modules`; the Python part fills them).
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "json", JSON_FUNCTIONS);
    for sub in ["decoder", "encoder"] {
        let full = format!("json.{}", sub);
        let sm = Value::Module(super::new_module(vm, &full, &[]));
        super::set_attr(vm, &m, sub, sm.clone());
        let key = vm.intern(&full);
        vm.modules.d.borrow_mut().set_str(key, sm);
    }
    Value::Module(m)
}
