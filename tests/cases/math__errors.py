# math: argument errors, domain and range errors with CPython's messages.
import math


class F:
    def __float__(self):
        return 2.25


class I:
    def __index__(self):
        return 5


class Floor:
    def __floor__(self):
        return "floored"

    def __ceil__(self):
        return "ceiled"

    def __trunc__(self):
        return "truncated"


tests = [
    ('math.sqrt()', lambda: math.sqrt()),
    ('math.sqrt(1, 2)', lambda: math.sqrt(1, 2)),
    ('math.atan2(1)', lambda: math.atan2(1)),
    ('math.log()', lambda: math.log()),
    ('math.log(1, 2, 3)', lambda: math.log(1, 2, 3)),
    ("math.sqrt('x')", lambda: math.sqrt('x')),
    ('math.sqrt(None)', lambda: math.sqrt(None)),
    ('math.sqrt(-1)', lambda: math.sqrt(-1)),
    ('math.sqrt(10**400)', lambda: math.sqrt(10**400)),
    ('math.factorial(1.5)', lambda: math.factorial(1.5)),
    ('math.factorial(-1)', lambda: math.factorial(-1)),
    ("math.factorial('x')", lambda: math.factorial('x')),
    ('math.factorial(10**100)', lambda: math.factorial(10**100)),
    ('math.gcd(1.5)', lambda: math.gcd(1.5)),
    ('math.comb(-1, 2)', lambda: math.comb(-1, 2)),
    ('math.comb(3, -1)', lambda: math.comb(3, -1)),
    ('math.perm(3, -1)', lambda: math.perm(3, -1)),
    ('math.perm(-3)', lambda: math.perm(-3)),
    ('math.comb(1.0, 2)', lambda: math.comb(1.0, 2)),
    ('math.isclose(1)', lambda: math.isclose(1)),
    ('math.isclose(1, 2, rel_tol=-1)', lambda: math.isclose(1, 2, rel_tol=-1)),
    ('math.isclose(1, 2, abs_tol=-1)', lambda: math.isclose(1, 2, abs_tol=-1)),
    ('math.isclose(1, 2, 3)', lambda: math.isclose(1, 2, 3)),
    ('math.isclose(1, 2, foo=3)', lambda: math.isclose(1, 2, foo=3)),
    ("math.floor('x')", lambda: math.floor('x')),
    ("math.floor(float('inf'))", lambda: math.floor(float('inf'))),
    ("math.ceil(float('-inf'))", lambda: math.ceil(float('-inf'))),
    ("math.floor(float('nan'))", lambda: math.floor(float('nan'))),
    ("math.trunc('x')", lambda: math.trunc('x')),
    ("math.trunc(float('nan'))", lambda: math.trunc(float('nan'))),
    ('math.ldexp(1.0, 1.5)', lambda: math.ldexp(1.0, 1.5)),
    ('math.ldexp(1.0, 10000)', lambda: math.ldexp(1.0, 10000)),
    ('math.exp(1000)', lambda: math.exp(1000)),
    ('math.exp(-1000)', lambda: math.exp(-1000)),
    ('math.pow(0, -1)', lambda: math.pow(0, -1)),
    ('math.pow(10, 400)', lambda: math.pow(10, 400)),
    ('math.pow(-1, .5)', lambda: math.pow(-1, .5)),
    ('math.pow(-0.0, -3)', lambda: math.pow(-0.0, -3)),
    ('math.fmod(1, 0)', lambda: math.fmod(1, 0)),
    ("math.fmod(float('inf'), 1)", lambda: math.fmod(float('inf'), 1)),
    ("math.hypot('a')", lambda: math.hypot('a')),
    ('math.prod(1)', lambda: math.prod(1)),
    ('math.prod([1, 2], 3)', lambda: math.prod([1, 2], 3)),
    ('math.prod([1, 2], begin=3)', lambda: math.prod([1, 2], begin=3)),
    ('math.fsum([1e308, 1e308])', lambda: math.fsum([1e308, 1e308])),
    ("math.fsum([float('inf'), float('-inf')])", lambda: math.fsum([float('inf'), float('-inf')])),
    ('math.fsum(3)', lambda: math.fsum(3)),
    ("math.fsum(['a'])", lambda: math.fsum(['a'])),
    ('math.isqrt(-1)', lambda: math.isqrt(-1)),
    ('math.isqrt(2.0)', lambda: math.isqrt(2.0)),
    ("math.exp('1')", lambda: math.exp('1')),
    ('math.log(0)', lambda: math.log(0)),
    ('math.log(-1.5)', lambda: math.log(-1.5)),
    ('math.log(0.0)', lambda: math.log(0.0)),
    ('math.log(1, 0)', lambda: math.log(1, 0)),
    ('math.log(2, -1)', lambda: math.log(2, -1)),
    ('math.log(2, 1)', lambda: math.log(2, 1)),
    ('math.log(-10**400)', lambda: math.log(-10**400)),
    ('math.log2(0)', lambda: math.log2(0)),
    ('math.log10(-1)', lambda: math.log10(-1)),
    ('math.log1p(-1)', lambda: math.log1p(-1)),
    ('math.acos(2)', lambda: math.acos(2)),
    ('math.asin(-1.5)', lambda: math.asin(-1.5)),
    ("math.sin(float('inf'))", lambda: math.sin(float('inf'))),
    ("math.cos(float('-inf'))", lambda: math.cos(float('-inf'))),
    ("math.tan(float('inf'))", lambda: math.tan(float('inf'))),
    ('math.cosh(1000)', lambda: math.cosh(1000)),
    ('math.sinh(-1000)', lambda: math.sinh(-1000)),
    ('math.expm1(1000)', lambda: math.expm1(1000)),
    ('math.copysign(1)', lambda: math.copysign(1)),
    ('math.dist((1, 2), (1, 2, 3))', lambda: math.dist((1, 2), (1, 2, 3))),
    ('math.dist(1, 2)', lambda: math.dist(1, 2)),
    ("math.gcd(2, 'x')", lambda: math.gcd(2, 'x')),
    ('math.lcm(2.0)', lambda: math.lcm(2.0)),
    ('math.sqrt(F())', lambda: math.sqrt(F())),
    ('math.sqrt(I())', lambda: math.sqrt(I())),
    ('math.floor(F())', lambda: math.floor(F())),
    ('math.floor(I())', lambda: math.floor(I())),
    ('math.factorial(I())', lambda: math.factorial(I())),
    ('math.floor(Floor())', lambda: math.floor(Floor())),
    ('math.ceil(Floor())', lambda: math.ceil(Floor())),
    ('math.trunc(Floor())', lambda: math.trunc(Floor())),
    ('math.trunc(F())', lambda: math.trunc(F())),
    ('math.floor(True)', lambda: math.floor(True)),
    ('math.ceil(-7)', lambda: math.ceil(-7)),
    ('math.trunc(10**30)', lambda: math.trunc(10**30)),
    ('math.floor(10**30 + 0.5)', lambda: math.floor(10**30 + 0.5)),
    ('math.nope', lambda: math.nope),
    ('math.pi + 1', lambda: math.pi + 1),
]
for text, f in tests:
    try:
        print(text, "->", repr(f()))
    except Exception as e:
        print(text, "->", type(e).__name__ + ":", e)

print(math.__name__, repr(math).startswith("<module 'math'"))
from math import sqrt, pi as PI
print(sqrt(16), PI)
math.sqrt(-2)
