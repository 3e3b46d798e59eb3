# Signal handlers while socket calls and select wait: a handler that sends
# on the socket being read wakes the reader with its data, a handler that
# raises aborts the wait with its exception, one that returns lets the wait
# go on to its timeout; dup/fromfd.
import select
import signal
import socket

a, b = socket.socketpair()


def send_from_handler(signum, frame):
    print("handler: sending")
    a.sendall(b"from the handler")


signal.signal(signal.SIGALRM, send_from_handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(b.recv(100))
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(select.select([b], [], [], 10)[0] == [b], b.recv(100))


class Stop(Exception):
    pass


def stop(signum, frame):
    raise Stop("stopped by signal %d" % signum)


signal.signal(signal.SIGALRM, stop)
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
for name, call in [("accept", srv.accept), ("recv", lambda: b.recv(10)),
                   ("select", lambda: select.select([b], [], [])),
                   ("poll", lambda: p.poll())]:
    p = select.poll()
    p.register(b, select.POLLIN)
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        call()
        print(name, "returned")
    except Stop as e:
        print(name, "->", e)

ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
b.settimeout(0.2)
try:
    b.recv(10)
except TimeoutError as e:
    print("recv after handlers that return:", e, len(ticks) > 0)
print(select.select([b], [], [], 0.1), len(ticks) > 1)
signal.setitimer(signal.ITIMER_REAL, 0)

c = b.dup()
print(c.family, c.type, c.gettimeout(), c.fileno() != b.fileno())
b.close()
a.send(b"to the dup")
print(c.recv(100))
d = socket.fromfd(c.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
a.send(b"to fromfd")
print(d.recv(100))
for s in (a, c, d, srv):
    s.close()
try:
    socket.dup(-1)
except OSError as e:
    print(type(e).__name__, e)

# A handler that closes the socket being waited on: the call fails with
# EBADF once the handler returns (CPython retries the call on a closed fd).
a, b = socket.socketpair()
signal.signal(signal.SIGALRM, lambda s, f: b.close())
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    print(b.recv(10))
except OSError as e:
    print("recv on a socket closed by the handler:", type(e).__name__, e)
a2, b2 = socket.socketpair()
signal.signal(signal.SIGALRM, lambda s, f: b2.close())
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    print(select.select([b2], [], [], 5))
except OSError as e:
    print("select on a socket closed by the handler:", type(e).__name__, e)
a3, b3 = socket.socketpair()
a3.setblocking(False)
try:
    while True:
        a3.send(b"x" * 65536)
except BlockingIOError:
    pass
a3.setblocking(True)
signal.signal(signal.SIGALRM, lambda s, f: a3.close())
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a3.sendall(b"y" * 100000)
except OSError as e:
    print("sendall on a socket closed by the handler:", type(e).__name__, e)
for s in (a, a2, b3):
    s.close()
