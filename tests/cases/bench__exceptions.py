# Scaled-down copy of ../shared/bench-corpus/exceptions.py (same code, smaller size knobs).
# exceptions: raise/catch in a loop, class hierarchy matching, finally,
# re-raise, exception args, raise through several frames.
class AppError(Exception):
    pass


class NotFound(AppError):
    def key(self):
        return self.args[0]


class Invalid(AppError):
    pass


def lookup(table, key):
    if key in table:
        return table[key]
    raise NotFound(key)


def validate(v):
    if v % 7 == 0:
        raise Invalid("bad", v)
    return v


def deep(n, v):
    if n == 0:
        return validate(v)
    return deep(n - 1, v) + 1


def main(n):
    table = {}
    i = 0
    while i < 1000:
        table[i * 2] = i
        i += 1
    caught_nf = 0
    caught_inv = 0
    finals = 0
    other = 0
    acc = 0
    i = 0
    while i < n:
        try:
            try:
                acc += lookup(table, i % 2000)
                acc += deep(3, i)
            finally:
                finals += 1
        except NotFound as e:
            caught_nf += 1
            acc += e.key() & 3
        except AppError as e:
            caught_inv += 1
            acc += len(e.args)
        try:
            if i % 5 == 0:
                raise KeyError(i)
            acc += 1
        except (KeyError, IndexError):
            other += 1
        try:
            try:
                [][i % 3 + 1]
            except IndexError:
                raise ValueError("wrapped")
        except ValueError:
            other += 1
        i += 1
    return caught_nf, caught_inv, finals, other, acc & 0xFFFFFFFF


N = 5000
print("exceptions", N, main(N))
