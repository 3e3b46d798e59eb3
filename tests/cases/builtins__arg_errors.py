# Argument-count, type and value errors of builtins, with CPython messages.

try:
    r = len()
    print('len()', 'OK', repr(r)[:60])
except Exception as e:
    print('len()', type(e).__name__ + ':', str(e)[:150])

try:
    r = len(1,2)
    print('len(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('len(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = abs()
    print('abs()', 'OK', repr(r)[:60])
except Exception as e:
    print('abs()', type(e).__name__ + ':', str(e)[:150])

try:
    r = divmod(1)
    print('divmod(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('divmod(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = getattr(1)
    print('getattr(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('getattr(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = getattr(1,2,3,4)
    print('getattr(1,2,3,4)', 'OK', repr(r)[:60])
except Exception as e:
    print('getattr(1,2,3,4)', type(e).__name__ + ':', str(e)[:150])

try:
    r = [].append()
    print('[].append()', 'OK', repr(r)[:60])
except Exception as e:
    print('[].append()', type(e).__name__ + ':', str(e)[:150])

try:
    r = [].insert(1)
    print('[].insert(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('[].insert(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = [].pop(1,2)
    print('[].pop(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('[].pop(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.count()
    print("'a'.count()", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.count()", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.upper(1)
    print("'a'.upper(1)", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.upper(1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = sorted()
    print('sorted()', 'OK', repr(r)[:60])
except Exception as e:
    print('sorted()', type(e).__name__ + ':', str(e)[:150])

try:
    r = sorted([],x=1)
    print('sorted([],x=1)', 'OK', repr(r)[:60])
except Exception as e:
    print('sorted([],x=1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = print(x=1)
    print('print(x=1)', 'OK', repr(r)[:60])
except Exception as e:
    print('print(x=1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = [].sort(1)
    print('[].sort(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('[].sort(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = isinstance(1)
    print('isinstance(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('isinstance(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = next()
    print('next()', 'OK', repr(r)[:60])
except Exception as e:
    print('next()', type(e).__name__ + ':', str(e)[:150])

try:
    r = iter()
    print('iter()', 'OK', repr(r)[:60])
except Exception as e:
    print('iter()', type(e).__name__ + ':', str(e)[:150])

try:
    r = min()
    print('min()', 'OK', repr(r)[:60])
except Exception as e:
    print('min()', type(e).__name__ + ':', str(e)[:150])

try:
    r = max(1)
    print('max(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('max(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = sum()
    print('sum()', 'OK', repr(r)[:60])
except Exception as e:
    print('sum()', type(e).__name__ + ':', str(e)[:150])

try:
    r = range()
    print('range()', 'OK', repr(r)[:60])
except Exception as e:
    print('range()', type(e).__name__ + ':', str(e)[:150])

try:
    r = range(1,2,3,4)
    print('range(1,2,3,4)', 'OK', repr(r)[:60])
except Exception as e:
    print('range(1,2,3,4)', type(e).__name__ + ':', str(e)[:150])

try:
    r = hasattr(1)
    print('hasattr(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('hasattr(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = setattr(1,2)
    print('setattr(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('setattr(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = chr()
    print('chr()', 'OK', repr(r)[:60])
except Exception as e:
    print('chr()', type(e).__name__ + ':', str(e)[:150])

try:
    r = ord()
    print('ord()', 'OK', repr(r)[:60])
except Exception as e:
    print('ord()', type(e).__name__ + ':', str(e)[:150])

try:
    r = len(x=1)
    print('len(x=1)', 'OK', repr(r)[:60])
except Exception as e:
    print('len(x=1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = {}.get()
    print('{}.get()', 'OK', repr(r)[:60])
except Exception as e:
    print('{}.get()', type(e).__name__ + ':', str(e)[:150])

try:
    r = {}.pop()
    print('{}.pop()', 'OK', repr(r)[:60])
except Exception as e:
    print('{}.pop()', type(e).__name__ + ':', str(e)[:150])

try:
    r = {}.setdefault()
    print('{}.setdefault()', 'OK', repr(r)[:60])
except Exception as e:
    print('{}.setdefault()', type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.join()
    print("'a'.join()", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.join()", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.startswith()
    print("'a'.startswith()", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.startswith()", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.replace('a')
    print("'a'.replace('a')", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.replace('a')", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.find()
    print("'a'.find()", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.find()", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.strip(1,2)
    print("'a'.strip(1,2)", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.strip(1,2)", type(e).__name__ + ':', str(e)[:150])

try:
    r = hex()
    print('hex()', 'OK', repr(r)[:60])
except Exception as e:
    print('hex()', type(e).__name__ + ':', str(e)[:150])

try:
    r = bin(1,2)
    print('bin(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('bin(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.zfill()
    print("'a'.zfill()", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.zfill()", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.center()
    print("'a'.center()", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.center()", type(e).__name__ + ':', str(e)[:150])

try:
    r = int(1,2,3)
    print('int(1,2,3)', 'OK', repr(r)[:60])
except Exception as e:
    print('int(1,2,3)', type(e).__name__ + ':', str(e)[:150])

try:
    r = int(x=1)
    print('int(x=1)', 'OK', repr(r)[:60])
except Exception as e:
    print('int(x=1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = float(1,2)
    print('float(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('float(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = str(1,2,3,4)
    print('str(1,2,3,4)', 'OK', repr(r)[:60])
except Exception as e:
    print('str(1,2,3,4)', type(e).__name__ + ':', str(e)[:150])

try:
    r = list(1,2)
    print('list(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('list(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = tuple(1,2)
    print('tuple(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('tuple(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = dict(1,2)
    print('dict(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('dict(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = set(1,2)
    print('set(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('set(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = bool(1,2)
    print('bool(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('bool(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = list(x=1)
    print('list(x=1)', 'OK', repr(r)[:60])
except Exception as e:
    print('list(x=1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = map(len)
    print('map(len)', 'OK', repr(r)[:60])
except Exception as e:
    print('map(len)', type(e).__name__ + ':', str(e)[:150])

try:
    r = filter(1)
    print('filter(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('filter(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = reversed()
    print('reversed()', 'OK', repr(r)[:60])
except Exception as e:
    print('reversed()', type(e).__name__ + ':', str(e)[:150])

try:
    r = callable()
    print('callable()', 'OK', repr(r)[:60])
except Exception as e:
    print('callable()', type(e).__name__ + ':', str(e)[:150])

try:
    r = id()
    print('id()', 'OK', repr(r)[:60])
except Exception as e:
    print('id()', type(e).__name__ + ':', str(e)[:150])

try:
    r = hash()
    print('hash()', 'OK', repr(r)[:60])
except Exception as e:
    print('hash()', type(e).__name__ + ':', str(e)[:150])

try:
    r = repr()
    print('repr()', 'OK', repr(r)[:60])
except Exception as e:
    print('repr()', type(e).__name__ + ':', str(e)[:150])

try:
    r = type()
    print('type()', 'OK', repr(r)[:60])
except Exception as e:
    print('type()', type(e).__name__ + ':', str(e)[:150])

try:
    r = type(1,2)
    print('type(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('type(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = object(1)
    print('object(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('object(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = slice()
    print('slice()', 'OK', repr(r)[:60])
except Exception as e:
    print('slice()', type(e).__name__ + ':', str(e)[:150])

try:
    r = [].index()
    print('[].index()', 'OK', repr(r)[:60])
except Exception as e:
    print('[].index()', type(e).__name__ + ':', str(e)[:150])

try:
    r = [].count()
    print('[].count()', 'OK', repr(r)[:60])
except Exception as e:
    print('[].count()', type(e).__name__ + ':', str(e)[:150])

try:
    r = [].remove()
    print('[].remove()', 'OK', repr(r)[:60])
except Exception as e:
    print('[].remove()', type(e).__name__ + ':', str(e)[:150])

try:
    r = ().index()
    print('().index()', 'OK', repr(r)[:60])
except Exception as e:
    print('().index()', type(e).__name__ + ':', str(e)[:150])

try:
    r = {}.update(1,2)
    print('{}.update(1,2)', 'OK', repr(r)[:60])
except Exception as e:
    print('{}.update(1,2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = {}.keys(1)
    print('{}.keys(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('{}.keys(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = set().add()
    print('set().add()', 'OK', repr(r)[:60])
except Exception as e:
    print('set().add()', type(e).__name__ + ':', str(e)[:150])

try:
    r = set().union(1)
    print('set().union(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('set().union(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.index('b')
    print("'a'.index('b')", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.index('b')", type(e).__name__ + ':', str(e)[:150])

try:
    r = [].index(1)
    print('[].index(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('[].index(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = ['a'].index('b')
    print("['a'].index('b')", 'OK', repr(r)[:60])
except Exception as e:
    print("['a'].index('b')", type(e).__name__ + ':', str(e)[:150])

try:
    r = [].remove(1)
    print('[].remove(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('[].remove(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = [].pop()
    print('[].pop()', 'OK', repr(r)[:60])
except Exception as e:
    print('[].pop()', type(e).__name__ + ':', str(e)[:150])

try:
    r = {}.popitem()
    print('{}.popitem()', 'OK', repr(r)[:60])
except Exception as e:
    print('{}.popitem()', type(e).__name__ + ':', str(e)[:150])

try:
    r = set().pop()
    print('set().pop()', 'OK', repr(r)[:60])
except Exception as e:
    print('set().pop()', type(e).__name__ + ':', str(e)[:150])

try:
    r = set().remove(1)
    print('set().remove(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('set().remove(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = max([])
    print('max([])', 'OK', repr(r)[:60])
except Exception as e:
    print('max([])', type(e).__name__ + ':', str(e)[:150])

try:
    r = min([])
    print('min([])', 'OK', repr(r)[:60])
except Exception as e:
    print('min([])', type(e).__name__ + ':', str(e)[:150])

try:
    r = '{}'.format()
    print("'{}'.format()", 'OK', repr(r)[:60])
except Exception as e:
    print("'{}'.format()", type(e).__name__ + ':', str(e)[:150])

try:
    r = '{0}{}'.format(1,2)
    print("'{0}{}'.format(1,2)", 'OK', repr(r)[:60])
except Exception as e:
    print("'{0}{}'.format(1,2)", type(e).__name__ + ':', str(e)[:150])

try:
    r = '{x}'.format()
    print("'{x}'.format()", 'OK', repr(r)[:60])
except Exception as e:
    print("'{x}'.format()", type(e).__name__ + ':', str(e)[:150])

try:
    r = chr(-1)
    print('chr(-1)', 'OK', repr(r)[:60])
except Exception as e:
    print('chr(-1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = chr(0x110000)
    print('chr(0x110000)', 'OK', repr(r)[:60])
except Exception as e:
    print('chr(0x110000)', type(e).__name__ + ':', str(e)[:150])

try:
    r = ord('ab')
    print("ord('ab')", 'OK', repr(r)[:60])
except Exception as e:
    print("ord('ab')", type(e).__name__ + ':', str(e)[:150])

try:
    r = ord(1)
    print('ord(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('ord(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = int('x')
    print("int('x')", 'OK', repr(r)[:60])
except Exception as e:
    print("int('x')", type(e).__name__ + ':', str(e)[:150])

try:
    r = int('1', 99)
    print("int('1', 99)", 'OK', repr(r)[:60])
except Exception as e:
    print("int('1', 99)", type(e).__name__ + ':', str(e)[:150])

try:
    r = int(1, 10)
    print('int(1, 10)', 'OK', repr(r)[:60])
except Exception as e:
    print('int(1, 10)', type(e).__name__ + ':', str(e)[:150])

try:
    r = int([])
    print('int([])', 'OK', repr(r)[:60])
except Exception as e:
    print('int([])', type(e).__name__ + ':', str(e)[:150])

try:
    r = float([])
    print('float([])', 'OK', repr(r)[:60])
except Exception as e:
    print('float([])', type(e).__name__ + ':', str(e)[:150])

try:
    r = float('x')
    print("float('x')", 'OK', repr(r)[:60])
except Exception as e:
    print("float('x')", type(e).__name__ + ':', str(e)[:150])

try:
    r = range(0,1,0)
    print('range(0,1,0)', 'OK', repr(r)[:60])
except Exception as e:
    print('range(0,1,0)', type(e).__name__ + ':', str(e)[:150])

try:
    r = range('a')
    print("range('a')", 'OK', repr(r)[:60])
except Exception as e:
    print("range('a')", type(e).__name__ + ':', str(e)[:150])

try:
    r = round(1.5, 'a')
    print("round(1.5, 'a')", 'OK', repr(r)[:60])
except Exception as e:
    print("round(1.5, 'a')", type(e).__name__ + ':', str(e)[:150])

try:
    r = abs('a')
    print("abs('a')", 'OK', repr(r)[:60])
except Exception as e:
    print("abs('a')", type(e).__name__ + ':', str(e)[:150])

try:
    r = sum(['a'])
    print("sum(['a'])", 'OK', repr(r)[:60])
except Exception as e:
    print("sum(['a'])", type(e).__name__ + ':', str(e)[:150])

try:
    r = sum([1], 'a')
    print("sum([1], 'a')", 'OK', repr(r)[:60])
except Exception as e:
    print("sum([1], 'a')", type(e).__name__ + ':', str(e)[:150])

try:
    r = sum([[1]])
    print('sum([[1]])', 'OK', repr(r)[:60])
except Exception as e:
    print('sum([[1]])', type(e).__name__ + ':', str(e)[:150])

try:
    r = iter(1)
    print('iter(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('iter(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = next(1)
    print('next(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('next(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = len(1)
    print('len(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('len(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = hash([])
    print('hash([])', 'OK', repr(r)[:60])
except Exception as e:
    print('hash([])', type(e).__name__ + ':', str(e)[:150])

try:
    r = divmod('a',1)
    print("divmod('a',1)", 'OK', repr(r)[:60])
except Exception as e:
    print("divmod('a',1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = pow(2,3,0)
    print('pow(2,3,0)', 'OK', repr(r)[:60])
except Exception as e:
    print('pow(2,3,0)', type(e).__name__ + ':', str(e)[:150])

try:
    r = pow(2.0,3,4)
    print('pow(2.0,3,4)', 'OK', repr(r)[:60])
except Exception as e:
    print('pow(2.0,3,4)', type(e).__name__ + ':', str(e)[:150])

try:
    r = hex(1.0)
    print('hex(1.0)', 'OK', repr(r)[:60])
except Exception as e:
    print('hex(1.0)', type(e).__name__ + ':', str(e)[:150])

try:
    r = isinstance(1, 2)
    print('isinstance(1, 2)', 'OK', repr(r)[:60])
except Exception as e:
    print('isinstance(1, 2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = issubclass(1, int)
    print('issubclass(1, int)', 'OK', repr(r)[:60])
except Exception as e:
    print('issubclass(1, int)', type(e).__name__ + ':', str(e)[:150])

try:
    r = issubclass(int, 1)
    print('issubclass(int, 1)', 'OK', repr(r)[:60])
except Exception as e:
    print('issubclass(int, 1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = getattr(1, 'x')
    print("getattr(1, 'x')", 'OK', repr(r)[:60])
except Exception as e:
    print("getattr(1, 'x')", type(e).__name__ + ':', str(e)[:150])

try:
    r = getattr(1, 2)
    print('getattr(1, 2)', 'OK', repr(r)[:60])
except Exception as e:
    print('getattr(1, 2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = setattr(1, 'x', 2)
    print("setattr(1, 'x', 2)", 'OK', repr(r)[:60])
except Exception as e:
    print("setattr(1, 'x', 2)", type(e).__name__ + ':', str(e)[:150])

try:
    r = delattr(1, 'x')
    print("delattr(1, 'x')", 'OK', repr(r)[:60])
except Exception as e:
    print("delattr(1, 'x')", type(e).__name__ + ':', str(e)[:150])

try:
    r = vars(1)
    print('vars(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('vars(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = format(1, 'q')
    print("format(1, 'q')", 'OK', repr(r)[:60])
except Exception as e:
    print("format(1, 'q')", type(e).__name__ + ':', str(e)[:150])

try:
    r = format('a', 'd')
    print("format('a', 'd')", 'OK', repr(r)[:60])
except Exception as e:
    print("format('a', 'd')", type(e).__name__ + ':', str(e)[:150])

try:
    r = format(1.0, 'd')
    print("format(1.0, 'd')", 'OK', repr(r)[:60])
except Exception as e:
    print("format(1.0, 'd')", type(e).__name__ + ':', str(e)[:150])

try:
    r = format(1, '.2d')
    print("format(1, '.2d')", 'OK', repr(r)[:60])
except Exception as e:
    print("format(1, '.2d')", type(e).__name__ + ':', str(e)[:150])

try:
    r = format([], 'x')
    print("format([], 'x')", 'OK', repr(r)[:60])
except Exception as e:
    print("format([], 'x')", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'abc'.center(5, 'ab')
    print("'abc'.center(5, 'ab')", 'OK', repr(r)[:60])
except Exception as e:
    print("'abc'.center(5, 'ab')", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.join([1])
    print("'a'.join([1])", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.join([1])", type(e).__name__ + ':', str(e)[:150])

try:
    r = ', '.join(1)
    print("', '.join(1)", 'OK', repr(r)[:60])
except Exception as e:
    print("', '.join(1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.split('')
    print("'a'.split('')", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.split('')", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.startswith(1)
    print("'a'.startswith(1)", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.startswith(1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.encode('zzz')
    print("'a'.encode('zzz')", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.encode('zzz')", type(e).__name__ + ':', str(e)[:150])

try:
    r = b'\xff'.decode()
    print("b'\\xff'.decode()", 'OK', repr(r)[:60])
except Exception as e:
    print("b'\\xff'.decode()", type(e).__name__ + ':', str(e)[:150])

try:
    r = '\xe9'.encode('ascii')
    print("'\\xe9'.encode('ascii')", 'OK', repr(r)[:60])
except Exception as e:
    print("'\\xe9'.encode('ascii')", type(e).__name__ + ':', str(e)[:150])

try:
    r = [1,'a'].sort()
    print("[1,'a'].sort()", 'OK', repr(r)[:60])
except Exception as e:
    print("[1,'a'].sort()", type(e).__name__ + ':', str(e)[:150])

try:
    r = sorted([1,'a'])
    print("sorted([1,'a'])", 'OK', repr(r)[:60])
except Exception as e:
    print("sorted([1,'a'])", type(e).__name__ + ':', str(e)[:150])

try:
    r = list.append(1, 2)
    print('list.append(1, 2)', 'OK', repr(r)[:60])
except Exception as e:
    print('list.append(1, 2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = str.join(1, [])
    print('str.join(1, [])', 'OK', repr(r)[:60])
except Exception as e:
    print('str.join(1, [])', type(e).__name__ + ':', str(e)[:150])

try:
    r = dict.fromkeys()
    print('dict.fromkeys()', 'OK', repr(r)[:60])
except Exception as e:
    print('dict.fromkeys()', type(e).__name__ + ':', str(e)[:150])

try:
    r = {}.update([1])
    print('{}.update([1])', 'OK', repr(r)[:60])
except Exception as e:
    print('{}.update([1])', type(e).__name__ + ':', str(e)[:150])

try:
    r = {}.update([(1,2,3)])
    print('{}.update([(1,2,3)])', 'OK', repr(r)[:60])
except Exception as e:
    print('{}.update([(1,2,3)])', type(e).__name__ + ':', str(e)[:150])

try:
    r = dict([1])
    print('dict([1])', 'OK', repr(r)[:60])
except Exception as e:
    print('dict([1])', type(e).__name__ + ':', str(e)[:150])

try:
    r = dict([[1,2,3]])
    print('dict([[1,2,3]])', 'OK', repr(r)[:60])
except Exception as e:
    print('dict([[1,2,3]])', type(e).__name__ + ':', str(e)[:150])

try:
    r = frozenset().add(1)
    print('frozenset().add(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('frozenset().add(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = set().update(1)
    print('set().update(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('set().update(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = set([[]])
    print('set([[]])', 'OK', repr(r)[:60])
except Exception as e:
    print('set([[]])', type(e).__name__ + ':', str(e)[:150])

try:
    r = {1} | [1]
    print('{1} | [1]', 'OK', repr(r)[:60])
except Exception as e:
    print('{1} | [1]', type(e).__name__ + ':', str(e)[:150])

try:
    r = bytes('a')
    print("bytes('a')", 'OK', repr(r)[:60])
except Exception as e:
    print("bytes('a')", type(e).__name__ + ':', str(e)[:150])

try:
    r = bytes([256])
    print('bytes([256])', 'OK', repr(r)[:60])
except Exception as e:
    print('bytes([256])', type(e).__name__ + ':', str(e)[:150])

try:
    r = bytes(-1)
    print('bytes(-1)', 'OK', repr(r)[:60])
except Exception as e:
    print('bytes(-1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = super()
    print('super()', 'OK', repr(r)[:60])
except Exception as e:
    print('super()', type(e).__name__ + ':', str(e)[:150])

try:
    r = super(1, 2)
    print('super(1, 2)', 'OK', repr(r)[:60])
except Exception as e:
    print('super(1, 2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = property(1,2,3,4,5)
    print('property(1,2,3,4,5)', 'OK', repr(r)[:60])
except Exception as e:
    print('property(1,2,3,4,5)', type(e).__name__ + ':', str(e)[:150])

try:
    r = staticmethod()
    print('staticmethod()', 'OK', repr(r)[:60])
except Exception as e:
    print('staticmethod()', type(e).__name__ + ':', str(e)[:150])

try:
    r = ValueError(x=1)
    print('ValueError(x=1)', 'OK', repr(r)[:60])
except Exception as e:
    print('ValueError(x=1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = round(1, 2, 3)
    print('round(1, 2, 3)', 'OK', repr(r)[:60])
except Exception as e:
    print('round(1, 2, 3)', type(e).__name__ + ':', str(e)[:150])

try:
    r = min(1, 2, default=3)
    print('min(1, 2, default=3)', 'OK', repr(r)[:60])
except Exception as e:
    print('min(1, 2, default=3)', type(e).__name__ + ':', str(e)[:150])

try:
    r = max([], key=1, x=2)
    print('max([], key=1, x=2)', 'OK', repr(r)[:60])
except Exception as e:
    print('max([], key=1, x=2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = sorted([], reverse=1, key=None, x=1)
    print('sorted([], reverse=1, key=None, x=1)', 'OK', repr(r)[:60])
except Exception as e:
    print('sorted([], reverse=1, key=None, x=1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = enumerate([], x=1)
    print('enumerate([], x=1)', 'OK', repr(r)[:60])
except Exception as e:
    print('enumerate([], x=1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = '{:d}'.format('a')
    print("'{:d}'.format('a')", 'OK', repr(r)[:60])
except Exception as e:
    print("'{:d}'.format('a')", type(e).__name__ + ':', str(e)[:150])

try:
    r = '{0[1]}'.format([])
    print("'{0[1]}'.format([])", 'OK', repr(r)[:60])
except Exception as e:
    print("'{0[1]}'.format([])", type(e).__name__ + ':', str(e)[:150])

try:
    r = '{'.format()
    print("'{'.format()", 'OK', repr(r)[:60])
except Exception as e:
    print("'{'.format()", type(e).__name__ + ':', str(e)[:150])

try:
    r = '}'.format()
    print("'}'.format()", 'OK', repr(r)[:60])
except Exception as e:
    print("'}'.format()", type(e).__name__ + ':', str(e)[:150])

try:
    r = '{!x}'.format(1)
    print("'{!x}'.format(1)", 'OK', repr(r)[:60])
except Exception as e:
    print("'{!x}'.format(1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = '%d' % 'a'
    print("'%d' % 'a'", 'OK', repr(r)[:60])
except Exception as e:
    print("'%d' % 'a'", type(e).__name__ + ':', str(e)[:150])

try:
    r = '%d %d' % (1,)
    print("'%d %d' % (1,)", 'OK', repr(r)[:60])
except Exception as e:
    print("'%d %d' % (1,)", type(e).__name__ + ':', str(e)[:150])

try:
    r = '%d' % (1, 2)
    print("'%d' % (1, 2)", 'OK', repr(r)[:60])
except Exception as e:
    print("'%d' % (1, 2)", type(e).__name__ + ':', str(e)[:150])

try:
    r = '%y' % 1
    print("'%y' % 1", 'OK', repr(r)[:60])
except Exception as e:
    print("'%y' % 1", type(e).__name__ + ':', str(e)[:150])

try:
    r = '%(x)s' % 1
    print("'%(x)s' % 1", 'OK', repr(r)[:60])
except Exception as e:
    print("'%(x)s' % 1", type(e).__name__ + ':', str(e)[:150])

try:
    r = '%f' % 'a'
    print("'%f' % 'a'", 'OK', repr(r)[:60])
except Exception as e:
    print("'%f' % 'a'", type(e).__name__ + ':', str(e)[:150])

try:
    r = '%x' % 1.5
    print("'%x' % 1.5", 'OK', repr(r)[:60])
except Exception as e:
    print("'%x' % 1.5", type(e).__name__ + ':', str(e)[:150])

try:
    r = '100%' % ()
    print("'100%' % ()", 'OK', repr(r)[:60])
except Exception as e:
    print("'100%' % ()", type(e).__name__ + ':', str(e)[:150])

try:
    r = '%c' % 'ab'
    print("'%c' % 'ab'", 'OK', repr(r)[:60])
except Exception as e:
    print("'%c' % 'ab'", type(e).__name__ + ':', str(e)[:150])

try:
    r = max(1, 2, key=lambda x: 'a' if x == 1 else 1)
    print("max(1, 2, key=lambda x: 'a' if x == 1 else 1)", 'OK', repr(r)[:60])
except Exception as e:
    print("max(1, 2, key=lambda x: 'a' if x == 1 else 1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = min([1, 'a'])
    print("min([1, 'a'])", 'OK', repr(r)[:60])
except Exception as e:
    print("min([1, 'a'])", type(e).__name__ + ':', str(e)[:150])

try:
    r = list(zip([1], [1,2], strict=True))
    print('list(zip([1], [1,2], strict=True))', 'OK', repr(r)[:60])
except Exception as e:
    print('list(zip([1], [1,2], strict=True))', type(e).__name__ + ':', str(e)[:150])

try:
    r = int('9' * 5000)
    print("int('9' * 5000)", 'OK', repr(r)[:60])
except Exception as e:
    print("int('9' * 5000)", type(e).__name__ + ':', str(e)[:150])

try:
    r = round(float('inf'))
    print("round(float('inf'))", 'OK', repr(r)[:60])
except Exception as e:
    print("round(float('inf'))", type(e).__name__ + ':', str(e)[:150])

try:
    r = round(float('nan'))
    print("round(float('nan'))", 'OK', repr(r)[:60])
except Exception as e:
    print("round(float('nan'))", type(e).__name__ + ':', str(e)[:150])

try:
    r = int(float('inf'))
    print("int(float('inf'))", 'OK', repr(r)[:60])
except Exception as e:
    print("int(float('inf'))", type(e).__name__ + ':', str(e)[:150])

try:
    r = divmod(1, 0)
    print('divmod(1, 0)', 'OK', repr(r)[:60])
except Exception as e:
    print('divmod(1, 0)', type(e).__name__ + ':', str(e)[:150])

try:
    r = divmod(1.0, 0)
    print('divmod(1.0, 0)', 'OK', repr(r)[:60])
except Exception as e:
    print('divmod(1.0, 0)', type(e).__name__ + ':', str(e)[:150])

try:
    r = (256).to_bytes(1, 'big')
    print("(256).to_bytes(1, 'big')", 'OK', repr(r)[:60])
except Exception as e:
    print("(256).to_bytes(1, 'big')", type(e).__name__ + ':', str(e)[:150])

try:
    r = (-1).to_bytes(1, 'big')
    print("(-1).to_bytes(1, 'big')", 'OK', repr(r)[:60])
except Exception as e:
    print("(-1).to_bytes(1, 'big')", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a' in {}.keys()
    print("'a' in {}.keys()", 'OK', repr(r)[:60])
except Exception as e:
    print("'a' in {}.keys()", type(e).__name__ + ':', str(e)[:150])

try:
    r = [].extend(1)
    print('[].extend(1)', 'OK', repr(r)[:60])
except Exception as e:
    print('[].extend(1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = [].insert('a', 1)
    print("[].insert('a', 1)", 'OK', repr(r)[:60])
except Exception as e:
    print("[].insert('a', 1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = [1,2].index(2, 0, 1)
    print('[1,2].index(2, 0, 1)', 'OK', repr(r)[:60])
except Exception as e:
    print('[1,2].index(2, 0, 1)', type(e).__name__ + ':', str(e)[:150])

try:
    r = sorted([], key=None, reverse=None)
    print('sorted([], key=None, reverse=None)', 'OK', repr(r)[:60])
except Exception as e:
    print('sorted([], key=None, reverse=None)', type(e).__name__ + ':', str(e)[:150])

try:
    r = 'abc'.strip(1)
    print("'abc'.strip(1)", 'OK', repr(r)[:60])
except Exception as e:
    print("'abc'.strip(1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.ljust('x')
    print("'a'.ljust('x')", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.ljust('x')", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.ljust(3, 'xy')
    print("'a'.ljust(3, 'xy')", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.ljust(3, 'xy')", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'ab'.partition('')
    print("'ab'.partition('')", 'OK', repr(r)[:60])
except Exception as e:
    print("'ab'.partition('')", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'abc'.replace('b', 1)
    print("'abc'.replace('b', 1)", 'OK', repr(r)[:60])
except Exception as e:
    print("'abc'.replace('b', 1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'abc'.find(1)
    print("'abc'.find(1)", 'OK', repr(r)[:60])
except Exception as e:
    print("'abc'.find(1)", type(e).__name__ + ':', str(e)[:150])

try:
    r = 'a'.startswith(('b', 1))
    print("'a'.startswith(('b', 1))", 'OK', repr(r)[:60])
except Exception as e:
    print("'a'.startswith(('b', 1))", type(e).__name__ + ':', str(e)[:150])

try:
    r = b'a'.find('a')
    print("b'a'.find('a')", 'OK', repr(r)[:60])
except Exception as e:
    print("b'a'.find('a')", type(e).__name__ + ':', str(e)[:150])

try:
    r = b','.join([b'a', 'b'])
    print("b','.join([b'a', 'b'])", 'OK', repr(r)[:60])
except Exception as e:
    print("b','.join([b'a', 'b'])", type(e).__name__ + ':', str(e)[:150])

try:
    r = next(iter([]))
    print('next(iter([]))', 'OK', repr(r)[:60])
except Exception as e:
    print('next(iter([]))', type(e).__name__ + ':', str(e)[:150])

try:
    r = bytes(1.5)
    print('bytes(1.5)', 'OK', repr(r)[:60])
except Exception as e:
    print('bytes(1.5)', type(e).__name__ + ':', str(e)[:150])

try:
    r = str(b'a', 'zz')
    print("str(b'a', 'zz')", 'OK', repr(r)[:60])
except Exception as e:
    print("str(b'a', 'zz')", type(e).__name__ + ':', str(e)[:150])

try:
    r = input(1, 2)
    print('input(1, 2)', 'OK', repr(r)[:60])
except Exception as e:
    print('input(1, 2)', type(e).__name__ + ':', str(e)[:150])

try:
    r = sum([1], start=[])
    print('sum([1], start=[])', 'OK', repr(r)[:60])
except Exception as e:
    print('sum([1], start=[])', type(e).__name__ + ':', str(e)[:150])

try:
    r = isinstance(1, (int, (str, 3)))
    print('isinstance(1, (int, (str, 3)))', 'OK', repr(r)[:60])
except Exception as e:
    print('isinstance(1, (int, (str, 3)))', type(e).__name__ + ':', str(e)[:150])
