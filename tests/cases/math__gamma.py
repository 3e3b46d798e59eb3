# math.gamma and math.lgamma: CPython's own Lanczos code, digit for digit,
# over a seeded sample and the special values, with their errors.
import math
import random

random.seed(11)
xs = [random.uniform(-60, 190) for _ in range(300)] + [random.uniform(-1, 3) for _ in range(200)]
xs += [0.5, 1.0, 2.0, 3.0, 23.0, 24.0, 170.5, 171.7, -0.5, -1.5, 1e-320, -1e-320, 0.0, -0.0,
       -1.0, -200.5, 1e308, float("inf"), float("-inf"), float("nan"), 5.0, 4.999999, 7, True]
for f in (math.gamma, math.lgamma):
    for x in xs:
        try:
            print(f.__name__, repr(x), repr(f(x)))
        except (ValueError, OverflowError) as e:
            print(f.__name__, repr(x), type(e).__name__, e)
print(math.gamma(5) == math.factorial(4), round(math.exp(math.lgamma(10.5)) / math.gamma(10.5), 12))
for bad in ("1", None):
    try:
        math.gamma(bad)
    except TypeError as e:
        print("TypeError", e)
math.lgamma(-3)
