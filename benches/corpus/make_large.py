"""Writes large.py, the front-end benchmark's input (benches/frontend.rs).

    python3 benches/corpus/make_large.py > benches/corpus/large.py

The output is a plain, runnable program of about 2000 lines: SECTIONS
variations of one realistic module section (classes with inheritance and
dunders, functions with every parameter form, comprehensions, try/except,
with, closures, loops with else, string formatting). It prints one checksum
line, the same under sigpy and python3.
"""

SECTIONS = 12

SECTION = '''
# ---------------------------------------------------------------- section {i}


class Error{i}(Exception):
    """Raised when a record of section {i} is malformed."""

    def __init__(self, field, value):
        super().__init__("bad %s: %r" % (field, value))
        self.field = field
        self.value = value


class Record{i}:
    kind = "record{i}"
    count = 0

    def __init__(self, key, weight={w}, *tags, scale=1, **extra):
        if weight < 0:
            raise Error{i}("weight", weight)
        self.key = key
        self.weight = weight * scale
        self.tags = list(tags)
        self.extra = dict(extra)
        Record{i}.count += 1

    def __repr__(self):
        return f"Record{i}({{self.key!r}}, {{self.weight}})"

    def __eq__(self, other):
        if not isinstance(other, Record{i}):
            return NotImplemented
        return (self.key, self.weight) == (other.key, other.weight)

    def __hash__(self):
        return hash((self.key, self.weight))

    def __lt__(self, other):
        return (self.weight, self.key) < (other.weight, other.key)

    def __len__(self):
        return len(self.tags)

    def score(self, bias=0):
        total = self.weight + bias
        for j, tag in enumerate(self.tags):
            total += (j + 1) * len(tag)
        return total % {m}


class Tagged{i}(Record{i}):
    kind = "tagged{i}"

    def __init__(self, key, *tags, **extra):
        super().__init__(key, {w} + len(tags), *tags, **extra)
        self.label = "-".join(sorted(tags)) or "none"

    def score(self, bias=0):
        base = super().score(bias)
        return base * 2 if self.label != "none" else base


class Ledger{i}:
    def __init__(self):
        self.entries = []
        self.open = False

    def __enter__(self):
        self.open = True
        return self

    def __exit__(self, exc_type, exc, tb):
        self.open = False
        return exc_type is not None and issubclass(exc_type, Error{i})

    def add(self, record):
        if not self.open:
            raise RuntimeError("ledger {i} is closed")
        self.entries.append(record)
        return len(self.entries)


def make_records_{i}(n, *, prefix="k{i}", step={s}):
    out = []
    for j in range(n):
        key = "%s_%03d" % (prefix, j)
        tags = [t for t in ("a", "bb", "ccc", "dddd") if (j + len(t)) % 3 != 0]
        if j % 4 == 0:
            out.append(Tagged{i}(key, *tags, origin=j))
        else:
            out.append(Record{i}(key, j * step % 17, *tags, scale=2))
    return out


def summarize_{i}(records, limit=None, **options):
    by_kind = {{}}
    for r in records:
        by_kind.setdefault(r.kind, []).append(r)
    sizes = {{k: len(v) for k, v in by_kind.items()}}
    heavy = sorted([r for r in records if r.weight > {h}], reverse=True)[:limit]
    keys = {{r.key[-1] for r in records}}
    pairs = [(a.key, b.key) for a in records[:4] for b in records[:4] if a is not b and a < b]
    verbose = options.get("verbose", False)
    if verbose:
        print("section {i}:", sizes)
    return sizes, heavy, keys, pairs


def checked_{i}(values):
    ok, bad = 0, 0
    for v in values:
        try:
            if v is None:
                raise Error{i}("value", v)
            r = Record{i}("c%d" % v, v - {h})
        except Error{i} as e:
            bad += 1
            last = e.field
        except (TypeError, ValueError):
            bad += 100
        else:
            ok += r.score()
        finally:
            ok += 1
    while bad > 0:
        bad -= 3
        if bad == 1:
            break
    else:
        ok += 7
    return ok, bad


def counter_{i}(start=0):
    value = start

    def bump(by=1):
        nonlocal value
        value += by
        return value

    return bump


def run_section_{i}():
    records = make_records_{i}({n})
    sizes, heavy, keys, pairs = summarize_{i}(records, limit=5)
    bump = counter_{i}({i})
    with Ledger{i}() as ledger:
        for r in heavy:
            bump(ledger.add(r))
        raise Error{i}("stop", len(heavy))
    first, *middle, last = [r.score(bias={i}) for r in records]
    text = "{{}}|{{:>6}}|{{:.2f}}".format(sizes, len(keys), sum(middle) / max(len(middle), 1))
    ok, bad = checked_{i}([None, {h} + 1, {h} + 5, None, {h} - 1])
    squares = {{j: j * j for j in range(10) if j % 2}}
    flags = [bool(r) for r in records if len(r) < 3]
    mixed = (first if first > last else last, len(pairs), bump(0), ok, bad)
    table = sorted(records)[::3]
    return len(text) + sum(squares.values()) + flags.count(True) + sum(mixed) + len(table)
'''

FOOTER = '''

# ---------------------------------------------------------------- main


def main():
    total = 0
    for run in [{runs}]:
        total = (total * 31 + run()) % 1000000007
    print("large", {sections}, total)


main()
'''


def main():
    parts = ['"""Generated by benches/corpus/make_large.py; input of benches/frontend.rs."""\n']
    for i in range(SECTIONS):
        parts.append(SECTION.format(i=i, w=3 + i % 5, m=97 + i, s=1 + i % 7, h=8 + i % 6, n=12 + i % 9))
    runs = ", ".join("run_section_%d" % i for i in range(SECTIONS))
    parts.append(FOOTER.format(runs=runs, sections=SECTIONS))
    print("".join(parts), end="")


if __name__ == "__main__":
    main()
