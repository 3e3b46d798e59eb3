# list methods.

# === append, extend, insert ===
xs = [1, 2]
xs.append(3)
xs.extend([4, 5])
xs.extend((6,))
xs.extend("ab")
xs.insert(0, 0)
xs.insert(-1, "before-b")
xs.insert(100, "end")
print(xs, len(xs))

# === pop, remove, index, count ===
ys = [5, 3, 5, 1, 5]
print(ys.pop(), ys, ys.pop(0), ys, ys.pop(-2), ys)
ys = [5, 3, 5, 1, 5]
ys.remove(5)
print(ys, ys.index(5), ys.index(1), ys.count(5), ys.count(9))
try:
    ys.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    ys.index(42)
except ValueError as e:
    print("ValueError:", e)

# === sort and reverse ===
zs = [3, 1, 4, 1, 5, 9, 2, 6]
zs.sort()
print(zs)
zs.sort(reverse=True)
print(zs)
zs.reverse()
print(zs)
words = ["banana", "Apple", "cherry", "fig"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=lambda w: w[-1], reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort()
print(pairs)
print(zs.sort())

# === copy, clear ===
a = [1, [2, 3]]
b = a.copy()
b.append(4)
b[1].append(99)
print(a, b, a is b)
b.clear()
print(b, len(b))

# === list() constructor ===
print(list(), list(range(4)), list("abc"), list((1, 2)), list({"k": 1, "j": 2}))
