# Big containers dying: their items (here open files with unflushed data)
# are released by the next statement, as CPython's refcounting does.
import os

folder = "/tmp/sigpy-big-drops-%d" % os.getpid()
os.makedirs(folder, exist_ok=True)


def fresh(name, text):
    path = os.path.join(folder, name)
    f = open(path, "w")
    f.write(text)
    return path, f


def show(path):
    with open(path) as f:
        print(os.path.basename(path), repr(f.read()))


# A list whose first item is a file: freed last.
path, f = fresh("list.txt", "from a list")
big = [f] + list(range(10000))
del f
del big
show(path)

# A tuple, a dict (as key and as value) and a set.
path, f = fresh("tuple.txt", "from a tuple")
t = tuple([f] + [str(i) for i in range(5000)])
del f
t = None
show(path)

path, f = fresh("dict.txt", "from a dict")
d = {i: str(i) for i in range(5000)}
d["file"] = f
del f
d = {}
show(path)

path, f = fresh("set.txt", "from a set")
s = set(range(5000))
s.add(f)
del f
s.clear()
s = None
show(path)

# Nested: a big list of big lists, and a list replaced in a loop.
path, f = fresh("nested.txt", "nested")
outer = [list(range(3000)) for _ in range(5)]
outer[2][1500] = f
del f
outer = 0
show(path)

total = 0
for i in range(20):
    x = [str(j) for j in range(3000 + i)]
    total += len(x)
print("built", total)

for name in sorted(os.listdir(folder)):
    os.remove(os.path.join(folder, name))
os.rmdir(folder)
print("folder removed", not os.path.exists(folder))
