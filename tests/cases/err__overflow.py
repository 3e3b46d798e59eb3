# Converting a huge int to float: OverflowError.

x = 10 ** 300
print(float(x) > 0)
y = x * 10 ** 100
print(float(y))
