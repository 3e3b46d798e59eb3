b=bytearray(b'a'); d={1:2}
for x in [iter(range(3)), reversed(range(3)), reversed(range(0)), iter(range(2**70)), iter([]), reversed([]), iter(()), reversed(()), iter('a'), iter('é'), reversed('ab'), iter(b''), iter(b), iter(memoryview(b'a')), iter(d), iter(d.values()), iter(d.items()), reversed(d), reversed(d.values()), reversed(d.items()), iter(set()), iter(frozenset()), enumerate([]), zip(), zip([], strict=True), map(str, []), filter(None, [])]:
    print(type(x).__name__, end=' ')
print()
class G:
    def __getitem__(s, i): raise IndexError
class R:
    def __getitem__(s, i): return i
    def __len__(s): return 2
print(type(iter(G())).__name__, type(reversed(R())).__name__, reversed, enumerate.__name__, type(enumerate))
print(isinstance(iter([]), enumerate), isinstance(enumerate([]), enumerate), isinstance(zip(), zip), isinstance(map(str, []), (map, filter)))
it = iter([1]); next(it); print(type(it).__name__, list(it), type(it).__name__)
print(list(enumerate("ab", start=3)), list(zip("ab", [1, 2])), list(map(abs, [-1])), list(filter(None, [0, 2])), list(reversed((1, 2))))
e = enumerate([5]); print(e.__next__(), next(iter(e), "done"))
for f in (enumerate, zip, map, filter, reversed):
    try:
        f(5)
    except TypeError as ex:
        print(f.__name__, ex)
try:
    enumerate()
except TypeError as ex:
    print(ex)
try:
    len(iter([]))
except TypeError as ex:
    print(ex)
try:
    map(str)
except TypeError as ex:
    print(ex)
try:
    reversed([], 1)
except TypeError as ex:
    print(ex)
print(hash(""), hash("") == hash(str()), {"": 1}[""])
print(repr(iter([]))[:20], repr(enumerate([]))[:12], repr(reversed(()))[:11])
class MyIt:
    def __iter__(self): return map(str, [1, 2])
print(list(MyIt()), [type(x).__name__ for x in (iter(MyIt()),)])
