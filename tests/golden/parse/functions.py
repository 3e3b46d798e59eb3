@decorator
@module.deco(arg)
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs) -> int:
    """Docstring."""
    def inner():
        nonlocal a
        yield a
        x = yield from range(3)
        return x
    return lambda: inner


class C(Base, metaclass=Meta):
    attr: int = 0

    @property
    def value(self):
        return self._value


def g(*, key): pass
