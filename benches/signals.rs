//! Signal benchmarks (issue: the signal runtime).
//!
//! - `tick/*`: the cost of the tick. One bytecode loop run with the
//!   signal runtime off (no tick hook: only the per-instruction decrement
//!   remains) and with it on, in both tick modes (`ring`: an io_uring flag
//!   checked per tick; `read`: one non-blocking signalfd read per tick),
//!   at tick intervals 1, 64, 1024 and 16384. Throughput is instructions
//!   per second; a summary prints ns per instruction and the overhead
//!   against "off".
//! - `latency/*`: from `kill()` to the handler's first instruction, with
//!   the VM busy in a loop, blocked in `time.sleep`, or inside a long
//!   builtin (sorting a million ints, joining a million strs, a big-int
//!   power), or while lists of 300,000 strs are built and dropped. A sigpy child (the release binary) stamps
//!   `time.monotonic_ns()` first thing in its handler; the bench stamps
//!   CLOCK_MONOTONIC just before `kill()`. A summary prints p50, p99 and
//!   max, and the same figures for CPython (`python3`) when it is there.
//!
//! `SIGPY_BENCH_QUICK=1` takes fewer samples (the CI smoke run);
//! `SIGPY_BENCH_KINDS=busy,sleep` runs only those latency workloads,
//! `SIGPY_BENCH_SIGPY=path` measures another sigpy binary; a
//! filter (`-- latency`) that leaves out the tick group skips its summary.

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sigpy::syntax::SourceFile;
use sigpy::Interpreter;

mod common;
use common::LOOPS as LOOP;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Off,
    Ring,
    Read,
}

fn quick() -> bool {
    std::env::var("SIGPY_BENCH_QUICK").is_ok_and(|v| v == "1")
}

/// Whether the command line's filter (`cargo bench --bench signals --
/// latency`) selects the group: its summary is skipped otherwise.
fn selected(group: &str) -> bool {
    match std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        Some(f) => group.contains(f.as_str()) || f.contains(group),
        None => true,
    }
}

/// The latency workloads to run: `SIGPY_BENCH_KINDS=busy,sleep` picks
/// some, all by default.
fn kinds() -> Vec<&'static str> {
    let all = ["busy", "sleep", "sort", "join", "bigpow", "drop"];
    match std::env::var("SIGPY_BENCH_KINDS") {
        Ok(v) => all
            .into_iter()
            .filter(|k| v.split(',').any(|w| w == *k))
            .collect(),
        Err(_) => all.to_vec(),
    }
}

/// Runs LOOP once with the given tick setup; returns its icount.
/// Installs the runtime of `mode` (once per mode, outside the timing);
/// false where the kernel refuses io_uring (the ring mode is skipped).
fn use_mode(mode: Mode) -> bool {
    if mode != Mode::Off {
        let mut interp = Interpreter::new(vec!["<bench>".into()]);
        sigpy::signals::install(&mut interp.vm, mode == Mode::Ring).expect("install runtime");
        let want = if mode == Mode::Ring {
            sigpy::signals::state::TickMode::Ring
        } else {
            sigpy::signals::state::TickMode::Read
        };
        if sigpy::signals::with_rt(|rt| rt.tick_mode()) != want {
            eprintln!("io_uring is not available here: the ring mode is skipped");
            return false;
        }
    }
    true
}

fn run_loop(code: &std::rc::Rc<sigpy::bytecode::CodeObject>, mode: Mode, tick: i64) -> u64 {
    let mut interp = Interpreter::new(vec!["<bench>".into()]);
    interp.vm.tick_hook = match mode {
        Mode::Off => None,
        Mode::Ring | Mode::Read => Some(sigpy::signals::tick),
    };
    interp.vm.set_tick(tick);
    let status = interp.run_code(code);
    assert_eq!(status, 0);
    interp.vm.icount()
}

