# Socket calls under a storm of SIGALRMs (a port of CPython's
# SocketEINTRTest): accept of a peer that connects late, recv of data it
# sends late, sendall of a large payload it reads slowly, recvfrom of a
# late datagram; each completes with the right result. Then a handler that
# raises aborts each call with its exception. The peer is a second sigpy
# process (/proc/self/exe).
import socket
import subprocess
import eintr_common as e

SLEEP = 0.2
PAYLOAD = 4 * 1024 * 1024

PEER = """
import socket, sys, time
port, sleep, size = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
time.sleep(sleep)
c = socket.create_connection(("127.0.0.1", port))
time.sleep(sleep)
c.sendall(b"xyz" * 1000)
got = 0
while got < size:
    chunk = c.recv(65536)
    if not chunk:
        break
    got += len(chunk)
    time.sleep(0.001)
c.sendall(str(got).encode())
c.close()
"""

UDP_PEER = """
import socket, sys, time
time.sleep(float(sys.argv[2]))
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.sendto(b"late datagram", ("127.0.0.1", int(sys.argv[1])))
u.close()
"""


def peer(code, *args):
    return subprocess.Popen(["/proc/self/exe", "-c", code] + [str(a) for a in args])


srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]

e.start()
child = peer(PEER, port, SLEEP, PAYLOAD)
conn, addr = srv.accept()
e.check("accept", addr[0], "127.0.0.1")
data = b""
while len(data) < 3000:
    chunk = conn.recv(3000 - len(data))
    if not chunk:
        break
    data += chunk
e.check("recv", data, b"xyz" * 1000)
conn.sendall(b"s" * PAYLOAD)
reply = b""
while True:
    chunk = conn.recv(100)
    if not chunk:
        break
    reply += chunk
e.check("sendall read slowly", int(reply), PAYLOAD)
conn.close()
e.check("peer", child.wait(), 0)

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
child = peer(UDP_PEER, u.getsockname()[1], SLEEP)
msg, frm = u.recvfrom(100)
e.check("recvfrom", (msg, frm[0]), (b"late datagram", "127.0.0.1"))
e.check("udp peer", child.wait(), 0)
e.stop()
e.check("handler ran", e.count[0] > 0, True)

# A raising handler aborts each call.
a, b = socket.socketpair()
e.expect_boom("recv", b.recv, 10)
e.expect_boom("recvfrom", u.recvfrom, 10)
e.expect_boom("accept", srv.accept)
b.settimeout(30)
e.expect_boom("recv with a timeout", b.recv, 10)
f = b.makefile("rb")
e.expect_boom("makefile readline", f.readline)
f.close()
# Last: the aborted sendall leaves part of its data in b.
e.expect_boom("sendall", a.sendall, b"x" * (16 * 1024 * 1024))
for s in (a, b, u, srv):
    s.close()
e.done()
