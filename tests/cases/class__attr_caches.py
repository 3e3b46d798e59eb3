# Attribute and method caches: call sites that see several classes, classes
# created (and freed) in a loop, class attributes set and deleted while
# cached, instance attributes shadowing methods.


def make(k):
    class A:
        def m(self):
            return k

        def __init__(self):
            self.v = k * 10

    return A


out = []
for i in range(6):
    a = make(i)()
    out.append((a.m(), a.v))
print(out)


class Base:
    def who(self):
        return "base"

    def name(self):
        return self.who() + "!"


class B1(Base):
    def who(self):
        return "b1"


class B2(Base):
    pass


class B3(B1):
    def who(self):
        return "b3"


class B4(Base):
    def who(self):
        return "b4"


class B5(B2):
    def who(self):
        return "b5"


objs = [Base(), B1(), B2(), B3(), B4(), B5()]
for rnd in range(3):
    print([o.name() for o in objs], [o.who() for o in objs])

# Deleting a method from a subclass exposes the base's.
b3 = B3()
print(b3.who())
del B3.who
print(b3.who(), b3.name())
B3.who = lambda self: "new b3"
print(b3.who(), b3.name())
del B1.who
print(b3.who(), B1().who(), B1().name())

# An instance attribute shadows a method, then goes away.
o = B4()
for step in range(4):
    if step == 1:
        o.who = lambda: "instance"
    if step == 3:
        del o.who
    print(step, o.who())

# A class attribute replaced by a data value, then restored.
class C:
    x = 1

    def get(self):
        return self.x


c = C()
vals = []
for i in range(5):
    if i == 2:
        C.x = "two"
    if i == 3:
        c.x = 3.5
    if i == 4:
        del c.x
        del C.x
        try:
            c.get()
        except AttributeError as e:
            vals.append(str(e))
            continue
    vals.append(c.get())
print(vals)

# __init__ and __new__ found through the cache stay right as classes change.
class P:
    def __init__(self, a):
        self.a = a


class Q(P):
    pass


print(Q(1).a)
Q.__init__ = lambda self, a: setattr(self, "a", a * 100)
print(Q(2).a, P(2).a)
del Q.__init__
print(Q(3).a)


def new(cls, *args):
    obj = object.__new__(cls)
    obj.made = True
    return obj


P.__new__ = new
print(Q(4).made, Q(4).a)
try:
    Q()
except TypeError as e:
    print("TypeError", e)

# Exceptions made in a loop from several classes.
class E1(Exception):
    pass


class E2(E1):
    def __init__(self, x):
        super().__init__("e2", x)


got = []
for i in range(6):
    try:
        if i % 2:
            raise E1(i)
        raise E2(i)
    except E1 as e:
        got.append((type(e).__name__, e.args))
print(got)

# Instance dict entries that shadow a method, made and removed by every
# route (the method cache must notice each).
class S:
    def f(self):
        return "method"


def show(o, tag):
    try:
        print(tag, o.f())
    except TypeError as e:
        print(tag, "TypeError", e)


objs = [S() for _ in range(3)]
for o in objs:
    show(o, "plain")
objs[0].__dict__["f"] = lambda: "via __dict__"
vars(objs[1])["f"] = lambda: "via vars"
setattr(objs[2], "f", lambda: "via setattr")
for o in objs:
    show(o, "shadowed")
del objs[0].__dict__["f"]
vars(objs[1]).pop("f")
objs[2].__dict__.clear()
for o in objs:
    show(o, "restored")
objs[0].__dict__.update({"f": lambda: "via update"})
objs[1].__dict__.setdefault("f", lambda: "via setdefault")
objs[2].x = 1
objs[2].__dict__.popitem()
for o in objs:
    show(o, "again")
objs[0].__dict__.popitem()
objs[1].f = 5
for o in objs:
    show(o, "last")
for i in range(4):
    o = S()
    if i % 2:
        o.f = lambda: "odd"
    show(o, i)
