//! The `sigpy` command line: runs a script, `-c` code or stdin, or prints
//! the bytecode listing (`--dis`); exit statuses as CPython's.

use std::io::Read;
use std::process::ExitCode;

use sigpy::syntax::SourceFile;
use sigpy::Interpreter;

const USAGE: &str = "\
usage: sigpy [option] ... [-c cmd | - | file] [arg] ...
       sigpy explore [option] ... file [arg] ...   (see sigpy explore --help)
Options:
  -c cmd       program passed in as string (terminates option list)
  -            program read from stdin (default; interactive mode if a tty)
  file         program read from script file
  --dis        print the bytecode listing of the program instead of running it
  --icount     print the number of executed instructions to stderr at exit
  --tick N     poll for signals every N instructions (also SIGPY_TICK=N)
  --inject SIG@N[,SIG@N...]
               deliver signal SIG when the instruction count reaches N
               (right after instruction N, or inside it if it blocks), as
               if it had just arrived; SIG is a name (SIGTERM, TERM, term)
               or a number (15); may be repeated (README: Deterministic
               signals)
  --record-signals FILE
               write each signal the program receives (real or injected)
               to FILE, one JSON line each, as it arrives
  --replay-signals FILE
               deliver the signals of a log made by --record-signals at
               the same points, and drop the real ones (not with --inject)
  --version    print the version and exit
  -h, --help   print this help and exit
Environment:
  SIGPY_TICK=N          as --tick N
  SIGPY_TICK_MODE=MODE  how the tick learns of a signal: 'ring' (default:
                        an io_uring flag, no system call per tick), 'read'
                        (one non-blocking read of the signalfd per tick), or
                        'off' (for measurements only: no signal runtime at
                        all, every signal keeps the kernel's default action)
  SIGPYPATH=DIRS        colon-separated folders searched by `import`
";

/// What the command line asks for.
struct Options {
    dis: bool,
    icount: bool,
    tick: Option<i64>,
    /// `--inject`: (signal, instruction count) pairs.
    inject: Vec<(i32, u64)>,
    /// `--record-signals FILE`
    record: Option<String>,
    /// `--replay-signals FILE`
    replay: Option<String>,
    /// (display name, source text, argv)
    program: Program,
    argv: Vec<String>,
}

enum Program {
    File(String),
    Code(String),
    Stdin,
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("sigpy: {}", msg);
    eprint!("{}", USAGE);
    ExitCode::from(2)
}

fn parse_args(args: Vec<String>) -> Result<Options, ExitCode> {
    let mut opts = Options {
        dis: false,
        icount: false,
        tick: None,
        inject: Vec::new(),
        record: None,
        replay: None,
        program: Program::Stdin,
        argv: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "--version" | "-V" => {
                println!("sigpy {} (Python 3.11 subset)", env!("CARGO_PKG_VERSION"));
                return Err(ExitCode::SUCCESS);
            }
            "-h" | "--help" => {
                print!("{}", USAGE);
                return Err(ExitCode::SUCCESS);
            }
            "--dis" => opts.dis = true,
            "--icount" => opts.icount = true,
            "--tick" => {
                i += 1;
                let n = args
                    .get(i)
                    .and_then(|s| s.parse::<i64>().ok())
                    .filter(|n| *n > 0);
                match n {
                    Some(n) => opts.tick = Some(n),
                    None => return Err(usage_error("--tick needs a positive integer")),
                }
            }
            "--inject" => {
                i += 1;
                let Some(spec) = args.get(i) else {
                    return Err(usage_error("--inject needs SIG@N[,SIG@N...]"));
                };
                match sigpy::signals::inject::parse_spec(spec) {
                    Ok(v) => opts.inject.extend(v),
                    Err(msg) => return Err(usage_error(&msg)),
                }
            }
            "--record-signals" | "--replay-signals" => {
                i += 1;
                let Some(file) = args.get(i) else {
                    return Err(usage_error(&format!("{} needs a file name", a)));
                };
                if a == "--record-signals" {
                    opts.record = Some(file.clone());
                } else {
                    opts.replay = Some(file.clone());
                }
            }
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    return Err(usage_error("Argument expected for the -c option"));
                };
                opts.program = Program::Code(code.clone());
                opts.argv.push("-c".into());
                opts.argv.extend(args[i + 2..].iter().cloned());
                return Ok(opts);
            }
            "-" => {
                opts.argv.push("-".into());
                opts.argv.extend(args[i + 1..].iter().cloned());
                return Ok(opts);
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(usage_error(&format!("unknown option {}", s)));
            }
            _ => {
                opts.program = Program::File(a.clone());
                opts.argv.extend(args[i..].iter().cloned());
                return Ok(opts);
            }
        }
        i += 1;
    }
    opts.argv.push(String::new());
    Ok(opts)
}

