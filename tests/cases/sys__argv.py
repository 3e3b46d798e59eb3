# sys.argv holds the script name when no arguments are given.
import sys

print(sys.argv)
print(len(sys.argv), sys.argv[0])
print(type(sys.argv).__name__)
