//! A signal storm over blocking I/O: while `tests/storm/storm.py` makes
//! 100,000 round trips through a pipe pair and a socket pair to a forked
//! echo child, this test sends it SIGUSR1 about 2,000 times a second (to
//! the sigpy process it started, in its own process group). Every byte
//! must come back, no call may raise (no `InterruptedError`, no lost
//! wakeup), and the counting handler must have run.

mod common;

use nix::sys::signal::{kill, killpg, Signal};
use nix::unistd::Pid;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

const ROUNDS: u32 = 100_000;
const TIMEOUT: Duration = Duration::from_secs(240);

#[test]
fn pipes_and_sockets_survive_2000_signals_a_second() {
    let script = common::repo_root()
        .join("tests")
        .join("storm")
        .join("storm.py");
    let mut child = Command::new(common::sigpy_bin())
        .arg(&script)
        .arg(ROUNDS.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("start sigpy");
    let target = Pid::from_raw(child.id() as i32);
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut err = child.stderr.take().expect("stderr");
    let stderr = thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let mut first = String::new();
    let _ = out.read_line(&mut first);

    // The storm: 2,000 SIGUSR1 a second until the run ends.
    let done = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(AtomicU64::new(0));
    let storm = {
        let (done, sent) = (done.clone(), sent.clone());
        thread::spawn(move || {
            if first.trim() != "ready" {
                return;
            }
            // Paced against the clock (not by sleeping 500 us after each
            // kill, which oversleeps), so the average rate is 2,000/s.
            let start = Instant::now();
            let mut k = 0u32;
            while !done.load(Ordering::Relaxed) {
                if kill(target, Signal::SIGUSR1).is_err() {
                    break;
                }
                sent.fetch_add(1, Ordering::Relaxed);
                k += 1;
                let due = start + Duration::from_micros(500) * k;
                thread::sleep(due.saturating_duration_since(Instant::now()));
            }
        })
    };

    // Wait for the end, or kill the whole group at the deadline.
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if Instant::now() >= deadline {
            // The group is the one this test created for the child.
            let _ = killpg(target, Signal::SIGKILL);
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    done.store(true, Ordering::Relaxed);
    let _ = storm.join();
    let mut rest = String::new();
    let _ = out.read_to_string(&mut rest);
    let stderr = stderr.join().unwrap_or_default();
    let what = format!(
        "status {status:?}, {} signals sent\nstdout:\n{rest}\nstderr:\n{}",
        sent.load(Ordering::Relaxed),
        common::clip(&stderr, 3000)
    );
    let status = status.unwrap_or_else(|| panic!("timed out: {what}"));
    assert_eq!(status.code(), Some(0), "{what}");
    assert!(sent.load(Ordering::Relaxed) > 100, "{what}");
    let lines: Vec<&str> = rest.lines().collect();
    assert_eq!(lines.len(), 2, "{what}");
    let fields: Vec<&str> = lines[0].split(' ').collect();
    assert_eq!(
        fields[..3],
        ["round", "trips", &ROUNDS.to_string()],
        "{what}"
    );
    assert_eq!(fields[4], fields[5], "every byte came back: {what}");
    assert_eq!(fields[7], "0", "the echo child ended cleanly: {what}");
    let ran: u64 = lines[1]
        .strip_prefix("handler ran ")
        .and_then(|s| s.strip_suffix(" times"))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("handler count: {what}"));
    assert!(ran > 0, "the handler ran: {what}");
    eprintln!(
        "{ROUNDS} round trips, {} signals sent, handler ran {ran} times",
        sent.load(Ordering::Relaxed)
    );
    assert!(stderr.is_empty(), "{what}");
}
