# Method call sites seeing many classes (more than a polymorphic inline
# cache holds), instance attributes that shadow methods set through
# setattr with computed names, __dict__ and vars(), instances with many
# attributes, and attributes all deleted then set again.


class Base:
    def who(self):
        return "base"

    def call(self):
        return self.who()


classes = [Base]
for i in range(9):
    classes.append(type("K%d" % i, (Base,), {"who": (lambda i: lambda self: "k%d" % i)(i)}))
objs = [c() for c in classes]
for rnd in range(3):
    print(rnd, [o.who() for o in objs], [o.call() for o in objs])
# Interleaved orders stress the replacement of cache entries.
print([objs[(i * 7) % 10].who() for i in range(30)])


class Many:
    def m(self):
        return "method"


many = Many()
for i in range(100):
    setattr(many, "a%d" % i, i)
print(many.m(), many.a0, many.a99, len(vars(many)))
name = "".join(["m"])
setattr(many, name, lambda: "shadow by setattr")
print(many.m())
del many.m
print(many.m())
many.__dict__["m"] = lambda: "shadow by __dict__"
print(many.m())
del many.__dict__["m"]
print(many.m())
vars(many)["m"] = lambda: "shadow by vars"
print(many.m())
vars(many).clear()
print(many.m(), vars(many))
many.m = lambda: "after clear"
print(many.m())
vars(many).pop("m")
print(many.m())
vars(many).update({"m": lambda: "by update"})
print(many.m())


class Few:
    def f(self):
        return "f"


x = Few()
x.a = 1
del x.a
print(x.f(), vars(x))
x.f = lambda: "instance f"
print(x.f())
del x.f
print(x.f())
x.__dict__.setdefault("f", lambda: "setdefault f")
print(x.f())
x.__dict__.popitem()
print(x.f())

# A method site that sees instances, a class and a module-like object.
import math


class HasSqrt:
    def sqrt(self, v):
        return "own sqrt %s" % v


for o in [HasSqrt(), math, HasSqrt()]:
    print(o.sqrt(16))
try:
    Few().missing()
except AttributeError as e:
    print("AttributeError:", e)
