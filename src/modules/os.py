# The Python part of sigpy's os module, run in the module's dict after the
# natives and the empty os.path module are in place. It follows CPython
# 3.11's Lib/os.py, Lib/posixpath.py and Lib/genericpath.py.


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, "__fspath__"):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                    .format(path_type.__name__, type(path_repr).__name__))


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


def getcwdb():
    return getcwd().encode("utf-8", "surrogateescape")


class stat_result:
    """The result of os.stat: ten fields by index (times as ints), more
    by name (st_atime as a float, st_atime_ns as an int...)."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    def __init__(self, raw):
        (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid,
         self.st_gid, self.st_size, a, an, m, mn, c, cn, self.st_blksize,
         self.st_blocks, self.st_rdev) = raw
        self.st_atime = a + an * 1e-9
        self.st_mtime = m + mn * 1e-9
        self.st_ctime = c + cn * 1e-9
        self.st_atime_ns = a * 1000000000 + an
        self.st_mtime_ns = m * 1000000000 + mn
        self.st_ctime_ns = c * 1000000000 + cn
        self._tuple = (self.st_mode, self.st_ino, self.st_dev, self.st_nlink,
                       self.st_uid, self.st_gid, self.st_size, a, m, c)

    def __getitem__(self, i):
        return self._tuple[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._tuple)

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._tuple == other._tuple
        if isinstance(other, tuple):
            return self._tuple == other
        return NotImplemented

    def __hash__(self):
        return hash(self._tuple)

    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid",
                 "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime")
        return "os.stat_result(%s)" % ", ".join(
            "%s=%r" % (n, v) for n, v in zip(names, self._tuple))


def _no_dir_fd(name, dir_fd):
    if dir_fd is not None:
        raise NotImplementedError("sigpy's os.%s does not take dir_fd" % name)


def stat(path, *, dir_fd=None, follow_symlinks=True):
    _no_dir_fd("stat", dir_fd)
    return stat_result(_stat(path, follow_symlinks, "stat"))


def lstat(path, *, dir_fd=None):
    _no_dir_fd("lstat", dir_fd)
    if isinstance(path, int):
        raise TypeError("lstat: path should be string, bytes or os.PathLike, "
                        "not " + type(path).__name__)
    return stat_result(_stat(path, False, "lstat"))


def fstat(fd):
    if not isinstance(fd, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(fd).__name__)
    return stat_result(_stat(fd, True, "fstat"))


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, "ASCII")
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def _check_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)
    return value


class _Environ:
    """os.environ: a mapping of str whose writes go to the process
    environment (putenv/unsetenv), as CPython's."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[_check_str(key)]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        _check_str(key)
        _check_str(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _check_str(key)
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return _check_str(key) in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def __repr__(self):
        return "environ({%s})" % ", ".join(
            "%r: %r" % (k, v) for k, v in self._data.items())

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return KeysView(self)

    def values(self):
        return ValuesView(self)

    def items(self):
        return ItemsView(self)

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        if len(default) > 1:
            raise TypeError("pop expected at most 2 arguments, got %d"
                            % (1 + len(default)))
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kw):
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        for k in list(self._data):
            del self[k]


class _MappingView:
    """The live views of os.environ (collections.abc's KeysView,
    ValuesView and ItemsView): they follow later changes."""

    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "{0.__class__.__name__}({0._mapping!r})".format(self)


def _view_operand(other):
    """The other operand of a view's set operation as a set, or None
    (NotImplemented) if it is not iterable."""
    try:
        it = iter(other)
    except TypeError:
        return None
    return set(it)


class _SetView(_MappingView):
    """The set operations of KeysView and ItemsView (results are sets)."""

    def __eq__(self, other):
        if not isinstance(other, (set, frozenset, _SetView)):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    def __le__(self, other):
        if not isinstance(other, (set, frozenset, _SetView)):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, (set, frozenset, _SetView)):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __ge__(self, other):
        if not isinstance(other, (set, frozenset, _SetView)):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __gt__(self, other):
        if not isinstance(other, (set, frozenset, _SetView)):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __and__(self, other):
        other = _view_operand(other)
        return NotImplemented if other is None else set(self) & other

    __rand__ = __and__

    def __or__(self, other):
        other = _view_operand(other)
        return NotImplemented if other is None else set(self) | other

    __ror__ = __or__

    def __sub__(self, other):
        other = _view_operand(other)
        return NotImplemented if other is None else set(self) - other

    def __rsub__(self, other):
        other = _view_operand(other)
        return NotImplemented if other is None else other - set(self)

    def __xor__(self, other):
        other = _view_operand(other)
        return NotImplemented if other is None else set(self) ^ other

    __rxor__ = __xor__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True


