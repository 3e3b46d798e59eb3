# Binary operators: NotImplemented fallback, reflected operators (subclass
# first), in-place operators falling back to the binary ones, __ne__ from
# __eq__, rich comparison reflection.

class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "V(%r)" % (self.x,)
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        if isinstance(o, int):
            return V(self.x + o)
        return NotImplemented
    def __radd__(self, o):
        if isinstance(o, int):
            return V(o + self.x + 1000)
        return NotImplemented
    def __mul__(self, o):
        return V(self.x * o)
    def __rmul__(self, o):
        return V(o * self.x * 10)
    def __neg__(self):
        return V(-self.x)
    def __pos__(self):
        return self
    def __abs__(self):
        return V(abs(self.x))
    def __invert__(self):
        return V(~self.x)

# === forward and reflected ===
print(V(1) + V(2), V(1) + 5, 5 + V(1), V(2) * 3, 3 * V(2))
print(-V(3), +V(3), abs(V(-4)), ~V(0))
print(sum([V(1), V(2)]), sum([V(1)], V(10)))

# === both sides NotImplemented: TypeError ===
try:
    V(1) + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + V(1)
except TypeError as e:
    print("TypeError:", e)
try:
    V(1) - V(2)
except TypeError as e:
    print("TypeError:", e)
try:
    V(1) < V(2)
except TypeError as e:
    print("TypeError:", e)

# === reflected tried first when the right operand is a subclass ===
log = []
class Base:
    def __add__(self, o):
        log.append("Base.add")
        return "base"
    def __radd__(self, o):
        log.append("Base.radd")
        return "rbase"
    def __lt__(self, o):
        log.append("Base.lt")
        return "lt-base"
    def __gt__(self, o):
        log.append("Base.gt")
        return "gt-base"
class Sub(Base):
    def __radd__(self, o):
        log.append("Sub.radd")
        return "rsub"
    def __gt__(self, o):
        log.append("Sub.gt")
        return "gt-sub"
print(Base() + Sub(), log)
log.clear()
print(Sub() + Base(), log)
log.clear()
print(Base() < Sub(), log)
log.clear()
class Sub2(Base):
    pass
print(Base() + Sub2(), log)
log.clear()

# === reflected subclass returning NotImplemented falls back ===
class N:
    def __add__(self, o):
        return "N.add"
class NS(N):
    def __radd__(self, o):
        return NotImplemented
print(N() + NS())

# === in-place operators ===
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __add__(self, o):
        return "plain add"
a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 5
print(x is y, x.v, y.v)
class IaddNI:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fell back"
z = IaddNI()
z += 1
print(z)
class NoOps:
    pass
try:
    n = NoOps()
    n += 1
except TypeError as e:
    print("TypeError:", e)
try:
    n = NoOps()
    n *= 2
except TypeError as e:
    print("TypeError:", e)
try:
    n = NoOps()
    n **= 2
except TypeError as e:
    print("TypeError:", e)

# === all in-place forms fall back to binary ===
class All:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "All(%r)" % (self.v,)
for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
             "lshift", "rshift", "and", "or", "xor", "matmul"]:
    def make(n):
        def f(self, o):
            return All((n, self.v, o))
        return f
    setattr(All, "__" + name + "__", make(name))
v = All(0)
v += 1; print(v)
v = All(0)
v -= 1; print(v)
v = All(0)
v *= 1; print(v)
v = All(0)
v /= 1; print(v)
v = All(0)
v //= 1; print(v)
v = All(0)
v %= 1; print(v)
v = All(0)
v **= 1; print(v)
v = All(0)
v <<= 1; print(v)
v = All(0)
v >>= 1; print(v)
v = All(0)
v &= 1; print(v)
v = All(0)
v |= 1; print(v)
v = All(0)
v ^= 1; print(v)
v = All(0)
v @= 1; print(v)
print(All(1) @ 2)

# === comparisons: reflection and __ne__ from __eq__ ===
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        if isinstance(o, E):
            return self.v == o.v
        return NotImplemented
    def __lt__(self, o):
        return self.v < o.v
print(E(1) == E(1), E(1) != E(1), E(1) != E(2), E(1) == 1, E(1) != 1)
print(E(1) < E(2), E(2) > E(1), E(3) > E(1))
try:
    E(1) <= E(2)
except TypeError as e:
    print("TypeError:", e)
print(sorted([E(3), E(1), E(2)], key=lambda e: e.v)[0].v, max([E(3), E(5), E(2)]).v)

class NeOnly:
    def __ne__(self, o):
        return "custom ne"
print(NeOnly() != 1, NeOnly() == 1)

class EqReturnsNonBool:
    def __eq__(self, o):
        return "yes"
print(EqReturnsNonBool() == 1, EqReturnsNonBool() != 1)
print([EqReturnsNonBool()] == [1], EqReturnsNonBool() in [1])

# === identity fallback for == ===
class Plain:
    pass
p = Plain()
print(p == p, p != p, p == Plain(), p != Plain())

# === NotImplemented is truthy-deprecated; comparisons of NotImplemented ===
print(NotImplemented is NotImplemented, repr(NotImplemented))

# === divmod and pow reflection ===
class Num:
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
    def __pow__(self, o, mod=None):
        return ("pow", o, mod)
    def __rpow__(self, o):
        return ("rpow", o)
print(divmod(Num(), 3), divmod(3, Num()), Num() ** 2, 2 ** Num(), pow(Num(), 2, 5))

# === uncaught: unsupported operand ===
V(1) - 1
