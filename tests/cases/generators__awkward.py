# Awkward generator cases: yield in unusual places, generator lambdas,
# return inside finally while closing, generators over mutating
# containers, the same generator consumed twice at once, and many more.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except BaseException as e:
        print(label, "!!", type(e).__name__, repr(str(e)))

# === a lambda can be a generator ===
gl = lambda: (yield 1)
g = gl()
print(type(g).__name__, next(g))
show("send", lambda: g.send("x"))
gl2 = lambda *a: (yield from a)
print(list(gl2(1, 2, 3)))

# === yield in odd expression positions ===
def odd():
    print("arg:", (yield "a"))
    x = [(yield "b"), (yield "c")]
    d = {(yield "k"): (yield "v")}
    s = f"{(yield 'f')}!"
    t = (yield "t1") if (yield "cond") else (yield "t2")
    n = 10
    n += yield "aug"
    yield x, d, s, t, n

g = odd()
out = [next(g)]
for v in ["A", "B", "C", "K", "V", "F", True, "T1", 5]:
    out.append(g.send(v))
print(out)

# yield in the first iterable of a comprehension runs in the function
def comp_iter():
    return [x * 2 for x in (yield "give me a list")]

g = comp_iter()
print(next(g))
show("send list", lambda: g.send([1, 2, 3]))

# === yield inside while/else, for/else, try/except/else ===
def loops():
    i = 0
    while i < 2:
        yield "while", i
        i += 1
    else:
        yield "while-else"
    for j in range(2):
        yield "for", j
    else:
        yield "for-else"
    try:
        yield "try"
    except Exception:
        yield "except"
    else:
        yield "else"
    finally:
        yield "finally"

print(list(loops()))

# === return inside finally swallows GeneratorExit on close ===
def finally_return():
    try:
        yield 1
    finally:
        return "swallowed"

g = finally_return()
next(g)
print("close:", g.close())

# break inside finally in a loop also swallows it, then the loop yields:
def finally_break():
    while True:
        try:
            yield 1
        finally:
            break
    yield "after loop"

g = finally_break()
next(g)
show("close", lambda: g.close())

# === a generator over a list that changes ===
def over(lst):
    for x in lst:
        yield x

lst = [1, 2, 3]
g = over(lst)
print(next(g))
lst.append(4)
lst.pop(0)
print(list(g))

d = {"a": 1}
g = over(d)
next(g)
d["b"] = 2
show("dict changed", lambda: next(g))

# === the same generator on both sides ===
g = iter(range(6))
def pairs(it):
    for a in it:
        yield a, next(it)

print(list(pairs(iter(range(6)))))
gen = (x for x in range(6))
print(list(zip(gen, gen)))

# === a generator yielding itself and generators of generators ===
def selfish():
    yield me

me = selfish()
print(next(me) is me)
gens = (((i, j) for j in range(2)) for i in range(2))
print([list(inner) for inner in gens])

# === nested function: only the inner one is a generator ===
def outer_not_gen():
    def inner():
        yield 1
    return inner

print(type(outer_not_gen()).__name__, list(outer_not_gen()()))

# === global and nonlocal from a generator ===
counter = 0
def bump():
    global counter
    while True:
        counter += 1
        yield counter

b = bump()
next(b); next(b)
print(counter)

def make():
    total = 0
    def gen():
        nonlocal total
        for i in range(3):
            total += i
            yield total
    def get():
        return total
    return gen, get

gen, get = make()
print(list(gen()), get())

# === many items, many generators ===
print(sum(x for x in range(100000)))
print(len([g for g in (iter([]) for _ in range(1000))]))
print(sum(1 for g in (fs for fs in range(10000))))

# === generator methods looked up and called later ===
def two():
    yield 1
    yield 2

g = two()
nxt = g.__next__
send = g.send
print(nxt(), send(None))
show("nxt again", nxt)

# === unpacking in for over a generator of tuples ===
def items():
    yield "a", 1
    yield "b", 2

for k, v in items():
    print(k, v)
print(dict(items()), [k * v for k, v in items()])

# === a generator used as a context-manager body and an iterator of lines ===
def lines(text):
    for line in text.split("\n"):
        if line:
            yield line.strip()

print(list(lines("a\n b \n\nc")))

# === conditional expressions in yield ===
def cond(n):
    for i in range(n):
        yield "even" if i % 2 == 0 else "odd"

print(list(cond(3)))

# === yield None explicitly versus bare yield, send(None) ===
def nones():
    x = yield None
    y = yield
    yield (x, y)

g = nones()
print(next(g), g.send(None), g.send(None))

# === exhausted generators stay exhausted ===
g = two()
print(list(g), list(g), next(g, "done"), sum(g), any(g), all(g), sorted(g))

# === generators in boolean and comparison contexts ===
def empty():
    return
    yield

e = empty()
print(bool(e), e == e, e is not empty())
show("order", lambda: empty() < empty())
show("len", lambda: len(empty()))
show("index", lambda: empty()[0])

# === a generator that catches everything still ends on close ===
def catch_all():
    try:
        yield 1
    except BaseException as e:
        print("caught", type(e).__name__)

g = catch_all()
next(g)
print(g.close())

# === type errors from consumers name the generator type ===
show("not iterable call", lambda: two()())
show("add", lambda: two() + 1)
show("attr", lambda: two().missing)

print("end")
