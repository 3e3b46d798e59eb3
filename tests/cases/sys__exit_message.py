# sys.exit("message"): the message goes to stderr and the status is 1.
import sys

def fail(reason):
    print("failing")
    sys.exit("fatal: " + reason)

fail("disk full")
