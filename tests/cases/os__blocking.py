# Blocking modes of fds: os.pipe() fds behave as blocking ones, O_NONBLOCK
# asked for by the program gives BlockingIOError, dup2 onto a standard fd
# leaves it blocking (what a child would inherit).
import os


def nonblocking_flag(fd):
    with open("/proc/self/fdinfo/%d" % fd) as f:
        flags = int(f.read().split("flags:")[1].split()[0], 8)
    return bool(flags & os.O_NONBLOCK)


r, w = os.pipe()
print(os.get_blocking(r), os.get_blocking(w), os.get_inheritable(r), os.get_inheritable(w))
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e)
os.write(w, b"data")
print(os.read(r, 10))
os.set_blocking(r, True)
print(os.get_blocking(r))
os.write(w, b"more")
print(os.read(r, 10))

saved = os.dup(0)
print(os.get_inheritable(saved))
print(os.dup2(r, 0), os.get_inheritable(0), nonblocking_flag(0))
os.write(w, b"via fd 0")
print(os.read(0, 100))
print(os.dup2(saved, 0, inheritable=False) == 0, os.get_inheritable(0))
os.set_inheritable(0, True)
print(os.get_inheritable(0))
for fd in (r, w, saved):
    os.close(fd)
for bad in [lambda: os.get_blocking(r), lambda: os.set_blocking(-1, True),
            lambda: os.get_inheritable(9999), lambda: os.set_inheritable(9999, True),
            lambda: os.isatty("x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(os.isatty(9999))
