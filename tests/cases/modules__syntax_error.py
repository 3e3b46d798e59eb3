# An uncaught SyntaxError from an imported module ends the program with
# CPython's report.
print("before")
import mod_syntax_bad
print("not reached")
