# Assignment forms: chained, tuple, starred, augmented, attribute, subscript.

# === chained assignment ===
a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)

# === tuple and list targets ===
p, q = 1, 2
print(p, q)
p, q = q, p
print(p, q)
[r, s] = "ab"
print(r, s)
(t, u), v = [1, 2], 3
print(t, u, v)
i, (j, (k, l)) = 1, (2, (3, 4))
print(i, j, k, l)

# === starred targets ===
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = [1, 2, 3]
print(init, tail)
head, *rest = "x"
print(head, rest)
a1, *b1, c1 = 1, 2
print(a1, b1, c1)
(m, *n), o = [1, 2, 3], 4
print(m, n, o)
for h, *tl in [(1, 2, 3), (4,)]:
    print(h, tl)

# === evaluation order: right side first ===
xs = [0, 0, 0]
idx = 0
idx, xs[idx] = 2, 9
print(idx, xs)

# === augmented assignment on targets ===
d = {"n": 1}
d["n"] += 10
d["n"] *= 2
lst = [1, 2, 3]
lst[1] -= 5
lst[-1] **= 2
print(d, lst)

class Box:
    pass

box = Box()
box.v = 1
box.v += 41
box.items = []
box.items += [1]
print(box.v, box.items)

# === augmented assignment mutates lists in place ===
orig = [1]
alias = orig
alias += [2]
print(orig, alias is orig)
tup = (1,)
tup_alias = tup
tup_alias += (2,)
print(tup, tup_alias)

# === subscript and slice targets ===
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
grid[0][:] = [7, 8]
print(grid)
dd = {}
dd["a"] = dd["b"] = 0
print(dd)

# === swap through attributes ===
box.a, box.b = 1, 2
box.a, box.b = box.b, box.a
print(box.a, box.b)

# === unpacking errors ===
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
