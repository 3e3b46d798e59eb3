# The whole built-in exception hierarchy of LANGUAGE.md: every class's MRO,
# pairwise issubclass, isinstance with (nested) tuples, OSError aliases.

classes = [
    BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception,
    StopIteration, ArithmeticError, ZeroDivisionError, OverflowError,
    AssertionError, AttributeError, LookupError, IndexError, KeyError,
    NameError, UnboundLocalError, TypeError, ValueError, RuntimeError,
    RecursionError, NotImplementedError, ImportError, ModuleNotFoundError,
    OSError, FileNotFoundError, FileExistsError, PermissionError,
    IsADirectoryError, NotADirectoryError, BrokenPipeError, ConnectionError,
    ConnectionResetError, ConnectionRefusedError, ConnectionAbortedError,
    TimeoutError, ChildProcessError, BlockingIOError, InterruptedError,
    ProcessLookupError, UnicodeDecodeError, UnicodeError, SyntaxError,
    IndentationError,
]

# === each class's MRO ===
for c in classes:
    print(c.__name__, [k.__name__ for k in c.__mro__[1:]])

# === pairwise issubclass matrix (one line per class) ===
for a in classes:
    print(a.__name__, "".join(["1" if issubclass(a, b) else "." for b in classes]))

# === aliases ===
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(TimeoutError, OSError))

# === isinstance/issubclass with tuples and nested tuples ===
e = KeyError("k")
print(isinstance(e, (TypeError, LookupError)), isinstance(e, (TypeError, (ValueError, (KeyError,)))))
print(isinstance(e, ()), issubclass(KeyError, ((), (Exception,))), issubclass(bool, (str, (int,))))
print(isinstance(3, (str, float)), isinstance(True, int), issubclass(int, object))
try:
    isinstance(e, (KeyError, 5))
except TypeError as err:
    print("no error: first match wins")
try:
    isinstance(e, (ValueError, 5))
except TypeError as err:
    print("TypeError:", err)
try:
    issubclass(e, Exception)
except TypeError as err:
    print("TypeError:", err)
try:
    issubclass(KeyError, "x")
except TypeError as err:
    print("TypeError:", err)
try:
    isinstance(e, KeyError())
except TypeError as err:
    print("TypeError:", err)

# === user classes in the hierarchy ===
class MyErr(LookupError):
    pass
class MyOS(ConnectionResetError):
    pass
print([k.__name__ for k in MyOS.__mro__])
print(issubclass(MyErr, (KeyError, LookupError)), isinstance(MyOS(), ConnectionError))
try:
    raise MyOS("reset")
except ConnectionError as e:
    print("caught", type(e).__name__, e)

# === uncaught: a subclass raised, message printed with the class name ===
raise MyErr("lookup")
