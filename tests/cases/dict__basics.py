# dict: creation, lookup, assignment, deletion, membership, iteration.

# === creation ===
d = {"a": 1, "b": 2}
print(d, {}, dict(), dict(x=1, y=2), dict([("k", "v"), (1, 2)]), dict({"z": 0}))
print(dict({"a": 1}, b=2), len(d))

# === lookup and assignment ===
print(d["a"], d["b"])
d["c"] = 3
d["a"] = 100
print(d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)

# === membership ===
print("a" in d, "z" in d, "z" not in d, 1 in {1: "x"}, "x" in {1: "x"})

# === keys of many types ===
m = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?"}
print(m)
print(m[1], m[True], m[1.0], m[(1, 2)], m[None])
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)

# === deletion ===
del d["b"]
print(d)
try:
    del d["b"]
except KeyError as e:
    print("KeyError:", e)

# === iteration ===
for k in d:
    print("key", k, d[k])
for k, v in d.items():
    print("item", k, v)
print(list(d.keys()), list(d.values()), list(d.items()))
print(sorted(d), len(d.keys()))

# === equality ignores order ===
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 2}, {} == {})

# === nested ===
tree = {"left": {"val": 1}, "right": {"val": 2, "kids": [3, 4]}}
print(tree["right"]["kids"][1], tree["left"])
tree["left"]["val"] += 10
print(tree)

# === counting ===
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
