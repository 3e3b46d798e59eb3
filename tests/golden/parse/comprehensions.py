a = [x * y for x in xs if x for y in ys if y if x != y]
b = {k: v for k, v in items}
c = {x for x in xs}
d = (x for x in xs)
e = sum(x for x in xs)
f = [(x, y) for x, y in pairs]
g = [y := f(x), y ** 2]
