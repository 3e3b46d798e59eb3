# Name resolution: local, enclosing, global, builtin; class scope rules.

x = "global x"

# === LEGB ===
def outer():
    x = "enclosing x"
    def inner():
        return x
    return inner()
print(outer())

def uses_global():
    return x
print(uses_global())

def uses_builtin():
    return len("four")
print(uses_builtin())

# === shadowing a builtin locally and globally ===
def shadow_len():
    len = lambda s: -1
    return len("abc")
print(shadow_len(), len("abc"))

# === class bodies are not enclosing scopes for methods ===
class C:
    attr = "class attr"
    def method(self):
        try:
            return attr
        except NameError as e:
            return "NameError: " + str(e)
    def method_ok(self):
        return self.attr + " / " + C.attr
print(C().method())
print(C().method_ok())

# === class body sees globals and its own earlier names ===
class D:
    a = 1
    b = a + 1
    g = x
print(D.b, D.g)

# === locals decided at compile time ===
y = 1
def f():
    if False:
        y = 2
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())

# === parameters are locals ===
def g(x):
    x = x + "!"
    return x
print(g("param"), x)

# === loop variables leak into the function scope ===
def h():
    for i in range(3):
        pass
    return i
print(h())

# === nested functions see later assignments in the enclosing scope ===
def later():
    def get():
        return v
    v = "assigned after def"
    return get()
print(later())

# === free variable referenced before assignment in the enclosing scope ===
def too_early():
    def get():
        return w
    try:
        return get()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
    w = 1
print(too_early())

# === globals can be read in default arguments and decorators-free wrappers ===
factor = 3
def scale(v, f=factor):
    return v * f
factor = 100
print(scale(2))
