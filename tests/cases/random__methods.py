# random: shuffle, sample, choice, choices, uniform, gauss and friends,
# seeded, against CPython's algorithms.
import random

random.seed(7)

# === shuffle ===
xs = list(range(20))
random.shuffle(xs)
print(xs)
words = ["a", "b", "c"]
random.shuffle(words)
print(words, random.shuffle([]), random.shuffle([1]))
for n in range(2, 8):
    ys = list(range(n))
    random.shuffle(ys)
    print(n, ys)

# === choice ===
print(random.choice("abc"), random.choice([1, 2, 3]), random.choice(range(100, 200)), random.choice((None,)))
print([random.choice("xyz") for i in range(20)])

# === sample: small pools (a list) and large ones (a set of picks) ===
print(random.sample(range(100), 10))
print(random.sample("abcdefgh", 3), random.sample([1, 2, 3], 3), random.sample([1, 2, 3], 0))
print(random.sample(range(10**6), 8))
print(random.sample(range(40), 30))
print(random.sample(range(1000), 100)[-5:])
print(random.sample(("t", "u", "p"), k=2))
print(random.sample(["a", "b"], k=3, counts=[2, 2]), random.sample("xy", 4, counts=[1, 3]))

# === choices ===
print(random.choices("abc", k=5), random.choices("abc"))
print(random.choices([1, 2, 3], [1, 0, 5], k=6))
print(random.choices("xy", cum_weights=[1, 3], k=4), random.choices(range(5), k=0))
print(random.choices([10, 20, 30], weights=[0.5, 0.25, 0.25], k=8))

# === continuous distributions ===
print(random.uniform(1, 3), random.uniform(5, -5), random.uniform(2, 2))
print(random.gauss(), random.gauss(5, 2), random.gauss(), random.gauss(mu=1, sigma=0.5))
print(random.triangular(), random.triangular(0, 10, 2), random.triangular(3, 3), random.triangular(1, 2, 1))
print(random.normalvariate(), random.normalvariate(1, 2), random.expovariate(2), random.expovariate(0.1))

# === the module's namespace ===
print([n for n in ["seed", "random", "randint", "choice", "shuffle", "sample", "choices", "gauss"] if n in random.__all__], random.Random.VERSION)
from random import randint, Random as R
print(randint(1, 3), R(1).randint(1, 100))
random.seed()
v = random.random()
print(0.0 <= v < 1.0, 0 <= random.randrange(5) < 5, random.getrandbits(8) < 256)
random.seed(None)
print(len(set([random.getrandbits(64) for i in range(5)])))
