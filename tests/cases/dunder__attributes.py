# __getattr__ (only on failed lookup), __getattribute__, __setattr__,
# __delattr__, object.__setattr__ and friends via super(), getattr/hasattr/
# setattr/delattr builtins, vars(), dir().

# === __getattr__ only for missing attributes ===
class G:
    cls_attr = "class"
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return "dynamic " + name[4:]
        raise AttributeError("G has no " + name)
g = G()
print(g.real, g.cls_attr, g.dyn_x, getattr(g, "dyn_y"), hasattr(g, "dyn_z"), hasattr(g, "nope"))
try:
    g.nope
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(g, "nope", "default"))

# === __getattribute__ intercepts everything ===
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def method(self):
        return "method"
lg = Logged()
print(lg.x, lg.secret, lg.method())
try:
    lg.missing
except AttributeError as e:
    print("AttributeError:", e)

class GA2:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return "fallback " + name
print(GA2().anything)

# === __setattr__ and __delattr__ ===
class Rec:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)
r = Rec()
r.a = 1
r.b = [2]
del r.a
print(r.log, r.b, hasattr(r, "a"))
try:
    del r.zzz
except AttributeError as e:
    print("AttributeError:", e)
setattr(r, "c", 3)
print(r.c, r.log[-1])

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError("frozen: " + name)
f = Frozen(3)
print(f.v)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError:", e)

# === object's methods through super() and object.X ===
class Wrap:
    def __init__(self, v):
        super().__init__()
        self.v = v
    def __repr__(self):
        return "Wrap(" + super().__repr__()[:15] + ")"
    def __eq__(self, o):
        return super().__eq__(o)
    def __hash__(self):
        return super().__hash__()
    def __str__(self):
        return "str:" + object.__str__(self)[:6]
w = Wrap(1)
print(repr(w), str(w), w == w, w == Wrap(1), w.__eq__(5), hash(w) == object.__hash__(w))
print(object.__eq__(w, w), object.__ne__(w, w), object.__eq__(w, 1))
print(object.__repr__(w).startswith("<__main__.Wrap object at 0x"))
print(object.__getattribute__(w, "v"), object.__init__(w) is None)
print(w.__class__ is Wrap, w.__class__.__name__, type(w) is Wrap)
print("__init__" in dir(object), "__repr__" in object.__dict__, "__setattr__" in object.__dict__)
object.__setattr__(w, "z", 9)
object.__delattr__(w, "z")
print(hasattr(w, "z"))
try:
    object.__setattr__(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)

# === builtin attribute functions ===
class Pt:
    dims = 2
    def __init__(self):
        self.x = 1
        self.y = 2
p = Pt()
print(getattr(p, "x"), getattr(p, "dims"), getattr(p, "q", None), hasattr(p, "y"))
setattr(p, "z", 3)
delattr(p, "x")
print(hasattr(p, "x"), p.z, vars(p), vars(p) is vars(p))
try:
    getattr(p, "x")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(p, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    delattr(p, "x")
except AttributeError as e:
    print("AttributeError:", e)
try:
    Pt.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print([n for n in dir(p) if not n.startswith("__")])
print(dir(p) == sorted(dir(p)), "__class__" in dir(p), "dims" in dir(Pt))

# === instance attributes shadow class attributes; class attrs shared ===
class Counter:
    count = 0
    items = []
    def bump(self):
        self.count += 1
        self.items.append(self.count)
c1, c2 = Counter(), Counter()
c1.bump(); c1.bump(); c2.bump()
print(c1.count, c2.count, Counter.count, Counter.items, c1.items is c2.items)
Counter.count = 10
c3 = Counter()
print(c3.count, c1.count)
del c1.count
print(c1.count)
try:
    del c1.count
except AttributeError as e:
    print("AttributeError:", e)

# === uncaught: missing attribute ===
Pt().missing_attr
