# dict methods.

d = {"a": 1, "b": 2, "c": 3}

# === get ===
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))

# === setdefault ===
print(d.setdefault("a", 50), d.setdefault("d", 4), d)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)

# === pop ===
print(d.pop("d"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)

# === popitem on empty ===
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)

# === keys / values / items ===
print(list(d.keys()), list(d.values()), list(d.items()))
print("a" in d.keys(), 2 in d.values(), ("a", 1) in d.items())
ks = d.keys()
d["e"] = 5
print(list(ks))

# === update ===
d.update({"a": 10})
d.update([("f", 6)])
d.update(g=7)
print(d)

# === copy and clear ===
c = d.copy()
c["a"] = -1
print(d["a"], c["a"], c is d)
c.clear()
print(c, len(c))

# === fromkeys ===
print(dict.fromkeys(["x", "y"]), dict.fromkeys("ab", 0), dict.fromkeys(range(3), []))

# === iteration while building another dict ===
inv = {}
for k, v in {"one": 1, "two": 2, "uno": 1}.items():
    inv.setdefault(v, []).append(k)
print(inv)

# === modifying during iteration is an error ===
try:
    for k in d:
        d["new" + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
