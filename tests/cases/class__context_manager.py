# with statements and __enter__ / __exit__.

log = []

class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            log.append("exit " + self.name + " ok")
        else:
            log.append("exit " + self.name + " " + exc_type.__name__ + ": " + str(exc))
        return self.swallow

# === normal flow ===
with Resource("a") as v:
    log.append("body " + v)
print(log)
log = []

# === without as ===
with Resource("b"):
    log.append("body")
print(log)
log = []

# === exception propagates when __exit__ returns False ===
try:
    with Resource("c"):
        raise ValueError("bad")
except ValueError as e:
    log.append("caught " + str(e))
print(log)
log = []

# === exception swallowed when __exit__ returns True ===
with Resource("d", swallow=True):
    raise KeyError("k")
log.append("after d")
print(log)
log = []

# === several items: exits in reverse order ===
with Resource("x") as x, Resource("y") as y:
    log.append("body " + x + y)
print(log)
log = []

# === nested with and inner exception ===
try:
    with Resource("outer"):
        with Resource("inner", swallow=False):
            1 / 0
except ZeroDivisionError:
    log.append("caught zde")
print(log)
log = []

# === return and break inside with still run __exit__ ===
def f():
    with Resource("ret"):
        return "returned"
print(f(), log)
log = []
for i in range(3):
    with Resource("loop" + str(i)):
        if i == 1:
            break
print(log)
log = []

# === __exit__ sees the exception instance ===
class Recorder:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        self.seen = (t, v.args if v else None, tb is None)
        return True
with Recorder() as rec:
    raise RuntimeError("boom", 2)
print(rec.seen[0].__name__, rec.seen[1], rec.seen[2])
with Recorder() as rec:
    pass
print(rec.seen)

# === exception in __enter__ skips the body and __exit__ ===
class BadEnter:
    def __enter__(self):
        raise OSError("cannot enter")
    def __exit__(self, *a):
        log.append("exit called")
try:
    with BadEnter():
        log.append("body ran")
except OSError as e:
    print("OSError:", e, log)
