//! The command line of `sigpy explore`: options, their checks, the usage
//! text. Every mistake is a [`UsageError`] (exit status 2).

use std::fmt;
use std::time::Duration;

use super::signame::{self, Sig};

/// The usage text printed by `--help` and after a usage error.
pub const USAGE: &str = "\
usage: sigpy explore [option] ... script.py [arg] ...
Runs the script once to count its instructions, then once per injection
point with a signal delivered exactly there (as `sigpy --inject SIG@N`), and
reports every point where the outcome is not the expected one.
Options:
  --signal SIG        signal to inject (default TERM); a name (TERM, SIGTERM)
                      or a number; repeat it or give a comma list for several
  --every K           every K-th point only (default: every point)
  --sample N          N points chosen at random (reproducible with --seed)
  --seed S            seed of --sample (default 0)
  --from A, --to B    only points A..B (default: 0 to the instruction count
                      less one: SIG@N lands after instruction N)
  --expect WHAT       the expected outcome; repeat for several:
                        exit=N               exit status N
                        signal=SIG           death by SIG
                        stdout-contains=TEXT stdout holds TEXT (all must)
                        traceback            a traceback is no failure
                      default: exit 0 or death by the injected signal, and
                      no traceback
  --check CMD         run `/bin/sh -c CMD` after each trial, in the trial's
                      folder ($SIGPY_TRIAL_DIR); a non-zero status fails it
  --timeout SECS      time limit of each trial and check (default 10); a
                      trial still running then is a hang
  -j N, --jobs N      trials run in parallel (default: the number of cores)
  --json FILE         also write the report as JSON to FILE
  --keep-failed       keep the folders of failing trials (and print them)
  -h, --help          print this help and exit
Each trial runs in a fresh empty folder (its working directory), with stdin
from /dev/null, in a process group of its own. Exit status: 0 when every
trial passed, 1 when any failed, 2 on a usage error.
";

/// A command line that cannot be run; the message names the mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which injection points to try, before the instruction count is known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PointSpec {
    pub every: Option<u64>,
    pub sample: Option<u64>,
    pub seed: Option<u64>,
    pub from: Option<u64>,
    pub to: Option<u64>,
}

/// What a trial must do to pass. Empty `exits` and `signals` mean the
/// default: exit 0 or death by the injected signal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expect {
    pub exits: Vec<i32>,
    pub signals: Vec<Sig>,
    pub stdout_contains: Vec<String>,
    pub traceback_ok: bool,
}

impl Expect {
    /// Whether the user named an exit status or a signal.
    pub fn is_default(&self) -> bool {
        self.exits.is_empty() && self.signals.is_empty()
    }
}

/// Everything `sigpy explore` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub signals: Vec<Sig>,
    pub points: PointSpec,
    pub expect: Expect,
    pub check: Option<String>,
    pub timeout: Duration,
    pub jobs: usize,
    pub json: Option<String>,
    pub keep_failed: bool,
    pub script: String,
    pub args: Vec<String>,
}

/// What the command line asks for: a run, or the help text.
pub enum Parsed {
    Run(Box<Options>),
    Help,
}

/// Parses the arguments that follow `sigpy explore`.
pub fn parse(args: &[String]) -> Result<Parsed, UsageError> {
    let mut o = Options {
        signals: Vec::new(),
        points: PointSpec::default(),
        expect: Expect::default(),
        check: None,
        timeout: Duration::from_secs(10),
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        json: None,
        keep_failed: false,
        script: String::new(),
        args: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        if arg == "--" {
            i += 1;
            break;
        }
        if !arg.starts_with('-') || arg == "-" {
            break;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg, None),
        };
        let mut value = || -> Result<String, UsageError> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| UsageError(format!("{} needs a value", name)))
        };
        if name == "-h" || name == "--help" {
            return Ok(Parsed::Help);
        }
        apply(&mut o, name, &mut value)?;
        i += 1;
    }
    let Some(script) = args.get(i) else {
        return Err(UsageError("the script to explore is missing".into()));
    };
    o.script = script.clone();
    o.args = args[i + 1..].to_vec();
    if o.signals.is_empty() {
        o.signals.push(parse_signal("TERM")?);
    }
    check_points(&o.points)?;
    Ok(Parsed::Run(Box::new(o)))
}

/// Applies option `name`, taking its value from `value` if it has one.
fn apply(
    o: &mut Options,
    name: &str,
    value: &mut dyn FnMut() -> Result<String, UsageError>,
) -> Result<(), UsageError> {
    match name {
        "--keep-failed" => o.keep_failed = true,
        "--signal" => {
            for part in value()?.split(',') {
                o.signals.push(parse_signal(part)?);
            }
        }
        "--every" => o.points.every = Some(positive(name, &value()?)?),
        "--sample" => o.points.sample = Some(positive(name, &value()?)?),
        "--seed" => o.points.seed = Some(number(name, &value()?)?),
        "--from" => o.points.from = Some(number(name, &value()?)?),
        "--to" => o.points.to = Some(number(name, &value()?)?),
        "--expect" => parse_expect(&value()?, &mut o.expect)?,
        "--check" => o.check = Some(value()?),
        "--timeout" => o.timeout = seconds(&value()?)?,
        "-j" | "--jobs" => o.jobs = positive(name, &value()?)? as usize,
        "--json" => o.json = Some(value()?),
        _ => return Err(UsageError(format!("unknown option {}", name))),
    }
    Ok(())
}

