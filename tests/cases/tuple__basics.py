# tuples: creation, packing, unpacking, immutability, methods.

# === creation ===
t = (1, 2, 3)
print(t, (), (1,), tuple(), tuple([4, 5]), tuple("ab"), 1, 2)
u = 4, 5, 6
print(u, type(u), len(u))
single = 7,
print(single, len(single))

# === indexing and slicing ===
print(t[0], t[-1], t[1:], t[::-1])

# === operators ===
print(t + (4,), t * 2, 2 in t, 9 in t, t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 0))

# === methods ===
v = (1, 2, 1, 3, 1)
print(v.count(1), v.index(3), v.index(1, 1))

# === immutability ===
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)

# === tuples holding mutable objects ===
m = ([1], [2])
m[0].append(10)
print(m)

# === unpacking ===
a, b, c = t
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = t
print(first, rest)
try:
    a, b = t
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c, d = t
except ValueError as e:
    print("ValueError:", e)

# === as dict keys ===
d = {(0, 0): "origin", (1, 2): "p"}
print(d[(0, 0)], d[1, 2])

# === hashing equal tuples ===
print(hash((1, 2)) == hash((1, 2)), len({(1, 2), (1, 2), (2, 1)}))

# === repr ===
print(repr((1, "a", (None,))), str(("x",)))
