//! Deterministic signals (SIGNALS.md 6): `--inject SIG@N` delivers a
//! signal exactly when the instruction count reaches N, through the same
//! path as a real one. These tests send no real signal: every run is a
//! child of this test with a timeout, and outcomes are asserted, never
//! elapsed time.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Output, Status};

const TIMEOUT: Duration = Duration::from_secs(20);

fn script(tag: &str, source: &str) -> (PathBuf, PathBuf) {
    let dir = common::scratch_dir(tag);
    let path = dir.join("script.py");
    std::fs::write(&path, source).expect("write script");
    (dir, path)
}

fn sigpy(dir: &Path, args: &[&str]) -> Output {
    let out = common::run_sigpy(args, dir, None, TIMEOUT);
    assert!(!out.panicked(), "sigpy panicked:\n{}", out.describe());
    out
}

/// The `icount: N` line `--icount` prints.
fn icount_of(out: &Output) -> u64 {
    out.stderr
        .lines()
        .find_map(|l| l.strip_prefix("icount: "))
        .unwrap_or_else(|| panic!("no icount line:\n{}", out.describe()))
        .trim()
        .parse()
        .expect("icount number")
}

const COUNTER: &str = "\
import signal
count = 0
def h(signum, frame):
    print('handler', signum, 'count', count)
signal.signal(signal.SIGUSR1, h)
signal.signal(signal.SIGUSR2, h)
signal.signal(signal.SIGRTMIN, h)
for i in range(3000):
    count += 1
print('done', count)
";

#[test]
fn same_output_over_twenty_runs() {
    let (dir, path) = script("inject-twenty", COUNTER);
    let p = path.to_str().unwrap();
    let args = [
        "--inject",
        "SIGUSR1@500,SIGUSR2@1200",
        "--inject",
        "10@3000,RTMIN@7000",
        p,
    ];
    let first = sigpy(&dir, &args);
    assert_eq!(first.status, Status::Code(0), "{}", first.describe());
    let lines: Vec<&str> = first.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", first.describe());
    assert!(
        lines[0].starts_with("handler 10 count "),
        "{}",
        first.stdout
    );
    assert!(
        lines[1].starts_with("handler 12 count "),
        "{}",
        first.stdout
    );
    assert!(
        lines[2].starts_with("handler 10 count "),
        "{}",
        first.stdout
    );
    assert!(
        lines[3].starts_with("handler 34 count "),
        "{}",
        first.stdout
    );
    assert_eq!(lines[4], "done 3000");
    for _ in 0..19 {
        let again = sigpy(&dir, &args);
        assert_eq!(again.status, first.status);
        assert_eq!(again.stdout, first.stdout, "output differs between runs");
    }
}

#[test]
fn names_numbers_and_sigless_names_are_one_signal() {
    let (dir, path) = script("inject-forms", COUNTER);
    let p = path.to_str().unwrap();
    let want = sigpy(&dir, &["--inject", "SIGUSR1@777", p]);
    assert!(
        want.stdout.starts_with("handler 10 count "),
        "{}",
        want.describe()
    );
    for spec in [
        "USR1@777",
        "usr1@777",
        "SigUsr1@777",
        "10@777",
        " USR1 @ 777 ",
    ] {
        let out = sigpy(&dir, &["--inject", spec, p]);
        assert_eq!(out.stdout, want.stdout, "--inject {:?}", spec);
    }
}

/// The handler runs when icount == N: instruction N has run, instruction
/// N + 1 has been counted but not run. A handler that calls `sys.exit` at
/// once runs 4 instructions (`sys`, `.exit`, `3`, the call), so the count
/// at exit is N + 1 + 4 whatever N is.
#[test]
fn handler_runs_at_the_stated_icount() {
    let src = "\
import signal, sys
def h(signum, frame):
    sys.exit(3)
signal.signal(signal.SIGTERM, h)
x = 0
for i in range(100):
    x += i
";
    let (dir, path) = script("inject-icount", src);
    let p = path.to_str().unwrap();
    for n in [30u64, 31, 32, 33, 97, 250, 600] {
        let spec = format!("TERM@{}", n);
        let out = sigpy(&dir, &["--icount", "--inject", &spec, p]);
        assert_eq!(out.status, Status::Code(3), "{}", out.describe());
        assert_eq!(icount_of(&out), n + 5, "--inject {}", spec);
    }
    // Past the end of the program: never delivered.
    let plain = sigpy(&dir, &["--icount", p]);
    let end = icount_of(&plain);
    let spec = format!("TERM@{}", end + 10);
    let out = sigpy(&dir, &["--icount", "--inject", &spec, p]);
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    assert_eq!(icount_of(&out), end);
}

