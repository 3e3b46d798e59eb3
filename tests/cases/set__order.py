# Iteration order of set results follows CPython's table layout: copies,
# symmetric differences, multi-argument methods, sets built from dicts.

a = {2 ** 61, 5, (0,), 10 ** 20, 2, 1.5, -1, 7, 8, 9}
b = frozenset([(1, 2), 3, 2 ** 61 - 1, 5, 10 ** 20, -0.0])
print(set(a), a.copy(), frozenset(a), set(b))
print(a ^ b, b ^ a, a.symmetric_difference(b), b.symmetric_difference([1, 2, 3]))
print(a.union(b, [4]), a.union([4, 5], (6,)), a.difference(b, [7]), a.difference([2, 5], [8]), b.difference(a))
d = {k: 0 for k in [9, 2 ** 61, (0,), 3, 10 ** 20, 1, 0, -5]}
print(set(d), frozenset(d), set(d.keys()), set().union(d), {1}.union(d))
s = set([1, 2])
s.update(d)
print(s)
print(d.keys() - {3}, d.keys() ^ {3, 4}, {3, 4} ^ d.keys(), {3, 4, 5} - d.keys(), d.keys() | {100}, d.keys() & {1, 3, 0, 77, 9, 2 ** 61, 5, 6, 7, 8})
print({True: 1, 2: 2}.keys() & {1, 2, 3}, {1, 2, 3} & {True: 1, 2: 2}.keys(), {1: 1}.keys() & frozenset([True]))
