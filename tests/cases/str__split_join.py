# str.split / rsplit / join.

# === split on whitespace ===
print("a b  c\td\ne".split(), "   ".split(), "".split(), "  lead and trail  ".split())

# === split on a separator ===
print("a,b,,c".split(","), ",".split(","), "".split(","), "abc".split(","))
print("a::b::c".split("::"), "a-b-c-d".split("-", 2), "a b c d".split(None, 1))

# === rsplit ===
print("a-b-c-d".rsplit("-", 1), "a-b-c-d".rsplit("-"), "  x y  z ".rsplit(None, 1))

# === join ===
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join([]), " ".join("abc"))
print(", ".join([str(i) for i in range(5)]))
print("\n".join(["line1", "line2"]))

# === join requires strings ===
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)

# === split then join round trip ===
text = "the quick brown fox jumps over the lazy dog"
words = text.split()
print(len(words), words[::-1])
print(" ".join(words) == text, "_".join(words).upper())
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)

# === empty separator is an error ===
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
