import os, os.path
from os import path
print(path is os.path, os.path.__name__)
D = '/tmp/sigpy-os-files-test'
if os.path.exists(D):
    for n in os.listdir(D):
        os.remove(os.path.join(D, n))
    os.rmdir(D)
os.mkdir(D)
print(os.path.isdir(D), os.path.isfile(D), os.path.exists(D))
f = os.path.join(D, 'a.txt')
fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.get_inheritable(fd), os.get_blocking(fd))
print(os.write(fd, b'hello world\n'))
os.fsync(fd)
os.close(fd)
st = os.stat(f)
print(st.st_size, st[6], len(st), oct(st.st_mode & 0o777), st.st_mode & 0o170000 == 0o100000)
print(type(st).__name__, isinstance(st.st_mtime, float), isinstance(st[8], int), st.st_mtime_ns // 10**9 == st[8])
print(os.path.getsize(f), os.path.isfile(f))
fd = os.open(f, os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
fd2 = os.dup(fd)
print(fd2 != fd, os.get_inheritable(fd2))
os.close(fd2)
os.close(fd)
os.rename(f, os.path.join(D, 'b.txt'))
print(sorted(os.listdir(D)))
os.replace(os.path.join(D, 'b.txt'), os.path.join(D, 'c.txt'))
print(sorted(os.listdir(D)), os.listdir(D.encode()))
os.makedirs(os.path.join(D, 'x', 'y', 'z'))
os.makedirs(os.path.join(D, 'x', 'y'), exist_ok=True)
try:
    os.makedirs(os.path.join(D, 'x', 'y'))
except FileExistsError as e:
    print('exists', e.filename == os.path.join(D, 'x', 'y'), e.errno)
old = os.getcwd()
os.chdir(D)
print(os.getcwd() == D, os.path.abspath('q/../r') == D + '/r', sorted(os.listdir()))
os.chdir(old)
os.rmdir(os.path.join(D, 'x', 'y', 'z'))
os.rmdir(os.path.join(D, 'x', 'y'))
os.rmdir(os.path.join(D, 'x'))
os.unlink(os.path.join(D, 'c.txt'))
os.rmdir(D)
print(os.path.exists(D))
r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r), os.get_blocking(w))
os.write(w, b'abc')
print(os.read(r, 10))
os.close(w)
print(os.read(r, 10))
os.close(r)
for p in ['', '/', 'a', 'a/b', '/a/b/', 'a/b.c', '.bashrc', 'a/.b.c.d', '//x', '///x/../y', 'a/./b/../c', b'a/b.x', 'x..', '...']:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p), os.path.normpath(p), os.path.isabs(p))
print(os.path.join('a', 'b', '/c', 'd'), os.path.join('a/', 'b'), os.path.join(''), os.path.join('', 'x'), os.path.join(b'a', b'b'))
for args in [(1,), ('a', 1), ('a', b'b'), (None,)]:
    try:
        os.path.join(*args)
    except TypeError as e:
        print('TypeError', e)
print(os.path.join.__name__, os.sep, os.linesep == '\n', os.devnull, os.name, os.curdir, os.pardir, os.error is OSError)
print(os.strerror(2), os.strerror(13))
print(os.WIFEXITED(256), os.WEXITSTATUS(256), os.WIFSIGNALED(9), os.WTERMSIG(9), os.WIFSTOPPED(0x137f), os.WSTOPSIG(0x137f))
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND, os.O_NONBLOCK, os.O_CLOEXEC, os.WNOHANG)
class P:
    def __fspath__(self):
        return '/tmp'
print(os.path.isdir(P()), os.fspath(P()), os.path.join(P(), 'x'))
