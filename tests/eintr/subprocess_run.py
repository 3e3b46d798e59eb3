# subprocess.run(timeout=...) under a storm of SIGALRMs: a timeout that
# expires (the child is killed and reaped, TimeoutExpired raised) and one
# that does not. A handler that raises aborts run(); run() then kills the
# child and waits for it before the exception goes on, as CPython does on
# any exception.
import subprocess
import eintr_common as e

e.start()
try:
    subprocess.run(["sleep", "5"], timeout=0.3)
    e.check("timeout expired", False, True)
except subprocess.TimeoutExpired as exc:
    e.check("timeout expired", (exc.cmd, exc.output), (["sleep", "5"], None))
try:
    subprocess.run(["sh", "-c", "echo partial; sleep 5"], timeout=0.3, capture_output=True)
    e.check("timeout expired with output", False, True)
except subprocess.TimeoutExpired as exc:
    e.check("timeout expired with output", (exc.timeout, exc.output), (0.3, b"partial\n"))
r = subprocess.run(["sh", "-c", "sleep 0.2; echo ok"], timeout=30, capture_output=True)
e.check("timeout not expired", (r.returncode, r.stdout), (0, b"ok\n"))
r = subprocess.run(["sh", "-c", "sleep 0.1; cat"], input=b"x" * 100000, timeout=30, capture_output=True)
e.check("input and timeout", len(r.stdout), 100000)
e.check("handler ran", e.count[0] > 0, True)
e.stop()


def children():
    """The children of this (interpreter) thread, killed but unreaped
    ones included."""
    with open("/proc/thread-self/children") as f:
        return f.read().split()


p = subprocess.Popen(["sleep", "5"])
e.check("children() sees a child", children(), [str(p.pid)])
p.kill()
p.wait()
e.check("no child before", children(), [])
for i in range(5):
    e.expect_boom("run", subprocess.run, ["sh", "-c", "sleep 5"])
    e.check("the child was killed and reaped", children(), [])
e.expect_boom("run with a timeout", lambda: subprocess.run(["sleep", "5"], timeout=30, capture_output=True))
e.check("the child was killed and reaped", children(), [])
e.done()
