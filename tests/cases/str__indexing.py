# String indexing, iteration, len, membership.

# === indexing ===
s = "python"
print(s[0], s[5], s[-1], s[-6], s[2])
print(len(s), len(""), len("a b"))

# === iteration ===
out = []
for ch in "abc":
    out.append(ch * 2)
print(out)
print(list("hey"), tuple("xy"))

# === membership ===
print("y" in s, "th" in s, "z" in s, "" in s, "pyt" not in s)

# === concatenation and repetition ===
print("ab" + "cd", "ab" * 3, 3 * "-", "x" * 0, "x" * -1, "" * 5)
t = "a"
t += "b"
t += "c"
print(t)
t *= 2
print(t)

# === strings are immutable ===
try:
    s[0] = "P"
except TypeError as e:
    print("TypeError:", e)

# === index errors ===
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
try:
    ""[0]
except IndexError as e:
    print("IndexError:", e)

# === ord/chr ===
print(ord("a"), ord("A"), ord("0"), ord("é"), ord("中"))
print(chr(97), chr(65), chr(8364), chr(233))
print("".join([chr(ord(c) + 1) for c in "HAL"]))

# === comparisons ===
print("abc" == "abc", "abc" != "abd", "a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc")
print(sorted(["pear", "Apple", "banana", "apple"]))
