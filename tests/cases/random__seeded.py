# random: for a given seed, every function gives CPython's exact results.
import random

# === many seeds: int (small, negative, big), str, bytes, float, bool ===
seeds = [0, 1, 2, 42, -42, 2**31 - 1, 2**32, 2**32 + 5, 2**64 - 1, 2**100 + 12345,
         123456789012345678901234567890, -(10**40), "hello", "", "a" * 100, b"bytes", b"",
         "ünïcode ✓", 3.5, -0.25, 1e300, 0.0, True, False]
for s in seeds:
    random.seed(s)
    print(repr(s), random.random(), random.random())
    print("  bits", random.getrandbits(1), random.getrandbits(7), random.getrandbits(32),
          random.getrandbits(33), random.getrandbits(100), random.getrandbits(0))
    print("  ranges", random.randrange(10), random.randrange(1000000), random.randrange(2**70),
          random.randint(-5, 5), random.randrange(3, 100, 7), random.randrange(100, 3, -7),
          random.randrange(-10, 10), random.randint(0, 2**40))

# === long runs stay in step (the state is regenerated every 624 words) ===
random.seed(2024)
total = 0.0
for i in range(5000):
    total += random.random()
print(total, random.random(), random.getrandbits(64))
random.seed(31337)
print([random.randrange(6) for i in range(60)])
print([random.randint(1, 10**12) for i in range(5)])

# === seed() resets; the same seed replays ===
random.seed(5)
a = [random.random() for i in range(10)]
random.seed(5)
print(a == [random.random() for i in range(10)])
random.seed("5")
b = random.random()
random.seed(5)
print(b != random.random(), random.seed(1) is None)

# === Random instances are independent ===
r1 = random.Random(99)
r2 = random.Random(99)
print(r1.random() == r2.random(), r1.randint(1, 6), r2.random(), random.Random("x").random())
r1.seed(123)
print(r1.random(), random.Random(123).random(), type(r1).__name__, isinstance(r1, random.Random))

# === state ===
random.seed(77)
st = random.getstate()
first = [random.random() for i in range(700)]
random.setstate(st)
print(first == [random.random() for i in range(700)], st[0], len(st[1]), st[2], st[1][-1])
random.gauss()
st = random.getstate()
print(st[2] is not None, random.gauss() == st[2])
