# Defaults, keyword-only defaults, closures, cells for parameters,
# global/nonlocal, decorators, lambda and generators.
counter = 0

def deco(fn):
    return fn

@deco
def outer(a, b=1, *args, c, d=2, **kw):
    global counter
    counter += 1
    total = a
    def inner(y):
        nonlocal total
        total += y + b
        return total
    return inner

def gen(n):
    x = yield n
    yield from range(x)
    return x

square = lambda v, w=2: v ** w
