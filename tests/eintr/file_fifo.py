# Files on FIFOs under a storm of SIGALRMs (CPython's FileEINTRTest): open()
# blocks until the other end opens (a shell child opens it later), then
# reads and writes block on the pipe; each completes with the right data.
# A raising handler aborts each of them with its exception.
import os
import time
import eintr_common as e

d = "/tmp/sigpy_eintr_fifo_%d" % os.getpid()
os.system("rm -rf %s; mkdir %s && cd %s && mkfifo r w slow big never hold_w hold_r" % (d, d, d))


def later(cmd):
    """Runs a shell command in the background (this call returns at once)."""
    os.system("(cd %s; %s) >/dev/null 2>&1 &" % (d, cmd))


def wait_for_file(name, size):
    path = d + "/" + name
    for _ in range(2000):
        if os.system("test $(wc -c < %s) -ge %d" % (path, size)) == 0:
            break
        time.sleep(0.01)
    with open(path, "rb") as f:
        return f.read()


e.start()
# open() for reading blocks until the writer opens.
later("sleep 0.2; printf 'from the writer\\n' > r")
with open(d + "/r") as f:
    e.check("open+read of a FIFO", f.read(), "from the writer\n")
# open() for writing blocks until the reader opens.
later("sleep 0.2; cat w > w.out")
with open(d + "/w", "w") as f:
    f.write("to the reader\n")
e.check("open+write of a FIFO", wait_for_file("w.out", 14), b"to the reader\n")
# Reads that wait several times for a slow writer.
later("exec > slow; sleep 0.1; printf 'one\\n'; sleep 0.1; printf 'two\\nthr'; sleep 0.1; printf 'ee\\n'")
with open(d + "/slow") as f:
    e.check("lines from a slow writer", list(f), ["one\n", "two\n", "three\n"])
# A big write that fills the pipe and waits for a slow reader.
later("sleep 0.2; cat big > big.out")
data = b"0123456789abcdef" * 65536
with open(d + "/big", "wb") as f:
    e.check("write returns", f.write(data), len(data))
e.check("the reader got every byte", wait_for_file("big.out", len(data)) == data, True)
# File objects over an os.pipe: a reader waits for a slow shell writer.
r, w = os.pipe()
os.set_inheritable(w, True)
later("sleep 0.1; printf 'over a pipe\\n' >&%d; sleep 0.1; printf 'and more\\n' >&%d" % (w, w))
os.close(w)
with open(r) as f:
    e.check("lines from an os.pipe", list(f), ["over a pipe\n", "and more\n"])
e.check("handler ran", e.count[0] > 0, True)
e.stop()

# A raising handler aborts each blocking step.
fds = len(os.listdir("/proc/self/fd"))
e.expect_boom("open of a FIFO nobody opens", open, d + "/never")
# The abandoned open completes once a writer comes; its fd is closed.
with open(d + "/never", "w") as w:
    pass
for _ in range(500):
    if len(os.listdir("/proc/self/fd")) == fds:
        break
    time.sleep(0.01)
e.check("the abandoned open's fd is closed", len(os.listdir("/proc/self/fd")), fds)
later("exec 3>hold_w; sleep 0.5")
f = open(d + "/hold_w")
e.expect_boom("read of a FIFO nobody writes", f.read)
f.close()
later("exec 3<hold_r; sleep 0.5")
f = open(d + "/hold_r", "wb")
e.expect_boom("write to a FIFO nobody reads", lambda: f.write(data) and f.flush())
try:
    f.close()
except BrokenPipeError:
    print("closed after the reader left")
os.system("rm -rf %s" % d)
e.done()
