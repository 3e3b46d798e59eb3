# Source-level forms: comments, continuation lines, semicolons, one-line blocks, indentation.

# === semicolons ===
a = 1; b = 2; print(a + b)

# === one-line compound statements ===
if a: print("one-line if")
for i in range(2): print("one-line for", i)
while b > 0: b -= 1
def one(): return "one-line def"
print(one())
class One: value = 1
print(One.value)

# === backslash continuation ===
total = 1 + \
        2 + \
        3
print(total)
if a == 1 and \
   total == 6:
    print("continued condition")

# === implicit joining in brackets ===
items = [
    1,
    2,   # a comment inside
    3,
]
mapping = {
    "x": 1,
    "y": (
        2
    ),
}
print(items, mapping, (1 +
    2))
def call(*args,
         **kwargs):
    return (args,
            kwargs)
print(call(1,
           2, k=3))

# === trailing commas ===
print((1,), [1,], {1: 2,}, call(1, 2,))

# === comments everywhere ===
# a full-line comment
x = 5  # trailing comment
# indented comment below
if x:
    # comment inside a block
    print("x is", x)  # another
        # oddly indented comment is ignored

# === tabs and mixed indentation levels in separate blocks ===
def deep():
    if True:
        if True:
            if True:
                return "deep"
print(deep())

# === blank lines and pass ===
def gaps():


    return "gaps"
print(gaps())

# === docstrings are expression statements ===
def documented():
    """This function has a docstring."""
    return 1
print(documented())

# === empty file lines at end ===
