//! The EINTR scenarios (a port of CPython's `Lib/test/_test_eintr.py`):
//! every `tests/eintr/*.py` script runs a blocking call while `setitimer`
//! fires a SIGALRM handler every few milliseconds (shared set-up in
//! `tests/eintr/eintr_common.py`). Each must finish with the right result,
//! print `OK` last and exit 0; none may show `InterruptedError`.
//! Scripts run under sigpy only: they test the sigpy wait primitive.

mod common;

use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

#[test]
fn every_blocking_call_survives_a_storm_of_signals() {
    let dir = common::repo_root().join("tests").join("eintr");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/eintr")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("eintr_")
        })
        .collect();
    scripts.sort();
    assert!(scripts.len() >= 2, "no EINTR scenarios found in {dir:?}");
    let failures = common::parallel_map(&scripts, common::worker_count(), |script| {
        let name = script.file_name().unwrap().to_string_lossy().to_string();
        let out = common::run_sigpy(&[&name], &dir, None, TIMEOUT);
        let ok = out.code() == Some(0)
            && common::last_line(&out.stdout) == "OK"
            && !out.stderr.contains("InterruptedError")
            && !out.panicked();
        (!ok).then(|| format!("{name}: {}", out.describe()))
    });
    let failures: Vec<String> = failures.into_iter().flatten().collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
