# del: target lists, extended slices, user __delitem__, cells, loops.

# === del of a parenthesized and a bracketed target list ===
a, b, c, d = 1, 2, 3, 4
del (a, b)
del [c]
print(d, "a" in globals(), "b" in globals(), "c" in globals())

# === del of nested targets ===
xs = [10, 11, 12, 13]
obj_d = {"k": 1, "j": 2}
del (xs[0], [obj_d["k"]])
print(xs, obj_d)

# === del of extended slices ===
ys = list(range(10))
del ys[::2]
print(ys)
ys = list(range(10))
del ys[1:8:3]
print(ys)
ys = list(range(10))
del ys[::-3]
print(ys)
ys = list(range(5))
del ys[:]
print(ys)
ys = list(range(5))
del ys[10:20]
print(ys)
ys = list(range(5))
del ys[-2:]
print(ys)

# === del index errors ===
zs = [1, 2]
try:
    del zs[5]
except IndexError as e:
    print("IndexError:", e)
try:
    del zs["x"]
except TypeError as e:
    print("TypeError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
s = "abc"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)

# === del through a user __delitem__ ===
class Store:
    def __init__(self):
        self.log = []
    def __delitem__(self, key):
        self.log.append(("del", key))
st = Store()
del st[3]
del st["k"]
del st[1, 2]
del st[1:2]
print(st.log[:3], st.log[3] == ("del", slice(1, 2, None)))
class NoDel:
    pass
try:
    del NoDel()[0]
except TypeError as e:
    print("TypeError:", e)

# === del of a class attribute reveals nothing; of an instance one reveals the class's ===
class K:
    v = "class"
k = K()
k.v = "instance"
print(k.v)
del k.v
print(k.v)
del K.v
print(hasattr(k, "v"))
try:
    del k.v
except AttributeError as e:
    print("AttributeError:", e)

# === del of a name used by a closure ===
def outer():
    x = 1
    def inner():
        return x
    print(inner())
    del x
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
outer()

# === del of a loop variable, then rebinding ===
for i in range(3):
    pass
del i
try:
    i
except NameError as e:
    print("NameError:", e)
for i in range(2):
    del i
print("loop ok")

# === del twice ===
q = 1
del q
try:
    del q
except NameError as e:
    print("NameError:", e)

# === del of a dict entry while iterating a copy ===
m = {"a": 1, "b": 2, "c": 3}
for key in list(m):
    if m[key] % 2:
        del m[key]
print(m)
