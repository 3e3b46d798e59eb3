# Conditions compile to jumps; loops and their else clauses.
def f(xs, n):
    if n > 0 and not xs:
        return 0
    elif n < 0 or xs:
        n = -n
    else:
        pass
    while n:
        n -= 1
        if n == 5:
            continue
        if n == 2:
            break
    else:
        print("done")
    for x in xs:
        if x:
            break
    else:
        return None
    while True:
        if 0 < n <= 10:
            return n
    assert n, "n must be set"
    return a < b < c
