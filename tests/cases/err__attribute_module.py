# A missing attribute of a module: AttributeError: module 'sys' has no attribute 'nothing_here'.
import sys

print(len(sys.argv))
print(sys.nothing_here)
