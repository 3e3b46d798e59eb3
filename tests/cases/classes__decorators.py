# Function and class decorators: stacked, with arguments, wrappers without
# functools, decorators returning non-functions.

# === plain wrapper ===
calls = []
def trace(f):
    def wrapper(*args, **kwargs):
        calls.append(f.__name__)
        return f(*args, **kwargs)
    return wrapper

@trace
def add(a, b=2):
    return a + b

print(add(1), add(1, b=5), calls, add.__name__)

# === stacked decorators apply bottom-up ===
order = []
def tag(name):
    def deco(f):
        order.append(name)
        def w(*a):
            return name + "(" + f(*a) + ")"
        return w
    return deco

@tag("outer")
@tag("inner")
def base(x):
    return x

print(base("v"), order)

# === decorator with arguments and state ===
def repeat(n):
    def deco(f):
        def w(*a, **k):
            return [f(*a, **k) for _ in range(n)]
        w.__name__ = f.__name__
        w.n = n
        return w
    return deco

@repeat(3)
def hello(who="x"):
    return "hi " + who

print(hello(), hello(who="y"), hello.__name__, hello.n)

# === decorator returning a non-function ===
def to_value(f):
    return f()

@to_value
def answer():
    return 42

print(answer, type(answer).__name__)

def as_list(f):
    return [f, f.__name__]

@as_list
def thing():
    pass
print(thing[1], callable(thing[0]))

# === decorator expression forms (3.9 relaxed grammar) ===
decos = {"t": trace}
@decos["t"]
def sub(a, b):
    return a - b
print(sub(5, 3), calls[-1])

@(lambda f: lambda *a: f(*a) * 2)
def triple(x):
    return x * 3
print(triple(2))

# === class decorators ===
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    cls.registered = True
    return cls

@register
class Foo:
    pass

print(registry, Foo.registered, Foo().registered)

def add_method(name):
    def deco(cls):
        def m(self):
            return name + ":" + type(self).__name__
        setattr(cls, name, m)
        return cls
    return deco

@add_method("greet")
@register
class Bar:
    pass
print(Bar().greet(), sorted(registry))

def replace_class(cls):
    return "replaced " + cls.__name__
@replace_class
class Gone:
    pass
print(Gone)

# === decorators on methods ===
def loud(f):
    def w(self, *a):
        return f(self, *a).upper()
    return w

class Speaker:
    @loud
    def say(self, s):
        return "say " + s
    @staticmethod
    @trace
    def st(x):
        return x + 1
print(Speaker().say("hi"), Speaker.st(1), Speaker().st(2), calls[-1])

# === decorator evaluation order: decorator expressions before the def ===
log = []
def mk(name):
    log.append("make " + name)
    def d(f):
        log.append("apply " + name)
        return f
    return d
@mk("a")
@mk("b")
def g():
    pass
print(log)

# === a decorator that raises ===
def bad(f):
    raise ValueError("no " + f.__name__)
try:
    @bad
    def h():
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    h
except NameError as e:
    print("NameError:", e)

# === decorating with a non-callable ===
try:
    @42
    def k():
        pass
except TypeError as e:
    print("TypeError:", e)

# === class as decorator (callable instances) ===
class Counter:
    def __init__(self, f):
        self.f = f
        self.count = 0
    def __call__(self, *a):
        self.count += 1
        return self.f(*a)

@Counter
def sq(x):
    return x * x
print(sq(3), sq(4), sq.count, type(sq).__name__)
