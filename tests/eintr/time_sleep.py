# time.sleep under a storm of SIGALRMs: sleeps its whole length.
import time
import eintr_common as e

e.start()
t0 = time.monotonic()
time.sleep(0.1)
dt = time.monotonic() - t0
e.stop()
e.check("sleep lasted its length", dt >= 0.1, True)
e.check("handler ran", e.count[0] > 0, True)
e.expect_boom("sleep", time.sleep, 5)
e.done()
