//! `sigpy explore`: runs a script once to count its instructions, then once
//! per injection point with a signal delivered exactly there (`--inject`),
//! classifies each trial against the expected outcome, and reports the
//! failing points grouped by the source line they interrupted, each group
//! with the command that reproduces it (SIGNALS.md section 6).
//!
//! - `options`: the command line and its usage errors
//! - `signame`: signal names and numbers
//! - `points`: which instruction counts to try
//! - `process`: one child in its own process group, with a time limit
//! - `trial`: one trial and its classification; the counting run
//! - `report`: summary, groups, reproduction commands, JSON
//! - `progress`: the progress bar

pub mod options;
pub mod points;
pub mod process;
pub mod progress;
pub mod report;
pub mod signame;
pub mod trial;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use options::{Options, Parsed};
use report::Report;
use trial::{Outcome, Setup, Trial};

/// Runs `sigpy explore` with the arguments that follow `explore`; exit
/// status 0 when every trial passed, 1 when any failed, 2 on usage errors.
pub fn main(args: Vec<String>) -> ExitCode {
    let opts = match options::parse(&args) {
        Ok(Parsed::Run(o)) => *o,
        Ok(Parsed::Help) => {
            print!("{}", options::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(e) => return usage_error(&e.0),
    };
    let script_abs = absolute(&opts.script);
    if let Err(e) = std::fs::File::open(&script_abs) {
        return usage_error(&format!(
            "can't open file '{}': [Errno {}] {}",
            script_abs.display(),
            e.raw_os_error().unwrap_or(0),
            crate::runtime::exc::strerror_text(&e)
        ));
    }
    let root = match make_root() {
        Ok(r) => r,
        Err(e) => return fatal(&format!("cannot create a temporary folder: {}", e)),
    };
    let cleanup_root = root.clone();
    if let Err(e) = process::on_interrupt(move || remove_root(&cleanup_root, true)) {
        return fatal(&format!("cannot set up signal handling: {}", e));
    }
    let status = explore(&opts, script_abs, &root);
    process::wait_if_stopping();
    remove_root(&root, false);
    status
}

fn explore(opts: &Options, script_abs: PathBuf, root: &Path) -> ExitCode {
    let sigpy = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => return fatal(&format!("cannot find the sigpy binary: {}", e)),
    };
    let check_path = match trial::check_path(root, &sigpy) {
        Ok(p) => p,
        Err(e) => return fatal(&format!("cannot set up the check's PATH: {}", e)),
    };
    let setup = Setup {
        sigpy: sigpy.clone(),
        script: script_abs,
        args: opts.args.clone(),
        root: root.to_path_buf(),
        expect: opts.expect.clone(),
        check: opts.check.clone(),
        check_path,
        timeout: opts.timeout,
        keep_failed: opts.keep_failed,
    };
    let (icount, base) = match trial::count(&setup) {
        Ok(c) => c,
        Err(msg) => return fatal(&msg),
    };
    let points = points::select(&opts.points, icount);
    let trials: Vec<Trial> = points
        .iter()
        .flat_map(|&p| {
            opts.signals.iter().map(move |s| Trial {
                point: p,
                sig: s.clone(),
            })
        })
        .collect();
    let names: Vec<&str> = opts.signals.iter().map(|s| s.name.as_str()).collect();
    let mut report = Report {
        script: &opts.script,
        script_abs: &setup.script,
        args: &opts.args,
        sigpy: sigpy_command(&sigpy),
        icount,
        baseline: trial::describe(base),
        signals: names.join(","),
        points: describe_points(opts, icount, points.len()),
        check: opts.check.as_deref(),
        jobs: opts.jobs,
        trials: &trials,
        outcomes: &[],
        elapsed: Default::default(),
    };
    let start = Instant::now();
    let outcomes = match run_all(&setup, &trials, opts.jobs) {
        Ok(o) => o,
        Err(e) => return fatal(&e),
    };
    report.outcomes = &outcomes;
    report.elapsed = start.elapsed();
    print!("{}", report.text());
    if let Some(path) = &opts.json {
        let text = serde_json::to_string_pretty(&report.json()).unwrap_or_default();
        if let Err(e) = std::fs::write(path, text + "\n") {
            return fatal(&format!("cannot write {}: {}", path, e));
        }
    }
    ExitCode::from(if report.failed() == 0 { 0 } else { 1 })
}

/// Runs every trial on `jobs` threads; the outcomes in trial order.
fn run_all(setup: &Setup, trials: &[Trial], jobs: usize) -> Result<Vec<Outcome>, String> {
    let next = AtomicUsize::new(0);
    let mut outcomes: Vec<Option<Outcome>> = vec![None; trials.len()];
    let mut progress = progress::Progress::new(trials.len());
    let mut error = None;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..jobs.min(trials.len()) {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= trials.len() {
                    break;
                }
                let result = trial::run(setup, i, &trials[i]);
                let stop = result.is_err();
                if tx.send((i, result)).is_err() || stop {
                    break;
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            match result {
                Ok(o) => {
                    progress.step(o.failure.is_some());
                    outcomes[i] = Some(o);
                }
                Err(e) => {
                    next.store(trials.len(), Ordering::Relaxed);
                    error.get_or_insert(format!("trial {} failed to run: {}", trials[i].spec(), e));
                }
            }
        }
    });
    progress.finish();
    match error {
        Some(e) => Err(e),
        None => Ok(outcomes.into_iter().flatten().collect()),
    }
}

/// `every point of 0..411 (412 points)`, `1 point in 10 of ...`
fn describe_points(opts: &Options, icount: u64, n: usize) -> String {
    let p = &opts.points;
    let (from, to) = points::range(p, icount);
    let range = format!("{}..{}", from, to);
    match (p.every, p.sample) {
        (Some(k), _) => format!("1 point in {} of {} ({} points)", k, range, n),
        (_, Some(_)) => format!(
            "{} points sampled from {} (seed {})",
            n,
            range,
            p.seed.unwrap_or(0)
        ),
        _ => format!("every point of {} ({} points)", range, n),
    }
}

/// `sigpy` when that name on PATH is this binary, else its full path.
fn sigpy_command(exe: &Path) -> String {
    let same = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            let c = dir.join("sigpy");
            c.is_file() && c.canonicalize().ok() == exe.canonicalize().ok()
        })
    });
    if same {
        "sigpy".into()
    } else {
        exe.to_string_lossy().into_owned()
    }
}

/// `path` joined to the current folder (as sigpy names a script).
fn absolute(path: &str) -> PathBuf {
    match std::env::current_dir() {
        Ok(d) => d.join(path),
        Err(_) => PathBuf::from(path),
    }
}

fn make_root() -> std::io::Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let root = std::env::temp_dir().join(format!("sigpy-explore-{}-{}", std::process::id(), nanos));
    std::fs::create_dir(&root)?;
    Ok(root)
}

/// Removes the trials' folder; kept trial folders stay unless `all`.
fn remove_root(root: &Path, all: bool) {
    if all {
        let _ = std::fs::remove_dir_all(root);
    } else {
        // Fails (as it should) while kept trial folders remain inside.
        let _ = std::fs::remove_dir_all(root.join("bin"));
        let _ = std::fs::remove_dir(root);
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("sigpy explore: {}", msg);
    eprint!("{}", options::USAGE);
    ExitCode::from(2)
}

fn fatal(msg: &str) -> ExitCode {
    // An error caused by an interrupt (a trial killed, no new trial
    // started) is not reported: the process dies by the signal.
    process::wait_if_stopping();
    eprintln!("sigpy explore: {}", msg);
    ExitCode::from(1)
}
