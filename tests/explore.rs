//! Tests of `sigpy explore`: usage errors, the planted bug of
//! examples/save_state.py (found, grouped on the lines between truncate and
//! write, each reproduction command failing the same way) and its fix,
//! the `--expect` variants, `--timeout` on a hanging trial (whose process
//! group is killed), and `-j 1` against `-j 2`.
//!
//! Explore only signals the trials it starts; every run has a timeout.
//! Trial counts stay small (short scripts, `--every`).

mod common;

use common::{Output, Status};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(120);

/// The check of the planted bug: the state file is absent or parses.
const CHECK: &str =
    "test ! -e state.json || sigpy -c 'import json; json.load(open(\"state.json\"))'";

fn explore(args: &[&str], cwd: &Path) -> Output {
    let mut all = vec!["explore"];
    all.extend_from_slice(args);
    common::run_sigpy(&all, cwd, None, TIMEOUT)
}

fn example(name: &str) -> String {
    common::repo_root()
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn write_script(dir: &Path, name: &str, source: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write script");
    path.to_string_lossy().into_owned()
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("the --json file");
    serde_json::from_str(&text).expect("valid JSON")
}

/// Runs `cmd` with /bin/sh in `dir`, sigpy's folder first on PATH.
fn shell(cmd: &str, dir: &Path) -> Output {
    let bin = common::sigpy_bin();
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = Command::new("/bin/sh");
    c.arg("-c").arg(cmd).current_dir(dir).env("PATH", path);
    common::run(&mut c, None, Duration::from_secs(20))
}

/// The 1-based number of the first line of `file` containing `text`.
fn line_of(file: &str, text: &str) -> u64 {
    let src = std::fs::read_to_string(file).unwrap();
    let i = src.lines().position(|l| l.contains(text)).unwrap();
    i as u64 + 1
}

#[test]
fn test_usage_errors_exit_2() {
    let dir = common::scratch_dir("explore-usage");
    let script = write_script(&dir, "ok.py", "print('ok')\n");
    for args in [
        &[][..],
        &["--bogus", &script],
        &["--every", "0", &script],
        &["--every", "2", "--sample", "3", &script],
        &["--signal", "NOPE", &script],
        &["--expect", "colour=red", &script],
        &["--timeout", "soon", &script],
        &["-j"],
        &["no_such_script.py"],
    ] {
        let out = explore(args, &dir);
        assert_eq!(
            out.status,
            Status::Code(2),
            "{:?}\n{}",
            args,
            out.describe()
        );
        assert!(out.stderr.starts_with("sigpy explore: "), "{}", out.stderr);
        assert!(
            out.stderr.contains("usage: sigpy explore"),
            "{}",
            out.stderr
        );
    }
    let out = explore(&["no_such_script.py"], &dir);
    assert!(
        out.stderr.contains("can't open file") && out.stderr.contains("[Errno 2]"),
        "{}",
        out.stderr
    );
    let help = explore(&["--help"], &dir);
    assert_eq!(help.status, Status::Code(0));
    assert!(help.stdout.starts_with("usage: sigpy explore"));
}

#[test]
fn test_planted_bug_is_found_grouped_and_reproduced() {
    let dir = common::scratch_dir("explore-bug");
    let script = example("save_state.py");
    let json = dir.join("report.json");
    let json_arg = json.to_string_lossy().into_owned();
    let out = explore(
        &[
            "--every", "3", "--check", CHECK, "--json", &json_arg, &script,
        ],
        &dir,
    );
    assert_eq!(out.status, Status::Code(1), "{}", out.describe());
    assert!(out.stdout.contains("check failed"), "{}", out.stdout);
    let report = read_json(&json);
    assert_eq!(report["sigpy_explore"], 1);
    let trials = report["trials"].as_u64().unwrap();
    let failed = report["failed"].as_u64().unwrap();
    assert!(failed > 0 && failed < trials, "{}", report);
    assert_eq!(report["passed"].as_u64().unwrap() + failed, trials);
    assert_eq!(
        report["failed_by_kind"]["check_failed"].as_u64(),
        Some(failed)
    );
    // Every failing point interrupted the script between the truncation
    // (the `with open` line) and the write.
    let first = line_of(&script, "with open(path, \"w\")");
    let last = line_of(&script, "f.write(text)");
    let groups = report["groups"].as_array().unwrap();
    assert!(groups.len() >= 2, "one group per line: {}", report);
    for g in groups {
        assert_eq!(g["file"].as_str(), Some(script.as_str()), "{}", g);
        let line = g["line"].as_u64().unwrap();
        assert!(
            first <= line && line <= last,
            "line {} outside {}..{}: {}",
            line,
            first,
            last,
            g
        );
        assert!(out.stdout.contains(&format!(":{}", line)));
        // The printed command, run in a fresh folder, leaves the same
        // unreadable file behind.
        let cmd = g["reproduce"].as_str().unwrap();
        assert!(out.stdout.contains(cmd), "{}", out.stdout);
        let fresh = common::scratch_dir("explore-repro");
        // (The shell reports its child's death by SIGTERM as 143.)
        let run = shell(cmd, &fresh);
        assert_eq!(
            run.status,
            Status::Code(128 + libc::SIGTERM),
            "{}",
            run.describe()
        );
        let check = shell(CHECK, &fresh);
        assert_ne!(
            check.status,
            Status::Code(0),
            "{}: {}",
            cmd,
            check.describe()
        );
        let detail = g["trials"][0]["detail"].as_str().unwrap();
        assert!(
            detail.ends_with(common::last_line(&check.stderr)),
            "{} vs {}",
            detail,
            check.stderr
        );
    }
}

#[test]
fn test_fixed_script_passes() {
    // One point in 9 here (a debug build); ci/explore-example.sh runs
    // every point.
    let dir = common::scratch_dir("explore-fixed");
    let fixed = example("save_state_fixed.py");
    let out = explore(&["--every", "9", "--check", CHECK, &fixed], &dir);
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    assert!(out.stdout.contains(" 0 failed"), "{}", out.stdout);
}

const HANDLER_EXITS_3: &str = "\
import signal, sys
def on_term(signum, frame):
    print('caught')
    sys.exit(3)
signal.signal(signal.SIGTERM, on_term)
total = 0
for i in range(20):
    total += i
print('done', total)
for i in range(20):
    total -= i
";

#[test]
fn test_expect_variants() {
    let dir = common::scratch_dir("explore-expect");
    let script = write_script(&dir, "exit3.py", HANDLER_EXITS_3);
    let json = dir.join("r.json");
    let json_arg = json.to_string_lossy().into_owned();
    let run = |extra: &[&str]| {
        let mut args = vec!["--every", "7", "--json", &json_arg];
        args.extend_from_slice(extra);
        args.push(&script);
        let out = explore(&args, &dir);
        (out, read_json(&json))
    };
    // Default: exit 0 or death by SIGTERM; the handler's exit 3 is not.
    let (out, r) = run(&[]);
    assert_eq!(out.status, Status::Code(1), "{}", out.describe());
    assert_eq!(r["failed_by_kind"]["unexpected_exit"], r["failed"]);
    let detail = r["groups"][0]["trials"][0]["outcome"].as_str().unwrap();
    assert_eq!(detail, "exit 3");
    // Every outcome listed: all pass.
    let all = [
        "--expect",
        "exit=0",
        "--expect",
        "exit=3",
        "--expect",
        "signal=TERM",
    ];
    let (out, r) = run(&all);
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    assert_eq!(r["failed"], 0);
    // stdout must also say 'done': the trials the handler ended fail.
    let mut with_done = all.to_vec();
    with_done.extend(["--expect", "stdout-contains=done"]);
    let (out, r) = run(&with_done);
    assert_eq!(out.status, Status::Code(1));
    let failed = r["failed"].as_u64().unwrap();
    assert!(
        failed > 0 && failed < r["trials"].as_u64().unwrap(),
        "{}",
        r
    );
    assert!(
        out.stdout.contains("stdout lacks \"done\""),
        "{}",
        out.stdout
    );
    // Points past the end: the signal never arrives, the run passes.
    let (out, r) = run(&["--from", "5000", "--to", "5001"]);
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    assert_eq!(
        (r["trials"].as_u64(), r["not_dispatched"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(out
        .stdout
        .contains("1 trial whose signal was never dispatched"));
    // Only a death by SIGTERM expected: exits are unexpected.
    let (out, r) = run(&["--expect", "signal=SIGTERM"]);
    assert_eq!(out.status, Status::Code(1));
    assert_eq!(r["failed_by_kind"]["unexpected_exit"], r["failed"]);
}

#[test]
fn test_traceback_is_a_failure() {
    let dir = common::scratch_dir("explore-tb");
    let src = "import signal\n\
        def on_term(signum, frame):\n    raise ValueError('boom')\n\
        signal.signal(signal.SIGTERM, on_term)\n\
        n = 0\nfor i in range(30):\n    n += i\n";
    let script = write_script(&dir, "tb.py", src);
    let out = explore(&["--every", "9", &script], &dir);
    assert_eq!(out.status, Status::Code(1), "{}", out.describe());
    assert!(out.stdout.contains("traceback: "), "{}", out.stdout);
    assert!(out.stdout.contains("ValueError: boom"), "{}", out.stdout);
    let out = explore(
        &[
            "--every",
            "9",
            "--expect",
            "traceback",
            "--expect",
            "exit=1",
            "--expect",
            "signal=TERM",
            &script,
        ],
        &dir,
    );
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
}

#[test]
fn test_hang_is_reported_and_its_group_killed() {
    let dir = common::scratch_dir("explore-hang");
    // The handler starts a child in the trial's group and waits for it.
    // (`import os` runs Python code: it comes after the handler is set.)
    let src = "import signal\n\
        def on_term(signum, frame):\n    import os\n    \
        os.system('echo $$ > sleeper.pid; exec sleep 60')\n\
        signal.signal(signal.SIGTERM, on_term)\n\
        n = 0\nfor i in range(60):\n    n += i\nprint(n)\n";
    let script = write_script(&dir, "hang.py", src);
    let json = dir.join("r.json");
    let json_arg = json.to_string_lossy().into_owned();
    let out = explore(
        &[
            "--from",
            "50",
            "--sample",
            "2",
            "--seed",
            "5",
            "--timeout",
            "3",
            "--keep-failed",
            "--json",
            &json_arg,
            &script,
        ],
        &dir,
    );
    assert_eq!(out.status, Status::Code(1), "{}", out.describe());
    let r = read_json(&json);
    assert_eq!(r["trials"], 2);
    assert_eq!(r["failed_by_kind"]["hang"], 2, "{}", r);
    let mut sleepers = 0;
    let groups = r["groups"].as_array().unwrap();
    for t in groups.iter().flat_map(|g| g["trials"].as_array().unwrap()) {
        let kept = PathBuf::from(t["kept"].as_str().expect("kept folder"));
        // (On a loaded machine the time limit may come before the shell.)
        let pid = std::fs::read_to_string(kept.join("sleeper.pid"));
        std::fs::remove_dir_all(&kept).unwrap();
        let _ = std::fs::remove_dir(kept.parent().unwrap());
        let Ok(pid) = pid else {
            continue;
        };
        sleepers += 1;
        let proc_dir = PathBuf::from(format!("/proc/{}", pid.trim()));
        // Killed with its group: gone, or at most a zombie being reaped.
        let state = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
        assert!(
            state.is_empty() || state.contains(") Z"),
            "sleep still runs: {}",
            state
        );
    }
    assert!(sleepers > 0, "no trial started its sleep: {}", r);
    assert!(out.stdout.contains("hang"), "{}", out.stdout);
}

/// The report without its timing figures.
fn untimed(text: &str) -> String {
    text.lines()
        .map(|l| match l.find(" trials in ") {
            Some(i) => &l[i..i + 1],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn test_jobs_do_not_change_the_report() {
    let dir = common::scratch_dir("explore-jobs");
    let script = example("save_state.py");
    let mut reports = Vec::new();
    for jobs in ["1", "2"] {
        let json = dir.join(format!("j{}.json", jobs));
        let json_arg = json.to_string_lossy().into_owned();
        let out = explore(
            &[
                "-j", jobs, "--every", "11", "--check", CHECK, "--json", &json_arg, &script,
            ],
            &dir,
        );
        assert_eq!(out.status, Status::Code(1), "{}", out.describe());
        let mut r = read_json(&json);
        for key in ["seconds", "trials_per_second", "jobs"] {
            r.as_object_mut().unwrap().remove(key);
        }
        reports.push((untimed(&out.stdout), r));
    }
    assert_eq!(reports[0].0, reports[1].0);
    assert_eq!(reports[0].1, reports[1].1);
}

#[test]
fn test_interrupted_explore_kills_its_trials() {
    let dir = common::scratch_dir("explore-interrupt");
    let pids = dir.join("pids");
    std::fs::create_dir(&pids).unwrap();
    // Each trial's handler records its pid, then sleeps far past the test.
    let src = "import signal, sys, time\n\
        def on_term(signum, frame):\n    import os\n    \
        open(sys.argv[1] + '/' + str(os.getpid()), 'w').close()\n    time.sleep(600)\n\
        signal.signal(signal.SIGTERM, on_term)\n\
        n = 0\nfor i in range(60):\n    n += i\n";
    let script = write_script(&dir, "sleepy.py", src);
    let mut child = Command::new(common::sigpy_bin())
        .args([
            "explore",
            "--from",
            "50",
            "--timeout",
            "600",
            "-j",
            "2",
            &script,
        ])
        .arg(&pids)
        .current_dir(&dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let running = || std::fs::read_dir(&pids).unwrap().count();
    while running() < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let seen = running();
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).expect("kill explore");
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(seen, 2, "the trials did not start");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.and_then(|s| s.signal()), Some(libc::SIGTERM));
    for entry in std::fs::read_dir(&pids).unwrap() {
        let pid = entry.unwrap().file_name();
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", pid.to_string_lossy()));
        let stat = stat.unwrap_or_default();
        assert!(
            stat.is_empty() || stat.contains(") Z"),
            "trial still runs: {}",
            stat
        );
    }
}
