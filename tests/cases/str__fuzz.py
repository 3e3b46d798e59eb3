# Pseudo-random str and bytes through the searching, splitting, padding,
# case and slicing methods, with random bounds and separators.

seed = 77
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (seed >> 17) % n
alpha = "ab a\tB\n-é_1 \r"
def rstr(n):
    return "".join([alpha[rnd(len(alpha))] for _ in range(rnd(n))])
def ridx():
    return [None, 0, 1, 2, -1, -3, 5, 100, -100][rnd(9)]
out = []
def rec(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append(label + " " + repr(r))
for i in range(300):
    s = rstr(14)
    t = rstr(3)
    u = rstr(3)
    b = s.encode()
    tb = t.encode()
    ub = u.encode()
    i1, i2, i3 = ridx(), ridx(), ridx()
    m = rnd(5) - 1
    w = rnd(20)
    rec("split", lambda: (s.split(), s.split(t or None, m), s.rsplit(t or None, m), s.split(None, m), s.rsplit(None, m)))
    rec("bsplit", lambda: (b.split(), b.split(tb or None, m), b.rsplit(tb or None, m), b.split(None, m), b.rsplit(None, m)))
    rec("find", lambda: (s.find(t, i1, i2), s.rfind(t, i1, i2), s.count(t, i1, i2), s.startswith(t, i1, i2), s.endswith(t, i1, i2)))
    rec("bfind", lambda: (b.find(tb, i1, i2), b.rfind(tb, i1, i2), b.count(tb, i1, i2), b.startswith(tb, i1, i2), b.endswith(tb, i1, i2)))
    rec("index", lambda: (s.index(t, i1, i2), s.rindex(t)))
    rec("bindex", lambda: (b.index(tb, i1, i2), b.rindex(tb)))
    rec("strip", lambda: (s.strip(), s.lstrip(t or None), s.rstrip(t), b.strip(), b.lstrip(tb or None), b.rstrip(tb)))
    rec("replace", lambda: (s.replace(t, u, m), b.replace(tb, ub, m)))
    rec("part", lambda: (s.partition(t), s.rpartition(t), b.partition(tb), b.rpartition(tb)))
    rec("pad", lambda: (s.center(w, "*"), s.ljust(w), s.rjust(w, "."), s.zfill(w), b.center(w), b.ljust(w, b"-"), b.rjust(w), b.zfill(w)))
    rec("case", lambda: (s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), b.title(), b.capitalize(), b.swapcase()))
    rec("pred", lambda: (s.isalpha(), s.isalnum(), s.isspace(), s.istitle(), s.isupper(), s.islower(), b.istitle(), b.isspace(), b.isalnum()))
    rec("lines", lambda: (s.splitlines(), s.splitlines(True), b.splitlines(), b.splitlines(True), s.expandtabs(rnd(5)), b.expandtabs(3)))
    rec("slice", lambda: (s[i1:i2:i3], b[i1:i2:i3], list(s)[i1:i2:i3] == list(s[i1:i2:i3])))
    rec("join", lambda: (t.join(s.split()), tb.join(b.split()), s.removeprefix(t), s.removesuffix(t), b.removeprefix(tb)))
h = 0
for line in out:
    for ch in line:
        h = (h * 131 + ord(ch)) % 1000000007
print(h)
for line in out[::5]:
    print(line)
