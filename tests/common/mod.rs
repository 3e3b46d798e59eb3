//! Helpers shared by the integration tests: spawning the `sigpy` binary
//! (or `python3`) with a timeout, reading `.expect` files, and normalising
//! CPython's stderr.
//!
//! Every child is spawned through [`run`], which kills and reaps it when the
//! timeout expires, so a hung interpreter fails a test instead of hanging it.

// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The `sigpy` binary built by Cargo for this test run.
pub fn sigpy_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_sigpy"))
}

/// The repository root (where Cargo.toml lives).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/cases` under the repository root.
pub fn cases_dir() -> PathBuf {
    repo_root().join("tests").join("cases")
}

/// How a child process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Exited with this code.
    Code(i32),
    /// Killed by this signal (not by us).
    Signal(i32),
    /// Still running at the deadline; we killed it.
    TimedOut,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Code(c) => write!(f, "{c}"),
            Status::Signal(s) => write!(f, "killed by signal {s}"),
            Status::TimedOut => write!(f, "timed out (killed)"),
        }
    }
}

/// Everything a finished child produced.
#[derive(Clone, Debug)]
pub struct Output {
    pub status: Status,
    pub stdout: String,
    pub stderr: String,
    /// Wall-clock time from spawn to exit (diagnostics only, never asserted).
    pub elapsed: Duration,
}

impl Output {
    /// The exit code, if the child exited normally.
    pub fn code(&self) -> Option<i32> {
        match self.status {
            Status::Code(c) => Some(c),
            _ => None,
        }
    }

    /// The last line of stderr (ignoring trailing newlines), or "".
    pub fn stderr_last(&self) -> &str {
        last_line(&self.stderr)
    }

    /// True if the output shows a Rust panic (exit 101 or "panicked").
    pub fn panicked(&self) -> bool {
        self.status == Status::Code(101) || self.stderr.contains("panicked")
    }

    /// A short description for failure messages.
    pub fn describe(&self) -> String {
        format!(
            "status: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.status,
            clip(&self.stdout, 2000),
            clip(&self.stderr, 2000)
        )
    }
}

/// The last line of `text` after trailing newlines are removed.
pub fn last_line(text: &str) -> &str {
    let trimmed = text.trim_end_matches(['\n', '\r']);
    trimmed.rsplit('\n').next().unwrap_or("")
}

/// At most `max` bytes of `text` (on a char boundary), marked if clipped.
pub fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... [{} more bytes]", &text[..end], text.len() - end)
}

fn status_of(status: ExitStatus) -> Status {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(c), _) => Status::Code(c),
        (None, Some(s)) => Status::Signal(s),
        (None, None) => Status::Signal(0),
    }
}

fn spawn_reader<R: Read + Send + 'static>(source: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut source) = source {
            // A read error just ends the capture; the status tells the story.
            let _ = source.read_to_end(&mut buf);
        }
        buf
    })
}

/// Waits for `child` until `deadline`; kills and reaps it past the deadline.
fn wait_with_deadline(child: &mut Child, deadline: Instant) -> Status {
    let mut pause = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status_of(status),
            Ok(None) => {}
            Err(e) => panic!("waiting for child failed: {e}"),
        }
        if Instant::now() >= deadline {
            // The child may exit between try_wait and kill: both are fine.
            let _ = child.kill();
            let _ = child.wait();
            return Status::TimedOut;
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Runs `cmd` with `stdin` as its input (or /dev/null when `None`),
/// capturing stdout and stderr; kills it after `timeout`.
pub fn run(cmd: &mut Command, stdin: Option<&[u8]>, timeout: Duration) -> Output {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot spawn {cmd:?}: {e}"));
    let writer = stdin.map(|data| {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        let data = data.to_vec();
        thread::spawn(move || {
            // The child may exit without reading all its input.
            let _ = pipe.write_all(&data);
        })
    });
    let out = spawn_reader(child.stdout.take());
    let err = spawn_reader(child.stderr.take());
    let start = Instant::now();
    let status = wait_with_deadline(&mut child, start + timeout);
    let elapsed = start.elapsed();
    if let Some(w) = writer {
        w.join().expect("stdin writer thread");
    }
    let stdout = out.join().expect("stdout reader thread");
    let stderr = err.join().expect("stderr reader thread");
    Output {
        status,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        elapsed,
    }
}

/// Runs the sigpy binary with `args` in `cwd`.
pub fn run_sigpy(args: &[&str], cwd: &Path, stdin: Option<&[u8]>, timeout: Duration) -> Output {
    let mut cmd = Command::new(sigpy_bin());
    cmd.args(args).current_dir(cwd);
    run(&mut cmd, stdin, timeout)
}

/// Runs `python3` with `args` in `cwd`, in UTF-8 mode.
pub fn run_python(args: &[&str], cwd: &Path, stdin: Option<&[u8]>, timeout: Duration) -> Output {
    let mut cmd = Command::new("python3");
    cmd.args(args)
        .current_dir(cwd)
        .env("PYTHONUTF8", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    run(&mut cmd, stdin, timeout)
}

/// True if `python3 --version` reports 3.11.
pub fn python311_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).starts_with("Python 3.11"))
        .unwrap_or(false)
}

/// Removes CPython 3.11's caret lines (only whitespace and `^`/`~`), which
/// sigpy does not print.
pub fn strip_carets(stderr: &str) -> String {
    let mut out = String::with_capacity(stderr.len());
    for line in stderr.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let caret_only = !body.trim().is_empty()
            && body
                .chars()
                .all(|c| c == '^' || c == '~' || c.is_whitespace());
        if !caret_only {
            out.push_str(line);
        }
    }
    out
}

