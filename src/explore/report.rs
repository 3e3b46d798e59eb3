//! The report of `sigpy explore`: a summary, then the failing trials
//! grouped by the source line their signal interrupted, each group with
//! the command that reproduces it; as text and as JSON (`--json`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};

use super::trial::{describe, Kind, Outcome, Site, Trial};

/// The version of the JSON report's layout.
pub const JSON_VERSION: u64 = 1;

/// Everything the report shows.
pub struct Report<'a> {
    /// The script as the user named it, and absolute.
    pub script: &'a str,
    pub script_abs: &'a Path,
    pub args: &'a [String],
    /// How to call sigpy in a reproduction command.
    pub sigpy: String,
    pub icount: u64,
    /// The run without a signal: `exit 0`.
    pub baseline: String,
    /// `SIGTERM,SIGINT`
    pub signals: String,
    pub points: String,
    pub check: Option<&'a str>,
    pub jobs: usize,
    pub trials: &'a [Trial],
    pub outcomes: &'a [Outcome],
    pub elapsed: Duration,
}

/// Failing trials that interrupted the same line (or none: not dispatched).
struct Group {
    site: Option<(String, u64)>,
    func: String,
    text: Option<String>,
    members: Vec<usize>,
}

impl Report<'_> {
    pub fn failed(&self) -> usize {
        self.outcomes.iter().filter(|o| o.failure.is_some()).count()
    }

    fn by_kind(&self) -> Vec<(Kind, usize)> {
        Kind::ALL
            .iter()
            .map(|&k| (k, self.count(k)))
            .filter(|&(_, n)| n > 0)
            .collect()
    }

    fn count(&self, k: Kind) -> usize {
        let is = |o: &&Outcome| matches!(o.failure, Some((kind, _)) if kind == k);
        self.outcomes.iter().filter(is).count()
    }

    fn rate(&self) -> f64 {
        self.trials.len() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn groups(&self) -> Vec<Group> {
        let mut map: BTreeMap<(bool, String, u64), Vec<usize>> = BTreeMap::new();
        for (i, o) in self.outcomes.iter().enumerate() {
            if o.failure.is_none() {
                continue;
            }
            let key = match &o.site {
                Some(s) => (false, s.file.clone(), s.line),
                None => (true, String::new(), 0),
            };
            map.entry(key).or_default().push(i);
        }
        map.into_iter()
            .map(|((none, file, line), members)| {
                let site = self.outcomes[members[0]].site.as_ref();
                Group {
                    func: site.map(|s: &Site| s.func.clone()).unwrap_or_default(),
                    text: if none { None } else { source_line(&file, line) },
                    site: if none { None } else { Some((file, line)) },
                    members,
                }
            })
            .collect()
    }

    /// The command that runs trial `i` again.
    pub fn reproduce(&self, i: usize) -> String {
        let script = self.script_abs.to_string_lossy();
        let spec = self.trials[i].spec();
        let mut words = vec![self.sigpy.as_str(), "--inject", &spec, &script];
        words.extend(self.args.iter().map(String::as_str));
        words
            .into_iter()
            .map(shell_quote)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What was explored: script, instruction count, signals, points.
    pub fn header(&self) -> String {
        let mut words = vec![self.script.to_string()];
        words.extend(self.args.iter().cloned());
        let quoted: Vec<String> = words.iter().map(|w| shell_quote(w)).collect();
        format!(
            "sigpy explore {}: {} instructions ({} without a signal); {} at {}",
            quoted.join(" "),
            self.icount,
            self.baseline,
            self.signals,
            self.points
        )
    }

    /// The summary line: `N trials in T s (R trials/s, J jobs): P passed,
    /// F failed (...)`.
    pub fn summary(&self) -> String {
        let n = self.trials.len();
        let failed = self.failed();
        let mut s = format!(
            "{} trials in {:.1} s ({:.1} trials/s, {} jobs): {} passed, {} failed",
            n,
            self.elapsed.as_secs_f64(),
            self.rate(),
            self.jobs,
            n - failed,
            failed
        );
        let kinds: Vec<String> = self
            .by_kind()
            .iter()
            .map(|(k, c)| format!("{}: {}", k.name(), c))
            .collect();
        if !kinds.is_empty() {
            let _ = write!(s, " ({})", kinds.join(", "));
        }
        s
    }

    /// The report as text, ending with a newline.
    pub fn text(&self) -> String {
        let mut s = format!("{}\n{}\n", self.header(), self.summary());
        let not_fired = self.outcomes.iter().filter(|o| o.site.is_none()).count();
        if not_fired > 0 {
            let _ = writeln!(
                s,
                "{} whose signal was never dispatched (the point is past the end, or the signal is ignored)",
                trials(not_fired)
            );
        }
        let groups = self.groups();
        if groups.is_empty() {
            return s;
        }
        let _ = writeln!(
            s,
            "\nFailing points, by the line the signal interrupted ({} {}):",
            groups.len(),
            if groups.len() == 1 { "line" } else { "lines" }
        );
        for g in &groups {
            self.write_group(&mut s, g);
        }
        let _ = writeln!(
            s,
            "\nEach trial ran in a fresh empty folder: run a reproduction command in one{}",
            match self.check {
                Some(c) => format!(", then the check:\n    {}", c),
                None => ".".into(),
            }
        );
        s
    }

    fn write_group(&self, s: &mut String, g: &Group) {
        let first = g.members[0];
        let (kind, detail) = self.outcomes[first]
            .failure
            .clone()
            .unwrap_or((Kind::Crash, String::new()));
        let _ = match &g.site {
            Some((file, line)) => write!(s, "\n{}:{}", display_path(file), line),
            None => write!(s, "\n(signal not dispatched)"),
        };
        if !g.func.is_empty() {
            let _ = write!(s, " in {}", g.func);
        }
        let _ = writeln!(
            s,
            ": {} ({})",
            trials(g.members.len()),
            self.kinds_of(&g.members)
        );
        if let (Some(text), Some((_, line))) = (&g.text, &g.site) {
            let _ = writeln!(s, "  {:>5} | {}", line, text.trim_end());
        }
        let _ = writeln!(s, "    points: {}", self.points_of(&g.members));
        let _ = writeln!(
            s,
            "    first:  {}: {}: {}",
            self.trials[first].spec(),
            kind.name(),
            detail
        );
        let _ = writeln!(s, "    reproduce: {}", self.reproduce(first));
        let kept: Vec<&PathBuf> = g
            .members
            .iter()
            .filter_map(|&i| self.outcomes[i].kept.as_ref())
            .collect();
        if let Some(k) = kept.first() {
            let more = if kept.len() > 1 {
                format!(" (and {} more)", kept.len() - 1)
            } else {
                String::new()
            };
            let _ = writeln!(s, "    kept:   {}{}", k.display(), more);
        }
    }

    fn kinds_of(&self, members: &[usize]) -> String {
        let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
        for &i in members {
            if let Some((k, _)) = &self.outcomes[i].failure {
                *counts.entry(*k).or_default() += 1;
            }
        }
        let parts: Vec<String> = counts
            .iter()
            .map(|(k, n)| format!("{}: {}", k.name(), n))
            .collect();
        parts.join(", ")
    }

    /// `SIGTERM@201-207,210` for each signal, clipped past 12 runs.
    fn points_of(&self, members: &[usize]) -> String {
        let mut per_sig: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
        for &i in members {
            let t = &self.trials[i];
            per_sig
                .entry(t.sig.name.as_str())
                .or_default()
                .push(t.point);
        }
        let parts: Vec<String> = per_sig
            .into_iter()
            .map(|(name, points)| format!("{}@{}", name, ranges(&points, 12)))
            .collect();
        parts.join(" ")
    }

    /// The report as JSON.
    pub fn json(&self) -> Value {
        let kinds: serde_json::Map<String, Value> = Kind::ALL
            .iter()
            .map(|&k| (k.name().replace(' ', "_"), json!(self.count(k))))
            .collect();
        let groups: Vec<Value> = self
            .groups()
            .iter()
            .map(|g| {
                let trials: Vec<Value> = g.members.iter().map(|&i| self.trial_json(i)).collect();
                json!({
                    "file": g.site.as_ref().map(|s| s.0.clone()),
                    "line": g.site.as_ref().map(|s| s.1),
                    "func": g.func,
                    "text": g.text.as_ref().map(|t| t.trim_end().to_string()),
                    "reproduce": self.reproduce(g.members[0]),
                    "trials": trials,
                })
            })
            .collect();
        json!({
            "sigpy_explore": JSON_VERSION,
            "script": self.script,
            "script_path": self.script_abs.to_string_lossy(),
            "args": self.args,
            "icount": self.icount,
            "points": self.points,
            "check": self.check,
            "jobs": self.jobs,
            "trials": self.trials.len(),
            "passed": self.trials.len() - self.failed(),
            "failed": self.failed(),
            "failed_by_kind": kinds,
            "not_dispatched": self.outcomes.iter().filter(|o| o.site.is_none()).count(),
            "seconds": self.elapsed.as_secs_f64(),
            "trials_per_second": self.rate(),
            "groups": groups,
        })
    }

    fn trial_json(&self, i: usize) -> Value {
        let (t, o) = (&self.trials[i], &self.outcomes[i]);
        let (kind, detail) = o.failure.clone().unwrap_or((Kind::Crash, String::new()));
        json!({
            "signal": t.sig.name,
            "point": t.point,
            "inject": t.spec(),
            "kind": kind.name().replace(' ', "_"),
            "detail": detail,
            "outcome": describe(o.ended),
            "dispatched_at": o.site.as_ref().map(|s| s.icount),
            "site": o.site.as_ref().map(|s| s.site.clone()),
            "kept": o.kept.as_ref().map(|p| p.to_string_lossy().into_owned()),
        })
    }
}

/// `1 trial`, `2 trials`.
fn trials(n: usize) -> String {
    format!("{} trial{}", n, if n == 1 { "" } else { "s" })
}

/// `1-4,9,12-13`, at most `max` runs then `,...`.
fn ranges(points: &[u64], max: usize) -> String {
    let mut runs: Vec<(u64, u64)> = Vec::new();
    for &p in points {
        match runs.last_mut() {
            Some(r) if r.1 + 1 == p => r.1 = p,
            _ => runs.push((p, p)),
        }
    }
    let mut parts: Vec<String> = runs
        .iter()
        .take(max)
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{}-{}", a, b)
            }
        })
        .collect();
    if runs.len() > max {
        parts.push(format!("... ({} more)", runs.len() - max));
    }
    parts.join(",")
}

/// Line `line` of `file`, if it can be read.
fn source_line(file: &str, line: u64) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines()
        .nth((line as usize).checked_sub(1)?)
        .map(str::to_string)
}

/// `path` relative to the current folder when it lies under it.
pub fn display_path(path: &str) -> String {
    let p = Path::new(path);
    match std::env::current_dir() {
        Ok(cwd) => p
            .strip_prefix(&cwd)
            .map_or(path.to_string(), |r| r.to_string_lossy().into_owned()),
        Err(_) => path.to_string(),
    }
}

/// `word` quoted for a POSIX shell, as is when nothing needs quoting.
pub fn shell_quote(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_@%+=:,./-".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_shell_quote() {
        assert_eq!(shell_quote("a/b.py"), "a/b.py");
        assert_eq!(shell_quote("SIGTERM@12"), "SIGTERM@12");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote("$x"), "'$x'");
    }

    #[test]
    fn test_ranges() {
        assert_eq!(ranges(&[1, 2, 3, 7, 9, 10], 12), "1-3,7,9-10");
        assert_eq!(ranges(&[1, 3, 5, 7], 2), "1,3,... (2 more)");
    }
}
