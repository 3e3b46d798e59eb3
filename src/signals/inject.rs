//! Deterministic signals (SIGNALS.md 6, DESIGN.md "Determinism"): the
//! injection schedule behind `--inject` and `--replay-signals`.
//!
//! The instruction count is the clock. `icount` counts an instruction when
//! it starts (a long builtin adds its charge while it runs). A planned
//! signal at position N enters the runtime's queue, exactly as if it had
//! just been read from the signalfd, at the first safe point past N:
//!
//! - at a tick (between two instructions, a long builtin's charge point,
//!   the end of a protected region) once `icount > N`: normally right
//!   after instruction N, before instruction N + 1 starts (the VM's
//!   countdown is shortened to fire exactly there);
//! - inside a call (the wait primitive, or after the program signalled
//!   itself) once `icount >= N`: if instruction N blocks, the signal
//!   arrives inside it, and the call wakes at once.
//!
//! From the queue on, the signal takes the path of a real one (coalescing,
//! protected regions, `pthread_sigmask`, handlers, default actions,
//! escalation). A replayed signal that was first read at a tick waits for
//! a tick (it never enters a call made at the same count).

use std::collections::VecDeque;

use crate::linux::sig::{self, bit, SigInfo};

/// Where a signal enters the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    /// The tick hook: between instructions, at a charge point, at the end
    /// of a protected region. Position: `icount - 1` (the instruction just
    /// counted has not run).
    Tick,
    /// Inside a call: the wait primitive, or right after the program
    /// signalled itself. Position: `icount` (the call is instruction
    /// `icount`).
    Call,
}

impl Site {
    /// The position of this safe point at instruction count `icount`.
    pub fn position(self, icount: u64) -> u64 {
        match self {
            Site::Tick => icount.saturating_sub(1),
            Site::Call => icount,
        }
    }
}

/// One planned signal.
#[derive(Debug, Clone, Copy)]
pub struct Planned {
    /// The position: delivered at the first safe point past it.
    pub pos: u64,
    /// Delivered only at a tick (a replayed signal first read at a tick),
    /// not inside a call made at the same count.
    pub tick_only: bool,
    pub info: SigInfo,
}

/// The planned signals, in delivery order.
#[derive(Debug, Default)]
pub struct Schedule {
    items: VecDeque<Planned>,
}

impl Schedule {
    /// A schedule of `plan`: ordered by position (at one position, those
    /// for a call before those for the tick that follows it), and in the
    /// given order otherwise.
    pub fn new(mut plan: Vec<Planned>) -> Schedule {
        plan.sort_by_key(|p| (p.pos, p.tick_only));
        Schedule { items: plan.into() }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The icount at which a tick must fire for the next planned signal
    /// (`u64::MAX`: none).
    pub fn next_tick(&self) -> u64 {
        self.items
            .front()
            .map_or(u64::MAX, |p| p.pos.saturating_add(1))
    }

    /// Takes the next planned signal if it is due at this safe point.
    pub fn take_due(&mut self, icount: u64, site: Site) -> Option<Planned> {
        let p = self.items.front()?;
        let due = if p.tick_only {
            p.pos < icount
        } else {
            p.pos <= site.position(icount)
        };
        if due {
            self.items.pop_front()
        } else {
            None
        }
    }
}

/// The siginfo of an injected signal: as if the program had called
/// `signal.raise_signal` (`si_code` SI_TKILL, `si_pid` and `si_uid` its
/// own).
pub fn injected_info(signo: i32) -> SigInfo {
    SigInfo {
        signo,
        code: libc::SI_TKILL,
        errno: 0,
        pid: sig::getpid(),
        uid: sig::getuid(),
        status: 0,
        band: 0,
    }
}

/// The name of signal `n` as the log and messages spell it (`SIGTERM`,
/// `SIGRTMIN+3`).
pub fn signal_name(n: i32) -> String {
    if let Some(name) = crate::modules::signal::name_of(n) {
        return name.to_string();
    }
    let (rtmin, rtmax) = sig::rt_range();
    if (rtmin..=rtmax).contains(&n) {
        return format!("SIGRTMIN+{}", n - rtmin);
    }
    format!("signal {}", n)
}

/// A signal as `--inject` names it: `SIGTERM`, `TERM`, `term`, `15`,
/// `SIGRTMIN+2`, `RTMAX-1`. Only signals a program can catch are accepted
/// (not SIGKILL, SIGSTOP, nor the synchronous fault signals).
pub fn parse_signal(text: &str) -> Result<i32, String> {
    let t = text.trim();
    let n = if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse::<i32>()
            .map_err(|_| format!("unknown signal number '{}'", t))?
    } else {
        let up = t.to_ascii_uppercase();
        let full = if up.starts_with("SIG") {
            up
        } else {
            format!("SIG{}", up)
        };
        by_name(&full).ok_or_else(|| format!("unknown signal '{}'", t))?
    };
    if !(1..sig::NSIG).contains(&n) || super::valid_signals() & bit(n) == 0 {
        return Err(format!("unknown signal number '{}'", t));
    }
    if n == libc::SIGKILL || n == libc::SIGSTOP {
        return Err(format!(
            "{} cannot be injected: a program can neither catch nor see it",
            signal_name(n)
        ));
    }
    if super::FAULT_SIGNALS.contains(&n) {
        return Err(format!(
            "{} cannot be injected: it is a synchronous fault signal",
            signal_name(n)
        ));
    }
    Ok(n)
}

