# Exception args/str/repr, KeyError's str, user exceptions with custom
# __init__/__str__, raise of classes vs instances vs non-exceptions, assert.

# === args, str, repr for 0, 1, many args ===
for e in [Exception(), Exception("one"), Exception("a", 2), Exception(None),
          ValueError(""), ValueError(3), OSError("x", "y", "z"),
          KeyError(), KeyError("k"), KeyError("k", "v"), KeyError(0), KeyError(""),
          IndexError(), StopIteration(5), SystemExit(3), ArithmeticError([1])]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))

# === args is a tuple, can be reassigned ===
e = Exception("x")
e.args = ["a", "b"]
print(e.args, str(e), repr(e))
e.args = ()
print(repr(str(e)))

# === keyword arguments are rejected ===
try:
    ValueError(x=1)
except TypeError as err:
    print("TypeError:", err)

# === user exceptions with custom __init__ and __str__ ===
class WithInit(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
class WithStr(ValueError):
    def __str__(self):
        return "custom str"
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
w = WithInit(404, "not found")
print(w.args, str(w), repr(w), w.code)
n = NoSuper(1, 2)
print(n.args, repr(str(n)), repr(n), n.a)
s = WithStr("ignored")
print(str(s), repr(s), s.args)
print(str(WithRepr("m")), repr(WithRepr("m")))
class Empty(Exception):
    pass
print(repr(Empty()), repr(Empty(1, 2)), Empty.__mro__[1].__name__)

# === raising classes vs instances ===
for thing in [ValueError, ValueError("inst"), WithStr, Empty]:
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, repr(str(e)))

# === raising non-exceptions ===
for bad in [5, "str", None, int, object(), [ValueError]]:
    try:
        raise bad
    except TypeError as e:
        print("TypeError:", e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError:", e)
try:
    raise NotExc()
except TypeError as e:
    print("TypeError:", e)
class BadInit(Exception):
    def __init__(self):
        raise RuntimeError("init failed")
try:
    raise BadInit
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    raise WithInit
except TypeError as e:
    print("TypeError:", e)

# === except with tuples, classes, errors in except clauses ===
try:
    try:
        raise KeyError("t")
    except (TypeError, (IndexError, LookupError)) as e:
        print("nested tuples are not allowed in except")
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise KeyError("t")
    except 5:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise KeyError("t")
    except (KeyError, 5):
        print("first match wins")
except TypeError as e:
    print("TypeError:", e)

# === assert ===
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert [], ["list", "msg"]
except AssertionError as e:
    print("AssertionError:", e.args)
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e), e.args)
assert True, "not evaluated" + 1
def msg():
    print("msg evaluated")
    return "m"
try:
    assert 0, msg()
except AssertionError as e:
    print(e)

# === exception instances compare by identity, are hashable ===
a, b = ValueError(1), ValueError(1)
print(a == b, a == a, len({a, b}))

# === OSError(errno, msg) picks the errno's subclass ===
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 999]:
    e = OSError(n, "msg")
    print(n, type(e).__name__, e.errno, e.strerror, str(e))
print(type(OSError(2)).__name__, type(OSError("2", "x")).__name__, type(FileExistsError(2, "x")).__name__)
try:
    raise OSError(2, "No such file or directory", "f.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e, e.filename)

# === uncaught: raise of a non-exception ===
raise 42
