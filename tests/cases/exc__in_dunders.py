# Exceptions raised inside dunder methods propagate through builtins and operators.

class Fragile:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        if self.v == "bad" or getattr(other, "v", None) == "bad":
            raise ValueError("cannot compare bad")
        return isinstance(other, Fragile) and self.v == other.v
    def __hash__(self):
        if self.v == "unhashable":
            raise TypeError("refusing to hash")
        return hash(self.v)
    def __lt__(self, other):
        if self.v == "bad" or other.v == "bad":
            raise ArithmeticError("bad ordering")
        return self.v < other.v
    def __len__(self):
        if self.v == "bad":
            raise RuntimeError("no length")
        return 1
    def __repr__(self):
        return "Fragile(" + repr(self.v) + ")"

def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

xs = [Fragile(1), Fragile("bad"), Fragile(3)]
attempt("in list", lambda: Fragile(3) in xs)
attempt("index", lambda: xs.index(Fragile(3)))
attempt("==", lambda: Fragile("bad") == Fragile(1))
attempt("sorted", lambda: sorted([Fragile(2), Fragile("bad")]))
attempt("len", lambda: len(Fragile("bad")))
attempt("bool", lambda: bool(Fragile("bad")))
attempt("set", lambda: {Fragile("unhashable")})
attempt("dict key", lambda: {Fragile("unhashable"): 1})
attempt("ok set", lambda: len({Fragile(1), Fragile(1)}))

# === exceptions in __iter__ / __next__ ===
class BadIter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n == 3:
            raise KeyError("third")
        return self.n
attempt("list(BadIter)", lambda: list(BadIter()))
attempt("sum(BadIter)", lambda: sum(BadIter()))
collected = []
try:
    for v in BadIter():
        collected.append(v)
except KeyError as e:
    print("for loop stopped by", repr(e), "after", collected)

# === exceptions in __init__ ===
class NoInit:
    def __init__(self):
        raise IndexError("init failed")
attempt("construct", lambda: NoInit())

# === exceptions in __enter__/__exit__ ===
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise LookupError("exit failed")
def use_bad_exit():
    with BadExit():
        return "body done"
attempt("with", use_bad_exit)

# === exceptions in __str__ used by print ===
class BadStr:
    def __str__(self):
        raise ValueError("no str")
attempt("str", lambda: str(BadStr()))
try:
    print(BadStr())
except ValueError as e:
    print("print failed:", e)
