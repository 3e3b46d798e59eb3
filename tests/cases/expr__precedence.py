# Operator precedence and associativity across the whole expression grammar.

# === arithmetic vs comparison vs boolean ===
print(1 + 2 * 3 == 7 and not 2 > 3 or False)
print(not 1 == 2, not (1 == 2), (not 1) == 2)
print(1 < 2 == 2, (1 < 2) == 2, 1 + 1 in [2], not 3 in [1, 2])

# === unary operators ===
print(-2 ** 2, (-2) ** 2, 2 ** -1, -+-1, ~-~1, - - 3, not -1)
print(-3 * -3, -(3 - 5), +(-4))

# === bitwise vs arithmetic vs comparison ===
print(1 + 2 & 3, 1 + (2 & 3), 8 >> 1 + 1, (8 >> 1) + 1, 6 & 3 == 2, 6 & (3 == 2))
print(5 | 3 ^ 1 & 7, 2 << 1 | 1, 1 | 2 == 3)

# === conditional expression has the lowest precedence ===
x = 1 if 2 > 1 else 0 + 100
print(x)
y = (1 if False else 2) * 10
print(y)
print([1, 2][0 if True else 1], 3 if 1 else 4 if 0 else 5)

# === lambda binds loosest ===
f = lambda a: a + 1 if a else -1
print(f(1), f(0))

# === membership and identity chains ===
a = [1, 2]
print(1 in a in [a], a is a is not None, 3 not in a == False)

# === subscripts, calls and attributes bind tightest ===
d = {"k": [10, 20, 30]}
print(d["k"][1:][0] * 2, -d["k"][-1], "abc".upper()[1], len("ab" * 3))

# === string operators ===
print("ab" * 2 + "c", "a" + "b" * 3, ("a" + "b") * 2, "x" in "xyz" and "q" not in "xyz")

# === mixed parentheses ===
print(((((1 + 2) * 3) - 4) / 5) ** 2, (1, 2) + (3,), [(1, 2)][0][1])

# === evaluation order left to right ===
order = []
def t(name, v):
    order.append(name)
    return v
r = t("a", 1) + t("b", 2) * t("c", 3)
print(r, order)
order = []
r = t("f", lambda *args: sum(args))(t("x", 1), t("y", 2))
print(r, order)
order = []
d2 = {t("k1", "a"): t("v1", 1), t("k2", "b"): t("v2", 2)}
print(d2, order)
order = []
lst = [0, 0]
lst[t("idx", 0)] = t("val", 5)
print(lst, order)
