# memoryview over bytes and bytearray: indexing, slices sharing the buffer,
# assignment, attributes, release and the context manager, the resize guard
# of an exported bytearray; bad input gets CPython's exceptions.

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
ba = bytearray(b'abcdef')
m = memoryview(ba)
t(lambda: memoryview())
t(lambda: memoryview('x'))
t(lambda: memoryview(1))
t(lambda: memoryview(b'a', 1))
t(lambda: m[10])
t(lambda: m[-7])
t(lambda: m['x'])
t(lambda: m[1.5])
def s(k, v, mm=m):
    mm[k] = v
    return ba
t(lambda: s(0, 300))
t(lambda: s(0, -1))
t(lambda: s(0, 'x'))
t(lambda: s(0, b'x'))
t(lambda: s(10, 1))
t(lambda: s(slice(0,2), b'abc'))
t(lambda: s(slice(0,2), 5))
t(lambda: s(slice(0,2), [1,2]))
t(lambda: s(slice(0,2), 'ab'))
t(lambda: s(slice(0,2), bytearray(b'XY')))
t(lambda: s(slice(0,6,2), b'123'))
t(lambda: s(0, 65, memoryview(b'abc')))
t(lambda: s(slice(0,1), b'z', memoryview(b'abc')))
def dl(): del m[0]
t(dl)
def dl2(): del m[0:1]
t(dl2)
t(lambda: m.tobytes())
t(lambda: m.tolist())
t(lambda: m.hex())
t(lambda: m.hex(':'))
t(lambda: m.readonly)
t(lambda: m.nbytes)
t(lambda: m[::2].nbytes)
t(lambda: m[::2].tobytes())
t(lambda: m[::-1].tobytes())
t(lambda: m.format)
t(lambda: m.itemsize)
t(lambda: m.ndim)
t(lambda: m.shape)
t(lambda: m.strides)
t(lambda: m[::2].strides)
t(lambda: m.obj is ba)
t(lambda: m.contiguous)
t(lambda: m[::2].contiguous)
t(lambda: m.c_contiguous)
t(lambda: m.f_contiguous)
t(lambda: m.toreadonly().readonly)
t(lambda: m == b'XYcdef')
t(lambda: repr(m)[:10])
t(lambda: len(m))
t(lambda: list(m))
t(lambda: ba.append(1))
t(lambda: ba.extend(b''))
t(lambda: ba.extend(b'a'))
t(lambda: ba.pop())
t(lambda: ba.clear())
t(lambda: ba.reverse())
def ia():
    global ba
    ba += b'x'
t(ia)
def im():
    global ba
    ba *= 1
t(im)
def im2():
    global ba
    ba *= 2
t(im2)
t(lambda: s(slice(0,1), b'ab', ba))
t(lambda: s(slice(0,1), b'Q', ba))
t(lambda: ba)
def d3(): del ba[0]
t(d3)
def d4(): del ba[0:0]
t(d4)
m.release()
t(lambda: m[0])
t(lambda: len(m))
t(lambda: m.tobytes())
t(lambda: bytes(m))
t(lambda: m == m)
t(lambda: m == b'')
t(lambda: m.readonly)
t(lambda: m.nbytes)
t(lambda: m.obj)
t(lambda: m.release())
t(lambda: bool(m))
t(lambda: repr(m)[:18])
t(lambda: ba.append(1))
t(lambda: ba)
with memoryview(ba) as m2:
    t(lambda: ba.append(2))
    t(lambda: m2[0])
t(lambda: ba.append(3))
t(lambda: m2[0])
m3 = memoryview(ba)
s3 = m3[1:3]
m3.release()
t(lambda: ba.append(4))
s3.release()
t(lambda: ba.append(5))
m4 = memoryview(ba); del m4
t(lambda: ba.append(6))
t(lambda: hash(memoryview(b'ab')) == hash(b'ab'))
t(lambda: memoryview(b'ab') == memoryview(bytearray(b'ab')))
t(lambda: memoryview(b'ab') == [97, 98])
t(lambda: memoryview(b'ab') != b'ab')
t(lambda: bytes(memoryview(b'abc')[1:]))
t(lambda: bytearray(memoryview(b'abc')[::2]))
t(lambda: memoryview(memoryview(b'abc')[1:]).tobytes())
t(lambda: memoryview(b'abc').tolist())
t(lambda: type(memoryview(b'')).__name__)
t(lambda: isinstance(memoryview(b''), memoryview))
t(lambda: str(memoryview(b'')) [:7])
t(lambda: memoryview(b'abc')[1:][0])
t(lambda: memoryview(b'abc')[-1])
t(lambda: memoryview(b'abc').tobytes('A'))
t(lambda: memoryview(b'abc').tobytes(1))
t(lambda: memoryview(b'abc').tolist(1))
t(lambda: iter(memoryview(b'ab')).__next__())
t(lambda: memoryview(b'ab').__enter__().tobytes())
t(lambda: bool(memoryview(b'')))
t(lambda: repr(memoryview(b''))[:10])
t(lambda: memoryview(b'abc') == memoryview(b'abc')[::1])
t(lambda: memoryview(b'abc')[::-1] == b'cba')
t(lambda: memoryview(b'abc') == 'abc')
t(lambda: memoryview(b'abc') < memoryview(b'abd'))
t(lambda: b'ab' + memoryview(b'cd'))
t(lambda: memoryview(b'ab') * 2)
t(lambda: hash(memoryview(bytearray(b'a')).toreadonly()) == hash(b'a'))
t(lambda: {memoryview(b'k'): 1}[b'k'])
t(lambda: 'x' in memoryview(b'x'))
t(lambda: memoryview(b'abcdef')[1:5][1:3].tobytes())
t(lambda: memoryview(b'abcdef')[::2][::-1].tobytes())
t(lambda: memoryview(b'abcdef')[4:1].tobytes())
t(lambda: memoryview(b'abc')[::0])
t(lambda: memoryview(b'abc').tobytes(order='C'))
t(lambda: memoryview(b'abc').tobytes('Z'))
t(lambda: memoryview(b'abc').hex(':', 2))
t(lambda: memoryview.tobytes(b'x'))

# writing through views and slices of views changes the bytearray
buf = bytearray(b'0123456789')
view = memoryview(buf)
part = view[2:8]
part[0] = ord('A')
part[1:3] = b'BC'
part[::2] = b'xyz'
print(buf, part.tobytes(), view[2], part.obj is buf)
buf[0] = ord('Z')
print(part.tobytes(), view[0], bytes(view[:3]))
view[-1] = 33
print(buf)
part.release()
view.release()
buf.extend(b'!')
print(buf)
with memoryview(buf) as v:
    try:
        buf.clear()
    except BufferError as e:
        print('clear', e)
    try:
        buf += b'x'
    except BufferError as e:
        print('iadd', e)
    print(v.readonly, len(v))
buf.clear()
print(buf)
try:
    with memoryview(b'abc') as v2:
        raise KeyError('inside')
except KeyError as e:
    print('with error', e)
try:
    v2[0]
except ValueError as e:
    print('after with', e)
ro = memoryview(bytearray(b'rw')).toreadonly()
try:
    ro[0] = 1
except TypeError as e:
    print('toreadonly', e, ro.readonly, ro.tobytes())
