# with: several items, failing __enter__, exceptions in __exit__, control flow.

log = []

class CM:
    def __init__(self, name, swallow=False, fail_enter=False, fail_exit=None):
        self.name = name
        self.swallow = swallow
        self.fail_enter = fail_enter
        self.fail_exit = fail_exit
    def __enter__(self):
        log.append("enter " + self.name)
        if self.fail_enter:
            raise RuntimeError("enter " + self.name + " failed")
        return self
    def __exit__(self, exc_type, exc, tb):
        log.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        if self.fail_exit is not None:
            raise self.fail_exit
        return self.swallow

def show(title):
    global log
    print(title, log)
    log = []

# === three items: entered in order, exited in reverse ===
with CM("a") as a, CM("b") as b, CM("c") as c:
    log.append("body " + a.name + b.name + c.name)
show("three:")

# === a failing second __enter__ exits only the first ===
try:
    with CM("a"), CM("b", fail_enter=True), CM("c"):
        log.append("body")
except RuntimeError as e:
    log.append("caught " + str(e))
show("enter fails:")

# === the inner item swallows; the outer sees no exception ===
with CM("outer"), CM("inner", swallow=True):
    raise ValueError("v")
show("inner swallows:")

# === the outer item swallows what the inner one let through ===
with CM("outer", swallow=True), CM("inner"):
    raise ValueError("v")
show("outer swallows:")

# === an exception raised in __exit__ replaces the body's, with context ===
try:
    with CM("x", fail_exit=KeyError("from exit")):
        raise ValueError("from body")
except KeyError as e:
    log.append("caught %r context %r" % (e, e.__context__))
show("exit raises:")

# === an exception in __exit__ on a clean exit ===
try:
    with CM("y", fail_exit=TypeError("exit only")):
        log.append("body")
except TypeError as e:
    log.append("caught %r context %r" % (e, e.__context__))
show("exit raises, clean body:")

# === an inner __exit__ raising reaches the outer __exit__ ===
try:
    with CM("outer"), CM("inner", fail_exit=IndexError("inner exit")):
        pass
except IndexError as e:
    log.append("caught " + str(e))
show("inner exit raises:")

# === a truthy non-bool from __exit__ swallows ===
class Truthy:
    def __enter__(self):
        return "t"
    def __exit__(self, *args):
        log.append("exit args %d, type %s" % (len(args), args[0].__name__))
        return [1]
with Truthy() as t:
    raise OSError("gone")
log.append("after " + t)
show("truthy:")

# === break, continue and return run __exit__ ===
for i in range(3):
    with CM("loop%d" % i):
        if i == 0:
            continue
        if i == 1:
            break
show("break/continue:")

def early():
    with CM("f"):
        return "returned"
    return "not reached"
log.append(early())
show("return:")

# === the as target can be a tuple, attribute or subscript ===
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
class Box:
    pass
box = Box()
slots = [None]
with Pair() as (p, q), Pair() as box.val, Pair() as slots[0]:
    pass
print(p, q, box.val, slots)

# === an object without __enter__ ===
try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)

# === the exception value seen by __exit__ ===
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit saw", et.__name__, ev.args, tb is not None)
        return True
with Inspect():
    {}["missing"]
print("done")
