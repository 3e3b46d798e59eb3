# bytearray: construction, indexing, slicing, assignment, deletion,
# operators, comparisons, hashing, iteration and repr; bad input gets
# CPython's exceptions.


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# construction
t("empty", lambda: bytearray())
t("size", lambda: bytearray(3))
t("bool size", lambda: bytearray(True))
t("bytes", lambda: bytearray(b"abc"))
t("copy", lambda: bytearray(bytearray(b"xy")))
t("view", lambda: bytearray(memoryview(b"mv")))
t("list", lambda: bytearray([104, 105]))
t("range", lambda: bytearray(range(65, 70)))
t("gen", lambda: bytearray(x for x in (1, 2)))
t("str enc", lambda: bytearray("h\xe9", "utf-8"))
t("str enc kw", lambda: bytearray("h\xe9", encoding="latin-1"))
t("str errors", lambda: bytearray("h\xe9", "ascii", "replace"))
t("too many", lambda: bytearray(1, 2, 3, 4))
t("str no enc", lambda: bytearray("abc"))
t("enc no str", lambda: bytearray(b"a", "utf-8"))
t("errors no str", lambda: bytearray(b"a", errors="strict"))
t("enc only", lambda: bytearray(encoding="utf-8"))
t("negative", lambda: bytearray(-1))
t("float", lambda: bytearray(1.5))
t("none", lambda: bytearray(None))
t("object", lambda: bytearray(object()))
t("range 256", lambda: bytearray([256]))
t("range -1", lambda: bytearray([-1]))
t("str item", lambda: bytearray(["a"]))
t("bad kw", lambda: bytearray(x=1))
t("huge", lambda: bytearray(2**70))
t("bad enc", lambda: bytearray("a", "nope"))
t("enc type", lambda: bytearray("a", 5))
t("strict", lambda: bytearray("\xe9", "ascii"))

# type, repr, len, truth, hash
b = bytearray(b"hello")
t("type", lambda: type(b).__name__)
t("isinstance", lambda: isinstance(b, bytearray))
t("not bytes", lambda: isinstance(b, bytes))
t("repr quote", lambda: bytearray(b"it's \"x\"\n\x00\xff"))
t("str", lambda: str(bytearray(b"a")))
t("len", lambda: len(b))
t("truth", lambda: (bool(bytearray()), bool(b)))
t("hash", lambda: hash(b))
t("set", lambda: {bytearray()})
t("dict key", lambda: {bytearray(): 1})

# indexing and slicing
t("index", lambda: b[1])
t("neg index", lambda: b[-1])
t("slice", lambda: b[1:3])
t("step", lambda: b[::2])
t("rev", lambda: b[::-1])
t("empty slice", lambda: b[4:1])
t("out", lambda: b[5])
t("neg out", lambda: b[-6])
t("str key", lambda: b["x"])
t("big key", lambda: b[2**70])
t("zero step", lambda: b[::0])


def setitem(k, v):
    x = bytearray(b"abcdef")
    x[k] = v
    return x


def delitem(k):
    x = bytearray(b"abcdef")
    del x[k]
    return x


t("set", lambda: setitem(0, 65))
t("set neg", lambda: setitem(-1, 90))
t("set bool", lambda: setitem(0, True))
t("set 300", lambda: setitem(0, 300))
t("set -1", lambda: setitem(0, -1))
t("set big", lambda: setitem(0, 2**70))
t("set str", lambda: setitem(0, "x"))
t("set none", lambda: setitem(0, None))
t("set out", lambda: setitem(9, 1))
t("set str key", lambda: setitem("a", 1))
t("set slice", lambda: setitem(slice(0, 2), b"XYZ"))
t("set slice shrink", lambda: setitem(slice(0, 4), b"-"))
t("set slice list", lambda: setitem(slice(1, 2), [1, 2]))
t("set slice ba", lambda: setitem(slice(0, 0), bytearray(b"++")))
t("set slice view", lambda: setitem(slice(5, None), memoryview(b"!!")))
t("set slice self", lambda: setitem(slice(None), bytearray(b"")))
t("set slice int", lambda: setitem(slice(0, 2), 5))
t("set slice float", lambda: setitem(slice(0, 2), 1.5))
t("set slice str", lambda: setitem(slice(0, 2), "ab"))
t("set slice none", lambda: setitem(slice(0, 2), None))
t("set slice bad item", lambda: setitem(slice(0, 2), [1, "a"]))
t("set slice 300", lambda: setitem(slice(0, 2), [1, 300]))
t("set ext", lambda: setitem(slice(0, 6, 2), b"123"))
t("set ext rev", lambda: setitem(slice(None, None, -1), b"fedcba"))
t("set ext size", lambda: setitem(slice(0, 6, 2), b"12"))
t("set ext list size", lambda: setitem(slice(0, 6, 2), [1]))
t("set ext int", lambda: setitem(slice(0, 6, 2), 5))
t("del", lambda: delitem(0))
t("del neg", lambda: delitem(-1))
t("del out", lambda: delitem(9))
t("del str", lambda: delitem("x"))
t("del slice", lambda: delitem(slice(1, 3)))
t("del ext", lambda: delitem(slice(None, None, 2)))
t("del ext rev", lambda: delitem(slice(None, None, -2)))
t("del empty", lambda: delitem(slice(3, 1)))

