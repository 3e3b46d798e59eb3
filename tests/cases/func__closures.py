# Closures: captured variables, cells shared between closures, late binding.

# === a simple counter ===
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1())

# === closures capture variables, not values ===
def make():
    x = 1
    def get():
        return x
    x = 2
    return get
print(make()())

# === two closures sharing one cell ===
def pair():
    value = [0]
    n = 0
    def setter(v):
        nonlocal n
        n = v
    def getter():
        return n
    return setter, getter
s, g = pair()
s(42)
print(g())

# === late binding in loops ===
fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])

# === early binding with default arguments ===
fns = []
for i in range(3):
    fns.append(lambda i=i: i)
print([f() for f in fns])

# === binding through a factory ===
def make_adder(n):
    return lambda x: x + n
adders = [make_adder(k) for k in range(3)]
print([a(10) for a in adders])

# === comprehension closures are late-bound too ===
lams = [lambda: k for k in range(3)]
print([f() for f in lams])

# === nested three levels ===
def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c
        return level3
    return level2
print(level1(1)(10)(100))

# === closures over parameters and loop state ===
def accumulate():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def get():
        return items
    return add, get
add, get = accumulate()
add("a")
add("b")
print(get())

# === closure modifying an enclosing variable after return ===
def make_acc(start):
    total = start
    def acc(x):
        nonlocal total
        total += x
        return total
    return acc
acc = make_acc(100)
print(acc(1), acc(10), acc(100))

# === closures in class methods ===
class Multiplier:
    def __init__(self, k):
        self.k = k
    def make(self):
        k = self.k
        return lambda x: x * k
m = Multiplier(3)
f = m.make()
m.k = 100
print(f(5))
