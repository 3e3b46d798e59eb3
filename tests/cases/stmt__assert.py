# assert: passing asserts, caught failures, and an uncaught failure with a message.

# === passing asserts ===
assert True
assert 1 + 1 == 2, "math works"
assert [1]
print("passing asserts ok")

# === caught failures ===
try:
    assert False
except AssertionError as e:
    print("caught bare:", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("caught with message:", e)
try:
    assert [], ("tuple", 1)
except AssertionError as e:
    print("caught with tuple:", e.args)

# === the message is only evaluated on failure ===
def msg():
    print("msg evaluated")
    return "m"
assert True, msg()
try:
    assert False, msg()
except AssertionError as e:
    print(e)

# === uncaught ===
def check(n):
    assert n > 0, "n must be positive, got " + str(n)
    return n

print(check(3))
check(-1)
print("not reached")
