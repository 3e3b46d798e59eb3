//! The buffered stream under every file object (`open()`, `sys.stdin`,
//! `sys.stdout`, `sys.stderr`): an fd, a read-ahead buffer, a write buffer
//! and the text layer (encoding, newline translation).
//!
//! Blocking: regular files are always ready and use plain system calls;
//! every other fd (pipes, FIFOs, ttys, sockets) goes through
//! `signals::io`, so a signal wakes the call at once and its handlers run
//! there. No `RefCell` borrow is held across those calls: a handler may
//! read or write the very stream the main code is blocked on.
//!
//! Reentrancy: a flush takes the bytes it writes out of the buffer and
//! marks the stream as flushing; a write made meanwhile (a handler that
//! prints while the main code waits for a full pipe) only appends to the
//! buffer, and the outer flush writes it too before returning. Lines stay
//! whole and nothing is written twice (CPython raises `RuntimeError:
//! reentrant call` instead). A handler that raises aborts the flush: what
//! was written stays written, the rest stays buffered for the next flush
//! (as CPython's `BufferedWriter`).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::linux::fd::borrow;
use crate::runtime::exc::{os_error, ExcKind, PyErr, RunResult};
use crate::vm::Vm;

/// Read-ahead size.
const CHUNK: usize = 65536;
/// The default buffer size (`io.DEFAULT_BUFFER_SIZE`).
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Enc {
    Utf8,
    Latin1,
    Ascii,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Errors {
    Strict,
    Replace,
    Ignore,
}

/// The `newline` argument.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Newline {
    /// None: any of `\n`, `\r`, `\r\n` ends a line and reads as `\n`.
    Universal,
    /// '': any of them ends a line, returned untranslated.
    Untranslated,
    Lf,
    Cr,
    CrLf,
}

/// The text layer's settings.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    pub enc: Enc,
    pub errors: Errors,
    pub newline: Newline,
}

/// How an fd waits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Regular files and block devices: never block for long, no poll.
    Always,
    /// Pipes, FIFOs, ttys, sockets: through the wait primitive.
    Polled,
}

#[derive(Default)]
struct Bufs {
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    flushing: bool,
    eof: bool,
}

pub struct Stream {
    fd: Cell<i32>,
    pub closefd: bool,
    pub readable: bool,
    pub writable: bool,
    pub kind: Kind,
    /// 0: unbuffered (binary only).
    pub bufsize: usize,
    pub line_buffering: bool,
    /// Every write is flushed at once (`sys.stderr`).
    pub write_through: bool,
    pub text: Option<Text>,
    bufs: RefCell<Bufs>,
}

