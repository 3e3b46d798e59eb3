# Uncaught UnboundLocalError: assignment later in the function makes x local.

x = 10

def g():
    print("in g")
    print(x)
    x = 5

g()
