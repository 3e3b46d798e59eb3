# socket timeouts and non-blocking mode: settimeout deadlines raise
# TimeoutError('timed out'), setblocking(False)/settimeout(0) raise
# BlockingIOError, accepted sockets follow the default timeout.
import socket

a, b = socket.socketpair()
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except socket.timeout as e:
    print("recv:", type(e).__name__, e, e.args, e.errno)
try:
    b.recvfrom(10)
except TimeoutError as e:
    print("recvfrom:", e)
a.sendall(b"data")
print(b.recv(10))

# Filling the send buffer: sendall with a timeout times out as a whole.
a.settimeout(0.05)
try:
    while True:
        a.sendall(b"x" * 65536)
except TimeoutError as e:
    print("sendall:", e)

# Non-blocking.
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    while True:
        a.send(b"y" * 65536)
except BlockingIOError as e:
    print("send:", type(e).__name__, e.errno, e)
c, d = socket.socketpair()
d.settimeout(0)
try:
    d.recv(1)
except BlockingIOError as e:
    print("recv:", e)
d.settimeout(None)
print(d.gettimeout(), d.getblocking())
c.send(b"z")
print(d.recv(1))
for s in (a, b, c, d):
    s.close()

# accept: the listener's timeout, then the accepted socket's mode.
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print("accept:", e)
srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError as e:
    print("accept non-blocking:", e)
cl = socket.create_connection(srv.getsockname())
srv.settimeout(5)
conn, _ = srv.accept()
print("accepted:", conn.gettimeout(), conn.getblocking())
conn.close()
cl.close()

socket.setdefaulttimeout(2.5)
print(socket.getdefaulttimeout(), socket.socket().gettimeout())
cl = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()
print("accepted with a default:", conn.gettimeout())
socket.setdefaulttimeout(None)
conn.close()
cl.close()

# A non-blocking connect.
nb = socket.socket()
nb.setblocking(False)
try:
    nb.connect(srv.getsockname())
    print("connected at once")
except BlockingIOError as e:
    print("connect:", e)
nb.close()
nb = socket.socket()
nb.setblocking(False)
print("connect_ex:", nb.connect_ex(srv.getsockname()) in (0, 115))
nb.close()
srv.close()

# makefile reads honour the timeout.
a, b = socket.socketpair()
b.settimeout(0.05)
f = b.makefile("rb")
try:
    f.readline()
except TimeoutError as e:
    print("makefile:", e)
f.close()
a.close()
b.close()
