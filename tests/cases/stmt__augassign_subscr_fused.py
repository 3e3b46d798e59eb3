# Fused forms of `x[c] op= y`, `x[i] op= y`, `a = b op c`, `d = a[b]` and
# `a[b] = v` (superinstructions made at code load): every type and error path
# must behave as unfused.


class Box:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        print("get", k)
        return self.d.get(k, 10)

    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v


def lists():
    b = [1.5, 2, 3, 4.0]
    dx = 0.25
    m = 2.0
    i = 1
    b[0] -= dx * m
    b[1] += dx * m
    b[2] *= i
    b[3] /= m
    b[-1] += 1
    b[i] -= 1
    b[i] += i
    b[0] += dx
    print(b)
    big = [9223372036854775807, -9223372036854775808]
    big[0] += 1
    big[1] -= 1
    big[0] *= 3
    print(big)
    s = ["a", "b"]
    s[0] += "x"
    s[1] *= 3
    print(s)
    nested = [[1], [2]]
    nested[0] += [5]
    print(nested)
    t = [2, 3.0]
    t[0] **= 10
    t[1] **= 0.5
    print(t)


def others():
    d = {"k": 1}
    d["k"] += 1
    d["new"] = 0
    d["new"] -= 5
    print(d)
    box = Box()
    box[3] += 2
    box[3] *= 2.5
    k = "z"
    box[k] -= 1
    print(box.d)


def errors():
    b = [1, 2.0]
    for f in (
        lambda: b.__setitem__(5, 0),
        lambda: b.__getitem__(-3),
    ):
        try:
            f()
        except IndexError as e:
            print("IndexError", e)
    try:
        b[2] += 1
    except IndexError as e:
        print("IndexError", e, b)
    try:
        b[-3] -= 1
    except IndexError as e:
        print("IndexError", e, b)
    try:
        b[1] /= 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e, b)
    try:
        b[0] /= 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e, b)
    try:
        b[0] += "s"
    except TypeError as e:
        print("TypeError", e, b)
    tup = (1, 2)
    try:
        tup[0] += 1
    except TypeError as e:
        print("TypeError", e, tup)
    st = "abc"
    try:
        st[0] += "x"
    except TypeError as e:
        print("TypeError", e)
    i = "1"
    try:
        b[i] += 1
    except TypeError as e:
        print("TypeError", e)
    c = 1.5
    try:
        b[c] -= 1
    except TypeError as e:
        print("TypeError", e)


def unbound():
    try:
        seq[0] += 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    seq = [0]
    try:
        seq[k] += 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    k = 0
    seq[k] += 1
    print(seq)


def stores():
    a = 3
    b = 4.5
    c = a + b
    d = a - b
    e = a * a
    f = b / a
    g = b ** 0.5
    h = (a * a) + (b * b)
    print(c, d, e, f, g, h)
    big = 9223372036854775807
    big2 = big + a
    big3 = big * big
    print(big2, big3)
    s = "ab"
    s2 = s + s
    s3 = s * a
    print(s2, s3)
    neg = -8.0
    r = neg ** 2.0
    r2 = neg ** 3
    print(r, r2)
    z = 0
    try:
        q = a / z
        print(q)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        q = b / 0.0
        print(q)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        q = s - a
        print(q)
    except TypeError as e:
        print("TypeError", e)
    x = 0.0
    i = 0
    while i < 100:
        y = x * 1.5
        x = y + i
        i += 1
    print(x, y)


def swap_loop():
    perm = [3, 1, 2, 0, 4]
    count = [0] * 5
    r = 4
    while r > 0:
        count[r] -= 1
        count[r - 1] += r
        r -= 1
    i = 0
    j = 4
    while i < j:
        t = perm[i]
        perm[i] = perm[j]
        perm[j] = t
        i += 1
        j -= 1
    print(perm, count)


def loads_and_stores():
    a = [10, 20.5, "s", None]
    t = (1, 2)
    d = {"k": 5, 0: "zero"}
    st = "xyz"
    i = 1
    k = "k"
    x = a[i]
    y = a[0]
    z = a[-1]
    w = t[i]
    u = d[k]
    v = d[0]
    c = st[i]
    r = range(5)[i]
    print(x, y, z, w, u, v, c, r)
    a = a[i]
    print(a)
    lst = [0, 0, 0]
    val = 7
    lst[i] = val
    neg = -1
    lst[neg] = val
    d[k] = val
    big = 10**30
    lst[0] = big
    print(lst, d)
    b = Box()
    b[i] = val
    for seq, idx in ((lst, 3), (lst, -4), (t, 0), (st, 0), (lst, "1"), (d, [1])):
        try:
            seq[idx] = val
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
        try:
            got = seq[idx]
            print(got)
        except (IndexError, TypeError, KeyError) as e:
            print(type(e).__name__, e)
    try:
        m = d[val]
        print(m)
    except KeyError as e:
        print("KeyError", e)
    try:
        m = lst[9]
        print(m)
    except IndexError as e:
        print("IndexError", e)


def unbound_quads():
    try:
        q = seq[0]
        print(q)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    seq = [1, 2]
    try:
        seq[0] = v
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    v = 3
    try:
        seq[j] = v
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    j = 1
    seq[j] = v
    q = seq[j]
    print(seq, q)


lists()
others()
loads_and_stores()
unbound_quads()
errors()
unbound()
stores()
swap_loop()
