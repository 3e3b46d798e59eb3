# range objects.

# === list of ranges ===
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 5)), list(range(5, 0)), list(range(-3, 3)))

# === repr and len ===
print(range(5), range(1, 5), range(1, 5, 2), len(range(10)), len(range(1, 10, 4)), len(range(10, 0, -1)))

# === indexing and slicing ===
r = range(10, 20, 2)
print(r[0], r[-1], r[2], r[1:3], list(r[::-1]))
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)

# === membership ===
print(12 in r, 13 in r, 20 in r, 10 in r, -1 in range(-5, 0))

# === iteration ===
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3, -1, -1):
    print(i, end=" ")
print()

# === step zero is an error ===
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)

# === big ranges are lazy ===
big = range(10 ** 12)
print(len(big), big[-1], 10 ** 11 in big)

# === equality and bool ===
print(range(0) == range(5, 5), bool(range(0)), bool(range(1)))
print(sum(range(0, 1000, 7)), max(range(3, 17, 5)), min(range(9, 2, -2)))
