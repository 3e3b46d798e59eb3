# subprocess.run: capture, text, input, check, timeout, shell, env, cwd,
# stderr=STDOUT, DEVNULL, returncodes (negative for death by a signal).
import subprocess
from subprocess import PIPE, DEVNULL, STDOUT

print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
r = subprocess.run(["echo", "hi"], capture_output=True)
print(r)
print(r.args, r.returncode, r.stdout, r.stderr)
print(subprocess.run(["true"]))
print(subprocess.run(["false"]))
print(subprocess.run(("printf", "%s-%s", "a", "b"), stdout=PIPE))
print(subprocess.run(["printf", b"%s\\n", b"bytes arg"], stdout=PIPE))
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(r, r.returncode)
print(subprocess.run(["sh", "-c", "echo out; echo err >&2"], capture_output=True, universal_newlines=True))
# input, binary and text (newlines translated on the way back in text mode)
print(subprocess.run(["cat"], input=b"abc\r\ndef\rghi", capture_output=True))
print(subprocess.run(["cat"], input="abc\r\ndef\rghi\n", capture_output=True, text=True))
print(subprocess.run(["cat"], input="h\u00e9llo \u20ac\n", stdout=PIPE, text=True).stdout)
print(subprocess.run(["cat"], input=b"", stdout=PIPE))
print(subprocess.run(["sh", "-c", "printf 'caf\\303\\251'"], stdout=PIPE).stdout)
big = b"0123456789abcdef" * 65536
r = subprocess.run(["cat"], input=big, capture_output=True)
print(len(r.stdout), r.stdout == big)
r = subprocess.run(["sh", "-c", "cat; cat >&2 </dev/null; printf '%04000d' 0 >&2"], input=big, capture_output=True)
print(len(r.stdout), len(r.stderr))
# a child that does not read its input: no error
print(subprocess.run(["true"], input=big, capture_output=True))
# returncodes
print(subprocess.run(["sh", "-c", "exit 42"]).returncode)
print(subprocess.run(["sh", "-c", "kill -TERM $$; echo survived"]))
print(subprocess.run(["sh", "-c", "kill -KILL $$"], capture_output=True))
print(subprocess.run(["sh", "-c", "kill -INT $$; echo survived"], stdout=PIPE).returncode)
print(subprocess.run(["sh", "-c", "kill -HUP $$; echo survived"], stdout=PIPE).returncode)
# stderr=STDOUT, DEVNULL, inherited streams
print(subprocess.run(["sh", "-c", "echo a; echo b >&2; echo c"], stdout=PIPE, stderr=STDOUT))
print(subprocess.run(["sh", "-c", "echo a; echo b >&2"], stdout=DEVNULL, stderr=PIPE))
print(subprocess.run(["sh", "-c", "echo a; echo b >&2"], stdout=PIPE, stderr=DEVNULL))
print(subprocess.run(["cat"], stdin=DEVNULL, stdout=PIPE))
print(subprocess.run(["sh", "-c", "read x; echo \"[$x]\""], stdin=DEVNULL, stdout=PIPE))
# shell, env, cwd
print(subprocess.run("echo $0 $FOO", shell=True, env={"FOO": "bar"}, stdout=PIPE))
print(subprocess.run("echo one; echo two", shell=True, stdout=PIPE, text=True).stdout.split())
print(subprocess.run(["sh", "-c", "echo \"$A|$B\""], env={"A": "1", b"B": b"2"}, stdout=PIPE))
print(subprocess.run(["sh", "-c", "pwd"], cwd="/", stdout=PIPE))
print(subprocess.run(["sh", "-c", "pwd"], cwd=b"/tmp", stdout=PIPE))
# check
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e)
    print(e.returncode, e.cmd, e.output, e.stdout, e.stderr)
try:
    subprocess.run(["sh", "-c", "echo o; echo e >&2; exit 2"], check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print(e, e.output, e.stderr, repr(e))
try:
    subprocess.run(["sh", "-c", "kill -TERM $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e, e.returncode)
print(subprocess.run(["true"], check=True))
r = subprocess.run(["sh", "-c", "exit 9"])
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.run(["true"]).check_returncode())
# timeout: expired (the child is killed and reaped) and not expired
try:
    subprocess.run(["sleep", "5"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.output, e.stdout, e.stderr)
try:
    subprocess.run(["sh", "-c", "echo partial; echo err >&2; sleep 5"], timeout=0.5, capture_output=True)
except subprocess.TimeoutExpired as e:
    print(e, e.output, e.stdout, e.stderr, e.timeout)
try:
    subprocess.run(["sh", "-c", "sleep 5"], timeout=0.2, input=b"x", stdout=PIPE)
except subprocess.TimeoutExpired as e:
    print(e, e.output)
print(subprocess.run(["sh", "-c", "sleep 0.05; echo done"], timeout=10, capture_output=True))
print(subprocess.run(["true"], timeout=10))
print(issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError),
      issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.SubprocessError, Exception))
# call, check_call, check_output
print(subprocess.call(["false"]), subprocess.call("exit 3", shell=True))
print(subprocess.check_call(["true"]))
print(subprocess.check_output(["echo", "x"]))
print(subprocess.check_output(["cat"], input="t\r\n", text=True))
print(subprocess.check_output(["cat"], input=None))
print(subprocess.check_output("echo e >&2", shell=True, stderr=STDOUT))
try:
    subprocess.check_call(["sh", "-c", "exit 4"])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 5"])
except subprocess.CalledProcessError as e:
    print(e, e.output)
print(subprocess.getstatusoutput("echo hello; exit 3"))
print(subprocess.getoutput("echo hi"))
