//! The `string` module: the character-class constants and `capwords`.

use crate::runtime::value::Value;
use crate::vm::Vm;

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

/// Creates the `string` module.
pub fn init(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "string", &[]);
    let letters = format!("{}{}", LOWER, UPPER);
    let printable = format!("{}{}{}{}", DIGITS, letters, PUNCTUATION, WHITESPACE);
    let attrs = [
        ("ascii_letters", letters),
        ("ascii_lowercase", LOWER.to_string()),
        ("ascii_uppercase", UPPER.to_string()),
        ("digits", DIGITS.to_string()),
        ("hexdigits", "0123456789abcdefABCDEF".to_string()),
        ("octdigits", "01234567".to_string()),
        ("printable", printable),
        ("punctuation", PUNCTUATION.to_string()),
        ("whitespace", WHITESPACE.to_string()),
    ];
    for (name, v) in attrs {
        super::set_attr(vm, &m, name, Value::string(v));
    }
    Value::Module(m)
}

/// `capwords` is Python code, so its argument errors are a Python
/// function's, as in CPython.
pub const SOURCE: &str = "\
def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))
";
