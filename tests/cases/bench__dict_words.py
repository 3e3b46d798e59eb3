# Scaled-down copy of ../shared/bench-corpus/dict_words.py (same code, smaller size knobs).
# dict_words: dict insert/lookup/update/delete keyed by strings, string
# concatenation and slicing; words come from a deterministic LCG.
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "xe", "zu",
             "ba", "de", "fi", "go", "hu", "ja", "ko", "le", "ma", "ni",
             "po", "qu", "re", "si", "to", "ve", "wa", "yo", "ce", "pi",
             "nu", "da"]


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state


def make_word(rng):
    r = rng.next()
    n = 1 + (r >> 4) % 4
    w = ""
    k = 0
    while k < n:
        w = w + SYLLABLES[(r >> (5 * k + 10)) & 31]
        k += 1
    return w


def main(n):
    rng = Rng(42)
    counts = {}
    i = 0
    while i < n:
        w = make_word(rng)
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
        i += 1
    # group by first syllable
    groups = {}
    for w in counts:
        key = w[:2]
        lst = groups.get(key)
        if lst is None:
            lst = []
            groups[key] = lst
        lst.append(w)
    # second pass: lookups with .get and string building
    hits = 0
    total_len = 0
    i = 0
    while i < n:
        w = make_word(rng)
        c = counts.get(w, 0)
        if c > 0:
            hits += 1
            total_len += len(w)
        i += 1
    # delete rare words
    rare = []
    for w, c in counts.items():
        if c < 3:
            rare.append(w)
    for w in rare:
        del counts[w]
    biggest = 0
    for key in groups:
        if len(groups[key]) > biggest:
            biggest = len(groups[key])
    s = 0
    for w in sorted(counts):
        s = (s * 31 + counts[w] + len(w)) & 0xFFFFFFFF
    return len(counts), len(groups), biggest, hits, total_len, s


N = 4000
print("dict_words", N, main(N))
