# random: argument errors with CPython's messages.
import random

tests = [
    ("randrange(0)", lambda: random.randrange(0)),
    ("randrange(-3)", lambda: random.randrange(-3)),
    ("randrange(5, 5)", lambda: random.randrange(5, 5)),
    ("randrange(1, 10, 0)", lambda: random.randrange(1, 10, 0)),
    ("randrange(10, 1, 2)", lambda: random.randrange(10, 1, 2)),
    ("randrange(1, 10, -1)", lambda: random.randrange(1, 10, -1)),
    ("randrange('a')", lambda: random.randrange("a")),
    ("randrange(5, step=2)", lambda: random.randrange(5, step=2)),
    ("randrange()", lambda: random.randrange()),
    ("randint(5, 1)", lambda: random.randint(5, 1)),
    ("randint(1)", lambda: random.randint(1)),
    ("choice([])", lambda: random.choice([])),
    ("choice('')", lambda: random.choice("")),
    ("choice({})", lambda: random.choice({})),
    ("choice(5)", lambda: random.choice(5)),
    ("sample([1, 2], 3)", lambda: random.sample([1, 2], 3)),
    ("sample({1, 2}, 1)", lambda: random.sample({1, 2}, 1)),
    ("sample({'a': 1}, 1)", lambda: random.sample({"a": 1}, 1)),
    ("sample([1, 2], -1)", lambda: random.sample([1, 2], -1)),
    ("sample([1, 2])", lambda: random.sample([1, 2])),
    ("sample(range(5), k=2, counts=[1, 2])", lambda: random.sample(range(5), k=2, counts=[1, 2])),
    ("sample('ab', 1, counts=[0, 0])", lambda: random.sample("ab", 1, counts=[0, 0])),
    ("sample('ab', 1, counts=[1.5, 1])", lambda: random.sample("ab", 1, counts=[1.5, 1])),
    ("choices([])", lambda: random.choices([])),
    ("choices([1, 2], [1])", lambda: random.choices([1, 2], [1])),
    ("choices([1, 2], [0, 0])", lambda: random.choices([1, 2], [0, 0])),
    ("choices([1, 2], 2)", lambda: random.choices([1, 2], 2)),
    ("choices([1, 2], weights=[1, 1], cum_weights=[1, 2])", lambda: random.choices([1, 2], weights=[1, 1], cum_weights=[1, 2])),
    ("choices([1], [float('inf')])", lambda: random.choices([1], [float("inf")])),
    ("getrandbits(-1)", lambda: random.getrandbits(-1)),
    ("getrandbits(1.5)", lambda: random.getrandbits(1.5)),
    ("seed([1])", lambda: random.seed([1])),
    ("seed((1, 2))", lambda: random.seed((1, 2))),
    ("shuffle((1, 2))", lambda: random.shuffle((1, 2))),
    ("random(1)", lambda: random.random(1)),
    ("uniform(1)", lambda: random.uniform(1)),
    ("gauss(1, 2, 3)", lambda: random.gauss(1, 2, 3)),
    ("setstate((2, (), None))", lambda: random.setstate((2, (), None))),
    ("setstate((3, (1, 2), None))", lambda: random.setstate((3, (1, 2), None))),
    ("setstate((1, (), None))", lambda: random.setstate((1, (), None))),
    ("Random().setstate((3, (0,) * 624 + (625,), None))", lambda: random.Random().setstate((3, (0,) * 624 + (625,), None))),
]
for text, f in tests:
    try:
        print(text, "->", repr(f()))
    except Exception as e:
        print(text, "->", type(e).__name__ + ":", e)
random.randrange(3, 3)
