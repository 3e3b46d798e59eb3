# sys.path is a real list: changing it changes where imports look.
import sys
import mod_counter

HELPERS = mod_counter.__file__.rsplit("/", 1)[0]

try:
    import mod_extra
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
sys.path.append(HELPERS + "/extra")
import mod_extra
print(mod_extra.WHERE, mod_extra.__file__.endswith("/extra/mod_extra.py"))
sys.path.remove(HELPERS + "/extra")
import mod_extra as again
print(again is mod_extra)
del sys.modules["mod_extra"]
try:
    import mod_extra
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
saved = sys.path[:]
sys.path[:] = []
try:
    import mod_star
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
sys.path[:] = saved
import mod_star
print(mod_star.a, type(sys.path).__name__, all([type(p) is str for p in sys.path]))
sys.path.insert(0, 42)
import mod_nostar
print(mod_nostar.x)