fn bench_tick(c: &mut Criterion) {
    sigpy::signals::init_process();
    let file = SourceFile::new("<bench>", LOOP);
    let code = sigpy::interp::compile_source(&file).expect("compiles");
    let icount = run_loop(&code, Mode::Off, 1024);
    let mut configs: Vec<(Mode, i64)> = vec![(Mode::Off, 1024)];
    let ticks: &[i64] = if quick() {
        &[64, 1024, 16384]
    } else {
        &[1, 64, 1024, 16384]
    };
    for &tick in ticks {
        configs.push((Mode::Ring, tick));
        configs.push((Mode::Read, tick));
    }
    let mut g = c.benchmark_group("tick");
    g.sample_size(if quick() { 10 } else { 30 });
    g.throughput(Throughput::Elements(icount));
    for &(mode, tick) in &configs {
        let name = match mode {
            Mode::Off => "off".to_string(),
            _ => format!("{:?}/{}", mode, tick).to_lowercase(),
        };
        if use_mode(mode) {
            g.bench_function(name, |b| b.iter(|| run_loop(&code, mode, tick)));
        }
    }
    g.finish();
    if !selected("tick") {
        return;
    }

    // Summary: median ns per instruction over repeated runs.
    let runs = if quick() { 5 } else { 21 };
    let median_ns = |mode: Mode, tick: i64| -> f64 {
        let mut v: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                run_loop(&code, mode, tick);
                t.elapsed().as_nanos() as f64 / icount as f64
            })
            .collect();
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let off = median_ns(Mode::Off, 1024);
    eprintln!(
        "\ntick cost ({} instructions per run, median of {} runs)",
        icount, runs
    );
    eprintln!("  {:<12} {:>10} {:>10}", "config", "ns/instr", "overhead");
    eprintln!("  {:<12} {:>10.3} {:>10}", "off", off, "-");
    for &(mode, tick) in &configs[1..] {
        if !use_mode(mode) {
            continue;
        }
        let ns = median_ns(mode, tick);
        eprintln!(
            "  {:<12} {:>10.3} {:>9.1}%",
            format!("{:?}/{}", mode, tick).to_lowercase(),
            ns,
            (ns / off - 1.0) * 100.0
        );
    }
}

// === Latency ===

const HANDLER: &str = "
import signal, time
def h(signum, frame):
    t = time.monotonic_ns()
    print(t, flush=True)
signal.signal(signal.SIGUSR1, h)
";

fn workload(kind: &str) -> String {
    let body = match kind {
        "busy" => "x = 0\nwhile True:\n    x += 1\n",
        "sleep" => "while True:\n    time.sleep(100)\n",
        "sort" => {
            "data = [(i * 7919) % 1000003 for i in range(1000000)]\n\
             while True:\n    s = sorted(data)\n"
        }
        "join" => {
            "parts = [str(i) for i in range(1000000)]\nwhile True:\n    s = ','.join(parts)\n"
        }
        "bigpow" => "while True:\n    x = 7 ** 300000\n",
        // Each round drops the previous list of 300,000 strs.
        "drop" => "while True:\n    x = [str(i) for i in range(300000)]\n",
        _ => unreachable!(),
    };
    format!("{HANDLER}print('ready', flush=True)\n{body}")
}

struct Target {
    child: Child,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Target {
    fn start(interp: &str, kind: &str) -> Option<Target> {
        let mut cmd = Command::new(interp);
        // This process blocked every signal (the tick bench installed the
        // runtime): the child must start with none blocked.
        sigpy::linux::child::with_signals(
            &mut cmd,
            sigpy::linux::child::ChildSignals {
                mask: 0,
                ignored: 0,
            },
        );
        let mut child = cmd
            .arg("-c")
            .arg(workload(kind))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .ok()?;
        let mut out = BufReader::new(child.stdout.take()?);
        let mut line = String::new();
        out.read_line(&mut line).ok()?;
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || reader(out, tx));
        if line.trim() != "ready" {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        // Let the workload get going (build its data, enter its loop).
        std::thread::sleep(Duration::from_millis(
            if kind == "busy" || kind == "sleep" {
                20
            } else {
                300
            },
        ));
        Some(Target { child, lines })
    }

    /// One kill-to-handler latency in ns; None when the handler did not
    /// answer within 5 s (the signal is counted as lost).
    fn sample(&mut self) -> Option<u64> {
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        let t0 = monotonic_ns();
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGUSR1).expect("kill child");
        let line = self.lines.recv_timeout(Duration::from_secs(5)).ok()?;
        let t1: u64 = line.trim().parse().ok()?;
        // Vary the arrival point a little.
        std::thread::sleep(Duration::from_micros(200 + (t0 % 300)));
        Some(t1.saturating_sub(t0))
    }
}

