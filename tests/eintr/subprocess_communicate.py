# Popen.communicate() under a storm of SIGALRMs: a child that writes after
# a delay, and one that reads a large input slowly; every byte arrives. A
# handler that raises aborts communicate(); the child keeps running and
# communicate() can be called again.
import subprocess
from subprocess import PIPE
import eintr_common as e

e.start()
p = subprocess.Popen(["sh", "-c", "sleep 0.2; echo hello; echo err >&2"], stdout=PIPE, stderr=PIPE)
e.check("delayed output", p.communicate(), (b"hello\n", b"err\n"))
data = bytes(range(256)) * 4096
p = subprocess.Popen(["sh", "-c", "sleep 0.1; cat"], stdin=PIPE, stdout=PIPE)
out, err = p.communicate(data)
e.check("1 MB through a slow reader", (len(out), out == data, p.returncode), (len(data), True, 0))
p = subprocess.Popen(["sh", "-c", "sleep 0.1; cat"], stdin=PIPE, stdout=PIPE, text=True)
e.check("text mode", p.communicate("a\r\nb\n" * 1000, timeout=30)[0], "a\nb\n" * 1000)
e.check("handler ran", e.count[0] > 0, True)
e.stop()

p = subprocess.Popen(["sh", "-c", "sleep 5; echo late"], stdout=PIPE)
e.expect_boom("communicate (output)", p.communicate)
e.check("the child still runs", p.poll(), None)
p.kill()
e.check("communicate again after kill", p.communicate(), (b"", None))
e.check("killed", p.returncode, -9)

p = subprocess.Popen(["sh", "-c", "sleep 5; cat"], stdin=PIPE, stdout=PIPE)
e.expect_boom("communicate (input)", p.communicate, data)
p.kill()
p.wait()
e.check("killed while it should read", p.returncode, -9)
p.stdin.close()
p.stdout.close()
e.done()
