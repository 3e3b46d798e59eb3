# Pseudo-random ints (small, 64-bit edge, big) and floats through every
# arithmetic, bitwise, conversion and comparison operation.

seed = 2024
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (seed >> 17) % n
def rint():
    k = rnd(6)
    if k == 0:
        return rnd(10) - 5
    if k == 1:
        return rnd(1 << 40) - (1 << 39)
    if k == 2:
        return (rnd(1 << 60) << rnd(200)) * (1 if rnd(2) else -1)
    if k == 3:
        return 2 ** rnd(130) - rnd(3)
    if k == 4:
        return -(2 ** rnd(130)) + rnd(3)
    return rnd(1 << 62) * (1 if rnd(2) else -1)
def rflt():
    k = rnd(4)
    if k == 0:
        return float(rint())
    if k == 1:
        return rnd(1 << 53) / (1 << rnd(60)) * (1 if rnd(2) else -1)
    if k == 2:
        return [0.0, -0.0, 0.5, -1.5, 1e300, -1e-300, float("inf")][rnd(7)]
    return rint() / (rnd(1000) + 1)
out = []
def rec(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append(label + " " + repr(r))
for i in range(300):
    a, b = rint(), rint()
    x, y = rflt(), rflt()
    rec("add", lambda: (a + b, a - b, a * b, -a, abs(a), ~a))
    rec("div", lambda: (a // b, a % b, divmod(a, b)))
    rec("tdiv", lambda: a / b)
    rec("bit", lambda: (a & b, a | b, a ^ b))
    rec("shift", lambda: (a << (b % 70), a >> (b % 70), a >> (b % 200)))
    rec("pow", lambda: (a ** (b % 5), pow(a, b % 50, b) if b else 0))
    rec("mixed", lambda: (a + x, a * x, a - y, a < x, a == x, x <= a, a > y))
    rec("fdiv", lambda: (x // y, x % y, divmod(x, y)))
    rec("mfdiv", lambda: (a // y, a % y, x // b, x % b))
    rec("ftdiv", lambda: (x / y, a / y, x / b))
    rec("fpow", lambda: (x ** 2, abs(x) ** 0.5, y ** -1))
    rec("conv", lambda: (int(x), float(a), round(x), round(x, 2), round(a, -(b % 30)), hex(a), oct(b), bin(a % 1000)))
    rec("str", lambda: (str(a), repr(x), int(str(a)), int(hex(a), 16), int(oct(a), 0), float(repr(x)) == x or x != x))
    rec("cmp", lambda: (a < b, a <= b, a == b, max(a, b, x), min(x, y), sorted([a, b, x, y])))
    rec("misc", lambda: (a.bit_length(), abs(a).bit_count(), (abs(a) % 2**64).to_bytes(8, "big"), hash(a), hash(x), hash((a, x))))
h = 0
for line in out:
    for ch in line:
        h = (h * 131 + ord(ch)) % 1000000007
print(h)
for line in out[::7]:
    print(line)
