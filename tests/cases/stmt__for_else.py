# for loops: iterables, else, break, continue, targets, nesting.

# === for over different iterables ===
for x in [1, 2]:
    print("list", x)
for x in (3,):
    print("tuple", x)
for ch in "ab":
    print("str", ch)
for k in {"k1": 1, "k2": 2}:
    print("dict", k)
for i in range(2):
    print("range", i)
for b in b"AB":
    print("bytes", b)

# === for / else ===
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([4, 5, 6], 5)
find([4, 5, 6], 7)
find([], 1)

# === continue skips the rest of the body ===
evens = []
for n in range(10):
    if n % 2:
        continue
    evens.append(n)
print(evens)

# === loop variable persists after the loop ===
for last in range(5):
    pass
print("last =", last)

# === tuple targets ===
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)

# === assigning to the loop variable does not affect iteration ===
for i in range(3):
    print("i", i)
    i = 100

# === nested loops, break only the inner ===
pairs = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        pairs.append((i, j))
print(pairs)

# === iterating over a list copy while mutating the original ===
items = [1, 2, 3, 4]
for x in items[:]:
    if x % 2 == 0:
        items.remove(x)
print(items)

# === else with continue in body still runs ===
for i in range(3):
    continue
else:
    print("else after continue-only loop")

# === return from inside a loop ===
def first_negative(xs):
    for x in xs:
        if x < 0:
            return x
    return None
print(first_negative([3, -1, -2]), first_negative([1]))
