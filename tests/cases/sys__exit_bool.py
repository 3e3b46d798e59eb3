# sys.exit(True) exits with status 1; sys.exit(False) would exit 0.
import sys

print("exit with True")
sys.exit(True)
