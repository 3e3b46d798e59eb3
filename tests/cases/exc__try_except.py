# try/except/else: matching, binding, e.args, str(e), tuples of types.

# === basic catch ===
try:
    1 / 0
except ZeroDivisionError:
    print("caught ZeroDivisionError")

# === as binding, args and str ===
try:
    raise ValueError("bad value", 42)
except ValueError as e:
    print(type(e).__name__, e.args, str(e), repr(e))
try:
    raise ValueError("single")
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    raise ValueError
except ValueError as e:
    print(e.args, repr(str(e)), repr(e))
try:
    raise KeyError("k")
except KeyError as e:
    print(e.args, str(e), repr(e))

# === first matching clause wins ===
def classify(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError"
    except LookupError:
        return "LookupError"
    except (TypeError, ValueError) as e:
        return "TypeError or ValueError: " + type(e).__name__
    except Exception as e:
        return "Exception: " + type(e).__name__
print(classify(KeyError()), classify(IndexError()), classify(ValueError()), classify(TypeError()), classify(RuntimeError()))

# === else runs only without an exception ===
def attempt(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        return "div by zero"
    else:
        return "ok " + str(r)
print(attempt(2), attempt(0))

# === the as-name is deleted after the except block ===
try:
    raise RuntimeError("x")
except RuntimeError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)

# === exceptions propagate out of functions ===
def inner():
    raise IndexError("from inner")
def outer():
    inner()
try:
    outer()
except IndexError as e:
    print("caught:", e)

# === bare except catches everything ===
try:
    [].pop()
except:
    print("bare except")

# === re-raise with bare raise ===
def reraiser():
    try:
        {}["missing"]
    except KeyError:
        print("handling, then re-raising")
        raise
try:
    reraiser()
except KeyError as e:
    print("re-raised:", repr(e))

# === nested try ===
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("wrong handler")
    print("not reached")
except TypeError as e:
    print("outer caught", e)

# === exception in except block replaces the original ===
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise KeyError("second")
except KeyError as e:
    print("got", repr(e), "context:", repr(e.__context__))

# === uncaught exception type does not match ===
try:
    try:
        raise ValueError("v")
    except TypeError:
        print("no")
except ValueError:
    print("passed through the non-matching handler")

# === catching in a loop ===
results = []
for v in ["1", "x", "3", "", "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append(None)
        continue
    finally:
        results.append("|")
print(results)

# === exception instances are objects ===
errors = [ValueError("a"), TypeError("b"), KeyError("c")]
for err in errors:
    try:
        raise err
    except Exception as caught:
        print(caught is err, type(caught).__name__, caught.args)