fn load_program(opts: &Options) -> Result<(String, String), ExitCode> {
    match &opts.program {
        Program::Code(c) => Ok(("<string>".into(), c.clone())),
        Program::Stdin => {
            let mut s = String::new();
            if std::io::stdin().read_to_string(&mut s).is_err() {
                eprintln!("sigpy: can't read the program from stdin (not UTF-8?)");
                return Err(ExitCode::from(2));
            }
            Ok(("<stdin>".into(), s))
        }
        Program::File(path) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                // Tracebacks and `__file__` name the script joined to the
                // current folder, as CPython's do.
                Ok(s) => Ok((absolute(path), s)),
                Err(_) => {
                    eprintln!(
                        "SyntaxError: Non-UTF-8 code in file {}; sigpy reads UTF-8 source only",
                        path
                    );
                    Err(ExitCode::from(1))
                }
            },
            Err(e) => {
                let abs = absolute(path);
                let errno = e.raw_os_error().unwrap_or(0);
                let msg = sigpy::runtime::exc::strerror_text(&e);
                eprintln!(
                    "sigpy: can't open file '{}': [Errno {}] {}",
                    abs, errno, msg
                );
                Err(ExitCode::from(2))
            }
        },
    }
}

/// `path` joined to the current folder (not normalised, as in CPython).
fn absolute(path: &str) -> String {
    match std::env::current_dir() {
        Ok(d) => d.join(path).to_string_lossy().into_owned(),
        Err(_) => path.to_string(),
    }
}

