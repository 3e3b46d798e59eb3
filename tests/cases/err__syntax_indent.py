# An indentation error: nothing runs, exit 1, IndentationError.

print("this line never runs")

def f():
    x = 1
      y = 2
    return x
