# SystemExit unwinds through try/finally and with blocks, running cleanup.
import sys

class Guard:
    def __enter__(self):
        print("enter guard")
        return self
    def __exit__(self, t, v, tb):
        print("exit guard:", t.__name__, v.code)
        return False

def main():
    with Guard():
        try:
            sys.exit(4)
        finally:
            print("inner finally")

try:
    main()
finally:
    print("outer finally")
