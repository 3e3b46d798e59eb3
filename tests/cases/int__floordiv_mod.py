# Floor division and modulo round toward negative infinity.

# === positive and negative operands ===
for a in [7, -7, 6, -6, 0]:
    for b in [3, -3, 2, -2]:
        print(a, b, a // b, a % b, divmod(a, b))

# === identity a == (a // b) * b + a % b ===
ok = True
for a in range(-20, 21):
    for b in [-7, -3, -1, 1, 4, 9]:
        if (a // b) * b + a % b != a:
            ok = False
print("identity holds:", ok)

# === sign of the result follows the divisor ===
print(-1 % 5, 1 % -5, -1 % -5, 5 % 5, -5 % 5)

# === big operands ===
big = 10 ** 25 + 7
print(big // 3, big % 3, -big // 3, -big % 3, big // -3, big % -3)

# === floats ===
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(7 // 2.5, -7 % 2.5)
