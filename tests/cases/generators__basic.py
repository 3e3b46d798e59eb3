# Generator functions: yield as statement and expression, next(), for,
# return values, exhaustion, repr and type, generators as methods and
# closures.

# === a simple generator ===
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

g = count(3)
print(type(g).__name__, type(g) is type(count(0)))
print(repr(g).startswith("<generator object count at 0x"), repr(g).endswith(">"))
print(next(g), next(g), next(g))
print(next(g, "default"), next(g, None))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e), e.value, e.args)

# === the body runs lazily ===
def noisy():
    print("  start")
    yield 1
    print("  middle")
    yield 2
    print("  end")

g = noisy()
print("created")
print("first", next(g))
print("second", next(g))
print("third", next(g, "exhausted"))
print("again", next(g, "exhausted"))

# === for loops, list(), and the interleaving of prints ===
for v in noisy():
    print("got", v)
print(list(noisy()))

# === iter(gen) is gen, __next__, __iter__ ===
g = count(5)
print(iter(g) is g, g.__iter__() is g, g.__next__(), next(g))
print(list(g), list(g))

# === return value carried by StopIteration ===
def with_return():
    yield "a"
    return "result"

g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
try:
    next(g)
except StopIteration as e:
    print("after exhaustion:", e.value, e.args)

def returns_none():
    yield 1
    return None

g = returns_none()
next(g)
try:
    next(g)
except StopIteration as e:
    print("None return:", e.value, e.args)

def returns_tuple():
    return (1, 2)
    yield

try:
    next(returns_tuple())
except StopIteration as e:
    print("tuple return:", e.value, e.args)

# === yield as an expression ===
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("echo returned", e.value)

def exprs():
    a = (yield 1) + (yield 2)
    print("sum", a)
    b = [(yield 3), (yield 4)]
    print("list", b)
    yield a, b

g = exprs()
print(next(g), g.send(10), g.send(20), g.send("x"), g.send("y"))

# === a bare yield yields None ===
def bare():
    yield
    yield

print(list(bare()))

# === an empty generator (yield after return) ===
def empty():
    return
    yield 1

print(list(empty()), next(empty(), "nothing"))

# === generators are independent ===
a, b = count(3), count(3)
print(next(a), next(a), next(b), next(a), next(b))

# === locals persist across yields ===
def acc():
    total = 0
    for i in range(1, 5):
        total += i
        yield total

print(list(acc()))

# === arguments: defaults, *args, **kwargs, keyword-only ===
def params(a, b=2, *rest, k=3, **kw):
    yield a
    yield b
    yield rest
    yield k
    yield sorted(kw.items())

print(list(params(1)))
print(list(params(1, 5, 6, 7, k=8, x=9, y=10)))
try:
    params()
except TypeError as e:
    print("TypeError:", e)
try:
    params(1, k=1, k2=2, b=0, a=4)
except TypeError as e:
    print("TypeError:", e)

# === generators as methods ===
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def walk(self):
        yield self.value
        for c in self.children:
            yield from c.walk()

    def __iter__(self):
        yield from self.walk()

    @staticmethod
    def stat(n):
        yield from range(n)

    @classmethod
    def cls(cls, n):
        for i in range(n):
            yield cls.__name__ + str(i)

t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t.walk()), list(t), list(Tree.stat(3)), list(Tree.cls(2)))
print(sorted(t), max(t), 3 in t, 7 in t)

# === closures inside and around generators ===
def make_counter(step):
    def gen(n):
        for i in range(n):
            yield i * step
    return gen

print(list(make_counter(10)(4)))

def outer():
    x = 0
    def bump():
        nonlocal x
        x += 1
        return x
    while x < 3:
        yield bump()

print(list(outer()))

def gen_makes_closures():
    for i in range(3):
        yield lambda: i

print([f() for f in gen_makes_closures()])
fs = list(gen_makes_closures())
print([f() for f in fs])

def cell_in_gen(n):
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(n):
        add(i)
        yield total

print(list(cell_in_gen(5)))

# === recursion through generators ===
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x

print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))

def perms(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            yield [items[i]] + p

print(list(perms([1, 2, 3])))

# === generator attributes ===
def named():
    yield 1

g = named()
print(g.__name__, g.__qualname__, g.gi_running, g.gi_suspended)
next(g)
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom)
list(g)
print(g.gi_running, g.gi_suspended)

class K:
    def m(self):
        yield 1

print(K().m().__qualname__, K().m().__name__)

def running_check():
    yield gen_ref.gi_running

gen_ref = running_check()
print(next(gen_ref))

# === truthiness and identity ===
g = count(0)
print(bool(g), g == g, g != count(0), g is g)
print(isinstance(g, type(count(1))), callable(g), hash(g) == hash(g))
