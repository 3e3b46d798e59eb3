# printf-style % formatting of bytes.

def show(fmt, args):
    try:
        print(repr(fmt), "->", repr(fmt % args))
    except Exception as e:
        print(repr(fmt), "->", type(e).__name__ + ":", e)

class B:
    def __bytes__(self):
        return b"from-bytes"

class R:
    def __repr__(self):
        return "R\u00e9"

class Idx:
    def __index__(self):
        return 66

# === conversions ===
show(b"%d %s %r %x", (3, b"ab", "q", 255))
show(b"%d", 3)
show(b"%i|%u|%o|%X|%#x|%#o", (1, 2, 8, 255, 255, 8))
show(b"%5d|%-5d|%05d|%+d|% d", (1, 2, 3, 4, 5))
show(b"%.3f %e %g %E %G %F", (3.14159, 1.5, 2.5, 1e20, 1e-20, float("inf")))
show(b"%010.2f|%-10.2f|%+.1e", (3.14159, -2.5, 1234.5))
show(b"%s and %b", (b"x", b"y"))
show(b"%5s|%-5s|%.1s", (b"ab", b"cd", b"ef"))
show(b"%s", B())
show(b"%r %a", ("\u00e9", R()))
show(b"%r", b"\x00\xff")
show(b"%c%c%c", (65, b"B", Idx()))
show(b"%5c|%-5c|", (65, 66))
show(b"%%", ())
show(b"100%%", ())
show(b"%(a)s %(b)d", {b"a": b"x", b"b": 5})
show(b"%(a)s", {"a": b"x"})
show(b"%*d|%-*d|%.*f", (4, 1, 4, 2, 2, 3.14159))
show(b"%d", 10**25)
show(b"%x", -(10**25))
show(b"%d", True)
show(b"%d", 2.9)
show(b"\xff%d\x80", 7)

# === errors ===
show(b"%s", "str")
show(b"%s", 5)
show(b"%b", [1])
show(b"%c", 256)
show(b"%c", -1)
show(b"%c", b"ab")
show(b"%c", "a")
show(b"%d", b"1")
show(b"%x", 1.5)
show(b"%f", "x")
show(b"%s %s", (b"a",))
show(b"%s", (b"a", b"b"))
show(b"abc", 5)
show(b"abc", "")
show(b"abc", b"")
show(b"%z", 1)
show(b"%", ())
show(b"%(a)s", (1,))
print(type(b"%d" % 1), len(b"%5d" % 1))

# === end ===
b"%d %d" % (1,)
