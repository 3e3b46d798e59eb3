# Generators: yield as a statement and an expression, yield inside
# try/finally and with, yield from, a generator lambda and generator
# expressions (their own code object, the first iterable passed in).
def gen(items):
    total = 0
    try:
        for x in items:
            sent = yield x
            if sent is not None:
                total += sent
    finally:
        print("done")
    with open("f") as f:
        yield f
    return total

def delegate():
    result = yield from gen([1, 2])
    yield
    return result

lazy = lambda: (yield 1)
squares = (x * x for x in range(10) if x % 2)
pairs = list((a, b) for a in "ab" for b in range(2))
