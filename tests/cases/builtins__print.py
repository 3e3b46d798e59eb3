# print(): sep, end, multiple args, str() of values.

# === default separator and end ===
print("a", "b", "c")
print()
print("")
print(1, 2.5, None, True, [1], (2,), {"k": "v"}, "str")

# === sep ===
print("a", "b", sep="")
print("a", "b", "c", sep=", ")
print(1, 2, 3, sep="\n")
print("x", sep="IGNORED")
print("a", "b", sep=None)

# === end ===
print("no newline", end="")
print(" - continued")
print("a", end="|")
print("b", end="|\n")
print("x", "y", sep="-", end="!\n")
print(end="")
print("after empty end", end=None)

# === strings are printed without quotes, containers with repr ===
print("quote's", ["quote's"], ('a"b',))

# === str() and repr() ===
class Both:
    def __str__(self):
        return "S"
    def __repr__(self):
        return "R"
b = Both()
print(b, [b], str(b), repr(b), (b, b))

class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
print(ReprOnly(), str(ReprOnly()))

# === print returns None ===
r = print("printing")
print(r)

# === many lines ===
for i in range(5):
    print(i, i * i, sep=":", end="; ")
print()
print("unicode: é ü 中 😀")