/// A full signal name, with `SIGRTMIN+k` / `SIGRTMAX-k`.
fn by_name(name: &str) -> Option<i32> {
    if let Some(n) = crate::modules::signal::number_of(name) {
        return Some(n);
    }
    let (rtmin, rtmax) = sig::rt_range();
    let (base, sign, rest) = if let Some(r) = name.strip_prefix("SIGRTMIN+") {
        (rtmin, 1, r)
    } else if let Some(r) = name.strip_prefix("SIGRTMAX-") {
        (rtmax, -1, r)
    } else {
        return None;
    };
    let k: i32 = rest.parse().ok()?;
    let n = base + sign * k;
    (rtmin..=rtmax).contains(&n).then_some(n)
}

/// One `--inject` spec: `SIG@N[,SIG@N...]`, as (signal, position) pairs.
pub fn parse_spec(spec: &str) -> Result<Vec<(i32, u64)>, String> {
    let mut out = Vec::new();
    for part in spec.split(',') {
        let part = part.trim();
        let Some((s, n)) = part.split_once('@') else {
            return Err(format!(
                "--inject: '{}' lacks '@N' (expected SIG@N, e.g. SIGTERM@12000)",
                part
            ));
        };
        let signo = parse_signal(s).map_err(|e| format!("--inject: {} in '{}'", e, part))?;
        let n = n.trim();
        let pos = n
            .parse::<u64>()
            .ok()
            .filter(|_| n.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| {
                format!(
                    "--inject: bad instruction count '{}' in '{}' (expected a non-negative integer)",
                    n, part
                )
            })?;
        out.push((signo, pos));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(
            parse_spec("SIGTERM@5,usr1@0, 10@7").unwrap(),
            vec![(15, 5), (10, 0), (10, 7)]
        );
        let (rtmin, _) = sig::rt_range();
        assert_eq!(parse_spec("RTMIN+1@3").unwrap(), vec![(rtmin + 1, 3)]);
        for bad in [
            "SIGTERM",
            "FOO@1",
            "SIGKILL@1",
            "9@1",
            "STOP@1",
            "SEGV@1",
            "TERM@-1",
            "TERM@x",
            "TERM@",
            "0@1",
            "99@1",
            "32@1",
            "TERM@1,",
        ] {
            assert!(parse_spec(bad).is_err(), "{} accepted", bad);
        }
    }

    #[test]
    fn order_and_due() {
        let i = injected_info(10);
        let mut s = Schedule::new(vec![
            Planned {
                pos: 5,
                tick_only: true,
                info: i,
            },
            Planned {
                pos: 5,
                tick_only: false,
                info: i,
            },
            Planned {
                pos: 2,
                tick_only: false,
                info: i,
            },
        ]);
        assert_eq!(s.next_tick(), 3);
        assert!(s.take_due(2, Site::Tick).is_none());
        assert_eq!(s.take_due(2, Site::Call).unwrap().pos, 2);
        assert!(s.take_due(5, Site::Tick).is_none());
        assert!(!s.take_due(5, Site::Call).unwrap().tick_only);
        assert!(s.take_due(5, Site::Call).is_none());
        assert!(s.take_due(6, Site::Tick).unwrap().tick_only);
        assert!(s.is_empty());
    }
}
