# Scaled-down copy of ../shared/bench-corpus/spectral_norm.py (same code, smaller size knobs).
# spectral_norm: nested loops, float division, function calls per element.
def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(n, v, out):
    i = 0
    while i < n:
        s = 0.0
        j = 0
        while j < n:
            s += eval_a(i, j) * v[j]
            j += 1
        out[i] = s
        i += 1


def mul_atv(n, v, out):
    i = 0
    while i < n:
        s = 0.0
        j = 0
        while j < n:
            s += eval_a(j, i) * v[j]
            j += 1
        out[i] = s
        i += 1


def mul_atav(n, v, out, tmp):
    mul_av(n, v, tmp)
    mul_atv(n, tmp, out)


def main(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    k = 0
    while k < 10:
        mul_atav(n, u, v, tmp)
        mul_atav(n, v, u, tmp)
        k += 1
    vbv = 0.0
    vv = 0.0
    i = 0
    while i < n:
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
        i += 1
    return (vbv / vv) ** 0.5


N = 20
r = main(N)
print("spectral_norm", N, int(r * 1000000000.0))
