# signal module: handlers run before raise_signal/os.kill return, getsignal,
# Signals/Handlers members, masks, waits, timers, and every bad-input error.
import os
import signal

log = []


def handler(signum, frame):
    log.append(signum)
    print("handler", signum, type(signum).__name__, frame.f_code.co_name, frame.f_lineno)


def outer():
    signal.raise_signal(signal.SIGUSR1)
    print("outer done", log)


print(signal.getsignal(signal.SIGUSR1) is signal.SIG_DFL)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGPIPE) is signal.SIG_IGN)
old = signal.signal(signal.SIGUSR1, handler)
print("old", old, repr(old))
print(signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", log)
os.kill(os.getpid(), signal.SIGUSR1)
print("after os.kill", log)
outer()

# The frame passed to the handler, and its f_back chain.
frames = []
signal.signal(signal.SIGUSR2, lambda s, f: frames.append(f))


def inner():
    signal.raise_signal(signal.SIGUSR2)


inner()
f = frames[0]
print(f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_back is None)
print(f.f_code.co_filename.endswith("signal__handlers.py"))
# Its attributes: the same f_back and f_code on every read, the module's
# globals, the lines of the call, the type's name, and no new attributes.
print(f.f_back is f.f_back, f.f_code is f.f_code, f.f_globals is globals())
print(f.f_back.f_globals is globals(), f.f_back.f_back is None)
print(f.f_lineno - f.f_code.co_firstlineno, type(f).__name__, type(f.f_code).__name__)
print(f.f_back.f_code.co_name, f.f_back.f_code.co_firstlineno)
print(repr(f).startswith("<frame at 0x"), repr(f).endswith("code inner>"))
try:
    f.colour = "red"
except AttributeError as e:
    print("AttributeError", e)
try:
    f.f_nope
except AttributeError as e:
    print("AttributeError", e)

# Members of Signals and Handlers.
print(repr(signal.SIGINT), str(signal.SIGTERM), f"{signal.SIGHUP}", signal.SIGKILL + 0)
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), int(signal.SIGTERM))
print(signal.SIGTERM == 15, 15 == signal.SIGTERM, signal.SIGTERM != 2, signal.SIGINT < signal.SIGTERM)
print(signal.SIGIOT == signal.SIGABRT, repr(signal.SIGIOT), repr(signal.SIGPOLL))
print(signal.SIGTERM.name, signal.SIGTERM.value, hash(signal.SIGTERM) == hash(15))
print({signal.SIGTERM: "term"}[15], 15 in {signal.SIGTERM})
print(repr(signal.Signals(2)), signal.NSIG, signal.SIGRTMIN, signal.SIGRTMAX)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM))
valid = signal.valid_signals()
print(len(valid), signal.SIGKILL in valid, 32 in valid, 35 in valid)

# SIG_IGN: a raised signal is discarded.
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR2)
print("ignored", repr(signal.getsignal(signal.SIGUSR2)))
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

# pthread_sigmask: a masked signal stays pending until unmasked.
signal.signal(signal.SIGUSR1, lambda signum, frame: log.append(signum))
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]))
signal.raise_signal(signal.SIGUSR1)
print("masked", log, signal.sigpending())
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1]))
print("unmasked", log, signal.sigpending())
print(signal.pthread_sigmask(signal.SIG_SETMASK, []))

# sigtimedwait / sigwait take a pending signal without running its handler.
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 1.0)
print(info.si_signo, info.si_pid == os.getpid(), info.si_uid == os.getuid() if hasattr(os, "getuid") else True)
print(signal.sigtimedwait([signal.SIGUSR1], 0.01))
os.kill(os.getpid(), signal.SIGUSR1)
print(repr(signal.sigwait([signal.SIGUSR1, signal.SIGUSR2])))
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print("handler not run", log)

# Timers.
print(signal.alarm(0), signal.setitimer(signal.ITIMER_REAL, 0), signal.getitimer(signal.ITIMER_REAL))
print(signal.siginterrupt(signal.SIGUSR1, True), signal.set_wakeup_fd(-1))

# The default SIGINT handler raises KeyboardInterrupt.
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("default_int_handler raised")


# A handler's exception propagates from the interrupted call.
def raising(signum, frame):
    raise RuntimeError("from handler %d" % signum)


signal.signal(signal.SIGUSR1, raising)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
    print("not reached")
except RuntimeError as e:
    print("caught", e)

# Bad input.
def check(f, *args):
    try:
        f(*args)
        print("no error")
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)


check(signal.signal, 0, signal.SIG_DFL)
check(signal.signal, 65, handler)
check(signal.signal, -1, handler)
check(signal.signal, "x", handler)
check(signal.signal, signal.SIGKILL, handler)
check(signal.signal, signal.SIGSTOP, signal.SIG_IGN)
check(signal.signal, signal.SIGTERM, 5)
check(signal.signal, signal.SIGTERM, "handler")
check(signal.signal, signal.SIGTERM, None)
check(signal.getsignal, 0)
check(signal.getsignal, 1.5)
check(signal.raise_signal, 0)
check(signal.strsignal, 99)
check(signal.pthread_sigmask, 9, [])
check(signal.pthread_sigmask, signal.SIG_BLOCK, [0])
check(signal.pthread_sigmask, signal.SIG_BLOCK, 5)
check(signal.sigwait, [99])
check(signal.sigtimedwait, [signal.SIGUSR1], -1)
check(signal.setitimer, 99, 1.0)
check(signal.setitimer, signal.ITIMER_REAL, -1)
check(signal.getitimer, 99)
check(signal.alarm, "1")
check(signal.set_wakeup_fd, 1)
check(signal.set_wakeup_fd, 999)
check(signal.siginterrupt, 0, True)
print(issubclass(signal.ItimerError, OSError))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
signal.signal(signal.SIGUSR1, 999)
