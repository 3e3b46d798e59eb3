# Methods of list, tuple, dict (and its views), set and frozenset.

# === list ===
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 7)
print(l, l.pop(), l.pop(0), l.index(9), l.count(1))
l.remove(9); l.reverse(); print(l); l.sort(); print(l); l.sort(reverse=True); print(l)
c = l.copy(); c.clear(); print(c, l)
l.extend(l); print(l, [1, 2, 3, 2].index(2, 2))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, reverse=True), sorted([3.5, -1, 2, True]))

# === tuple ===
print((1, 2, 1).count(1), (1, 2, 3).index(2), (1, 2, 3).index(3, 1))

# === dict and views ===
d = {"a": 1, "b": 2}
ks, vs, its = d.keys(), d.values(), d.items()
print(ks, vs, its, len(ks), "a" in ks, 2 in vs, ("a", 1) in its, list(reversed(ks)))
d["c"] = 3
print(list(ks), list(vs), list(its), type(ks).__name__)
print(d.get("a"), d.get("z", 0), d.setdefault("d", 4), d.setdefault("a", 9), d.pop("a"), d.pop("zz", "dflt"), d.popitem(), d)
d2 = dict(a=1, b=2); d2.update({"c": 3}, d=4); d2.update([("e", 5)]); print(d2)
print(dict.fromkeys("ab", 0), dict([(1, 2)]), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])), {}.fromkeys([1]))
print(d2.keys() & {"a", "z"}, d2.keys() == {"a", "b", "c", "d", "e"}, sorted(d2.keys() | {"q"}), sorted(d2.keys() - {"a"}))
for k, v in d2.items():
    print(k, v, end="; ")
print()
e = d2.copy(); e.clear(); print(e, len(d2))

# === set ===
s = {3, 1, 2}
s.add(5); s.discard(1); s.discard(100); print(s, s.pop(), s)
a, b = {1, 2, 3}, {2, 3, 4}
print(a | b, a & b, a - b, a ^ b, a.union([9]), a.intersection(b, {3}), a.difference(b), a.symmetric_difference(b))
print(a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({7}), a <= b, a < {1, 2, 3, 4}, frozenset([1, 2]) | {3})
a.update([10, 11]); a.intersection_update({10, 11, 1}); print(a); a.difference_update([10]); print(a)
a.symmetric_difference_update({1, 5}); print(a)
print(set(), frozenset(), set("aab") == {"a", "b"}, sorted(set(range(10)) - set(range(0, 10, 2))), set(range(20)) & set(range(5, 40, 5)))
t = {1, 2, 3}
t.difference_update(t); print(t)
t = {1, 2}
t |= t; t &= {2, 3}; t ^= {9}; print(t, frozenset({1, 2}).union({3}), type(frozenset({1}) | {2}).__name__)

# === errors ===
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [].remove(1), lambda: ["a"].index("b"), lambda: ().index(1),
            lambda: {}.popitem(), lambda: set().pop(), lambda: {1}.remove(2), lambda: {}.pop("k"),
            lambda: dict([1]), lambda: dict([[1, 2, 3]]), lambda: [].sort(1), lambda: sorted([1, "a"]), lambda: set([[]]),
            lambda: {1} | [1], lambda: frozenset().add(1)]:
    try:
        bad()
    except (LookupError, ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
