# math: remainder, nextafter and ulp, bit for bit against CPython.
import math
vals = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 3.5, 0.1, 1e308, -1e308, 5e-324, -5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 7.0, -7.0, 1e-320, 123.456, float("inf"), float("-inf"), float("nan")]
for x in vals:
    out = []
    for y in vals:
        for f in (math.remainder, math.nextafter):
            try:
                out.append(repr(f(x, y)))
            except Exception as e:
                out.append(type(e).__name__ + ":" + str(e))
    print(repr(x), math.ulp(x), " ".join(out))
for a, b in [(10, 3), (11, 3), (12, 8), (-12, 8), (5, 2), (7, 2), (-7, 2), (6.5, 1), (7.5, 1), (1e20, 3), (3, 1e20)]:
    print(math.remainder(a, b), end=" ")
print()
for bad in [lambda: math.remainder(1), lambda: math.nextafter(1), lambda: math.ulp(), lambda: math.ulp("x"), lambda: math.remainder(1, 0), lambda: math.remainder(float("inf"), 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
