# Truthiness of user objects: __bool__, __len__, and their errors.

class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  __bool__", self.v)
        return self.v

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("  __len__", self.n)
        return self.n

class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5

class Neither:
    pass

# === __bool__ in every boolean context ===
if B(True):
    print("if true")
if not B(False):
    print("not false")
print(B(True) and "and-result")
print(B(False) or "or-result")
print("yes" if B(False) else "no")
n = 0
while B(n < 2):
    n += 1
print("while ran", n)

# === __len__ decides when there is no __bool__ ===
print(bool(L(0)), bool(L(3)))
print([x.n for x in [L(0), L(2), L(0), L(1)] if x])

# === __bool__ wins over __len__; objects without either are true ===
print(bool(Both()), len(Both()), bool(Neither()), not Neither())

# === and/or return the operand, not a bool ===
b = B(False)
print((b or 7), (b and 7) is b)

# === builtins that test truth ===
print(any([L(0), L(0)]), all([B(True), L(1)]))
print(len(list(filter(None, [L(0), L(4), B(True), B(False)]))))

# === __bool__ must return bool ===
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

# === __len__ must return a non-negative int ===
class NegLen:
    def __len__(self):
        return -1
try:
    bool(NegLen())
except ValueError as e:
    print("ValueError:", e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print("TypeError:", e)

# === exceptions raised by __bool__ propagate ===
class Raises:
    def __bool__(self):
        raise RuntimeError("no truth here")
try:
    not Raises()
except RuntimeError as e:
    print("RuntimeError:", e)

# === inherited __bool__ and __len__ ===
class SubL(L):
    pass
class SubB(B):
    pass
print(bool(SubL(0)), bool(SubB(True)))

# === builtin values ===
print([bool(v) for v in [0, 0.0, "", (), [], {}, set(), None, range(0), b""]])
print([bool(v) for v in [-1, 0.1, " ", (0,), [0], {0: 0}, {0}, range(1), b"\0"]])
