# range() with ints beyond 64 bits, as CPython's (the i64 range's fast
# path is untouched: these take the BigInt form).


def show(fn):
    try:
        r = fn()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('->', r)


r = range(10**20)
print(r, repr(r), r.start, r.stop, r.step, type(r.stop).__name__)
print(bool(r), bool(range(10**20, 0)), bool(range(10**20, 10**20 + 1)))
show(lambda: len(r))
print(r[0], r[1], r[-1], r[10**19], r[-10**20], r[True])
show(lambda: r[10**20])
show(lambda: r[-10**20 - 1])
show(lambda: r['a'])
show(lambda: r[1.5])
print(0 in r, 10**20 - 1 in r, 10**20 in r, -1 in r, 5.0 in r, 'x' in range(10**20, 10**20 + 3))
print(r.index(10**19), r.count(10**19), r.count(-5), r.index(7))
show(lambda: r.index(-1))
show(lambda: r.index(10**20))
it = iter(r)
print(next(it), next(it), next(it))
it = reversed(r)
print(next(it), next(it), next(it))

r = range(0, 10**30, 10**10)
print(r, r[5], r[-1], r[10**20 - 1])
show(lambda: len(r))
print(len(range(0, 10**30, 10**12)))
show(lambda: r[10**20])
print(10**29 in r, 10**29 + 1 in r, r.index(10**29), r.count(5 * 10**10))
print(r[:3], r[-2:], r[::-1], r[10:20:5], r[::10**5], r[5:2], r[::-10**19])
print(list(r[:4]), list(r[-3:]), list(reversed(r[:3])))
show(lambda: r[::0])
show(lambda: r['a':])
print(r[1.5 if False else 1:3])

r = range(10**20, 10**20 + 5)
print(r, len(r), list(r), list(reversed(r)), sum(r), max(r), min(r), sorted(r)[0])
print([x - 10**20 for x in r], tuple(r)[2], list(enumerate(r))[1])
print(r[1:4], r[::-1], list(r[::-2]), r[2], r[-1])
print(10**20 + 2 in r, 10**20 + 5 in r, 3 in r, r.index(10**20 + 3))
show(lambda: r.index(3))
show(lambda: r.index('a'))
print(r.count('a'), r.count(10**20), r.count(10**20 + 0.0))

# Negative steps, negative bounds
r = range(-10**20, -10**21, -10**19)
print(r, len(r), list(r)[:3], r[-1], -10**20 in r, -10**21 in r, -2 * 10**20 in r)
print(list(reversed(r))[:2], r[::-1], r[1:-1:3])
r = range(10**25, -10**25, -3)
print(r, r[0], r[-1], r[5], 10**25 - 9 in r, 10**25 - 10 in r)
show(lambda: len(r))

# Length beyond ssize_t
for r in (range(10**19), range(-2**63, 2**63), range(0, 2**64), range(2**64), range(-2**63, 2**63 - 1)):
    show(lambda: len(r))
    print(r, r[-1], r[2**63 - 1] if r.stop - r.start > 2**63 else 'short', bool(r))
print(len(range(2**63 - 1)), len(range(-2**62, 2**62 - 1)))
show(lambda: len(range(2**63)))
print(range(2**63)[-1], range(-2**63, 2**63)[2**63], range(2**64)[::2**62])
print(list(range(2**63 - 3, 2**63 + 2)), list(range(-2**63 + 2, -2**63 - 3, -1)))
print(list(reversed(range(-2**63, -2**63 + 3))), list(reversed(range(2**63 - 3, 2**63 - 1))))
print(range(2**63 - 2)[::-1], list(range(2**63 - 2)[::-1][:2]))
print(range(-2**63, 2**63 - 1)[::-1][0], range(-2**63, 2**63 - 1)[2**63 + 10])

# Equality and hash
a, b = range(0, 10**20, 2), range(0, 10**20 + 1, 2)
print(a == b, a != b, hash(a) == hash(b), a == range(0, 10**20, 3), a == range(1, 10**20, 2))
print(range(0, 2**64, 2**64) == range(0, 1), hash(range(0, 2**64, 2**64)) == hash(range(0, 1)))
print(range(10**20, 0) == range(0), hash(range(10**20, 0)) == hash(range(0)), range(10**20, 0) == range(5, 5))
print(range(10**20, 10**20 + 1) == range(10**20, 10**20 + 1, 10**30), range(10**20) == range(10**20 - 1))
print(range(10**20) == [0], range(10**20) == 10**20, {range(10**20): 1}[range(0, 10**20)])
print(len({range(10**20), range(0, 10**20, 1), range(10**20 + 1)}))
print(range(0, 10**20)[:5] == range(5), range(10**20)[2:7] == range(2, 7), type(range(10**20)[:5][1]).__name__)

# Constructors
print(range(2**64, 2**65, 2**63), range(-2**64), list(range(-2**64)), range(5, 2**64, -1))
show(lambda: range(0, 10**20, 0))
show(lambda: range(10**20, 'a'))
show(lambda: range(1.5, 10**20))
show(lambda: range(10**20, 5, 1, 2))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(range(Idx(10**20)), range(Idx(3), Idx(10**21), Idx(10**20)), range(Idx(5)))
print(range(10**20)[Idx(10**19)], range(10**20)[Idx(3):Idx(10**19):Idx(2)], range(5)[Idx(2)])
show(lambda: range(10**20)[Idx('a')])
print(isinstance(range(10**20), range), type(range(10**20)).__name__)
show(lambda: range(10**20).start.bit_length())
for x in range(10**20, 10**20 + 2):
    print(x, end=' ')
print()
print([x for x in range(2**64 - 2, 2**64 + 2)])
print(list(zip(range(10**20), 'ab')), list(map(str, range(10**20, 10**20 + 2))))
print('%s %r' % (range(10**20), range(1, 10**20)), f'{range(10**20)!r}', str(range(10**20)))
# slice.indices with a length beyond 64 bits
print(slice(None).indices(10**20), slice(-5, None, 2).indices(10**20), slice(None, None, -1).indices(10**20))
print(slice(10**30, -10**30, -10**19).indices(10**20), slice(3, 10**25).indices(2**64))
show(lambda: slice(None).indices(-10**20))
show(lambda: slice(None, None, 0).indices(10**20))
show(lambda: slice('a').indices(10**20))