fn check_points(p: &PointSpec) -> Result<(), UsageError> {
    if p.every.is_some() && p.sample.is_some() {
        return Err(UsageError("--every and --sample exclude each other".into()));
    }
    if p.seed.is_some() && p.sample.is_none() {
        return Err(UsageError("--seed goes with --sample".into()));
    }
    if let (Some(a), Some(b)) = (p.from, p.to) {
        if a > b {
            return Err(UsageError(format!("--from {} is past --to {}", a, b)));
        }
    }
    Ok(())
}

fn parse_signal(text: &str) -> Result<Sig, UsageError> {
    signame::parse_injectable(text).map_err(|e| UsageError(format!("--signal: {}", e)))
}

fn parse_expect(text: &str, e: &mut Expect) -> Result<(), UsageError> {
    let bad = || {
        UsageError(format!(
            "bad --expect {:?}: use exit=N, signal=SIG, stdout-contains=TEXT or traceback",
            text
        ))
    };
    match text.split_once('=') {
        Some(("exit", n)) => match n.trim().parse::<i32>() {
            Ok(n) if (0..=255).contains(&n) => e.exits.push(n),
            _ => return Err(bad()),
        },
        Some(("signal", s)) => e
            .signals
            .push(signame::parse_any(s).map_err(|m| UsageError(format!("--expect: {}", m)))?),
        Some(("stdout-contains", t)) => e.stdout_contains.push(t.to_string()),
        None if text == "traceback" => e.traceback_ok = true,
        _ => return Err(bad()),
    }
    Ok(())
}

fn number(name: &str, text: &str) -> Result<u64, UsageError> {
    text.trim().parse::<u64>().map_err(|_| {
        UsageError(format!(
            "{} needs a non-negative integer, not {:?}",
            name, text
        ))
    })
}

fn positive(name: &str, text: &str) -> Result<u64, UsageError> {
    match number(name, text) {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(UsageError(format!(
            "{} needs a positive integer, not {:?}",
            name, text
        ))),
    }
}

fn seconds(text: &str) -> Result<Duration, UsageError> {
    match text.trim().parse::<f64>() {
        Ok(s) if s > 0.0 && s.is_finite() && s < 1e9 => Ok(Duration::from_secs_f64(s)),
        _ => Err(UsageError(format!(
            "--timeout needs a positive number of seconds, not {:?}",
            text
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, UsageError> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        match parse(&args)? {
            Parsed::Run(o) => Ok(*o),
            Parsed::Help => Err(UsageError("help".into())),
        }
    }

    #[test]
    fn test_defaults_and_script_args() {
        let o = run(&["s.py", "--every", "3"]).unwrap();
        assert_eq!(o.script, "s.py");
        assert_eq!(o.args, ["--every", "3"]);
        assert_eq!(o.signals.len(), 1);
        assert_eq!(o.signals[0].name, "SIGTERM");
        assert!(o.expect.is_default());
        assert_eq!(o.timeout, Duration::from_secs(10));
    }

    #[test]
    fn test_signals_points_and_expectations() {
        let o = run(&[
            "--signal=INT,SIGUSR1",
            "--signal",
            "15",
            "--every=4",
            "--from",
            "10",
            "--to",
            "90",
            "--expect",
            "exit=3",
            "--expect",
            "signal=TERM",
            "--expect=stdout-contains=a=b",
            "--expect",
            "traceback",
            "--timeout",
            "0.5",
            "-j",
            "3",
            "--",
            "-x.py",
        ])
        .unwrap();
        let names: Vec<&str> = o.signals.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["SIGINT", "SIGUSR1", "SIGTERM"]);
        assert_eq!(o.points.every, Some(4));
        assert_eq!((o.points.from, o.points.to), (Some(10), Some(90)));
        assert_eq!(o.expect.exits, [3]);
        assert_eq!(o.expect.signals[0].number, 15);
        assert_eq!(o.expect.stdout_contains, ["a=b"]);
        assert!(o.expect.traceback_ok);
        assert_eq!(o.timeout, Duration::from_millis(500));
        assert_eq!(o.jobs, 3);
        assert_eq!(o.script, "-x.py");
    }

    #[test]
    fn test_usage_errors() {
        for bad in [
            &[][..],
            &["--every"],
            &["--every", "0", "s.py"],
            &["--every", "2", "--sample", "3", "s.py"],
            &["--seed", "2", "s.py"],
            &["--from", "9", "--to", "3", "s.py"],
            &["--signal", "NOPE", "s.py"],
            &["--expect", "exit=x", "s.py"],
            &["--expect", "color=red", "s.py"],
            &["--timeout", "-1", "s.py"],
            &["-j", "0", "s.py"],
            &["--bogus", "s.py"],
        ] {
            assert!(run(bad).is_err(), "{:?} should be refused", bad);
        }
    }
}
