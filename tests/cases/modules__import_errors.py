# Import failures: missing modules and names, circular imports, errors
# and syntax errors inside imported modules.
import sys
import mod_counter
import mod_basic

HELPERS = mod_basic.__file__.rsplit("/", 1)[0]


def clean(text):
    return str(text).replace(HELPERS, "<helpers>")


# === missing modules ===
try:
    import no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path, e.msg)
try:
    import no_such_module.sub
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import mod_basic.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
print(issubclass(ModuleNotFoundError, ImportError))
try:
    import mod_imports_missing
except ImportError as e:
    print(type(e).__name__, e, "mod_imports_missing" in sys.modules)
print(mod_counter.loads)

# === missing names ===
try:
    from mod_basic import missing_name
except ImportError as e:
    print(type(e).__name__, clean(e))
    print(e.name, clean(e.path), clean(e.msg))
try:
    from sys import no_such_thing
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)

# === ImportError objects ===
e = ImportError("message", name="n", path="p")
print(e, e.name, e.path, e.msg, e.args)
print(repr(ImportError()), ImportError().msg, ImportError(1, 2).msg, str(ImportError(1, 2)))
try:
    ImportError("m", other=1)
except TypeError as t:
    print("TypeError:", t)
e = ImportError("first")
e.msg = "changed"
print(e, e.args)

# === circular imports ===
import mod_circ_a
print(mod_circ_a.X, mod_circ_a.Y, mod_circ_a.mod_circ_b.Z)
print(mod_circ_a.mod_circ_b.ERR)
print(mod_counter.loads)
try:
    import mod_cycle_x
except ImportError as e:
    print(type(e).__name__, clean(e))
    print(e.name, clean(e.path))
print("mod_cycle_x" in sys.modules, "mod_cycle_y" in sys.modules)

# === exceptions raised by a module body ===
try:
    import mod_raises
except ValueError as e:
    print("ValueError:", e, "mod_raises" in sys.modules)
try:
    import mod_raises
except ValueError as e:
    print("again:", e)
print(mod_counter.loads)

# === syntax errors in imported modules ===
try:
    import mod_syntax_bad
except SyntaxError as e:
    print(type(e).__name__, clean(e), e.msg, clean(e.filename), e.lineno, e.offset, repr(e.text))
    print(e.end_lineno, e.end_offset, "mod_syntax_bad" in sys.modules)
try:
    import mod_indent_bad
except SyntaxError as e:
    print(type(e).__name__, clean(e), e.lineno)

# === SyntaxError objects ===
s = SyntaxError("msg", ("dir/file.py", 3, 4, "text\n", 3, 5))
print(s, s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset)
print(repr(str(SyntaxError())), str(SyntaxError("m")), SyntaxError("m").lineno)
print(str(SyntaxError("m", (None, 3, 1, "t"))), str(SyntaxError("m", ("a.py", None, 1, "t"))))
try:
    SyntaxError("m", (1, 2))
except TypeError as t:
    print("TypeError:", t)

# === functions of a module raising through callers ===
import mod_calls_back
print(mod_calls_back.apply(len, "abc"))
try:
    mod_calls_back.apply(mod_calls_back.fail, "key")
except KeyError as e:
    print("KeyError:", e)

# === uncaught: an error inside an imported module ===
import mod_raises
