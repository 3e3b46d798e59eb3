# Class attributes vs instance attributes.

# === instance assignment shadows, class assignment is seen by all ===
class Config:
    level = 1
    tags = []
a = Config()
b = Config()
a.level = 5
print(a.level, b.level, Config.level)
Config.level = 2
print(a.level, b.level, Config.level)

# === a mutable class attribute is shared ===
a.tags.append("x")
print(b.tags, Config.tags, a.tags is b.tags)
a.tags = ["own"]
print(a.tags, b.tags)

# === augmented assignment reads the class, writes the instance ===
class Counter:
    count = 0
    def bump(self):
        self.count += 1
        return self.count
c1 = Counter()
c2 = Counter()
c1.bump()
c1.bump()
print(c1.count, c2.count, Counter.count)
def bump_class():
    Counter.count += 10
bump_class()
print(c1.count, c2.count, Counter.count)

# === del of the instance attribute reveals the class attribute ===
del c1.count
print(c1.count)

# === class attributes through type(self) and the class name ===
class Registry:
    instances = 0
    def __init__(self):
        type(self).instances += 1
        self.id = Registry.instances
r1, r2, r3 = Registry(), Registry(), Registry()
print(Registry.instances, r1.id, r3.id, r1.instances)

# === subclasses inherit and override class attributes ===
class Base:
    kind = "base"
    shared = "from base"
    def describe(self):
        return self.kind + "/" + self.shared
class Child(Base):
    kind = "child"
ch = Child()
print(ch.describe(), Base().describe())
Base.shared = "changed"
print(ch.describe(), Child.shared)
Child.shared = "child's own"
print(ch.describe(), Base.shared)

# === methods are class attributes too ===
class Greeter:
    def hi(self):
        return "hi"
g = Greeter()
Greeter.hi = lambda self: "patched"
print(g.hi())
g.hi = lambda: "instance"
print(g.hi(), Greeter().hi())
def loud(self):
    return "LOUD " + type(self).__name__
Greeter.loud = loud
print(g.loud())

# === a function stored on an instance is not bound ===
class Holder:
    pass
h = Holder()
h.f = lambda x: x * 2
print(h.f(21))

# === class attributes computed in the class body ===
class Table:
    size = 4
    cells = [0] * size
    names = ["c%d" % i for i in range(3)]
    total = size * 10
print(Table.cells, Table.names, Table.total)

# === missing attribute messages ===
try:
    Config.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
