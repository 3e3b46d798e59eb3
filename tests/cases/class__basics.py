# Classes: __init__, methods, class attributes vs instance attributes.

# === definition and instantiation ===
class Point:
    dims = 2
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(3, -4)
print(p.x, p.y, p.norm1(), Point(1).y)
q = p.moved(1, 1)
print(q.x, q.y, p.x)

# === class attributes ===
print(Point.dims, p.dims)
p.dims = 3
print(Point.dims, p.dims, q.dims)
Point.dims = 10
print(p.dims, q.dims)

# === mutable class attribute is shared ===
class Bag:
    items = []
    def add(self, x):
        self.items.append(x)
a, b = Bag(), Bag()
a.add(1)
b.add(2)
print(a.items, b.items, Bag.items)

# === bound methods ===
m = p.norm1
print(m(), Point.norm1(q))

# === type and names ===
print(type(p).__name__, Point.__name__, type(p) is Point, isinstance(p, Point))
print(type(Point))

# === default repr mentions the class ===
print(repr(p).startswith("<__main__.Point object at "))

# === attributes set outside __init__ ===
p.label = "P"
print(p.label, hasattr(p, "label"), hasattr(q, "label"))

# === methods calling other methods ===
class Account:
    rate = 0.5
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.history = []
    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def interest(self):
        return self.balance * self.rate

acct = Account("ann")
acct.deposit(100).withdraw(30).deposit(5)
print(acct.owner, acct.balance, acct.history, acct.interest())
try:
    acct.withdraw(1000)
except ValueError as e:
    print("ValueError:", e)

# === missing attributes ===
try:
    p.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point.nope
except AttributeError as e:
    print("AttributeError:", e)

# === wrong argument count ===
try:
    Point()
except TypeError as e:
    print("TypeError:", e)

# === class body executes in order ===
class Ordered:
    print("in class body")
    a = 1
    b = a + 1
print(Ordered.b)
