//! The examples in examples/ that are not exercised elsewhere, run as a
//! user would run them.

mod common;

use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

const TIMEOUT_EXAMPLE_OUTPUT: &str = "\
small search: (871, 179)
huge search: gave up: no result after 1 s (interrupted in collatz_longest)
quick reply: 'reply'
slow reply: gave up: no result after 1 s (interrupted in wait_for_reply)
alarm left armed: 0
";

#[test]
fn the_timeout_example_bounds_a_busy_loop_and_a_blocking_call() {
    let root = common::repo_root();
    let out = common::run_sigpy(&["examples/timeout.py"], &root, None, TIMEOUT);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, TIMEOUT_EXAMPLE_OUTPUT, "{}", out.describe());
    assert!(out.stderr.is_empty(), "{}", out.describe());
    // CPython prints the same.
    if common::python311_available() {
        let py = common::run_python(&["examples/timeout.py"], &root, None, TIMEOUT);
        assert_eq!(py.stdout, out.stdout, "CPython: {}", py.describe());
    }
}

#[test]
fn the_timeout_example_refuses_a_bad_limit() {
    let root = common::repo_root();
    let out = common::run_sigpy(&["examples/timeout.py", "0"], &root, None, TIMEOUT);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stderr_last(), "usage: timeout.py [SECONDS >= 1]");
    let out = common::run_sigpy(&["examples/timeout.py", "x"], &root, None, TIMEOUT);
    assert_eq!(out.code(), Some(1), "{}", out.describe());
    assert_eq!(
        out.stderr_last(),
        "ValueError: invalid literal for int() with base 10: 'x'"
    );
}
