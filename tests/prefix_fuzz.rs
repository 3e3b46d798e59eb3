//! Prefix fuzzing: every behaviour case (`tests/cases/*.py`) cut at many
//! points, including in the middle of multi-byte UTF-8 characters, must end
//! like a Python program: a `SyntaxError` (status 1, `SyntaxError: ...` or
//! `IndentationError: ...` last), or some Python outcome (status 0, or 1
//! with an exception line last). Never a Rust panic, a signal death or a
//! hang.
//!
//! A prefix may legitimately loop forever (a `while` cut before its
//! `break`), exit with another status (`sys.exit(3)`) or die of a signal it
//! sends itself; such an outcome counts only when `python3` does the same
//! with that prefix. Each run has a timeout; only the child we started is
//! killed.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Output, Status};

/// Per-run limit for sigpy (a debug build) and python3. Cases take well
/// under a second; a prefix still running then is checked against python3.
const TIMEOUT: Duration = Duration::from_secs(3);

/// The limit for a rerun of a prefix python3 finishes but sigpy did not
/// within `TIMEOUT` (a loaded machine), before calling it a hang.
const SLOW_TIMEOUT: Duration = Duration::from_secs(60);

/// Files up to this size are cut at every byte.
const SMALL_FILE: usize = 100;

/// Random cut points per larger file.
const CUTS_PER_FILE: usize = 12;

/// Cuts inside multi-byte UTF-8 characters per file (when it has any).
const UTF8_CUTS_PER_FILE: usize = 3;

/// Deterministic xorshift64* generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One prefix to run: where it came from and its bytes.
struct Variant {
    case: String,
    cut: usize,
    /// Cut inside a multi-byte character: the text is not valid UTF-8.
    mid_char: bool,
    bytes: Vec<u8>,
}

