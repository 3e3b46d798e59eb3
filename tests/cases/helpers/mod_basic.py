"""A plain helper module."""
import mod_counter

mod_counter.loads.append(__name__)

VALUE = 42
_private = "hidden"


def greet(who):
    return "hello " + who


class Thing:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Thing(%d)" % self.n


def where():
    return __name__


if __name__ == "__main__":
    print("mod_basic run as a script")
