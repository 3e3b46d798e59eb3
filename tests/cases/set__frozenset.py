# set and frozenset: methods, operators, hashing, repr and errors.
# (ints and tuples only, so the iteration order is CPython's too)

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

a = {1, 2, 3, 4}
b = frozenset([3, 4, 5])

# === repr and construction ===
print(frozenset(), frozenset([1, 2]), frozenset({1: 2}), frozenset(range(3)), set(), set(b), frozenset(b) is b, repr(frozenset({(1, 2)})))
print(type(a | b).__name__, type(b | a).__name__, type(b & a).__name__, type(b - a).__name__, type(b ^ a).__name__, type(b.copy()).__name__)
print(b.copy() is b, frozenset(x for x in [1]) if False else frozenset([9]), {frozenset([1]), frozenset([1])}, {frozenset(): 1})
show("frozenset(1)", lambda: frozenset(1))
show("frozenset([[1]])", lambda: frozenset([[1]]))
show("set([{}])", lambda: set([{}]))

# === non-mutating methods ===
for x, y in [(a, b), (b, a), (b, frozenset([3])), (frozenset([3]), b), (set(), b), (b, b)]:
    print(x.union(y), x.intersection(y), x.difference(y), x.symmetric_difference(y), x.issubset(y), x.issuperset(y), x.isdisjoint(y))
print(b.union([9], (10,), range(11, 13)), b.intersection([3], [3, 4]), b.difference([3], [4]), b.symmetric_difference([5, 6]), b.issubset(range(10)), b.issuperset([3]))
print(a.union(), a.intersection(), a.difference(), b.union(), len(b), 3 in b, 9 in b, 9 not in b, sorted(b), list(b), max(b), sum(b))
show("b.add(1)", lambda: b.add(1))
show("b.union(1)", lambda: b.union(1))
show("b.issubset(5)", lambda: b.issubset(5))
show("b | [1]", lambda: b | [1])
show("[1] | b", lambda: [1] | b)
show("b + b", lambda: b + b)
show("[] in b", lambda: [] in b)

# === operators and comparisons ===
print(a | b, a & b, a - b, a ^ b, b | a, b - a, a <= a, a < a, b < a | b, a > {1}, a >= a, a == set(a), b == frozenset(b), a != b)
print(frozenset([1, 2]) == {1, 2}, {1, 2} == frozenset([1, 2]), {1} < frozenset([1, 2]), frozenset() < {1}, {1, 2} > {3}, {1} == [1])
s = {1, 2}
s |= b; print(s)
s &= {1, 3, 5}; print(s)
s -= frozenset([1]); print(s)
s ^= {7, 5}; print(s)
f = frozenset([1])
g = f
f |= {2}
print(f, g, f is g, type(f).__name__)
show("{1} < [1]", lambda: {1} < [1])
show("s |= [1]", lambda: s.__ior__([1]) if False else (lambda t: t.update([1]) or t)(set()))

# === mutating set methods ===
m = {1, 2, 3}
m.add(4); m.discard(10); m.discard(1); m.remove(2); print(m, m.pop(), m)
m.update([5, 6], (7,)); m.intersection_update([5, 6, 7, 8], range(6, 9)); print(m)
m.difference_update([6], [9]); m.symmetric_difference_update([7, 8]); print(m)
m.clear(); print(m, len(m))
show("set().pop()", lambda: set().pop())
show("{1}.remove(2)", lambda: {1}.remove(2))
show("{1}.remove([1])", lambda: {1}.remove([1]))
show("{1}.discard([1])", lambda: {1}.discard([1]))
show("{1}.add([1])", lambda: {1}.add([1]))

# === hashing equal to CPython ===
for fs in [frozenset(), frozenset([1]), frozenset([1, 2, 3]), frozenset(range(100)), frozenset([-1, -2]), frozenset([(1, 2), (3, 4)]), frozenset([1.5, 2.5]), frozenset([frozenset([1]), frozenset([2, 3])]), frozenset([10 ** 20])]:
    print(sorted(fs, key=repr), hash(fs))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(frozenset({1: 0, 2: 0})) == hash(frozenset([1, 2])))
show("hash(set())", lambda: hash(set()))

# === sets of frozensets ===
sf = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3]), frozenset()}
print(len(sf), frozenset([1, 2]) in sf, {1, 2} in sf, frozenset([9]) in sf)
d = {frozenset([1]): "one", frozenset([1, 2]): "two"}
print(d[frozenset({1})], d.get(frozenset([2, 1])), {1} in d if False else "skip")
print(frozenset([frozenset([1]), frozenset([1])]), set([frozenset()]))

# === end ===
frozenset([1]).remove(1)
