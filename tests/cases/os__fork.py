import os, sys, signal
pid = os.fork()
if pid == 0:
    print("child", os.getpid() != 0, flush=True)
    os._exit(3)
p, st = os.waitpid(pid, 0)
print(p == pid, os.WIFEXITED(st), os.WEXITSTATUS(st), os.waitstatus_to_exitcode(st), flush=True)
pid = os.fork()
if pid == 0:
    sys.exit(5)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGKILL)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
pid = os.fork()
if pid == 0:
    raise KeyError('x')
print(os.waitstatus_to_exitcode(os.wait()[1]), flush=True)
print(os.waitpid(-1, os.WNOHANG) if False else 'skip', flush=True)
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    import time
    time.sleep(0.2)
    os.write(w, b'from child')
    os._exit(0)
os.close(w)
print(os.read(r, 100), flush=True)
print(os.waitpid(pid, 0)[1], flush=True)
pid = os.fork()
if pid == 0:
    os.execv('/bin/sh', ['sh', '-c', 'exit 7'])
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
pid = os.fork()
if pid == 0:
    import time
    time.sleep(5)
    os._exit(0)
print(os.waitpid(pid, os.WNOHANG), flush=True)
os.kill(pid, signal.SIGTERM)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print(e, flush=True)
# atexit callbacks run in the child too; _exit skips them.
import atexit
atexit.register(lambda: print("atexit in", "child" if os.getpid() != parent else "parent", flush=True))
parent = os.getpid()
pid = os.fork()
if pid == 0:
    print("child exits normally", flush=True)
    sys.exit(0)
print(os.waitpid(pid, 0)[1], flush=True)
pid = os.fork()
if pid == 0:
    os._exit(4)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
# A child that exits while the parent waits for any child.
pid = os.fork()
if pid == 0:
    import time
    time.sleep(0.1)
    os._exit(9)
p, st = os.wait()
print(p == pid, os.waitstatus_to_exitcode(st), flush=True)
pid = os.fork()
if pid == 0:
    import time
    time.sleep(0.1)
    os._exit(11)
p, st = os.waitpid(-1, 0)
print(p == pid, os.waitstatus_to_exitcode(st), flush=True)
try:
    os.execv('/nonexistent/prog', ['prog'])
except FileNotFoundError as e:
    print('execv', e, flush=True)
try:
    os.execvp('sigpy-no-such-program', ['x'])
except FileNotFoundError as e:
    print('execvp', e, flush=True)
