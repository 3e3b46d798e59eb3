# Comprehensions are nested code objects called with iter(first iterable).
def f(rows, n):
    flat = [x * n for row in rows for x in row if x]
    uniq = {x for x in flat}
    index = {k: v for k, v in enumerate(flat)}
    total = sum(x for x in flat)
    nested = [[y for y in row] for row in rows]
    if any((hit := x) > n for x in flat):
        return hit
    return flat, uniq, index, total, nested
