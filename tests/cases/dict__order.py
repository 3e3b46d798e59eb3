# dict preserves insertion order, including after deletion and re-insertion.

# === insertion order ===
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d, list(d))

# === overwriting keeps position ===
d["alpha"] = 0
print(list(d.items()))

# === deleting and re-inserting moves to the end ===
del d["zeta"]
d["zeta"] = 99
print(list(d))
d.pop("mid")
d["new"] = 1
d["mid"] = 2
print(d)

# === int keys are not sorted ===
n = {}
for k in [5, 3, 9, 1, 7, 100, -4]:
    n[k] = str(k)
print(n)
del n[9]
n[9] = "nine"
print(list(n.keys()))

# === many insertions and deletions ===
big = {}
for i in range(100):
    big[i] = i * i
for i in range(0, 100, 3):
    del big[i]
print(len(big), list(big)[:10], list(big)[-5:])
for i in range(0, 100, 3):
    big[i] = -i
print(len(big), list(big)[:5], list(big)[-5:])

# === popitem removes the last item ===
p = {"a": 1, "b": 2, "c": 3}
print(p.popitem(), p.popitem(), p)

# === update keeps existing positions ===
u = {"x": 1, "y": 2}
u.update({"z": 3, "x": 10})
print(u)

# === dict from comprehension keeps order ===
print({w: w.upper() for w in ["c", "a", "b"]})

# === string keys in insertion order ===
words = "the cat sat on the mat with the hat".split()
seen = {}
for w in words:
    seen[w] = seen.get(w, 0) + 1
print(seen)
