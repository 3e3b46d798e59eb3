# An exception raised while handling another: both tracebacks, last line is the second.

def load():
    try:
        return {}["config"]
    except KeyError:
        return undefined_fallback

print("loading")
load()
