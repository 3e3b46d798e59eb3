# Unbounded recursion ends in RecursionError, exit 1, never a crash.

def f(n):
    return f(n + 1) + 1

print("start")
f(0)