thread_local! {
    /// The writable streams `open()` made, flushed at exit (`sys.exit`, a
    /// `SignalExit`...), where CPython's finalization flushes them too.
    static WRITABLE: RefCell<Vec<Weak<Stream>>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a writable stream for `flush_all` (dead entries are pruned
/// as the list grows).
pub fn register(s: &Rc<Stream>) {
    WRITABLE.with(|w| {
        let mut w = w.borrow_mut();
        if w.len() >= 64 && w.len().is_power_of_two() {
            w.retain(|s| s.strong_count() > 0);
        }
        w.push(Rc::downgrade(s));
    });
}

/// Flushes every live stream `open()` made (at exit; errors are ignored,
/// as CPython's finalizers ignore them).
pub fn flush_all(vm: &mut Vm) {
    let live: Vec<Rc<Stream>> =
        WRITABLE.with(|w| w.borrow().iter().filter_map(|s| s.upgrade()).collect());
    for s in live {
        if !s.is_closed() {
            let _ = s.flush(vm);
        }
    }
}

fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

impl Stream {
    pub fn new(fd: i32, closefd: bool, readable: bool, writable: bool) -> Stream {
        let kind = match rustix::fs::fstat(borrow(fd)) {
            Ok(st) if matches!(st.st_mode & 0o170000, 0o100000 | 0o060000) => Kind::Always,
            _ => Kind::Polled,
        };
        Stream {
            fd: Cell::new(fd),
            closefd,
            readable,
            writable,
            kind,
            bufsize: DEFAULT_BUFFER_SIZE,
            line_buffering: false,
            write_through: false,
            text: None,
            bufs: RefCell::new(Bufs::default()),
        }
    }

    /// The fd, or `ValueError` once closed.
    pub fn fd(&self) -> RunResult<i32> {
        match self.fd.get() {
            fd if fd >= 0 => Ok(fd),
            _ => Err(closed_error()),
        }
    }

    pub fn is_closed(&self) -> bool {
        self.fd.get() < 0
    }

    // === raw I/O ===

    fn raw_read(&self, vm: &mut Vm, max: usize) -> RunResult<Vec<u8>> {
        let fd = self.fd()?;
        let mut buf = vec![0u8; max];
        let n = match self.kind {
            Kind::Always => loop {
                match rustix::io::read(borrow(fd), &mut buf) {
                    Ok(n) => break n,
                    Err(rustix::io::Errno::INTR) => continue,
                    Err(e) => return Err(os_error(&e.into(), None)),
                }
            },
            Kind::Polled => crate::signals::io::read(vm, fd, &mut buf, None)?.unwrap_or(0),
        };
        buf.truncate(n);
        Ok(buf)
    }

    /// One write system call (once ready); how much it wrote.
    fn raw_write(&self, vm: &mut Vm, data: &[u8]) -> RunResult<usize> {
        let fd = self.fd()?;
        let n = match self.kind {
            Kind::Always => loop {
                match rustix::io::write(borrow(fd), data) {
                    Ok(n) => break n,
                    Err(rustix::io::Errno::INTR) => continue,
                    Err(e) => return Err(os_error(&e.into(), None)),
                }
            },
            Kind::Polled => crate::signals::io::write(vm, fd, data, None)?.unwrap_or(0),
        };
        if n == 0 && !data.is_empty() {
            return Err(os_error(
                &std::io::Error::from_raw_os_error(libc::EIO),
                None,
            ));
        }
        Ok(n)
    }

    fn seek_raw(&self, off: i64, whence: i32) -> RunResult<u64> {
        let fd = self.fd()?;
        let pos = match whence {
            0 => rustix::fs::SeekFrom::Start(off.max(0) as u64),
            1 => rustix::fs::SeekFrom::Current(off),
            _ => rustix::fs::SeekFrom::End(off),
        };
        if whence == 0 && off < 0 {
            return Err(os_error(
                &std::io::Error::from_raw_os_error(libc::EINVAL),
                None,
            ));
        }
        rustix::fs::seek(borrow(fd), pos).map_err(|e| os_error(&e.into(), None))
    }

    pub fn seekable(&self) -> RunResult<bool> {
        let fd = self.fd()?;
        Ok(rustix::fs::seek(borrow(fd), rustix::fs::SeekFrom::Current(0)).is_ok())
    }

    // === writing ===

    /// Writes bytes: buffered (flushed when full, at a line end with line
    /// buffering, or always when write-through), or one system call when
    /// unbuffered. Returns how many bytes the call took.
    pub fn write_bytes(&self, vm: &mut Vm, data: &[u8], line_end: bool) -> RunResult<usize> {
        self.fd()?;
        if self.readable {
            self.drop_read_ahead()?;
        }
        if self.bufsize == 0 {
            if data.is_empty() {
                return Ok(0);
            }
            return self.raw_write(vm, data);
        }
        let full = {
            let mut b = self.bufs.borrow_mut();
            b.wbuf.extend_from_slice(data);
            b.wbuf.len() >= self.bufsize
        };
        if full || self.write_through || (line_end && self.line_buffering) {
            self.flush(vm)?;
        }
        Ok(data.len())
    }

    /// Writes the buffered bytes out. A nested flush (from a handler while
    /// this one waits) returns at once: this loop writes what it added.
    pub fn flush(&self, vm: &mut Vm) -> RunResult<()> {
        {
            let mut b = self.bufs.borrow_mut();
            if b.flushing || b.wbuf.is_empty() {
                return Ok(());
            }
            b.flushing = true;
        }
        let r = self.flush_loop(vm);
        self.bufs.borrow_mut().flushing = false;
        r
    }

    fn flush_loop(&self, vm: &mut Vm) -> RunResult<()> {
        loop {
            let mut data = std::mem::take(&mut self.bufs.borrow_mut().wbuf);
            if data.is_empty() {
                // Keep the buffer's allocation for the next writes.
                self.bufs.borrow_mut().wbuf = data;
                return Ok(());
            }
            let mut done = 0;
            while done < data.len() {
                match self.raw_write(vm, &data[done..]) {
                    Ok(n) => done += n,
                    Err(e) => {
                        // The rest goes back in front of what was added
                        // meanwhile, for the next flush.
                        let mut b = self.bufs.borrow_mut();
                        let mut rest = data[done..].to_vec();
                        rest.append(&mut b.wbuf);
                        b.wbuf = rest;
                        return Err(e);
                    }
                }
            }
            data.clear();
            let mut b = self.bufs.borrow_mut();
            if b.wbuf.is_empty() {
                std::mem::swap(&mut b.wbuf, &mut data);
            } else {
                // Written meanwhile (a handler printed): goes out next.
                drop(b);
                drop(data);
            }
        }
    }

    /// Before a write: read-ahead bytes are given back to the file (its
    /// position moves back to the last byte returned).
    fn drop_read_ahead(&self) -> RunResult<()> {
        let unread = {
            let b = self.bufs.borrow();
            b.rbuf.len() - b.rpos
        };
        if unread > 0 {
            if self.kind == Kind::Always {
                self.seek_raw(-(unread as i64), 1)?;
            }
            let mut b = self.bufs.borrow_mut();
            b.rbuf.clear();
            b.rpos = 0;
        }
        self.bufs.borrow_mut().eof = false;
        Ok(())
    }

    // === reading ===

    /// Reads more into the read-ahead buffer; false at end of file.
    fn fill(&self, vm: &mut Vm) -> RunResult<bool> {
        if !self.bufs.borrow().wbuf.is_empty() {
            self.flush(vm)?;
        }
        let chunk = self.raw_read(vm, CHUNK.max(self.bufsize))?;
        let mut b = self.bufs.borrow_mut();
        if chunk.is_empty() {
            b.eof = true;
            return Ok(false);
        }
        if b.rpos == b.rbuf.len() {
            b.rbuf = chunk;
        } else {
            let pos = b.rpos;
            b.rbuf.drain(..pos);
            b.rbuf.extend_from_slice(&chunk);
        }
        b.rpos = 0;
        Ok(true)
    }

    fn unread_len(&self) -> usize {
        let b = self.bufs.borrow();
        b.rbuf.len() - b.rpos
    }

    /// Takes up to `n` unread bytes (all with None).
    fn take(&self, n: Option<usize>) -> Vec<u8> {
        let mut b = self.bufs.borrow_mut();
        let end = n.map_or(b.rbuf.len(), |n| (b.rpos + n).min(b.rbuf.len()));
        let out = b.rbuf[b.rpos..end].to_vec();
        b.rpos = end;
        out
    }

    /// Binary read: `n` bytes or up to end of file (None). Unbuffered:
    /// one system call for `n`.
    pub fn read_bytes(&self, vm: &mut Vm, n: Option<usize>) -> RunResult<Vec<u8>> {
        self.fd()?;
        if self.bufsize == 0 && self.unread_len() == 0 {
            if let Some(n) = n {
                return self.raw_read(vm, n);
            }
        }
        while n.is_none_or(|n| self.unread_len() < n) {
            if !self.fill(vm)? {
                break;
            }
        }
        Ok(self.take(n))
    }

    /// The bytes of the next line (binary: up to `\n`; text: as the
    /// newline mode says), at most `limit` bytes or characters.
    pub fn read_line_bytes(
        &self,
        vm: &mut Vm,
        limit: Option<usize>,
        binary: bool,
    ) -> RunResult<Vec<u8>> {
        self.fd()?;
        let (nl, enc) = match self.text {
            Some(t) if !binary => (t.newline, Some(t.enc)),
            _ => (Newline::Lf, None),
        };
        // End of file is found again by each call (a tty can go on).
        self.bufs.borrow_mut().eof = false;
        loop {
            let eof = self.bufs.borrow().eof;
            let found = {
                let b = self.bufs.borrow();
                scan(&b.rbuf[b.rpos..], eof, nl, enc, limit, true)
            };
            if let Some(n) = found {
                return Ok(self.take(Some(n)));
            }
            if !self.fill(vm)? {
                let n = {
                    let b = self.bufs.borrow();
                    scan(&b.rbuf[b.rpos..], true, nl, enc, limit, true)
                };
                return Ok(self.take(n));
            }
        }
    }

    /// Text read of `n` characters, or all (None).
    pub fn read_text_bytes(&self, vm: &mut Vm, n: Option<usize>) -> RunResult<Vec<u8>> {
        self.fd()?;
        let t = self.text.expect("text stream");
        let Some(n) = n else {
            return self.read_bytes(vm, None);
        };
        self.bufs.borrow_mut().eof = false;
        loop {
            let eof = self.bufs.borrow().eof;
            let found = {
                let b = self.bufs.borrow();
                scan(
                    &b.rbuf[b.rpos..],
                    eof,
                    t.newline,
                    Some(t.enc),
                    Some(n),
                    false,
                )
            };
            if let Some(k) = found {
                return Ok(self.take(Some(k)));
            }
            if !self.fill(vm)? {
                self.bufs.borrow_mut().eof = true;
            }
        }
    }

    // === positioning ===

    pub fn tell(&self) -> RunResult<u64> {
        let raw = self.seek_raw(0, 1)?;
        let b = self.bufs.borrow();
        Ok((raw + b.wbuf.len() as u64).saturating_sub((b.rbuf.len() - b.rpos) as u64))
    }

    pub fn seek(&self, vm: &mut Vm, off: i64, whence: i32) -> RunResult<u64> {
        self.flush(vm)?;
        let off = if whence == 1 {
            off - self.unread_len() as i64
        } else {
            off
        };
        let pos = self.seek_raw(off, whence)?;
        let mut b = self.bufs.borrow_mut();
        b.rbuf.clear();
        b.rpos = 0;
        b.eof = false;
        Ok(pos)
    }

    /// `truncate(size)`: flushes, then cuts (or extends) the file to
    /// `size`, by default the fd's own position (past any read-ahead, as
    /// CPython's buffered objects do).
    pub fn truncate(&self, vm: &mut Vm, size: Option<i64>) -> RunResult<u64> {
        self.flush(vm)?;
        let size = match size {
            Some(n) if n < 0 => {
                return Err(os_error(
                    &std::io::Error::from_raw_os_error(libc::EINVAL),
                    None,
                ))
            }
            Some(n) => n as u64,
            None => self.seek_raw(0, 1)?,
        };
        rustix::fs::ftruncate(borrow(self.fd()?), size).map_err(|e| os_error(&e.into(), None))?;
        Ok(size)
    }

    /// Flushes, then closes the fd (when the stream owns it). The stream
    /// is closed even if the flush fails (its error is returned).
    pub fn close(&self, vm: &mut Vm) -> RunResult<()> {
        if self.is_closed() {
            return Ok(());
        }
        let r = self.flush(vm);
        let fd = self.fd.replace(-1);
        if self.closefd {
            drop(crate::linux::fd::own(fd));
        }
        r
    }
}

impl Drop for Stream {
    /// A dropped stream flushes and closes, as CPython's finalizer does
    /// (errors are ignored there too). There is no safe point here to run
    /// handlers at, so a pipe or tty is written only while it is ready and
    /// no signal is pending: a signal waiting on the signalfd abandons the
    /// rest (it is never held back behind a stuck reader).
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd < 0 {
            return;
        }
        let data = std::mem::take(&mut self.bufs.get_mut().wbuf);
        let sfd = crate::signals::state::try_with_rt(|rt| rt.sfd.raw());
        let mut rest = &data[..];
        while !rest.is_empty() {
            let mut chunk = rest;
            if self.kind == Kind::Polled {
                use crate::linux::poll::{ppoll, PollFd, POLLIN, POLLOUT};
                let mut fds = vec![PollFd::new(fd, POLLOUT)];
                fds.extend(sfd.map(|s| PollFd::new(s, POLLIN)));
                if ppoll(&mut fds, None).is_err() || fds.get(1).is_some_and(|f| f.revents != 0) {
                    break;
                }
                chunk = &rest[..rest.len().min(crate::signals::io::BLOCKING_CHUNK)];
            }
            match rustix::io::write(borrow(fd), chunk) {
                Ok(n) if n > 0 => rest = &rest[n..],
                Err(rustix::io::Errno::INTR) | Err(rustix::io::Errno::AGAIN) => continue,
                _ => break,
            }
        }
        if self.closefd {
            drop(crate::linux::fd::own(fd));
        }
    }
}

/// Where the next line (or `limit` characters) of `u` ends, in bytes;
/// None when more input is needed to tell. In text mode a character is
/// counted at each lead byte (utf-8) or byte (latin-1, ascii), and in
/// universal mode `\r\n` is one.
fn scan(
    u: &[u8],
    eof: bool,
    nl: Newline,
    enc: Option<Enc>,
    limit: Option<usize>,
    line: bool,
) -> Option<usize> {
    if limit.is_none() && line {
        // Fast path: only the line end matters.
        return match nl {
            Newline::Lf => match u.iter().position(|&b| b == b'\n') {
                Some(i) => Some(i + 1),
                None => eof.then_some(u.len()),
            },
            Newline::Cr => match u.iter().position(|&b| b == b'\r') {
                Some(i) => Some(i + 1),
                None => eof.then_some(u.len()),
            },
            Newline::Universal | Newline::Untranslated => {
                match u.iter().position(|&b| b == b'\n' || b == b'\r') {
                    Some(i) if u[i] == b'\n' => Some(i + 1),
                    Some(i) if i + 1 < u.len() => {
                        Some(if u[i + 1] == b'\n' { i + 2 } else { i + 1 })
                    }
                    Some(i) => eof.then_some(i + 1),
                    None => eof.then_some(u.len()),
                }
            }
            Newline::CrLf => match u.windows(2).position(|w| w == b"\r\n") {
                Some(i) => Some(i + 2),
                None => eof.then_some(u.len()),
            },
        };
    }
    let mut chars = 0;
    let mut i = 0;
    while i < u.len() {
        if limit == Some(chars) {
            return Some(i);
        }
        let b = u[i];
        let next = u.get(i + 1).copied();
        if line {
            let ends = match nl {
                Newline::Lf => (b == b'\n').then_some(1),
                Newline::Cr => (b == b'\r').then_some(1),
                Newline::CrLf => (b == b'\r' && next == Some(b'\n')).then_some(2),
                Newline::Universal | Newline::Untranslated => match (b, next) {
                    (b'\n', _) => Some(1),
                    (b'\r', Some(b'\n')) => Some(2),
                    (b'\r', Some(_)) => Some(1),
                    (b'\r', None) if eof => Some(1),
                    (b'\r', None) => return None,
                    _ => None,
                },
            };
            if let Some(k) = ends {
                return Some(i + k);
            }
            if nl == Newline::CrLf && b == b'\r' && next.is_none() && !eof {
                return None;
            }
        } else if nl == Newline::Universal && b == b'\r' {
            match next {
                Some(b'\n') => {
                    i += 2;
                    chars += 1;
                    continue;
                }
                None if !eof => return None,
                _ => {}
            }
        }
        let w = match enc {
            Some(Enc::Utf8) => match b {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => 1,
            },
            _ => 1,
        };
        if i + w > u.len() {
            return eof.then_some(u.len());
        }
        i += w;
        chars += 1;
    }
    if limit == Some(chars) || eof {
        Some(u.len())
    } else {
        None
    }
}

// === the text codec ===

fn enc_name(enc: Enc) -> &'static str {
    match enc {
        Enc::Utf8 => "utf-8",
        Enc::Latin1 => "latin-1",
        Enc::Ascii => "ascii",
    }
}

