# __iter__ / __next__ on user classes; StopIteration ends a for loop.

class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

# === for loop over an iterator ===
for n in Countdown(3):
    print("tick", n)

# === consumers of iterables ===
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(6)), sorted(Countdown(3)))
print([x * x for x in Countdown(4)], tuple(Countdown(2)), set(Countdown(3)))
print(dict(zip(Countdown(3), "abc")), list(enumerate(Countdown(2))))

# === an iterator is exhausted after one pass ===
it = Countdown(2)
print(list(it), list(it))

# === iter() and next() ===
it = Countdown(2)
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")

li = iter([1, 2])
print(next(li), next(li), next(li, None))
si = iter("ab")
print(next(si), next(si))

# === an iterable whose __iter__ returns a new iterator each time ===
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Countdown(self.n)
r = Range2(3)
print(list(r), list(r))

# === nested loops over the same iterable object ===
pairs = []
for a in r:
    for b in r:
        if a < b:
            pairs.append((a, b))
print(pairs)

# === unpacking uses the protocol ===
x, y, z = Countdown(3)
print(x, y, z)
first, *rest = Countdown(4)
print(first, rest)

# === membership via iteration ===
print(2 in Countdown(3), 7 in Countdown(3))

# === break out of a user iterator ===
for v in Countdown(100):
    if v < 98:
        break
print("stopped at", v)

# === non-iterable ===
class NotIter:
    pass
try:
    for q in NotIter():
        pass
except TypeError as e:
    print("TypeError:", e)


# `__iter__ = None` declares a class not iterable, even with __getitem__.
class NotIterable:
    __iter__ = None

    def __getitem__(self, i):
        return i


for make in [lambda: iter(NotIterable()), lambda: list(NotIterable()), lambda: [x for x in NotIterable()]]:
    try:
        make()
    except TypeError as e:
        print('TypeError', e)
