# raise, raise X from Y, __cause__, __context__, raising classes vs instances.

# === raise a class ===
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)

# === raise from ===
try:
    try:
        {}["k"]
    except KeyError as err:
        raise RuntimeError("lookup failed") from err
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__cause__ is e.__context__)

# === raise from None suppresses the context ===
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as e:
    print(repr(e), e.__cause__, repr(e.__context__))

# === implicit context ===
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e.__context__), e.__cause__)

# === raising non-exceptions is a TypeError ===
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError from 1
except TypeError as e:
    print("TypeError:", e)

# === bare raise outside a handler ===
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

# === re-raising a caught exception object later ===
saved = None
try:
    raise KeyError("saved")
except KeyError as e:
    saved = e
try:
    raise saved
except KeyError as e:
    print("raised again:", repr(e), e is saved)

# === uncaught chained exception: last line is the final exception ===
def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise LookupError("no such key: " + key) from e

print(load("a"))
load("zz")
