# Container displays: lists, tuples, dicts, sets; nesting, duplicates, unpacking in displays.

# === empty and single ===
print([], (), {}, set(), [1], (1,), {1: 1}, {1})

# === nesting ===
print([[1, [2, [3, []]]], ((1,), ()), {"a": {"b": {"c": []}}}])

# === duplicate dict keys: last value wins, first position kept ===
print({"a": 1, "b": 2, "a": 3})
print({1: "int", 1.0: "float", True: "bool"})

# === duplicate set elements ===
print({1, 1, 2, 2, 3}, len({0, 0, 0}))

# === unpacking in displays ===
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0), {*a, *b}, [*"hi", *range(2)])
d1 = {"x": 1}
d2 = {"y": 2, "x": 10}
print({**d1, **d2}, {**d2, **d1}, {**d1, "z": 3})

# === expressions inside displays ===
n = 3
print([n, n * 2, n ** 2], {n: n + 1, n + 1: n}, (n > 2, n < 2))

# === multi-line displays with trailing commas ===
grid = [
    [1, 2, 3],
    [4, 5, 6],
]
conf = {
    "name": "x",
    "tags": ["a", "b",],
}
print(grid, conf)

# === containers compare structurally ===
print([1, [2]] == [1, [2]], (1, (2,)) == (1, (2,)), {"k": [1]} == {"k": [1]})

# === repr of empty nested containers ===
print([[], {}, ()], ([],), {"e": {}})
