def apply(f, x):
    return f(x)


def fail(msg):
    raise KeyError(msg)
