//! One trial of `sigpy explore`: the script run with one signal injected
//! at one point, in a fresh folder, then classified against what the user
//! expects, then the `--check` command; and the counting run before them.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::options::Expect;
use super::process::{self, Ended};
use super::signame::{self, Sig};

/// What every trial shares.
pub struct Setup {
    /// The sigpy binary that runs the trials (this one).
    pub sigpy: PathBuf,
    /// The script, absolute, so that it runs from any folder.
    pub script: PathBuf,
    pub args: Vec<String>,
    /// The folder that holds every trial's folder and files.
    pub root: PathBuf,
    pub expect: Expect,
    pub check: Option<String>,
    /// `PATH` for the check: a folder holding `sigpy` (this binary) first.
    pub check_path: std::ffi::OsString,
    pub timeout: Duration,
    pub keep_failed: bool,
}

/// One injection: `sig` delivered when the instruction count reaches `point`.
#[derive(Debug, Clone)]
pub struct Trial {
    pub point: u64,
    pub sig: Sig,
}

impl Trial {
    /// The `--inject` value, `SIGTERM@120`.
    pub fn spec(&self) -> String {
        format!("{}@{}", self.sig.name, self.point)
    }
}

/// Why a trial failed, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Hang,
    Crash,
    Traceback,
    UnexpectedExit,
    CheckFailed,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::UnexpectedExit,
        Kind::Traceback,
        Kind::Hang,
        Kind::Crash,
        Kind::CheckFailed,
    ];

    /// The name in reports (the JSON key has `_` for the space).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Hang => "hang",
            Kind::Crash => "crash",
            Kind::Traceback => "traceback",
            Kind::UnexpectedExit => "unexpected exit",
            Kind::CheckFailed => "check failed",
        }
    }
}

/// Where the injected signal was dispatched, from the trial's signal log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub icount: u64,
    /// `tick`, or `wait:<call>` for a blocking call.
    pub site: String,
    pub file: String,
    pub line: u64,
    pub func: String,
}

/// The result of one trial.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub ended: Ended,
    /// None when the signal was never dispatched (e.g. past the end).
    pub site: Option<Site>,
    pub failure: Option<(Kind, String)>,
    /// The trial's folder, kept because it failed and `--keep-failed`.
    pub kept: Option<PathBuf>,
}

/// Runs one trial; `idx` names its folder and files under the root.
pub fn run(setup: &Setup, idx: usize, trial: &Trial) -> io::Result<Outcome> {
    let base = setup.root.join(format!("t{}", idx));
    let dir = base.clone();
    let file = |ext: &str| base.with_extension(ext);
    process::unless_stopping(|| fs::create_dir(&dir))?;
    let log = file("log");
    let mut cmd = Command::new(&setup.sigpy);
    cmd.arg("--inject")
        .arg(trial.spec())
        .arg("--record-signals")
        .arg(&log)
        .arg(&setup.script)
        .args(&setup.args)
        .current_dir(&dir);
    let ended = process::run(&mut cmd, &file("out"), &file("err"), setup.timeout)?;
    let stdout = read_lossy(&file("out"));
    let stderr = read_lossy(&file("err"));
    let site = read_site(&log, trial.sig.number);
    let mut failure = classify(ended, &stdout, &stderr, &setup.expect, &trial.sig);
    if let (None, Some(check)) = (&failure, &setup.check) {
        failure = run_check(setup, check, &dir, &file("check"), trial)?;
    }
    for ext in ["log", "out", "err", "check"] {
        let _ = fs::remove_file(file(ext));
    }
    let kept = if failure.is_some() && setup.keep_failed {
        Some(dir)
    } else {
        let _ = fs::remove_dir_all(&dir);
        None
    };
    Ok(Outcome {
        ended,
        site,
        failure,
        kept,
    })
}

/// The `PATH` of the checks: `root/bin`, which holds a `sigpy` link to
/// this binary (whatever its file name), then the inherited `PATH`.
pub fn check_path(root: &Path, sigpy: &Path) -> io::Result<std::ffi::OsString> {
    let bin = root.join("bin");
    fs::create_dir(&bin)?;
    std::os::unix::fs::symlink(sigpy, bin.join("sigpy"))?;
    let mut dirs = vec![bin];
    if let Some(old) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&old));
    }
    std::env::join_paths(dirs).map_err(io::Error::other)
}

