# Pseudo-random format specs and %-conversions over ints, floats, bools
# and strs: every result or error message must be CPython's.

seed = 42
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (seed >> 20) % n
vals = [9.5, 0.5, 2.5, 1e16, 12345678901234567890.0, 5e-324, 0.1, 99.99, 65, 0x10FFFF, -5, 10**30, 0, 1, -1, 7, -42, 255, 1234567, -98765, 10 ** 20, -(10 ** 25) + 3, True, False,
        0.0, -0.0, 1.5, -2.25, 3.14159265, 1e-7, 1.5e300, 123456.789, -0.0001, float("inf"), float("-inf"), float("nan"),
        "", "a", "hello", "é€"]
fills = ["", "", "", "*", "0", " ", "é"]
aligns = ["", "", "<", ">", "^", "="]
signs = ["", "", "+", "-", " "]
out = []
for i in range(3000):
    spec = ""
    f = fills[rnd(len(fills))]
    al = aligns[rnd(len(aligns))]
    if al:
        spec += f + al
    spec += signs[rnd(len(signs))]
    if rnd(8) == 0:
        spec += "z"
    if rnd(4) == 0:
        spec += "#"
    if rnd(4) == 0:
        spec += "0"
    if rnd(2):
        spec += str(rnd(25))
    g = rnd(6)
    if g == 0:
        spec += ","
    elif g == 1:
        spec += "_"
    if rnd(2):
        spec += "." + str(rnd(20))
    spec += ["", "b", "c", "d", "e", "E", "f", "F", "g", "G", "n", "o", "s", "x", "X", "%"][rnd(16)]
    v = vals[rnd(len(vals))]
    try:
        r = format(v, spec)
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append(repr(v) + " " + repr(spec) + " " + repr(r))
    pf = "%" + ["", "-", "+", " ", "#", "0", "-0", "+0", "#0"][rnd(9)] + (str(rnd(15)) if rnd(2) else "") + ("." + str(rnd(12)) if rnd(2) else "") + "diouxXeEfFgGcrsa"[rnd(16)]
    try:
        r = pf % (v,)
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append(repr(v) + " " + repr(pf) + " " + repr(r))
for line in out:
    print(line)
