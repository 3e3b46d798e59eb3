# 100,000 socket round trips while SIGALRM fires 2,000 times a second at a
# counting handler: no exception, every byte accounted for, the handler
# count non-zero (the storm test of issue 5, for sockets).
import signal
import socket
import eintr_common as e

N = 100000
a, b = socket.socketpair()
signal.signal(signal.SIGALRM, e._count)
signal.setitimer(signal.ITIMER_REAL, 0.0005, 0.0005)
sent = received = echoed = 0
for i in range(N):
    msg = b"m%d;" % i
    a.sendall(msg)
    sent += len(msg)
    got = b.recv(len(msg))
    while len(got) < len(msg):
        got += b.recv(len(msg) - len(got))
    received += len(got)
    b.sendall(got)
    back = a.recv(len(msg))
    while len(back) < len(msg):
        back += a.recv(len(msg) - len(back))
    if back != msg:
        raise AssertionError("round trip %d: got %r, want %r" % (i, back, msg))
    echoed += len(back)
e.stop()
e.check("every byte accounted for", (received, echoed), (sent, sent))
e.check("handler ran", e.count[0] > 0, True)
print("signals handled:", e.count[0] > 0)
e.done()
