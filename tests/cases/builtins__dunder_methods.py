# The special methods of the builtin types, called directly: numbers,
# sequences, mappings, sets, ranges and iterators, NotImplemented for
# operands of another kind, and the errors.
it = iter([1, 2])
print(it.__next__(), next(it))
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", repr(e), e.args)
print(iter(it.__iter__()) is it)
print(True.__add__(1), True.__and__(False), (3).__and__(True), True.__index__())
print(object.__str__(5), object.__repr__(5) == repr(5) or 'no')
print((2.5).__floor__(), (2.5).__ceil__(), (-2.5).__trunc__(), (2.5).__round__(), (2.675).__round__(2))
print((10).__rtruediv__(4), (1.5).__radd__(2), (1.5).__rsub__(True), (2).__rpow__(3), (2).__pow__(3, 5))
print('ab'.__rmul__(2), [1].__rmul__(3), (1,).__mul__(2), 'a%sb'.__mod__((1,)), b'%d'.__mod__(5))
print({1, 2}.__ror__({3}), frozenset({1}).__and__({1, 2}), {1}.__sub__(frozenset()), {1}.__xor__([1]))
print({'a': 1}.__or__({'b': 2}), {'a': 1}.__eq__({'a': 1}), {'a': 1}.__lt__({}), range(3).__lt__(range(4)))
d = {}
d.__setitem__('k', 5); print(d, d.__contains__('k'), d.__len__()); d.__delitem__('k'); print(d)
l = [3, 1]
l.__iadd__((7,)); l.__setitem__(0, 9); l.__delitem__(-1); print(l, l.__imul__(2), l)
print(list(range(5).__iter__()), range(10).__getitem__(slice(2, 8, 3)), range(5).__contains__(3), range(4).__len__())
print((5).__float__(), (5.9).__int__(), (-7).__abs__(), (0.0).__bool__(), (5).__neg__(), (5).__invert__(), (5).__pos__())
print((7).__divmod__(2), (7.5).__rdivmod__(2), (7).__divmod__(1.5), 'x'.__hash__() == hash('x'), (1, 2).__hash__() == hash((1, 2)))
print((1).__eq__(1.0), (1.0).__eq__(1), (1).__lt__(1.5), 'a'.__eq__(1), [1].__eq__((1,)), [1, 2].__lt__([1, 3]))
print((1).__lshift__(1.0), hasattr(1.0, '__or__'), hasattr('a', '__radd__'), hasattr([], '__radd__'))
def attempt(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__ + ":", e)
attempt('a'.__add__, 1)
attempt([1].__add__, (2,))
attempt([1].__mul__, 1.5)
attempt('a'.__mul__, 'b')
attempt((1,).__add__, [2])
attempt((5).__add__)
attempt((5).__add__, 1, 2)
attempt({}.__getitem__, 'missing')
attempt([].__getitem__, 3)
attempt({}.__hash__)
print([].__hash__, {}.__hash__, set().__hash__, hash(()) == ().__hash__())
class Point:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return self.x.__eq__(other.x)
    def __repr__(self):
        return "Point(" + self.x.__repr__() + ")"
print(Point(1) == Point(1), Point(1) == 1, [Point(2)])
[].__hash__()
