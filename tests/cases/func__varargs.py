# *args, **kwargs, keyword-only parameters, and call-site unpacking.

# === *args ===
def total(*args):
    return (type(args).__name__, len(args), sum(args))
print(total(), total(1), total(1, 2, 3))

def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))

# === **kwargs ===
def kw(**kwargs):
    return kwargs
print(kw(), kw(a=1), kw(b=2, a=1))

def both(a, *args, **kwargs):
    return a, args, kwargs
print(both(1, 2, 3, x=4, y=5))

# === keyword-only ===
def ko(a, *, key, default=0):
    return (a, key, default)
print(ko(1, key=2), ko(1, default=3, key=4))
try:
    ko(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    ko(1)
except TypeError as e:
    print("TypeError:", e)

def ko2(*args, sep="-"):
    return sep.join(args)
print(ko2("a", "b"), ko2("a", "b", sep="+"))

# === unpacking at the call site ===
def f(a, b, c):
    return a * 100 + b * 10 + c
args = [1, 2, 3]
print(f(*args), f(*[1, 2], 3), f(1, *(2, 3)), f(*"", 1, 2, 3))
kwargs = {"c": 3, "b": 2}
print(f(1, **kwargs), f(**{"a": 1, "b": 2, "c": 3}), f(*[1], **{"b": 2, "c": 3}))
print(both(*[1, 2], *[3], **{"k": 1}, **{"j": 2}))

# === duplicate keyword errors ===
try:
    f(1, a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{"a": 1}, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)

# === forwarding ===
def wrapper(*args, **kwargs):
    return f(*args, **kwargs)
print(wrapper(1, 2, c=9))

# === print with * ===
print(*[1, 2, 3])
print(*"abc", sep="|")
print(*[], "alone")

# === defaults combined with *args and kwargs ===
def full(a, b=2, *args, c, d=4, **kw):
    return [a, b, args, c, d, kw]
print(full(1, c=3))
print(full(1, 5, 6, 7, c=3, d=8, e=9))
