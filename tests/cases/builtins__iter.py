# Iteration builtins: enumerate, zip, map, filter, reversed, sorted, any, all.

# === enumerate ===
print(list(enumerate("abc")), list(enumerate(["x", "y"], 1)), list(enumerate([], 5)))
for i, v in enumerate([10, 20], start=100):
    print(i, v)

# === zip ===
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
print(dict(zip(["k1", "k2"], [1, 2])))

# === map ===
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb"])), list(map(lambda x, y: x + y, [1, 2], [10, 20, 30])))
print(list(map(int, "123")), list(map(abs, [-1, 2, -3])))

# === filter ===
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, ["1", "a", "22"])))

# === map and filter are lazy, single-pass ===
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m), list(m))

# === reversed ===
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print("".join(reversed("stressed")))

# === sorted ===
print(sorted([3, 1, 2]), sorted("cab"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}))
print(sorted(["bb", "a", "ccc"], key=len), sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(sorted([(1, "b"), (0, "z"), (1, "a")]), sorted([-3, 2, -1], key=abs))
data = [("x", 3), ("y", 1), ("z", 3), ("w", 2)]
print(sorted(data, key=lambda p: p[1]), sorted(data, key=lambda p: -p[1]))
print(sorted([]), sorted([1.5, -2, 0, True]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)

# === any / all ===
print(any([0, "", None]), any([0, 1]), any([]), all([1, "a", [0]]), all([1, 0]), all([]))
print(any([x > 3 for x in range(5)]), all([x < 5 for x in range(5)]))

# === min / max over iterables with key and default ===
print(min([3, 1, 2]), max("hello"), min("bca", key=lambda c: -ord(c)), max([], default="empty"))
print(max([("a", 2), ("b", 9), ("c", 1)], key=lambda p: p[1]), min([[3], [1, 2]], key=len))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)

# === sum ===
print(sum([1, 2, 3]), sum([], 10), sum([[1], [2]], []), sum(range(101)), sum([0.5, 0.5]))

# === iter / next ===
it = iter([1, 2, 3])
print(next(it), list(it))

# === list/tuple/dict/set constructors from iterables ===
print(list(range(3)), tuple([1, 2]), dict([("a", 1)]), sorted(set([3, 3, 1])))
