# str.format, format_map and the replacement-field grammar.

def show(fmt, *args, **kw):
    try:
        print(repr(fmt), "->", repr(fmt.format(*args, **kw)))
    except Exception as e:
        print(repr(fmt), "->", type(e).__name__ + ":", e)

class P:
    def __init__(self):
        self.x = 3
        self.name = "pt"
        self.items = [10, 20, 30]
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "P-str"

class F:
    def __format__(self, spec):
        return "F<" + spec + ">"

class BadF:
    def __format__(self, spec):
        return 42

# === positional, auto-numbered, keyword ===
show("{} {}", 1, 2)
show("{1} {0} {1}", "a", "b")
show("{a}-{b}", a=1, b=2)
show("{0}{a}{1}", 1, 2, a="x")
show("{}", "only")
show("{:>5}|{:<5}|{:^5}", 1, 2, 3)
show("{0:{1}}", 3.5, "8.2f")
show("{:{}.{}f}", 3.14159, 10, 2)
show("{:{w}.{p}f}", 3.14159, w=9, p=3)
show("{0:{fill}{align}{width}}", "x", fill="*", align="^", width=7)
show("{x:{{}}}", x=1)

# === indexing and attributes ===
p = P()
show("{0.x} {0.name}", p)
show("{0.items[1]}", p)
show("{p.items[2]}", p=p)
show("{0[1]}", [5, 6, 7])
show("{0[-1]}", [5, 6, 7])
show("{0[key]}", {"key": "v"})
show("{d[key]} {d[1]}", d={"key": "v", 1: "one", "1": "str-one"})
show("{0[0][1]}", [[1, 2], [3]])
show("{0.real} {0.imag}", 5)
show("{0.real}", 2.5)
show("{0[0]}", "xyz")
show("{.x}", p)
show("{[1]}", [7, 8])
show("{0.missing}", p)
show("{0[5]}", [1])
show("{0[k]}", {})
show("{0[a}", [1])
show("{0.}", p)
show("{0[]}", [1])
show("{0.x.y}", p)
show("{0[0]x}", [1])

# === conversions ===
show("{!r}", "s")
show("{!s}", p)
show("{!r}", p)
show("{0!a}", "é\u20ac")
show("{!r:>8}", "ab")
show("{!x}", 1)
show("{!}", 1)
show("{!rr}", 1)
show("{0!r:}", 1)

# === braces ===
show("{{}}")
show("{{{0}}}", 5)
show("a{{b")
show("}}")
show("{")
show("}")
show("a}b")
show("{0")
show("{0:")
show("x{0:>{1}")
show("{:{:{}}}", 1, 2, 3)

# === mixing manual and automatic numbering ===
show("{} {0}", 1, 2)
show("{0} {}", 1, 2)
show("{:{0}}", 1, 2)

# === missing arguments ===
show("{} {}", 1)
show("{2}", 1, 2)
show("{}")
show("{x}")
show("{x}", y=1)
show("{0}", x=1)
show("{-1}", 1)

# === user __format__ and errors from specs ===
show("{:abc}", F())
show("{}", F())
show("{0:{1}}", F(), "zz")
show("{:d}", "s")
show("{:s}", 1)
show("{:x}", 1.5)
show("{:,s}", "a")
show("{}", BadF())
show("{:5}", None)
show("{}", None)
show("{:>5}", [1])

# === many kinds of values ===
show("{} {} {} {} {}", 1, 2.5, "s", [1, "a"], (1,))
show("{} {} {}", True, None, {"a": 1})
show("{:5}|{:<5}|{:5}", True, False, 1.0)
show("{0:.3}|{0:.3s}|{0:>6.2}", "abcdef")

# === format_map ===
print("{a} and {b}".format_map({"a": 1, "b": 2}))

class Default:
    def __getitem__(self, key):
        return "<" + key + ">"

print("{a} {zz} {q:>5}".format_map(Default()))
try:
    "{0}".format_map({"a": 1})
except Exception as e:
    print(type(e).__name__, e)
try:
    "{}".format_map({"a": 1})
except Exception as e:
    print(type(e).__name__, e)
try:
    "{a}".format_map({})
except Exception as e:
    print(type(e).__name__, e)

# === errors: arguments and types ===
try:
    "{}".format_map()
except TypeError as e:
    print("TypeError", e)
try:
    str.format()
except TypeError as e:
    print("TypeError", e)
try:
    str.format(1)
except TypeError as e:
    print("TypeError", e)
print(str.format("{}-{}", 1, 2))
print("{0}{0}".format("ab"))

# === format() arguments ===
try:
    format()
except TypeError as e:
    print("TypeError", e)
try:
    format(1, "", 3)
except TypeError as e:
    print("TypeError", e)
try:
    format(value=1)
except TypeError as e:
    print("TypeError", e)
try:
    format(1, 5)
except TypeError as e:
    print("TypeError", e)
for spec in ["5 ", "+\t", "\u00e9", "\x7f"]:
    for v in [1, 1.5, "s"]:
        try:
            format(v, spec)
        except ValueError as e:
            print("ValueError", e)

# === end ===
"{} {}".format(1)
