# time: calendar functions (UTC, so the output is the same everywhere).
import time
t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_wday, t.tm_yday, t.tm_zone, t.tm_gmtoff, len(t), t[0], t[-1], t[1:3], tuple(t))
print(time.gmtime(1700000000.9))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", time.gmtime(1234567890)))
print(time.strftime("%Y", (2024, 2, 29, 12, 0, 0, 3, 60, 0)))
print(time.asctime(time.gmtime(1)), time.asctime((2001, 1, 5, 3, 4, 5, 4, 5, 0)))
print(time.gmtime(86400 * 365.25 * 30) == time.gmtime(946728000), time.gmtime(0) == tuple(time.gmtime(0)))
lt = time.localtime(1700000000)
print(type(lt).__name__, time.mktime(lt), time.mktime(time.localtime(0)))
print(type(time.strftime("%H")).__name__, len(time.ctime()) == 24, type(time.localtime().tm_zone).__name__)
for bad in ((1,), ("x",), (None,)):
    try:
        time.asctime(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    time.gmtime("x")
except TypeError as e:
    print("TypeError", e)
