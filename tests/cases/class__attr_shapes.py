# Instance attributes kept by shape (no dict until asked for): every way
# of reading and writing them must agree with CPython's instance dict.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def get(self):
        return self.x, self.y


def read(o):
    return o.x


def write(o, v):
    o.x = v


# Same attributes in another order: another layout at the same sites.
a = P(1, 2)
b = P(3, 4)
c = P.__new__(P)
c.y = 10
c.x = 20
for o in (a, b, c, a, c, b):
    print(read(o), o.get())
for i, o in enumerate((a, b, c)):
    write(o, i * 100)
print([read(o) for o in (a, b, c)], vars(c))

# __dict__ reads after attribute writes, and writes through the dict.
d = a.__dict__
print(d, list(d))
a.z = 5
print(d, a.z)
d["w"] = 7
print(a.w, read(a))
d["x"] = -1
print(read(a), a.get())
del d["y"]
try:
    a.get()
except AttributeError as e:
    print("AttributeError", e)
print(vars(a) is d, a.__dict__ is d)

# del, then re-adding: the dict keeps insertion order.
e = P(1, 2)
e.k = 3
del e.x
print(vars(e))
e.x = 9
print(vars(e), read(e))
try:
    del e.nope
except AttributeError as err:
    print("AttributeError", err)
try:
    read(P.__new__(P))
except AttributeError as err:
    print("AttributeError", err)

# Many attributes (more than a layout holds), and setattr/getattr/hasattr.
m = P(0, 0)
for i in range(40):
    setattr(m, "a%d" % i, i)
print(len(vars(m)), m.a0, m.a39, getattr(m, "a20"), hasattr(m, "a40"))
print(list(vars(m))[:5], list(vars(m))[-2:])
n = P(0, 0)
for i in range(40):
    setattr(n, "a%d" % i, i * 2)
print(n.a39, read(n), sum(getattr(n, "a%d" % i) for i in range(40)))

# Odd names via setattr, and names that are not identifiers.
setattr(b, "not an identifier", 1)
setattr(b, "1", 2)
print(sorted(vars(b)), getattr(b, "not an identifier"))


# Class attributes shadowed by instance attributes, and back.
class S:
    k = "class"

    def m(self):
        return "method"


s = S()
print(s.k, s.m())
s.k = "inst"
s.m = lambda: "instance callable"
print(s.k, s.m(), S.k)
del s.k
del s.m
print(s.k, s.m())


# Properties and __getattr__ keep their precedence.
class Q:
    def __init__(self):
        self.v = 1

    @property
    def p(self):
        return self.v * 10

    @p.setter
    def p(self, value):
        self.v = value

    def __getattr__(self, name):
        return "missing " + name


q = Q()
q.p = 4
print(q.p, q.v, q.nothing, vars(q))


# __slots__ classes.
class Sl:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


sl = Sl()
sl.b = 2
print(sl.a, sl.b)
try:
    sl.c = 3
except AttributeError as err:
    print("AttributeError", err)


# Subclasses and instances made in a loop share sites.
class R(P):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


objs = [P(i, i) if i % 3 else R(i, i, i) for i in range(12)]
print(sum(read(o) for o in objs), [o.z for o in objs if isinstance(o, R)])
for o in objs:
    write(o, 1)
print(sum(read(o) for o in objs), vars(objs[0]), vars(objs[1]))

# Exceptions carry attributes too.
try:
    raise ValueError("x")
except ValueError as err:
    err.extra = 1
    print(err.extra, vars(err), err.args)
ex = KeyError("k")
ex.note = "n"
print(ex.note, ex.__dict__)

# Equality of dicts from instances, copying attributes over.
t1, t2 = P(1, 2), P(1, 2)
print(vars(t1) == vars(t2))
t3 = P.__new__(P)
t3.__dict__.update(vars(t1))
print(t3.get(), read(t3))
t3.__dict__.clear()
print(hasattr(t3, "x"), vars(t3))
t3.x = 5
print(read(t3), vars(t3))
