# __new__, __init__ return values, augmented assignment on attributes and
# items with user operators, __getitem__/__setitem__/__delitem__ with
# slices, __reversed__, __round__, hasattr/getattr and non-AttributeErrors.

# === __new__ ===
class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.created = args
        return cls._inst
    def __init__(self, *args):
        self.inits = getattr(self, "inits", 0) + 1
a = Single(1)
b = Single(2)
print(a is b, a.created, a.inits)

class Other:
    pass
class ReturnsOther:
    def __new__(cls):
        return Other()
    def __init__(self):
        print("never runs")
print(type(ReturnsOther()).__name__)

class Point:
    def __new__(cls, x, y):
        self = object.__new__(cls)
        self.x = x
        return self
    def __init__(self, x, y):
        self.y = y
p = Point(1, 2)
print(p.x, p.y)

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(5)
except TypeError as e:
    print("TypeError:", e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
class InitOnly:
    def __init__(self, a):
        self.a = a
try:
    InitOnly()
except TypeError as e:
    print("TypeError:", e)
try:
    InitOnly(1, 2)
except TypeError as e:
    print("TypeError:", e)

# === augmented assignment through attributes and items ===
class Vec:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __repr__(self):
        return "Vec(%r)" % self.v
class Holder:
    def __init__(self):
        self.vec = Vec(1)
        self.n = 1
h = Holder()
before = h.vec
h.vec += 5
h.n += 1
print(h.vec, h.vec is before, h.n)
items = [Vec(0), Vec(10)]
items[1] += 3
d = {"k": Vec(7)}
d["k"] += 1
print(items, d)

# === item protocol with slices ===
class Store:
    def __init__(self):
        self.log = []
    def __getitem__(self, k):
        self.log.append(("get", k))
        return k
    def __setitem__(self, k, v):
        self.log.append(("set", k, v))
    def __delitem__(self, k):
        self.log.append(("del", k))
s = Store()
s[1]
s[1:2]
s[::2]
s[1, 2]
s[1:2, 3]
s["a"] = 5
s[0:3] = [1]
del s[4]
del s[:]
s[...]
for entry in s.log:
    print(entry)
class ReadOnly:
    def __getitem__(self, k):
        return k
try:
    ReadOnly()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del ReadOnly()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    object()[0]
except TypeError as e:
    print("TypeError:", e)

# === __reversed__, __round__, __abs__ via builtins ===
class Rev:
    def __reversed__(self):
        return iter([3, 2, 1])
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return [1, 2, 3][i]
print(list(reversed(Rev())))
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(reversed(SeqOnly())), list(SeqOnly()))
class R:
    def __round__(self, n=None):
        return ("round", n)
print(round(R()), round(R(), 2))

# === hasattr/getattr propagate errors other than AttributeError ===
class Boom:
    @property
    def bad(self):
        raise ValueError("boom")
try:
    hasattr(Boom(), "bad")
except ValueError as e:
    print("ValueError:", e)
try:
    getattr(Boom(), "bad", None)
except ValueError as e:
    print("ValueError:", e)
class GetattrRaises:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(GetattrRaises(), "x")
except KeyError as e:
    print("KeyError:", e)

# === methods: bound method identity and attributes ===
class M:
    def f(self):
        return self
m = M()
bm = m.f
print(bm.__self__ is m, bm.__func__ is M.f, bm() is m, m.f == m.f, M.f(m) is m)
print(bm.__name__, bm.__qualname__)
print(hash(m.f) == hash(m.f), len({m.f, m.f}), m.f in [m.f], M().f == m.f, m.f != m.f, m.f == M.f)

# === class attributes: functions stored on instances are not bound ===
def free(x=None):
    return x
m.g = free
print(m.g(), m.g(5))
M.h = free
print(m.h() is m)

# === context manager protocol errors ===
class NoExit:
    def __enter__(self):
        return 1
class NoEnter:
    def __exit__(self, *a):
        return None
for cm in [NoExit, NoEnter, int]:
    try:
        with cm():
            pass
    except TypeError as e:
        print("TypeError:", e)

# === plain object() instances have no __dict__ ===
o = object()
try:
    o.foo = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    o.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(o)
except TypeError as e:
    print("TypeError:", e)

# === reprs of staticmethod and classmethod objects ===
class SC:
    @staticmethod
    def s():
        pass
    @classmethod
    def c(cls):
        pass
print(repr(SC.__dict__["s"]).startswith("<staticmethod(<function SC.s at 0x"))
print(repr(SC.__dict__["c"]).startswith("<classmethod(<function SC.c at 0x"))
print(repr(SC.c).startswith("<bound method SC.c of <class '__main__.SC'>>"))

# === uncaught: a missing __init__ argument ===
InitOnly()
