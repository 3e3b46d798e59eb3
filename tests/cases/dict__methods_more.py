# dict methods, views and errors.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

d = {"a": 1, "b": 2}
# === get, setdefault, pop, popitem ===
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 99), d.setdefault("n"), d)
print(d.pop("n"), d.pop("zz", "dflt"), d.popitem(), d, d.pop("a"), d)
show("d.pop('zz')", lambda: d.pop("zz"))
show("{}.popitem()", lambda: {}.popitem())
show("d.get()", lambda: d.get())
show("d.get([1])", lambda: d.get([1]))
show("d[[1]]", lambda: d[[1]])
show("d['missing']", lambda: d["missing"])
show("d[(1, [2])]", lambda: d[(1, [2])])

# === update in every form ===
e = {}
e.update({"x": 1}); e.update([("y", 2), ["z", 3]]); e.update(w=4, x=10); e.update({"q": 0}, r=5); e.update(); e.update(e)
print(e)
show("update([1])", lambda: {}.update([1]))
show("update([(1, 2, 3)])", lambda: {}.update([(1, 2, 3)]))
show("update(1)", lambda: {}.update(1))
show("update({}, {})", lambda: {}.update({}, {}))
show("dict([(1,)])", lambda: dict([(1,)]))
show("dict(1)", lambda: dict(1))
print(dict(), dict(a=1), dict([(1, 2)], b=3), dict({"k": "v"}), dict(zip("ab", range(2))), dict.fromkeys("abc"), dict.fromkeys([1, 2], []))

# === views ===
v = {"a": 1, "b": 2, "c": 3}
ks, vs, its = v.keys(), v.values(), v.items()
v["d"] = 4
print(ks, vs, its, len(ks), "a" in ks, 1 in vs, ("a", 1) in its, ("a", 2) in its, list(reversed(ks)), list(reversed(its)))
print(sorted(ks & {"a", "z"}), sorted(ks | {"z"}), sorted(ks - {"a"}), sorted(ks ^ {"a", "z"}), its & {("a", 1)}, ks == {"a", "b", "c", "d"})
print(ks < {"a", "b", "c", "d", "e"}, ks <= ks, ks > {"a"}, ks >= {"a", "q"}, sorted({"a", "z"} & ks), sorted({"z"} | ks), sorted({"a", "z"} - ks), sorted({"z"} ^ ks))
print(ks == ks, ks != {"a"}, its == its, ks.isdisjoint({"q"}), ks.isdisjoint(["a"]), {1: 2}.keys() == {1: 3}.keys(), {1: 2}.items() == {1: 3}.items())
show("ks < [1]", lambda: ks < [1])
print(sorted(ks), sorted(vs), sorted(its), list(v), [k for k in v.keys()], {k: v2 for k, v2 in v.items() if v2 > 2})
show("vs == vs", lambda: vs == v.values())
show("ks[0]", lambda: ks[0])
show("hash(ks)", lambda: hash(ks))

# === copy, clear, equality, ordering, operators ===
c = v.copy(); c["a"] = 100
print(v["a"], c["a"], c == v, {1: 1} == {1: 1.0}, {1: 2} == {1: 2, 3: 4}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
print(v | {"a": 0, "z": 26}, {"x": 1} | {}, v)
m = {"a": 1}
m |= {"b": 2}; m |= [("c", 3)]; print(m)
c.clear(); print(c, len(c), bool(c), bool(v))
show("{} < {}", lambda: {} < {})
show("{} | []", lambda: {} | [])
show("{} + {}", lambda: {} + {})

# === deletion and mutation during iteration ===
w = {i: i * i for i in range(6)}
del w[0]
for k in [1, 3]:
    del w[k]
print(w, list(w.items()))
def delitem(obj, key):
    del obj[key]
show("del w[0]", lambda: delitem(w, 0))
def mutate():
    x = {1: 1, 2: 2}
    for k in x:
        x[k + 10] = 0
show("mutate while iterating", mutate)
def shrink():
    x = {1: 1, 2: 2}
    for k in x:
        del x[k]
show("delete while iterating", shrink)

# === keys of many types and equal hashes ===
k = {1: "int", 1.0: "float", True: "bool", (1, 2): "tuple", None: "none", "1": "str", b"1": "bytes", frozenset({1}): "fs", -0.0: "zero", 0: "int0"}
print(k, len(k), k[1], k[0.0], k[False], k[(1, 2)], k[frozenset([1])])
print({10 ** 20: 1}[10 ** 20], {2 ** 61 - 1: "m"}, {float("inf"): 1}, {(1, (2, 3)): 0}, hash((1, 2)), hash((1, (2, 3))), hash(()), hash((-1,)))

# === repr of nested and recursive dicts ===
r = {"self": None}
r["self"] = r
print(r, {"l": [1, {"d": ()}]}, {1: {2: {3: {}}}}, repr({"q": "it's"}))

# === end ===
{"a": 1}["b"]
