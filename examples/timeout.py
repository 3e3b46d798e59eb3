"""Bounding slow operations with `signal.alarm`.

    sigpy examples/timeout.py [SECONDS]

`time_limit(seconds)` arms `signal.alarm`; when the alarm fires, its
handler raises `Deadline`, which ends whatever the program was doing at
that point: a busy computation (the handler runs between two
instructions, within about 100 microseconds) or a blocking call such as
`time.sleep` (which wakes at once, without `InterruptedError`). The
`finally` clause disarms the alarm and puts the old handler back, so an
operation that finishes in time leaves nothing behind.

The same script runs under CPython; under sigpy, a long builtin (a huge
`sort`, `join` or big-int power) is interrupted too instead of holding
the alarm until it returns.
"""

import signal
import sys
import time


class Deadline(Exception):
    """Raised in the middle of an operation that ran out of time."""


class time_limit:
    """A context manager: the body must finish within `seconds`."""

    def __init__(self, seconds):
        self.seconds = seconds

    def _expired(self, signum, frame):
        raise Deadline("no result after %d s (interrupted in %s)"
                       % (self.seconds, frame.f_code.co_name))

    def __enter__(self):
        self.old = signal.signal(signal.SIGALRM, self._expired)
        signal.alarm(self.seconds)
        return self

    def __exit__(self, *exc):
        signal.alarm(0)
        signal.signal(signal.SIGALRM, self.old)
        return False


def collatz_longest(limit):
    """The start below `limit` with the longest Collatz chain (slow)."""
    best, best_len = 1, 1
    for start in range(1, limit):
        n, steps = start, 1
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        if steps > best_len:
            best, best_len = start, steps
    return best, best_len


def wait_for_reply(seconds):
    """Stands for a slow server: blocks in time.sleep."""
    time.sleep(seconds)
    return "reply"


def attempt(name, func, *args):
    try:
        with time_limit(limit):
            result = func(*args)
    except Deadline as e:
        print("%s: gave up: %s" % (name, e))
    else:
        print("%s: %r" % (name, result))


limit = int(sys.argv[1]) if len(sys.argv) > 1 else 1
if limit < 1:
    print("usage: timeout.py [SECONDS >= 1]", file=sys.stderr)
    sys.exit(2)

attempt("small search", collatz_longest, 1000)
attempt("huge search", collatz_longest, 10 ** 12)
attempt("quick reply", wait_for_reply, 0)
attempt("slow reply", wait_for_reply, 3600)
print("alarm left armed:", signal.alarm(0))
