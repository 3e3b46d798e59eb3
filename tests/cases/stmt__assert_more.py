# assert: message expressions of every kind, asserts in functions and loops.

# === f-string and formatted messages ===
def check_positive(n):
    assert n > 0, f"expected positive, got {n!r} ({type(n).__name__})"
    return n
try:
    check_positive(-2.5)
except AssertionError as e:
    print(e)
try:
    check_positive("")
except TypeError as e:
    print("TypeError:", e)

# === non-string messages keep their value ===
for msg in [42, None, [1, 2], {"k": "v"}, ValueError("inner")]:
    try:
        assert False, msg
    except AssertionError as e:
        print(type(e.args[0]).__name__, repr(e.args[0]), str(e))

# === the condition is evaluated once, the message lazily ===
events = []
def cond(v):
    events.append("cond")
    return v
def message():
    events.append("message")
    return "msg"
assert cond(True), message()
try:
    assert cond(0), message()
except AssertionError:
    pass
print(events)

# === assert in a loop and after recovery ===
bad = []
for value in [1, 0, 3, -1]:
    try:
        assert value, "zero at position %d" % len(bad)
        bad.append(None)
    except AssertionError as e:
        bad.append(str(e))
print(bad)

# === the traceback context of a re-raised assertion ===
try:
    try:
        assert 1 == 2, "first"
    except AssertionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__))

# === AssertionError is an Exception ===
try:
    assert []
except Exception as e:
    print(type(e).__name__, isinstance(e, AssertionError), e.args)

# === uncaught with a multi-part message ===
items = ["a", "b"]
assert len(items) == 3, "expected 3 items, got %d: %s" % (len(items), ", ".join(items))
