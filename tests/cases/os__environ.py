import os
print('SIGPY_T1' in os.environ, os.environ.get('SIGPY_T1'), os.getenv('SIGPY_T1', 'dflt'))
os.environ['SIGPY_T1'] = 'value 1'
print('SIGPY_T1' in os.environ, os.environ['SIGPY_T1'], os.getenv('SIGPY_T1'))
print(end="", flush=True); os.system('echo child sees: "$SIGPY_T1"')
print('SIGPY_T1' in list(os.environ), 'SIGPY_T1' in os.environ.keys(), len(os.environ) > 0)
del os.environ['SIGPY_T1']
print(end="", flush=True); os.system('echo child sees: "${SIGPY_T1-unset}"')
try:
    os.environ['SIGPY_T1']
except KeyError as e:
    print('KeyError', e)
try:
    del os.environ['SIGPY_T1']
except KeyError as e:
    print('KeyError', e)
os.putenv('SIGPY_T2', 'two')
print(os.getenv('SIGPY_T2'))
print(end="", flush=True); os.system('echo child sees: "$SIGPY_T2"')
os.unsetenv('SIGPY_T2')
print(end="", flush=True); os.system('echo child sees: "${SIGPY_T2-unset}"')
for bad in [lambda: os.environ.__setitem__('A', 5), lambda: os.environ.__setitem__(5, 'a'),
            lambda: os.environ[5], lambda: 5 in os.environ, lambda: os.getenv(5),
            lambda: os.environ.__setitem__('A=B', 'x'), lambda: os.environ.__setitem__('', 'x'),
            lambda: os.putenv('A', 'b\0c'), lambda: os.environ.pop('SIGPY_NOPE'),
            lambda: os.unsetenv('A=B')]:
    try:
        bad()
        print('no error')
    except Exception as e:
        print(type(e).__name__, e)
print(os.environ.pop('SIGPY_NOPE', 'd'), os.environ.setdefault('SIGPY_T3', 'three'), os.environ['SIGPY_T3'])
os.environ.update({'SIGPY_T4': 'four'})
print(os.environ.copy()['SIGPY_T4'], type(os.environ.copy()).__name__, type(os.environ).__name__)
