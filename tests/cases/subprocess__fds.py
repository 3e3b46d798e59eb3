# subprocess with fds from os.pipe/os.dup2: an fd as a child's stream, and
# close_fds=True (the default) keeping every other fd, inheritable or not,
# out of the child.
import os
import subprocess

r, w = os.pipe()
print(subprocess.run(["echo", "through an os.pipe"], stdout=w))
print(subprocess.run(["sh", "-c", "echo err >&2"], stderr=w).returncode)
os.close(w)
print(os.read(r, 100))
os.close(r)

r, w = os.pipe()
os.dup2(w, 9)
listing = ["sh", "-c", "cd /proc/$$/fd && echo *"]
print(subprocess.run(listing, capture_output=True).stdout)
print(subprocess.run(listing, capture_output=True, close_fds=True).stdout)
print(subprocess.run(listing, stdin=r, stdout=subprocess.PIPE).stdout)
os.close(9)
os.write(w, b"into the child\n")
os.close(w)
print(subprocess.run(["cat"], stdin=r, capture_output=True))
os.close(r)
f = open(__file__)
print(subprocess.run(["sh", "-c", "read x; echo \"$x\""], stdin=f, capture_output=True).stdout)
f.close()
