# Class bodies: scoping rules, private name mangling, class attributes
# defined from earlier ones, methods added later, __class__ cell, nested
# classes, instances of classes defined in functions.

# === class body sees globals and earlier class names; methods do not see
# class names ===
x = "global x"
class Scope:
    x = "class x"
    y = x + "!"
    def method(self):
        return x
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [x for _ in range(1)]
    except NameError as e:
        bad = "NameError"
print(Scope.y, Scope().method(), Scope.doubled, Scope.bad)

def make_class(v):
    class Local:
        value = v
        def get(self):
            return v
    return Local
A, B = make_class(1), make_class(2)
print(A.value, B().get(), A is B, A.__name__, A.__qualname__)

# === private name mangling ===
class Priv:
    __secret = 1
    def __init__(self):
        self.__hidden = 2
    def reveal(self):
        return self.__secret, self.__hidden, Priv.__secret
    def __dunder__(self):
        return "not mangled"
p = Priv()
print(p.reveal(), p._Priv__hidden, Priv._Priv__secret, p.__dunder__())
try:
    p.__hidden
except AttributeError as e:
    print("AttributeError:", e)
class SubPriv(Priv):
    def peek(self):
        try:
            return self.__hidden
        except AttributeError as e:
            return "AttributeError: " + str(e)
print(SubPriv().peek())
print(sorted([k for k in vars(p)]))

# === __class__ cell and zero-argument super in nested functions ===
class Base:
    def hello(self):
        return "base"
class Child(Base):
    def hello(self):
        return "child+" + super().hello()
    def cls(self):
        return __class__
    def in_lambda(self):
        f = lambda: super(Child, self).hello()
        return f()
print(Child().hello(), Child().cls() is Child, Child().in_lambda())

# === methods added after class creation ===
class Late:
    pass
def late_method(self, n):
    return n * 2
Late.double = late_method
Late.attr = 5
l = Late()
print(l.double(4), l.attr, Late.double(l, 1))
del Late.double
print(hasattr(l, "double"))

# === class attribute mutation affects all instances, rebinding does not ===
class Conf:
    opts = {"a": 1}
c1, c2 = Conf(), Conf()
c1.opts["b"] = 2
c2.opts = {"own": True}
print(Conf.opts, c1.opts, c2.opts)

# === class body executes once, top to bottom, with side effects ===
log = []
class Effects:
    log.append("start")
    def f(self):
        pass
    log.append("end")
print(log, type(Effects.__dict__["f"]).__name__)

# === class statement inside a loop creates distinct classes ===
classes = []
for n in range(3):
    class K:
        num = n
    classes.append(K)
print([k.num for k in classes], classes[0] is classes[1])

# === instance attribute named like a method shadows it ===
class Shadow:
    def run(self):
        return "method"
s = Shadow()
s.run = lambda: "instance attr"
print(s.run(), Shadow().run())

# === uncaught: a method reads a class attribute by bare name ===
class Oops:
    limit = 3
    def check(self):
        return limit
Oops().check()
