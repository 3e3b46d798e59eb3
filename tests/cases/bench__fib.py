# Scaled-down copy of ../shared/bench-corpus/fib.py (same code, smaller size knobs).
# fib: recursive function calls (call/return overhead, int add, compare).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


N = 18
print("fib", N, fib(N))
