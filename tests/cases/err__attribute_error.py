# Uncaught AttributeError on a user instance.

class Foo:
    def __init__(self):
        self.count = 1

f = Foo()
print(f.count)
print(f.bar)
