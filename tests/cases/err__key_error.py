# Uncaught KeyError: the message is the repr of the key.

prices = {"apple": 3, "pear": 5}
total = 0
for item in ["apple", "pear"]:
    total += prices[item]
print(total)
print(prices["x"])
