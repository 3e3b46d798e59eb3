# Popen's stdin/stdout/stderr as file objects: read, readline, iteration,
# write then close, text mode with newline translation, encodings.
import subprocess
from subprocess import PIPE

p = subprocess.Popen(["sh", "-c", "echo one; sleep 0.05; echo two; echo err >&2"], stdout=PIPE, stderr=PIPE)
print(p.stdout.readline())
print(p.stdout.read())
print(p.stderr.read())
print(p.wait(), p.stdout.closed)
p.stdout.close()
p.stderr.close()

p = subprocess.Popen(["printf", "a\\r\\nb\\rc\\n"], stdout=PIPE, text=True)
print([line for line in p.stdout])
p.wait()
p.stdout.close()
p = subprocess.Popen(["printf", "a\\r\\nb\\rc\\n"], stdout=PIPE)
print([line for line in p.stdout])
p.wait()
p.stdout.close()

p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE)
p.stdin.write(b"hello\n")
p.stdin.write(b"world\n")
p.stdin.close()
print(p.stdout.read(), p.wait())
p.stdout.close()

p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, text=True)
print(p.stdin.write("caf\u00e9\n"))
p.stdin.flush()
print(repr(p.stdout.readline()))
print(p.communicate("more\r\n"))

p = subprocess.Popen(["sh", "-c", "read a; echo \"[$a]\"; cat"], stdin=PIPE, stdout=PIPE)
p.stdin.write(b"first\n")
p.stdin.flush()
print(p.stdout.readline())
print(p.communicate(b"rest"))

with subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE) as p:
    p.stdin.write(b"x" * 100000)
    p.stdin.close()
    print(len(p.stdout.read()))
print(p.returncode, p.stdin.closed, p.stdout.closed)

r = subprocess.run(["cat"], input="caf\u00e9\n", capture_output=True, encoding="latin-1")
print(r.stdout, r.stdout.encode("latin-1"))
r = subprocess.run(["printf", "caf\\351\\n"], capture_output=True, encoding="latin-1")
print(r.stdout)
r = subprocess.run(["printf", "bad \\377\\n"], capture_output=True, errors="replace")
print(r.stdout)
try:
    subprocess.run(["printf", "bad \\377\\n"], capture_output=True, text=True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