impl Drop for Target {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

use std::os::unix::process::CommandExt;

fn reader(mut out: BufReader<ChildStdout>, tx: std::sync::mpsc::Sender<String>) {
    loop {
        let mut line = String::new();
        match out.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {
                if tx.send(line).is_err() {
                    return;
                }
            }
        }
    }
}

/// CLOCK_MONOTONIC through the C library (the vDSO), as CPython's and
/// sigpy's `time.monotonic_ns()` read it.
fn monotonic_ns() -> u64 {
    sigpy::linux::clock::now_ns(sigpy::linux::clock::Clock::Monotonic) as u64
}

fn percentile(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn summary(interp: &str, kind: &str, n: usize) -> Option<String> {
    let mut t = Target::start(interp, kind)?;
    let mut v: Vec<u64> = Vec::with_capacity(n);
    let mut lost = 0;
    for _ in 0..n {
        match t.sample() {
            Some(ns) => v.push(ns),
            None => {
                lost += 1;
                if lost == 3 {
                    break;
                }
            }
        }
    }
    v.sort_unstable();
    Some(format!(
        "  {:<8} {:<8} p50 {:>9.1} us  p99 {:>9.1} us  max {:>9.1} us  ({} samples{})",
        if interp == "python3" {
            "CPython"
        } else {
            "sigpy"
        },
        kind,
        percentile(&v, 0.5) as f64 / 1e3,
        percentile(&v, 0.99) as f64 / 1e3,
        *v.last().unwrap_or(&0) as f64 / 1e3,
        v.len(),
        if lost > 0 {
            format!(", {} unanswered in 5 s", lost)
        } else {
            String::new()
        }
    ))
}

fn bench_latency(c: &mut Criterion) {
    // `SIGPY_BENCH_SIGPY=path` measures another sigpy binary (A/B runs).
    let other = std::env::var("SIGPY_BENCH_SIGPY").ok();
    let sigpy = other.as_deref().unwrap_or(env!("CARGO_BIN_EXE_sigpy"));
    let kinds = kinds();
    let mut g = c.benchmark_group("latency");
    g.sample_size(10);
    for &kind in &kinds {
        let Some(mut t) = Target::start(sigpy, kind) else {
            panic!("sigpy {kind} workload did not start");
        };
        g.bench_function(kind, |b| {
            b.iter_custom(|iters| {
                let total: u64 = (0..iters)
                    .map(|_| t.sample().expect("the sigpy handler answers"))
                    .sum();
                Duration::from_nanos(total)
            })
        });
    }
    g.finish();
    let n = if quick() { 50 } else { 1000 };
    eprintln!("\nkill-to-handler latency");
    for &kind in &kinds {
        for interp in [sigpy, "python3"] {
            if interp == "python3" && quick() {
                continue;
            }
            let n = if interp == "python3" && kind != "busy" && kind != "sleep" {
                n / 10
            } else {
                n
            };
            match summary(interp, kind, n.max(10)) {
                Some(line) => eprintln!("{line}"),
                None => eprintln!("  {interp} {kind}: did not start"),
            }
        }
    }
}

criterion_group!(benches, bench_tick, bench_latency);
criterion_main!(benches);
