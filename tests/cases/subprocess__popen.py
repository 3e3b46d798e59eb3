# subprocess.Popen: pipes, communicate (with timeout and retry), wait,
# poll, signals, the context manager, repr, text mode, file objects as
# streams, and what children inherit (fds, signal dispositions).
import os
import signal
import subprocess
import time
from subprocess import PIPE, DEVNULL, STDOUT

p = subprocess.Popen(["sh", "-c", "read x; echo got $x; echo err >&2; exit 7"],
                     stdin=PIPE, stdout=PIPE, stderr=PIPE)
print(type(p.pid).__name__, p.pid > 0, p.returncode, p.args)
print(p.communicate(b"hello\n"), p.returncode, p.poll(), p.wait())
print(p.stdin.closed, p.stdout.closed, p.stderr.closed)
print(repr(p) == "<Popen: returncode: 7 args: %r>" % (p.args,))
p = subprocess.Popen(["echo"] + ["x" * 10] * 10)
p.wait()
print(repr(p))

# communicate without pipes, twice, with a timeout that expires, then again
p = subprocess.Popen(["true"])
print(p.communicate(), p.communicate(), p.returncode)
p = subprocess.Popen(["sh", "-c", "echo first; sleep 0.3; echo second"], stdout=PIPE)
try:
    p.communicate(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("expired", e.output, e.timeout)
print(p.communicate(), p.returncode)
p = subprocess.Popen(["sh", "-c", "sleep 0.3; cat"], stdin=PIPE, stdout=PIPE)
try:
    p.communicate(b"data" * 1000, timeout=0.05)
except subprocess.TimeoutExpired as e:
    print("expired", e.output)
try:
    p.communicate(b"more")
except ValueError as e:
    print("ValueError", e)
out, err = p.communicate()
print(len(out), out[:8], err)
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, text=True)
print(p.communicate("line1\r\nline2\n"), p.universal_newlines, p.text_mode)

# wait with a timeout, poll, signals
p = subprocess.Popen(["sleep", "5"])
print(p.poll())
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e)
p.terminate()
print(p.wait(), p.poll(), p.returncode)
p.terminate()
p.kill()
p.send_signal(signal.SIGTERM)
print("signalling a reaped child is a no-op")
p = subprocess.Popen(["sleep", "5"])
p.kill()
print(p.wait())
p = subprocess.Popen(["sleep", "5"])
p.send_signal(signal.SIGUSR1)
print(p.wait())
p = subprocess.Popen(["sh", "-c", "kill -TERM $$"])
print(p.wait())
p = subprocess.Popen(["sleep", "0.05"])
while p.poll() is None:
    time.sleep(0.01)
print(p.returncode)

# the context manager closes the pipes and waits
with subprocess.Popen(["sh", "-c", "sleep 0.05; exit 3"], stdout=PIPE) as p:
    print(p.returncode)
print(p.returncode, p.stdout.closed)
try:
    with subprocess.Popen(["sleep", "0.05"]) as p:
        raise KeyError("inside")
except KeyError as e:
    print("KeyError", e, p.returncode)

# streams to file objects, fds, stderr=STDOUT
path = "/tmp/sigpy_subprocess_popen_%d.txt" % os.getpid()
with open(path, "w") as f:
    subprocess.run(["sh", "-c", "echo to file; echo err >&2"], stdout=f, stderr=STDOUT)
    subprocess.run(["echo", "by fd"], stdout=f.fileno())
with open(path) as f:
    print(f.read())
with open(path, "rb") as f:
    print(subprocess.run(["cat"], stdin=f, stdout=PIPE).stdout)
os.remove(path)
p = subprocess.Popen(["sh", "-c", "echo a; echo b >&2"], stdout=PIPE, stderr=STDOUT)
print(p.communicate(), p.stderr)
p = subprocess.Popen(["cat"], stdin=DEVNULL, stdout=PIPE, stderr=DEVNULL)
print(p.communicate(), p.stdin, p.stderr)

# children start with default dispositions and without sigpy's fds
signal.signal(signal.SIGTERM, lambda s, f: print("parent handler"))
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
f = open(__file__)
print(subprocess.run(["sh", "-c", "kill -TERM $$; echo survived"]).returncode)
fds = subprocess.run(["sh", "-c", "cd /proc/$$/fd && echo *"], stdout=PIPE, text=True).stdout
print(fds.split())
print(subprocess.run(["sh", "-c", "cd /proc/$$/fd && echo *"], stdin=DEVNULL, stderr=PIPE,
                     stdout=PIPE).stdout.split())
f.close()
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

# a SIGCHLD handler that reaps with waitpid(-1): wait() still gets the
# status of the child it waits for (its waitpid returns before the handler
# runs); poll() after the handler reaped it reports 0, as CPython does
reaped = []


def on_chld(signum, frame):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        reaped.append(os.waitstatus_to_exitcode(status))


signal.signal(signal.SIGCHLD, on_chld)
p = subprocess.Popen(["sh", "-c", "sleep 0.1; exit 3"])
print(p.wait(), reaped)
p = subprocess.Popen(["sh", "-c", "exit 5"])
time.sleep(0.3)
print(p.poll(), reaped)
signal.signal(signal.SIGCHLD, signal.SIG_DFL)
