# finally: runs on normal exit, exceptions, return, break, continue.

log = []

# === normal exit ===
try:
    log.append("body")
finally:
    log.append("finally")
print(log)
log = []

# === exception propagates after finally ===
try:
    try:
        raise ValueError("v")
    finally:
        log.append("cleanup")
except ValueError:
    log.append("caught")
print(log)
log = []

# === try / except / else / finally order ===
def full(fail):
    out = []
    try:
        out.append("try")
        if fail:
            raise RuntimeError("r")
    except RuntimeError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
print(full(False), full(True))

# === return in try, finally still runs ===
def ret():
    try:
        return "from try"
    finally:
        log.append("finally after return")
print(ret(), log)
log = []

# === return in finally overrides ===
def override():
    try:
        return 1
    finally:
        return 2
print(override())

# === return in finally swallows the exception ===
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())

# === break and continue through finally ===
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        log.append("body " + str(i))
    finally:
        log.append("finally " + str(i))
print(log)
log = []

# === nested finally blocks ===
def nested():
    try:
        try:
            raise KeyError("k")
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
try:
    nested()
except KeyError:
    log.append("caught k")
print(log)
log = []

# === the return value is computed before finally runs ===
def value_order():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(value_order())

# === exception in finally replaces the original ===
try:
    try:
        raise ValueError("original")
    finally:
        raise TypeError("replacement")
except Exception as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

# === while loop with finally and break ===
n = 0
while True:
    try:
        n += 1
        if n == 3:
            break
    finally:
        log.append(n)
print(log)
