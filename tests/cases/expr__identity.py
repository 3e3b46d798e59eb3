# is / is not on singletons and objects; == vs is.

# === None, True, False are singletons ===
x = None
print(x is None, x is not None, True is True, False is not True)

# === distinct lists are equal but not identical ===
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b, c is not a)

# === object identity of instances ===
class K:
    pass
k1 = K()
k2 = K()
k3 = k1
print(k1 is k2, k1 is k3, k1 == k2, k1 == k3)

# === functions and classes are objects with identity ===
def f():
    pass
g = f
print(f is g, K is type(k1), type(k1) is type(k2))

# === identity survives containers ===
box = [k1]
print(box[0] is k1, {1: k1}[1] is k1)

# === is with results of operations on mutable objects ===
d = {}
e = d
e["k"] = 1
print(d is e, d)
lst = []
lst2 = lst + []
print(lst == lst2, lst is lst2)
