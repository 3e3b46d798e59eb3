# socket: creation, attributes and repr shapes, echo over socketpair, TCP
# and UDP, AF_UNIX on a path, the context manager, close and makefile.
import os
import socket


def shape(s):
    r = repr(s).replace("fd=%d," % s.fileno(), "fd=N,")
    for get, name in ((s.getsockname, "PORT"), (s.getpeername, "PEER")):
        try:
            a = get()
        except OSError:
            continue
        if isinstance(a, tuple) and a[1]:
            r = r.replace(", %d)" % a[1], ", %s)" % name)
    return r


print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), socket.AF_INET == 2, int(socket.SOCK_STREAM))
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SO_ERROR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR, socket.SOMAXCONN)
print(socket.timeout is TimeoutError, socket.error is OSError, issubclass(socket.gaierror, OSError))
print(socket.socket, socket.gaierror)

s = socket.socket()
print(shape(s))
print(s.family, s.type, s.proto, repr(s.family), repr(s.type))
print(s.gettimeout(), s.getblocking(), socket.getdefaulttimeout())
print(isinstance(s, socket.socket), type(s).__name__)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
s.bind(("127.0.0.1", 0))
host, port = s.getsockname()
print(host, port > 0, shape(s))
s.listen(5)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))

# TCP echo.
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
c.connect(("127.0.0.1", port))
conn, addr = s.accept()
print(addr == c.getsockname(), conn.getpeername() == c.getsockname())
print(shape(conn))
print(conn.gettimeout(), conn.getblocking())
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
print(c.send(b"ping"))
print(conn.recv(4))
conn.sendall(b"pong" * 1000)
got = b""
while len(got) < 4000:
    got += c.recv(1000)
print(len(got), got[:8])
c.shutdown(socket.SHUT_WR)
print(conn.recv(10))
conn.close()
print(c.recv(10))
c.close()

# create_connection and a makefile line protocol.
c = socket.create_connection(("127.0.0.1", port))
conn, _ = s.accept()
rf = conn.makefile("r")
wf = conn.makefile("w")
cf = c.makefile("rwb")
print(type(rf).__name__ != "", rf.readable(), wf.writable())
cf.write(b"first line\nsecond\r\nthird")
cf.flush()
c.shutdown(socket.SHUT_WR)
print(repr(rf.readline()))
print(repr(rf.readline()))
print(repr(rf.readline()))
print(repr(rf.readline()))
wf.write("reply 1\n")
wf.writelines(["reply 2\n", "reply 3\n"])
wf.flush()
print(cf.readline(), cf.readline())
print(cf.read(3), cf.readline())
wf.close()
rf.close()
conn.close()
print(cf.read())
cf.close()
c.close()

# Iterating a makefile, and read(n) in text mode.
c = socket.create_connection(("127.0.0.1", port), timeout=5)
print(c.gettimeout())
conn, _ = s.accept()
c.sendall("a\nbé\nc\n".encode("utf-8"))
c.close()
f = conn.makefile()
print(f.read(3))
print(list(f))
f.close()
# The socket stays open while a makefile is open; closes after.
fd = conn.fileno()
f = conn.makefile("rb")
conn.close()
print(f.read())
f.close()
print(conn.fileno())
print(shape(conn))

# socketpair.
a, b = socket.socketpair()
print(shape(a), a.family, a.type)
print(a.getsockname(), b.getpeername())
a.sendall(b"over the pair")
print(b.recv(100))
b.close()
print(a.recv(10))
a.close()

# UDP.
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
print(shape(u))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(v.sendto(b"datagram", u.getsockname()))
data, frm = u.recvfrom(100)
print(data, frm[0], frm[1] == v.getsockname()[1])
u.sendto(b"back", 0, frm)
print(v.recvfrom(2)[0])
v.connect(u.getsockname())
v.send(b"connected")
print(u.recv(100))
u.close()
v.close()

# AF_UNIX on a path.
path = "/tmp/sigpy-socket-basics-%d.sock" % os.getpid()
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen()
print(srv.getsockname() == path, shape(srv).replace(path, "PATH"))
cl = socket.socket(socket.AF_UNIX)
cl.connect(path)
peer, addr = srv.accept()
print(repr(addr), cl.getpeername() == path)
cl.sendall(b"unix")
print(peer.recv(10))
for x in (peer, cl, srv):
    x.close()
os.unlink(path)

# IPv6 addresses are 4-tuples.
s6 = socket.socket(socket.AF_INET6)
s6.bind(("::1", 0))
a6 = s6.getsockname()
print(a6[0], len(a6), a6[2:], s6.family)
s6.close()

# The context manager closes; a closed socket's repr and fileno.
with socket.socket() as w:
    print(w.fileno() >= 0)
print(w.fileno(), shape(w))
s.close()
s.close()
print(repr(s))

# getaddrinfo for numeric hosts and localhost.
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("127.0.0.1", None, socket.AF_INET))
print(socket.getaddrinfo("localhost", "8080", socket.AF_INET, socket.SOCK_DGRAM))
print(socket.getaddrinfo("::1", 443, socket.AF_INET6, socket.SOCK_STREAM))
print(type(socket.gethostname()).__name__)
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.inet_aton("1.2.3.4"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))

# makefile encodings and reprs.
a, b = socket.socketpair()
w = a.makefile("w", encoding="latin-1")
r = b.makefile("r", encoding="latin-1", newline="")
print(repr(w).replace("name=%d" % a.fileno(), "name=N"), repr(r).replace("name=%d" % b.fileno(), "name=N"), w.encoding, r.errors)
w.write("caf\xe9\r\nna\xefve\n")
w.flush()
print(repr(r.readline()), repr(r.readline()))
f = a.makefile()
print(repr(f).replace("name=%d" % a.fileno(), "name=N"), f.encoding)
print(repr(a.makefile("rb")).replace("name=%d" % a.fileno(), "name=N"), repr(a.makefile("wb")).replace("name=%d" % a.fileno(), "name=N"))
print(repr(a.makefile("rwb")).startswith("<_io.BufferedRWPair object at "))
try:
    a.makefile("r", encoding="nope")
except LookupError as e:
    print("LookupError:", e)
a.close()
b.close()

# The enums.
print(socket.AddressFamily(2), repr(socket.AddressFamily(10)), repr(socket.SocketKind(2)))
print(socket.AddressFamily.AF_INET, socket.AF_INET.name, socket.AF_INET.value)
print(socket.SOCK_STREAM | socket.SOCK_CLOEXEC, socket.AF_INET + 0, socket.AF_INET == socket.AddressFamily.AF_INET)
try:
    socket.AddressFamily(99)
except ValueError as e:
    print("ValueError:", e)
