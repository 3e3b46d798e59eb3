# Ints of any size in every operation.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

# === powers ===
print(len(str(2 ** 100000)), str(2 ** 100000)[:20], str(2 ** 100000)[-20:])
print(len(str(7 ** 12345)), str(7 ** 12345)[-30:])
print((1 << 100000) == 2 ** 100000, (1 << 100000).bit_length())
print((-3) ** 333, (-2) ** 64, (-2) ** 63, 2 ** 63, 2 ** 64 - 1)
print(10 ** 30, (10 ** 30) ** 2, (-10) ** 31)
print(2 ** -1, 2 ** -10, (-2) ** -3, 10 ** -20, (10 ** 20) ** -1, 0 ** 0, 1 ** -5, (-1) ** -5)
print(2 ** 0.5, (10 ** 30) ** 0.5, 4 ** -0.5, (-8) ** 2.0)
print(0 ** 10 ** 20, 1 ** 10 ** 20, (-1) ** (10 ** 20), (-1) ** (10 ** 20 + 1))
show("0 ** -1", lambda: 0 ** -1)
show("0 ** -(10**20)", lambda: 0 ** -(10 ** 20))
show("2 ** -(10**20)", lambda: 2 ** -(10 ** 20))
show("(10**400) ** -1", lambda: (10 ** 400) ** -1)
show("2 ** 10000 * 1.0", lambda: 2 ** 10000 * 1.0)
show("2.0 ** 10000", lambda: 2.0 ** 10000)
show("(-8) ** (1/3)", lambda: type((-8) ** (1 / 3)).__name__)
x = 3
x **= 40
print(x)

# === pow with modulus ===
print(pow(3, 4, 5), pow(2, 100, 1000000007), pow(7, 0, 13), pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7))
print(pow(2, 10 ** 20, 10 ** 9 + 7), pow(10 ** 30, 10 ** 30, 998244353), pow(5, 0, 1), pow(0, 0, 3))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11), pow(-2, -1, 7), pow(3, -1, -7), pow(10 ** 20 + 1, -1, 10 ** 9 + 7))
show("pow(2, -1, 4)", lambda: pow(2, -1, 4))
show("pow(2, 3, 0)", lambda: pow(2, 3, 0))
show("pow(2, 3.0, 5)", lambda: pow(2, 3.0, 5))
show("pow(2.0, 3, 5)", lambda: pow(2.0, 3, 5))
show("pow(2, 3, 5.0)", lambda: pow(2, 3, 5.0))
show("pow(2, -1, 1)", lambda: pow(2, -1, 1))
show("pow(0, -1, 5)", lambda: pow(0, -1, 5))
show("pow('a', 2)", lambda: pow("a", 2))
show("pow(2)", lambda: pow(2))
print(pow(base=2, exp=5), pow(2, 5, mod=3), pow(2, 5, None))

