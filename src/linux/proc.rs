//! Process-level calls of the `os` module that need `unsafe`: `fork`,
//! `execv`/`execvp`, `waitpid`/`waitid`, `_exit`, `close`, `dup2`, and the
//! environment (`setenv`/`unsetenv`).

use std::ffi::CString;
use std::io;
use std::os::fd::RawFd;

fn check(rc: libc::c_int) -> io::Result<libc::c_int> {
    if rc < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(rc)
    }
}

/// `fork()`: the child's pid in the parent, 0 in the child. The child has
/// only the calling thread (the caller rebuilds its per-thread state).
pub fn fork() -> io::Result<i32> {
    // SAFETY: fork has no memory-safety preconditions of its own; the
    // child continues with a copy of this thread only. Other threads are
    // sigpy's helpers, which hold no lock the child needs (the allocator
    // is made fork-safe by the C library's atfork handlers).
    check(unsafe { libc::fork() })
}

/// `_exit(status)`: ends the process at once (no atexit, no flush).
pub fn exit_now(status: i32) -> ! {
    // SAFETY: _exit takes a plain integer and never returns.
    unsafe { libc::_exit(status) }
}

/// `execv(path, argv)` (`search`: `execvp`, looking `path` up in `PATH`).
/// Returns only on failure.
pub fn exec(path: &CString, argv: &[CString], search: bool) -> io::Error {
    let mut ptrs: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    // SAFETY: `path` and every `argv` string are NUL-terminated CStrings
    // that outlive the call, and `ptrs` is the NULL-terminated array of
    // their pointers that execv/execvp expect.
    unsafe {
        if search {
            libc::execvp(path.as_ptr(), ptrs.as_ptr());
        } else {
            libc::execv(path.as_ptr(), ptrs.as_ptr());
        }
    }
    io::Error::last_os_error()
}

/// `waitpid(pid, options)`: (pid, raw status); pid 0 with `WNOHANG` when
/// no child has changed state.
pub fn waitpid(pid: i32, options: i32) -> io::Result<(i32, i32)> {
    let mut status: libc::c_int = 0;
    // SAFETY: `status` is a valid out-parameter for the call's duration.
    let r = check(unsafe { libc::waitpid(pid, &mut status, options) })?;
    Ok((r, status))
}

/// Blocks until a child matching `pid` (waitpid's convention: -1 any,
/// 0 the caller's group, -g group g) can be waited for, without reaping it
/// (`waitid(..., WNOWAIT)`). `options` adds `WUNTRACED`/`WCONTINUED`.
pub fn wait_child_ready(pid: i32, options: i32) -> io::Result<()> {
    let (idtype, id) = match pid {
        -1 => (libc::P_ALL, 0),
        0 => (libc::P_PGID, 0),
        p if p < 0 => (libc::P_PGID, (-p) as libc::id_t),
        p => (libc::P_PID, p as libc::id_t),
    };
    let mut flags = libc::WEXITED | libc::WNOWAIT;
    if options & libc::WUNTRACED != 0 {
        flags |= libc::WSTOPPED;
    }
    if options & libc::WCONTINUED != 0 {
        flags |= libc::WCONTINUED;
    }
    loop {
        // SAFETY: `info` is a zeroed siginfo_t out-parameter that lives for
        // the call's duration.
        let rc = unsafe {
            let mut info: libc::siginfo_t = std::mem::zeroed();
            libc::waitid(idtype, id, &mut info, flags)
        };
        match check(rc) {
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => continue,
            r => return r.map(|_| ()),
        }
    }
}

/// `close(fd)`.
pub fn close(fd: RawFd) -> io::Result<()> {
    // SAFETY: closing a plain fd number the program named; a bad number
    // only fails with EBADF. (Like CPython's os.close, the program may
    // close any fd it likes.)
    check(unsafe { libc::close(fd) }).map(|_| ())
}

/// `dup2(fd, fd2)`, or `dup3(fd, fd2, O_CLOEXEC)` when not inheritable.
pub fn dup2(fd: RawFd, fd2: RawFd, inheritable: bool) -> io::Result<RawFd> {
    // SAFETY: dup2/dup3 take plain fd numbers; bad ones fail with EBADF.
    let rc = unsafe {
        if inheritable || fd == fd2 {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, libc::O_CLOEXEC)
        }
    };
    check(rc)
}

/// `setenv(name, value, 1)`.
pub fn setenv(name: &CString, value: &CString) -> io::Result<()> {
    // SAFETY: both are NUL-terminated strings that outlive the call; the
    // interpreter thread is the only one touching the environment (helper
    // threads never read it).
    check(unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) }).map(|_| ())
}

/// `unsetenv(name)`.
pub fn unsetenv(name: &CString) -> io::Result<()> {
    // SAFETY: as `setenv`.
    check(unsafe { libc::unsetenv(name.as_ptr()) }).map(|_| ())
}

/// `setsid()`: the new session id.
pub fn setsid() -> io::Result<i32> {
    // SAFETY: setsid takes no arguments and reports errors through errno.
    check(unsafe { libc::setsid() })
}

/// `isatty(fd)`.
pub fn isatty(fd: RawFd) -> bool {
    // SAFETY: isatty takes a plain fd number; a bad one returns 0.
    unsafe { libc::isatty(fd) == 1 }
}

/// `fcntl(fd, F_GETFD)` has `FD_CLOEXEC` clear.
pub fn inheritable(fd: RawFd) -> io::Result<bool> {
    // SAFETY: F_GETFD on a plain fd number only reads its flags.
    let fl = check(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    Ok(fl & libc::FD_CLOEXEC == 0)
}

/// Sets or clears `O_NONBLOCK` on `fd`'s open file description.
pub fn set_nonblocking(fd: RawFd, on: bool) -> io::Result<()> {
    // SAFETY: F_GETFL/F_SETFL on a plain fd number change only its flags.
    unsafe {
        let fl = check(libc::fcntl(fd, libc::F_GETFL))?;
        let new = if on {
            fl | libc::O_NONBLOCK
        } else {
            fl & !libc::O_NONBLOCK
        };
        if new != fl {
            check(libc::fcntl(fd, libc::F_SETFL, new))?;
        }
    }
    Ok(())
}

/// Sets or clears `FD_CLOEXEC` on `fd`.
pub fn set_inheritable(fd: RawFd, inheritable: bool) -> io::Result<()> {
    // SAFETY: F_GETFD/F_SETFD on a plain fd number change only its flags.
    unsafe {
        let fl = check(libc::fcntl(fd, libc::F_GETFD))?;
        let new = if inheritable {
            fl & !libc::FD_CLOEXEC
        } else {
            fl | libc::FD_CLOEXEC
        };
        check(libc::fcntl(fd, libc::F_SETFD, new))?;
    }
    Ok(())
}
