# A user module named like a standard-library module shadows it, as in
# CPython (sys.path holds the user's folders before the library's).
WHO = "the helpers' string.py"
