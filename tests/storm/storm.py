# A signal storm over blocking I/O (run by tests/storm.rs, which sends
# SIGUSR1 to this process about 2,000 times a second once it prints
# "ready"): round trips through a pipe pair and a socket pair to a forked
# echo child, alternating; every byte must come back, no call may raise.
import os
import signal
import socket
import sys

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
count = 0


def handler(signum, frame):
    global count
    count += 1


signal.signal(signal.SIGUSR1, handler)
to_child_r, to_child_w = os.pipe()
from_child_r, from_child_w = os.pipe()
mine, theirs = socket.socketpair()

pid = os.fork()
if pid == 0:
    # The echo child: the signals go to the parent only.
    os.close(to_child_w)
    os.close(from_child_r)
    mine.close()
    try:
        for i in range(ROUNDS):
            if i % 2 == 0:
                data = os.read(to_child_r, 4096)
                while data:
                    n = os.write(from_child_w, data)
                    data = data[n:]
            else:
                theirs.sendall(theirs.recv(4096))
    finally:
        os._exit(0)

os.close(to_child_r)
os.close(from_child_w)
theirs.close()
print("ready", flush=True)


def read_exactly(read, n):
    parts = []
    while n > 0:
        chunk = read(n)
        if not chunk:
            raise EOFError("the echo child closed early")
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


sent = received = 0
for i in range(ROUNDS):
    msg = b"%d:%s\n" % (i, b"x" * (i % 200))
    if i % 2 == 0:
        os.write(to_child_w, msg)
        back = read_exactly(lambda n: os.read(from_child_r, n), len(msg))
    else:
        mine.sendall(msg)
        back = read_exactly(mine.recv, len(msg))
    if back != msg:
        raise AssertionError("round trip %d came back as %r" % (i, back[:40]))
    sent += len(msg)
    received += len(back)

_, status = os.waitpid(pid, 0)
print("round trips", ROUNDS, "bytes", sent, received, "child", os.waitstatus_to_exitcode(status))
print("handler ran", count, "times")
