# Set displays iterate in CPython's order, including displays of constants
# (which CPython builds as frozenset constants).
# === int and tuple constants ===
print({100, 9, 17, 3, 1, 2})
print({-1, 5, 3, (1, 2)})
print({8, 16, 24, 32, 1, 2, 3, 4, 5})
print({1000, 2000, 3000, 4000, 5000, 64, 128})
print({0, -5, 7, 33, 65, 97, 129, 12, 44})
print({(1, 2), (2, 1), (0, 0), 5})
x = 3
print({100, 9, 17, x})
print(set([100, 9, 17, 3, 1, 2]))
