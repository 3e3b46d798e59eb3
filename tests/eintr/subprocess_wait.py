# Popen.wait() and poll() under a storm of SIGALRMs: the wait on the
# child's pidfd completes with the child's status. A handler that raises
# aborts wait() with its exception; the child keeps running, as under
# CPython, and the Popen can be waited for again.
import subprocess
import eintr_common as e

e.start()
p = subprocess.Popen(["sleep", "0.2"])
e.check("wait", p.wait(), 0)
p = subprocess.Popen(["sh", "-c", "sleep 0.1; exit 3"])
e.check("wait with a timeout", p.wait(timeout=30), 3)
p = subprocess.Popen(["sleep", "5"])
try:
    p.wait(timeout=0.2)
    e.check("wait timed out", False, True)
except subprocess.TimeoutExpired:
    e.check("wait timed out", p.poll(), None)
p.kill()
e.check("wait after kill", p.wait(), -9)
e.check("handler ran", e.count[0] > 0, True)
e.stop()

p = subprocess.Popen(["sleep", "5"])
e.expect_boom("wait", p.wait)
e.check("the child still runs after the aborted wait", p.poll(), None)
p.terminate()
e.check("waited again", p.wait(), -15)
e.done()
