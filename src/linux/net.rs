//! The socket calls `rustix::net` does not cover: int-valued socket
//! options by level and name, `getaddrinfo` and `gethostname` (the C
//! library's, so results and messages are CPython's).

use std::ffi::{CStr, CString};
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::os::fd::RawFd;

/// `getsockopt(fd, level, name)` for an int-sized option.
pub fn getsockopt_int(fd: RawFd, level: i32, name: i32) -> io::Result<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v` and `len` are live locals of the sizes passed; the kernel
    // writes at most `len` bytes into `v`. A bad fd only fails with EBADF.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            name,
            (&mut v as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(v)
}

/// `getsockopt(fd, level, name)` into a buffer of `buflen` bytes; returns
/// the bytes the kernel wrote.
pub fn getsockopt_bytes(fd: RawFd, level: i32, name: i32, buflen: usize) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; buflen];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` is a live buffer of `len` bytes; the kernel writes at
    // most `len` bytes and stores the length it wrote in `len`.
    let r = unsafe { libc::getsockopt(fd, level, name, buf.as_mut_ptr().cast(), &mut len) };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    buf.truncate(len as usize);
    Ok(buf)
}

/// `setsockopt(fd, level, name, value)` with an int, or with raw bytes.
pub fn setsockopt(fd: RawFd, level: i32, name: i32, value: &[u8]) -> io::Result<()> {
    // SAFETY: `value` is a live slice of the length passed, only read.
    let r = unsafe {
        libc::setsockopt(
            fd,
            level,
            name,
            value.as_ptr().cast(),
            value.len() as libc::socklen_t,
        )
    };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// One answer of `getaddrinfo`.
#[derive(Debug, Clone)]
pub struct AddrInfo {
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
    pub canonname: String,
    pub addr: SocketAddr,
}

/// A `getaddrinfo` failure: its `EAI_*` code and `gai_strerror` text
/// (`EAI_SYSTEM` carries errno's text).
#[derive(Debug, Clone)]
pub struct GaiError {
    pub code: i32,
    pub msg: String,
}

/// `getaddrinfo(host, port, hints)`; only IPv4 and IPv6 answers are kept.
pub fn getaddrinfo(
    host: Option<&str>,
    port: Option<&str>,
    family: i32,
    socktype: i32,
    protocol: i32,
    flags: i32,
) -> Result<Vec<AddrInfo>, GaiError> {
    let bad = |code| GaiError {
        code,
        msg: gai_text(code),
    };
    let host = host
        .map(CString::new)
        .transpose()
        .map_err(|_| bad(libc::EAI_NONAME))?;
    let port = port
        .map(CString::new)
        .transpose()
        .map_err(|_| bad(libc::EAI_SERVICE))?;
    // SAFETY: an all-zero addrinfo is the documented "no hints" value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = protocol;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the strings are NUL-terminated CStrings (or null), `hints`
    // is initialised and `res` receives a list freed below.
    let r = unsafe {
        libc::getaddrinfo(
            host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr()),
            port.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if r != 0 {
        if r == libc::EAI_SYSTEM {
            let e = io::Error::last_os_error();
            return Err(GaiError {
                code: r,
                msg: crate::runtime::exc::strerror_text(&e),
            });
        }
        return Err(bad(r));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned, not yet freed.
        let ai = unsafe { &*p };
        if let Some(addr) = sockaddr_to_std(ai.ai_addr, ai.ai_addrlen) {
            let canonname = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                // SAFETY: a non-null ai_canonname is a NUL-terminated string
                // owned by the list.
                unsafe { CStr::from_ptr(ai.ai_canonname) }
                    .to_string_lossy()
                    .into_owned()
            };
            out.push(AddrInfo {
                family: ai.ai_family,
                socktype: ai.ai_socktype,
                protocol: ai.ai_protocol,
                canonname,
                addr,
            });
        }
        p = ai.ai_next;
    }
    // SAFETY: `res` is the list getaddrinfo allocated, freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

fn sockaddr_to_std(sa: *const libc::sockaddr, len: libc::socklen_t) -> Option<SocketAddr> {
    if sa.is_null() {
        return None;
    }
    // SAFETY: `sa` points to `len` bytes of a sockaddr from getaddrinfo;
    // its family says which struct it is, and the length is checked
    // before the cast.
    unsafe {
        match (*sa).sa_family as i32 {
            libc::AF_INET if len as usize >= std::mem::size_of::<libc::sockaddr_in>() => {
                let a = &*(sa as *const libc::sockaddr_in);
                Some(SocketAddr::V4(SocketAddrV4::new(
                    Ipv4Addr::from(u32::from_be(a.sin_addr.s_addr)),
                    u16::from_be(a.sin_port),
                )))
            }
            libc::AF_INET6 if len as usize >= std::mem::size_of::<libc::sockaddr_in6>() => {
                let a = &*(sa as *const libc::sockaddr_in6);
                Some(SocketAddr::V6(SocketAddrV6::new(
                    Ipv6Addr::from(a.sin6_addr.s6_addr),
                    u16::from_be(a.sin6_port),
                    a.sin6_flowinfo,
                    a.sin6_scope_id,
                )))
            }
            _ => None,
        }
    }
}

/// `gai_strerror(code)`.
pub fn gai_text(code: i32) -> String {
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let p = unsafe { libc::gai_strerror(code) };
    if p.is_null() {
        return format!("Unknown error {}", code);
    }
    // SAFETY: checked non-null above; the string is static.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// `gethostname()`.
pub fn gethostname() -> io::Result<String> {
    let mut buf = [0u8; 256];
    // SAFETY: `buf` is a live buffer of the length passed; the last byte
    // stays 0 so the result is NUL-terminated.
    let r = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len() - 1) };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(String::from_utf8_lossy(&buf[..end]).into_owned())
}
