# open(): modes, buffering, encodings, newline translation, seek/tell, errors.
import os
base = "/tmp/sigpy-case-files-modes-%d" % os.getpid()
path = base + ".txt"

# --- bad modes and arguments ---
for mode in ("rz", "rr", "rw", "b", "", "rbt", "wa", "r+b+", "U", "x+t+"):
    try:
        open(path, mode)
    except ValueError as e:
        print("ValueError", mode, e)
for kw in ({"encoding": "utf-8"}, {"errors": "strict"}, {"newline": ""}):
    try:
        open(path, "wb", **kw)
    except ValueError as e:
        print("ValueError", e)
try:
    open(path, "w", buffering=0)
except ValueError as e:
    print("ValueError", e)
try:
    open(path, "w", encoding="xyz")
except LookupError as e:
    print("LookupError", e)
try:
    open(path, "w", newline="x")
except ValueError as e:
    print("ValueError", e)
for bad in (3.5, None, [path]):
    try:
        open(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    open(path, 5)
except TypeError as e:
    print("TypeError", e)

# --- text modes ---
with open(path, "w") as f:
    print(type(f).__name__, f.mode, f.readable(), f.writable(), f.seekable(), f.closed)
    print(f.write("abc\n"), f.write("dé\n"), f.tell())
    f.writelines(["x\n", "y"])
print(f.closed)
with open(path, "a") as f:
    print(f.tell())
    f.write("\nappended\n")
with open(path, "r+") as f:
    print(repr(f.read(2)), f.tell())
    print(repr(f.readline()), f.tell())
    f.seek(0)
    print(repr(f.read()))
    f.seek(0, 2)
    f.write("end\n")
    print(f.tell())
    f.seek(0)
    print(f.readlines())
with open(path, "w+") as f:
    f.write("one\ntwo\n")
    f.seek(0)
    print([line for line in f])
    print(repr(f.read()), f.tell())
with open(path, "x" if False else "a+") as f:
    f.seek(0)
    print(repr(f.read()))
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno)
os.remove(path)
with open(path, "x") as f:
    print(f.mode, f.write("new"))
print(open(path).read())

# --- binary modes ---
for mode, buffering in (("wb", -1), ("wb", 0), ("r+b", -1), ("rb", 0), ("ab", 10), ("w+b", 0), ("rb", -1)):
    with open(path, mode, buffering=buffering) as f:
        print(mode, buffering, type(f).__name__, f.mode, f.readable(), f.writable())
        if f.writable():
            print(f.write(b"bin\x00\xff\n"))
        if f.readable():
            f.seek(0)
            print(f.read(3), f.read(), f.tell())
with open(path, "rb") as f:
    print(f.readline(), f.readline(2), f.readlines())
    print(f.seek(-3, 2), f.read(), f.seek(2), f.seek(1, 1), f.read(1))

# --- latin-1 round trip of every byte ---
data = bytes(range(256))
with open(path, "wb") as f:
    f.write(data)
for enc in ("latin-1", "latin1", "iso-8859-1", "Latin_1"):
    with open(path, encoding=enc, newline="") as f:
        s = f.read()
    print(enc, len(s), s.encode("latin-1") == data, f.encoding)
with open(path, "w", encoding="latin-1", newline="") as f:
    f.write("".join(chr(i) for i in range(256)))
with open(path, "rb") as f:
    print(f.read() == data)
with open(path, "w", encoding="latin-1") as f:
    try:
        f.write("euro \u20ac")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError", e)
with open(path, "w", encoding="latin-1", errors="replace") as f:
    f.write("a\u20acb")
with open(path, "rb") as f:
    print(f.read())
with open(path, "wb") as f:
    f.write(b"ok \xff\xfe end")
for errors in ("strict", "replace", "ignore"):
    try:
        with open(path, encoding="utf8", errors=errors) as f:
            print(errors, repr(f.read()))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)

