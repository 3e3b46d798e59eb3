# Floats: inf, nan, -0.0, parsing, rounding, repr, exact int comparisons
# and the float methods.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

inf = float("inf")
nan = float("nan")

# === inf, nan and negative zero ===
print(inf, -inf, nan, -nan, -0.0, 0.0, repr(-0.0), str(-0.0), inf - inf, inf * 0, -inf + 1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan, [nan] == [nan], nan in [nan], (nan,) == (nan,))
print(-0.0 == 0.0, -0.0 < 0.0, hash(-0.0) == hash(0.0), hash(0.0), hash(-0.0), hash(inf), hash(-inf), hash(1.5), hash(-1.5))
print(min(0.0, -0.0), max(0.0, -0.0), min(-0.0, 0.0), max(-0.0, 0.0), sorted([0.0, -0.0, -0.0, 0.0]))
print({0.0: "a", -0.0: "b"}, {-0.0, 0.0}, 1e308 * 10, -1e308 * 10, 1e-320, 5e-324 / 2, -5e-324 / 2)
print(abs(-0.0), -(0.0), +(-0.0), 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0, round(-0.4), round(-0.5), round(-0.0))
print(inf > 10 ** 400, -inf < -(10 ** 400), inf == inf, -inf == -inf, inf + inf, inf / 2, 1 / inf, -1 / inf)
print(max(1, nan), max(nan, 1), min(nan, 1), min(1, nan), sorted([3, nan, 1]) if False else "skip")
print(hash(nan) == hash(nan), float("-nan"), float("+inf"), float("Infinity"), float("-iNfInItY"), float("nAn"))

# === float() parsing ===
for s in ["1.5", " 1.5 ", "\t-2.5\n", "1e500", "-1e500", "1e-500", "1_000.5", "1__0", "_1", "1_", "1.5e1_0", "1e", "e5",
          ".5", "5.", ".", "", " ", "0x10", "1,5", "infinity", "+nan", "-nan", "inF", "in", "nana", "1.5.2", "١٫٥",
          "١.٥", "\u00a01.5\u2003", "1e+3", "1E-3", "+.5e+2", "0000.1", "1.7976931348623157e308", "1.7976931348623159e308",
          "2.2250738585072014e-308", "4.9e-324", "2.4e-324", "123456789012345678901234567890", "0.1" * 3, "nan(123)",
          "1 2", "+-1", "--1", "1e1.5", "١٢٣"]:
    show("float(%r)" % s, lambda: float(s))
show("float(b'1.5')", lambda: float(b"1.5"))
show("float(b'x')", lambda: float(b"x"))
show("float(10**400)", lambda: float(10 ** 400))
show("float(-10**400)", lambda: float(-(10 ** 400)))
show("float(2**1024 - 2**970)", lambda: float(2 ** 1024 - 2 ** 970))
show("float(2**1024 - 2**971)", lambda: float(2 ** 1024 - 2 ** 971))
show("float(None)", lambda: float(None))
show("float([])", lambda: float([]))
show("float()", lambda: float())
print(float(2 ** 53 + 1), float(2 ** 54 + 3), float(2 ** 63 - 1), float(-(2 ** 63)), float(10 ** 22), float(10 ** 23), float(True))
print(float(123456789012345678901234567890), float(-98765432109876543210987654321), float(2 ** 1000 + 1))

