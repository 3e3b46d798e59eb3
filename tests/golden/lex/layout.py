if x:
    # comment only
    y = (1,
         2)  # trailing

    if z:
        pass
w = [
  3,
]
v = 1 + \
    2
