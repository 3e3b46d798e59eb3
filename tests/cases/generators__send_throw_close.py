# send(), throw() and close() on generators, with CPython 3.11's argument
# rules and messages.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except BaseException as e:
        print(label, "!!", type(e).__name__, repr(str(e)), e.args)

# === send ===
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

a = averager()
print(next(a), a.send(10), a.send(30), a.send(5))
print(a.send(1) == (10 + 30 + 5 + 1) / 4)

def started():
    x = yield 1
    print("got", x)
    yield 2

g = started()
show("send non-None first", lambda: g.send(5))
print(g.send(None), g.send("hello"))
show("send after end", lambda: g.send("late"))
show("send no args", lambda: g.send())
show("send two args", lambda: g.send(1, 2))
show("send kw", lambda: g.send(value=1))

# send(None) starts a generator like next()
g = started()
print(g.send(None))

# === throw ===
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught ValueError", e)
        except KeyError as e:
            print("caught KeyError", e)
            yield "after KeyError"

g = catcher()
print(next(g))
print(g.throw(ValueError("v1")))
print(g.throw(KeyError("k1")))
print(next(g))
print(g.throw(ValueError, "v2"))
print(g.throw(ValueError, ("a", "b")))
print(g.throw(ValueError, ValueError("inst")))
print(g.throw(ValueError, None))
print(g.throw(ValueError, None, None))
show("throw uncaught", lambda: g.throw(TypeError("not caught")))
show("throw into finished", lambda: g.throw(ValueError("finished")))
show("next after uncaught", lambda: next(g))

# argument errors
g = catcher()
next(g)
show("throw()", lambda: g.throw())
show("throw 4 args", lambda: g.throw(1, 2, 3, 4))
show("throw int", lambda: g.throw(1))
show("throw str", lambda: g.throw("boom"))
show("throw non-exception class", lambda: g.throw(int))
show("throw bad traceback", lambda: g.throw(ValueError, 1, 2))
show("throw instance with value", lambda: g.throw(ValueError("a"), 1))
show("throw instance and None", lambda: g.throw(ValueError("b"), None))
print(next(g))

# throw into a generator that never started: it ends at once
def never():
    print("never runs")
    yield 1

g = never()
show("throw unstarted", lambda: g.throw(KeyError("k")))
show("next after", lambda: next(g))
show("throw StopIteration unstarted", lambda: never().throw(StopIteration))

# throw StopIteration into a suspended generator: PEP 479
def simple():
    yield 1
    yield 2

g = simple()
next(g)
show("throw StopIteration", lambda: g.throw(StopIteration))
g = simple()
next(g)
try:
    g.throw(StopIteration("x"))
except RuntimeError as e:
    print("cause:", repr(e.__cause__), "context is cause:", e.__context__ is e.__cause__)
    print("suppress:", e.__suppress_context__)

# the thrown exception is the same object
err = ValueError("same")
def reraiser():
    try:
        yield
    except ValueError as e:
        print("inside is err:", e is err)
        raise

g = reraiser()
next(g)
try:
    g.throw(err)
except ValueError as e:
    print("outside is err:", e is err)

# throw handled by returning: StopIteration with the value
def returner():
    try:
        yield 1
    except ValueError:
        return "handled"

g = returner()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration value", e.value)

# a thrown exception does not chain to the caller's handled exception
g = simple()
next(g)
try:
    raise KeyError("outer")
except KeyError:
    try:
        g.throw(ValueError("v"))
    except ValueError as e:
        print("context:", e.__context__)

# but it does chain to the generator's own handled exception
def handling():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1

g = handling()
next(g)
try:
    g.throw(ValueError("w"))
except ValueError as e:
    print("context:", repr(e.__context__))

# === close ===
def closable():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = closable()
print(next(g))
print(g.close())
print(g.close())
show("next after close", lambda: next(g))

g = closable()
print(g.close(), "(never started: no cleanup)")
show("next after close of unstarted", lambda: next(g))

print(closable().close())

def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen", type(GeneratorExit()).__mro__[1].__name__)
        raise

g = catches_exit()
next(g)
g.close()

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"

g = returns_on_exit()
next(g)
print("close returns", g.close())

def ignores_exit():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring")

g = ignores_exit()
next(g)
show("close ignored", lambda: g.close())
show("close again", lambda: g.close())

def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")

g = raises_other()
next(g)
show("close raises", lambda: g.close())
show("close after", lambda: g.close())

def stop_on_exit():
    try:
        yield 1
    except GeneratorExit:
        raise StopIteration("odd")

g = stop_on_exit()
next(g)
show("close with StopIteration", lambda: g.close())

show("close(1)", lambda: closable().close(1))

# GeneratorExit is a BaseException: except Exception does not catch it
def broad():
    try:
        yield 1
    except Exception:
        print("not reached")
    finally:
        print("finally runs")

g = broad()
next(g)
g.close()

# throw(GeneratorExit) propagates GeneratorExit
g = broad()
next(g)
show("throw GeneratorExit", lambda: g.throw(GeneratorExit))

# === generator already executing ===
def selfish():
    yield me.send(None)

me = selfish()
show("send to running", lambda: next(me))

def self_close():
    me2.close()
    yield 1

me2 = self_close()
show("close running", lambda: next(me2))

def self_throw():
    me3.throw(ValueError)
    yield 1

me3 = self_throw()
show("throw running", lambda: next(me3))

def self_next():
    yield next(me4)

me4 = self_next()
show("next running", lambda: next(me4))
show("after", lambda: next(me4))
