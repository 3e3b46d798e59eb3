# random: the other distributions, randbytes and SystemRandom, against CPython.
import random
for s in range(40):
    random.seed(s)
    print(random.gammavariate(0.5, 2), random.gammavariate(1.0, 3), random.gammavariate(3.5, 0.5), random.betavariate(2, 5), random.betavariate(0.3, 0.3))
    print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 4), random.vonmisesvariate(0, 0), random.paretovariate(3), random.weibullvariate(2, 1.5), random.randbytes(5), random.randbytes(0))
r = random.SystemRandom()
print(0 <= r.random() < 1, 0 <= r.randint(1, 6) <= 6, len(r.randbytes(4)), r.getrandbits(5) < 32, r.seed(3), len(r.sample(range(10), 3)))
for f in [lambda: r.getstate(), lambda: random.gammavariate(0, 1), lambda: r.getrandbits(-1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(random.__all__))
