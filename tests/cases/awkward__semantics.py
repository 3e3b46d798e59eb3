# The awkward cases: late-binding closures in loops, mutable default
# arguments, `is` on small ints, dict order after deletion and re-insertion,
# finally overriding return.

# === late binding of closures ===
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda: j for j in range(3)]
print([f() for f in fs])
fs = [lambda j=j: j for j in range(3)]
print([f() for f in fs])
def make():
    out = []
    for k in range(3):
        def g():
            return k
        out.append(g)
    k = 100
    return out
print([f() for f in make()])
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())

# === mutable default arguments ===
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)
def dflt_dict(k, d={}):
    d[k] = d.get(k, 0) + 1
    return d
dflt_dict("a"); dflt_dict("a"); dflt_dict("b")
print(dflt_dict("a"))
def with_none(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(with_none(1), with_none(2))
counter_default = 10
def evaluated_once(x=counter_default):
    return x
counter_default = 20
print(evaluated_once())

# === `is` on small ints (CPython caches -5..256) ===
a = 256
b = 256
print(a is b)
a = -5
b = -5
print(a is b)
x = 7
print(x is 7 - 0, x + 1 is 8, 0 is 0, None is None, True is True)
l = [1, 2, 3]
print(l[0] is 1, len(l) is 3)
t = ()
print(t is (), "" == "", [] is [], {} is {})
print(a is not b, 1 is not 2)

# === dict order after deletion and re-insertion ===
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
d["a"] = 4
print(d, list(d))
d["b"] = 5
print(list(d.items()))
d.pop("c")
d["c"] = 6
d["z"] = 0
print(list(d), list(d.values()))
d = dict.fromkeys("abcde", 0)
for k in "bd":
    del d[k]
d["b"] = 1
print(d)
d = {}
for i in range(10):
    d[i] = i
for i in range(0, 10, 2):
    del d[i]
for i in range(0, 10, 3):
    d[i] = -i
print(d)
print({1: "a", True: "b", 1.0: "c"})
print({**{"x": 1, "y": 2}, "x": 3})
s = {3, 1, 2}
s.discard(1)
s.add(1)
print(sorted(s), len(s))

# === finally overriding return ===
def f():
    try:
        return "try"
    finally:
        return "finally"
print(f())
def g():
    try:
        1 / 0
    finally:
        return "swallowed"
print(g())

# === class attribute shared through instances ===
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1); s2.add(2)
print(s1.items, Shared.items)

# === names bound in comprehension do not leak; loop variables do ===
for leak in range(3):
    pass
print(leak)
[hidden for hidden in range(3)]
try:
    hidden
except NameError as e:
    print("NameError:", e)

# === chained comparison evaluates middle once, `and`/`or` return operands ===
calls = []
def mid():
    calls.append(1)
    return 5
print(1 < mid() < 10, calls, 0 or "" or [] or "last", 1 and 2 and 3)

# === augmented assignment on tuple element: mutates, then raises ===
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)

# === uncaught: the late-bound name was deleted ===
def late():
    return missing_later
missing_later = 1
del missing_later
late()
