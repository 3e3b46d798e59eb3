//! Progress of `sigpy explore` on stderr: a bar redrawn in place on a
//! terminal, a plain line at each tenth of the trials otherwise (CI logs).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const WIDTH: usize = 30;

pub struct Progress {
    total: usize,
    done: usize,
    failed: usize,
    tty: bool,
    start: Instant,
    drawn: Option<Instant>,
    next_line: usize,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        Progress {
            total,
            done: 0,
            failed: 0,
            tty: std::io::stderr().is_terminal(),
            start: Instant::now(),
            drawn: None,
            next_line: 1,
        }
    }

    /// Counts one finished trial.
    pub fn step(&mut self, failed: bool) {
        self.done += 1;
        self.failed += failed as usize;
        if self.tty {
            let due = self
                .drawn
                .is_none_or(|t| t.elapsed() >= Duration::from_millis(80));
            if due || self.done == self.total {
                self.draw();
            }
        } else if self.done * 10 >= self.next_line * self.total {
            while self.done * 10 >= self.next_line * self.total {
                self.next_line += 1;
            }
            eprintln!(
                "explore: {}/{} trials, {} failed",
                self.done, self.total, self.failed
            );
        }
    }

    fn draw(&mut self) {
        self.drawn = Some(Instant::now());
        let filled = WIDTH * self.done / self.total.max(1);
        let rate = self.done as f64 / self.start.elapsed().as_secs_f64().max(1e-9);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[K[{}{}] {}/{} trials, {} failed, {:.0}/s",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            self.done,
            self.total,
            self.failed,
            rate
        );
        let _ = err.flush();
    }

    /// Clears the bar (on a terminal) before the report is printed.
    pub fn finish(&mut self) {
        if self.tty && self.drawn.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}
