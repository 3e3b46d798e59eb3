//! Interned names the VM looks up often (dunder methods), created once.

use std::rc::Rc;

use crate::runtime::value::PyStr;

macro_rules! names {
    ($($field:ident = $text:expr,)*) => {
        /// Pre-interned dunder names.
        pub struct Names {
            $(pub $field: Rc<PyStr>,)*
        }

        impl Names {
            pub fn new(intern: &mut dyn FnMut(&str) -> Rc<PyStr>) -> Names {
                Names {
                    $($field: intern($text),)*
                }
            }
        }
    };
}

names! {
    stdin = "stdin",
    stdout = "stdout",
    init = "__init__",
    new = "__new__",
    call = "__call__",
    getattr = "__getattr__",
    repr = "__repr__",
    str_ = "__str__",
    eq = "__eq__",
    ne = "__ne__",
    lt = "__lt__",
    le = "__le__",
    gt = "__gt__",
    ge = "__ge__",
    hash = "__hash__",
    len = "__len__",
    bool_ = "__bool__",
    contains = "__contains__",
    getitem = "__getitem__",
    setitem = "__setitem__",
    delitem = "__delitem__",
    iter = "__iter__",
    next = "__next__",
    enter = "__enter__",
    exit = "__exit__",
    name = "__name__",
    neg = "__neg__",
    pos = "__pos__",
    invert = "__invert__",
    index = "__index__",
    int_ = "__int__",
    float_ = "__float__",
    format = "__format__",
    reversed = "__reversed__",
    missing = "__missing__",
    class_cell = "__classcell__",
    module = "__module__",
    qualname = "__qualname__",
    main = "__main__",
    builtins = "builtins",
}
