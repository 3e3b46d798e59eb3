# dict and set comprehensions.

# === dict comprehensions ===
print({x: x * x for x in range(5)})
print({k: v for k, v in [("a", 1), ("b", 2)]})
print({v: k for k, v in {"one": 1, "two": 2}.items()})
print({w: len(w) for w in "apple banana kiwi".split() if len(w) > 4})
print({i: [j for j in range(i)] for i in range(4)})

# === later keys win, first position kept ===
print({x % 3: x for x in range(10)})

# === set comprehensions of small ints ===
print({x % 4 for x in range(20)}, sorted({x * x for x in range(-3, 4)}))
print(sorted({len(w) for w in ["a", "bb", "cc", "ddd", "e"]}))
print({c for c in [3, 1, 2, 3, 1]} == {1, 2, 3})

# === nested ===
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print({i: {j for j in range(i)} for i in range(3)})

# === scope ===
n = "keep"
counts = {n: 0 for n in range(2)}
print(n, counts)

# === building an index ===
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
index = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(index)
