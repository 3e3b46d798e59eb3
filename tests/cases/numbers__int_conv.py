# int(): parsing in every base, conversions from floats and other types,
# the 4300-digit limit, str/repr/hex/oct/bin and the int methods.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

# === int(str, base) ===
for s, base in [("10", 10), ("  -42  ", 10), ("+7", 10), ("1_000_000", 10), ("0x1F", 16), ("0X1f", 16), ("1f", 16),
                ("0o17", 8), ("17", 8), ("0b101", 2), ("101", 2), ("z", 36), ("Zz", 36), ("0x1F", 0), ("0o17", 0),
                ("0b1_01", 0), ("0_0", 0), ("000", 0), ("10", 0), ("-0x10", 0), ("0", 0), ("\t12\n", 10),
                ("1_0", 16), ("0x_1f", 16), ("0x_1f", 0), ("_1", 10), ("1_", 10), ("1__0", 10), ("010", 0),
                ("0b2", 0), ("12", 2), ("", 10), (" ", 10), ("-", 10), ("0x", 16), ("1 2", 10), ("١٢٣", 10),
                ("\u00a012\u2003", 10), ("9" * 30, 10), ("-" + "f" * 40, 16), ("1e5", 10), ("1.5", 10),
                ("0o8", 0), ("08", 0), ("00", 0), ("-00", 0), ("+0x0", 0), ("0b", 2), ("0B11", 2), ("11", 3),
                ("zZ", 35), ("10", 1), ("10", 37), ("10", -1), ("0x10", 10)]:
    show("int(%r, %r)" % (s, base), lambda: int(s, base))
show("int('12', base=8)", lambda: int("12", base=8))
show("int(b'12')", lambda: int(b"12"))
show("int(b' 0x1f ', 16)", lambda: int(b" 0x1f ", 16))
show("int(b'x')", lambda: int(b"x"))
show("int(12, 8)", lambda: int(12, 8))
show("int('12', '8')", lambda: int("12", "8"))
show("int('12', 2**70)", lambda: int("12", 2 ** 70))
show("int()", lambda: int())
show("int(None)", lambda: int(None))
show("int([1])", lambda: int([1]))
show("int('x' * 60)", lambda: int("x" * 60))

# === int(float) and friends ===
for f in [3.9, -3.9, 0.5, -0.0, 1e18, 1e19, -1e19, 1e100, 1.7976931348623157e308, 2.0 ** 63, -(2.0 ** 63), 123456789.987]:
    show("int(%r)" % f, lambda: int(f))
show("int(inf)", lambda: int(float("inf")))
show("int(-inf)", lambda: int(float("-inf")))
show("int(nan)", lambda: int(float("nan")))
show("int(True)", lambda: int(True))
show("int('1e3')", lambda: int("1e3"))

class I:
    def __int__(self):
        return 42

class X:
    def __index__(self):
        return 7

class T:
    def __trunc__(self):
        return 9

class Bad:
    def __int__(self):
        return "no"

show("int(I())", lambda: int(I()))
show("int(X())", lambda: int(X()))
show("int(T())", lambda: int(T()))
show("int(Bad())", lambda: int(Bad()))

# === digit limit ===
show("int('9' * 4300)", lambda: len(str(int("9" * 4300))))
show("int('9' * 4301)", lambda: int("9" * 4301))
show("int('1' * 5000, 16)", lambda: int("1" * 5000, 16).bit_length())
show("str(10 ** 4299)", lambda: len(str(10 ** 4299)))
show("str(10 ** 4300)", lambda: len(str(10 ** 4300)))
show("repr(10 ** 5000)", lambda: repr(10 ** 5000))
show("hex(10 ** 5000)", lambda: len(hex(10 ** 5000)))
show("f-string 10**5000", lambda: f"{10 ** 5000}")
show("format(10**5000, 'x')", lambda: len(format(10 ** 5000, "x")))
show("'%d' % 10**5000", lambda: "%d" % 10 ** 5000)
show("int('-' + '1' * 4301)", lambda: int("-" + "1" * 4301))
show("int('  ' + '1' * 4300 + '  ')", lambda: int("  " + "1" * 4300 + "  ") % 1000)
show("int('1_' * 4000 + '1')", lambda: int("1_" * 4000 + "1") % 1000)
show("int('1_' * 4300 + '1')", lambda: int("1_" * 4300 + "1") % 1000)

# === str, repr, hex, oct, bin ===
for v in [0, 1, -1, 255, -255, 2 ** 63, -(2 ** 63), 2 ** 64 - 1, 10 ** 30, -(10 ** 30), True, False]:
    print(str(v), repr(v), hex(v), oct(v), bin(v))
show("hex(1.5)", lambda: hex(1.5))
show("bin('1')", lambda: bin("1"))
show("oct(X())", lambda: oct(X()))

# === bit_length, bit_count, conjugate, numerator ===
for v in [0, 1, -1, 255, -256, 2 ** 64, -(2 ** 64) + 1, 10 ** 30]:
    print(v.bit_length(), v.bit_count(), v.conjugate(), v.numerator, v.denominator, v.real, v.imag)
print((5).as_integer_ratio(), (-(10 ** 20)).as_integer_ratio(), True.bit_length(), int.bit_length(1024))
print((10).is_integer() if hasattr(int, "is_integer") else "no is_integer")

# === to_bytes and from_bytes ===
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(0, "big"), (255).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (2 ** 64).to_bytes(9, "big"))
print((1).to_bytes(), (65).to_bytes(length=3, byteorder="little"), (127).to_bytes(1, "big", signed=True))
show("(256).to_bytes(1, 'big')", lambda: (256).to_bytes(1, "big"))
show("(-1).to_bytes(1, 'big')", lambda: (-1).to_bytes(1, "big"))
show("(128).to_bytes(1, 'big', signed=True)", lambda: (128).to_bytes(1, "big", signed=True))
show("(1).to_bytes(1, 'middle')", lambda: (1).to_bytes(1, "middle"))
show("(1).to_bytes(-1, 'big')", lambda: (1).to_bytes(-1, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"", "big"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"), int.from_bytes([1, 2, 3], "big"))
print(int.from_bytes(b"\x01" * 20, "little"), int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True), int.from_bytes(b"\x05"))
show("int.from_bytes('ab', 'big')", lambda: int.from_bytes("ab", "big"))
show("int.from_bytes(b'a', 'x')", lambda: int.from_bytes(b"a", "x"))

# === round(int, ndigits) ===
for v in [0, 5, 15, 25, 35, 1234, -1234, 1250, 1350, -1250, 10 ** 30 + 5 * 10 ** 9, 123456789]:
    print(v, round(v), round(v, 0), round(v, 2), round(v, -1), round(v, -2), round(v, -3), round(v, -50))
print(type(round(5)).__name__, type(round(5, -1)).__name__, type(round(5.5)).__name__, type(round(5.5, 0)).__name__)
show("round(5, 1.5)", lambda: round(5, 1.5))
show("round('5')", lambda: round("5"))
show("round(5, None)", lambda: round(5, None))

# === end ===
int("9" * 5000)
