# select.select and poll under a storm of SIGALRMs (a port of CPython's
# SelectEINTRTest): a timeout is honoured in full, readiness that comes
# late is reported, and a handler that raises aborts the wait.
import select
import socket
import subprocess
import time
import eintr_common as e

a, b = socket.socketpair()
e.start()
t0 = time.monotonic()
e.check("select timeout", select.select([b], [], [], 0.2), ([], [], []))
e.check("select waited its timeout", time.monotonic() - t0 >= 0.2, True)
p = select.poll()
p.register(b, select.POLLIN)
t0 = time.monotonic()
e.check("poll timeout", p.poll(200), [])
e.check("poll waited its timeout", time.monotonic() - t0 >= 0.2, True)
t0 = time.monotonic()
e.check("empty select", select.select([], [], [], 0.1), ([], [], []))
e.check("empty select waited", time.monotonic() - t0 >= 0.1, True)

# Readiness that comes late, from a peer process.
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
child = subprocess.Popen(["/proc/self/exe", "-c",
    "import socket, sys, time\n"
    "time.sleep(0.2)\n"
    "c = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
    "time.sleep(0.1)\n"
    "c.sendall(b'ready')\n"
    "c.close()\n", str(srv.getsockname()[1])])
r, w, x = select.select([srv], [], [], 30)
e.check("select listener ready", r == [srv], True)
conn, _ = srv.accept()
p = select.poll()
p.register(conn, select.POLLIN)
e.check("poll ready", p.poll(30000), [(conn.fileno(), select.POLLIN)])
e.check("data", conn.recv(10), b"ready")
e.check("peer", child.wait(), 0)
e.stop()
e.check("handler ran", e.count[0] > 0, True)

e.expect_boom("select", select.select, [b], [], [], 5)
e.expect_boom("select without a timeout", select.select, [b], [], [])
p = select.poll()
p.register(b, select.POLLIN)
e.expect_boom("poll", p.poll, 5000)
e.expect_boom("poll without a timeout", p.poll)
for s in (a, b, conn, srv):
    s.close()
e.done()
