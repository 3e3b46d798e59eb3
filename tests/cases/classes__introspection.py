# type(name, bases, dict), __dict__, __class__, __name__, __qualname__,
# __module__, __doc__, class vs instance attributes, __eq__/__hash__,
# __init_subclass__, __class_getitem__, __slots__.

# === type() with three arguments ===
def init(self, v):
    self.v = v
Dyn = type("Dyn", (), {"x": 1, "__init__": init, "get": lambda self: self.v})
d = Dyn(5)
print(Dyn.__name__, Dyn.x, d.get(), type(d) is Dyn, Dyn.__bases__, Dyn.__mro__[-1])
Sub = type("Sub", (Dyn,), {"y": 2})
print(Sub(3).get(), Sub.y, Sub.x, issubclass(Sub, Dyn), [k.__name__ for k in Sub.__mro__])
print(type(Dyn) is type, type(type) is type, type(5) is int, type("s").__name__)
try:
    type("Bad", 5, {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("Bad", (), [])
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)

# === names ===
class Outer:
    "Outer's doc"
    class Inner:
        def method(self):
            pass
    def meth(self):
        class Local:
            pass
        return Local
print(Outer.__name__, Outer.__qualname__, Outer.Inner.__qualname__, Outer.__module__)
print(Outer.Inner.method.__qualname__, Outer().meth().__qualname__, Outer.meth.__name__)
print(Outer.__doc__, Outer.Inner.__doc__)
def documented():
    "function doc"
    return 1
print(documented.__doc__, Outer.meth.__doc__, documented.__module__)
print(int.__name__, int.__qualname__, int.__module__, object.__name__)

# === __dict__ of classes and instances ===
class P:
    a = 1
    def m(self):
        return 2
print(sorted([k for k in P.__dict__ if not k.startswith("__")]), P.__dict__["a"])
p = P()
p.b = 3
print(p.__dict__, vars(p), "a" in p.__dict__)
p.__dict__["c"] = 4
print(p.c, vars(p))
print(p.__class__ is P, p.__class__.__name__, P.__class__ is type)

# === __eq__ without __hash__ is unhashable, with both hashable ===
class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq.__hash__)
try:
    hash(OnlyEq())
except TypeError as e:
    print("TypeError:", e)
try:
    {OnlyEq(): 1}
except TypeError as e:
    print("TypeError:", e)
class EqAndHash:
    def __eq__(self, o):
        return isinstance(o, EqAndHash)
    def __hash__(self):
        return 42
print(hash(EqAndHash()), len({EqAndHash(), EqAndHash()}))
class InheritsHash(EqAndHash):
    pass
print(hash(InheritsHash()))
class ChildEq(EqAndHash):
    def __eq__(self, o):
        return False
try:
    hash(ChildEq())
except TypeError as e:
    print("TypeError:", e)
class ExplicitNone:
    __hash__ = None
try:
    hash(ExplicitNone())
except TypeError as e:
    print("TypeError:", e)
class BadHash:
    def __hash__(self):
        return "h"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2 ** 70
print(hash(BigHash()) == hash(2 ** 70))

# === __init_subclass__ ===
registry = []
class Plugin:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        registry.append((cls.__name__, kw))
class A(Plugin):
    pass
class B(A):
    pass
print(registry)
class Tagged:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, tag))
class T1(Tagged, tag="one"):
    pass
class T2(T1, tag=1 + 1):
    pass
class T3(T2):
    pass
print(registry[-3:])
try:
    class NoKw(A, x=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Extra(Tagged, tag=1, other=2):
        pass
except TypeError as e:
    print("TypeError:", e)

# === __class_getitem__ ===
class Box:
    def __class_getitem__(cls, item):
        return "Box[" + item.__name__ + "]"
print(Box[int])

# === __slots__ ===
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
s = Slotted()
print(s.x, Slotted.__slots__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.y
except AttributeError as e:
    print("AttributeError:", e)

try:
    s.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(s)
except TypeError as e:
    print("TypeError:", e)
class SlottedChild(Slotted):
    __slots__ = ["w"]
sc = SlottedChild()
sc.w = 5
print(sc.x, sc.w)
try:
    sc.other = 1
except AttributeError as e:
    print("AttributeError:", e)
class Unslotted(Slotted):
    pass
u = Unslotted()
u.anything = 1
print(u.anything)
class WithDict:
    __slots__ = ("a", "__dict__")
wd = WithDict()
wd.b = 2
print(wd.b)
try:
    class Conflict:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class BadSlots:
        __slots__ = (1,)
except TypeError as e:
    print("TypeError:", e)

# === instance vs class attribute assignment through type ===
class Cfg:
    level = 1
c = Cfg()
type(c).level = 2
print(c.level, Cfg.level)
c.level = 3
print(c.level, Cfg.level, type(c).level)

# === uncaught: unhashable user class ===
{OnlyEq()}
