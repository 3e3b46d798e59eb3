# Scaled-down copy of ../shared/bench-corpus/list_sort.py (same code, smaller size knobs).
# list_sort: list building, sort/sorted with key functions (def + lambda),
# closure-made key, slicing, append/pop/insert, binary search, min/max.
class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state


def second(t):
    return t[1]


def make_getter(k):
    # closure: the returned function captures k
    def get(t):
        return t[k]
    return get


def bsearch(lst, x):
    lo = 0
    hi = len(lst)
    while lo < hi:
        mid = (lo + hi) // 2
        if lst[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def main(n, rounds):
    rng = Rng(7)
    chk = 0
    r = 0
    while r < rounds:
        items = []
        i = 0
        while i < n:
            items.append((rng.next() % 10000, rng.next() % 100, "k" + str(i % 97)))
            i += 1
        a = sorted(items)
        b = sorted(items, key=second)
        b2 = sorted(items, key=make_getter(0))
        c = list(items)
        c.sort(key=lambda t: (t[2], -t[0]), reverse=True)
        keys = []
        for t in a:
            keys.append(t[0])
        found = 0
        i = 0
        while i < 2000:
            x = rng.next() % 10000
            p = bsearch(keys, x)
            if p < len(keys) and keys[p] == x:
                found += 1
            i += 1
        stack = []
        for t in b[:3000]:
            if len(stack) > 0 and stack[-1][1] == t[1]:
                stack.pop()
            else:
                stack.append(t)
        mid = c[n // 3: 2 * n // 3]
        mid.reverse()
        mid.insert(0, a[0])
        chk = (chk * 131 + a[0][0] + a[-1][0] + b[n // 2][1] + found
               + len(stack) + mid[1][0] + max(keys) - min(keys)
               + b2[n // 4][0]) & 0xFFFFFFFF
        r += 1
    return chk


N = 500
R = 2
print("list_sort", N, R, main(N, R))
