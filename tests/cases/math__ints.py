# math: integer functions (exact, big ints), prod and fsum.
import math

# === factorial ===
print([math.factorial(n) for n in range(12)])
print(math.factorial(30), math.factorial(True))
f = math.factorial(500)
print(len(str(f)), f % 1000003, str(f)[:20])

# === comb and perm ===
print([math.comb(10, k) for k in range(12)])
print([math.perm(6, k) for k in range(8)], math.perm(6), math.perm(6, None))
print(math.comb(100, 50), math.perm(30, 10), math.comb(0, 0), math.comb(5, 9), math.perm(5, 9))
print(math.comb(10**20, 3), math.perm(10**20, 2))

# === gcd and lcm ===
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(12, -18, 27), math.gcd(0, 0), math.gcd(0, -5))
print(math.gcd(2**100, 6**50), math.gcd(True, 4))
print(math.lcm(), math.lcm(4), math.lcm(-4), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-3, 7))
print(math.lcm(2**64, 3**40))

# === isqrt ===
print([math.isqrt(n) for n in range(20)])
print(math.isqrt(10**40), math.isqrt(10**40 - 1), math.isqrt(2**127 - 1))

# === prod ===
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod([1.5, 2, 4]))
print(math.prod([2, 3], start=10), math.prod([], start="s"), math.prod(["ab"], start=1), math.prod([[1], 2]))
print(math.prod([3, 3]), math.prod({2: 0, 5: 1}))

# === fsum ===
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(range(10)), math.fsum([True, 0.5]))
print(math.fsum([float("inf"), 1]), math.fsum([float("nan"), 1]), math.fsum([float("-inf"), -1.0, 1e308]))
try:
    math.fsum([float("-inf"), -1e308, -1e308])
except OverflowError as e:
    print("OverflowError:", e)
print(math.fsum([2.0**53, 1.0, 2.0**-53]), math.fsum([2.0**53, -0.5, -2.0**-54]))
print(math.fsum([1.0, 1e-16, 1e-16, 1e-16]), math.fsum([-0.0, -0.0]), math.fsum([1e308, -1e308, 1e308]))

# === floor, ceil, trunc keep ints exact ===
big = 10**30 + 1
print(math.floor(big) == big, math.ceil(-big) == -big, math.trunc(big) == big)
print(math.floor(2.5), math.ceil(2.5), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.floor(1e20), math.ceil(-1e300) == -10**300, type(math.floor(3.0)).__name__)
