# Starred assignment and unpacking in every target position.

# === star at the end, start and middle ===
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = (1, 2, 3, 4)
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = "xy"
print(a, b, c)

# === a lone starred target ===
*only, = {"k": 1, "j": 2}
print(only)
[*also] = "abc"
print(also)

# === nested starred targets ===
(a, *b), *c = [1, 2, 3], 4, 5
print(a, b, c)
[x, [y, *z]] = [1, (2, 3, 4)]
print(x, y, z)

# === from iterators and map objects ===
first, *rest = iter([9, 8, 7])
print(first, rest)
head, *tail = map(lambda n: n * n, range(4))
print(head, tail)

# === into attributes and subscripts ===
class Obj:
    pass
o = Obj()
slots = [0, 0]
o.a, *o.rest, slots[1] = [1, 2, 3, 4]
print(o.a, o.rest, slots)

# === in for loops ===
for first, *others in [(1, 2, 3), (4,), "ab"]:
    print(first, others)

# === errors ===
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b = 5
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = None
except TypeError as e:
    print("TypeError:", e)

# === chained and swapped assignment ===
p = q = [1, 2]
p, q = q[::-1], p
print(p, q)
x = y = z = 0
x, (y, z) = 1, [2, 3]
print(x, y, z)

# === starred in displays and calls ===
xs = [1, 2]
ys = (3,)
print([*xs, *ys, 0], (*xs, *"ab"), {*xs, *ys}, {**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(*xs, 5, *ys, k=1, **{"m": 2}))
