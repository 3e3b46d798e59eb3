@deco
def f():
    return g(1,
             2)
x = (a
     + b)
