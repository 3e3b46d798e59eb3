# global and nonlocal declarations.

# === reading a global without a declaration ===
counter = 0
def read():
    return counter
print(read())

# === writing a global ===
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)

# === creating a global from a function ===
def make():
    global created
    created = "yes"
make()
print(created)

# === a local shadows a global ===
value = "global"
def shadow():
    value = "local"
    return value
print(shadow(), value)

# === nonlocal ===
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc()
    inc()
    return n, inc()
print(outer())

# === nonlocal through two levels ===
def a():
    x = "a"
    def b():
        def c():
            nonlocal x
            x = "c"
        c()
    b()
    return x
print(a())

# === nonlocal vs global of the same name ===
name = "module"
def f():
    name = "f"
    def g():
        nonlocal name
        name = "g"
    def h():
        global name
        name = "h"
    g()
    h()
    return name
print(f(), name)

# === global declaration in a loop body ===
total = 0
def add_all(xs):
    global total
    for x in xs:
        total += x
add_all([1, 2, 3])
add_all([10])
print(total)

# === mutable global without declaration ===
log = []
def record(x):
    log.append(x)
record(1)
record(2)
print(log)
