# __eq__ and __hash__: unhashable classes, dict/set lookups, __ne__ derived from __eq__.

class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return "Key(" + repr(self.k) + ")"

# === equal keys find each other ===
d = {Key(1): "one", Key("a"): "A"}
print(d[Key(1)], d[Key("a")], Key(1) in d, Key(2) in d)
d[Key(1)] = "uno"
print(len(d), d[Key(1)])
s = {Key(1), Key(1), Key(2)}
print(len(s), Key(2) in s)

# === __ne__ is derived from __eq__ ===
print(Key(1) != Key(1), Key(1) != Key(2), Key(1) == 1, Key(1) != 1)

# === defining __eq__ without __hash__ makes instances unhashable ===
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
try:
    {OnlyEq(1)}
except TypeError as e:
    print("TypeError:", e)
try:
    hash(OnlyEq(1))
except TypeError as e:
    print("TypeError:", e)
print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(2))

# === default hashing is by identity ===
class Plain:
    pass
p = Plain()
q = Plain()
dd = {p: "p", q: "q"}
print(dd[p], dd[q], len(dd), p == q)

# === __eq__ used by list methods and `in` ===
ks = [Key(1), Key(2), Key(3)]
print(Key(2) in ks, ks.index(Key(3)), ks.count(Key(1)))
ks.remove(Key(2))
print(ks)

# === __hash__ must return an int ===
class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)

# === hash of equal numbers is equal ===
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False), hash(-1) == hash(-1.0))
print(len({1, 1.0, True}), len({0, 0.0, False, None}))
