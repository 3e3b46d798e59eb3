# Call forms, imports and f-strings.
import os.path
import json as j
from sys import argv, path as p

print(1, 2, sep=", ")
obj.method(1, key=2)
f(*args)
f(a, *args, b, **kw)
f(**kw, x=1)
s = f"{argv!r:>{width}} and {p=} {j}"
m = {"a": 1, **extra, "b": 2}
l = [1, *args, 2]
