# Exception handlers: matching order, bare except, BaseException vs
# Exception, exceptions inside __exit__, errors in __str__, re-raise forms,
# handler variables in nested scopes, exceptions crossing function frames.
import sys

# === first matching clause wins, in order ===
def which(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError"
    except LookupError:
        return "LookupError"
    except Exception:
        return "Exception"
    except BaseException:
        return "BaseException"
print([which(e) for e in [KeyError(), IndexError(), ValueError(), SystemExit(), KeyboardInterrupt()]])

# === bare except catches everything, including SystemExit ===
try:
    sys.exit(4)
except:
    print("bare caught", sys.exc_info()[0].__name__, sys.exc_info()[1].code)
try:
    raise GeneratorExit
except Exception:
    print("wrong")
except BaseException as e:
    print("GeneratorExit is not an Exception:", type(e).__name__)

# === re-raise forms ===
def reraise_bare():
    try:
        raise ValueError("orig")
    except ValueError:
        raise
def reraise_named():
    try:
        raise ValueError("orig")
    except ValueError as e:
        raise e
def reraise_new():
    try:
        raise ValueError("orig")
    except ValueError as e:
        raise TypeError("new")
for f in [reraise_bare, reraise_named, reraise_new]:
    try:
        f()
    except Exception as e:
        print(f.__name__, type(e).__name__, e, repr(e.__context__))

# === raise inside nested handlers restores the outer exception ===
try:
    raise KeyError("outer")
except KeyError:
    try:
        raise ValueError("inner")
    except ValueError:
        pass
    print("after inner:", repr(sys.exc_info()[1]))
    try:
        raise
    except KeyError as e:
        print("bare raise re-raised", repr(e))

# === exceptions in __exit__, and __exit__ suppressing ===
class Exit:
    def __init__(self, mode):
        self.mode = mode
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit got", t.__name__ if t else None, repr(v), tb is not None)
        if self.mode == "raise":
            raise RuntimeError("from exit")
        return self.mode == "swallow"
for mode in ["swallow", "propagate", "raise"]:
    try:
        with Exit(mode):
            raise ValueError(mode)
        print("body exception swallowed")
    except Exception as e:
        print(mode, "->", type(e).__name__, e, repr(e.__context__))
with Exit("raise") if False else Exit("swallow"):
    pass

# === a failing __str__ in a handler message ===
class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("str failed")
try:
    raise BadStr()
except BadStr as e:
    try:
        str(e)
    except RuntimeError as inner:
        print("RuntimeError:", inner)
    print(repr(e))

# === handler variable captured by a closure is still deleted after ===
def closure_capture():
    fs = []
    try:
        raise ValueError("captured")
    except ValueError as e:
        msg = str(e)
        fs.append(lambda: msg)
    return fs[0]()
print(closure_capture())

def uses_after():
    try:
        raise KeyError("k")
    except KeyError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return "UnboundLocalError: " + str(err)
print(uses_after())

# === exceptions propagate through several frames, finally blocks run ===
trail = []
def level(n):
    try:
        if n == 0:
            raise LookupError("bottom")
        level(n - 1)
    finally:
        trail.append(n)
try:
    level(3)
except LookupError as e:
    print("caught", e, trail)

# === exception raised in a handler's except expression ===
def bad_clause():
    try:
        raise ValueError
    except undefined_name:
        pass
try:
    bad_clause()
except NameError as e:
    print("NameError:", e, type(e.__context__).__name__)

# === StopIteration and the loop protocol ===
it = iter([1])
next(it)
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
try:
    raise StopIteration(42)
except StopIteration as e:
    print(e.value)

# === uncaught: SystemExit with a message goes to stderr, status 1 ===
print("before exit")
sys.exit("fatal: giving up")
