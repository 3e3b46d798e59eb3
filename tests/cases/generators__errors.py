# Exceptions in generators: propagation to the consumer, PEP 479,
# "generator already executing", recursion through generators against the
# recursion limit, and an uncaught exception from a generator frame.

import sys

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except BaseException as e:
        print(label, "!!", type(e).__name__, repr(str(e)))

# === an exception ends the generator ===
def fails():
    yield 1
    raise ValueError("boom")
    yield 2

g = fails()
print(next(g))
show("next", lambda: next(g))
show("next again", lambda: next(g))
show("list of failing", lambda: list(fails()))
show("sum of failing", lambda: sum(fails()))

# the consumer's except sees the generator's exception
try:
    for x in fails():
        print("loop", x)
except ValueError as e:
    print("loop ended by", repr(e))

# === exceptions raised in the consumer do not touch the generator ===
def counter():
    n = 0
    while True:
        n += 1
        yield n

g = counter()
try:
    for x in g:
        if x == 3:
            raise KeyError("consumer")
except KeyError:
    pass
print(next(g))

# === PEP 479 ===
def leaks_stop():
    yield 1
    next(iter([]))

g = leaks_stop()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, "| suppress:", e.__suppress_context__)

def raises_stop_value():
    yield 1
    raise StopIteration(42)

show("list", lambda: list(raises_stop_value()))

# StopIteration caught inside the generator is fine
def catches_stop():
    it = iter([1])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return "clean"

print(list(catches_stop()))

# a StopIteration subclass is converted too
class MyStop(StopIteration):
    pass

def raises_sub():
    raise MyStop("sub")
    yield

show("subclass", lambda: next(raises_sub()))

# RuntimeError itself passes through unchanged
def raises_runtime():
    raise RuntimeError("plain")
    yield

show("runtime", lambda: next(raises_runtime()))

# === exception context across yields ===
def ctx():
    try:
        raise KeyError("first")
    except KeyError:
        yield "in handler"
        raise ValueError("second")

g = ctx()
next(g)
try:
    next(g)
except ValueError as e:
    print("context:", repr(e.__context__))

# the consumer's handled exception is the context of one raised in the
# generator (the chain of handled exceptions)
def raises_plain():
    yield 1
    raise TypeError("in gen")

g = raises_plain()
next(g)
try:
    raise KeyError("consumer")
except KeyError:
    try:
        next(g)
    except TypeError as e:
        print("context:", repr(e.__context__))

# bare raise inside a generator re-raises the generator's exception
def bare():
    try:
        raise ValueError("own")
    except ValueError:
        yield 1
        raise

g = bare()
next(g)
try:
    raise KeyError("outer")
except KeyError:
    try:
        next(g)
    except ValueError as e:
        print("bare raise gave", repr(e))

# === generator already executing ===
def reenter():
    yield next(gen)

gen = reenter()
show("reenter", lambda: next(gen))

# === generator returned from a method and used after the object goes ===
class Box:
    def __init__(self, items):
        self.items = items
    def gen(self):
        for i in self.items:
            yield i

g = Box([1, 2]).gen()
print(list(g))

# === recursion through generators counts against the limit ===
def deep(n):
    yield n
    yield from deep(n + 1)

last = None
try:
    for last in deep(0):
        pass
except RecursionError as e:
    print("RecursionError", e, "last < 1000:", last < 1000, "last > 900:", last > 900)

def deep_for(n):
    for x in deep_for(n + 1):
        yield x
    yield n

show("deep_for", lambda: sum(deep_for(0)))

def rec_genexp(n):
    return list(x for x in rec_genexp(n + 1))

show("rec_genexp", lambda: rec_genexp(0))

# moderate depth works
def chain_depth(n):
    if n == 0:
        yield 0
    else:
        yield from chain_depth(n - 1)

print(list(chain_depth(500)))
print(sys.getrecursionlimit())

# === errors while creating generators ===
def needs_arg(a):
    yield a

show("missing arg", lambda: needs_arg())
show("extra arg", lambda: needs_arg(1, 2))
show("bad kw", lambda: needs_arg(b=1))

# === the generator's frame is in the traceback of an uncaught error ===
def inner_fail(x):
    yield x
    yield 1 // (x - x)

def outer_gen():
    yield from inner_fail(3)

for v in outer_gen():
    print("value", v)
