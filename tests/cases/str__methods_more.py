# Every str method, with awkward arguments and CPython's errors.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

s = "Hello, World"

# === split and rsplit ===
for t, args in [("a,b,,c", (",",)), ("a,b,,c", (",", 1)), ("a,b,,c", (",", 0)), ("a,b,,c", (",", -1)), ("  a  b  ", ()),
                ("  a  b  ", (None, 1)), ("a\tb\nc\x0bd\x1ce", ()), ("", ()), ("", (",",)), ("abc", ("abc",)),
                ("aXbXc", ("X", 5)), ("a  b", (" ",)), ("\u2003a\u3000b", ())]:
    print(repr(t), args, t.split(*args), t.rsplit(*args))
print("a,b,c".split(sep=",", maxsplit=1), "a,b,c".rsplit(maxsplit=1, sep=","), "  x y z ".rsplit(None, 1))
show("split('')", lambda: "abc".split(""))
show("split(1)", lambda: "abc".split(1))
show("split(',', 'x')", lambda: "abc".split(",", "x"))
show("rsplit('')", lambda: "abc".rsplit(""))

# === join ===
print(",".join(["a", "b"]), "".join([]), "-".join("abc"), " ".join(("x",)), ", ".join({"k": 1, "j": 2}))
show("join([1])", lambda: ",".join(["a", 1]))
show("join(5)", lambda: ",".join(5))
show("join([b'a'])", lambda: ",".join([b"a"]))

# === strip family ===
print(repr(" \t\n x \r\x0b\x0c".strip()), repr("xxaxx".strip("x")), repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")))
print(repr("\u2003 a \u3000".strip()), repr("aaa".strip("a")), repr("".strip()), repr("abc".strip("")), repr("abc".strip(None)))
show("strip(1)", lambda: "abc".strip(1))

# === find, index, count and their ranges ===
for args in [("o",), ("o", 5), ("o", 5, 8), ("o", -4), ("o", -100, 100), ("",), ("", 12), ("", 13), ("", 20), ("l", 2, 3),
             ("xyz",), ("o", None, 6), ("o", 5, None), ("Hello",), ("World", 7)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args))
print("aaaa".count("aa"), "aaaa".count(""), "".count(""), "".count("a"), "abc".count("", 1), "abc".find("", 4), "abc".rfind(""))
show("index('z')", lambda: s.index("z"))
show("rindex('z')", lambda: s.rindex("z"))
show("index('o', 5, 6)", lambda: s.index("o", 5, 6))
print(s.index("o"), s.rindex("o"), s.index("o", 5), s.rindex("l", 0, 5))
show("find(1)", lambda: s.find(1))
show("find('a', 'b')", lambda: s.find("a", "b"))
show("count()", lambda: s.count())

# === startswith, endswith ===
print(s.startswith("Hell"), s.startswith("ell", 1), s.startswith("World", 7, 12), s.startswith("World", 7, 11), s.startswith(("a", "H")))
print(s.endswith("World"), s.endswith("Hello", 0, 5), s.endswith(("x", "ld")), s.endswith(""), s.startswith("", 12), s.startswith("", 13))
show("startswith(['H'])", lambda: s.startswith(["H"]))
show("startswith(('H', 1))", lambda: s.startswith(("x", 1)))
show("endswith(1)", lambda: s.endswith(1))

