# Using a list as a dict key: TypeError: unhashable type: 'list'.

seen = {}
for item in [(1, 2), "x", [3, 4]]:
    print("adding", item)
    seen[item] = True
