# sys.exit(3): exit status 3, nothing on stderr, finally blocks run.
import sys

print("before exit")
try:
    sys.exit(3)
finally:
    print("finally runs during exit")
print("not reached")
