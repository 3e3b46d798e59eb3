# print() and input() with sys.stdout / sys.stdin replaced by other objects.
import sys


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)
        return len(s)

    def flush(self):
        self.calls.append("<flush>")


class Lines:
    def __init__(self, lines):
        self.lines = list(lines)

    def readline(self):
        return self.lines.pop(0) if self.lines else ""


rec = Recorder()
real = sys.stdout
sys.stdout = rec
print("a", 1, [2])
print("x", "y", sep="-", end="!\n")
print()
print("flushed", flush=True)
sys.stdout = real
print(rec.calls)
print(sys.stdout is sys.__stdout__)

rec = Recorder()
print("to a file object", 3, file=rec, sep="+")
print(rec.calls)

sys.stdin = Lines(["first line\n", "second\n", "third"])
rec = Recorder()
sys.stdout = rec
got = [input("prompt: "), input(), input("p2")]
try:
    input()
except EOFError as e:
    got.append("EOFError: %s" % e)
sys.stdout = real
print(got)
print(rec.calls)

sys.stdout = None
print("goes nowhere")
try:
    input("x")
except RuntimeError as e:
    err = e
sys.stdout = real
print("RuntimeError", err)
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print("RuntimeError", e)
sys.stdin = sys.__stdin__
print("done")
