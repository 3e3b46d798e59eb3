//! Calendar time through the C library: `gmtime_r`, `localtime_r`,
//! `mktime` and `strftime` (the time zone and locale are the C library's).

/// A broken-down time, in the C library's conventions (`year` since 1900,
/// `mon` 0-11, `wday` 0 = Sunday, `yday` 0-365).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tm {
    pub year: i32,
    pub mon: i32,
    pub mday: i32,
    pub hour: i32,
    pub min: i32,
    pub sec: i32,
    pub wday: i32,
    pub yday: i32,
    pub isdst: i32,
    pub gmtoff: i64,
    pub zone: String,
}

fn from_c(t: &libc::tm) -> Tm {
    let zone = if t.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: a non-null tm_zone from gmtime_r/localtime_r points to a
        // NUL-terminated string owned by the C library's tz data.
        unsafe { std::ffi::CStr::from_ptr(t.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    Tm {
        year: t.tm_year,
        mon: t.tm_mon,
        mday: t.tm_mday,
        hour: t.tm_hour,
        min: t.tm_min,
        sec: t.tm_sec,
        wday: t.tm_wday,
        yday: t.tm_yday,
        isdst: t.tm_isdst,
        gmtoff: t.tm_gmtoff,
        zone,
    }
}

fn to_c(t: &Tm) -> libc::tm {
    // SAFETY: libc::tm is plain data; all-zero (null tm_zone) is valid.
    let mut c: libc::tm = unsafe { std::mem::zeroed() };
    c.tm_year = t.year;
    c.tm_mon = t.mon;
    c.tm_mday = t.mday;
    c.tm_hour = t.hour;
    c.tm_min = t.min;
    c.tm_sec = t.sec;
    c.tm_wday = t.wday;
    c.tm_yday = t.yday;
    c.tm_isdst = t.isdst;
    c.tm_gmtoff = t.gmtoff;
    c
}

/// `gmtime_r` (`local` false) or `localtime_r`; None when out of range.
pub fn broken_down(secs: i64, local: bool) -> Option<Tm> {
    let t: libc::time_t = secs;
    // SAFETY: `out` is a local out-parameter; `t` a local time_t.
    let (ok, out) = unsafe {
        let mut out: libc::tm = std::mem::zeroed();
        let r = if local {
            libc::localtime_r(&t, &mut out)
        } else {
            libc::gmtime_r(&t, &mut out)
        };
        (!r.is_null(), out)
    };
    ok.then(|| from_c(&out))
}

/// `mktime`: local broken-down time to seconds; None on overflow.
pub fn mktime(t: &Tm) -> Option<i64> {
    let mut c = to_c(t);
    // SAFETY: `c` is a valid local tm; mktime only normalises it.
    let r = unsafe { libc::mktime(&mut c) };
    (r != -1 || (c.tm_year == 69 && c.tm_mon == 11 && c.tm_mday == 31)).then_some(r)
}

/// `strftime(format, t)`; None for a format with a NUL byte.
pub fn strftime(format: &str, t: &Tm) -> Option<String> {
    let fmt = std::ffi::CString::new(format).ok()?;
    let c = to_c(t);
    let mut size = 256usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes, `fmt` is NUL-terminated
        // and `c` a valid tm; strftime writes at most `size` bytes.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, fmt.as_ptr(), &c) };
        if n > 0 || format.is_empty() || size > 1 << 20 {
            buf.truncate(n);
            return Some(String::from_utf8_lossy(&buf).into_owned());
        }
        size *= 4;
    }
}

/// Which clock `now_ns` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Realtime,
    Monotonic,
    ProcessCpu,
}

/// The time of `clock` in nanoseconds, through the C library's
/// `clock_gettime`, which reads the real-time and monotonic clocks from the
/// vDSO without a system call (rustix 0.38's own vDSO lookup fails on this
/// kernel and made a `clock_gettime` system call per `time.monotonic_ns()`,
/// the first statement of a latency-stamping signal handler).
pub fn now_ns(clock: Clock) -> i64 {
    let id = match clock {
        Clock::Realtime => libc::CLOCK_REALTIME,
        Clock::Monotonic => libc::CLOCK_MONOTONIC,
        Clock::ProcessCpu => libc::CLOCK_PROCESS_CPUTIME_ID,
    };
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a live, writable timespec and `id` a clock every
    // Linux kernel has, so the call only writes `ts`.
    unsafe { libc::clock_gettime(id, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}