/// Decodes bytes read in text mode and translates newlines (universal).
pub fn decode(t: &Text, bytes: Vec<u8>) -> RunResult<String> {
    let text = match t.enc {
        Enc::Utf8 => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => match t.errors {
                Errors::Strict => {
                    let bytes = e.as_bytes();
                    let u = e.utf8_error();
                    let at = u.valid_up_to();
                    let reason = match u.error_len() {
                        None => "unexpected end of data",
                        Some(_) if matches!(bytes[at], 0x80..=0xbf | 0xf8..=0xff) => {
                            "invalid start byte"
                        }
                        Some(_) => "invalid continuation byte",
                    };
                    return Err(PyErr::new(
                        ExcKind::UnicodeDecodeError,
                        format!(
                            "'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                            bytes[at], at, reason
                        ),
                    ));
                }
                Errors::Replace => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Errors::Ignore => String::from_utf8_lossy(e.as_bytes()).replace('\u{fffd}', ""),
            },
        },
        Enc::Latin1 => bytes.iter().map(|&b| b as char).collect(),
        Enc::Ascii => {
            let mut s = String::with_capacity(bytes.len());
            for (i, &b) in bytes.iter().enumerate() {
                if b < 128 {
                    s.push(b as char);
                } else {
                    match t.errors {
                        Errors::Strict => {
                            return Err(PyErr::new(
                                ExcKind::UnicodeDecodeError,
                                format!(
                                    "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                                    b, i
                                ),
                            ))
                        }
                        Errors::Replace => s.push('\u{fffd}'),
                        Errors::Ignore => {}
                    }
                }
            }
            s
        }
    };
    if t.newline == Newline::Universal && text.contains('\r') {
        return Ok(text.replace("\r\n", "\n").replace('\r', "\n"));
    }
    Ok(text)
}