# === replace ===
print("aaa".replace("a", "b", 2), "aaa".replace("a", "b", -1), "aaa".replace("a", "b", 0), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("".replace("", "x"), "aaaa".replace("aa", "b"), "abab".replace("ab", ""), s.replace("l", "L", 1))
show("replace(1, 'a')", lambda: "abc".replace(1, "a"))
show("replace('a')", lambda: "abc".replace("a"))

# === partition and rpartition ===
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"), "".partition("a"))
show("partition('')", lambda: "abc".partition(""))
show("rpartition(None)", lambda: "abc".rpartition(None))

# === case and padding ===
print("hello world".title(), "hELLO wORLD".swapcase(), "they're bill's".title(), "ABC".casefold(), "ßx".casefold(), "a1b2".capitalize())
print(repr("ab".center(7, "*")), repr("ab".center(6)), repr("abc".center(6)), repr("ab".ljust(1)), repr("ab".rjust(5, "é")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "".zfill(3), "-".zfill(3), "12345".zfill(3))
show("center(5, 'ab')", lambda: "x".center(5, "ab"))
show("ljust('5')", lambda: "x".ljust("5"))
show("zfill(None)", lambda: "x".zfill(None))

# === expandtabs ===
for t in ["a\tb", "\t", "ab\tcd\tef", "a\nb\tc", "a\r\tb", "12345678\tx"]:
    print(repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(0)), repr(t.expandtabs(-1)), repr(t.expandtabs(tabsize=2)))

# === splitlines ===
for t in ["a\nb\r\nc\rd", "a\n\nb\n", "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i", "", "\n", "no newline"]:
    print(repr(t), t.splitlines(), t.splitlines(True), t.splitlines(keepends=True))

# === prefixes and suffixes ===
print("prefix-x".removeprefix("prefix-"), "x".removeprefix("y"), "a.py".removesuffix(".py"), "a.py".removesuffix(""), "".removeprefix(""))
show("removeprefix(1)", lambda: "x".removeprefix(1))

# === translate and maketrans ===
t1 = str.maketrans("abc", "xyz")
t2 = str.maketrans("ab", "xy", "c")
t3 = str.maketrans({"a": "AA", "b": None, ord("c"): 67})
print(sorted(t1.items()), sorted(t2.items()), sorted(t3.items()))
print("abcabc".translate(t1), "abcabc".translate(t2), "abcd".translate(t3), "abc".translate({97: None}), "abc".translate({}))
show("maketrans('ab', 'x')", lambda: str.maketrans("ab", "x"))
show("maketrans({'ab': 1})", lambda: str.maketrans({"ab": 1}))
show("maketrans(1)", lambda: str.maketrans(1))
show("translate({97: 1.5})", lambda: "a".translate({97: 1.5}))
show("translate({97: 0x110000})", lambda: "a".translate({97: 0x110000}))

# === predicates on edge cases ===
for t in ["", " ", "a b", "A1", "Ab Cd", "ab Cd", "1", "1.5", "-1", "²", "a_1", "_", "1a", "def", "None", "\x00"]:
    print(repr(t), t.isalpha(), t.isalnum(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isspace(), t.istitle(),
          t.isupper(), t.islower(), t.isidentifier(), t.isprintable(), t.isascii())

# === encode ===
print("héllo".encode(), "héllo".encode("utf-8"), "abc".encode("ascii"), "héllo".encode("latin-1"), "€".encode("utf8"))
print("héllo".encode("ascii", "ignore"), "héllo".encode("ascii", "replace"), "héllo".encode(encoding="ascii", errors="ignore"))
show("encode ascii strict", lambda: "héllo".encode("ascii"))
show("encode latin-1 strict", lambda: "h€".encode("latin-1"))
show("encode bad codec", lambda: "x".encode("nope"))

# === comparisons, membership, operators ===
print("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "" < "a", "é" > "z", "Z" < "a", "a" * 3, 3 * "ab", "a" * -1, "x" * 0)
print("ell" in "hello", "" in "", "" in "abc", "xyz" in "abc", "b" not in "abc")
show("1 in 'abc'", lambda: 1 in "abc")
show("'a' + 1", lambda: "a" + 1)
show("'a' * 1.5", lambda: "a" * 1.5)
show("'a' < 1", lambda: "a" < 1)
show("'abc'[5]", lambda: "abc"[5])
show("'abc'['x']", lambda: "abc"["x"])
def setitem(obj, key, value):
    obj[key] = value
show("'abc'[1] = 'x'", lambda: setitem("abc", 1, "x"))

# === str() and repr() of str ===
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\\"), repr("\x00\x7f\t\n\r"), str("x"), str(b"x"), str(5))
print(str(object="abc"), str(b"abc", "ascii"), str(b"h\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"), str(b"\xff", "latin-1"))
show("str(b'\\xff', 'utf-8')", lambda: str(b"\xff", "utf-8"))
show("str(1, 'utf-8')", lambda: str(1, "utf-8"))

# === end ===
"abc".index("d")
