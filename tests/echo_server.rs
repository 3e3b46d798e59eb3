//! Runs `examples/echo_server.py`: std::net clients exchange lines with it,
//! one leaves a large reply in flight, then SIGTERM: the server must refuse
//! new connections, finish the reply in flight, close every client and die
//! by SIGTERM. The same test runs the script under CPython 3.11 when it is
//! installed (the example is plain Python).

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);
const BIG: usize = 12_000_000;

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
    let mut server = common::ExampleProc::start(interpreter, "echo_server.py", TIMEOUT);
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
