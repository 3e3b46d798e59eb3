# Exponentiation and pow().

# === int ** int ===
print(2 ** 0, 2 ** 1, 2 ** 10, 3 ** 4, 10 ** 18, 10 ** 19)
print((-2) ** 3, (-2) ** 4, 0 ** 0, 0 ** 5, 1 ** 1000)

# === negative exponent gives float ===
print(2 ** -1, 10 ** -2, (-2) ** -2, type(2 ** -1))

# === float powers ===
print(4 ** 0.5, 2.0 ** 3, 9 ** 0.5, 2 ** 0.5)
print(1.5 ** 2, (-8.0) ** 2, 0.0 ** 0)

# === right associativity and unary minus ===
print(2 ** 2 ** 3, -3 ** 2, (-3) ** 2, 2 ** -2 ** 2)

# === pow builtin ===
print(pow(2, 10), pow(2, 100), pow(2.0, 3), pow(2, -2))
print(pow(3, 4, 5), pow(2, 100, 1000000007), pow(7, 0, 13), pow(-3, 3, 7))

# === big results ===
print(7 ** 77)
print(len(str(3 ** 2000)))
