import os.path as p
from os.path import join, exists
from os import path, environ, getpid
import errno
from errno import ENOENT, errorcode
import sys
print(p.join('a', 'b'), join('x', 'y'), exists('/'), path is p, 'os.path' in sys.modules, ENOENT, errorcode[ENOENT])
print(type(environ).__name__, callable(getpid))
print(p.__name__)
try:
    import os.nothing
except ImportError as e:
    print(type(e).__name__, e)
