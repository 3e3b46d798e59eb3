# Assignments, operators, attributes, subscripts and slices.
x = 1
a = b = x + 2 * 3 - -4
x += 1
o.attr = x
o.attr -= 2
d[k] = v
d[k] *= 2
y = d[1:2], d[::3], d[1, 2:]
p, (q, r) = 1, (2, 3)
first, *rest, last = range(10)
del x, o.attr, d[k]
z = not a or b and c
w = (1, 2.5, "s", b"b", None, True, ..., -7)
n = 12345678901234567890123
