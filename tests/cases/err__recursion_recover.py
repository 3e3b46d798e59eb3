# RecursionError inside methods: caught, and the interpreter recovers.

class Tree:
    def __init__(self, depth):
        self.depth = depth
    def down(self, n):
        return self.down(n + 1)
    def measure(self, n):
        if n == 0:
            return 0
        return 1 + self.measure(n - 1)

t = Tree(0)

# === a method recursing without end raises RecursionError ===
try:
    t.down(0)
except RecursionError as e:
    print("RecursionError:", e)

# === recovery: normal calls and moderate recursion still work ===
print(t.measure(10))
print(t.measure(500))

# === it can be caught repeatedly ===
caught = 0
for _ in range(3):
    try:
        t.down(0)
    except RecursionError:
        caught += 1
print("caught", caught)

# === RecursionError is a RuntimeError ===
try:
    t.down(0)
except RuntimeError as e:
    print(type(e).__name__, isinstance(e, RecursionError))

# === recursion through __repr__ and __eq__ ===
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError:
    print("repr recursion caught")
class EqLoop:
    def __eq__(self, other):
        return self == other
try:
    EqLoop() == 1
except RecursionError:
    print("eq recursion caught")

# === recursion through mutual methods and finally blocks ===
class Ping:
    def ping(self, n):
        return Pong().pong(n + 1)
class Pong:
    def pong(self, n):
        try:
            return Ping().ping(n + 1)
        finally:
            pass
try:
    Ping().ping(0)
except RecursionError:
    print("mutual recursion caught")

# === state after recovery is intact ===
cache = {}
def fib(n):
    if n < 2:
        return n
    if n not in cache:
        cache[n] = fib(n - 1) + fib(n - 2)
    return cache[n]
print(fib(300) % 1000007)

# === deep recursion in a method, uncaught, ends the program with exit 1 ===
t.down(0)
print("not reached")
