# User-defined exception classes.

class AppError(Exception):
    pass

class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return "bad config key " + repr(self.key) + ": " + self.reason

class NetworkError(AppError):
    code = 500

# === catching by user base class ===
for exc in [AppError("plain"), ConfigError("port", "not a number"), NetworkError("down")]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, str(e), e.args)

# === attributes on exceptions ===
try:
    raise ConfigError("host", "empty")
except ConfigError as e:
    print(e.key, e.reason, e.args, isinstance(e, Exception))
try:
    raise NetworkError("timeout")
except NetworkError as e:
    print(e.code, e.args[0])

# === repr of user exceptions ===
print(repr(AppError("x")), repr(NetworkError()), repr(AppError(1, 2)))

# === issubclass ===
print(issubclass(ConfigError, AppError), issubclass(ConfigError, Exception), issubclass(AppError, ConfigError))

# === exception class with extra methods ===
class Retry(Exception):
    def __init__(self, attempts):
        super().__init__("retry after " + str(attempts))
        self.attempts = attempts
    def next(self):
        return Retry(self.attempts + 1)
try:
    raise Retry(1).next()
except Retry as e:
    print(e, e.attempts)

# === except tuple with user classes ===
def check(n):
    if n < 0:
        raise ConfigError("n", "negative")
    if n == 0:
        raise NetworkError("zero")
    return n
for n in [-1, 0, 1]:
    try:
        print("ok", check(n))
    except (ConfigError, NetworkError) as e:
        print("handled", type(e).__name__)

# === uncaught user exception: last line uses the class name and __str__ ===
raise ConfigError("mode", "unknown value")
