# subprocess: every bad input gets CPython's exception and message; an
# uncaught CalledProcessError ends the program as in CPython.
import subprocess
from subprocess import PIPE


def show(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
        if isinstance(e, OSError):
            print("  ", e.errno, e.strerror, repr(e.filename))


show(subprocess.run, ["nope-no-such-program"])
show(subprocess.run, [b"nope-no-such-program"])
show(subprocess.run, ["/no/such/dir/prog"])
show(subprocess.run, ["./nope"])
show(subprocess.run, ["/etc/passwd"])
show(subprocess.run, ["/"])
show(subprocess.run, ["/etc/passwd/x"])
show(subprocess.run, ["true"], executable="nope-exe")
show(subprocess.run, ["true"], cwd="/no/such/dir")
show(subprocess.run, ["true"], cwd=b"/no/such/dir")
show(subprocess.run, ["true"], cwd="/etc/passwd")
show(subprocess.run, ["true"], cwd=5)
show(subprocess.run, ["echo", 1])
show(subprocess.run, ["echo", None])
show(subprocess.run, [1])
show(subprocess.run, 5)
show(subprocess.run, None)
show(subprocess.run, [])
show(subprocess.run, ["echo", "a\0b"])
show(subprocess.run, ["true"], env={"A=B": "x"})
show(subprocess.run, ["true"], env={"A": 1})
show(subprocess.run, ["true"], env={1: "x"})
show(subprocess.run, ["cat"], input=b"x", stdin=PIPE)
show(subprocess.run, ["cat"], input=b"x", stdin=subprocess.DEVNULL)
show(subprocess.run, ["true"], capture_output=True, stdout=PIPE)
show(subprocess.run, ["true"], capture_output=True, stderr=subprocess.DEVNULL)
show(subprocess.run, ["cat"], input="text", stdout=PIPE)
show(subprocess.run, ["cat"], input=b"bytes", stdout=PIPE, text=True)
show(subprocess.run, ["true"], bufsize="x")
show(subprocess.run, ["true"], nope=1)
show(subprocess.run, ["true"], text=True, universal_newlines=False)
show(subprocess.run, ["true"], creationflags=1)
show(subprocess.check_output, ["true"], stdout=PIPE)
show(subprocess.check_output, ["true"], check=False)
show(subprocess.Popen)
show(subprocess.Popen, ["true"], shell=True, stdin=PIPE).__class__
show(subprocess.run, ["sleep", "1"], timeout="x")
show(subprocess.run, ["true"], stdout="x")
show(subprocess.CalledProcessError, 1)
show(subprocess.TimeoutExpired, "cmd")
print(str(subprocess.CalledProcessError(-99, "cmd")))
print(str(subprocess.CalledProcessError(-2, ["a", "b"])))
print(str(subprocess.CalledProcessError(0, "ok")))
print(str(subprocess.TimeoutExpired(["x"], 2)))
e = subprocess.TimeoutExpired("c", 1.5, output=b"o", stderr=b"e")
print(e.stdout, e.output, e.stderr, e.args, e.timeout)
e.stdout = b"changed"
print(e.output)
print(repr(subprocess.CompletedProcess(["a"], 0)), repr(subprocess.CompletedProcess("a", 1, b"", "")))
p = subprocess.Popen(["true"])
p.wait()
show(p.communicate, b"x")
subprocess.run(["sh", "-c", "exit 3"], check=True)
