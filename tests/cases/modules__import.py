# User modules: finding, running once, caching, import forms.
import sys
import mod_counter
import mod_basic

HELPERS = mod_basic.__file__.rsplit("/", 1)[0]


def clean(text):
    return str(text).replace(HELPERS, "<helpers>")


# === import runs the module once ===
print(mod_counter.loads)
import mod_basic
import mod_basic as again
print(mod_counter.loads, again is mod_basic)
print(mod_basic.VALUE, mod_basic.greet("world"), mod_basic.Thing(3))
print(mod_basic.where(), mod_basic.__name__, mod_basic.__doc__)
print(clean(mod_basic.__file__))
print(clean(repr(mod_basic)))
print(mod_basic.Thing.__module__, mod_basic.greet.__module__)

# === module attributes and dir ===
names = dir(mod_basic)
print([n for n in names if not n.startswith("__")])
print("__name__" in names, "__file__" in names, "__doc__" in names, "__builtins__" in names)
mod_basic.extra = "set from outside"
print(mod_basic.extra, "extra" in dir(mod_basic), getattr(mod_basic, "VALUE"))
del mod_basic.extra
print(hasattr(mod_basic, "extra"))
try:
    mod_basic.nope
except AttributeError as e:
    print("AttributeError:", e)
print(type(mod_basic).__name__, isinstance(mod_basic, type(sys)))
print(vars(mod_basic) is mod_basic.__dict__, mod_basic.__dict__["VALUE"])

# === sys.modules and sys.path ===
print(type(sys.modules).__name__, sys.modules["mod_basic"] is mod_basic)
print("mod_counter" in sys.modules, "mod_star" in sys.modules)
print(type(sys.path).__name__, clean(sys.path[1]))
print(sys.modules["__main__"].__name__, __name__)

# === reimport after removal from sys.modules ===
del sys.modules["mod_basic"]
import mod_basic as fresh
print(fresh is mod_basic, mod_counter.loads)
sys.modules["mod_fake"] = "not even a module"
import mod_fake
print(mod_fake)

# === from imports ===
from mod_basic import VALUE, greet as hi, Thing
print(VALUE, hi("you"), Thing(1))
from mod_getattr import real, dyn_abc
print(real, dyn_abc)
import mod_getattr
print(mod_getattr.dyn_xyz)
try:
    mod_getattr.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    from mod_getattr import other
except ImportError as e:
    print("ImportError:", clean(e))

# === star imports ===
from mod_star import *
print(a, b, _c)
try:
    d
except NameError as e:
    print("NameError:", e)
from mod_nostar import *
print(x, y)
try:
    _hidden
except NameError as e:
    print("NameError:", e)
try:
    from mod_bad_all import *
except AttributeError as e:
    print("AttributeError:", e)

# === a module that replaces itself in sys.modules ===
import mod_self_replace
print(type(mod_self_replace).__name__, mod_self_replace.answer)

# === __main__ ===
if __name__ == "__main__":
    print("running as __main__")
print(__file__.endswith("modules__import.py"), sys.modules["__main__"].__file__ == __file__)
