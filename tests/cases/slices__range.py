# range: negative steps, slicing, membership, index/count, equality,
# hashing and the errors; slices of every sequence type.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

# === construction and repr ===
for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-5, -1), range(0, -10, -3), range(0), range(1, 2, 10)]:
    print(repr(r), list(r), len(r), r.start, r.stop, r.step, bool(r), r[0] if r else None, r[-1] if r else None)
show("range(1, 2, 0)", lambda: range(1, 2, 0))
show("range(1.5)", lambda: range(1.5))
show("range('a')", lambda: range("a"))
show("range()", lambda: range())
show("range(1, 2, 3, 4)", lambda: range(1, 2, 3, 4))
print(range(True), range(-3), list(range(3, -3, -1)), list(reversed(range(1, 10, 3))), list(reversed(range(0))))

# === slicing ===
r = range(0, 20, 3)
for sl in [slice(None), slice(1, 4), slice(None, None, -1), slice(-2, None), slice(None, None, 2), slice(5, 1, -2), slice(100, 200), slice(-100, 100, 5), slice(3, 3)]:
    print(r[sl], list(r[sl]) == list(r)[sl])
r2 = range(10, -10, -4)
print(r2[::-1], r2[1:3], r2[::2], r2[-1:-4:-1], list(r2[::-3]))
show("r[7]", lambda: r[7])
show("r[-8]", lambda: r[-8])
show("r['a']", lambda: r["a"])
show("r[::0]", lambda: r[::0])

# === membership, index, count ===
print(3 in r, 4 in r, 18 in r, 21 in r, -3 in r, 3.0 in r, 3.5 in r, "3" in r, True in range(2), 10 ** 20 in r, -6 in r2, -10 in r2)
print(r.index(9), r.count(9), r.count(10), r.count(9.0), r2.index(-6), range(5).index(True), range(0, 10 ** 9, 7).index(7 * 12345))
show("r.index(10)", lambda: r.index(10))
show("r.index('a')", lambda: r.index("a"))
show("r.index(10**20)", lambda: r.index(10 ** 20))
show("r.count()", lambda: r.count())

# === equality and hashing ===
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 5, 2) == range(0, 6, 2), range(1) == range(1, 2, 5), range(3) == [0, 1, 2])
print(hash(range(0)) == hash(range(3, 3)), hash(range(0, 5, 2)) == hash(range(0, 6, 2)), range(3) != range(4), {range(3): 1}[range(0, 3)])
show("range(3) < range(4)", lambda: range(3) < range(4))

# === iteration helpers ===
print(sum(range(101)), max(range(-5, 5)), min(range(3, 0, -1)), sorted(range(3, 0, -1)), tuple(range(3)), set(range(3)), list(enumerate(range(3, 6))))
print(list(zip(range(3), range(10, 0, -1))), [i * 2 for i in range(-2, 3)], any(range(1)), all(range(1, 4)))

# === slices of every sequence ===
seqs = ["abcdefgh", b"abcdefgh", [1, 2, 3, 4, 5, 6, 7, 8], (1, 2, 3, 4, 5, 6, 7, 8), range(1, 9)]
for sl in [slice(1, 6, 2), slice(None, None, -3), slice(-2, 1, -1), slice(6, None, -2), slice(None, -5), slice(-3, None, 1)]:
    print([seq[sl] for seq in seqs])
print("hello"[::-1], "hello"[4:1:-1], "hello"[-1::-2], "héllo wörld"[::2], "héllo"[1:3], (1, 2, 3)[::-2], "abc"[1:][::-1])


# === ranges at the 64-bit limits ===
M = 2 ** 63 - 1
N = -2 ** 63
for r in [range(M - 2, M), range(M, M - 3, -1), range(N, N + 3), range(N + 5, N, -2), range(0, M, 2 ** 62), range(M - 1, 0, -(2 ** 62))]:
    print(r, list(r), len(r), r[0], r[-1], M - 1 in r, N in r, N + 1 in r, r.count(M - 1), sum(r), max(r))
print(range(M - 2, M)[::-1], range(N, N + 3)[1:], range(M, M - 3, -1)[:1], range(N + 5, N, -2)[:2])
print(M in range(N, M), M - 1 in range(N, M), N in range(N, M), 0 in range(N, M, 2 ** 62), -(2 ** 62) in range(N, M, 2 ** 62))
print(range(N, M).index(0), range(N, M).count(5), [x for x, _ in zip(range(N, M), range(3))], [x for x, _ in zip(range(M, N, -1), range(3))])
print(sum(range(10 ** 6)), sum(range(0, 2 ** 62, 2 ** 60)), list(reversed(range(M - 3, M))), list(reversed(range(N + 3, N + 9, 3))))
show("len(range(N, M))", lambda: len(range(N, M)))

# === end ===
range(3)[3]
