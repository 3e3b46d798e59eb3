# Generator expressions: their own scope, the first iterable evaluated
# eagerly (and its iter() taken at once), the rest lazily.

# === basics ===
g = (x * x for x in range(5))
print(type(g).__name__, g.__name__, repr(g).startswith("<generator object <genexpr> at 0x"))
print(next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)), max(c for c in "hello"), min(-x for x in [3, 1, 2]))
print(list((x, y) for x in range(3) for y in "ab" if x != 1))
print(list(x for x in range(10) if x % 2 if x % 3))
print(tuple(y for x in [[1, 2], [3], []] for y in x))

# === the first iterable is evaluated at once, the rest lazily ===
def src(name, n):
    print("  evaluating", name)
    return range(n)

g = (x + y for x in src("outer", 2) for y in src("inner", 2))
print("genexp created")
print(list(g))

# iter() of the first iterable is taken at creation
try:
    g = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)

# errors in the other iterables only when iterated
g = (x for x in [1] for y in 5)
print("created fine")
try:
    next(g)
except TypeError as e:
    print("TypeError when iterated:", e)

# the first iterable is bound at creation: rebinding the name later does
# not change it, but mutating the object does
data = [1, 2, 3]
g = (x for x in data)
data = [10, 20]
print(list(g))
data = [1, 2, 3]
g = (x for x in data)
data.append(4)
print(list(g))

# === own scope: the loop variable does not leak ===
x = "outer x"
print(list(x for x in range(3)), x)

def scope_test():
    y = 10
    g = (y + i for i in range(3))
    y = 100
    return list(g)

print(scope_test())

# closures over the enclosing function's variables see later values
def late_binding():
    fs = [(lambda: i) for i in range(3)]
    gs = list(lambda: i for i in range(3))
    return [f() for f in fs], [f() for f in gs]

print(late_binding())

# in a class body the genexp sees class variables only in the first iterable
class C:
    items = [1, 2, 3]
    doubled = list(v * 2 for v in items)
    try:
        bad = list(v for v in range(3) if v in items)
    except NameError as e:
        err = str(e)

print(C.doubled, C.err)

# === genexps as arguments ===
print(sorted((x for x in "banana"), reverse=True))
print("-".join(str(n) for n in range(4)))
print(dict((k, len(k)) for k in ["a", "bb", "ccc"]))
print(set(c.upper() for c in "abcab") == {"A", "B", "C"})
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(list(enumerate(c for c in "xyz")), list(zip((i for i in range(3)), "ab")))

# === nested genexps ===
g = (sum(y for y in range(x)) for x in range(5))
print(list(g))
matrix = [[1, 2], [3, 4]]
print(list(list(row[i] for row in matrix) for i in range(2)))

# === send and close on a genexp ===
g = (x for x in range(3))
print(g.send(None))
try:
    g.send(5)
except TypeError:
    print("TypeError")
else:
    print("sent value ignored")
g.close()
print(next(g, "closed"))

# === exceptions inside a genexp ===
g = (1 / x for x in [1, 0, 2])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(next(g, "genexp is finished after an exception"))

# StopIteration from the element expression: PEP 479
def stop():
    raise StopIteration
g = (stop() for x in [1])
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e)

# === walrus-free accumulation with a genexp over a generator ===
def naturals():
    n = 0
    while True:
        yield n
        n += 1

evens = (n for n in naturals() if n % 2 == 0)
squares = (n * n for n in evens)
print([next(squares) for _ in range(5)])

# the genexp's qualname inside a function
def make():
    return (i for i in [])

print(make().__qualname__, make().__name__)

# === unused genexp is never iterated ===
def loud():
    print("never printed")
    return [1]

def f():
    g = (x for x in [0] for y in loud())
    return "ok"

print(f())
