# An exception raised in finally replaces the one in flight; the traceback shows both.

def work():
    try:
        print("working")
        raise ValueError("original")
    finally:
        print("cleaning up")
        raise RuntimeError("cleanup failed")

work()