/// Runs the script once without a signal, with `--icount`: the number of
/// instructions it executes, or why that could not be known.
pub fn count(setup: &Setup) -> Result<(u64, Ended), String> {
    let dir = setup.root.join("count");
    let fail = |e: io::Error| format!("cannot run the counting run: {}", e);
    fs::create_dir(&dir).map_err(fail)?;
    let (out, err) = (dir.with_extension("out"), dir.with_extension("err"));
    let mut cmd = Command::new(&setup.sigpy);
    cmd.arg("--icount")
        .arg(&setup.script)
        .args(&setup.args)
        .current_dir(&dir);
    let ended = process::run(&mut cmd, &out, &err, setup.timeout).map_err(fail)?;
    let stderr = read_lossy(&err);
    let _ = fs::remove_file(out);
    let _ = fs::remove_file(err);
    let _ = fs::remove_dir_all(dir);
    if ended == Ended::TimedOut {
        return Err(format!(
            "the script, run without a signal, is still running after {} (see --timeout)",
            seconds(setup.timeout)
        ));
    }
    let last = stderr.lines().last().unwrap_or("");
    match last.strip_prefix("icount: ").map(|n| n.trim().parse::<u64>()) {
        Some(Ok(n)) => Ok((n, ended)),
        _ => Err(format!(
            "the script, run without a signal, ended with {} and no instruction count; its stderr:\n{}",
            describe(ended),
            stderr
        )),
    }
}

/// Whether the trial met the expectations: None, or the failure's kind
/// and a one-line description.
pub fn classify(
    ended: Ended,
    stdout: &str,
    stderr: &str,
    expect: &Expect,
    injected: &Sig,
) -> Option<(Kind, String)> {
    let expected_sig = |s: i32| {
        expect.signals.iter().any(|e| e.number == s)
            || (expect.is_default() && s == injected.number)
    };
    let status = match ended {
        Ended::TimedOut => return Some((Kind::Hang, describe(ended))),
        Ended::Exit(101) => return Some((Kind::Crash, format!("exit 101: {}", last_line(stderr)))),
        _ if stderr.contains("panicked at") => {
            return Some((Kind::Crash, format!("Rust panic: {}", last_line(stderr))))
        }
        Ended::Signal(s) if !expected_sig(s) && s != injected.number => {
            return Some((Kind::Crash, describe(ended)))
        }
        Ended::Signal(s) => expected_sig(s),
        Ended::Exit(c) => expect.exits.contains(&c) || (expect.is_default() && c == 0),
    };
    // An uncaught KeyboardInterrupt reports itself with a traceback.
    let interrupt =
        ended == Ended::Signal(libc::SIGINT) && last_line(stderr) == "KeyboardInterrupt";
    if has_traceback(stderr) && !expect.traceback_ok && !interrupt {
        return Some((
            Kind::Traceback,
            format!("{}: {}", describe(ended), last_line(stderr)),
        ));
    }
    if !status {
        let detail = match last_line(stderr) {
            "" => describe(ended),
            said => format!("{}: {}", describe(ended), said),
        };
        return Some((Kind::UnexpectedExit, detail));
    }
    for text in &expect.stdout_contains {
        if !stdout.contains(text.as_str()) {
            return Some((
                Kind::UnexpectedExit,
                format!("{}, stdout lacks {:?}", describe(ended), text),
            ));
        }
    }
    None
}

fn has_traceback(stderr: &str) -> bool {
    stderr
        .lines()
        .any(|l| l.starts_with("Traceback (most recent call last):"))
}

/// `exit 1`, `killed by SIGTERM`, `hang`.
pub fn describe(ended: Ended) -> String {
    match ended {
        Ended::Exit(c) => format!("exit {}", c),
        Ended::Signal(s) => format!("killed by {}", signame::name_of(s)),
        Ended::TimedOut => "hang (killed at the time limit)".into(),
    }
}