/// The cut points of one file: every byte of a small file; otherwise the
/// empty prefix, random points, and points inside multi-byte characters.
fn cut_points(src: &[u8], rng: &mut Rng) -> Vec<(usize, bool)> {
    let mid = |i: usize| i < src.len() && src[i] & 0xC0 == 0x80;
    let mut cuts: Vec<(usize, bool)> = Vec::new();
    if src.len() <= SMALL_FILE {
        cuts.extend((0..src.len()).map(|i| (i, mid(i))));
        return cuts;
    }
    cuts.push((0, false));
    for _ in 0..CUTS_PER_FILE {
        let i = 1 + rng.below(src.len() - 1);
        cuts.push((i, mid(i)));
    }
    let inside: Vec<usize> = (1..src.len()).filter(|&i| mid(i)).collect();
    for _ in 0..UTF8_CUTS_PER_FILE.min(inside.len()) {
        cuts.push((inside[rng.below(inside.len())], true));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

fn variants() -> Vec<Variant> {
    let mut rng = Rng(0x5159_2026_1126_0003);
    let mut out = Vec::new();
    for path in common::case_files() {
        let src = std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let case = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        for (cut, mid_char) in cut_points(&src, &mut rng) {
            out.push(Variant {
                case: case.clone(),
                cut,
                mid_char,
                bytes: src[..cut].to_vec(),
            });
        }
    }
    out
}

/// Whether the last stderr line looks like `Name: message` or `Name`.
fn is_exception_line(line: &str) -> bool {
    let name = line.split(": ").next().unwrap_or("");
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

fn is_syntax_error(out: &Output) -> bool {
    let last = out.stderr_last();
    out.status == Status::Code(1)
        && (last.starts_with("SyntaxError: ") || last.starts_with("IndentationError: "))
}

/// The outcome of one run if it is acceptable on its own, or the reason
/// it needs python3's opinion.
fn plain_python_outcome(v: &Variant, out: &Output) -> Result<(), String> {
    if out.panicked() {
        return Err("Rust panic".into());
    }
    if v.mid_char {
        return if is_syntax_error(out) {
            Ok(())
        } else {
            Err("a cut inside a UTF-8 character must be a SyntaxError".into())
        };
    }
    match out.status {
        Status::Code(0) => Ok(()),
        Status::Code(1) if is_exception_line(out.stderr_last()) => Ok(()),
        Status::Code(1) => Err("status 1 without an exception line last".into()),
        other => Err(format!("status {other}")),
    }
}

/// Whether python3 ends the same prefix the same way (same status, or
/// also still running at the deadline).
fn cpython_agrees(py: &Output, out: &Output) -> bool {
    match (out.status, py.status) {
        (Status::TimedOut, Status::TimedOut) => true,
        (a, b) => a == b && !out.panicked(),
    }
}

/// Runs one prefix and judges it: on its own when it ends like a Python
/// program, else against python3. A sigpy run that times out while
/// python3 finishes is rerun with a long timeout (the machine may be
/// loaded), so only a real hang fails.
fn judge(v: &Variant, path: &Path, dir: &Path) -> (Output, Result<(), String>) {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
    let mut out = common::run_sigpy(&[name], dir, None, TIMEOUT);
    let Err(why) = plain_python_outcome(v, &out) else {
        return (out, Ok(()));
    };
    if out.panicked() || v.mid_char {
        return (out, Err(why));
    }
    let py = common::run_python(&[name], dir, None, TIMEOUT);
    if cpython_agrees(&py, &out) {
        return (out, Ok(()));
    }
    if out.status == Status::TimedOut {
        out = common::run_sigpy(&[name], dir, None, SLOW_TIMEOUT);
        let verdict = match plain_python_outcome(v, &out) {
            Ok(()) => Ok(()),
            Err(_) if cpython_agrees(&py, &out) => Ok(()),
            Err(why) => Err(why),
        };
        return (out, verdict);
    }
    (out, Err(why))
}

#[test]
fn test_every_prefix_of_every_case_ends_like_python() {
    let variants = variants();
    let dir = common::scratch_dir("prefix");
    let files: Vec<PathBuf> = variants
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let p = dir.join(format!("p{i:05}.py"));
            std::fs::write(&p, &v.bytes).expect("write prefix");
            p
        })
        .collect();
    let jobs: Vec<usize> = (0..files.len()).collect();
    let start = std::time::Instant::now();
    let results = common::parallel_map(&jobs, common::worker_count(), |&i| {
        judge(&variants[i], &files[i], &dir)
    });
    let mut failures = Vec::new();
    for ((v, path), (out, verdict)) in variants.iter().zip(&files).zip(&results) {
        if let Err(why) = verdict {
            failures.push(format!(
                "{} cut at byte {} ({}; kept as {}):\n{}",
                v.case,
                v.cut,
                why,
                path.display(),
                common::indent(&out.describe(), "    ")
            ));
        }
    }
    let mut slowest: Vec<(Duration, &str, usize)> = results
        .iter()
        .zip(&variants)
        .map(|((o, _), v)| (o.elapsed, v.case.as_str(), v.cut))
        .collect();
    slowest.sort();
    eprintln!(
        "{} prefixes of {} cases run in {:?}; slowest: {:?}",
        variants.len(),
        common::case_files().len(),
        start.elapsed(),
        &slowest[slowest.len().saturating_sub(3)..]
    );
    if failures.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(
        failures.is_empty(),
        "{} of {} prefixes did not end like a Python program:\n\n{}",
        failures.len(),
        variants.len(),
        failures.join("\n\n")
    );
}

#[test]
fn test_cut_points_cover_small_files_and_utf8() {
    let mut rng = Rng(1);
    let small = "x = 'é'\n".as_bytes();
    let cuts = cut_points(small, &mut rng);
    assert_eq!(cuts.len(), small.len());
    assert!(cuts.iter().any(|&(i, mid)| mid && i == 6));
    let big: Vec<u8> = "print('ü')\n".repeat(40).into_bytes();
    let cuts = cut_points(&big, &mut rng);
    assert!(cuts.iter().filter(|(_, mid)| *mid).count() >= 1);
    assert!(cuts.iter().all(|&(i, _)| i < big.len()));
    assert!(is_exception_line("ValueError: x"));
    assert!(is_exception_line("KeyboardInterrupt"));
    assert!(!is_exception_line("thread 'main' panicked at src/x.rs"));
}
