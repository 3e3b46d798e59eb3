//! Signal names for `sigpy explore`: `--signal` takes what `--inject`
//! takes (through its parser), `--expect signal=` any signal a process
//! can die by, and reports name numbers as `--inject` logs them.

use crate::signals::inject;

/// A signal: its number and canonical name (`SIGTERM`, `SIGRTMIN+2`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sig {
    pub number: i32,
    pub name: String,
}

impl Sig {
    fn new(number: i32) -> Sig {
        Sig {
            number,
            name: inject::signal_name(number),
        }
    }
}

/// A signal that can be injected: `TERM`, `SIGTERM`, `term`, `15`,
/// `SIGRTMIN+2`; else `--inject`'s message.
pub fn parse_injectable(text: &str) -> Result<Sig, String> {
    inject::parse_signal(text).map(Sig::new)
}

/// Any signal, SIGKILL included (a trial may die by it), as
/// [`parse_injectable`] spells them.
pub fn parse_any(text: &str) -> Result<Sig, String> {
    let t = text.trim().to_ascii_uppercase();
    for (name, n) in [("KILL", libc::SIGKILL), ("STOP", libc::SIGSTOP)] {
        if t == name || t.strip_prefix("SIG") == Some(name) || t == n.to_string() {
            return Ok(Sig::new(n));
        }
    }
    match inject::parse_signal(text) {
        Ok(n) => Ok(Sig::new(n)),
        // Fault signals cannot be injected, but a trial can die by one.
        Err(e) if e.contains("fault signal") => {
            let name = text.trim().to_ascii_uppercase();
            let full = if name.starts_with("SIG") {
                name
            } else {
                format!("SIG{}", name)
            };
            crate::modules::signal::number_of(&full)
                .or_else(|| text.trim().parse().ok())
                .map(Sig::new)
                .ok_or(e)
        }
        Err(e) => Err(e),
    }
}

/// The name of signal `n` (`SIGSEGV`, `SIGRTMIN+3`, `signal 99`).
pub fn name_of(n: i32) -> String {
    inject::signal_name(n)
}
