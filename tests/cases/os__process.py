# os: the process calls the signal runtime needs.
import os
import signal

pid = os.getpid()
print(type(pid).__name__, pid == os.getpid(), pid > 0)
print(os.getppid() > 0, os.getppid() != pid)
print(os.getpgid(0) == os.getpgrp(), os.getpgid(pid) == os.getpgrp())
print(os.kill(pid, 0))
print(os.system("exit 3"), os.system("exit 0"), os.system("kill -TERM $$"))
print(os.waitstatus_to_exitcode(os.system("exit 5")) if hasattr(os, "waitstatus_to_exitcode") else 5)
for args in ((4194304 + 12345, 0), (pid, 99), (pid, "x"), ("1", 0)):
    try:
        os.kill(*args)
        print("no error")
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
try:
    os.getpgid(4194304 + 12345)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.system(5)
except TypeError as e:
    print("TypeError", e)
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
os.kill(pid, signal.SIGUSR1)
print("dispatched before kill returned", got)
