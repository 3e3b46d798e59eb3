# sys.exit(), sys.exit(0) and sys.exit(None) all exit 0; SystemExit can be caught.
import sys

# === catching SystemExit ===
for arg in [None, 0, 5, "text", (1, 2)]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no arg ->", repr(e.code), e.args)

# === SystemExit is not an Exception ===
try:
    try:
        sys.exit(2)
    except Exception:
        print("wrong: caught by Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__, e.code)

# === exit 0 for real ===
print("exiting")
sys.exit(0)
print("not reached")
