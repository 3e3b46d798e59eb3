# The fds a script opens get CPython's numbers: sigpy's own fds (signalfd,
# io_uring, eventfds) live at 1000 and above, so the first pipe is (3, 4).
# (Numbers stay below 10: the test machine may hand down fds above.)
import os, socket, select, signal, time

r, w = os.pipe()
print('pipe', r, w)
s = socket.socket()
print('socket', s.fileno())
a, b = socket.socketpair()
print('socketpair', a.fileno(), b.fileno())
f = open(__file__)
print('open', f.fileno())
s.close()
fd = os.open(__file__, os.O_RDONLY)
print('os.open', fd)
d = os.dup(fd)
print('dup', d)
signal.signal(signal.SIGALRM, lambda *a: None)
signal.setitimer(signal.ITIMER_REAL, 0.01)
time.sleep(0.03)
p = select.poll()
p.register(r, select.POLLIN)
print(p.poll(0))
for x in (a, b, f):
    x.close()
for x in (fd, d):
    os.close(x)
r2, w2 = os.pipe()
print('after a handler, a sleep and a poll', r2, w2)
for x in (r, w, r2, w2):
    os.close(x)
print('reused', os.pipe())
