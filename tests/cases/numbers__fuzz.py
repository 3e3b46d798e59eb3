# Pseudo-random floats and ints through round(), format(), repr() and
# true division; the checksum and the first lines must match CPython.

seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed >> 11
out = []
for i in range(1500):
    bits = rnd()
    e = rnd() % 80 - 40
    x = (bits / (1 << 53)) * (10.0 ** e)
    if rnd() % 2:
        x = -x
    if rnd() % 5 == 0:
        x = float(round(x * 1000)) / 8
    n = rnd() % 40 - 20
    try:
        r = round(x, n)
    except Exception as ex:
        r = type(ex).__name__
    p = rnd() % 20
    t = "efg%"[rnd() % 4]
    out.append("%r %d %r %s %s" % (x, n, r, format(x, "." + str(p) + t), format(x, "")))
    a = rnd() * (rnd() + 1) * (-1) ** (rnd() % 2)
    b = rnd() % 1000000 + 1
    out.append("%r %r %r" % (a / b, (a << (rnd() % 800)) / (b * 3 ** (rnd() % 700)), float(a << (rnd() % 850))))
h = 0
for line in out:
    for ch in line:
        h = (h * 131 + ord(ch)) % 1000000007
print(h)
for line in out[-5:]:
    print(line)
for line in out[:5]:
    print(line)
