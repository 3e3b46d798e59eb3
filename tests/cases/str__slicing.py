# String slicing with start, stop and step, including negative steps.

s = "0123456789"

# === start:stop ===
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])

# === out of range slices are clipped ===
print(repr(s[5:100]), repr(s[100:]), repr(s[-100:2]), repr(s[5:2]))

# === steps ===
print(s[::2], s[1::2], s[::3], s[1:8:3], s[::10], s[::100])

# === negative steps ===
print(s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[-1:-4:-1], s[2:8:-1] == "")
print(s[:3:-1], s[3::-1], s[-2::-3])

# === slicing with None ===
print(s[None:4], s[6:None], s[::None], s[None:None:-1])

# === slicing with variables ===
for k in range(0, 11, 5):
    print(k, s[k:], s[:k])

# === palindromes ===
for word in ["racecar", "python", "abba", "", "x"]:
    print(repr(word), word == word[::-1])

# === step zero is an error ===
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)

# === unicode slicing ===
u = "héllo→wörld"
print(u[1:4], u[::-1], u[5], len(u))
