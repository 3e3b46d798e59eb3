# A syntax error anywhere in the file: nothing runs, exit 1, SyntaxError.

print("this line never runs")

def broken(:
    pass
