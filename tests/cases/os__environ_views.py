# os.environ.keys()/values()/items() are live views (collections.abc's
# KeysView, ValuesView, ItemsView), as in CPython.
import os

for k in list(os.environ):
    if k.startswith('SIGPY_V'):
        del os.environ[k]
os.environ['SIGPY_V1'] = 'one'
keys, values, items = os.environ.keys(), os.environ.values(), os.environ.items()
print(type(keys).__name__, type(values).__name__, type(items).__name__)
print(type(keys).__module__)
n = len(os.environ)
print(len(keys) == n, len(values) == n, len(items) == n)
print('SIGPY_V1' in keys, 'SIGPY_V2' in keys, 'one' in values, 'two' in values)
print(('SIGPY_V1', 'one') in items, ('SIGPY_V1', 'two') in items, ('SIGPY_V2', 'one') in items)
# The views follow later changes.
os.environ['SIGPY_V2'] = 'two'
print(len(keys) == n + 1, 'SIGPY_V2' in keys, 'two' in values, ('SIGPY_V2', 'two') in items)
del os.environ['SIGPY_V1']
print(len(keys) == n, 'SIGPY_V1' in keys, 'one' in values, ('SIGPY_V1', 'one') in items)
print(list(keys) == list(os.environ), list(values) == [os.environ[k] for k in os.environ])
print(list(items) == [(k, os.environ[k]) for k in os.environ])
print(sorted(k for k in keys if k.startswith('SIGPY_V')), sorted(v for v in values if v == 'two'))
print([kv for kv in items if kv[0].startswith('SIGPY_V')])
print(dict(items) == os.environ.copy(), set(keys) == set(os.environ))
# Set operations of KeysView and ItemsView give sets.
print(keys & {'SIGPY_V2', 'nope'}, {'SIGPY_V2', 'nope'} & keys, type(keys & set()).__name__)
print(sorted(({'SIGPY_V2', 'nope'} - keys)), sorted(k for k in keys - {'SIGPY_V2'} if k.startswith('SIGPY_V')))
print(sorted(k for k in keys | {'x'} if k in ('x', 'SIGPY_V2')), 'SIGPY_V2' in (keys ^ {'x'}), 'x' in (keys ^ {'x'}))
print(items & {('SIGPY_V2', 'two'), ('SIGPY_V2', 'x')})
print(keys.isdisjoint({'nope'}), keys.isdisjoint(['SIGPY_V2']), items.isdisjoint([('a', 'b')]))
print(keys == set(os.environ), keys == set(), keys != set(), keys == list(os.environ))
print(keys >= {'SIGPY_V2'}, keys <= {'SIGPY_V2'}, {'SIGPY_V2'} < keys, keys > {'SIGPY_V2'})
r = repr(keys)
print(r.startswith('KeysView(environ({'), r.endswith('}))'), repr(values).startswith('ValuesView(environ({'), repr(items).startswith('ItemsView(environ({'))
# Iterating a view while the environment changes: a snapshot of the keys.
it = iter(keys)
first = next(it)
os.environ['SIGPY_V3'] = 'three'
rest = list(it)
print(first in os.environ, 'SIGPY_V3' in rest or 'SIGPY_V3' not in rest)
print(len(values) == len(os.environ), 'three' in values)
# Unhashable / bad items
for bad in [lambda: 5 in keys, lambda: ('a',) in items, lambda: 5 in items, lambda: keys & 5, lambda: keys[0]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
# Mapping helpers
os.environ |= {'SIGPY_V4': 'four'}
print(os.environ['SIGPY_V4'], type(os.environ | {}).__name__, ({'a': 'b'} | os.environ)['a'])
print((os.environ | {'SIGPY_V4': 'x'})['SIGPY_V4'], os.environ['SIGPY_V4'])
for k in ('SIGPY_V2', 'SIGPY_V3', 'SIGPY_V4'):
    del os.environ[k]
print(sorted(k for k in keys if k.startswith('SIGPY_V')))
