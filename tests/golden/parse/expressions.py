x = -2 ** -3 ** 2
y = a if b else c if d else lambda q, *r, s=1, **t: q
z = not a == b < c is not d not in e and f or g
w = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
v = ~-+a ** b
u = f(a, *b, c=1, **d)(e)[1:2, ::3, ...].attr
t = a[1:], a[:2], a[::], a[x := 1], a[*b]
s = (yield)
r = [1, *a, 2], (3, *b), {4, *c}, {5: 6, **d}, (), [], {}
q = 'a' 'b', b'c' b'd', f'{e}' 'f'
p = 0xff, 1_000_000, 1.5e3, 99999999999999999999999999
