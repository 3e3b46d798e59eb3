# if/elif/else, while/else, break, continue, pass.

# === if / elif / else ===
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in [-5, 0, 3, 10, 100]:
    print(n, classify(n))

# === nested if ===
for a in [True, False]:
    for b in [True, False]:
        if a:
            if b:
                print("a and b")
            else:
                print("a only")
        elif b:
            print("b only")
        else:
            print("neither")

# === while with break / continue ===
i = 0
out = []
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 9:
        break
    out.append(i)
print(out)

# === while / else ===
n = 3
while n > 0:
    n -= 1
else:
    print("while finished normally, n =", n)
n = 3
while n > 0:
    if n == 2:
        print("breaking at", n)
        break
    n -= 1
else:
    print("not printed")

while False:
    pass
else:
    print("else of a loop that never ran")

# === pass ===
if True:
    pass
class Nothing:
    pass
def nothing():
    pass
print(nothing(), Nothing.__name__)

# === collatz ===
def collatz(n):
    steps = 0
    while n != 1:
        if n % 2:
            n = 3 * n + 1
        else:
            n //= 2
        steps += 1
    return steps

print([collatz(k) for k in range(1, 16)], collatz(27))

# === nested loops with break ===
found = None
for x in range(2, 50):
    for y in range(2, x):
        if x % y == 0:
            break
    else:
        found = x
print("last prime below 50:", found)

# === conditions of any type ===
for v in [0, "", [], None, 1, "x", [0]]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
