# atexit: LIFO order, arguments, unregister, _ncallbacks, _run_exitfuncs,
# and a failing callback reported while the others still run.
import atexit
import sys


def show(*args, **kwargs):
    print("show", args, sorted(kwargs.items()))


def boom():
    print("boom runs")
    raise ValueError("callback failed")


def never():
    print("never printed")


# CPython counts its own callbacks (from site) and keeps unregistered slots.
n0 = atexit._ncallbacks()
print(atexit.register(show, 1, 2, key="v") is show)
atexit.register(show, "second")
atexit.register(never)
atexit.register(never)
print(atexit._ncallbacks() - n0)
atexit.unregister(never)
print(atexit._ncallbacks() - n0)


@atexit.register
def decorated():
    print("decorated (registered last, runs first)")


atexit.register(boom)
atexit.register(show, "third")
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)
try:
    atexit.register()
except TypeError as e:
    print("TypeError", e)

# Explicit run: callbacks run LIFO and are cleared.
atexit.register(show, "explicit")
atexit._run_exitfuncs()
print("after explicit run", atexit._ncallbacks())
atexit.register(show, "at exit 1")
atexit.register(show, "at exit 2")
atexit.register(boom)
atexit._clear()
print(atexit._ncallbacks())
atexit.register(show, "at exit")
atexit.register(boom)
print("main done")
sys.stdout.flush()
