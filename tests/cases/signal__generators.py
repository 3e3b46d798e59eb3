# Signals while a generator is suspended inside a finally or a with block.
import signal, os
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
def g():
    try:
        pass
    finally:
        yield 1
        yield 2
def h():
    with open(__file__) as f:
        yield 1
it = g()
print(next(it))
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill while a generator is suspended in finally", got)
it2 = h()
next(it2)
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
print(list(it))
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
