# List comprehensions.

# === basic ===
print([x for x in range(5)], [x * x for x in range(6)], [c.upper() for c in "abc"])

# === with conditions ===
print([x for x in range(20) if x % 3 == 0], [x for x in range(20) if x % 2 if x % 3])
print([x if x > 2 else 0 for x in range(5)])

# === nested loops ===
print([(i, j) for i in range(3) for j in range(i)])
print([c + d for c in "ab" for d in "xy"])
print([[i * j for j in range(3)] for i in range(3)])

# === flattening ===
matrix = [[1, 2, 3], [4, 5], [6]]
print([x for row in matrix for x in row])
print([row[::-1] for row in matrix])

# === transposing ===
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)])

# === comprehension has its own scope ===
x = "outer"
ys = [x for x in range(3)]
print(x, ys)

# === using enclosing variables ===
k = 10
print([k * v for v in [1, 2]])
def scaled(xs, factor):
    return [v * factor for v in xs]
print(scaled([1, 2, 3], 3))

# === comprehension over dict and string methods ===
d = {"a": 1, "b": 2, "c": 3}
print([k for k in d], [v for v in d.values()], [k + str(v) for k, v in d.items()])
print([w for w in "the quick brown fox".split() if len(w) > 3])

# === calls and method calls inside ===
print([len(w) for w in ["", "ab", "abc"]], [str(i).zfill(2) for i in range(3)])

# === empty results ===
print([x for x in []], [x for x in range(10) if x > 100])

# === nested comprehension with filter at each level ===
print([(a, b) for a in range(4) if a % 2 == 0 for b in range(4) if b > a])

# === pythagorean triples ===
print([(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c])
