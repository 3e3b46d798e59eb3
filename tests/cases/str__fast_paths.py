# The byte-search and ASCII fast paths of str methods, int(str) and
# str(int) agree with the general ones (ASCII and non-ASCII text).
texts = ["a,b,,c", ",a,", "", ",", "héllo,wörld,ü", "x::y::z", "日本,語,",
         "item1:2,item3:4", "aaaa", "a" * 100 + "," + "b" * 100]
for t in texts:
    for sep in [",", "::", ":", "a", "aa", "語", "ö,", "zz"]:
        for m in [-1, 0, 1, 2]:
            parts = t.split(sep, m)
            print(repr(t[:20]), repr(sep), m, parts[:6], [len(p) for p in parts][:6])
        print(t.count(sep), t.find(sep), t.rfind(sep), t.index(sep) if sep in t else None)
        r = t.replace(sep, "<>")
        print(repr(r[:40]), len(r), t.replace(sep, "é", 1), len(t.replace(sep, "", 2)))
    print(t.split(), t.upper(), len(t.upper()), t.lower(), t.find(""), t.rfind(""), t.count(""))
print("aaaa".count("aa"), "aaaa".replace("aa", "b"), "aaa".split("aa"), "abab".rfind("ab"))
print("ß".upper(), len("ßa".upper()), "ǅ".lower(), "İ".lower(), len("İ".lower()))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("b", "b"))
print("a b  c".split(" "), " a  b ".split(), "a\u3000b".split(), "a b c".split(None, 1))
for bad in [("x", ""), ("x", 3), ("x", None)]:
    try:
        print(bad[0].split(bad[1]))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "abc".split(sep="")
except ValueError as e:
    print("ValueError", e)
print("a:b".split(sep=":"), "a:b:c".split(":", maxsplit=1))
for s in ["0", "7", "-7", "+7", "007", "-0", "123456789012345678", "1234567890123456789",
          "-999999999999999999", "99999999999999999999999", " 5", "5 ", "5_0", "１２",
          "١٢٣", "+", "-", "", "5a", "0x10", "--5", "+-5", "_5", "5_", "0" * 40]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(int("012", 10), int("12", 0), int("ff", 16))
try:
    int("012", 0)
except ValueError as e:
    print("ValueError", e)
for i in [0, 5, 9, 10, -1, -10, 123456, -9223372036854775808, 9223372036854775807, 2 ** 70]:
    print(str(i), repr(i), len(str(i)), str(i) + "x", f"{i}")
s = "hello world"
print(s[2:], s[:1], s[3:4], s[5:5], s[-1], s[0], s[::2], len(s[1:]), s[1:] + "!")
u = "héllo"
print(u[1:], u[:1], u[1], len(u[2:]), u[::-1])
acc = ""
for k in range(50):
    acc += str(k)
    w = "item" + str(k) + ":" + str(k * 7)
print(acc, len(acc), w, len(w))
