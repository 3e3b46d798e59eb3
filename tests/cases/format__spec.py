# The format-spec mini-language through format() and f-strings.

def show(v, spec):
    try:
        print(repr(spec), "->", repr(format(v, spec)))
    except Exception as e:
        print(repr(spec), "->", type(e).__name__ + ":", e)

# === fill and align ===
for spec in ["<8", ">8", "^8", "=8", "*<8", "*>8", "*^8", "*=8", "0=8", "x^9", "^^7", "<<5", "08", "-^9"]:
    show(42, spec)
    show(-42, spec)
for spec in ["<8", ">8", "^8", "*^9", "^1", "0<5", "08", "=5"]:
    show("ab", spec)
for spec in ["<10", ">10", "^10", "*=10", "010", "=+10"]:
    show(3.25, spec)
    show(-3.25, spec)

# === sign ===
for spec in ["+", "-", " ", "+d", " d", "+08", " 08", "+x", " #x", "+e", " f", "-g", "+.2%"]:
    show(7, spec)
    show(-7, spec)
    show(0, spec)
for spec in ["+", " ", "+f", " .1f", "+e", "+g", "+%"]:
    show(1.5, spec)
    show(-0.0, spec)
    show(float("inf"), spec)
    show(float("-inf"), spec)
    show(float("nan"), spec)

# === z (3.11) ===
for spec in ["z.1f", "z", "zf", "+z.0f", "z.2e", "z.3g", "z.1%", "z08.2f"]:
    show(-0.0, spec)
    show(-0.04, spec)
    show(-0.05, spec)
    show(0.001, spec)
show(-0, "z")
show(5, "zd")
show("s", "z")

# === alternate form ===
for spec in ["#b", "#o", "#x", "#X", "#d", "#012b", "#_b", "#_x", "#10o", "#<10x", "#^12X"]:
    show(255, spec)
    show(-255, spec)
    show(0, spec)
for spec in ["#.0f", "#.0e", "#g", "#.3g", "#G", "#.0%", "#"]:
    show(2.0, spec)
    show(1e20, spec)
    show(0.0001, spec)

# === zero padding and width ===
for spec in ["05", "010", "010,", "010_", "01", "0", "00", "012,.2f", "012_.3e", "020,b", "020_b", "020_x", "09_o"]:
    show(12345, spec)
    show(-12345, spec)
    show(1234.5678, spec)

# === grouping ===
for spec in [",", "_", ",d", "_d", ",f", "_.2f", ",.3e", ",g", "_b", "_o", "_x", "_X", ",x", ",b", "30,", ">30,", "^30_", ",%", "_n", ",n"]:
    show(1234567890, spec)
    show(-98765432109876543210, spec)
    show(1234567.891, spec)

# === precision ===
for spec in [".0", ".1", ".2", ".5", ".10", ".20", ".0f", ".1f", ".3f", ".15f", ".30f", ".0e", ".3e", ".17e", ".0g", ".1g", ".3g", ".17g", ".0%", ".3%", ".2s", ".0s"]:
    show(3.14159265358979, spec)
    show(2.5, spec)
    show(1e-10, spec)
    show(123456789.0, spec)
    show("hello", spec)
show(42, ".2")
show(42, ".2d")
show(True, ".2")

# === types for int ===
for t in "bcdeEfFgGnoxX%s":
    show(65, t)
    show(-65, t)
    show(10**25, t)
    show(True, t)

# === types for float ===
for t in "bcdeEfFgGnoxX%s":
    show(65.0, t)
    show(-1.5e-7, t)
    show(1.5e300, t)

# === types for str ===
for t in "bcdeEfFgGnoxX%s":
    show("x", t)

# === huge and tiny floats ===
for v in [1e22, 1e16, 1e15, 123456789012345678.0, 5e-324, 1.7976931348623157e308, 0.1, 0.5, 1/3, 2/3, 100.0]:
    for spec in ["", "f", "e", "g", ".3", ".12g", ".1e", "r" if False else ".0f"]:
        show(v, spec)

# === rounding is correct (half-even on the exact binary value) ===
for v in [0.5, 1.5, 2.5, 3.5, 0.125, 0.375, 2.675, 1.005, 1.0005, 0.045, 1e23, 8.5, 9.5]:
    print(v, format(v, ".0f"), format(v, ".2f"), format(v, ".1e"), format(v, ".2g"))

# === big ints ===
big = 3 ** 100
for spec in ["", "d", ",", "_", "x", "#x", "b", "o", "e", ".5e", "f", "g", "%", ">100", "+", "060,"]:
    show(big, spec)
    show(-big, spec)

# === c type ===
for v in [0, 65, 0x263A, 0x10FFFF, 0x110000, -1]:
    show(v, "c")
show(65, "+c")
show(65, "#c")
show(65, ",c")
show(65, ">5c")

# === bool ===
for spec in ["", "d", "x", ">6", "^6", "f", "s", "5"]:
    show(True, spec)
    show(False, spec)

# === None and other objects ===
show(None, "")
show(None, ">10")
show([1, 2], "")
show([1, 2], "10")
show((1,), "")

# === invalid specs ===
for spec in ["<>", "..2", ".", "5.", "=s", "-s", "#s", "2.3.4", "xx", ",_", "_,", ",,", "10.2q", "99999999999999999999", ".99999999999999999999", "<<<", "%%"]:
    show(1, spec)
    show(1.0, spec)
    show("s", spec)

# === nested specs in f-strings ===
x = 3.14159
w = 10
p = 3
print(f"[{x:{w}.{p}f}]", f"[{x:{w}}]", f"[{x:<{w}.{p}}]", f"[{x:{'>'}{w}}]", f"[{'ab':{'*'}^{w}}]")
print(f"[{x:{w}.{p}e}]", f"[{255:{'#'}{'x'}}]", f"[{12345:{','}}]")
fill, align, width = "-", "^", 11
print(f"[{'mid':{fill}{align}{width}}]")
print(f"{x!r:>12}", f"{'q'!r:>6}", f"{'é'!a}", f"{'x'!s:3}|")
print(f"{3.0!s:>6}", f"{[1, 'a']!r}", f"{'a' 'b'}")
print(f"{1+1}", f"{'{'}", f"{{}}", f"{{{1}}}", f"{x=}", f"{x = :.2f}", f"{w=!r}")
