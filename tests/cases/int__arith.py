# Integer arithmetic on small ints.

# === basic operators ===
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a, +a, -(-a), ~a)
print(b - a, (b - a) * 3)
print(0 * 1000, 1 * -1, -1 * -1)

# === true division gives float ===
print(10 / 2, 1 / 4, 7 / 7, -9 / 3)
print(type(10 / 2))

# === precedence ===
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2, (-2) ** 2)
print(2 ** 3 ** 2, 100 - 10 - 1, 100 // 10 // 3, 2 * 3 % 4)
print(1 + 2 - 3 + 4 - 5)

# === augmented assignment ===
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x **= 10
print(x)
x /= 4
print(x)

# === mixing with bool ===
print(True + 1, False - 1, True * 10, 3 - True)

# === mixing with float ===
print(1 + 2.5, 3 * 0.5, 2 ** 0.5 * 2 ** 0.5 > 1.99, 7 // 2.0, 7 % 2.0)

# === counters in loops ===
total = 0
i = 0
while i < 100:
    total += i * i
    i += 1
print(total)
print(sum(range(1000)))