class KeysView(_SetView):
    __slots__ = ()

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(_SetView):
    __slots__ = ()

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(_MappingView):
    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


for _c in (KeysView, ItemsView, ValuesView):
    _c.__module__ = "collections.abc"
del _c


environ = _Environ(_environ())
del _environ


def getenv(key, default=None):
    return environ.get(key, default)


# === scandir and walk ===

class DirEntry:
    """An entry of os.scandir: name, path, is_dir/is_file/is_symlink (from
    the folder's own type information, a stat only where it says nothing
    or a symlink is followed), stat, inode."""

    def __init__(self, top, name, kind, ino):
        self.name = name
        if top in ("", b""):
            self.path = name
        else:
            self.path = _join(top, name)
        self._kind = kind
        self._ino = ino
        self._stat = None
        self._lstat = None

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)

    def __fspath__(self):
        return self.path

    def inode(self):
        return self._ino

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks and self.is_symlink():
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _test_mode(self, follow_symlinks, kind, mode_bits):
        if self._kind == 0 or (follow_symlinks and self._kind == 3):
            try:
                st = self.stat(follow_symlinks=follow_symlinks)
            except FileNotFoundError:
                return False
            return (st.st_mode & 0o170000) == mode_bits
        return self._kind == kind

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, 1, 0o040000)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, 2, 0o100000)

    def is_symlink(self):
        if self._kind == 0:
            return self._test_mode(False, 3, 0o120000)
        return self._kind == 3


class ScandirIterator:
    """The iterator os.scandir returns; also a context manager."""

    def __init__(self, top, entries):
        self._top = top
        self._entries = entries
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._entries is None or self._i >= len(self._entries):
            raise StopIteration
        name, kind, ino = self._entries[self._i]
        self._i += 1
        return DirEntry(self._top, name, kind, ino)

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


ScandirIterator.__module__ = "posix"
DirEntry.__module__ = "posix"


