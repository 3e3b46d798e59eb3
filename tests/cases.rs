//! Behaviour tests: runs the `sigpy` binary on every `tests/cases/*.py`
//! and compares its exit status, last stderr line and stdout with the
//! `<name>.expect` beside it (generated from CPython 3.11 by
//! `ci/cpython-oracle.sh --bless`).
//!
//! Cases run in `tests/cases` with `SIGPYPATH=tests/cases/helpers`, where
//! the modules that import tests use live (ci/cpython_oracle.py gives
//! python3 the same folder as `PYTHONPATH`).
//!
//! Every case runs (in parallel), every failure is collected, and the test
//! fails once at the end listing them all. `SIGPY_CASES=<substring>` runs
//! only the cases whose file name contains the substring.

mod common;

use common::{Expect, Output};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Per-case limit; a case past it is killed and reported.
const CASE_TIMEOUT: Duration = Duration::from_secs(20);

fn run_case(py: &Path) -> Result<(), String> {
    let name = py.file_name().expect("file name").to_string_lossy();
    let expect = Expect::read(&py.with_extension("expect"))?;
    let mut cmd = std::process::Command::new(common::sigpy_bin());
    cmd.arg(name.as_ref())
        .current_dir(common::cases_dir())
        .env("SIGPYPATH", common::cases_dir().join("helpers"));
    let out: Output = common::run(&mut cmd, None, CASE_TIMEOUT);
    expect.check(&out)
}

#[test]
fn test_cases_match_expectations() {
    let filter = std::env::var("SIGPY_CASES").unwrap_or_default();
    let cases: Vec<PathBuf> = common::case_files()
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(filter.as_str()))
        })
        .collect();
    assert!(
        !cases.is_empty(),
        "no case in {} matches SIGPY_CASES={filter:?}",
        common::cases_dir().display()
    );
    let results = common::parallel_map(&cases, common::worker_count(), |p| run_case(p));
    let failures: Vec<String> = cases
        .iter()
        .zip(&results)
        .filter_map(|(py, r)| {
            r.as_ref().err().map(|why| {
                let name = py.file_name().expect("file name").to_string_lossy();
                format!("FAIL {name}\n{}", common::indent(why, "  "))
            })
        })
        .collect();
    if !failures.is_empty() {
        panic!(
            "{} of {} cases failed:\n\n{}\n\n{} of {} cases failed (SIGPY_CASES=<substring> runs a subset)",
            failures.len(),
            cases.len(),
            failures.join("\n\n"),
            failures.len(),
            cases.len()
        );
    }
    eprintln!("{} cases passed", cases.len());
}

#[test]
fn test_every_case_has_an_expect_file() {
    let missing: Vec<String> = common::case_files()
        .iter()
        .filter(|p| !p.with_extension("expect").is_file())
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "cases without .expect (run ci/cpython-oracle.sh --bless): {missing:?}"
    );
}

#[test]
fn test_every_expect_file_has_a_case() {
    let dir = common::cases_dir();
    let orphans: Vec<String> = std::fs::read_dir(&dir)
        .expect("read tests/cases")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "expect"))
        .filter(|p| !p.with_extension("py").is_file())
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        orphans.is_empty(),
        ".expect files without a case: {orphans:?}"
    );
}

#[test]
fn test_case_names_follow_area_feature_form() {
    let bad: Vec<String> = common::case_files()
        .iter()
        .map(|p| p.file_stem().expect("stem").to_string_lossy().into_owned())
        .filter(|stem| {
            let parts: Vec<&str> = stem.split("__").collect();
            parts.len() != 2
                || parts.iter().any(|part| {
                    part.is_empty()
                        || !part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                })
        })
        .collect();
    assert!(
        bad.is_empty(),
        "case names must be <area>__<feature>.py: {bad:?}"
    );
}

#[test]
fn test_expect_parse_round_trip() {
    let e = Expect::parse("exit: 1\nstderr-last: KeyError: 'x'\n--- stdout\na\nb\n").unwrap();
    assert_eq!(e.exit, 1);
    assert_eq!(e.stderr_last, "KeyError: 'x'");
    assert_eq!(e.stdout, "a\nb\n");
    let empty = Expect::parse("exit: 0\nstderr-last: \n--- stdout\n").unwrap();
    assert_eq!(empty.stderr_last, "");
    assert_eq!(empty.stdout, "");
    assert!(Expect::parse("exit: x\nstderr-last: \n--- stdout\n").is_err());
    assert!(Expect::parse("stderr-last: \n--- stdout\n").is_err());
}