/// Encodes text to write, translating `\n` as the newline mode says.
pub fn encode(t: &Text, s: &str) -> RunResult<Vec<u8>> {
    let translated;
    let s = match t.newline {
        Newline::Cr if s.contains('\n') => {
            translated = s.replace('\n', "\r");
            &translated
        }
        Newline::CrLf if s.contains('\n') => {
            translated = s.replace('\n', "\r\n");
            &translated
        }
        _ => s,
    };
    let max = match t.enc {
        Enc::Utf8 => return Ok(s.as_bytes().to_vec()),
        Enc::Latin1 => 0xff,
        Enc::Ascii => 0x7f,
    };
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if (c as u32) <= max {
            out.push(c as u8);
            continue;
        }
        match t.errors {
            Errors::Strict => {
                let cp = c as u32;
                let shown = if cp <= 0xff {
                    format!("\\x{:02x}", cp)
                } else if cp <= 0xffff {
                    format!("\\u{:04x}", cp)
                } else {
                    format!("\\U{:08x}", cp)
                };
                return Err(PyErr::new(
                    ExcKind::UnicodeEncodeError,
                    format!(
                        "'{}' codec can't encode character '{}' in position {}: ordinal not in range({})",
                        enc_name(t.enc),
                        shown,
                        i,
                        max + 1
                    ),
                ));
            }
            Errors::Replace => out.push(b'?'),
            Errors::Ignore => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_finds_line_ends() {
        let u = Newline::Universal;
        assert_eq!(scan(b"ab\ncd", false, u, None, None, true), Some(3));
        assert_eq!(scan(b"ab\r", false, u, None, None, true), None);
        assert_eq!(scan(b"ab\r", true, u, None, None, true), Some(3));
        assert_eq!(scan(b"ab\r\nx", false, u, None, None, true), Some(4));
        assert_eq!(scan(b"ab", false, u, None, None, true), None);
        assert_eq!(
            scan(
                "é\r\nx".as_bytes(),
                false,
                u,
                Some(Enc::Utf8),
                Some(2),
                false
            ),
            Some(4)
        );
        assert_eq!(
            scan("éé".as_bytes(), false, u, Some(Enc::Utf8), Some(1), true),
            Some(2)
        );
        assert_eq!(
            scan(b"\xc3", false, u, Some(Enc::Utf8), Some(1), true),
            None
        );
    }
}
