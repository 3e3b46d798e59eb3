# bool values, truthiness, and/or/not with short-circuit.

# === bool() of values ===
for v in [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1)]:
    print(repr(v), bool(v))

# === and / or return an operand ===
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or 0)
print([] and [1], [1] and [], "a" and "b" and "c", 0 or "" or None)

# === not ===
print(not 0, not 1, not "", not [1], not None, not not 5)

# === short-circuit ===
trace = []
def t(x):
    trace.append(x)
    return x
r = t(0) and t(1)
print(r, trace)
trace = []
r = t(1) or t(2)
print(r, trace)
trace = []
r = t(1) and t(0) or t(3)
print(r, trace)

# === precedence: not > and > or ===
print(not True or True, not (True or True), True or False and False, (True or False) and False)

# === bool is an int ===
print(isinstance(True, int), True + True, True * 3, str(True), repr(False))
print(int(True), float(False), True == 1, hash(True) == hash(1))
print(type(True).__name__, bool(), bool(3 > 2))

# === user-defined truthiness ===
class Empty:
    def __len__(self):
        return 0
class Full:
    def __bool__(self):
        return True
class Plain:
    pass
print(bool(Empty()), bool(Full()), bool(Plain()))
if not Empty():
    print("empty is falsy")
