# open(): text and binary files, modes, iteration, with, errors.
import os
path = "/tmp/sigpy-case-files-%d.txt" % os.getpid()
with open(path, "w") as f:
    print(f.write("line one\n"), f.write("second ünï\r\nthird"))
    print(f.closed, f.name == path, f.mode, f.writable(), f.readable())
print(f.closed)
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print([line for line in f])
with open(path) as f:
    print(f.readlines())
with open(path, "a") as f:
    f.writelines(["\nfourth\n", "fifth\n"])
with open(path) as f:
    print(repr(f.read(5)), repr(f.read()))
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:9])
with open(path, "wb") as f:
    print(f.write(b"\x00\x01binary"))
with open(path, "rb") as f:
    print(f.read())
f = open(path, "r")
f.close()
f.close()
for call in (lambda: f.read(), lambda: f.readline(), lambda: open(path, "w").read(), lambda: open(path).write("x")):
    try:
        call()
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
for args in (("no/such/file.txt",), (path, "z"), (path, "rw"), (999,), (".",)):
    try:
        open(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == path)
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print(e)
os.remove(path)
try:
    os.remove(path)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename == path)
print("done")
