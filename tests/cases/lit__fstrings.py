# Basic f-strings: {expr}, {expr!r}, {expr!s}, nested expressions, escaped braces.

# === simple substitution ===
name = "world"
n = 42
print(f"hello {name}")
print(f"{n}")
print(f"{n} and {n + 1}")
print(F"upper F {name}")
print(f"")
print(f"no fields")

# === conversions ===
print(f"{name!r}")
print(f"{name!s}")
print(f"{[1, 'a']!r}")
print(f"{'x'!r}")

# === expressions ===
xs = [1, 2, 3]
d = {"k": "v"}
print(f"{xs[0]} {xs[-1]} {len(xs)}")
print(f"{d['k']}")
print(f"{n * 2 if n > 40 else 0}")
print(f"{'nested'}")
print(f"{name.upper()}-{name[1:3]}")
print(f"{1 + 2}{3 * 4}")

# === braces ===
print(f"{{literal}}")
print(f"{{{n}}}")

# === str() of values ===
print(f"{None} {True} {1.5} {(1, 2)} {{}}")

class P:
    def __str__(self):
        return "str-P"
    def __repr__(self):
        return "repr-P"

p = P()
print(f"{p} {p!r} {p!s}")

# === multiline and quotes ===
print(f'''{n}
{name}''')
print(f"it's {name}")
