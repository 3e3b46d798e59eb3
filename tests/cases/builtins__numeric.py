# Numeric builtins: abs, divmod, pow, round, min, max, sum, int/float/bool conversions.

# === abs ===
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-2 ** 70), abs(True))

# === divmod ===
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2), divmod(2 ** 65, 7))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# === pow ===
print(pow(2, 8), pow(2, -1), pow(3, 3, 5), pow(2.5, 2), pow(10, 20))

# === round ===
print(round(1.5), round(2.5), round(-0.5), round(0.125, 2), round(12345, -2), round(15, -1), round(25, -1))
print(round(1.0 / 3, 4), round(-1.25, 1), round(3), type(round(3.7)))

# === min / max with several args ===
print(min(4, 2, 8), max(4, 2, 8), min(1, 1.0), max(-1, -1.5), min("b", "a"), max([1, 2], [1, 3]))
print(max(3, 1, key=lambda v: -v), min("aaa", "b", key=len))

# === sum with start ===
print(sum([1, 2], 10), sum([0.1] * 10), sum([]))

# === int / float / bool / str conversions ===
print(int("42") + 1, float("2.5") * 2, bool(""), bool("0"), str(3.0), str(-0))
print(int(True) + int(False), float(2 ** 10), int(-0.9), int(" 12 "))

# === hex / oct / bin / chr / ord ===
print(hex(0), hex(4095), oct(64), bin(10), chr(0x41), ord("~"), chr(ord("a") + 25))

# === callable / isinstance on numbers ===
print(isinstance(1, int), isinstance(1.0, float), isinstance(True, int), isinstance(1, float), isinstance(1, (float, int)))

# === type errors ===
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    float("x")
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
