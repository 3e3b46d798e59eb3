# Errors raised while a dropped generator is closed are reported on stderr
# ("Exception ignored in: <generator object ...>") and never raised; the
# program goes on. At exit, a generator still suspended in a try is closed
# after the program's last statement, and its error is reported last.

def raises_in_finally():
    try:
        yield 1
    finally:
        print("finally of a dropped generator")
        raise ValueError("raised while closing")

g = raises_in_finally()
next(g)
del g
print("the program goes on")

def ignores_exit():
    try:
        yield 1
    finally:
        print("finally that yields")
        yield 2

g = ignores_exit()
next(g)
g = None
print("still going")

def ok():
    try:
        yield 1
    finally:
        print("closed cleanly")

g = ok()
next(g)
del g

left = ignores_exit()
next(left)
print("last statement")
