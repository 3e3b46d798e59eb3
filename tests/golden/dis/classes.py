# Class bodies, super() and __class__ cells, class-level free names.
class Base:
    """A base."""
    kind = "base"

    def __init__(self, v):
        self.v = v

class Child(Base):
    def __init__(self, v):
        super().__init__(v)
        self.cls = __class__

    @property
    def double(self):
        return self.v * 2

def make(k):
    class Local:
        key = k
        def get(self):
            return k
    return Local

class Private:
    __slots__ = ("__secret",)

    def __init__(self, __x, *, __key=1):
        self.__secret = __x
        __local = __key
        if __debug__:
            print(self.__secret, __local, self.__dunder__)
