# Builtins and statements pull from generators one item at a time through
# the iterator protocol: the prints of a noisy generator interleave with
# the consumer's work exactly as in CPython, and short-circuiting
# consumers stop pulling.

def noisy(items, name="g"):
    for x in items:
        print("  %s yields %r" % (name, x))
        yield x
    print("  %s done" % name)

def key(x):
    print("  key(%r)" % (x,))
    return -x

def pred(x):
    print("  pred(%r)" % (x,))
    return x % 2 == 0

# === for ===
for x in noisy([1, 2]):
    print("body", x)

# === list, tuple, set, dict, sorted, reversed(list(...)) ===
print(list(noisy([1, 2])))
print(tuple(noisy("ab")))
print(sorted(set(noisy([3, 1, 3]))))
print(dict(noisy([("a", 1), ("b", 2)])))
print(sorted(noisy([3, 1, 2]), key=key))
print(list(reversed(list(noisy([1, 2])))))

# === sum, min, max (with key), len of a list of it ===
print(sum(noisy([1, 2, 3])))
print(min(noisy([3, 1, 2])), max(noisy([3, 1, 2])))
print(min(noisy([3, 1, 2]), key=key))
print(max(noisy([]), default="empty"))
print(max(noisy([5]), key=key, default=0))

# === map, filter, zip, enumerate are lazy too ===
m = map(lambda x: x * 10, noisy([1, 2, 3]))
print("map created")
print(next(m))
print(list(m))
f = filter(pred, noisy([1, 2, 3, 4]))
print("filter created")
print(next(f))
print(list(f))
z = zip(noisy([1, 2, 3], "a"), noisy("xy", "b"))
print("zip created")
print(list(z))
e = enumerate(noisy("pq"), 1)
print(next(e))
print(list(e))
print(list(map(lambda a, b: a + b, noisy([1, 2]), noisy([10, 20, 30], "h"))))

# === any / all stop pulling ===
g = noisy([0, 0, 5, 0, 7])
print(any(g))
print("rest:", list(g))
g = noisy([1, 1, 0, 1])
print(all(g))
print("rest:", list(g))
print(any(noisy([])), all(noisy([])))

# === in stops at the first match ===
g = noisy([1, 2, 3, 4])
print(2 in g)
print("rest:", list(g))
g = noisy([1, 2])
print(5 in g, 5 not in noisy([5]))

# === str.join, unpacking, star-args and star-displays ===
print(",".join(noisy(["a", "b"])))
a, b = noisy([1, 2])
print(a, b)
try:
    a, b = noisy([1, 2, 3])
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = noisy([1, 2])
except ValueError as e:
    print("ValueError:", e)
first, *rest = noisy([1, 2, 3])
print(first, rest)
print(*noisy(["x", "y"]))
print([0, *noisy([1, 2]), 3])
print((*noisy("ab"),))
print({*noisy([1, 1])})
def takes(*args, **kw):
    return args
print(takes(*noisy([1, 2]), *noisy([3], "h")))

# === list.extend, set.update, dict.update, list + comprehension ===
l = [0]
l.extend(noisy([1, 2]))
print(l)
s = set()
s.update(noisy([1]))
print(s)
d = {}
d.update(noisy([("k", "v")]))
print(d)
print([x * 2 for x in noisy([1, 2])])
print({x: x for x in noisy([1])})

# === next with a default, iter() of a generator ===
g = noisy([1])
print(next(g, "d1"))
print(next(g, "d2"))
print(next(g, "d3"))
print(iter(g) is g)

# === a consumer stops early: break, then continue with the same generator ===
g = noisy([1, 2, 3, 4])
for x in g:
    if x == 2:
        break
print("after break")
for x in g:
    print("resumed", x)

# === zip stops at the shortest: how many items each side gives ===
print(list(zip(noisy([1, 2, 3], "long"), noisy([1], "short"))))
print(list(zip(noisy([1], "short"), noisy([1, 2, 3], "long"))))

# === a generator consumed by two consumers in turn ===
g = noisy(range(6))
print(next(g), sum(x for x, _ in zip(g, range(2))), list(g))

# === infinite generators with short-circuiting consumers ===
def count():
    n = 0
    while True:
        yield n
        n += 1

print(any(n > 5 for n in count()))
print(next(n for n in count() if n * n > 50))
c = count()
print(list(zip(c, "abc")), next(c))
print(3 in count())
