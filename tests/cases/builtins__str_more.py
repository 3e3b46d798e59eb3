# str methods beyond the basics: search ranges, split/rsplit limits,
# splitlines, padding, case mapping, predicates, partition, encode.

# === strip family ===
s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip(), "xxhixx".strip("x"), "abc".strip("ac"))

# === split / rsplit / splitlines ===
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), " a b ".rsplit())
print(" a  b ".split(None, 1), " a  b ".rsplit(None, 1), "a,b".split(",", maxsplit=0), "x".split("x"))
print("a\nb\r\nc\rd".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "a\x1cb".split())

# === join ===
print("-".join(["a", "b"]), "".join([]), ",".join("abc"), " ".join(("x",)), "+".join(map(str, range(4))))

# === find / index / count with ranges ===
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"))
print("hello".find("l", 3), "hello".find("l", -2), "abc".find("", 5), "abc".find("", 3), "abc".count(""), "abc".count("", 1))
print("héllo wörld".find("w"), "héllo wörld".index("ö"), "héllo".rfind("l"), "aaaa".count("aa"))

# === startswith / endswith ===
print("hello".startswith("he"), "hello".endswith(("lo", "x")), "hello".startswith("l", 2), "hello".endswith("l", 0, 4))
print("abc".startswith("", 5), "abc".endswith("c", 0, 2), "abc".startswith(("x", "a")))

# === replace ===
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"))

# === case mapping ===
print("hello world".upper(), "HeLLo".lower(), "hello world".title(), "they're bill's".title(), "3rd place".title())
print("hello World".capitalize(), "HeLLo".swapcase(), "ß".upper(), "Straße".casefold(), "ÉCOLE".lower())

# === predicates ===
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), " \t".isspace(), "".isspace())
print("ABC".isupper(), "abc".islower(), "Abc Def".istitle(), "abc".istitle(), "A1".isupper(), "1".isupper())
print("_x1".isidentifier(), "1x".isidentifier(), "42".isdecimal(), "½".isnumeric(), "½".isdigit(), "abc".isascii(), "é".isascii())

# === padding ===
print("42".zfill(5), "-42".zfill(5), "+".zfill(3), "ab".ljust(5, "*"), "ab".rjust(5), "abc".center(2))
print("[" + "abc".center(6, "*") + "]", "[" + "abc".center(8, "*") + "]", "[" + "ab".center(5, "*") + "]", "[" + "x".center(4, "*") + "]")
print("a\tb".expandtabs(), "a\tb".expandtabs(4), "ab\tc\nx\ty".expandtabs(3))

# === partition / prefix / suffix ===
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"), "abc".removeprefix("z"))

# === encode / translate ===
print("é".encode(), "abc".encode("ascii"), "x".encode("latin-1"), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"))
print("é€".encode("ascii", "backslashreplace"), "é".encode("ascii", "xmlcharrefreplace"), "é".encode("latin-1"))
tbl = str.maketrans("abc", "xyz", "d")
print("abcd".translate(tbl), "hello".translate({ord("l"): None, ord("h"): "J"}))

# === errors ===
for bad in [lambda: "a".split(""), lambda: "abc".index("z"), lambda: "a".join([1]), lambda: "abc".center(5, "ab"),
            lambda: "a".startswith(1), lambda: "é".encode("ascii"), lambda: "€€".encode("ascii"), lambda: "a".encode("zzz"),
            lambda: "abc".replace("b", 1), lambda: "abc".find(1), lambda: "ab".partition(""), lambda: ", ".join(1)]:
    try:
        bad()
    except (ValueError, TypeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
