# Container dunders: __len__ __getitem__ __setitem__ __delitem__ __contains__ __bool__ __call__.

class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()

g = Grid(3, 2)

# === __len__ and __getitem__ / __setitem__ ===
print(len(g), g[0, 0], g[2, 1])
g[1, 1] = "X"
g[0, 1] = "O"
print(g[1, 1], g[0, 1], g.cells)

# === __delitem__ ===
del g[1, 1]
print(g[1, 1], g.cells)

# === __contains__ ===
print("O" in g, "X" in g, "X" not in g)

# === exceptions from __getitem__ propagate ===
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)

# === __getitem__ with slices ===
class Seq:
    def __init__(self, data):
        self.data = data
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]
    def __len__(self):
        return len(self.data)
    def __repr__(self):
        return "Seq(" + repr(self.data) + ")"
s = Seq([10, 20, 30, 40])
print(s[1], s[-1], s[1:3], s[::-1], len(s))

# === iteration falls back on __getitem__ until IndexError ===
print([x for x in s], list(s), 30 in s)

# === __bool__ and __len__ decide truthiness ===
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(True) else "no", not Flag(False))
print(bool(Seq([])), bool(Seq([0])))

# === __call__ ===
class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0
    def __call__(self, x, times=1):
        self.calls += 1
        return x + self.n * times
add5 = Adder(5)
print(add5(1), add5(1, times=3), add5.calls, callable(add5), callable(Seq([])))
print(list(map(add5, [1, 2, 3])))

# === __len__ must return an int ===
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)

# === objects without the protocol ===
class Nothing:
    pass
try:
    len(Nothing())
except TypeError as e:
    print("TypeError:", e)
try:
    Nothing()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    Nothing()()
except TypeError as e:
    print("TypeError:", e)
