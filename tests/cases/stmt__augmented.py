# Every augmented assignment operator, on names, attributes and subscripts.

# === all operators on an int ===
x = 100
x += 7
print(x)
x -= 2
print(x)
x *= 3
print(x)
x //= 4
print(x)
x %= 50
print(x)
x **= 2
print(x)
x <<= 3
print(x)
x >>= 2
print(x)
x &= 0xff
print(x)
x |= 0x100
print(x)
x ^= 0x1ff
print(x)
x /= 8
print(x)

# === strings, lists, tuples ===
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
lst += [2]
lst *= 2
print(lst)
t = (1,)
t += (2,)
t *= 2
print(t)

# === targets evaluated once ===
calls = []
def idx(i):
    calls.append(i)
    return i
arr = [10, 20, 30]
arr[idx(1)] += 5
print(arr, calls)

class Obj:
    def __init__(self):
        self.n = 0
objs = [Obj()]
def get():
    calls.append("get")
    return objs[0]
calls = []
get().n += 10
print(objs[0].n, calls)

# === dict values ===
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
counts["a"] += 100
print(counts)

# === user-defined in-place operators ===
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
class Plain:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Plain(self.v + other)
acc = Acc()
same = acc
acc += 1
acc += 2
print(acc.items, acc is same)
p = Plain(1)
q = p
p += 5
print(p.v, q.v, p is q)

# === augmented assignment on big ints and floats ===
big = 2 ** 62
big += 2 ** 62
big *= 4
print(big)
f = 1.5
f *= 2
f -= 0.5
print(f)
