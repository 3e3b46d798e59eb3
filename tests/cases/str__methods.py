# Common str methods.

s = "  Hello, World  "

# === strip family ===
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("abcba".strip("ab")), repr("\t\n a \n".strip()))
print(repr("..a..".lstrip(".")), repr("..a..".rstrip(".")))

# === case ===
t = "Hello World abc"
print(t.upper(), t.lower(), "hello world".title(), "hELLO".capitalize())

# === find, rfind, index, count ===
print(t.find("o"), t.rfind("o"), t.find("xyz"), t.find("o", 5), t.find("o", 5, 7), t.find(""))
print(t.index("World"), t.count("l"), t.count("o"), "aaaa".count("aa"), t.count(""))
try:
    t.index("xyz")
except ValueError as e:
    print("ValueError:", e)

# === startswith, endswith ===
print(t.startswith("Hell"), t.startswith("ell"), t.endswith("abc"), t.endswith("ab"))
print(t.startswith(("x", "H")), t.endswith(("c", "z")), t.startswith("World", 6))

# === replace ===
print("a-b-c-d".replace("-", "+"), "a-b-c-d".replace("-", "", 2), "aaa".replace("a", "bb"))
print("abc".replace("", "-"), "abc".replace("x", "y"))

# === predicates ===
for v in ["123", "12a", "", "abc", "ABC", "aBc", "   ", "a1"]:
    print(repr(v), v.isdigit(), v.isalpha(), v.isalnum(), v.isupper(), v.islower(), v.isspace())

# === padding ===
print(repr("7".zfill(3)), repr("-7".zfill(4)), repr("abc".ljust(6)), repr("abc".rjust(6, "*")))
print(repr("abc".center(7)), repr("abc".center(8, "-")), repr("abcdef".center(3)))

# === partition ===
print("key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("z"))

# === splitlines ===
print("a\nb\r\nc\n".splitlines(), "".splitlines(), "one".splitlines())

# === chaining methods ===
print("  MiXeD  ".strip().lower().replace("x", "ks").upper())

# === encode ===
print("héllo".encode(), "abc".encode("utf-8"), len("é".encode()))
