# __context__ (implicit), __cause__ (raise from), __suppress_context__,
# except-as name cleanup, sys.exc_info(), with_traceback, __traceback__,
# add_note/__notes__.
import sys

# === implicit context ===
try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("x")
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)

# === explicit cause ===
try:
    try:
        [][1]
    except IndexError as ie:
        raise KeyError("k") from ie
except KeyError as e:
    print(type(e.__cause__).__name__, e.__cause__ is e.__context__, e.__suppress_context__)

# === from None ===
try:
    try:
        {}["a"]
    except KeyError:
        raise ValueError("v") from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

# === cause set on a class, cause a class ===
try:
    raise ValueError from TypeError
except ValueError as e:
    print(repr(e.__cause__), type(e.__cause__).__name__)

# === setting attributes by hand ===
e = ValueError("x")
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("c")
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
try:
    e.__cause__ = 5
except TypeError as err:
    print("TypeError:", err)

# === context of a re-raise inside the handler of the same exception ===
try:
    try:
        raise ValueError("same")
    except ValueError as inner:
        raise inner
except ValueError as outer:
    print(outer.__context__)

# === context chain through finally ===
try:
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")
except ValueError as e:
    print(repr(e.__context__))

# === the name is unbound after except ===
try:
    raise ValueError("gone")
except ValueError as err:
    pass
try:
    err
except NameError as ne:
    print("NameError:", ne)

def local_cleanup():
    try:
        raise KeyError(1)
    except KeyError as lerr:
        pass
    return lerr
try:
    local_cleanup()
except UnboundLocalError as ue:
    print("UnboundLocalError:", ue)

x = "before"
try:
    raise TypeError
except TypeError as x:
    pass
print("x" in globals())

# === sys.exc_info ===
print(sys.exc_info())
try:
    raise ValueError("info")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, type(tb).__name__)
    try:
        raise KeyError("nested")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
def in_func():
    return sys.exc_info()[1]
try:
    raise OSError("from func")
except OSError:
    print(repr(in_func()))
try:
    raise RuntimeError("finally")
except RuntimeError:
    pass
finally:
    print(sys.exc_info())

# === with_traceback and __traceback__ ===
try:
    raise ValueError("tb")
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next)
    e2 = RuntimeError("other")
    print(e2.with_traceback(tb) is e2, e2.__traceback__ is tb)
    print(e2.with_traceback(None).__traceback__)

def deep():
    raise KeyError("deep")
try:
    deep()
except KeyError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
    print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)

# === notes ===
e = ValueError("noted")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as err:
    print("TypeError:", err)

# === uncaught: notes are printed after the message (last line is the note) ===
err = KeyError("final")
err.add_note("a note")
raise err
