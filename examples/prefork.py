"""A pre-forking parent: it forks N workers, reaps them in a SIGCHLD
handler (a waitpid(-1, WNOHANG) loop, since one SIGCHLD can stand for
several exited children), restarts a worker that crashed, and on SIGTERM
stops every worker (SIGTERM to each, then reaps them all) before dying by
SIGTERM itself.

    sigpy examples/prefork.py [N]      # N workers, 3 by default

Worker 0 crashes on purpose once (exit status 3) a moment after it starts,
to show a restart. Plain Python: CPython runs it the same way.
"""
import os
import signal
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3
workers = {}  # pid -> (slot, generation)


def say(*words):
    print(*words, flush=True)


def work(slot, generation):
    """A worker's life (in the child): it crashes once if it is the first
    generation of slot 0, else it works until a signal ends it."""
    if slot == 0 and generation == 0:
        time.sleep(0.3)
        os._exit(3)
    while True:
        time.sleep(1)


def spawn(slot, generation):
    """Forks a worker. SIGTERM stays blocked until the new pid is recorded,
    so a SIGTERM handler never misses a worker."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            # The worker: the parent's handlers do not apply to it.
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
            work(slot, generation)
            os._exit(0)
        workers[pid] = (slot, generation)
        return pid
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def describe(status):
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        return "killed by " + signal.Signals(-code).name
    return "exit status %d" % code


def on_sigchld(signum, frame):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        slot, generation = workers.pop(pid)
        new = spawn(slot, generation + 1)
        say("worker %d (pid %d) ended with %s: restarted as pid %d"
            % (slot, pid, describe(status), new))


def on_sigterm(signum, frame):
    # From here on this handler reaps; no more restarts.
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    pids = sorted(workers)
    say("stopping %d workers" % len(pids))
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for pid in pids:
        try:
            _, status = os.waitpid(pid, 0)
            say("reaped", pid, describe(status))
        except ChildProcessError:
            say("reaped", pid, "earlier")
        workers.pop(pid, None)
    say("all workers stopped:", " ".join(str(p) for p in pids))
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


signal.signal(signal.SIGCHLD, on_sigchld)
signal.signal(signal.SIGTERM, on_sigterm)
for slot in range(N):
    spawn(slot, 0)
say("ready: %d workers:" % N, " ".join(str(p) for p in sorted(workers)))
while True:
    signal.pause()