fn run_check(
    setup: &Setup,
    check: &str,
    dir: &Path,
    out: &Path,
    trial: &Trial,
) -> io::Result<Option<(Kind, String)>> {
    let mut cmd = Command::new("/bin/sh");
    cmd.arg("-c")
        .arg(check)
        .current_dir(dir)
        .env("SIGPY_TRIAL_DIR", dir)
        .env("SIGPY_TRIAL_INJECT", trial.spec())
        .env("SIGPY", &setup.sigpy)
        .env("PATH", &setup.check_path);
    let ended = process::run(&mut cmd, out, out, setup.timeout)?;
    if ended == Ended::Exit(0) {
        return Ok(None);
    }
    let said = read_lossy(out);
    let said = last_line(&said);
    let what = match ended {
        Ended::TimedOut => format!("check still running after {}", seconds(setup.timeout)),
        other => describe(other),
    };
    let detail = if said.is_empty() {
        what
    } else {
        format!("{}: {}", what, said)
    };
    Ok(Some((Kind::CheckFailed, detail)))
}

/// The first dispatch of signal `signo` in a `--record-signals` log.
fn read_site(log: &Path, signo: i32) -> Option<Site> {
    let text = fs::read_to_string(log).ok()?;
    text.lines().skip(1).find_map(|line| {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        if v.get("signo")?.as_i64()? != signo as i64 {
            return None;
        }
        Some(Site {
            icount: v.get("icount")?.as_u64()?,
            site: v.get("site")?.as_str()?.to_string(),
            file: v.get("file")?.as_str().unwrap_or("").to_string(),
            line: v.get("line")?.as_u64().unwrap_or(0),
            func: v.get("func")?.as_str().unwrap_or("").to_string(),
        })
    })
}

fn read_lossy(path: &Path) -> String {
    fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

fn last_line(text: &str) -> &str {
    text.trim_end().lines().last().unwrap_or("").trim()
}

/// `10 s`, `0.5 s`.
pub fn seconds(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term() -> Sig {
        signame::parse_injectable("TERM").unwrap()
    }

    fn kind(ended: Ended, out: &str, err: &str, expect: &Expect) -> Option<Kind> {
        classify(ended, out, err, expect, &term()).map(|(k, _)| k)
    }

    #[test]
    fn test_default_expectation() {
        let e = Expect::default();
        assert_eq!(kind(Ended::Exit(0), "", "", &e), None);
        assert_eq!(kind(Ended::Signal(15), "", "", &e), None);
        assert_eq!(kind(Ended::Exit(3), "", "", &e), Some(Kind::UnexpectedExit));
        assert_eq!(kind(Ended::Signal(11), "", "", &e), Some(Kind::Crash));
        assert_eq!(kind(Ended::Exit(101), "", "", &e), Some(Kind::Crash));
        assert_eq!(kind(Ended::TimedOut, "", "", &e), Some(Kind::Hang));
        let tb = "Traceback (most recent call last):\n  File \"x\"\nValueError: v\n";
        assert_eq!(kind(Ended::Exit(1), "", tb, &e), Some(Kind::Traceback));
        assert_eq!(kind(Ended::Signal(15), "", tb, &e), Some(Kind::Traceback));
    }

    #[test]
    fn test_user_expectations() {
        let mut e = Expect::default();
        e.exits.push(0);
        assert_eq!(
            kind(Ended::Signal(15), "", "", &e),
            Some(Kind::UnexpectedExit)
        );
        e.stdout_contains.push("saved".into());
        assert_eq!(
            kind(Ended::Exit(0), "x", "", &e),
            Some(Kind::UnexpectedExit)
        );
        assert_eq!(kind(Ended::Exit(0), "saved\n", "", &e), None);
        let mut e = Expect::default();
        e.signals.push(signame::parse_any("KILL").unwrap());
        assert_eq!(kind(Ended::Signal(9), "", "", &e), None);
        assert_eq!(kind(Ended::Exit(0), "", "", &e), Some(Kind::UnexpectedExit));
        e.traceback_ok = true;
        let tb = "Traceback (most recent call last):\nValueError: v\n";
        assert_eq!(kind(Ended::Signal(9), "", tb, &e), None);
    }
}
