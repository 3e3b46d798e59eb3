# Bitwise operators and shifts on ints.

# === and, or, xor, not ===
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~b)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(-1 & 0xff, -256 | 15, -1 ^ 1, ~-1, ~0)

# === shifts ===
print(1 << 0, 1 << 10, 1 << 62, 1 << 63, 1 << 64)
print(1024 >> 3, 1 >> 1, -1 >> 10, -16 >> 2, -17 >> 2)
print(5 << 3 >> 3)

# === precedence ===
print(1 | 2 & 3, (1 | 2) & 3, 1 ^ 3 & 2, 1 << 2 + 1, 2 + 1 << 2)
print(~1 + 1, -~5)

# === augmented ===
x = 0
x |= 0b101
x &= 0b100
x ^= 0b011
x <<= 4
x >>= 1
print(x)

# === bools ===
print(True & False, True | False, True ^ True, type(True & True))

# === popcount by hand ===
def popcount(n):
    c = 0
    while n:
        c += n & 1
        n >>= 1
    return c

print(popcount(255), popcount(2 ** 40 - 1), popcount(0))
