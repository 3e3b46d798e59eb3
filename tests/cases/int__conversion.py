# int() and str() conversions, bases.

# === int from str ===
print(int("42"), int("-17"), int("  8  "), int("+3"), int("0"), int("007"))
print(int("1_000"), int("ff", 16), int("FF", 16), int("777", 8), int("101", 2))
print(int("0x1f", 16), int("0b11", 2), int("0o17", 8), int("z", 36))
print(int("0x1f", 0), int("0b11", 0), int("17", 0))

# === int from float and bool ===
print(int(3.9), int(-3.9), int(0.5), int(1e10), int(True), int(False))

# === int() without args ===
print(int())

# === str and repr of ints ===
print(str(42), repr(-7), str(10 ** 20), len(str(-12345)))

# === hex, oct, bin ===
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0))

# === bad conversions raise ValueError ===
for s in ["", "abc", "1.5", "12a", "0x10"]:
    try:
        int(s)
        print("no error for", repr(s))
    except ValueError as e:
        print("ValueError:", e)

try:
    int("9", 8)
except ValueError as e:
    print(e)

# === round trips ===
for n in [0, 1, -1, 2 ** 31, -(2 ** 63), 2 ** 64 + 3]:
    print(n, int(str(n)) == n, int(hex(n), 16) == n)