def scandir(path=None):
    if path is None:
        return ScandirIterator(".", _scandir("."))
    entries = _scandir(path)
    return ScandirIterator(fspath(path), entries)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """CPython's os.walk (Lib/os.py, 3.11)."""
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            scandir_it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        cont = False
        with scandir_it:
            while True:
                try:
                    try:
                        entry = next(scandir_it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    cont = True
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            is_symlink = entry.is_symlink()
                        except OSError:
                            is_symlink = False
                        walk_into = not is_symlink
                    if walk_into:
                        walk_dirs.append(entry.path)
        if cont:
            continue
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


# === os.path (posixpath) ===

def _get_sep(p):
    if isinstance(p, bytes):
        return b"/"
    return "/"


def _check_arg_types(funcname, *args):
    hasstr = hasbytes = False
    for s in args:
        if isinstance(s, str):
            hasstr = True
        elif isinstance(s, bytes):
            hasbytes = True
        else:
            raise TypeError(f"{funcname}() argument must be str, bytes, or "
                            f"os.PathLike object, not {s.__class__.__name__!r}") from None
    if hasstr and hasbytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def _isabs(s):
    s = fspath(s)
    sep = _get_sep(s)
    return s.startswith(sep)


def _join(a, *p):
    a = fspath(a)
    sep = _get_sep(a)
    result = a
    try:
        if not p:
            result[:0] + sep
        for b in map(fspath, p):
            if b.startswith(sep):
                result = b
            elif not result or result.endswith(sep):
                result += b
            else:
                result += sep + b
    except (TypeError, AttributeError):
        _check_arg_types("join", a, *p)
        raise
    return result


def _split(p):
    p = fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def _splitext(p):
    p = fspath(p)
    if isinstance(p, bytes):
        sep = b"/"
        extsep = b"."
    else:
        sep = "/"
        extsep = "."
    sep_index = p.rfind(sep)
    dot_index = p.rfind(extsep)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != extsep:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def _basename(p):
    p = fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    return p[i:]


def _dirname(p):
    p = fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def _normpath(p):
    p = fspath(p)
    if isinstance(p, bytes):
        sep, empty, dot, dotdot = b"/", b"", b".", b".."
    else:
        sep, empty, dot, dotdot = "/", "", ".", ".."
    if p == empty:
        return dot
    initial_slashes = p.startswith(sep)
    if initial_slashes and p.startswith(sep * 2) and not p.startswith(sep * 3):
        initial_slashes = 2
    new_comps = []
    for comp in p.split(sep):
        if comp in (empty, dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps)
                or (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    p = sep.join(new_comps)
    if initial_slashes:
        p = sep * initial_slashes + p
    return p or dot


def _abspath(p):
    p = fspath(p)
    if not _isabs(p):
        cwd = getcwdb() if isinstance(p, bytes) else getcwd()
        p = _join(cwd, p)
    return _normpath(p)


def _exists(p):
    try:
        stat(p)
    except (OSError, ValueError):
        return False
    return True


def _mode_is(p, kind, follow=True):
    try:
        st = stat(p) if follow else lstat(p)
    except (OSError, ValueError):
        return False
    return (st.st_mode & 0o170000) == kind


def _isfile(p):
    return _mode_is(p, 0o100000)


def _isdir(s):
    return _mode_is(s, 0o040000)


def _islink(p):
    return _mode_is(p, 0o120000, False)


def _getsize(filename):
    return stat(filename).st_size


def _getmtime(filename):
    return stat(filename).st_mtime


def _getatime(filename):
    return stat(filename).st_atime


def _getctime(filename):
    return stat(filename).st_ctime


def _lexists(p):
    try:
        lstat(p)
    except (OSError, ValueError):
        return False
    return True


def _realpath(filename, *, strict=False):
    filename = fspath(filename)
    p, ok = _joinrealpath(filename[:0], filename, strict, {})
    return _abspath(p)


def _joinrealpath(p, rest, strict, seen):
    """CPython's posixpath._joinrealpath (3.11): joins rest to p,
    resolving each symbolic link met on the way."""
    if isinstance(p, bytes):
        sep, curdir, pardir = b"/", b".", b".."
    else:
        sep, curdir, pardir = "/", ".", ".."
    if _isabs(rest):
        rest = rest[1:]
        p = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir:
            continue
        if name == pardir:
            if p:
                p, name = _split(p)
                if name == pardir:
                    p = _join(p, pardir, pardir)
            else:
                p = pardir
            continue
        newpath = _join(p, name)
        try:
            st = lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = (st.st_mode & 0o170000) == 0o120000
        if not is_link:
            p = newpath
            continue
        if newpath in seen:
            p = seen[newpath]
            if p is not None:
                continue
            if strict:
                stat(newpath)
            else:
                return _join(newpath, rest), False
        seen[newpath] = None
        p, ok = _joinrealpath(p, readlink(newpath), strict, seen)
        if not ok:
            return _join(p, rest), False
        seen[newpath] = p
    return p, True


for _name, _f in (("join", _join), ("split", _split), ("splitext", _splitext),
                  ("basename", _basename), ("dirname", _dirname),
                  ("normpath", _normpath), ("abspath", _abspath),
                  ("isabs", _isabs), ("exists", _exists), ("isfile", _isfile),
                  ("isdir", _isdir), ("islink", _islink),
                  ("getsize", _getsize), ("getmtime", _getmtime),
                  ("getatime", _getatime), ("getctime", _getctime),
                  ("lexists", _lexists), ("realpath", _realpath)):
    _f.__name__ = _name
    _f.__qualname__ = _name
    setattr(path, _name, _f)
for _name, _v in (("sep", "/"), ("curdir", "."), ("pardir", ".."),
                  ("extsep", "."), ("pathsep", ":"), ("altsep", None),
                  ("devnull", "/dev/null"), ("defpath", "/bin:/usr/bin")):
    setattr(path, _name, _v)
del _name, _f, _v
