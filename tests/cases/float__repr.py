# repr() and str() of floats: shortest round-trip digits, exponent thresholds.

# === classic cases ===
print(0.1 + 0.2, 0.1 + 0.7, 1 / 3, 2 / 3, 1 / 7)
print(repr(0.1), str(0.1), repr(1.1 * 3))
print(0.5, 0.25, 0.125, 100.0, 1.0, 0.0, -0.0)

# === exponent thresholds ===
print(1e15, 1e16, 1e17, 123456789012345678.0, 1e22, 1e100)
print(1e-4, 1e-5, 0.0001, 0.00001, 0.00012345, 1.5e-7)
print(9999999999999998.0, 1234567890123456.7)
print(1e308, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308)

# === special values ===
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"))
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan)
print(inf + 1, inf - inf, inf * 0, -inf * -1)
print(1e308 * 10, -1e308 * 10)

# === negative zero ===
z = -0.0
print(z, z == 0.0, -z, 0.0 * -1, abs(z))

# === float() from strings ===
print(float("1.5"), float("  -2.25  "), float("1e3"), float("3"), float(".5"))
print(float("nan"), float("-inf"), float("1_000.5"))
print(float(7), float(-2 ** 53), float(True))

# === rounding in arithmetic ===
print(0.1 * 3, 0.3, 0.1 * 3 == 0.3, 1.1 + 2.2, 3.3 * 3)
print(1 - 0.9, 100 * 1.1, 2.675 * 100)
print(1e16 + 1, 1e16 + 2, 2 ** 0.5, 10 / 3)

# === is_integer-like checks ===
print(5.0 == 5, 5.5 == 5, int(5.0), int(-5.9))
