# try/finally with return, break and continue inside; finally overriding
# return and swallowing exceptions; continue in finally (3.8+).

# === finally overriding return ===
def f1():
    try:
        return "try"
    finally:
        return "finally"
def f2():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "loop ended"
def f3():
    while True:
        try:
            return "never"
        finally:
            break
    return "after break"
print(f1(), f2(), f3())

# === return value evaluated before finally runs ===
def f4():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
def f5():
    x = 1
    try:
        return x
    finally:
        x = 2
print(f4(), f5())

# === break/continue in finally swallow exceptions ===
def f6():
    out = []
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            out.append(i)
            continue
    return out
def f7():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "broke out", i
print(f6(), f7())

# === continue and break inside try within loops ===
out = []
for i in range(5):
    try:
        if i % 2:
            continue
        if i == 4:
            break
        out.append(("body", i))
    finally:
        out.append(("fin", i))
else:
    out.append("else")
print(out)

out = []
i = 0
while i < 4:
    i += 1
    try:
        try:
            if i == 2:
                continue
            if i == 3:
                raise KeyError(i)
        finally:
            out.append(("inner", i))
    except KeyError:
        out.append("caught")
        continue
    finally:
        out.append(("outer", i))
    out.append(("end", i))
print(out)

# === nested try/finally with return at every level ===
order = []
def nested():
    try:
        try:
            return "inner"
        finally:
            order.append("f-inner")
    finally:
        order.append("f-outer")
print(nested(), order)

def nested_override():
    try:
        try:
            raise ValueError("x")
        finally:
            return "inner finally"
    except ValueError:
        return "not reached"
    finally:
        order.append("outer ran")
print(nested_override(), order)

# === exceptions from finally replace the pending one ===
def replace():
    try:
        raise KeyError("a")
    finally:
        raise ValueError("b")
try:
    replace()
except ValueError as e:
    print(repr(e), repr(e.__context__))
except KeyError:
    print("wrong")

# === return in except, finally still runs; else skipped ===
def ret_in_except():
    log = []
    try:
        raise TypeError
    except TypeError:
        log.append("except")
        return log
    else:
        log.append("else")
    finally:
        log.append("finally")
print(ret_in_except())

def ret_in_else():
    log = []
    try:
        pass
    except TypeError:
        pass
    else:
        log.append("else")
        return log
    finally:
        log.append("finally")
print(ret_in_else())

# === with statements and finally interplay ===
class CM:
    def __init__(self, log, swallow=False):
        self.log = log
        self.swallow = swallow
    def __enter__(self):
        self.log.append("enter")
        return self
    def __exit__(self, t, v, tb):
        self.log.append(("exit", t.__name__ if t else None))
        return self.swallow
def with_return():
    log = []
    with CM(log):
        try:
            return log
        finally:
            log.append("finally")
print(with_return())
def with_break():
    log = []
    for i in range(3):
        with CM(log, swallow=True):
            if i == 1:
                break
            raise ValueError
    return log
print(with_break())

# === uncaught: exception raised in finally after a return ===
def lost():
    try:
        return 1
    finally:
        1 / 0
lost()
