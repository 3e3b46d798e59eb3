# Pseudo-random lists through slicing (read, assign, delete, every step),
# sorting and the list methods.

seed = 99
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (seed >> 17) % n
def ridx():
    return [None, 0, 1, 2, 3, -1, -2, -4, 6, 50, -50][rnd(11)]
def rstep():
    return [None, 1, 1, 2, 3, -1, -2, -3, 0][rnd(9)]
out = []
def rec(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append(label + " " + repr(r))
def assign(l, sl, v):
    l[sl] = v
    return l
def delete(l, sl):
    del l[sl]
    return l
for i in range(600):
    n = rnd(9)
    l = [rnd(5) for _ in range(n)]
    sl = slice(ridx(), ridx(), rstep())
    v = [100 + k for k in range(rnd(5))]
    rec("get", lambda: (l[sl], tuple(l)[sl], range(n)[sl], sl.indices(n)))
    rec("set", lambda: assign(list(l), sl, v))
    rec("settuple", lambda: assign(list(l), sl, tuple(v)))
    rec("del", lambda: delete(list(l), sl))
    rec("sort", lambda: (sorted(l), sorted(l, reverse=True), sorted(l, key=lambda x: -x), sorted(enumerate(l), key=lambda p: p[1])))
    x = rnd(6)
    rec("methods", lambda: (l.count(x), l.index(x) if x in l else -1, l.index(x, ridx() or 0) if x in l else -1))
    rec("insert", lambda: (lambda c: (c.insert(ridx() or 0, "i"), c)[1])(list(l)))
    rec("pop", lambda: (lambda c: (c.pop(ridx() or 0), c))(list(l)))
    rec("remove", lambda: (lambda c: (c.remove(x), c))(list(l)))
    rec("cmp", lambda: (l < v, l == l[:], l > [x], l + v, l * (rnd(3)), max(l + [x]), min(l or [x]), sum(l)))
h = 0
for line in out:
    for ch in line:
        h = (h * 131 + ord(ch)) % 1000000007
print(h)
for line in out[::9]:
    print(line)
