# SIGCHLD: sigwait on a masked, unmanaged signal, then a handler for it.
import signal, os
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGCHLD])
print(os.system("true"))
print(repr(signal.sigwait([signal.SIGCHLD])))
print(signal.sigtimedwait([signal.SIGCHLD], 0.05))
got = []
signal.signal(signal.SIGCHLD, lambda s, f: got.append(s))
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGCHLD])
os.system("true")
print(got)
