# sets of small ints: creation, membership, operators, methods.

# === creation ===
s = {3, 1, 2}
print(s, set(), set([1, 2, 2, 3, 3, 3]), len({1, 1, 1}), set(range(5)))
print(type(s), bool(set()), {0} == {False})

# === membership ===
print(1 in s, 5 in s, 5 not in s)

# === add, discard, remove, pop ===
s.add(4)
s.add(1)
print(s)
s.discard(10)
s.discard(4)
print(s)
s.remove(3)
print(s)
try:
    s.remove(3)
except KeyError as e:
    print("KeyError:", e)
p = {5}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)

# === operators ===
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8]), a.intersection(range(3)))

# === subset and superset ===
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a)
print({1, 2}.issubset(a), a.issuperset({4}), {9}.issubset(a))
print(a == {4, 3, 2, 1}, a != b)

# === in-place operators ===
c = {1, 2, 3}
c |= {4}
print(c)
c &= {2, 3, 4, 5}
print(c)
c -= {2}
print(c)
c ^= {3, 7}
print(c)

# === sorted output of larger sets ===
sq = set()
for i in range(-10, 11):
    sq.add(i * i)
print(sorted(sq), len(sq))
print(sorted({10, 500, 37, 2000}))

# === unhashable elements ===
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)

# === set comprehension and dedup ===
print(sorted(set([3, 1, 3, 2, 1])), len(set("mississippi")))
