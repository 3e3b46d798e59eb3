# Inheritance, method overriding, super(), isinstance/issubclass.

class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def describe(self):
        return self.name + " is an " + self.kind + ": " + self.speak()

class Dog(Animal):
    kind = "dog"
    def speak(self):
        return self.name + " barks"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " softly"

# === overriding and dynamic dispatch ===
for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(a.describe())

# === super() chains and attributes ===
p = Puppy("tiny", 2)
print(p.name, p.age, p.kind, Animal.speak(p))

# === isinstance / issubclass ===
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, object))
print(isinstance(Dog("d"), Puppy), issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog))
print(isinstance(p, (int, Dog)), isinstance(3, (str, float)))

# === inherited __init__ ===
class Cat(Animal):
    pass
c = Cat("tom")
print(c.speak(), c.kind)

# === multiple levels with super() in every __init__ ===
class A:
    def __init__(self):
        self.trail = ["A"]
class B(A):
    def __init__(self):
        super().__init__()
        self.trail.append("B")
class C(B):
    def __init__(self):
        super().__init__()
        self.trail.append("C")
print(C().trail)

# === super() with arguments in other methods ===
class Base:
    def total(self, x):
        return x + 1
class Derived(Base):
    def total(self, x):
        return super().total(x) * 10
print(Derived().total(4))

# === class attribute lookup through the hierarchy ===
class Root:
    a = "root-a"
    b = "root-b"
class Mid(Root):
    b = "mid-b"
class Leaf(Mid):
    pass
print(Leaf.a, Leaf.b, Leaf().a)

# === multiple inheritance basics ===
class Flyer:
    def move(self):
        return "fly"
    def fly_only(self):
        return "wings"
class Swimmer:
    def move(self):
        return "swim"
    def swim_only(self):
        return "fins"
class Duck(Flyer, Swimmer):
    pass
d = Duck()
print(d.move(), d.fly_only(), d.swim_only(), isinstance(d, Swimmer))

# === overriding __init__ without calling super ===
class NoSuper(Animal):
    def __init__(self):
        self.other = 1
ns = NoSuper()
print(ns.other, hasattr(ns, "name"))
