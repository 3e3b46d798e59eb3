# type(), isinstance, issubclass, callable, hasattr, repr/str of types and builtins.

# === type() of values ===
for v in [1, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, None, True, range(2), len, print]:
    print(type(v))
print(type(type(1)), type(int))

# === type() as a converter-like check ===
print(type(1) == int, type(True) == int, type(True) == bool)

# === isinstance with builtin types ===
print(isinstance("s", str), isinstance(b"b", bytes), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(set(), set), isinstance(None, object), isinstance(len, object))
print(isinstance(1, (list, tuple)), isinstance([], (list, tuple)))

# === issubclass with builtin types ===
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(str, object))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(ValueError, Exception))

# === callable ===
class K:
    def m(self):
        pass
print(callable(len), callable(K), callable(K().m), callable(lambda: 0), callable("s"), callable(None))

# === type names ===
print(int.__name__, str.__name__, K.__name__, type(K()).__name__, len.__name__)

# === calling types ===
print(int(), float(), str(), list(), tuple(), dict(), set(), bool())
print(str(1), str([1, "a"]), repr("a"), repr(1), str(None), repr(b"x"))

# === isinstance errors ===
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