#[test]
fn standard_signals_coalesce_real_time_ones_queue() {
    let (dir, path) = script("inject-coalesce", COUNTER);
    let p = path.to_str().unwrap();
    let out = sigpy(&dir, &["--inject", "USR1@400,USR1@400,USR2@400", p]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    // Once each, lowest number first.
    assert_eq!(lines.len(), 3, "{}", out.describe());
    assert!(lines[0].starts_with("handler 10 "));
    assert!(lines[1].starts_with("handler 12 "));
    let out = sigpy(&dir, &["--inject", "RTMIN@400,RTMIN@400", p]);
    assert_eq!(out.stdout.lines().count(), 3, "{}", out.describe());
}

/// A signal due while the program sleeps wakes the sleep at once: icount
/// stands still while it blocks, and the injection at the sleep call's
/// own count is delivered inside it.
#[test]
fn injection_wakes_a_sleep() {
    let src = "\
import signal, sys, time
def h(signum, frame):
    print('handler', signum)
    raise KeyboardInterrupt
signal.signal(signal.SIGUSR1, h)
print('sleeping')
try:
    time.sleep(float(sys.argv[1]))
except KeyboardInterrupt:
    print('woken')
";
    let (dir, path) = script("inject-sleep", src);
    let p = path.to_str().unwrap();
    // Without the sleep: the call is the 4th instruction from the end
    // (then PopTop, LoadConst None, ReturnValue... as `--dis` shows).
    let plain = sigpy(&dir, &["--icount", p, "0"]);
    assert_eq!(plain.stdout, "sleeping\n");
    let call = icount_of(&plain) - 4;
    let spec = format!("USR1@{}", call);
    let out = sigpy(&dir, &["--inject", &spec, p, "30"]);
    assert_eq!(out.status, Status::Code(0), "{}", out.describe());
    assert_eq!(out.stdout, "sleeping\nhandler 10\nwoken\n");
}

#[test]
fn default_term_ends_the_process_after_finally() {
    let src = "\
total = 0
try:
    for i in range(1000):
        total += i
finally:
    print('cleanup')
print('not reached')
";
    let (dir, path) = script("inject-default", src);
    let p = path.to_str().unwrap();
    let out = sigpy(&dir, &["--inject", "TERM@300", p]);
    assert_eq!(out.status, Status::Signal(15), "{}", out.describe());
    assert_eq!(out.stdout, "cleanup\n");
}

#[test]
fn injection_inside_finally_waits_for_its_end() {
    let src = "\
import signal
step = 0
def h(signum, frame):
    print('handler', step)
signal.signal(signal.SIGUSR1, h)
try:
    pass
finally:
    for i in range(100):
        step += 1
    print('finally done', step)
print('after')
";
    let (dir, path) = script("inject-finally", src);
    let p = path.to_str().unwrap();
    let plain = sigpy(&dir, &["--icount", p]);
    let end = icount_of(&plain);
    // The loop of 100 steps is most of the program: its middle.
    let spec = format!("USR1@{}", end / 2);
    let out = sigpy(&dir, &["--inject", &spec, p]);
    assert_eq!(
        out.stdout,
        "finally done 100\nhandler 100\nafter\n",
        "{}",
        out.describe()
    );
    // The same point without `finally` lands in the middle of the loop.
    let unprotected = src.replace("try:\n    pass\nfinally:", "if True:");
    let (dir2, path2) = script("inject-nofinally", &unprotected);
    let out = sigpy(&dir2, &["--inject", &spec, path2.to_str().unwrap()]);
    let first = out.stdout.lines().next().unwrap_or("");
    let step: u32 = first
        .strip_prefix("handler ")
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{}", out.describe()));
    assert!((1..100).contains(&step), "{}", out.describe());
}

#[test]
fn bad_specs_are_usage_errors() {
    let (dir, path) = script("inject-bad", "print('ran')\n");
    let p = path.to_str().unwrap();
    let cases = [
        ("SIGTERM", "'SIGTERM' lacks '@N'"),
        ("FOO@10", "unknown signal 'FOO'"),
        ("SIGKILL@10", "SIGKILL cannot be injected"),
        ("9@10", "SIGKILL cannot be injected"),
        ("STOP@10", "SIGSTOP cannot be injected"),
        ("SIGSEGV@10", "SIGSEGV cannot be injected"),
        ("TERM@-1", "bad instruction count '-1'"),
        ("TERM@ten", "bad instruction count 'ten'"),
        ("TERM@", "bad instruction count ''"),
        ("99@1", "unknown signal number '99'"),
        ("USR1@5,", "'' lacks '@N'"),
    ];
    for (spec, msg) in cases {
        let out = sigpy(&dir, &["--inject", spec, p]);
        assert_eq!(out.status, Status::Code(2), "{}: {}", spec, out.describe());
        assert_eq!(out.stdout, "", "{}: the program ran", spec);
        let first = out.stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with("sigpy: --inject: ") && first.contains(msg),
            "{}: {}",
            spec,
            out.stderr
        );
        assert!(out.stderr.contains("usage: sigpy"), "{}", out.stderr);
    }
    let out = sigpy(&dir, &[p, "--inject"]);
    assert_eq!(out.stdout, "ran\n", "options after the script are its own");
    let out = sigpy(&dir, &["--inject"]);
    assert_eq!(out.status, Status::Code(2));
}
