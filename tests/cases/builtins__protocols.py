# Builtins on user classes: dunder methods, properties, iteration
# protocols, conversions, reflection and exception classes.

# === property, ordering, hashing, __len__, __format__ ===
class P:
    def __init__(self, x):
        self._x = x
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    def __repr__(self):
        return f"P({self._x})"
    def __lt__(self, o):
        return self._x < o._x
    def __eq__(self, o):
        return isinstance(o, P) and self._x == o._x
    def __hash__(self):
        return hash(self._x)
    def __len__(self):
        return self._x
    def __format__(self, spec):
        return "P<" + spec + ">"
p = P(3)
p.x = 5
print(p.x, p, sorted([P(3), P(1), P(2)]), min(P(3), P(1)), max([P(3), P(7)]), len(p))
print(f"{p:abc}", format(p, "zz"), "{:q}".format(p), str(p), repr(p))
print({P(1), P(1), P(2)} == {P(1), P(2)}, P(1) in [P(0), P(1)], [P(1), P(2)].index(P(2)), [P(2), P(2)].count(P(2)))
d = {P(1): "a"}
print(d.get(P(1)), P(1) in d, d.pop(P(1)), d)

# === sequence and iterator protocols ===
class Sq:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * i
    def __len__(self): return self.n
print(list(Sq(4)), list(reversed(Sq(3))), sum(Sq(5)), sorted(Sq(3), reverse=True))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), dict(zip(It(), "abc")), list(enumerate(It(), 10)), list(map(lambda a, b: a * b, It(), It())))
print(any([x > 2 for x in It()]), all([x > 0 for x in It()]), next(It()), next(iter([]), "dflt"), list(iter(It().__next__, 2)))

# === numeric conversions ===
class Num:
    def __index__(self): return 5
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __abs__(self): return "abs!"
    def __round__(self, n=None): return ("round", n)
print(hex(Num()), int(Num()), float(Num()), abs(Num()), round(Num()), round(Num(), 2), [1, 2, 3, 4, 5, 6][Num()], range(Num()))

# === reflection ===
print(isinstance(p, P), isinstance(p, (int, P)), issubclass(P, object), callable(p), callable(P), hasattr(p, "x"), getattr(p, "nope", 9))
setattr(p, "y", 1); print(p.y, vars(p)); delattr(p, "y"); print(hasattr(p, "y"))
print(type(3), type("a") is str, type(p).__name__, type(None), str(type), int.__name__)
X = type("X", (P,), {"extra": 1})
print(X(4), X.extra, X.__name__, issubclass(X, P))

# === exception classes ===
class E2(ValueError):
    pass
e = E2("a", 1)
print(e, repr(e), e.args, str(KeyError("k")), repr(KeyError("k")), str(OSError(2, "No such file")), OSError(2, "x").errno)
print(str(ValueError()), repr(ValueError()), StopIteration(5).value, ValueError("x").with_traceback(None))

# === bytes ===
print(str(b"x"), bytes("hé", "utf-8"), bytes([65, 66]), bytes(3), b"a b".split(), b"x".join([b"1", b"2"]), b"Ab".upper(), b"abc".hex(), bytes.fromhex("4142"))
print(b"  x ".strip(), b"abc".startswith(b"ab"), b"abcb".count(b"b"), b"abc".find(b"c"), b"a-b".replace(b"-", b"+"), b"\xc3\xa9".decode("utf-8"))
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"\xe9".decode("latin-1"), (10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))

# === misc ===
print(slice(1, 2), slice(3), [1, 2, 3, 4][slice(1, None)], range(1, 10, 2), list(range(5, 0, -2)), list(reversed(range(1, 10, 3))))
print(staticmethod, classmethod, property, frozenset({1}), id(p) == id(p), hash(1) == hash(1.0))
