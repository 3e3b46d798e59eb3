# math: inverse hyperbolic functions, cbrt, erf and erfc (the C library's
# results, digit for digit), with their domain errors.
import math

# === values ===
points = [-30.0, -3.0, -2.0, -1.0, -0.5, -0.0, 0.0, 1e-300, 0.1, 0.5, 1.0,
          2.0, 2.5, 3.0, 6.0, 27.0, 30.0, 1e300, -1e300,
          float("inf"), float("-inf"), float("nan"), 27, -8, True]
for f in (math.acosh, math.asinh, math.atanh, math.cbrt, math.erf, math.erfc):
    for x in points:
        try:
            print(f.__name__, repr(x), repr(f(x)))
        except (ValueError, OverflowError) as e:
            print(f.__name__, repr(x), type(e).__name__, e)

# === identities ===
print(math.sinh(math.asinh(0.75)) == 0.75, math.cbrt(-64.0), math.cbrt(1e-320))
print(round(math.erf(1.0) + math.erfc(1.0), 15))
print(math.cbrt(10 ** 30), math.asinh(10 ** 30))

# === bad input ===
for bad in ("1", None, [1.0], "x"):
    try:
        math.cbrt(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    math.erf()
except TypeError as e:
    print("TypeError", e)
try:
    math.acosh(1.0, 2.0)
except TypeError as e:
    print("TypeError", e)
try:
    math.asinh(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
math.atanh(-1.0)
