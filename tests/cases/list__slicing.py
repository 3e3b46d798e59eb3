# list slicing: read, assign, delete, with steps.

xs = list(range(10))

# === reading slices ===
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[::2], xs[::-1], xs[8:2:-2])
print(xs[5:100], xs[100:], xs[-100:1], xs[3:3])

# === slices are copies ===
ys = xs[:]
ys[0] = 99
print(xs[0], ys[0])

# === slice assignment ===
a = [0, 1, 2, 3, 4, 5]
a[1:3] = ["a", "b", "c"]
print(a)
a[0:0] = [-1]
print(a)
a[-2:] = []
print(a)
a[:] = [7, 8]
print(a)
a[len(a):] = [9]
print(a)
a[1:2] = "xy"
print(a)

# === extended slice assignment ===
b = list(range(8))
b[::2] = ["e0", "e2", "e4", "e6"]
print(b)
b[::-2] = [1, 2, 3, 4]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)

# === del with slices ===
c = list(range(10))
del c[2:4]
print(c)
del c[::3]
print(c)
del c[-1]
print(c)
del c[:]
print(c)

# === tuples slice too ===
t = (1, 2, 3, 4, 5)
print(t[1:4], t[::-1], t[::2], type(t[1:2]))
