# super() in multi-level and multiple inheritance, super(C, self), the C3
# MRO (diamonds, __mro__, mro()), inconsistent hierarchies.

# === multi-level super() chain ===
class A:
    def __init__(self):
        self.trail = ["A"]
    def who(self):
        return "A"
class B(A):
    def __init__(self):
        super().__init__()
        self.trail.append("B")
    def who(self):
        return "B" + super().who()
class C(B):
    def __init__(self):
        super().__init__()
        self.trail.append("C")
    def who(self):
        return "C" + super().who()
c = C()
print(c.trail, c.who())

# === two-argument super ===
class D(C):
    def who(self):
        return "D" + super(C, self).who()
    def skip(self):
        return super(B, self).who()
print(D().who(), D().skip())
print(super(C, c).who(), super(B, c).who())

# === diamond: cooperative super follows the MRO ===
class Base:
    def hello(self):
        return ["Base"]
class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()
class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()
class Bottom(Left, Right):
    def hello(self):
        return ["Bottom"] + super().hello()
print(Bottom().hello())
print([k.__name__ for k in Bottom.__mro__])
print([k.__name__ for k in Bottom.mro()])
print(Bottom.__mro__ == tuple(Bottom.mro()), type(Bottom.mro()).__name__)
print(Bottom.__bases__ == (Left, Right), Left.__bases__, Base.__bases__)

# === a classic C3 example ===
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc): pass
print([k.__name__ for k in Aa.__mro__])

class X: pass
class Y: pass
class Z(X, Y): pass
class W(Z, Y): pass
print([k.__name__ for k in W.__mro__])

# === attribute lookup follows the MRO ===
class P1:
    v = "P1"
    def m(self):
        return "P1.m"
class P2:
    v = "P2"
    w = "P2w"
    def m(self):
        return "P2.m"
    def only2(self):
        return "only2"
class M(P1, P2):
    pass
print(M.v, M.w, M().m(), M().only2())

# === super() with __init__ arguments through a diamond ===
class Root:
    def __init__(self, **kw):
        self.kw = kw
class L(Root):
    def __init__(self, l=0, **kw):
        self.l = l
        super().__init__(**kw)
class R(Root):
    def __init__(self, r=0, **kw):
        self.r = r
        super().__init__(**kw)
class LR(L, R):
    pass
o = LR(l=1, r=2, extra=3)
print(o.l, o.r, o.kw)

# === super() in nested function and with explicit args outside methods ===
class Q(A):
    def who(self):
        def inner():
            return super(Q, self).who()
        return "Q" + inner()
print(Q().who())

# === super() errors ===
def not_method():
    return super()
try:
    not_method()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    super(A, 5)
except TypeError as e:
    print("TypeError:", e)
class NoParent:
    def f(self):
        return super().f()
try:
    NoParent().f()
except AttributeError as e:
    print("AttributeError:", e)

# === inconsistent MRO ===
class G: pass
class H(G): pass
try:
    class Bad(G, H):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Dup(G, G):
        pass
except TypeError as e:
    print("TypeError:", e)
class I1(X, Y): pass
class I2(Y, X): pass
try:
    class I3(I1, I2):
        pass
except TypeError as e:
    print("TypeError:", e)

# === inheriting from builtins' object explicitly ===
class Obj(object):
    pass
print(Obj.__mro__ == (Obj, object), object.__bases__, object.__mro__ == (object,))

# === uncaught: inconsistent MRO ===
class J(X, Z):
    pass
