# A small tour of what sigpy runs: run it with
#   cargo run --release -- examples/hello.py
# and compare with `python3 examples/hello.py` (the output is identical).

import sys


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
        self.count = 0

    def greet(self, name):
        self.count += 1
        return self.greeting + ", " + name + "!"

    def __repr__(self):
        return "Greeter(" + repr(self.greeting) + ")"


def make_counter():
    n = 0

    def bump():
        nonlocal n
        n += 1
        return n

    return bump


def main():
    g = Greeter("Hello")
    for name in ["world", "sigpy"]:
        print(g.greet(name))
    print(g, "greeted", g.count, "times")

    counter = make_counter()
    counter()
    print("counter:", counter())

    ages = {"ada": 36, "alan": 41, "grace": 85}
    ages["linus"] = 21
    oldest = max(ages, key=lambda k: ages[k])
    print("oldest:", oldest, ages[oldest])
    print({k: v for k, v in ages.items() if v < 50})

    squares = [i * i for i in range(10)]
    print("squares:", squares, "sum:", sum(squares))
    print("2 ** 100 =", 2 ** 100)
    print("0.1 + 0.2 =", 0.1 + 0.2)
    try:
        ages["bob"]
    except KeyError as e:
        print("no such key:", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