# --- newline translation ---
raw = b"a\nb\r\nc\rd"
with open(path, "wb") as f:
    f.write(raw)
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(path, newline=nl) as f:
        lines = list(f)
    with open(path, newline=nl) as f:
        whole = f.read()
    with open(path, newline=nl) as f:
        parts = [f.read(2), f.read(3), f.read()]
    print(repr(nl), lines, repr(whole), parts)
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(path, "w", newline=nl) as f:
        f.write("x\ny\r\nz\r")
    with open(path, "rb") as f:
        print(repr(nl), f.read())

# --- unicode and sizes ---
with open(path, "w") as f:
    f.write("héllo wörld\n€uro\n𝄞clef\n")
with open(path) as f:
    print(repr(f.read(3)), repr(f.readline(4)), repr(f.readline()), repr(f.read(2)), repr(f.read()))
with open(path) as f:
    print(f.readlines(3), f.readlines())

# --- buffering ---
f = open(path, "w", buffering=1)
print(f.line_buffering)
f.write("partial")
print(repr(open(path).read()))
f.write(" line\n")
print(repr(open(path).read()))
f.close()
f = open(path, "w")
print(f.line_buffering)
f.write("buffered\n")
print(repr(open(path).read()))
f.flush()
print(repr(open(path).read()))
f.close()
f = open(path, "wb", buffering=0)
f.write(b"raw")
print(open(path, "rb").read())
f.close()
# A dropped file object flushes (CPython's finalizer)
def write_and_drop():
    g = open(path, "w")
    g.write("dropped but flushed\n")
write_and_drop()
print(repr(open(path).read()))

# --- closed files and unsupported operations ---
f = open(path)
f.close()
f.close()
for name, call in (("read", lambda: f.read()), ("readline", lambda: f.readline()),
                   ("write", lambda: f.write("x")), ("seek", lambda: f.seek(0)),
                   ("tell", lambda: f.tell()), ("flush", lambda: f.flush()),
                   ("fileno", lambda: f.fileno()), ("iter", lambda: next(iter(f))),
                   ("with", lambda: f.__enter__()), ("readable", lambda: f.readable()),
                   ("isatty", lambda: f.isatty())):
    try:
        call()
    except ValueError as e:
        print(name, "ValueError", e)
import io
for mode, call in (("w", lambda f: f.read()), ("r", lambda f: f.write("x")),
                   ("wb", lambda f: f.read()), ("rb", lambda f: f.write(b"x")),
                   ("r", lambda f: f.writelines(["x"])), ("w", lambda f: f.readline())):
    with open(path, mode) as f:
        try:
            call(f)
        except io.UnsupportedOperation as e:
            print(mode, "UnsupportedOperation", e, isinstance(e, OSError))
with open(path, "w") as f:
    for bad in (b"x", 1, None):
        try:
            f.write(bad)
        except TypeError as e:
            print("TypeError", e)
with open(path, "wb") as f:
    for bad in ("x", 1):
        try:
            f.write(bad)
        except TypeError as e:
            print("TypeError", e)
with open(path) as f:
    for args in ((1, 1), (1, 2), (-1,), (0, 3)):
        try:
            f.seek(*args)
        except (ValueError, OSError) as e:
            print(args, type(e).__name__, e)

# --- missing files and directories ---
for p, mode in ((base + "/no/such", "r"), (base + "-missing", "r"), ("/tmp", "r"), ("/tmp", "w")):
    try:
        open(p, mode)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename == p)
try:
    open(base + "-missing")
except FileNotFoundError as e:
    print(str(e).replace(base, "BASE"))
os.remove(path)
print("done")

# --- truncate ---
path = base + "-t.txt"
f = open(path, "w")
f.write("hello world")
print(f.truncate(5), f.tell())
f.close()
print(open(path).read())
f = open(path, "r+")
f.read(2)
print(f.truncate(), f.tell())
f.close()
print(repr(open(path).read()))
for m in ("r", "rb"):
    try:
        open(path, m).truncate()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
f = open(path, "wb", buffering=0)
print(f.truncate(3), f.tell())
try:
    f.truncate(-1)
except OSError as e:
    print(type(e).__name__, e)
f.close()
os.remove(path)
print("done")
