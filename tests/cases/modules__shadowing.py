# A user module shadows a standard-library module of the same name (here
# helpers/shadow/string.py, once its folder is first on sys.path), but not
# the modules compiled into the interpreter.
import sys
import mod_counter

sys.path.insert(0, mod_counter.__file__.rsplit("/", 1)[0] + "/shadow")
import string
print(string.WHO, hasattr(string, "ascii_letters"))
import time
print(type(sys.path).__name__, callable(time.time))
import json, math, random
print(json.dumps([1]), math.floor(2.5), random.Random(1).randint(1, 9))
