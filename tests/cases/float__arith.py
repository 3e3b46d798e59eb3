# Float arithmetic, division, rounding builtins.

# === basic operators ===
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a, +a, abs(-a))

# === mixed int and float ===
print(1 + 1.0, 3 * 1.5, 10 / 4, 10 // 4.0, 2 ** 0.5)
print(type(1 + 1.0), type(2 * 3), type(6 / 3))

# === accumulate ===
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
x = 1.0
for i in range(20):
    x = x / 2
print(x, x * 2 ** 20)

# === round ===
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(3.14159, 3), round(1234.5678, -2), round(7))
print(type(round(2.5)), type(round(2.5, 1)))

# === int conversion truncates ===
print(int(2.9), int(-2.9), int(1e18))

# === division by zero ===
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# === min/max/sum with floats ===
print(min(1.5, 2), max(1, 1.5), sum([0.5, 0.25, 0.125]))

# === comparisons ===
print(0.1 + 0.2 > 0.3, 0.1 + 0.2 < 0.30000000000000005, 1.0 == 1)
