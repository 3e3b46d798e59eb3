# Comparisons of numbers, chaining, mixed int/float/bool.

# === basic ===
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 3 > 2, 3 == 3, 3 != 3)
print(1 == 1.0, 1 != 1.5, 2 > 1.5, -1 < -0.5)
print(True == 1, False == 0, True > False, True < 2)

# === chaining ===
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 1 < 2 < 3 < 4 < 3)
print(1 == 1 == 1, 1 == 1 != 2, 3 > 2 > 1 > 0)

# === chained comparison evaluates middle operand once ===
calls = []
def mid():
    calls.append("mid")
    return 5
print(1 < mid() < 10, calls)
calls = []
print(10 < mid() < 20, calls)

# === short-circuit in chains ===
def boom():
    raise RuntimeError("should not be called")
print(5 < 3 < boom())

# === big ints and floats ===
print(2 ** 64 > 2 ** 63, 2 ** 64 == 2.0 ** 64, 10 ** 30 > 1e29, -(10 ** 30) < -1e29)
print(2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)

# === comparing other types ===
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "ab" < "abc")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 9))
print([1, 2] == [1, 2], (1, 2) == (1, 2), [1] == (1,), None == None, None == 0)
print({"a": 1} == {"a": 1}, {1, 2} == {2, 1}, "1" == 1)

# === min/max use comparisons ===
print(max(3, 7, 5), min(3, 7, 5), max("apple", "pear"), min([4, 2, 8]))
