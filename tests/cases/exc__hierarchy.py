# The built-in exception hierarchy: catching by base class.

# === catching by base class ===
cases = [
    (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (UnboundLocalError, NameError),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (FileNotFoundError, OSError),
    (ModuleNotFoundError, ImportError),
    (StopIteration, Exception),
    (AssertionError, Exception),
    (AttributeError, Exception),
    (TypeError, Exception),
    (ValueError, Exception),
    (Exception, BaseException),
    (KeyboardInterrupt, BaseException),
    (SystemExit, BaseException),
]
for sub, base in cases:
    try:
        raise sub("msg")
    except base as e:
        print(sub.__name__, "caught as", base.__name__, type(e).__name__)

# === issubclass facts ===
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception))
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError))
print(issubclass(TimeoutError, OSError), issubclass(UnicodeDecodeError, ValueError))
print(issubclass(IndentationError, SyntaxError), issubclass(LookupError, Exception))

# === real errors have the right types ===
def kind(fn):
    try:
        fn()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
    return "no error"

print(kind(lambda: 1 // 0))
print(kind(lambda: 1 % 0))
print(kind(lambda: [][0]))
print(kind(lambda: (1, 2)[5]))
print(kind(lambda: {}["k"]))
print(kind(lambda: {}[1]))
print(kind(lambda: undefined_name))
print(kind(lambda: (1).foo))
print(kind(lambda: 1 + "a"))
print(kind(lambda: "a" + 1))
print(kind(lambda: "a" * "b"))
print(kind(lambda: [] - []))
print(kind(lambda: -"a"))
print(kind(lambda: len(5)))
print(kind(lambda: int("z")))
print(kind(lambda: [1].index(2)))
print(kind(lambda: "abc".index("z")))
nothing = None
five = 5
abc = "abc"
print(kind(lambda: nothing()))
print(kind(lambda: five[0]))
print(kind(lambda: {[]: 1}))
print(kind(lambda: iter(5)))
print(kind(lambda: next(iter([]))))
print(kind(lambda: "x" < 1))
print(kind(lambda: abc[1.5]))

# === except Exception does not catch SystemExit / KeyboardInterrupt ===
def escape(exc):
    try:
        try:
            raise exc
        except Exception:
            return "caught by Exception"
    except BaseException as e:
        return "escaped Exception: " + type(e).__name__
print(escape(SystemExit(3)), escape(KeyboardInterrupt()), escape(ValueError()))

# === exception args and str for several arities ===
print(str(Exception()), str(Exception("one")), str(Exception("a", "b")), str(Exception(1)))
print(repr(Exception()), repr(Exception("one")), repr(Exception("a", 2)))
print(str(KeyError("k")), str(KeyError("a", "b")), repr(KeyError()))
e = OSError(2, "No such file")
print(e.args, str(e))
