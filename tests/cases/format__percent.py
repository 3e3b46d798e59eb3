# printf-style % formatting of str.

def show(fmt, args):
    try:
        print(repr(fmt), "->", repr(fmt % args))
    except Exception as e:
        print(repr(fmt), "->", type(e).__name__ + ":", e)

class R:
    def __repr__(self):
        return "R-repr"
    def __str__(self):
        return "R-str"

class Idx:
    def __index__(self):
        return 7

class Flt:
    def __float__(self):
        return 2.5

class IntLike:
    def __int__(self):
        return 9

# === basic conversions ===
show("%s %r %a", ("é", "é", "é"))
show("%d %i %u", (1, -2, 3))
show("%o %x %X", (8, 255, 255))
show("%e %E %f %F %g %G", (1.5, 1.5, 1.5, 1.5, 1.5, 1.5))
show("%c%c", (65, "b"))
show("%%", ())
show("%s", "single")
show("%s", (1,))
show("%s", ((1, 2),))
show("%s", [1, 2])
show("%r", R())
show("%s", R())
show("100%%", ())
show("%s%%", 5)

# === flags and widths ===
for f in ["%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%-+5d|", "%#o", "%#x", "%#X", "%#08x", "%-#8x|", "%.3d", "%8.3d", "%-8.3d|", "%08.3d", "%+.3d", "%#.3x", "%#.3o"]:
    show(f, 42)
    show(f, -42)
    show(f, 0)
for f in ["%10.3f", "%-10.3f|", "%010.3f", "%+.2e", "% .3g", "%#.0f", "%#g", "%.0e", "%#.0e", "%.10g", "%g", "%G", "%.3F", "%.1f", "%.100f" if False else "%.20f"]:
    show(f, 3.14159)
    show(f, -0.0)
    show(f, 1e20)
    show(f, float("inf"))
    show(f, float("nan"))
for f in ["%5s|", "%-5s|", "%.2s", "%5.1s|", "%-6r|", "%.3r", "%05s"]:
    show(f, "abc")

# === * width and precision ===
show("%*d", (5, 42))
show("%-*d|", (5, 42))
show("%*d|", (-5, 42))
show("%.*f", (2, 3.14159))
show("%*.*f", (8, 3, 3.14159))
show("%*s", ("x", 1))
show("%.*s", (2, "abcdef"))
show("%*s", (5,))

# === mappings ===
show("%(a)s and %(b)r", {"a": 1, "b": "two"})
show("%(a)05d", {"a": 42})
show("%(a)-5s|", {"a": "x"})
show("%(a)s %(a)s", {"a": "rep"})
show("%(missing)s", {"a": 1})
show("%(a)s %s", {"a": 1})
show("%s", {"a": 1})
show("%(a)s", (1,))
show("%(a)s", 5)
show("%(a", {"a": 1})
show("%(a)*d", {"a": 1})
show("no fields", {"a": 1})
show("%(x(y))s", {"x(y)": 3})

# === numbers of every kind ===
show("%d", 3.99)
show("%d", -3.99)
show("%d", True)
show("%d", 10**30)
show("%x", 10**30)
show("%o", -(10**30))
show("%x", -255)
show("%#x", -255)
show("%d", Idx())
show("%x", Idx())
show("%d", IntLike())
show("%f", Flt())
show("%f", 10**30)
show("%e", 10**400)
show("%f", True)
show("%c", 0x1F600)
show("%c", 0x110000)
show("%c", -1)
show("%c", "ab")
show("%c", 1.5)
show("%x", 1.5)
show("%o", "s")
show("%d", "s")
show("%i", None)
show("%u", [1])
show("%f", "s")
show("%e", None)
show("%g", [])
show("%d", float("inf"))
show("%d", float("nan"))

# === argument count errors ===
show("%s %s", (1,))
show("%s", (1, 2))
show("%s", ())
show("abc", 5)
show("abc", ())
show("abc", [])
show("abc", "")
show("%d %d", [1, 2])

# === bad format strings ===
show("%", 1)
show("%z", 1)
show("abc %", 1)
show("%-", 1)
show("%.", 1)
show("%5", 1)
show("%ld %hd %Lf", (1, 2, 3.0))
show("%k", ())
show("%\u20ac", 1)

# === end ===
"%d and %d" % (1,)
