# socket.makefile('w'/'wb') buffers its writes as CPython's: nothing is
# sent until flush(), close(), leaving a with block, or a full buffer;
# buffering=0 (binary only) sends each write at once.
import socket

a, b = socket.socketpair()
b.setblocking(False)


def pending():
    try:
        return b.recv(100000)
    except BlockingIOError:
        return 'nothing'


def show(fn):
    try:
        r = fn()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('->', repr(r))


w = a.makefile('wb')
print(w.write(b'hello '), pending())
print(w.write(b'world\n'), pending())
w.flush()
print(pending())
print(w.write(b'x' * 10000), len(pending()) if True else None)
print(w.write(b'tail'), pending())
w.close()
print(pending(), w.closed)
show(lambda: w.write(b'more'))
show(lambda: w.flush())

t = a.makefile('w')
print(t.write('line 1\n'), t.write('line 2\n'), pending())
t.flush()
print(pending())
t.write('é\n')
t.close()
print(pending())

with a.makefile('w', encoding='latin-1', newline='\r\n') as t:
    t.write('a\nb\n')
    print(pending())
print(pending())

u = a.makefile('wb', buffering=0)
print(u.write(b'now'), pending())
print(type(u.write(b'!')).__name__, pending())
u.close()
show(lambda: a.makefile('w', buffering=0))
show(lambda: a.makefile('r', buffering=0))
r0 = a.makefile('rb', buffering=0)
r0.close()

big = a.makefile('wb', buffering=100)
big.write(b'1' * 50)
print(pending())
big.write(b'2' * 200)
print(len(pending()))
big.close()
print(pending())

# Text mode holds 8192 bytes whatever the buffer size.
t = a.makefile('w', buffering=10)
t.write('abc' * 10)
print(pending())
t.write('z' * 9000)
print(len(pending()))
t.close()
print(len(pending()))

# A read-write file buffers its writes too.
rw = a.makefile('rwb')
rw.write(b'ping\n')
print(pending())
rw.flush()
print(pending())
b.sendall(b'pong\n')
print(rw.readline())
rw.close()

# The socket stays open until its files close; closing them flushes.
w = a.makefile('wb')
w.write(b'last words\n')
a.close()
print(pending())
w.close()
print(pending(), a.fileno())

# A file dropped without close() flushes (as CPython's, at once). (sigpy
# then keeps the socket's fd open until the program ends; CPython closes
# it with the socket, so nothing here looks at that.)
b.close()
a, b = socket.socketpair()
b.setblocking(False)


def scope():
    f = a.makefile('w')
    f.write('dropped\n')
    g = a.makefile('wb')
    g.write(b'dropped too\n')


scope()
print(pending())
b.close()
