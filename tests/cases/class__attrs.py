# Attribute builtins: getattr, setattr, hasattr, delattr-free; instance vs class lookup.

class Config:
    debug = False
    level = 1
    def __init__(self):
        self.name = "cfg"

c = Config()

# === getattr / setattr / hasattr ===
print(getattr(c, "name"), getattr(c, "debug"), getattr(c, "missing", "dflt"))
setattr(c, "level", 5)
setattr(c, "extra", [1])
print(c.level, Config.level, c.extra, hasattr(c, "extra"), hasattr(c, "nope"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)

# === attributes on classes ===
setattr(Config, "added", "class-level")
print(c.added, Config.added, hasattr(Config, "name"))

# === dynamic attribute names ===
for field in ["a", "b", "c"]:
    setattr(c, field, field * 2)
print([getattr(c, f) for f in ["a", "b", "c"]])

# === methods via getattr ===
class Greeter:
    def hello(self, who):
        return "hello " + who
    def bye(self, who):
        return "bye " + who
g = Greeter()
for m in ["hello", "bye"]:
    print(getattr(g, m)("bob"))

# === instance attribute shadows a method ===
g.hello = lambda who: "shadowed " + who
print(g.hello("x"), Greeter().hello("y"))

# === getattr on builtins ===
print(getattr("abc", "upper")(), getattr([1, 2], "count")(1), hasattr(5, "real"), hasattr("s", "nope"))

# === __dict__-free introspection of types ===
print(type(c) is Config, type(3) is int, type("s") is str, type([]) is list, type({}) is dict)
print(type(()) is tuple, type(set()) is set, type(None).__name__, type(1.5).__name__, type(range(1)).__name__)

# === attribute error messages ===
try:
    (5).nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s".nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.nope
except AttributeError as e:
    print("AttributeError:", e)
