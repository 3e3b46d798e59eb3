# __str__ and __repr__: fallbacks, containers use repr, print uses str.

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

class OnlyStr:
    def __str__(self):
        return "only-str"

class Both:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "Both(" + repr(self.n) + ")"
    def __str__(self):
        return "both #" + str(self.n)

# === str falls back to repr ===
print(OnlyRepr(), str(OnlyRepr()), repr(OnlyRepr()))

# === repr does not fall back to str ===
print(OnlyStr(), str(OnlyStr()), repr(OnlyStr()).startswith("<__main__.OnlyStr object at 0x"))

# === containers show repr of elements ===
b = Both(1)
print(b, [b], (b,), {"k": b}, {1: [b, Both("x")]})
print(str([b]), repr([b]))

# === f-strings use str, !r uses repr ===
print(f"{b} | {b!r} | {[b]}")

# === string concatenation needs str() ===
print("value: " + str(b) + " / " + repr(b))

# === __repr__ returning non-str is an error ===
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)

# === repr of nested strings escapes quotes ===
class Q:
    def __repr__(self):
        return "Q('it''s')"
print([Q()], repr("a'b"), repr('a"b'), [repr("x")])

# === inheritance of __repr__ ===
class Child(Both):
    pass
print(Child(5), repr(Child(5)))

# === type name in default repr of classes ===
print(repr(Both), str(Both), repr(int), str(type(b)))
