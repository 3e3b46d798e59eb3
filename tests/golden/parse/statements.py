import os, os.path as osp
from collections import (OrderedDict as OD, deque,)
from math import *
global g1, g2
a = b = c
a, *b = [c.d, e[0]] = f
a += 1
a.b: int = 2
n: int
del a, b.c, d[0], (e, [f])
assert a, "msg"
raise
raise E from None
if a:
    pass
elif b:
    pass
else:
    pass
while c:
    break
else:
    continue
for i, (j, *k) in x:
    pass
else:
    pass
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
else:
    pass
finally:
    pass
with a as b, c() as (d, e):
    pass
with (f as g, h):
    pass
if x: a; b; c
match = case = 1
