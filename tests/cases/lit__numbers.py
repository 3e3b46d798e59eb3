# Integer and float literals in every form.

# === decimal ints ===
print(0, 7, 42, 1000000)
print(1_000_000, 12_34)
print(-5, +5, - -5)

# === hex, octal, binary ===
print(0x0, 0xff, 0XFF, 0xDead_Beef)
print(0o0, 0o17, 0O777)
print(0b0, 0b1011, 0B1111_0000)
print(0x7fffffffffffffff, 0xffffffffffffffff)
print(0x1_0000_0000_0000_0000)

# === floats ===
print(1.0, 1.5, .5, 5., 0.0)
print(1e3, 1E3, 1e-3, 2.5e+2)
print(1_0.0_1, 1e1_0)
print(123456789.0, 0.000001)
print(3.14159)

# === types of literals ===
print(type(1), type(1.0), type(0x10), type(1e2))
print(type(True), type(None))
print(True + True, False * 3)
