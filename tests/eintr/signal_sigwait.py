# sigwaitinfo/sigtimedwait under a storm of SIGALRMs take the awaited signal
# (sent by this process to itself once it is blocked).
import os
import signal
import eintr_common as e

signal.signal(signal.SIGUSR1, lambda *a: None)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
e.start()
signal.setitimer(signal.ITIMER_REAL, 0.002, 0.003)
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigwaitinfo([signal.SIGUSR1])
e.check("sigwaitinfo", info.si_signo, signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 120.0)
e.check("sigtimedwait", info.si_signo, signal.SIGUSR1)
e.check("sigtimedwait times out", signal.sigtimedwait([signal.SIGUSR1], 0.05), None)
e.expect_boom("sigtimedwait", signal.sigtimedwait, [signal.SIGUSR1], 5)
e.done()
