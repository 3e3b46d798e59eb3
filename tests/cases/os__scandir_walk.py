# os.scandir (DirEntry) and os.walk, top-down and bottom-up, with errors.
import os, os.path

D = '/tmp/sigpy-os-walk-%d' % os.getpid()
for sub in ('', '/a', '/a/b', '/c', '/a/b/deep'):
    os.mkdir(D + sub)
for name in ('/f1', '/a/f2', '/a/b/f3', '/c/f4', '/c/f5'):
    with open(D + name, 'w') as fh:
        fh.write(name * 3)
os.symlink('a', D + '/link_to_a')
os.symlink('f1', D + '/link_to_f1')
os.symlink('missing', D + '/dangling')


def rel(p):
    return p.replace(D, 'D') if isinstance(p, str) else p.replace(D.encode(), b'D')


def show(fn):
    try:
        r = fn()
    except Exception as e:
        print(type(e).__name__, rel(str(e)))
    else:
        print('->', r)


print('scandir')
with os.scandir(D) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, rel(e.path), e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False),
          e.inode() == os.lstat(e.path).st_ino, os.fspath(e) == e.path)
for e in entries:
    if e.name != 'dangling':
        print(e.name, e.stat().st_size == os.stat(e.path).st_size,
              e.stat(follow_symlinks=False).st_mode == os.lstat(e.path).st_mode)
show(lambda: [x for x in entries if x.name == 'dangling'][0].stat())
print(type(entries[0]).__name__, type(os.scandir(D)).__name__)
bs = sorted(os.scandir(D.encode()), key=lambda e: e.name)
print([rel(e.path) for e in bs][:3], [e.name for e in bs][:3])
cwd = os.getcwd()
os.chdir(D + '/c')
print(sorted(e.path for e in os.scandir()), sorted(e.path for e in os.scandir('.')))
show(lambda: os.scandir(''))
os.chdir(cwd)
it = os.scandir(D)
print(iter(it) is it, next(it).name in os.listdir(D))
it.close()
show(lambda: next(it))
show(lambda: os.scandir(D + '/nope'))
show(lambda: os.scandir(D + '/f1'))
show(lambda: os.scandir(1.5))
show(lambda: os.scandir('a\0b'))

print('walk top-down')
for top, dirs, files in os.walk(D):
    dirs.sort()
    print(rel(top), dirs, sorted(files))
print('walk pruned')
for top, dirs, files in os.walk(D):
    dirs[:] = [d for d in sorted(dirs) if d != 'a']
    print(rel(top), dirs, sorted(files))
print('walk bottom-up')
seen = []
for top, dirs, files in os.walk(D, topdown=False):
    print(rel(top), sorted(dirs), sorted(files), all(os.path.join(top, d) in seen for d in dirs if d != 'link_to_a'))
    seen.append(top)
print('walk followlinks')
for top, dirs, files in sorted(os.walk(D, followlinks=True)):
    print(rel(top), sorted(dirs), sorted(files))
print('walk bytes')
for top, dirs, files in sorted(os.walk(D.encode() + b'/c')):
    print(rel(top), dirs, sorted(files))
print('walk errors')
print(list(os.walk(D + '/nope')))
errs = []
print(list(os.walk(D + '/nope', onerror=errs.append)), [(type(e).__name__, e.errno, rel(e.filename)) for e in errs])
print(list(os.walk(D + '/f1')))
show(lambda: list(os.walk(1.5)))
show(lambda: list(os.walk(None)))

for top, dirs, files in os.walk(D, topdown=False):
    for name in files:
        os.remove(os.path.join(top, name))
    for name in dirs:
        p = os.path.join(top, name)
        if os.path.islink(p):
            os.remove(p)
        else:
            os.rmdir(p)
os.rmdir(D)
print('done', os.path.exists(D))
