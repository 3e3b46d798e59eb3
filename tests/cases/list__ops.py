# list operators, indexing, nesting, aliasing, equality.

# === indexing and assignment ===
xs = [10, 20, 30, 40]
print(xs[0], xs[-1], xs[2])
xs[1] = 21
xs[-1] += 1
print(xs)

# === + and * ===
print([1, 2] + [3], [0] * 4, 2 * [1, 2], [] * 10, [[]] * 2)
ys = [1]
ys += [2, 3]
ys += (4,)
print(ys)
ys *= 2
print(ys)

# === aliasing ===
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a == b)
c = a[:]
c.append(5)
print(a, c, a is c)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
shared = [[0] * 3] * 3
shared[0][0] = 1
print(shared)

# === membership and comparisons ===
print(3 in a, 9 in a, 9 not in a, [1, 2] in [[1, 2], [3]])
print([1, 2, 3] == [1, 2, 3], [1, 2] != [2, 1], [1, 2] < [1, 2, 3], [2] > [1, 99])

# === nested data ===
m = [[1, 2], [3, 4], [5, 6]]
print(m[1][0], m[-1][-1], len(m), sum([row[1] for row in m]))
m[0][1] = "x"
print(m)

# === index errors ===
try:
    xs[10]
except IndexError as e:
    print("IndexError:", e)
try:
    xs[-5] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    xs["a"]
except TypeError as e:
    print("TypeError:", e)

# === repr of recursive-free lists with strings ===
print([1, "a", None, True, 1.5, [2, ["b"]], (3,), {"k": [1]}])
print(str([]), repr([[]]))

# === len and iteration ===
total = 0
for x in [1, 2, 3, 4]:
    total += x
print(total, len([0] * 100))
