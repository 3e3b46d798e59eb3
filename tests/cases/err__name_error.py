# Uncaught NameError for an undefined global.

def use():
    return x + 1

print("before")
use()