# === floor division and modulo signs ===
for a in [7, -7, 10 ** 20 + 3, -(10 ** 20 + 3), 0]:
    for b in [2, -2, 3, -3, 10 ** 19 + 7, -(10 ** 19 + 7)]:
        print(a, b, a // b, a % b, divmod(a, b))
for a in [7, -7, 7.5, -7.5, 10 ** 20]:
    for b in [2.0, -2.0, 0.5, -3, 3]:
        print(a, b, a // b, a % b, divmod(a, b))
print(-0.0 // 1, 0.0 % -1, -0.0 % 1, 5 % -0.5, divmod(-0.0, 1.0), divmod(1e300, 1e-300) if False else divmod(7, 1e300))
show("1 // 0", lambda: 1 // 0)
show("1 % 0", lambda: 1 % 0)
show("divmod(1, 0)", lambda: divmod(1, 0))
show("1.0 // 0", lambda: 1.0 // 0)
show("1 % 0.0", lambda: 1 % 0.0)
show("divmod(1.0, 0.0)", lambda: divmod(1.0, 0.0))
show("10**30 // 0", lambda: 10 ** 30 // 0)
show("10**30 % 0", lambda: 10 ** 30 % 0)
show("1 / 0", lambda: 1 / 0)
show("1.0 / 0", lambda: 1.0 / 0)
show("1 / 0.0", lambda: 1 / 0.0)
show("10**30 / 0", lambda: 10 ** 30 / 0)
show("divmod('a', 1)", lambda: divmod("a", 1))
show("divmod(1, 'a')", lambda: divmod(1, "a"))
show("float('inf') // 1", lambda: float("inf") // 1)
show("float('inf') % 2", lambda: float("inf") % 2)
show("5 % float('inf')", lambda: 5 % float("inf"))
show("-5 % float('inf')", lambda: -5 % float("inf"))
show("divmod(5, float('inf'))", lambda: divmod(5, float("inf")))
show("divmod(-5, float('inf'))", lambda: divmod(-5, float("inf")))

# === true division ===
print(10 ** 30 / 10 ** 10, 1 / 3, 2 ** 60 / 3, (2 ** 53 + 1) / 1, 10 ** 400 // 10 ** 399)
print((10 ** 400) / (10 ** 399), (3 ** 500) / (3 ** 499), 1 / 10 ** 400, -1 / 10 ** 400)
print((2 ** 1023 * 3) / 2 ** 1020, 123456789123456789123456789 / 1000000007, 7 / -(10 ** 25))
show("10**400 / 3", lambda: 10 ** 400 / 3)
show("10**400 / 10**-0", lambda: 10 ** 400 / 1)
show("10**400 / 1.0", lambda: 10 ** 400 / 1.0)
print(2 ** 1024 // 2 ** 1000, (2 ** 1024 - 1) / 2 ** 1000)

# === shifts ===
print(1 << 0, 1 << 64, -1 << 64, 5 >> 1, -5 >> 1, -1 >> 100, 1 >> 100, (10 ** 30) >> 50, -(10 ** 30) >> 50)
print((-(10 ** 30)) >> 1000, (10 ** 30) >> 10 ** 20, -(10 ** 30) >> 10 ** 20, 0 << 10 ** 20, 7 << 200)
show("1 << -1", lambda: 1 << -1)
show("1 >> -1", lambda: 1 >> -1)
show("10**30 << -1", lambda: 10 ** 30 << -1)
show("1 << 10**20", lambda: 1 << 10 ** 20)
show("1 << 1.0", lambda: 1 << 1.0)
show("1.0 << 1", lambda: 1.0 << 1)

# === bitwise ===
a, b = -(10 ** 25) - 12345, 10 ** 20 + 999
print(a & b, a | b, a ^ b, ~a, ~b, a & -1, a | 0, a ^ a, -a & a)
print(-1 & 255, -256 | 15, -6 ^ 3, ~0, ~-1, ~(2 ** 64), (2 ** 64 - 1) & -(2 ** 63))
print(True & 3, True | False, True ^ True, ~True, -True, +True, type(True & False).__name__, type(True & 1).__name__)
show("1 & 1.0", lambda: 1 & 1.0)
show("~1.5", lambda: ~1.5)

# === comparisons of big ints with floats ===
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53), 2 ** 53 + 1 > float(2 ** 53), 2 ** 53 + 1 < 2.0 ** 53 + 2)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) < -1e308, 10 ** 400 == float("inf"), 1 == 1.0, 0 == -0.0)
print(2 ** 63 == 2.0 ** 63, 2 ** 63 - 1 == 2.0 ** 63, 2 ** 64 > 1.8446744073709552e19, 3 < 3.5, -(2 ** 70) < -1.2e21)
print(float("nan") == 10 ** 400, float("nan") < 1, 1 < float("nan"), 10 ** 30 != 1e30, 10 ** 22 == 1e22, 10 ** 23 == 1e23)
print(max(1, 1.0, 2 ** 64), min(-(10 ** 30), -1e30), sorted([3, 2.5, 10 ** 20, -1e20, True]))

# === unary and abs ===
print(-(2 ** 63), -(-(2 ** 63)), abs(-(2 ** 63)), abs(-(10 ** 30)), +(10 ** 30), -0, abs(-0.0), abs(True))
print(-9223372036854775808 - 1, 9223372036854775807 + 1, -9223372036854775807 - 1, 9223372036854775807 * 9223372036854775807)
print((-9223372036854775808) // -1, (-9223372036854775808) % -1, abs(-9223372036854775808), divmod(-9223372036854775808, -1))

# === end ===
pow(4, -1, 8)
