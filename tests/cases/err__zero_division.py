# Uncaught ZeroDivisionError from a nested call: exit 1, traceback, last line.

def ratio(a, b):
    return a / b

def report(values):
    out = []
    for v in values:
        out.append(ratio(10, v))
    return out

print(report([1, 2, 5]))
print(report([4, 0, 1]))
print("not reached")
