# Arbitrary-precision integers: overflow past 64 bits, mixed sizes.

# === crossing the 64-bit boundary ===
m = 9223372036854775807
print(m + 1, m * 2, -m - 1, -m - 2)
print(m * m)
print((m + 1) - 1 == m, (m + 1) // 2)
u = 18446744073709551615
print(u + 1, u * u)
print(2 ** 63, 2 ** 64, 2 ** 100, -2 ** 63)

# === factorial ===
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f // 2 ** 20, f % 1000003)

# === big arithmetic ===
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, b - a, a - b)
print(a * b)
print(b // a, b % a, -b // a, -b % a, b // -a, b % -a)
print(divmod(b, a), divmod(-b, a))
print(a ** 3)
print(a == 123456789012345678901234567890, a < b, b > a, a != b)
print(-a < a, abs(-a))

# === fibonacci to big values ===
x, y = 0, 1
for i in range(150):
    x, y = y, x + y
print(x)

# === shifting and bitwise on big ints ===
print(1 << 100, (1 << 100) >> 99, (1 << 70) | 1, ((1 << 70) + 5) & 7)
print((1 << 65) ^ (1 << 64), ~(1 << 64))
print(-(1 << 80) >> 3)

# === shrinking back to small ===
big = 2 ** 80
small = big - 2 ** 80 + 7
print(small, small * 6, type(small))
print(2 ** 80 // 2 ** 78)

# === conversions ===
print(int("123456789012345678901234567890") + 1)
print(str(2 ** 90), len(str(2 ** 1000)))
print(hex(2 ** 70), bin(2 ** 65), oct(2 ** 64))
print(float(2 ** 60), float(10 ** 20))
print(2 ** 100 / 2 ** 99)
print(int(1e20), int(-1.5e19))
print(hash(5) == 5, 10 ** 18 * 10 == 10 ** 19)
