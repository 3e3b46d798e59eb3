# Float division by zero: ZeroDivisionError: float division by zero.

def mean(xs):
    return sum(xs) / len(xs) * 1.0 / (len(xs) - len(xs))

print(mean([1.0, 2.0]))
