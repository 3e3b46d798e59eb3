# Setting and deleting attributes of built-in values: CPython's errors
# (data attributes are "not writable", methods "read-only", unknown names
# "have no attribute"), built-in methods are builtin_function_or_method,
# and built-in classmethods bind to the type when read from an instance.
def attempt(label, f):
    try:
        f()
        print(label, 'ok')
    except (AttributeError, TypeError) as e:
        print(label, type(e).__name__, e)


def set_attr(obj, name, value=1):
    return lambda: setattr(obj, name, value)


def del_attr(obj, name):
    return lambda: delattr(obj, name)


for obj, name in [(1, 'real'), (1, 'imag'), (7, 'numerator'), (7, 'denominator'), (True, 'real'),
                  (2 ** 80, 'real'), (1.5, 'real'), (1.5, 'imag'), ('abc', 'upper'), ([], 'append'),
                  ({}, 'get'), ((1,), 'count'), (b'x', 'decode'), (1, 'foo'), ('s', 'nope'),
                  (len, 'x'), (print, '__name__'), (print, '__qualname__'), (range(3), 'start'),
                  (None, 'x'), (object(), 'x'), (object(), '__str__'), (1, '__class__'), ([], '__class__')]:
    attempt('set %s.%s' % (type(obj).__name__, name), set_attr(obj, name))
    attempt('del %s.%s' % (type(obj).__name__, name), del_attr(obj, name))

for cls in [int, str, dict, list, object]:
    attempt('set %s.x' % cls.__name__, set_attr(cls, 'x'))
    attempt('del %s.real' % cls.__name__, del_attr(cls, 'real'))
    attempt('del %s.x' % cls.__name__, del_attr(cls, 'x'))


def f():
    pass


attempt('function __name__ = 5', set_attr(f, '__name__', 5))
attempt('function __qualname__ = None', set_attr(f, '__qualname__', None))
attempt('function __name__ = str', set_attr(f, '__name__', 'g'))
print(f.__name__, f.__qualname__)
f.__qualname__ = 'outer.g'
print(f.__qualname__)
attempt('del function attr', del_attr(f, 'nothing'))
f.tag = 3
del f.tag
print(hasattr(f, 'tag'))

# Built-in methods.
for m in ['abc'.upper, [].append, {}.get, (1).bit_length, b''.hex, print, len]:
    print(type(m).__name__, m.__name__, callable(m))
print(type('a'.upper) is type(print), 'a'.upper.__self__, [1].append.__self__)

# Built-in classmethods read from an instance bind to the type.
print({}.fromkeys('ab', 0), (1).from_bytes(b'\x01\x00', 'big'), b''.fromhex('4142'),
      ''.maketrans('ab', 'xy'), type({}.fromkeys).__name__, type(dict.fromkeys).__name__)
print(dict.fromkeys.__self__ is dict, {}.fromkeys.__self__ is dict, int.from_bytes.__self__ is int)
for obj, name in [(slice(1), 'stop'), (range(2), 'step'), ('a'.upper, '__self__'), ([].append, '__name__')]:
    attempt('set %s.%s' % (type(obj).__name__, name), set_attr(obj, name))


class A:
    def m(self):
        pass


for name in ['__self__', '__func__', 'x']:
    attempt('set method.%s' % name, set_attr(A().m, name))
attempt('del A().m', del_attr(A(), 'm'))
attempt('__class__ = 1', set_attr(1, '__class__', 1))
attempt('del __class__', del_attr(1, '__class__'))
