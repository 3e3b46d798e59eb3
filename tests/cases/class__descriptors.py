# User-defined descriptors: __get__/__set__/__delete__ (data descriptors win
# over the instance dict, non-data ones lose to it), access through the
# class, __set_name__ at class creation, and their errors.
log = []


class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.key = '_' + name
        log.append(('set_name', owner.__name__, name))

    def __get__(self, obj, owner=None):
        if obj is None:
            return ('class access', owner.__name__, self.name)
        return obj.__dict__.get(self.key, 'unset')

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError('%s must be an int, not %s' % (self.name, type(value).__name__))
        obj.__dict__[self.key] = value * 10

    def __delete__(self, obj):
        log.append(('delete', self.name))
        obj.__dict__.pop(self.key, None)


class Lazy:
    """A non-data descriptor: computes once, then the instance dict wins."""
    def __init__(self, f):
        self.f = f
        self.calls = 0

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        self.calls += 1
        value = self.f(obj)
        obj.__dict__[self.f.__name__] = value
        return value


class Point:
    x = Field()
    y = Field()

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @Lazy
    def norm2(self):
        return self.x * self.x + self.y * self.y


print(log)
p = Point(1, 2)
print(p.x, p.y, p.__dict__, Point.x)
p.__dict__['x'] = 'shadow?'
print(p.x)
print(p.norm2, p.norm2, Point.__dict__['norm2'].calls, type(Point.norm2).__name__)
del p.x
print(p.x, log[-1])
try:
    p.y = 'bad'
except TypeError as e:
    print('TypeError', e)
print(getattr(p, 'y'), hasattr(p, 'x'), vars(p))
setattr(p, 'x', 7)
print(p.x)


class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__['seen'] = value


class DeleteOnly:
    def __delete__(self, obj):
        print('deleting')


class Holder:
    s = SetOnly()
    d = DeleteOnly()


h = Holder()
print(type(h.s).__name__)
h.s = 5
print(h.seen, type(h.s).__name__)
h.__dict__['s'] = 'own'
print(h.s)
del h.d
for action in [lambda: setattr(h, 'd', 1), lambda: delattr(h, 's')]:
    try:
        action()
    except AttributeError as e:
        print('AttributeError', e)


class Sub(Point):
    z = Field()


s = Sub(3, 4)
s.z = 5
print(s.x, s.z, s.norm2, Sub.z, log[-1])


# A descriptor added after the class was made, and one whose __get__ raises
# AttributeError (then __getattr__ answers).
class Late:
    def __getattr__(self, name):
        return 'getattr ' + name


class Missing:
    def __get__(self, obj, owner=None):
        raise AttributeError('not here')


Late.m = Missing()
late_field = Field()
late_field.__set_name__(Late, 'f')
Late.f = late_field
l = Late()
print(l.m, l.f)
l.f = 4
print(l.f)


# A descriptor whose __get__ returns a function: method calls go through it.
class Bind:
    def __get__(self, obj, owner=None):
        return lambda *a: ('called', a)


class UsesBind:
    meth = Bind()


u = UsesBind()
print(u.meth(1, 2), UsesBind.meth(3))
for i in range(3):
    print(u.meth(i))


# __set_name__ errors are wrapped in a RuntimeError naming the attribute.
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError('no ' + name)


try:
    class Broken:
        attr = Bad()
except RuntimeError as e:
    print('RuntimeError', e, '| cause:', repr(e.__cause__))


# super() calls a descriptor found on a base class: __get__(obj, start type),
# or __get__(None, start type) from a class method.
class Tag:
    def __get__(self, obj, owner=None):
        return ('get', type(obj).__name__, owner.__name__)


class Top:
    tag = Tag()


class Below(Top):
    tag = 'shadowed'

    def via_super(self):
        return super().tag

    @classmethod
    def via_super_cls(cls):
        return super().tag


print(Below().via_super(), Below.via_super_cls(), Below.tag)
