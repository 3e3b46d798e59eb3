# Every name of the errno module, errorcode, and OSError subclasses by errno.
import errno

names = sorted(n for n in dir(errno) if n.startswith("E"))
print(len(names))
for n in names:
    print(n, getattr(errno, n))
print(len(errno.errorcode))
print(sorted(errno.errorcode.items()))
print(list(errno.errorcode.items())[:10])
print(errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.errorcode[errno.ENOTSUP])
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.ENOTSUP == errno.EOPNOTSUPP)
for n in sorted(errno.errorcode):
    e = OSError(n, "msg")
    if type(e) is not OSError:
        print(n, errno.errorcode[n], type(e).__name__)
print(errno.__name__)
