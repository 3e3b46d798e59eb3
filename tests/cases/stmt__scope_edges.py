# global and nonlocal edge cases; comprehension and class-body scopes.

# === global declared in a nested function only ===
def outer():
    x = "outer local"
    def inner():
        global x
        x = "global from inner"
    inner()
    return x
print(outer(), x)

# === global statement for a name never assigned ===
def read_missing():
    global never_defined
    return never_defined
try:
    read_missing()
except NameError as e:
    print("NameError:", e)

# === global in a class body ===
gv = "module"
class G:
    global gv
    gv = "set by class body"
    cv = gv
print(gv, G.cv, hasattr(G, "gv"))

# === nonlocal from a method defined inside a function ===
def make_counter():
    count = 0
    class Counter:
        def bump(self):
            nonlocal count
            count += 1
            return count
    c = Counter()
    c.bump()
    c.bump()
    return count, c.bump()
print(make_counter())

# === nonlocal reaches the nearest enclosing binding ===
def level1():
    v = 1
    def level2():
        v = 2
        def level3():
            nonlocal v
            v += 10
        level3()
        return v
    return v, level2()
print(level1())

# === closures in a loop bind late; defaults bind early ===
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])

# === a comprehension has its own scope ===
y = "module y"
squares = [y for y in range(3)]
print(squares, y)

# === class-body names are not visible in methods or comprehensions' inner parts ===
size = 100
class C:
    size = 3
    items = [size for _ in range(2)]
    doubled = [n * 2 for n in range(size)]
    def get(self):
        return size
print(C.items, C.doubled, C().get())

# === a local assigned after use is unbound ===
total = 5
def use_then_assign():
    try:
        print(total)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    total = 1
    return total
print(use_then_assign())

# === augmented assignment makes a name local ===
hits = 0
def bad_increment():
    hits += 1
try:
    bad_increment()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

# === nonlocal cell shared by sibling closures ===
def pair():
    state = []
    def push(v):
        state.append(v)
    def reset():
        nonlocal state
        old, state = state, []
        return old
    return push, reset
push, reset = pair()
push(1)
push(2)
print(reset(), reset())
push(3)
print(reset())

# === global and nonlocal names in a lambda default and a conditional ===
flag = True
def choose():
    global flag
    pick = (lambda a=flag: a)()
    flag = not flag
    return pick, flag
print(choose(), choose())
