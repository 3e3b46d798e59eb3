# Scaled-down copy of ../shared/bench-corpus/fannkuch.py (same code, smaller size knobs).
# fannkuch: list indexing/swaps, integer-heavy control flow (fannkuch-redux).
def fannkuch(n):
    perm1 = []
    i = 0
    while i < n:
        perm1.append(i)
        i += 1
    perm = [0] * n
    count = [0] * n
    maxflips = 0
    checksum = 0
    permcount = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        i = 0
        while i < n:
            perm[i] = perm1[i]
            i += 1
        flips = 0
        k = perm[0]
        while k != 0:
            i = 0
            j = k
            while i < j:
                t = perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i += 1
                j -= 1
            flips += 1
            k = perm[0]
        if flips > maxflips:
            maxflips = flips
        if permcount % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        while True:
            if r == n:
                return checksum, maxflips
            perm0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        permcount += 1


N = 6
c, m = fannkuch(N)
print("fannkuch", N, c, m)
