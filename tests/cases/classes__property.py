# property (decorator and call forms), staticmethod, classmethod.

# === getter, setter, deleter via decorators ===
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "the temperature"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)
print(Temp.celsius.__doc__, type(Temp.celsius).__name__)
print(isinstance(Temp.__dict__["celsius"], property))

# === read-only property ===
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)

# === property(fget, fset, fdel, doc) ===
class P:
    def __init__(self):
        self._x = 1
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v * 10
    def delx(self):
        del self._x
    x = property(getx, setx, delx, "the x")
    y = property(getx)
    z = property(fget=getx, doc="zdoc")
p = P()
p.x = 4
print(p.x, P.x.__doc__, P.z.__doc__, p.y, p.z)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
print(P.x.fget is P.getx, P.x.fset is P.setx, P.y.fset)

# === chained setter creates a new property object ===
class Q:
    @property
    def v(self):
        return 1
    g = v
    @v.setter
    def v(self, val):
        self.stored = val
print(Q.g is Q.v, Q.g.fset, Q.v.fset is not None)
q = Q()
q.v = 9
print(q.stored, q.v)

# === property overrides instance dict, is inherited, can be overridden ===
class Base:
    @property
    def name(self):
        return "base"
class Child(Base):
    pass
class Other(Base):
    name = "plain"
print(Child().name, Other().name)
c = Child()
c.__dict__["name"] = "dict"
print(c.name)

# === property getter raising AttributeError ===
class Lazy:
    @property
    def missing(self):
        raise AttributeError("computed missing")
try:
    Lazy().missing
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(Lazy(), "missing"), getattr(Lazy(), "missing", "dflt"))

# === staticmethod ===
class S:
    @staticmethod
    def add(a, b):
        return a + b
    def plain(x):
        return x
    sm = staticmethod(plain)
print(S.add(1, 2), S().add(3, 4), S.sm(5), S().sm(6))
print(type(S.__dict__["add"]).__name__)

# === classmethod on class, instance, subclasses ===
class K:
    count = 0
    @classmethod
    def make(cls, *args):
        cls.count += 1
        return cls.__name__, args
    @classmethod
    def create(cls):
        return cls()
class KK(K):
    pass
print(K.make(1), K().make(2), KK.make(), KK().make(3))
print(K.count, KK.count, type(KK.create()).__name__)
print(type(K.__dict__["make"]).__name__)

# === classmethod calling another classmethod, super() in classmethods ===
class A:
    @classmethod
    def who(cls):
        return "A:" + cls.__name__
class B(A):
    @classmethod
    def who(cls):
        return "B>" + super().who()
class C(B):
    @classmethod
    def who(cls):
        return "C>" + super().who()
print(C.who(), B.who(), C().who())

# === property with inheritance and super() ===
class Shape:
    @property
    def area(self):
        return 0
class Square(Shape):
    def __init__(self, s):
        self.s = s
    @property
    def area(self):
        return self.s * self.s + super().area
print(Square(3).area)

# === uncaught: setting a read-only property ===
class R:
    @property
    def ro(self):
        return 1
R().ro = 2
