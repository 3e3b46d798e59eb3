import sys
def f(n):
    return n * 2 + 1
class A:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
total = 0
for i in range(100):
    total += f(i) + A(i).get()
d = {'a': 1, 'b': [1, 2, 3]}
s = "x=%d %s" % (total, d)
try:
    raise ValueError("boom")
except ValueError as e:
    s += str(e)
print(s, len(s), sys.argv[0])