fn real_main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let (name, text) = match load_program(&opts) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if opts.dis {
        let file = SourceFile::new(name.as_str(), text.as_str());
        return match sigpy::interp::compile_source(&file) {
            Ok(code) => {
                print!("{}", sigpy::bytecode::disasm::disassemble(&code));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprint!("{}", e.render(&file));
                ExitCode::from(1)
            }
        };
    }
    let tick = match (opts.tick, std::env::var("SIGPY_TICK")) {
        (Some(t), _) => Some(t),
        (None, Ok(s)) => match s.trim().parse::<i64>() {
            Ok(t) if t > 0 => Some(t),
            _ => {
                return usage_error(&format!(
                    "SIGPY_TICK must be a positive integer, not {:?}",
                    s
                ))
            }
        },
        (None, Err(_)) => None,
    };
    let mode = match tick_mode() {
        Ok(m) => m,
        Err(other) => {
            return usage_error(&format!(
                "SIGPY_TICK_MODE must be 'ring', 'read' or 'off', not {:?}",
                other
            ))
        }
    };
    let deterministic = !opts.inject.is_empty() || opts.record.is_some() || opts.replay.is_some();
    if mode == TickMode::Off && deterministic {
        return usage_error(
            "--inject, --record-signals and --replay-signals need the signal runtime \
             (SIGPY_TICK_MODE is 'off')",
        );
    }
    if !opts.inject.is_empty() && opts.replay.is_some() {
        return usage_error(
            "--inject and --replay-signals cannot be combined (a log recorded under \
             --inject already holds the injected signals)",
        );
    }
    let mut plan = Vec::new();
    if let Some(log) = &opts.replay {
        let sha = sigpy::signals::record::sha256_hex(text.as_bytes());
        match sigpy::signals::record::read(log, &sha) {
            Ok(p) => plan = p,
            Err(msg) => return usage_error(&msg),
        }
    }
    let recorder = match &opts.record {
        None => None,
        Some(file) => {
            let script = match &opts.program {
                Program::File(p) => p.as_str(),
                Program::Code(_) => "-c",
                Program::Stdin => "-",
            };
            match sigpy::signals::record::Log::create(file, script, text.as_bytes(), &opts.argv) {
                Ok(l) => Some(l),
                Err(e) => {
                    eprintln!(
                        "sigpy: --record-signals: cannot create {}: {}",
                        file,
                        sigpy::runtime::exc::strerror_text(&e)
                    );
                    return ExitCode::from(2);
                }
            }
        }
    };
    let mut interp = Interpreter::new(opts.argv.clone());
    if mode != TickMode::Off {
        if let Err(e) = sigpy::signals::install(&mut interp.vm, mode == TickMode::Ring) {
            eprintln!("sigpy: cannot set up signal handling: {}", e);
            return ExitCode::from(1);
        }
    }
    if let Some(t) = tick {
        interp.vm.set_tick(t);
    }
    {
        use sigpy::signals::inject::{injected_info, Planned};
        plan.extend(opts.inject.iter().map(|&(signo, pos)| Planned {
            pos,
            tick_only: false,
            info: injected_info(signo),
        }));
        let replay = opts.replay.is_some();
        if deterministic {
            sigpy::signals::with_rt(|rt| {
                rt.replay = replay;
                rt.log = recorder;
            });
            sigpy::signals::plan(&mut interp.vm, plan);
        }
    }
    let status = interp.run_main(&name, &text);
    if opts.icount {
        eprintln!("icount: {}", interp.vm.icount());
    }
    if sigpy::signals::is_forked_child() {
        // The child of os.fork() has only this thread: no main thread
        // waits to join it, so the process ends here.
        std::process::exit(status.clamp(0, 255));
    }
    ExitCode::from(status.clamp(0, 255) as u8)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TickMode {
    Ring,
    Read,
    Off,
}

/// `SIGPY_TICK_MODE`, or the bad value.
fn tick_mode() -> Result<TickMode, String> {
    match std::env::var("SIGPY_TICK_MODE").as_deref() {
        Err(_) | Ok("ring") | Ok("") => Ok(TickMode::Ring),
        Ok("read") => Ok(TickMode::Read),
        Ok("off") => Ok(TickMode::Off),
        Ok(other) => Err(other.to_string()),
    }
}

fn main() -> ExitCode {
    sigpy::linux::alloc::tune();
    // `sigpy explore ...` is a driver that runs sigpy children; it leaves
    // its own signals as inherited (see explore::process).
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("explore") {
        return sigpy::explore::main(args.collect());
    }
    // Before any thread exists: record the inherited signal state and
    // block every signal in this thread (SIGNALS.md section 1). The 'off'
    // mode (measurements only) leaves every signal to the kernel.
    if tick_mode() != Ok(TickMode::Off) {
        sigpy::signals::init_process();
    }
    // sigpy's own fds live from 1000 up: make room while single-threaded.
    sigpy::linux::fd::grow_table();
    // The interpreter runs on a thread with a large stack so that deep (but
    // bounded) recursion in natives never overflows the native stack.
    let child = std::thread::Builder::new()
        .name("sigpy-main".into())
        .stack_size(1 << 30)
        .spawn(real_main);
    match child {
        Ok(h) => h.join().unwrap_or(ExitCode::from(70)),
        Err(_) => real_main(),
    }
}