# === int/float comparisons are exact ===
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 < 2.0 ** 53 + 2, float(2 ** 53 + 1) < 2 ** 53 + 1)
print(10 ** 16 + 1 > 1e16, 10 ** 16 + 1 == 1e16, 9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(2 ** 1024 > 1.7976931348623157e308, 2 ** 1024 < inf, -(2 ** 1024) > -inf, 5 == 5.0, 5 < 5.5, -5 > -5.5, 0 == -0.0)
print((2 ** 53 + 1) in {float(2 ** 53)}, 2 ** 53 in {float(2 ** 53)}, hash(2 ** 53) == hash(float(2 ** 53)), hash(10 ** 30) == hash(1e30))
print(1e30 == 10 ** 30, int(1e30), int(1e30) == 1e30, hash(int(1e30)) == hash(1e30), hash(2 ** 70), hash(2.0 ** 70), hash(-(2 ** 70)))

# === true division of huge ints is correctly rounded ===
print(10 ** 400 / 10 ** 390, (10 ** 400 + 1) / 10 ** 399, 1 / 3, (2 ** 100 + 1) / 2 ** 100, (3 ** 200) / (2 ** 300))
print(10 ** 30 / 7, -(10 ** 30) / 7, (2 ** 2000) / (3 ** 1000), (2 ** 1100) / (2 ** 100 + 1), 1 / (2 ** 1074), 1 / (2 ** 1075))
print(3 / 2 ** 1076, (2 ** 1077 - 1) / 2 ** 2151, 12345678901234567 / 1, 12345678901234567 / 10)
show("2 ** 2000 / 3", lambda: 2 ** 2000 / 3)
show("(2**1024) / 1", lambda: 2 ** 1024 / 1)
show("(2**1025 - 1) / 2", lambda: (2 ** 1025 - 1) / 2)
show("(2**1024 - 2**970) / 1", lambda: (2 ** 1024 - 2 ** 970) / 1)

# === round with ndigits ===
for x in [2.675, 2.665, 0.125, 0.375, 1.005, 0.5, 1.5, 2.5, -2.5, 1234.5678, -0.0, 1e-20, 1e20, 5e-324, 1.7976931348623157e308, 0.045, 8.345]:
    print(x, round(x), round(x, 0), round(x, 1), round(x, 2), round(x, 3), round(x, -1), round(x, -2), round(x, 20), round(x, -400), round(x, 400))
print(round(123.456, -1), round(155.0, -1), round(165.0, -1), round(-155.0, -1), round(5e15 + 0.5), round(2 ** 52 + 0.5))
show("round(inf)", lambda: round(inf))
show("round(nan)", lambda: round(nan))
show("round(inf, 2)", lambda: round(inf, 2))
show("round(nan, 2)", lambda: round(nan, 2))
show("round(1e300)", lambda: round(1e300))
show("round(1.5, 'x')", lambda: round(1.5, "x"))
print(type(round(2.5)).__name__, type(round(2.5, None)).__name__, type(round(2.5, 0)).__name__)

# === repr is the shortest round-trip ===
for x in [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345680.0, 1e-5, 0.0001, 1.5e-7, 9007199254740993.0,
          2.5e-308, 1e22, 1e23, 4.35, 0.3, 100.0, 1e100, 1.2345678901234567e-300, 3.141592653589793, 2.0 ** 0.5]:
    print(repr(x), str(x), repr(-x))

# === float methods ===
for x in [0.0, -0.0, 1.0, 1.5, -2.5, 1e300, 0.1, 5e-324, 2.0 ** 60]:
    print(x.is_integer(), x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x, x.conjugate(), x.real, x.imag)
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex("0X1.FFFFFFFFFFFFFP+1023"), float.fromhex("  0x10  "), float.fromhex("inf"), float.fromhex("1.0"))
show("inf.is_integer()", lambda: inf.is_integer())
show("inf.as_integer_ratio()", lambda: inf.as_integer_ratio())
show("nan.as_integer_ratio()", lambda: nan.as_integer_ratio())
show("inf.hex()", lambda: inf.hex())
show("float.fromhex('0x1p1024')", lambda: float.fromhex("0x1p1024"))
show("float.fromhex('xyz')", lambda: float.fromhex("xyz"))

# === division and modulo errors and signs ===
show("1.0 / 0.0", lambda: 1.0 / 0.0)
show("1.0 // 0.0", lambda: 1.0 // 0.0)
show("1.0 % 0.0", lambda: 1.0 % 0.0)
show("divmod(1.0, 0)", lambda: divmod(1.0, 0))
show("0.0 ** -1", lambda: 0.0 ** -1)
show("0 ** -1.0", lambda: 0 ** -1.0)
show("0.0 ** -inf", lambda: 0.0 ** -inf)
show("10.0 ** 400", lambda: 10.0 ** 400)
show("(-2.0) ** 2.0", lambda: (-2.0) ** 2.0)
show("inf ** 0", lambda: inf ** 0)
show("nan ** 0", lambda: nan ** 0)
show("1 ** nan", lambda: 1 ** nan)
show("(-1) ** inf", lambda: (-1) ** inf)
show("2 ** -inf", lambda: 2 ** -inf)
show("0.5 ** inf", lambda: 0.5 ** inf)
show("(-inf) ** 3", lambda: (-inf) ** 3)
show("(-inf) ** -3", lambda: (-inf) ** -3)
show("(-0.0) ** -3", lambda: (-0.0) ** -3)
show("(-0.0) ** 3", lambda: (-0.0) ** 3)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1e300, 1e-300), (-1e-300, 1e300), (5.0, 0.1), (0.0, -3.0), (-0.0, 3.0), (3.0, inf), (-3.0, inf), (inf, 3.0)]:
    show("divmod(%r, %r)" % (a, b), lambda: (divmod(a, b), a % b, a // b))

# === end ===
1.5 % 0
