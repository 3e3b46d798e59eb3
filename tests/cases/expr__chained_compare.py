# Chained comparisons: each operand evaluated once, left to right, short-circuit.

calls = []

def v(x):
    calls.append(x)
    return x

def run(title, thunk):
    del calls[:]
    r = thunk()
    print(title, r, calls)

# === each middle operand evaluated once ===
run("1<2<3:", lambda: v(1) < v(2) < v(3))
run("1<3<2:", lambda: v(1) < v(3) < v(2))

# === short-circuit skips later operands ===
run("3<2<x:", lambda: v(3) < v(2) < v(1))
run("long false:", lambda: v(1) < v(2) > v(5) < v(9) < v(10))
run("long true:", lambda: v(1) <= v(1) < v(2) != v(3) == v(3) >= v(0))

# === mixed operators: in, not in, is, is not ===
run("in chain:", lambda: v(1) in [1, 2] in [[1, 2], 3])
run("not in:", lambda: v("a") not in v("xyz") not in v("a"))
n = None
run("is chain:", lambda: v(n) is None is not v(0))

# === chain in if/while and with and/or ===
x = 5
if 0 < x < 10 and not 3 < x < 4:
    print("in range")
i = 0
while 0 <= i < 3:
    i += 1
print("i", i)
print(1 < 2 < 3 or v("unused"), calls)

# === user __lt__ returning non-bool values ===
class Weird:
    def __init__(self, name):
        self.name = name
    def __lt__(self, other):
        calls.append(self.name + "<" + other.name)
        return self.name
    def __repr__(self):
        return "W(" + self.name + ")"
del calls[:]
a, b, c = Weird("a"), Weird("b"), Weird("c")
print(a < b < c, calls)
del calls[:]
print(a < b, calls)

# === a falsy non-bool result stops the chain and is the value ===
class Zero:
    def __lt__(self, other):
        return 0
    def __gt__(self, other):
        return ""
print(repr(Zero() < 1 < v("never")), repr(Zero() > 1))

# === a comparison that raises mid-chain ===
del calls[:]
try:
    v(1) < v("s") < v(3)
except TypeError as e:
    print("TypeError:", e, calls)

# === comparisons of mixed numbers and of sequences in chains ===
print(1 < 1.5 < 2 == 2.0 < True + 2)
print([1] < [1, 0] < [2], (1, 2) <= (1, 2) < (1, 3), "a" < "ab" < "b")
