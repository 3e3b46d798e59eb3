//! Runs `examples/echo_server.py`: std::net clients exchange lines with it,
//! one leaves a large reply in flight, then SIGTERM: the server must refuse
//! new connections, finish the reply in flight, close every client and die
//! by SIGTERM. The same test runs the script under CPython 3.11 when it is
//! installed (the example is plain Python).

mod common;

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);
const BIG: usize = 12_000_000;

/// The server process, in a process group of its own (killed on drop).
struct Server {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Server {
    fn start(interpreter: &str) -> Server {
        let script = common::repo_root().join("examples").join("echo_server.py");
        let mut child = Command::new(interpreter)
            .arg(&script)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .expect("start the echo server");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Server {
            child,
            lines: rx,
            seen: Vec::new(),
        }
    }

    /// The next stdout line that starts with `prefix` (earlier ones kept).
    fn line(&mut self, prefix: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
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

    fn terminate(&self) {
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).expect("SIGTERM");
    }

    /// The signal that ended the server, waiting up to the timeout.
    fn death_signal(&mut self) -> Option<i32> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                return s.signal();
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // The group this test created for the server (its pid).
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(self.child.id() as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
        let _ = self.child.wait();
    }
}

fn connect(port: u16) -> TcpStream {
    let s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(TIMEOUT)).expect("read timeout");
    s.set_write_timeout(Some(TIMEOUT)).expect("write timeout");
    s
}

fn read_line(s: &mut TcpStream) -> Vec<u8> {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while line.last() != Some(&b'\n') {
        match s.read(&mut byte).expect("read a reply") {
            0 => break,
            _ => line.push(byte[0]),
        }
    }
    line
}

fn serve_then_stop(interpreter: &str) {
    let mut server = Server::start(interpreter);
    let port: u16 = server.line("").parse().expect("the port on the first line");

    let mut clients: Vec<TcpStream> = (0..3).map(|_| connect(port)).collect();
    for round in 0..2 {
        for (i, c) in clients.iter_mut().enumerate() {
            c.write_all(format!("hello {i} round {round}\n").as_bytes())
                .expect("send a line");
        }
        for (i, c) in clients.iter_mut().enumerate() {
            assert_eq!(
                read_line(c),
                format!("hello {i} round {round}\n").into_bytes()
            );
        }
    }

    // A large line whose echo the client does not read yet: in flight.
    let mut big = connect(port);
    let mut line = vec![b'x'; BIG - 1];
    line.push(b'\n');
    big.write_all(&line).expect("send the large line");
    server.line(&format!("request of {BIG} bytes"));

    server.terminate();
    let stopping = server.line("stopping");
    assert_eq!(
        stopping, "stopping: no new connections, 1 replies in flight",
        "{interpreter}"
    );
    match TcpStream::connect(("127.0.0.1", port)) {
        Err(e) => assert_eq!(e.kind(), ErrorKind::ConnectionRefused, "{interpreter}"),
        Ok(_) => panic!("{interpreter}: a connection was accepted after SIGTERM"),
    }

    let mut reply = Vec::new();
    big.read_to_end(&mut reply)
        .expect("read the reply in flight");
    assert_eq!(
        reply.len(),
        BIG,
        "{interpreter}: the reply in flight was cut"
    );
    assert!(
        reply == line,
        "{interpreter}: the reply differs from the line"
    );
    for c in clients.iter_mut() {
        let mut rest = Vec::new();
        c.read_to_end(&mut rest).expect("read to the end");
        assert!(rest.is_empty(), "{interpreter}: unexpected data {rest:?}");
    }
    assert_eq!(server.death_signal(), Some(libc::SIGTERM), "{interpreter}");
    server.line("replies done: exiting by SIGTERM");
}

#[test]
fn the_echo_server_finishes_replies_in_flight_and_dies_by_sigterm() {
    serve_then_stop(common::sigpy_bin().to_str().expect("utf-8 path"));
}

#[test]
fn the_echo_server_behaves_the_same_under_cpython() {
    if !common::python311_available() {
        eprintln!("python3.11 not found: skipped");
        return;
    }
    serve_then_stop("python3");
}
