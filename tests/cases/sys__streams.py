# sys.stdout/sys.stderr objects, print(file=...), version data, the
# recursion limit and exc_info.
import sys

# === writing ===
print("out1")
print("err1", file=sys.stderr)
n = sys.stdout.write("w1\n")
sys.stderr.write("w2\n")
print(n)
print("a", "b", sep="-", end="!\n", file=sys.stdout, flush=True)
sys.stdout.writelines(["x\n", "y\n"])
sys.stdout.flush()

# === data ===
print(sys.platform, sys.maxsize, sys.version_info[:2], sys.version[:4], type(sys.argv), sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
print(sys.exc_info())
try:
    raise ValueError("x")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t, repr(v))
print("sys" in sys.modules, sys.modules["sys"] is sys, isinstance(sys.path, list), sys.stdout.fileno(), sys.stderr.fileno())
import sys as s2
print(s2 is sys)

# === errors ===
try:
    import nosuchmod
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
for bad in [lambda: sys.stdout.write(1), lambda: sys.setrecursionlimit(0), lambda: sys.exit(1, 2)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
sys.exit("bye")
