# os.read, os.write, os.waitpid, os.wait and os.open of a FIFO under a
# storm of SIGALRMs (CPython's OSEINTRTest and FileEINTRTest.test_os_open):
# each call completes with the right result; a raising handler aborts it.
import os
import sys
import time
import eintr_common as e

SLEEP = 0.2


def child(body):
    """Forks a child that runs body() and exits 0 (at once, _exit)."""
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            body()
        finally:
            os._exit(0)
    return pid


def reap(pid):
    p, status = os.waitpid(pid, 0)
    return p == pid and os.waitstatus_to_exitcode(status)


# os.read of a pipe that a forked child feeds after a while.
e.start()
r, w = os.pipe()
data = [b"hello", b"world", b"spam"]


def feed():
    os.close(r)
    for item in data:
        time.sleep(SLEEP / 4)
        os.write(w, item)


pid = child(feed)
os.close(w)
got = [os.read(r, len(item)) for item in data]
e.check("os.read of a pipe fed later", got, data)
e.check("feeding child exited 0", reap(pid), 0)
os.close(r)

# os.write of a large payload to a pipe a forked child reads slowly.
payload = b"x" * (4 * 1024 * 1024)
r, w = os.pipe()


def drain():
    os.close(w)
    time.sleep(SLEEP)
    total = 0
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        total += len(chunk)
        time.sleep(0.001)
    os._exit(0 if total == len(payload) else 1)


pid = child(drain)
os.close(r)
written = 0
while written < len(payload):
    written += os.write(w, payload[written:])
os.close(w)
e.check("os.write of a large payload", written, len(payload))
e.check("the reader got every byte", reap(pid), 0)

# os.waitpid and os.wait for children that sleep.
pid = child(lambda: time.sleep(SLEEP))
e.check("os.waitpid of a sleeping child", reap(pid), 0)
pid = child(lambda: time.sleep(SLEEP))
p, status = os.wait()
e.check("os.wait of a sleeping child", (p == pid, status), (True, 0))
pid = child(lambda: time.sleep(SLEEP))
p, status = os.waitpid(-1, 0)
e.check("os.waitpid(-1) of a sleeping child", (p == pid, status), (True, 0))

# os.open of a FIFO, which blocks until a forked child opens the other end.
fifo = "/tmp/sigpy_eintr_fifo_%d" % os.getpid()
os.system("mkfifo " + fifo)


def open_writer():
    time.sleep(SLEEP)
    fd = os.open(fifo, os.O_WRONLY)
    os.write(fd, b"through the fifo")
    os.close(fd)


pid = child(open_writer)
fd = os.open(fifo, os.O_RDONLY)
e.check("os.open of a FIFO", os.read(fd, 100), b"through the fifo")
os.close(fd)
e.check("the FIFO writer exited 0", reap(pid), 0)
e.check("handler ran", e.count[0] > 0, True)
e.stop()

# A raising handler aborts each call; the child is reaped afterwards.
r, w = os.pipe()
e.expect_boom("os.read", os.read, r, 10)
pid = child(lambda: time.sleep(5))
e.expect_boom("os.waitpid", os.waitpid, pid, 0)
e.expect_boom("os.wait", os.wait)
os.kill(pid, 9)
e.check("the child is still there to reap", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), -9)
big = b"y" * (1 << 20)


def fill():
    while True:
        os.write(w, big)


e.expect_boom("os.write to a full pipe", fill)
os.close(r)
os.close(w)
e.expect_boom("os.open of a FIFO", os.open, fifo, os.O_RDONLY)
os.remove(fifo)
e.done()
