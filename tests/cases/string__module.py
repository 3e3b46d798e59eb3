# The string module: constants and capwords.
import string

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "printable", "whitespace"]:
    v = getattr(string, name)
    print(name, repr(v), len(v))
print(string.capwords("hello   world  again"), string.capwords("  leading and trailing  "))
print(string.capwords("ÉCOLE élève ǆungla"), string.capwords("a-b c-d", "-"), string.capwords("x,,y", ","))
print(repr(string.capwords("")), repr(string.capwords("", "-")), string.capwords(s="kw arg"), string.capwords("o n e", sep=None))
print(string.capwords("mIxEd CaSe\twords\nnewline"))
for bad in [lambda: string.capwords(), lambda: string.capwords(1), lambda: string.capwords("a", 1), lambda: string.capwords("a b", "")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
from string import digits, ascii_lowercase as low
print(digits + low, "a" in string.ascii_letters, "\x0b" in string.whitespace)
print(string.nope)