/// The expectations of one behaviour case, as stored in `<name>.expect`:
///
/// ```text
/// exit: 0
/// stderr-last: <last line of stderr, or empty>
/// --- stdout
/// <exact stdout>
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expect {
    pub exit: i32,
    pub stderr_last: String,
    pub stdout: String,
}

impl Expect {
    /// Parses the text of an `.expect` file.
    pub fn parse(text: &str) -> Result<Expect, String> {
        let (line1, rest) = text.split_once('\n').ok_or("missing `exit:` line")?;
        let exit = line1
            .strip_prefix("exit: ")
            .ok_or("first line must be `exit: N`")?
            .trim()
            .parse::<i32>()
            .map_err(|e| format!("bad exit status: {e}"))?;
        let (line2, rest) = rest.split_once('\n').ok_or("missing `stderr-last:` line")?;
        let stderr_last = line2
            .strip_prefix("stderr-last:")
            .ok_or("second line must be `stderr-last: ...`")?;
        let stderr_last = stderr_last.strip_prefix(' ').unwrap_or(stderr_last);
        let stdout = rest
            .strip_prefix("--- stdout\n")
            .ok_or("third line must be `--- stdout`")?;
        Ok(Expect {
            exit,
            stderr_last: stderr_last.to_string(),
            stdout: stdout.to_string(),
        })
    }

    /// Reads and parses an `.expect` file.
    pub fn read(path: &Path) -> Result<Expect, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Expect::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Compares an actual run with this expectation; `Err` describes
    /// every difference.
    pub fn check(&self, actual: &Output) -> Result<(), String> {
        let mut problems = Vec::new();
        if actual.panicked() {
            problems.push("the interpreter panicked".to_string());
        }
        if actual.status != Status::Code(self.exit) {
            problems.push(format!(
                "exit status: expected {}, got {}",
                self.exit, actual.status
            ));
        }
        if actual.stderr_last() != self.stderr_last {
            problems.push(format!(
                "last stderr line:\n    expected: {:?}\n    got:      {:?}",
                self.stderr_last,
                actual.stderr_last()
            ));
        }
        if actual.stdout != self.stdout {
            problems.push(format!(
                "stdout: {}",
                first_difference(&self.stdout, &actual.stdout)
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            if actual.status != Status::Code(self.exit) || actual.panicked() {
                problems.push(format!(
                    "stderr (tail):\n{}",
                    indent(&tail(&actual.stderr, 12), "    ")
                ));
            }
            Err(problems.join("\n"))
        }
    }
}

/// Describes the first line where `expected` and `actual` differ.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let exp: Vec<&str> = expected.split('\n').collect();
    let act: Vec<&str> = actual.split('\n').collect();
    for i in 0..exp.len().max(act.len()) {
        let e = exp.get(i);
        let a = act.get(i);
        if e != a {
            let show = |l: Option<&&str>| match l {
                Some(l) => format!("{:?}", clip(l, 300)),
                None => "<end of output>".to_string(),
            };
            return format!(
                "first difference at line {}\n    expected: {}\n    got:      {}",
                i + 1,
                show(e),
                show(a)
            );
        }
    }
    "outputs differ".to_string()
}

/// The last `n` lines of `text`.
pub fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(n);
    lines[start..].join("\n")
}

/// `text` with `prefix` before every line.
pub fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `.py` files of `tests/cases`, sorted by name.
pub fn case_files() -> Vec<PathBuf> {
    let dir = cases_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

/// Runs `job` over `items` on `threads` worker threads, returning the
/// results in the order of `items`.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, job: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = job(item);
                results.lock().expect("results lock")[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .expect("results lock")
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

/// Number of worker threads for parallel test runs: the available
/// parallelism, at least 2.
pub fn worker_count() -> usize {
    thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .max(2)
}

/// A fresh, empty directory under the system temp dir, unique to this
/// process and `tag`.
pub fn scratch_dir(tag: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("sigpy-test-{}-{tag}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("mkdir {}: {e}", dir.display()));
    dir
}

/// An example script (`examples/<name>`) running under `interpreter` in
/// a process group of its own, its stdout read line by line; the whole
/// group is killed when this is dropped.
pub struct ExampleProc {
    pub child: Child,
    lines: std::sync::mpsc::Receiver<String>,
    /// Every stdout line read so far.
    pub seen: Vec<String>,
    timeout: Duration,
}

impl ExampleProc {
    pub fn start(interpreter: &str, name: &str, timeout: Duration) -> ExampleProc {
        use std::io::BufRead;
        use std::os::unix::process::CommandExt;
        let script = repo_root().join("examples").join(name);
        let mut child = Command::new(interpreter)
            .arg(&script)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("start examples/{name} with {interpreter}: {e}"));
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        ExampleProc {
            child,
            lines: rx,
            seen: Vec::new(),
            timeout,
        }
    }

    /// The next stdout line that starts with `prefix` (earlier ones kept
    /// in `seen`); panics at the timeout.
    pub fn line(&mut self, prefix: &str) -> String {
        let deadline = Instant::now() + self.timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.starts_with(prefix) {
                        return line;
                    }
                }
                Err(_) => panic!(
                    "no line starting with {prefix:?}; stdout so far:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }

    /// Sends SIGTERM to the script's process (only it, not its group).
    pub fn terminate(&self) {
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).expect("SIGTERM");
    }

    /// The signal that ended the script, waiting up to the timeout.
    pub fn death_signal(&mut self) -> Option<i32> {
        use std::os::unix::process::ExitStatusExt;
        let deadline = Instant::now() + self.timeout;
        loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                return s.signal();
            }
            assert!(Instant::now() < deadline, "the script did not exit");
            thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for ExampleProc {
    fn drop(&mut self) {
        // The group created for the script (its pid is the group id).
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(self.child.id() as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
        let _ = self.child.wait();
    }
}
