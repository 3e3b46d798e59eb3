# None: identity, repr, truthiness, default return value.

# === repr and type ===
print(None, repr(None), str(None), type(None))

# === identity ===
x = None
print(x is None, x is not None, x == None, len("") is None, [] is None)

# === functions return None by default ===
def f():
    pass
def g():
    return
print(f(), g(), f() is None)

# === None in containers ===
print([None, None], {None: 1}[None], (None,))

# === comparison of None raises TypeError for ordering ===
try:
    None < 1
except TypeError as e:
    print("TypeError:", e)

# === None as a default ===
def h(a=None):
    if a is None:
        a = []
    a.append(1)
    return a
print(h(), h(), h([0]))
