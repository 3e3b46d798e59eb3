# The Python part of sigpy's socket module, run in the module's dict after
# the natives (SocketType = CPython's _socket.socket, the constants,
# getaddrinfo...). It follows CPython 3.11's Lib/socket.py.

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


herror.__module__ = "socket"
gaierror.__module__ = "socket"

_families = {}
for _m in (AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6):
    _families[int(_m)] = _m
_kinds = {}
for _m in (SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET):
    _kinds[int(_m)] = _m
del _m


class socket(SocketType):
    """A socket object (the blocking calls wait through sigpy's signal-aware
    wait; timeouts are deadlines of that wait)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        SocketType.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, "_closed", False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__,
            self.__class__.__qualname__,
            " [closed]" if closed else "",
            self.fileno(),
            self.family,
            self.type,
            self.proto,
        )
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except error:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except error:
                pass
        s += ">"
        return s

    @property
    def family(self):
        return _families.get(self._family, self._family)

    @property
    def type(self):
        return _kinds.get(self._type, self._type)

    @property
    def proto(self):
        return self._proto

    def accept(self):
        fd, addr = self._accept()
        sock = socket(self._family, self._type, self._proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None,
                 errors=None, newline=None):
        for c in mode:
            if c not in "rwb":
                raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        binary = "b" in mode
        if binary and encoding is not None:
            raise ValueError("binary mode doesn't take an encoding argument")
        if binary and newline is not None:
            raise ValueError("binary mode doesn't take a newline argument")
        if newline not in (None, "", "\n", "\r\n", "\r"):
            raise ValueError("illegal newline value: %s" % (newline,))
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = 8192  # io.DEFAULT_BUFFER_SIZE
        if buffering == 0 and not binary:
            raise ValueError("unbuffered streams must be binary")
        if not binary:
            if encoding is None:
                encoding = "utf-8"
            if errors is None:
                errors = "strict"
            "".encode(encoding, errors)  # LookupError for an unknown encoding
        wfile = None
        if writing and buffering:
            # The write side is a file on the socket's fd: it buffers as
            # CPython's BufferedWriter (and TextIOWrapper, which holds up
            # to 8192 bytes whatever the buffer size) and flushes when
            # flushed, closed or dropped.
            if binary:
                wfile = open(self.fileno(), "wb", buffering=max(buffering, 2), closefd=False)
            else:
                wfile = open(self.fileno(), "w", buffering=max(buffering, 8192),
                             encoding=encoding, errors=errors, newline=newline,
                             closefd=False)
        self._io_refs += 1
        return SocketFile(self, mode, reading, writing, binary, newline, encoding, errors, wfile)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            SocketType.close(self)

    def dup(self):
        sock = self.__class__(self._family, self._type, self._proto, fileno=dup(self.fileno()))
        sock.settimeout(self.gettimeout())
        return sock

    def detach(self):
        self._closed = True
        return SocketType.detach(self)


SocketType.__module__ = "_socket"
SocketType.__qualname__ = "socket"
socket.__module__ = "socket"


class SocketFile:
    """What socket.makefile() returns: a file over the socket, in text or
    binary mode, for line-based protocols (reads go through the socket's
    calls, so its timeout applies). Writes are buffered as CPython's (sent
    on flush, close, drop or a full buffer) in a file on the socket's fd;
    with buffering=0 (binary only) each write is one send."""

    def __init__(self, sock, mode, reading, writing, binary, newline, encoding, errors, wfile):
        self._sock = sock
        self._w = wfile
        self.mode = mode
        self._reading = reading
        self._writing = writing
        self._binary = binary
        self._newline = newline
        if not binary:
            self.encoding = encoding
            self.errors = errors
        self._buf = b""
        self._eof = False
        self.closed = False

    def __repr__(self):
        if self._binary:
            if self._reading and self._writing:
                return object.__repr__(self).replace("socket.SocketFile", "_io.BufferedRWPair")
            kind = "BufferedReader" if self._reading else "BufferedWriter"
            return "<_io.%s name=%i>" % (kind, self.fileno())
        return "<_io.TextIOWrapper name=%i mode=%r encoding=%r>" % (
            self.fileno(), self.mode, self.encoding)

    def _check(self, reading):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if reading and not self._reading:
            _unsupported("not readable")
        if not reading and not self._writing:
            _unsupported("not writable")

    def _fill(self):
        if self._eof:
            return False
        data = self._sock.recv(8192)
        if not data:
            self._eof = True
            return False
        self._buf += data
        return True

    def _text(self, data):
        text = data.decode(self.encoding, self.errors)
        if self._newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def readable(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self._reading

    def writable(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self._writing

    def fileno(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self._sock.fileno()

    def _line_end(self):
        """Where the first line of the buffer ends (after its newline), or -1."""
        i = self._buf.find(b"\n")
        if self._binary or self._newline == "\n":
            return i + 1 if i >= 0 else -1
        if self._newline == "\r\n":
            i = self._buf.find(b"\r\n")
            return i + 2 if i >= 0 else -1
        j = self._buf.find(b"\r")
        if self._newline == "\r":
            return j + 1 if j >= 0 else -1
        # Universal newlines: \n, \r\n or \r (a \r at the very end may be
        # the start of a \r\n still to come).
        if j >= 0 and (i < 0 or j < i):
            if j + 1 < len(self._buf):
                return j + 2 if self._buf[j + 1:j + 2] == b"\n" else j + 1
            if self._eof:
                return j + 1
            return -1
        return i + 1 if i >= 0 else -1

    def readline(self, size=-1):
        self._check(True)
        if size is None:
            size = -1
        while True:
            end = self._line_end()
            if end >= 0:
                break
            if 0 <= size <= len(self._buf) or not self._fill():
                end = len(self._buf)
                break
        if 0 <= size < end:
            end = size
        line = self._buf[:end]
        self._buf = self._buf[end:]
        return line if self._binary else self._text(line)

    def read(self, size=-1):
        self._check(True)
        if size is None or size < 0:
            while self._fill():
                pass
            data = self._buf
            self._buf = b""
            return data if self._binary else self._text(data)
        if self._binary:
            while len(self._buf) < size and self._fill():
                pass
            data = self._buf[:size]
            self._buf = self._buf[size:]
            return data
        while True:
            try:
                text = self._text(self._buf)
            except UnicodeDecodeError:
                text = None
            if text is not None and len(text) >= size:
                break
            if not self._fill():
                text = self._text(self._buf)
                break
        out = text[:size]
        self._buf = text[size:].encode(self.encoding, self.errors)
        return out

    def readlines(self, hint=-1):
        lines = []
        for line in self:
            lines.append(line)
        return lines

    def __iter__(self):
        self._check(True)
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        if self.closed and self._binary and self._w is not None:
            raise ValueError("write to closed file")
        self._check(False)
        if self._w is not None:
            return self._w.write(data)
        if not isinstance(data, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        return self._sock.send(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self.closed:
            if self._binary and self._w is not None:
                raise ValueError("flush of closed file")
            raise ValueError("I/O operation on closed file.")
        if self._w is not None:
            self._w.flush()

    def close(self):
        if self.closed:
            return
        try:
            if self._w is not None:
                self._w.close()
        finally:
            self.closed = True
            sock = self._sock
            self._sock = None
            sock._decref_socketios()

    def __enter__(self):
        self._check(self._reading)
        return self

    def __exit__(self, *args):
        self.close()


def fromfd(fd, family, type, proto=0):
    return socket(family, type, proto, dup(fd))


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a, b = _socketpair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if len(exceptions):
        try:
            raise exceptions[0]
        finally:
            exceptions.clear()
    raise error("getaddrinfo returns an empty list")


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    if dualstack_ipv6:
        raise NotImplementedError("sigpy's socket.create_server has no dualstack_ipv6")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise
