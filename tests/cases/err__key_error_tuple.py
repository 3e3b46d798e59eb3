# KeyError with a tuple key: the message is the repr of the tuple.

grid = {(0, 0): "a", (0, 1): "b"}
print(grid[0, 1])
print(grid[(5, 5)])
