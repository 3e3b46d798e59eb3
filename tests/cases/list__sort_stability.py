# list.sort / sorted: stability, key functions, reverse keeps stability, large inputs.

# === stability with a key ===
recs = [("b", 2), ("a", 1), ("c", 2), ("d", 1), ("e", 3), ("f", 2)]
print(sorted(recs, key=lambda r: r[1]))

# === reverse=True keeps equal elements in original order ===
print(sorted(recs, key=lambda r: r[1], reverse=True))
words = ["bb", "a", "cc", "d", "eee", "ff"]
print(sorted(words, key=len, reverse=True))

# === multi-pass sort (secondary key first) ===
people = [("bob", 30), ("amy", 25), ("cat", 30), ("dan", 25), ("eve", 35)]
by_name = sorted(people)
print(sorted(by_name, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))

# === in-place sort returns None and mutates ===
xs = [5, 2, 8, 1]
r = xs.sort()
print(r, xs)

# === larger inputs ===
data = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(data)
print(s[:5], s[-5:], len(s), s == sorted(s, reverse=True)[::-1])
ok = True
for i in range(len(s) - 1):
    if s[i] > s[i + 1]:
        ok = False
print("ascending:", ok)
print(sorted(data, key=lambda v: v % 10)[:12])

# === sorting strings, tuples, mixed int/float ===
print(sorted(["banana", "apple", "Cherry", "apple2", ""]))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted([3, 1.5, 2, -0.5, 0]))
print(sorted("hello world"))

# === key is called once per element ===
calls = []
def key(v):
    calls.append(v)
    return -v
print(sorted([3, 1, 2], key=key), sorted(calls))

# === sorting with a key that raises ===
def bad_key(v):
    if v == 2:
        raise ValueError("no twos")
    return v
try:
    sorted([1, 2, 3], key=bad_key)
except ValueError as e:
    print("ValueError:", e)

# === sort keeps the list usable after a failed comparison ===
mixed = [3, "a", 1]
try:
    mixed.sort()
except TypeError as e:
    print("TypeError:", e)
print(len(mixed), sorted([x for x in mixed if isinstance(x, int)]))
