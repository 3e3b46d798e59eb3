# Scaled-down copy of ../shared/bench-corpus/loop_sum.py (same code, smaller size knobs).
# loop_sum: tight integer loops (while + for/range), no calls in the body.
def main(n):
    total = 0
    i = 0
    while i < n:
        total = (total + i * i) % 1000000007
        i += 1
    acc = 0
    for j in range(n):
        acc = acc ^ (j + total)
        acc = acc & 0xFFFFFF
    return total, acc


N = 20000
t, a = main(N)
print("loop_sum", t, a)
