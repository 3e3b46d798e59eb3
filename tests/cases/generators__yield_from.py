# yield from: delegation of next/send/throw/close to a subgenerator or any
# iterable, and its value (the subgenerator's return value).

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except BaseException as e:
        print(label, "!!", type(e).__name__, repr(str(e)))

# === yield from iterables ===
def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], (3,), "ab", range(2), {"k": 1}, {7}, b"z")))
print(list(chain(iter([1, 2]), (x * 2 for x in range(3)), enumerate("xy"))))

# === the value of yield from is the return value ===
def inner(n):
    for i in range(n):
        yield i
    return "inner-done-%d" % n

def outer():
    r1 = yield from inner(2)
    print("r1 =", r1)
    r2 = yield from inner(0)
    print("r2 =", r2)
    r3 = yield from [10, 11]
    print("r3 =", r3)
    return "outer-done"

g = outer()
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("exhausted", e.value)

def get_return(gen):
    try:
        while True:
            next(gen)
    except StopIteration as e:
        return e.value

print(get_return(outer()))

# === send is forwarded to the subgenerator ===
def sub_echo():
    got = []
    while len(got) < 3:
        x = yield "sub wants"
        got.append(x)
    return got

def delegator():
    result = yield from sub_echo()
    print("delegator got", result)
    yield "delegator continues"

g = delegator()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send("c"))
show("next", lambda: next(g))

# send to a non-generator iterator: next() for None, AttributeError else
def over_list():
    yield from [1, 2, 3]

g = over_list()
print(next(g), g.send(None))
try:
    g.send(5)
except AttributeError:
    print("AttributeError: no send")

# === a custom iterator with send and a StopIteration value ===
class Sender:
    def __init__(self):
        self.log = []
    def __iter__(self):
        return self
    def __next__(self):
        if len(self.log) >= 3:
            raise StopIteration("sender-result")
        self.log.append("next")
        return len(self.log)
    def send(self, v):
        self.log.append(v)
        if len(self.log) >= 3:
            raise StopIteration("sent-result")
        return "sent %r" % (v,)

def use_sender(s):
    r = yield from s
    yield "result: %s" % r

s = Sender()
g = use_sender(s)
print(next(g), g.send("x"), g.send("y"), s.log)
print(list(use_sender(Sender())))

# === throw is forwarded ===
def sub_catch():
    while True:
        try:
            yield "sub ready"
        except ValueError as e:
            print("sub caught", e)
            yield "sub recovered"

def deleg2():
    try:
        yield from sub_catch()
    except KeyError as e:
        print("outer caught", repr(e))
        yield "outer recovered"

g = deleg2()
print(next(g))
print(g.throw(ValueError("v")))
print(next(g))
print(g.throw(KeyError("k")))
show("after", lambda: next(g))

# the subgenerator returns in answer to throw: yield from ends with its value
def sub_return_on_throw():
    try:
        yield 1
    except ValueError:
        return "returned after throw"

def deleg3():
    r = yield from sub_return_on_throw()
    print("deleg3 got", r)
    yield "deleg3 next"

g = deleg3()
next(g)
print(g.throw(ValueError))

# throw into a delegating generator whose delegate has no throw(): raised
# at the yield from
def deleg_list():
    try:
        yield from [1, 2, 3]
    except ValueError as e:
        yield "caught at yield from: %s" % e

g = deleg_list()
next(g)
print(g.throw(ValueError("x")))

# a delegate with a throw method
class Thrower:
    def __iter__(self):
        return self
    def __next__(self):
        return "thrower next"
    def throw(self, *args):
        print("Thrower.throw got", [type(a).__name__ for a in args])
        if isinstance(args[0], KeyError):
            raise StopIteration("thrower stops")
        return "thrower handled"

def deleg_thrower():
    r = yield from Thrower()
    yield "after thrower: %s" % r

g = deleg_thrower()
print(next(g))
print(g.throw(ValueError("tv")))
print(g.throw(ValueError, "tv2"))
print(g.throw(KeyError("tk")))

# === close is forwarded ===
def sub_fin():
    try:
        yield 1
        yield 2
    finally:
        print("sub finally")

def deleg_fin():
    try:
        yield from sub_fin()
    finally:
        print("outer finally")

g = deleg_fin()
next(g)
g.close()
print("closed")

class Closer:
    def __iter__(self):
        return self
    def __next__(self):
        return 1
    def close(self):
        print("Closer.close called")

def deleg_closer():
    yield from Closer()

g = deleg_closer()
next(g)
g.close()

class BadCloser(Closer):
    def close(self):
        raise KeyError("close failed")

def deleg_bad_closer():
    try:
        yield from BadCloser()
    except KeyError as e:
        print("outer sees", repr(e))
        raise

g = deleg_bad_closer()
next(g)
show("close bad closer", lambda: g.close())

# === exceptions from the subgenerator propagate ===
def sub_raises():
    yield 1
    raise ValueError("from sub")

def deleg_raises():
    try:
        yield from sub_raises()
    except ValueError as e:
        yield "handled %s" % e

print(list(deleg_raises()))

# StopIteration raised inside the subgenerator becomes RuntimeError there
def sub_stop():
    yield 1
    raise StopIteration("bad")

def deleg_stop():
    try:
        yield from sub_stop()
    except RuntimeError as e:
        yield "RuntimeError: %s / cause %r" % (e, e.__cause__)

print(list(deleg_stop()))

# === gi_yieldfrom ===
def sub():
    yield 1

def deleg():
    yield from sub()

g = deleg()
print(g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
list(g)
print(g.gi_yieldfrom)

# === yield from a generator that is already running ===
def loop_self():
    yield from me

me = loop_self()
show("yield from self", lambda: next(me))

# === yield from a non-iterable ===
def bad():
    yield from 5

show("yield from int", lambda: next(bad()))
def bad2():
    yield from None
show("yield from None", lambda: next(bad2()))

# === deep delegation chains ===
def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from depth(n - 1)
    return r + 1

g = depth(50)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)

# === yield from an exhausted generator ===
def once():
    yield 1
    return "once"

o = once()
list(o)
def from_exhausted():
    r = yield from o
    yield r

print(list(from_exhausted()))

# === yield from inside expressions ===
def in_expr():
    x = [(yield from inner(1)), (yield from inner(2))]
    yield x

print(list(in_expr()))
