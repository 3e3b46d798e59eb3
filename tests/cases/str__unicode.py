# Unicode character properties and case mappings agree with CPython's data.

# === predicates and mappings on sampled code points ===
names = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace", "isupper",
         "islower", "istitle", "isprintable", "isidentifier", "upper", "lower", "casefold",
         "title", "swapcase", "capitalize"]
for n in names:
    cnt = 0
    h = 0
    for c in range(0, 0x110000, 89):
        if 0xD800 <= c <= 0xDFFF:
            continue
        r = getattr(chr(c), n)()
        if r is True:
            cnt += 1
            h = (h * 31 + c) % 1000000007
        elif r is not False and r != chr(c):
            cnt += 1
            h = (h * 31 + c + len(r)) % 1000000007
    print(n, cnt, h)

# === special casing ===
for s in ["straße", "ﬁne", "İstanbul", "ǆemal", "ǅ", "ΣΑΣ", "ΟΔΟΣ ΟΔΟΣ.", "Σ", "aΣ", "aΣb", "aΣ.", "ʼn", "ﬃ", "ᾳ", "ΐ"]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.title()),
          repr(s.capitalize()), repr(s.swapcase()))

# === predicates on words ===
for s in ["abc", "ABC", "Abc Def", "Abc def", "ǅungla", "١٢٣", "½", "²", "Ⅻ", "x²", "ⅻ", "é", "e\u0301",
          "\u00a0", "\u2003", "\u200b", "\u3000", "a\tb", "中文", "𝔘𝔫𝔦", "_x1", "1x", "x-y", "℘", "·", "", " "]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isprintable(), s.isidentifier())

# === repr escapes non-printable characters ===
for c in [0, 7, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xad, 0x300, 0x378, 0x2028, 0x200b, 0xe000, 0xfeff, 0xffff,
          0x10000, 0x1f600, 0xe0001, 0x10ffff, 0xf0000, 0x1d400]:
    print(hex(c), repr(chr(c)), ascii(chr(c)))
