# __bool__/__len__ truthiness, __iter__/__next__, the __getitem__ iteration
# protocol, __contains__ and its fallback, __call__, __repr__/__str__.

# === truthiness ===
class T:
    def __bool__(self):
        return False
class L0:
    def __len__(self):
        return 0
class L3:
    def __len__(self):
        return 3
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Neither:
    pass
for o in [T(), L0(), L3(), Both(), Neither()]:
    print(type(o).__name__, bool(o), "yes" if o else "no", not o)
print(len(L3()), [x for x in [T(), L3()] if x][0].__class__.__name__)
while L0():
    print("never")
print(T() or "fallback", L3() and "and-ok")

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
try:
    if BadBool():
        pass
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print("ValueError:", e)
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print("TypeError:", e)
class NoneBool:
    __bool__ = None
try:
    bool(NoneBool())
except TypeError as e:
    print("TypeError:", e)
try:
    len(Neither())
except TypeError as e:
    print("TypeError:", e)

# === __iter__ / __next__ ===
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), [x * 2 for x in Countdown(2)], sum(Countdown(4)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
a, b, c = Countdown(3)
print(a, b, c)
print(*Countdown(3), sorted(Countdown(3)), max(Countdown(5)), tuple(Countdown(1)))
print(dict(zip("ab", Countdown(2))), list(enumerate(Countdown(2))))

class IterReturnsNonIter:
    def __iter__(self):
        return 5
try:
    iter(IterReturnsNonIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in IterReturnsNonIter():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    iter(Neither())
except TypeError as e:
    print("TypeError:", e)
try:
    next(Neither())
except TypeError as e:
    print("TypeError:", e)

# === the old __getitem__ protocol ===
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq(), [x for x in Seq()])
it = iter(Seq())
print(next(it), next(it), type(it).__name__)
class SeqStop:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(SeqStop()))
class SeqKey:
    def __getitem__(self, k):
        raise KeyError(k)
try:
    list(SeqKey())
except KeyError as e:
    print("KeyError:", e)

# === __contains__ and the fallback to iteration ===
class Box:
    def __contains__(self, x):
        return x == "in"
print("in" in Box(), "out" in Box(), "out" not in Box())
class ContainsNonBool:
    def __contains__(self, x):
        return [x]
print(1 in ContainsNonBool(), 1 not in ContainsNonBool())
class ContainsEmpty:
    def __contains__(self, x):
        return []
print(1 in ContainsEmpty())
print(2 in Countdown(5), 7 in Countdown(5))
try:
    1 in Neither()
except TypeError as e:
    print("TypeError:", e)

# === __call__ ===
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Neither()))
print(list(map(add5, [1, 2])))
try:
    Neither()()
except TypeError as e:
    print("TypeError:", e)

# === __repr__ / __str__ fallbacks ===
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
class OnlyStr:
    def __str__(self):
        return "only-str"
class BothRS:
    def __repr__(self):
        return "R"
    def __str__(self):
        return "S"
print(str(OnlyRepr()), repr(OnlyRepr()), OnlyRepr(), [OnlyRepr()])
print(str(OnlyStr()), OnlyStr(), repr(OnlyStr()).startswith("<__main__.OnlyStr object at 0x"))
print(str(BothRS()), repr(BothRS()), [BothRS()], (BothRS(),), {"k": BothRS()})
print(f"{BothRS()} {BothRS()!r} {BothRS()!s}", "%s %r" % (BothRS(), BothRS()))
print("{} {!r}".format(BothRS(), BothRS()), format(BothRS()))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class Fmt:
    def __format__(self, spec):
        return "fmt[" + spec + "]"
print(format(Fmt(), "x>5"), f"{Fmt():abc}", "{:q}".format(Fmt()))
try:
    format(Neither(), "d")
except TypeError as e:
    print("TypeError:", e)

# === __hash__ and __index__, __int__, __float__ ===
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()), hex(Idx()), range(Idx()))
class Conv:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
print(int(Conv()), float(Conv()))

# === __len__ used by len() and bool() on class with __getitem__ ===
class Sized:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return "item%d" % i
print(len(Sized()), Sized()[5], bool(Sized()))

# === uncaught: __bool__ returning a non-bool ===
if BadBool():
    pass
