# raise SystemExit(n) from a nested function: exit status n, no traceback.

def deep(n):
    if n == 0:
        raise SystemExit(7)
    deep(n - 1)

print("start")
deep(5)
