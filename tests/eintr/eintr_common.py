# Shared set-up of the EINTR scenarios (a port of CPython's
# Lib/test/_test_eintr.py): a SIGALRM handler fires every few milliseconds
# while a blocking call runs; the call must complete with the right result
# and never raise InterruptedError. `raising()` makes the handler raise
# instead, which must abort the call with that exception.
import signal

DELAY = 0.002
PERIOD = 0.003
count = [0]


class Boom(Exception):
    pass


def _count(signum, frame):
    count[0] += 1


def _raise(signum, frame):
    count[0] += 1
    raise Boom("from the handler")


def start():
    """Starts the storm of SIGALRMs at a counting handler."""
    count[0] = 0
    signal.signal(signal.SIGALRM, _count)
    signal.setitimer(signal.ITIMER_REAL, DELAY, PERIOD)


def raising():
    """Starts a SIGALRM whose handler raises Boom."""
    count[0] = 0
    signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, DELAY, 0)


def stop():
    signal.setitimer(signal.ITIMER_REAL, 0, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)


def check(name, got, want):
    if got != want:
        raise AssertionError("%s: got %r, want %r" % (name, got, want))
    print(name, "ok")


def expect_boom(name, call, *args):
    """Runs call(*args) with a raising handler armed: it must raise Boom."""
    raising()
    try:
        call(*args)
    except Boom:
        print(name, "aborted by the handler ok")
    else:
        raise AssertionError(name + ": the handler's exception was lost")
    finally:
        stop()


def done():
    stop()
    print("OK")
