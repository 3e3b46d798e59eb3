# recv_into, recvfrom_into and readinto under a storm of SIGALRMs: each
# waits for a peer that writes late and completes with the right bytes in
# the caller's bytearray (or a view of it). The handler touches the same
# bytearray while the calls wait: it reads and writes items in place, and
# resizing it fails with BufferError (the call holds the buffer, as in
# CPython). Then a handler that raises aborts each call.
import os
import signal
import socket
import subprocess
import eintr_common as e

SLEEP = 0.2

PEER = """
import socket, sys, time
port, sleep = int(sys.argv[1]), float(sys.argv[2])
c = socket.create_connection(("127.0.0.1", port))
time.sleep(sleep)
c.sendall(b"abcdefghij")
time.sleep(sleep)
c.sendall(b"KLMNO")
c.close()
"""

# A connected datagram socket that sends once, late.
DATAGRAM_PEER = """
import socket, sys, time
d = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
d.connect(("127.0.0.1", int(sys.argv[1])))
time.sleep(float(sys.argv[2]))
d.send(b"late datagram")
"""

target = bytearray(10)
touched = [0, 0]


def touch(signum, frame):
    """Counts, touches the target in place, and tries to resize it."""
    touched[0] += 1
    target[-1] = target[-1]
    try:
        target.append(0)
        target.pop()
    except BufferError:
        touched[1] += 1


def peer(code, *args):
    return subprocess.Popen(["/proc/self/exe", "-c", code] + [str(a) for a in args])


srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
child = peer(PEER, srv.getsockname()[1], SLEEP)
conn, _ = srv.accept()

signal.signal(signal.SIGALRM, touch)
signal.setitimer(signal.ITIMER_REAL, e.DELAY, e.PERIOD)
got = 0
while got < 10:
    n = conn.recv_into(memoryview(target)[got:]) if got else conn.recv_into(target)
    if n == 0:
        break
    got += n
e.check("recv_into", bytes(target), b"abcdefghij")
view = memoryview(target)
got = 0
while got < 5:
    n = conn.recv_into(view[got:], 5 - got)
    if n == 0:
        break
    got += n
view.release()
e.check("recv_into a view with nbytes", bytes(target), b"KLMNOfghij")
e.check("peer", child.wait(), 0)
conn.close()

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
child = peer(DATAGRAM_PEER, u.getsockname()[1], SLEEP)
target[:] = bytes(20)
n, frm = u.recvfrom_into(target)
e.check("recvfrom_into", (bytes(target[:n]), frm[0]), (b"late datagram", "127.0.0.1"))
e.check("udp peer", child.wait(), 0)

r, w = os.pipe()
os.set_inheritable(w, True)
os.system("(sleep %s; printf 'pipe '; sleep %s; printf 'data') >&%d &" % (SLEEP, SLEEP, w))
os.close(w)
target[:] = bytes(9)
with open(r, "rb") as f:
    e.check("readinto", (f.readinto(target), bytes(target)), (9, b"pipe data"))
    e.check("readinto at the end", f.readinto(target), 0)
e.stop()
e.check("handler ran", touched[0] > 0, True)
e.check("resize refused while a call held the buffer", touched[1] > 0, True)
e.check("the target kept its size", len(target), 9)

# A raising handler aborts each call.
a, b = socket.socketpair()
e.expect_boom("recv_into", b.recv_into, bytearray(10))
e.expect_boom("recv_into a view", b.recv_into, memoryview(bytearray(10))[2:])
e.expect_boom("recvfrom_into", u.recvfrom_into, bytearray(10))
r, w = os.pipe()
with open(r, "rb", buffering=0) as f:
    e.expect_boom("raw readinto", f.readinto, bytearray(5))
r2, w2 = os.pipe()
with open(r2, "rb") as f:
    e.expect_boom("buffered readinto", f.readinto, bytearray(5))
for s in (a, b, u, srv):
    s.close()
os.close(w)
os.close(w2)
e.done()