# operators
t("add", lambda: bytearray(b"a") + b"b")
t("add ba", lambda: bytearray(b"a") + bytearray(b"b"))
t("add view", lambda: bytearray(b"a") + memoryview(b"v"))
t("bytes add ba", lambda: b"x" + bytearray(b"y"))
t("bytes add view", lambda: b"x" + memoryview(b"y"))
t("add str", lambda: bytearray(b"a") + "x")
t("add int", lambda: bytearray(b"a") + 1)
t("str add", lambda: "x" + bytearray(b"a"))
t("list add", lambda: [1] + bytearray(b"a"))
t("mul", lambda: bytearray(b"ab") * 3)
t("rmul", lambda: 2 * bytearray(b"ab"))
t("mul zero", lambda: bytearray(b"ab") * -1)
t("mul str", lambda: bytearray(b"a") * "x")
t("mul big", lambda: bytearray(b"a") * 2**70)
t("mod", lambda: bytearray(b"%d-%s") % (1, b"x"))
t("bytes mod ba", lambda: b"%s" % bytearray(b"z"))
t("sub", lambda: bytearray(b"a") - bytearray(b"a"))

x = bytearray(b"ab")
alias = x
x += b"cd"
x += bytearray(b"e")
x += memoryview(b"f")
print("iadd", x, alias is x)
x *= 2
print("imul", x, alias is x)
x *= 0
print("imul 0", x, alias is x)
try:
    x += "s"
except TypeError as e:
    print("iadd str", e)
try:
    x += [1]
except TypeError as e:
    print("iadd list", e)
y = b"q"
y += bytearray(b"r")
print("bytes iadd", repr(y))

# comparisons
t("eq bytes", lambda: bytearray(b"ab") == b"ab")
t("bytes eq", lambda: b"ab" == bytearray(b"ab"))
t("eq ba", lambda: bytearray(b"ab") == bytearray(b"ab"))
t("ne", lambda: bytearray(b"ab") != b"ac")
t("eq str", lambda: bytearray(b"ab") == "ab")
t("eq list", lambda: bytearray(b"ab") == [97, 98])
t("lt", lambda: bytearray(b"ab") < b"ac")
t("bytes lt", lambda: b"b" < bytearray(b"ab"))
t("le", lambda: bytearray(b"ab") <= bytearray(b"ab"))
t("gt", lambda: bytearray(b"b") > bytearray(b"ab"))
t("lt str", lambda: bytearray(b"x") < "y")
t("lt int", lambda: bytearray(b"x") < 1)
t("in list", lambda: bytearray(b"a") in [b"a"])
t("sort", lambda: sorted([bytearray(b"b"), b"a", bytearray(b"c")]))

# in
t("in int", lambda: 98 in bytearray(b"abc"))
t("in bool", lambda: True in bytearray(b"\x01"))
t("in bytes", lambda: b"bc" in bytearray(b"abc"))
t("in empty", lambda: b"" in bytearray())
t("in ba", lambda: bytearray(b"ca") in bytearray(b"abc"))
t("ba in bytes", lambda: bytearray(b"bc") in b"abc")
t("view in bytes", lambda: memoryview(b"bc") in b"abc")
t("in str", lambda: "a" in bytearray(b"abc"))
t("in 300", lambda: 300 in bytearray(b"abc"))
t("in -1", lambda: -1 in bytearray(b"abc"))

# iteration and conversion
t("list", lambda: list(bytearray(b"ab")))
t("tuple", lambda: tuple(bytearray(b"ab")))
t("bytes", lambda: bytes(bytearray(b"ab")))
t("bytes view", lambda: bytes(memoryview(bytearray(b"cd"))))
t("str dec", lambda: str(bytearray(b"\xc3\xa9"), "utf-8"))
t("sum", lambda: sum(bytearray(b"\x01\x02")))
t("enumerate", lambda: list(enumerate(bytearray(b"ab"))))
t("reversed", lambda: list(reversed(bytearray(b"ab"))))
grow = bytearray(b"ab")
seen = []
for c in grow:
    seen.append(c)
    if len(grow) < 4:
        grow.append(c + 2)
print("live iter", seen, grow)
t("max", lambda: max(bytearray(b"azb")))
t("sorted", lambda: sorted(bytearray(b"cab")))
t("join", lambda: b",".join([bytearray(b"a"), memoryview(b"b"), b"c"]))
t("join bad", lambda: b",".join([bytearray(b"a"), "b"]))
t("join int", lambda: b"".join(1))
t("ord", lambda: ord(bytearray(b"a")))
t("int from", lambda: int.from_bytes(bytearray(b"\x01\x00"), "big"))
t("decode", lambda: bytearray(b"caf\xc3\xa9").decode())
