for args in [(), ('x',), (2, 'x'), (2, 'x', 'f'), (18, 'Invalid cross-device link', 'a', None, 'b'), (2, 'x', 'f', None), (1,2,3,4,5,6), (11, 'a'), (999, 'z'), ('a','b')]:
    e = OSError(*args)
    print(type(e).__name__, repr(e), str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)
e = FileNotFoundError(2, 'No such', 'p')
print(repr(e), str(e))
try:
    open('/nonexistent/x')
except OSError as e:
    print(type(e).__name__, e, e.errno, e.strerror, e.filename)
class My(OSError): pass
print(type(My(2, 'x')).__name__)
e = OSError(2, 'x'); e.filename = 'q'; print(e)
e.errno = 5; print(e.errno, e)
print(OSError is IOError, EnvironmentError is OSError)
for n in [1,2,4,9,10,11,13,17,20,21,32,103,104,110,111,3,114,115,108]:
    print(n, type(OSError(n,'m')).__name__)
e = OSError(2, 'x', None)
print(e.args, e.filename, str(e))
e = OSError(2, 'x', 'a', 5, 'b')
print(e.args, e.filename, e.filename2, str(e), repr(e))
e.filename2 = None
print(str(e))
e = OSError('only')
e.errno = 3
print(str(e), e.errno, e.strerror)
e = OSError(None, None)
print(str(e))
try:
    raise FileExistsError(17, 'File exists', 'd')
except OSError as ex:
    print(type(ex).__name__, ex)
class MyErr(OSError):
    def __init__(self, a):
        super().__init__(1, a)
m = MyErr('mine')
print(type(m).__name__, m, m.errno, m.strerror, isinstance(m, OSError))
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError))
e = OSError(2, 'x')
e.filename = None
print(str(e))
