# Operator dunders on user classes: arithmetic, comparison, hashing, repr/str.

class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Vec(" + repr(self.x) + ", " + repr(self.y) + ")"
    def __str__(self):
        return "<" + str(self.x) + "," + str(self.y) + ">"
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __abs__(self):
        return abs(self.x) + abs(self.y)

a = Vec(1, 2)
b = Vec(3, 4)

# === repr and str ===
print(a, repr(a), str(b), [a, b], (a,), {"k": a})
print("f-string:", f"{a} {a!r}")

# === arithmetic ===
print(a + b, b - a, a * 3, 3 * a, -a, abs(Vec(-3, 4)))
c = a
c += b
print(c, a)

# === equality and hashing ===
print(a == Vec(1, 2), a != Vec(1, 2), a == b, a == "x", a != 5)
s = {Vec(1, 2), Vec(1, 2), Vec(0, 0)}
print(len(s), Vec(0, 0) in s)
d = {Vec(5, 5): "five"}
print(d[Vec(5, 5)])

# === ordering ===
vs = [Vec(2, 1), Vec(1, 5), Vec(1, 2)]
print(sorted(vs), min(vs), max(vs), Vec(1, 1) < Vec(1, 2), Vec(3, 0) > Vec(1, 0))

# === missing operators raise TypeError ===
try:
    a / b
except TypeError as e:
    print("TypeError:", e)
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)

# === reflected operators and NotImplemented ===
class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, int):
            return Meters(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        return self.__add__(other)
    def __repr__(self):
        return "Meters(" + str(self.v) + ")"
print(Meters(1) + Meters(2), Meters(1) + 5, 5 + Meters(1), sum([Meters(1), Meters(2)], Meters(0)))
try:
    Meters(1) + "x"
except TypeError as e:
    print("TypeError:", e)

# === other binary operators ===
class Num:
    def __init__(self, v):
        self.v = v
    def __floordiv__(self, o):
        return "floordiv " + str(self.v // o)
    def __truediv__(self, o):
        return "truediv " + str(self.v / o)
    def __mod__(self, o):
        return "mod " + str(self.v % o)
    def __pow__(self, o):
        return "pow " + str(self.v ** o)
    def __and__(self, o):
        return "and " + str(self.v & o)
    def __or__(self, o):
        return "or " + str(self.v | o)
    def __xor__(self, o):
        return "xor " + str(self.v ^ o)
    def __lshift__(self, o):
        return "lshift " + str(self.v << o)
    def __rshift__(self, o):
        return "rshift " + str(self.v >> o)
    def __le__(self, o):
        return "le"
    def __ge__(self, o):
        return "ge"
    def __gt__(self, o):
        return "gt"
n = Num(13)
print(n // 4, n / 4, n % 4, n ** 2, n & 6, n | 2, n ^ 1, n << 2, n >> 1)
print(n <= 1, n >= 1, n > 1)

# === __eq__ default is identity ===
class Plain:
    pass
x = Plain()
print(x == x, x == Plain(), x != Plain())
