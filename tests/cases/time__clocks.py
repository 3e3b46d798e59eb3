# time: clocks are monotonic where they should be, sleep waits at least the
# time asked, and bad arguments raise CPython's errors.
import time

a = time.monotonic()
b = time.monotonic()
print(type(a).__name__, b >= a)
print(type(time.time()).__name__, time.time() > 1.6e9)
print(type(time.time_ns()).__name__, time.time_ns() > 1600000000 * 10**9)
print(type(time.monotonic_ns()).__name__, type(time.perf_counter()).__name__)
print(type(time.perf_counter_ns()).__name__, type(time.process_time()).__name__)
t0 = time.monotonic()
print(time.sleep(0.02))
print(time.monotonic() - t0 >= 0.02)
time.sleep(0)
time.sleep(True)
for bad in (-1, -0.5, "1", None, [1], float("nan")):
    try:
        time.sleep(bad)
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    time.sleep()
except TypeError as e:
    print("TypeError")
