# A bare failing assert: the last stderr line is just AssertionError.

values = [3, 2, 1]
for v in values:
    print("checking", v)
    assert v > 1
