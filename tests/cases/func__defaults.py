# def with positional, default and keyword arguments.

# === positional and keyword calls ===
def f(a, b, c):
    return (a, b, c)
print(f(1, 2, 3), f(1, c=3, b=2), f(c=1, a=2, b=3))

# === defaults ===
def g(a, b=10, c="x"):
    return [a, b, c]
print(g(1), g(1, 2), g(1, c="y"), g(a=0, b=0, c=0))

# === defaults are evaluated once ===
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []))

counter = [0]
def next_id():
    counter[0] += 1
    return counter[0]
def h(x=next_id()):
    return x
print(h(), h(), counter[0])

# === default referencing an earlier global value ===
base = 5
def k(x=base):
    return x
base = 6
print(k())

# === argument errors ===
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, a=3)
except TypeError as e:
    print("TypeError:", e)
try:
    g()
except TypeError as e:
    print("TypeError:", e)

# === return values ===
def multi():
    return 1, "two", [3]
r = multi()
print(r, type(r))
def early(n):
    if n:
        return "early"
    print("late path")
print(early(1), early(0))

# === functions are objects ===
def square(x):
    return x * x
alias = square
print(alias(7), square.__name__, callable(square), callable(5))
table = {"sq": square, "neg": lambda x: -x}
print(table["sq"](3), table["neg"](3))
def apply(fn, *values):
    return [fn(v) for v in values]
print(apply(square, 1, 2, 3))
