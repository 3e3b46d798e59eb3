# list methods, sorting and slice assignment with CPython's errors.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

def setitem(obj, key, value):
    obj[key] = value

def delitem(obj, key):
    del obj[key]

# === methods ===
a = [3, 1, 2]
a.append(4); a.extend([5, 6]); a.extend((7,)); a.extend("ab"); a.extend(range(2)); a.insert(0, "x"); a.insert(-1, "y"); a.insert(100, "z"); a.insert(-100, "w")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a, a.index(2), a.index(2, 2), a.count(1), a.count("nope"))
a.remove("a"); a.reverse(); print(a, a.copy() == a, a.copy() is a)
a.clear(); print(a, len(a))
show("[].pop()", lambda: [].pop())
show("[1].pop(5)", lambda: [1].pop(5))
show("[1].pop('x')", lambda: [1].pop("x"))
show("[1].remove(2)", lambda: [1].remove(2))
show("[1].index(2)", lambda: [1].index(2))
show("[1, 2, 1].index(1, 1, 2)", lambda: [1, 2, 1].index(1, 1, 2))
show("[1].extend(5)", lambda: [1].extend(5))
show("[1].insert('a', 1)", lambda: [1].insert("a", 1))
show("[].append()", lambda: [].append())
show("[].count()", lambda: [].count())
print([1, 2, 1, 2].index(2, -2), [1, 2, 3].index(3, 0, 100), [1, 2, 3].index(1, -100))
b = [1, 2]
b.extend(b); print(b)
b += b; print(b)
b *= 2; print(len(b))
c = [0] * 3; c[1:2] = c; print(c)

# === sort and sorted ===
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True), sorted(words, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y"), (2, "c")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
nums = [3, -1, 2.5, 10 ** 20, -(10 ** 20), 0, True, False, -0.0]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True))
d = [5, 3, 8]
print(d.sort(), d, d.sort(reverse=True), d, sorted("hello"), sorted({3: 1, 1: 2}), sorted((3, 1, 2)), sorted(range(5, 0, -1)))
print(sorted([[2, 1], [1, 2], [1], []]), sorted([(1, "b"), (1, "a")]), sorted(["b", "a"], key=None))
show("sorted([1, 'a'])", lambda: sorted([1, "a"]))
show("sorted(['a', 1])", lambda: sorted(["a", 1]))
show("[3, None].sort()", lambda: [3, None].sort())
show("sorted([{}, {}])", lambda: sorted([{}, {}]))
show("sorted([1, 2], key=1)", lambda: sorted([1, 2], key=1))
show("sorted()", lambda: sorted())
show("sorted([1], lambda x: x)", lambda: sorted([1], lambda x: x))
show("[].sort(1)", lambda: [].sort(1))
show("sorted([(1, 'a'), (1, 2)])", lambda: sorted([(1, "a"), (1, 2)]))
show("sorted([1, 2], cmp=1)", lambda: sorted([1, 2], cmp=1))

class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "K(%r)" % self.v

print(sorted([K(3), K(1), K(2)]), max([K(3), K(1)], key=lambda k: k.v), min(K(3), K(1)))
show("sorted([K(1), 2])", lambda: sorted([K(1), 2]))

# === slices: reading ===
s = list(range(10))
for sl in [slice(None), slice(2, 5), slice(None, None, 2), slice(None, None, -1), slice(-3, None), slice(None, -3), slice(8, 2, -2),
           slice(-1, -11, -3), slice(100, None), slice(None, None, 3), slice(5, 5), slice(7, 3), slice(-100, 100, 4), slice(1, -1, -1)]:
    print(sl.start, sl.stop, sl.step, s[sl], tuple(s)[sl], "abcdefghij"[sl], b"abcdefghij"[sl], list(range(10)[sl]), range(10)[sl])
show("s[::0]", lambda: s[::0])
show("s['a':]", lambda: s["a":])
show("s[1.5]", lambda: s[1.5])
show("s[10]", lambda: s[10])
show("(1,)[5]", lambda: (1,)[5])
show("range(3)[5]", lambda: range(3)[5])
print(s[True], s[-True], s[False:True], slice(1, 2, 3), slice(None), slice(5), slice(1, 2) == slice(1, 2), slice(1, 10, 2).indices(5))
print(slice(None, None, -1).indices(4), slice(-100, 100).indices(3), slice(10 ** 20, None).indices(3), s[10 ** 20:], s[-(10 ** 20):2])

# === slices: assignment and deletion ===
t = list(range(10))
t[2:5] = ["a", "b"]; print(t)
t[:0] = [-1]; print(t)
t[len(t):] = [99, 100]; print(t)
t[::2] = "ABCDEF"; print(t)
t[1::3] = [None] * len(t[1::3]); print(t)
t[::-1] = list(range(len(t))); print(t)
t[5:2] = ["x"]; print(t)
t[2:4] = (); print(t)
t[-2:] = iter([7, 8, 9]); print(t)
del t[::3]; print(t)
del t[1:3]; print(t)
del t[::-2]; print(t)
del t[100:]; print(t)
del t[:]; print(t)
u = [1, 2, 3]
u[0:1] = u; print(u)
show("t[::2] = [1]", lambda: setitem(list(range(5)), slice(None, None, 2), [1]))
show("t[::2] = [1, 2, 3, 4]", lambda: setitem(list(range(5)), slice(None, None, 2), [1, 2, 3, 4]))
show("t[::-1] = [1]", lambda: setitem([1, 2], slice(None, None, -1), [1]))
show("t[1:2] = 5", lambda: setitem([1, 2], slice(1, 2), 5))
show("t[::2] = 5", lambda: setitem([1, 2], slice(None, None, 2), 5))
show("t[::0] = []", lambda: setitem([1, 2], slice(None, None, 0), []))
show("del t[::0]", lambda: delitem([1, 2], slice(None, None, 0)))
show("t[5] = 1", lambda: setitem([1, 2], 5, 1))
show("del t[5]", lambda: delitem([1, 2], 5))
show("t['a'] = 1", lambda: setitem([1, 2], "a", 1))
v = [0, 1, 2, 3, 4, 5]
v[1:5:2] = ["a", "b"]; print(v)
v[-1:-7:-2] = "xyz"; print(v)
v[10:20] = [7]; print(v)
w = [1, 2, 3]
w[1:1] = [9, 9]; print(w)
w[-1:0] = [8]; print(w)

# === comparisons and operators ===
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [1, "a"] == [1, "a"], [1, 2] == (1, 2), [[1]] < [[2]], [1, 2] * 0, [0] * -3)
show("[1] < ['a']", lambda: [1] < ["a"])
show("[1] + (2,)", lambda: [1] + (2,))
show("[1] * 'a'", lambda: [1] * "a")
show("[1] < (1,)", lambda: [1] < (1,))
print(list(), list("ab"), list((1, 2)), list({1: 2}), list(range(3)), list(reversed([1, 2, 3])), [1, 2, 3][::-1])

# === end ===
[1, 2, 3][::2] = [1]
