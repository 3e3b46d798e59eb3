# try/finally and with inside generators: finally runs on close(), on
# exhaustion, on an exception, and when the last reference to a suspended
# generator goes (del, rebinding, a local going out of scope, a loop that
# breaks, a temporary), before the next statement runs.

class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("  exit", self.name, typ.__name__ if typ else None)
        return False

def fin(name):
    try:
        print("  start", name)
        yield 1
        yield 2
    finally:
        print("  finally", name)

# === exhaustion and close ===
print(list(fin("exhausted")))
g = fin("closed")
next(g)
g.close()
print("after close")

# === del, rebinding, None ===
g = fin("del")
next(g)
del g
print("after del")

g = fin("rebound")
next(g)
g = fin("second")
print("after rebinding (second not started)")
g = None
print("after None")

# === a local going out of scope ===
def user():
    g = fin("local")
    print("  user got", next(g))
    return "user returns"

print(user())
print("after user")

# === a loop that breaks ===
for x in fin("loop"):
    print("  body", x)
    break
print("after break")

for x in fin("loop-return"):
    break
else:
    print("not reached")

def loop_in_function():
    for x in fin("loop-in-fn"):
        return x

print(loop_in_function())
print("after loop_in_function")

# === temporaries ===
print(next(fin("temp")))
print("after temp")
print(next(iter(fin("temp2"))), "same statement")

# === with inside a generator ===
def with_gen():
    with CM("a"):
        yield "in a"
        with CM("b"):
            yield "in b"
    yield "outside"

print(list(with_gen()))
g = with_gen()
print(next(g), next(g))
g.close()
print("after close of with_gen")
g = with_gen()
next(g)
del g
print("after del of with_gen")

# throw into a with block
g = with_gen()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError escaped", e)

# a context manager that swallows the thrown exception
class Swallow(CM):
    def __exit__(self, typ, val, tb):
        print("  swallow", typ.__name__ if typ else None)
        return True

def swallowing():
    with Swallow("s"):
        yield 1
    yield "after with"

g = swallowing()
next(g)
print(g.throw(ValueError))
print(g.close())

# === finally with a return value and nested try ===
def nested():
    try:
        try:
            yield "inner"
        finally:
            print("  inner finally")
        yield "between"
    finally:
        print("  outer finally")

g = nested()
print(next(g))
del g
print("after nested del")
g = nested()
print(next(g), next(g))
g.close()

# === except GeneratorExit when the generator is dropped ===
def see_exit(name):
    try:
        yield 1
    except GeneratorExit:
        print("  GeneratorExit in", name)
        raise

g = see_exit("dropped")
next(g)
g = None
print("after drop")

# === finally that yields while being closed: RuntimeError ===
def stubborn():
    try:
        yield 1
    finally:
        print("  stubborn finally")
        yield 2

g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    next(g)
except BaseException as e:
    print("resumed in the finally, it re-raises", type(e).__name__)
print(next(g, "finished"))

# === finally runs once ===
def once():
    try:
        yield 1
    finally:
        print("  once finally")

g = once()
next(g)
g.close()
g.close()
del g
print("after once")

# === a never-started generator runs nothing when dropped ===
g = fin("never")
del g
print("after never")

# === a generator without try: nothing to run ===
def plain():
    yield 1
    print("  not printed")

g = plain()
next(g)
del g
print("after plain")

# === generators kept in containers ===
gens = [fin("list0"), fin("list1")]
for g in gens:
    next(g)
del g
print("dropping the list")
gens = None
print("after list")

# === a generator held by an object ===
class Holder:
    def __init__(self):
        self.g = fin("held")
        next(self.g)

h = Holder()
print("dropping holder")
del h
print("after holder")

# === sys.exc_info inside and after ===
import sys

def exc_info_gen():
    try:
        raise KeyError("inside")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

g = exc_info_gen()
print(next(g), sys.exc_info()[0])
try:
    raise ValueError("outer")
except ValueError:
    print(next(g), sys.exc_info()[0].__name__)
    print(next(g))
print(sys.exc_info())

# === still suspended at exit: closed at shutdown, in creation order ===
left1 = fin("left at exit 1")
next(left1)
left2 = fin("left at exit 2")
next(left2)
print("end of program")
