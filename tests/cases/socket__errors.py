# socket: every bad input gets CPython's exception and message (refused
# connections, address in use, closed sockets, wrong types, bad addresses).
import socket


def t(label, f, *args):
    try:
        r = f(*args)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


t("family 99", socket.socket, 99)
t("family str", socket.socket, "x")
t("type 99", socket.socket, socket.AF_INET, 99)
t("negative fileno", socket.socket, socket.AF_INET, socket.SOCK_STREAM, 0, -5)

s = socket.socket()
t("settimeout str", s.settimeout, "x")
t("settimeout -1", s.settimeout, -1)
t("setblocking str", s.setblocking, "x")
t("recv str", s.recv, "x")
t("recv -1", s.recv, -1)
t("recvfrom -1", s.recvfrom, -1)
t("send str", s.send, "text")
t("sendall int", s.sendall, 5)
t("sendto str", s.sendto, "text", ("127.0.0.1", 9))
t("recv unconnected", s.recv, 10)
t("send unconnected", s.send, b"x")
t("getpeername", s.getpeername)
t("shutdown 5", s.shutdown, 5)
t("shutdown unconnected", s.shutdown, socket.SHUT_RDWR)
t("listen str", s.listen, "x")
t("setsockopt str", s.setsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, "x")
t("getsockopt bad", s.getsockopt, socket.SOL_SOCKET, 9999)

for addr in [("127.0.0.1",), ("127.0.0.1", "x"), "127.0.0.1", ("127.0.0.1", 70000),
             ("127.0.0.1", -1), (1, 2), ("1.2.3.4.5", 0), ["127.0.0.1", 0], ("127.0.0.1", 1, 2)]:
    t("bind %r" % (addr,), s.bind, addr)
s.close()

# Connection refused: a port that was just closed.
dead = socket.socket()
dead.bind(("127.0.0.1", 0))
port = dead.getsockname()[1]
dead.close()
c = socket.socket()
t("connect refused", c.connect, ("127.0.0.1", port))
c.close()
c = socket.socket()
print("connect_ex refused", c.connect_ex(("127.0.0.1", port)))
c.close()
t("create_connection refused", socket.create_connection, ("127.0.0.1", port))

# Address already in use.
a = socket.socket()
a.bind(("127.0.0.1", 0))
a.listen()
b = socket.socket()
t("bind in use", b.bind, a.getsockname())
b.close()

# Connecting twice, accepting on a non-listening socket.
c = socket.socket()
c.connect(a.getsockname())
t("connect again", c.connect, a.getsockname())
t("accept unlistened", c.accept)
conn, _ = a.accept()
conn.close()
c.close()
a.close()

# A closed socket.
for name in ("recv", "send", "bind", "listen", "accept", "getsockname", "getpeername",
             "settimeout", "setblocking", "shutdown", "connect"):
    m = getattr(c, name)
    args = {"recv": (1,), "send": (b"x",), "bind": (("127.0.0.1", 0),),
            "settimeout": (1,), "setblocking": (True,), "shutdown": (0,),
            "connect": (("127.0.0.1", 1),)}.get(name, ())
    t("closed " + name, m, *args)
print("closed fileno", c.fileno())
c.close()

# AF_INET6 and AF_UNIX address shapes.
s6 = socket.socket(socket.AF_INET6)
t("bind6 short", s6.bind, ("::1",))
t("bind6 str", s6.bind, "::1")
t("bind6 v4 host", s6.bind, ("127.0.0.1", 0))
s6.close()
u = socket.socket(socket.AF_UNIX)
t("unix tuple", u.bind, ("127.0.0.1", 0))
t("unix missing dir", u.connect, "/nonexistent-dir/x.sock")
t("unix too long", u.bind, "/tmp/" + "x" * 200)
u.close()

# UDP without an address.
d = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
t("sendto 1 arg", d.sendto, b"x")
t("sendto bad addr", d.sendto, b"x", "host")
d.close()

t("getaddrinfo bad name", socket.getaddrinfo, "no.such.host.invalid", 80)
t("getaddrinfo host int", socket.getaddrinfo, 5, 80)
t("inet_aton bad", socket.inet_aton, "1.2.3")
t("inet_ntoa bad", socket.inet_ntoa, b"\x01\x02")
t("htons big", socket.htons, 70000)
t("setdefaulttimeout -1", socket.setdefaulttimeout, -1)

r, w = socket.socketpair()
t("recv_into bytes", r.recv_into, b"abc")
t("makefile mode", r.makefile, "rx")
f = r.makefile("r")
t("write to read file", f.write, "x")
f.close()
t("read closed file", f.readline)
f = r.makefile("wb")
t("write str to binary", f.write, "x")
f.close()
r.close()
w.close()

# Argument counts and ranges.
s = socket.socket()
for name, args in [("recv", ()), ("recvfrom", (1, 2, 3)), ("send", ()), ("sendall", (1, 2, 3)),
                   ("shutdown", ()), ("listen", (1, 2)), ("settimeout", ()), ("setblocking", ()),
                   ("getsockopt", (1,)), ("connect_ex", ()), ("bind", ()), ("connect", (1, 2)),
                   ("sendto", ()), ("setsockopt", (1, 2))]:
    t(name + str(args), getattr(s, name), *args)
t("recv huge", s.recv, 2 ** 63)
t("settimeout 1e300", s.settimeout, 1e300)
t("settimeout inf", s.settimeout, float("inf"))
t("settimeout nan", s.settimeout, float("nan"))
print(s.gettimeout())
t("getsockopt buflen 2000", s.getsockopt, socket.SOL_SOCKET, socket.SO_TYPE, 2000)
t("getsockopt buflen 4", s.getsockopt, socket.SOL_SOCKET, socket.SO_TYPE, 4)
t("socket bad keyword", socket.socket, fam=1)
t("recv keyword", s.recv, bufsize=10)
s.close()

# A peer that went away.
a, b = socket.socketpair()
b.close()
t("send to a closed peer", a.send, b"x")
t("sendall to a closed peer", a.sendall, b"x" * 100000)
print("recv from a closed peer", a.recv(10))
a.close()
