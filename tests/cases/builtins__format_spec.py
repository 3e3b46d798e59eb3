# format(), str.format and f-string format specs: fill/align, sign, #, 0,
# width, grouping, precision and every int/float/str presentation type.

# === ints ===
for spec in ["", "d", "5", "<5", "^5", "x<5", "+", " ", "05", "010,", "=+10", "#x", "#010x", "X", "o", "#o", "b", "08b", "_x", ",", "c", "e", ".2f", "%"]:
    print(repr(spec), repr(format(1234567 if spec in ("010,", ",") else 42, spec)), repr(format(-255, spec)) if spec != "c" else "")

# === floats ===
for v in [0.0, -0.0, 1.0, 1.5, 2.5, -3.14159, 1234.5678, 1e16, 1e-5, 123456789.0, 1e100, float("inf"), float("nan")]:
    print(repr(v), [format(v, s) for s in ["", "f", ".0f", ".2f", "e", ".3e", "g", ".3g", "G", ".3", "%", ".1%", "+.1f", "10.2f", "<10", ",.2f", "08.2f", "#.0f", "#g"]])

# === strs ===
print([format("ab", s) for s in ["", "s", "5", ">5", "^6", "x^6", ".1", "05", "<3"]])

# === bools and None ===
print(format(True), format(True, "d"), format(False, "5"), format(None), f"{True!r:>6}")

# === str.format fields ===
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{:>5}|{:<5}|{:^5}".format("a", "b", "c"))
print("{0[0]} {1[k]} {2.real}".format([9], {"k": "v"}, 3), "{:.2f} {:5d} {:x} {:,}".format(3.14159, 42, 255, 1234567))
print("{!r} {!s} {{}} {!a}".format("a", "b", "é"), "{:{w}.{p}f}".format(3.14159, w=10, p=3), "{0:{1}{2}}".format(3, "<", 4))
print("{a}{b}".format_map({"a": 1, "b": 2}))

# === f-strings ===
x, w = 3.14159, 8
print(f"{x:.2f}|{x:{w}.1f}|{x!r}|{'s'!r:>5}|{12:#x}|{-5:+d}|{5: d}|{1e100:g}|{123456789:e}|{0.1 + 0.2}")

# === user __format__ ===
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        return "$" + format(self.cents / 100, spec or ".2f")
print(f"{Money(1234):>10.1f}", format(Money(5)), "{:.3f}".format(Money(1)))

# === errors ===
for args in [(1, "q"), ("a", "d"), (1.0, "d"), (1, ".2d"), ([], "x"), ("s", "=5"), ("s", "+"), (1, ",x"), ("1", "abc"), (1.5, ".")]:
    try:
        format(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for fmt in ["{}", "{0}{}", "{x}", "{", "}", "{!x}", "{0[}"]:
    try:
        fmt.format()
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e)
