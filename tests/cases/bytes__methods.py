# bytes: construction, methods, hex/fromhex, indexing and errors.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

b = b"Hello, World"

# === construction ===
print(bytes(), bytes(3), bytes([65, 66]), bytes((1, 2)), bytes(range(3)), bytes("hé", "utf-8"), bytes(b"x"), bytes("abc", encoding="ascii"))
show("bytes(-1)", lambda: bytes(-1))
show("bytes([256])", lambda: bytes([256]))
show("bytes(['a'])", lambda: bytes(["a"]))
show("bytes('abc')", lambda: bytes("abc"))
show("bytes(1.5)", lambda: bytes(1.5))
show("bytes(b'x', 'utf-8')", lambda: bytes(b"x", "utf-8"))

# === repr ===
print(repr(b"\x00\x7f\x80\xff\t\n\r'\"\\"), repr(b"it's"), repr(b'"'), repr(b"'\""), str(b"abc"))

# === indexing and slicing ===
print(b[0], b[-1], b[1:5], b[::-1], b[::3], b[100:], b[-100:2], type(b[0]).__name__, list(b"abc"))
show("b[20]", lambda: b[20])

# === methods shared with str ===
print(b.split(b","), b"a b  c".split(), b"a,b,c".split(b",", 1), b"a,b,c".rsplit(b",", 1), b"  x ".strip(), b"xxaxx".strip(b"x"))
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.count(b"l"), b.count(108), b.index(b"W"), b.rindex(b"o"), b.find(b"z"))
print(b.startswith(b"Hell"), b.endswith((b"x", b"ld")), b.replace(b"l", b"L"), b.replace(b"l", b"L", 1), b.upper(), b.lower())
print(b.partition(b", "), b.rpartition(b"o"), b"-".join([b"a", b"b"]), b"".join([]), b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"))
print(b"hello world".title(), b"hello".capitalize(), b"HeLLo".swapcase(), b"42".zfill(5), b"-4".zfill(4), b"a\tb".expandtabs(4))
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"\xff".isascii(), b"".isalpha())
print(b"a\nb\r\nc".splitlines(), b"a\nb".splitlines(True), b"x.py".removesuffix(b".py"), b"pre-x".removeprefix(b"pre-"))
print(b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xff".decode("latin-1"), b"\xffa".decode("utf-8", "replace"), b"\xffa".decode("ascii", "ignore"))
show("decode bad", lambda: b"\xff\xfe".decode())
show("decode ascii", lambda: b"a\x80".decode("ascii"))
show("join(['a'])", lambda: b"".join(["a"]))
show("split('a')", lambda: b"abc".split("a"))
show("find('a')", lambda: b"abc".find("a"))
show("find(256)", lambda: b"abc".find(256))
show("b'a' in 'abc'", lambda: b"a" in "abc")
print(b"a" in b"abc", 97 in b"abc", 300 in b"abc" if False else "skip", b"" in b"")
show("'a' in b'abc'", lambda: "a" in b"abc")
show("300 in b'abc'", lambda: 300 in b"abc")

# === hex and fromhex ===
print(b"\x00\xffab".hex(), b"".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2), b"abcdef".hex(" ", -2), b"abcde".hex(":", 2))
print(bytes.fromhex("00ff 61 62"), bytes.fromhex(""), bytes.fromhex("  4142  "), bytes.fromhex("aBcD"))
show("fromhex('0')", lambda: bytes.fromhex("0"))
show("fromhex('zz')", lambda: bytes.fromhex("zz"))
show("fromhex('0 0')", lambda: bytes.fromhex("0 0"))
show("fromhex(b'00')", lambda: bytes.fromhex(b"00"))
show("hex('::')", lambda: b"ab".hex("::"))

# === maketrans and translate ===
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], b"aabbcc".translate(t), b"abcd".translate(None, b"bd"), b"abcd".translate(t, b"a"))
show("maketrans lengths", lambda: bytes.maketrans(b"ab", b"x"))
show("translate short table", lambda: b"a".translate(b"x"))

# === operators ===
print(b"ab" + b"cd", b"ab" * 3, 2 * b"x", b"ab" < b"b", b"ab" == b"ab", b"a" == "a", b"\x00" < b"\x00\x00", hash(b"ab") == hash(b"ab"))
show("b'a' + 'a'", lambda: b"a" + "a")
show("b'a' < 'a'", lambda: b"a" < "a")
show("b'a' + 1", lambda: b"a" + 1)
print(len(b"abc"), max(b"abc"), min(b"abc"), sum(b"abc"), sorted(b"cab"), list(reversed(b"abc")), b"abc" * 0, bytes(reversed(b"abc")))

# === more str-like methods ===
for t in [b"a,b,,c", b"  a  b  ", b"", b"x"]:
    print(t.rsplit(), t.rsplit(b","), t.rsplit(None, 1), t.rsplit(b",", 1), t.rpartition(b","), t.rindex(b"") if t else "")
for w in [0, 3, 6, 7]:
    print(b"ab".center(w), b"abc".center(w, b"-"), b"ab".ljust(w, b"."), b"ab".rjust(w), b"+5".zfill(w), b"".zfill(w))
for t in [b"Hello World", b"hello", b"HELLO", b"", b"123", b"Hello world", b"a\xffB", b"They're"]:
    print(t.title(), t.capitalize(), t.swapcase(), t.isupper(), t.islower(), t.istitle(), t.isascii(), t.isalnum(), t.isalpha())
print(b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(2), b"x\r\ty".expandtabs(4), b"a\x0bb\x0cc\x1cd".splitlines())
print(b"a\r\nb\rc\n".splitlines(keepends=True), b"".splitlines(), b"\n".splitlines(), b"abc".removeprefix(b""), b"abc".removesuffix(b"bc"))
print(b"abcdef".hex(b"|", 4), b"abcdef".hex("|", -4), b"".hex(":"), b"a".hex(":", 3), b"abc".hex(sep="-"), b"abc".hex(":", 0))
show("center(5, 'a')", lambda: b"x".center(5, "a"))
show("ljust(5, b'ab')", lambda: b"x".ljust(5, b"ab"))
show("rjust('5')", lambda: b"x".rjust("5"))
show("rsplit(b'')", lambda: b"abc".rsplit(b""))
show("rindex(b'z')", lambda: b"abc".rindex(b"z"))
show("rpartition('a')", lambda: b"abc".rpartition("a"))
show("removeprefix('a')", lambda: b"abc".removeprefix("a"))
show("hex(1)", lambda: b"ab".hex(1))
show("hex('\u00e9')", lambda: b"ab".hex("\u00e9"))
show("translate(None, 'a')", lambda: b"abc".translate(None, "a"))
print(b"abc".translate(None, delete=b"b"), bytes.maketrans(b"", b"")[:4], b"abc".translate(bytes.maketrans(b"abc", b"bca")))

# === end ===
b"abc".index(b"z")
