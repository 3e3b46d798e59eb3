# Pseudo-random (often malformed) templates through str % and bytes %,
# str.format and format(): the same results and errors as CPython.

seed = 5
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (seed >> 17) % n
pieces = ["%", "%", "%", "s", "d", "(", ")", "a", "*", ".", "5", "0", "-", "+", " ", "#", "x", "r", "c", "f", "l", "h", "%%", "{", "}", "!", ":", "[", "]", "0", "1", "e", "g", "z"]
argsets = [(), (1,), (1, 2), ("s", 3.5), {"a": 1}, 5, "str", [1], (b"x", 2), (3, 4, 5, 6)]
out = []
for i in range(1500):
    f = "".join([pieces[rnd(len(pieces))] for _ in range(rnd(7))])
    a = argsets[rnd(len(argsets))]
    try:
        r = f % a
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append(repr(f) + " % " + repr(a) + " = " + repr(r))
    try:
        r = f.format(*([1, "x", 2.5][: rnd(4)]), a=1, b=[7])
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append(repr(f) + ".format = " + repr(r))
    try:
        r = format(rnd(3) - 1.5, f) if rnd(2) else format(rnd(100) - 50, f)
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append("format " + repr(f) + " = " + repr(r))
    try:
        r = f.encode() % a
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append(repr(f) + " b% " + repr(a) + " = " + repr(r))
for line in out:
    print(line)
