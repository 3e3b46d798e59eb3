# math: float functions against CPython's results, special values included.
import math
vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 3.7, -3.7, 1e-300, 5e-324, 1e300, 1e308, 100.0, 710.0, -745.0, 0.1, 1/3, 12345.678, math.pi, math.e, float('inf'), float('-inf'), float('nan'), 7, -7, 10**20, True]
names = ['sqrt','exp','exp2','expm1','log','log2','log10','log1p','sin','cos','tan','asin','acos','atan','sinh','cosh','tanh','fabs','degrees','radians','floor','ceil','trunc','frexp','modf','isnan','isinf','isfinite']
for n in names:
    f = getattr(math, n)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(n, ' '.join(out))
pairs = [(2.0, 3.0), (0.0, -1.0), (-2.0, 0.5), (10.0, 400.0), (2.0, -1075.0), (-8.0, 1/3), (1.0, float('nan')), (float('nan'), 0.0), (float('inf'), -3.0), (float('-inf'), 3.0), (float('-inf'), -3.0), (0.5, float('inf')), (2.0, float('-inf')), (-1.0, float('inf')), (3.5, 2.0), (-3.5, 2.0), (5.0, 0.0), (float('inf'), 2.0), (1e308, 1e-308), (7, -2), (-0.0, 1.0), (1.0, -0.0)]
for n in ['pow', 'atan2', 'fmod', 'copysign', 'hypot', 'log', 'isclose']:
    f = getattr(math, n)
    out = []
    for a, b in pairs:
        try:
            out.append(repr(f(a, b)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(n, ' '.join(out))
for x, e in [(1.0, 1024), (0.5, 1025), (1.0, -1074), (1.0, -1075), (1.5, -1074), (3.0, -1076), (0.75, -1073), (1e-300, -50), (-2.5, 10), (float('inf'), -5000), (1.0, 10**30), (1.0, -10**30), (0.0, 10**30), (1.7976931348623157e308, 1)]:
    try:
        print('ldexp', x, e, repr(math.ldexp(x, e)))
    except Exception as ex:
        print('ldexp', x, e, type(ex).__name__, ex)
for v in [10**400, 2**1000, 3**5000 + 1, 2**1023 * 3, 10**308 * 17]:
    print(math.log(v), math.log2(v), math.log10(v), math.log(v, 3), math.log(v, 10**300))
print(math.hypot(), math.hypot(3), math.hypot(-3), math.hypot(3, 4), math.hypot(1e308, 1e308), math.hypot(0.1, 0.2, 0.3), math.hypot(5e-324, 5e-324), math.hypot(1, 1, 1, 1, 1), math.hypot(float('inf'), float('nan')), math.hypot(float('nan'), 1))
print(math.dist((1, 2), (4, 6)), math.dist([0.1, 0.2, 0.3], (1.5, -2.5, 3.25)), math.dist((), ()))
state = 12345


def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 11


def randint(a, b):
    return a + rand() % (b - a + 1)


def uniform(a, b):
    return a + (b - a) * (rand() / 2**53)

acc = []
for i in range(300):
    n = randint(1, 6)
    xs = [uniform(-1e3, 1e3) * 10 ** randint(-20, 20) for _ in range(n)]
    acc.append(repr(math.hypot(*xs)))
    acc.append(repr(math.fsum(xs + [x * 1e-17 for x in xs])))
    acc.append(repr(math.ldexp(xs[0], randint(-1100, 1000))) if abs(xs[0]) < 1e10 else '')
print('\n'.join(acc))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum([1, 2, 3]), math.fsum([float('inf'), 1]), math.fsum([float('nan'), 1]), math.fsum([2.0**53, 1.0, 2.0**-53]))
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
