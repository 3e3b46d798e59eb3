# del statement: names, subscripts, slices, attributes.

# === del a name ===
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)

# === del list items and slices ===
xs = [0, 1, 2, 3, 4, 5]
del xs[0]
del xs[-1]
print(xs)
del xs[1:3]
print(xs)

# === del dict items ===
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)

# === del attributes ===
class C:
    pass
c = C()
c.attr = 1
c.other = 2
del c.attr
print(hasattr(c, "attr"), hasattr(c, "other"))
try:
    del c.attr
except AttributeError as e:
    print("AttributeError:", e)

# === del several targets ===
a, b, cc = 1, 2, 3
del a, b
print(cc)

# === del of a local ===
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())

# === del a global from a function ===
g = 10
def drop():
    global g
    del g
drop()
try:
    g
except NameError as e:
    print("NameError:", e)
