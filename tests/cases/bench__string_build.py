# Scaled-down copy of ../shared/bench-corpus/string_build.py (same code, smaller size knobs).
# string_build: str concatenation, join, split, replace, find, upper/lower,
# slicing, str(int)/int(str).
def checksum(s):
    h = 0
    for ch in s:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return h


def build(n):
    parts = []
    i = 0
    while i < n:
        parts.append("item" + str(i) + ":" + str(i * 7 % 1000))
        i += 1
    return ",".join(parts)


def main(rounds, n):
    total = 0
    last = ""
    r = 0
    while r < rounds:
        s = build(n)
        fields = s.split(",")
        acc = ""
        for f in fields:
            kv = f.split(":")
            v = int(kv[1])
            if v % 3 == 0:
                acc += kv[0].upper()
            elif v % 3 == 1:
                acc += kv[0][2:]
            else:
                acc += "-"
        acc = acc.replace("ITEM", "#")
        total += len(acc) + acc.find("#99") + s.count("item1")
        words = []
        for f in fields[:200]:
            words.append(f.lower().replace("item", "x"))
        last = " ".join(words)
        r += 1
    return total, checksum(last), checksum(acc[:5000])


R = 3
N = 200
t, c1, c2 = main(R, N)
print("string_build", R, N, t, c1, c2)
