# lambda expressions and conditional expressions.

# === basic lambdas ===
sq = lambda x: x * x
add = lambda a, b=1: a + b
noargs = lambda: "nothing"
print(sq(5), add(1), add(1, 2), noargs())
print((lambda x, y: x - y)(10, 3))
print((lambda *a, **k: (a, k))(1, 2, z=3))

# === lambdas as keys ===
people = [("bob", 25), ("alice", 30), ("carol", 20)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[0], reverse=True))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: len(p[0])))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))

# === conditional expressions ===
for n in [-2, 0, 5]:
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
x = 7
y = x * 2 if x > 5 else x / 2
print(y)
print([i if i % 2 else -i for i in range(6)])
print((lambda v: "even" if v % 2 == 0 else "odd")(3))

# === conditional expression short-circuits ===
def boom():
    raise RuntimeError("evaluated")
print("safe" if True else boom())
print(boom() if False else "also safe")

# === lambda returning lambda ===
curry = lambda a: lambda b: lambda c: a * b * c
print(curry(2)(3)(4))

# === lambda name ===
print((lambda: 0).__name__)
