//! Tests of the `sigpy` command line: arguments, exit statuses, error
//! messages and tracebacks (compared with CPython 3.11 where the contract
//! is "as CPython"), `--icount`, `--dis`, and robustness against malformed
//! and hostile programs (never a panic, never a crash).
//!
//! No test here sends a signal; every child runs under a timeout.

mod common;

use common::{Output, Status};
use std::path::{Path, PathBuf};
use std::time::Duration;

// Hang detection only: generous, since a loaded 2-core CI machine runs
// the debug build of deep-recursion programs slowly.
const TIMEOUT: Duration = Duration::from_secs(60);

fn sigpy(args: &[&str], cwd: &Path) -> Output {
    common::run_sigpy(args, cwd, None, TIMEOUT)
}

fn python(args: &[&str], cwd: &Path) -> Output {
    assert!(
        common::python311_available(),
        "these tests compare with CPython: python3 must be CPython 3.11"
    );
    common::run_python(args, cwd, None, TIMEOUT)
}

/// Writes `source` to `dir/name` and returns its absolute path as a string.
fn write_script(dir: &Path, name: &str, source: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    path.to_str().expect("utf-8 temp path").to_string()
}

fn assert_no_panic(out: &Output, what: &str) {
    assert!(
        !out.panicked(),
        "{what}: the interpreter panicked\n{}",
        out.describe()
    );
    assert!(
        !matches!(out.status, Status::Signal(_) | Status::TimedOut),
        "{what}: the interpreter crashed or hung\n{}",
        out.describe()
    );
}

fn assert_status(out: &Output, code: i32, what: &str) {
    assert_no_panic(out, what);
    assert_eq!(
        out.status,
        Status::Code(code),
        "{what}: wrong exit status\n{}",
        out.describe()
    );
}

// ----------------------------------------------------------------------
// Options and arguments
// ----------------------------------------------------------------------

#[test]
fn test_version_prints_name_and_version() {
    let out = sigpy(&["--version"], &common::repo_root());
    assert_status(&out, 0, "--version");
    assert_eq!(out.stdout, "sigpy 0.1.0 (Python 3.11 subset)\n");
}

#[test]
fn test_help_prints_usage_to_stdout() {
    let out = sigpy(&["--help"], &common::repo_root());
    assert_status(&out, 0, "--help");
    let text = out.stdout.to_lowercase();
    assert!(text.contains("usage"), "no usage line:\n{}", out.stdout);
    for option in ["-c", "--version", "--dis", "--icount"] {
        assert!(
            out.stdout.contains(option),
            "--help does not mention {option}:\n{}",
            out.stdout
        );
    }
}

#[test]
fn test_unknown_option_is_a_usage_error() {
    for bad in ["--no-such-option", "-Z"] {
        let out = sigpy(&[bad], &common::repo_root());
        assert_status(&out, 2, bad);
        assert!(!out.stderr.trim().is_empty(), "{bad}: no message on stderr");
        assert!(
            out.stdout.is_empty(),
            "{bad}: unexpected stdout {:?}",
            out.stdout
        );
    }
}

#[test]
fn test_dash_c_runs_code_with_argv() {
    let dir = common::scratch_dir("dash-c");
    let code = "import sys\nprint(sys.argv)\nprint(6 * 7)";
    let out = sigpy(&["-c", code, "a", "b c"], &dir);
    assert_status(&out, 0, "-c");
    assert_eq!(out.stdout, "['-c', 'a', 'b c']\n42\n");
    let py = python(&["-c", code, "a", "b c"], &dir);
    assert_eq!(out.stdout, py.stdout, "-c differs from python3");
}

#[test]
fn test_dash_reads_program_from_stdin() {
    let dir = common::scratch_dir("stdin");
    let program = b"import sys\nprint(sys.argv)\nfor i in range(3):\n    print(i)\n";
    let out = common::run_sigpy(&["-", "x", "y"], &dir, Some(program), TIMEOUT);
    assert_status(&out, 0, "sigpy -");
    assert_eq!(out.stdout, "['-', 'x', 'y']\n0\n1\n2\n");
}

#[test]
fn test_script_receives_arguments() {
    let dir = common::scratch_dir("args");
    write_script(
        &dir,
        "show_args.py",
        "import sys\nprint(sys.argv)\nprint(len(sys.argv))\n",
    );
    let out = sigpy(&["show_args.py", "arg1", "arg 2", "--version"], &dir);
    assert_status(&out, 0, "script args");
    assert_eq!(
        out.stdout,
        "['show_args.py', 'arg1', 'arg 2', '--version']\n4\n"
    );
}

#[test]
fn test_missing_script_exits_2_with_cpython_message() {
    let dir = common::scratch_dir("missing");
    let abs = dir
        .canonicalize()
        .expect("canonical temp dir")
        .join("missing.py");
    let out = sigpy(&["missing.py"], &dir);
    assert_status(&out, 2, "missing file");
    assert_eq!(
        out.stderr,
        format!(
            "sigpy: can't open file '{}': [Errno 2] No such file or directory\n",
            abs.display()
        )
    );
    assert!(out.stdout.is_empty());
    // CPython says the same after its own program name.
    let py = python(&["missing.py"], &dir);
    assert_eq!(py.code(), Some(2));
    let suffix = format!(": can't open file '{}'", abs.display());
    assert!(py.stderr.contains(&suffix), "python3 said {:?}", py.stderr);
}

#[test]
fn test_example_hello_matches_cpython() {
    let root = common::repo_root();
    let out = sigpy(&["examples/hello.py"], &root);
    assert_status(&out, 0, "examples/hello.py");
    let py = python(&["examples/hello.py"], &root);
    assert_eq!(py.code(), Some(0));
    assert_eq!(
        out.stdout, py.stdout,
        "examples/hello.py differs from python3"
    );
    assert!(out.stdout.lines().count() >= 5, "example prints too little");
}

// ----------------------------------------------------------------------
// Exit statuses
// ----------------------------------------------------------------------

#[test]
fn test_exit_statuses_match_cpython() {
    let dir = common::scratch_dir("exit");
    let programs = [
        ("pass", 0),
        ("print('ok')", 0),
        ("import sys; sys.exit()", 0),
        ("import sys; sys.exit(0)", 0),
        ("import sys; sys.exit(None)", 0),
        ("import sys; sys.exit(5)", 5),
        ("import sys; sys.exit(255)", 255),
        ("import sys; sys.exit('bye')", 1),
        ("import sys; sys.exit(True)", 1),
        ("raise SystemExit(9)", 9),
        ("raise SystemExit", 0),
        ("1/0", 1),
        ("raise ValueError('v')", 1),
        (
            "try:\n    import sys; sys.exit(3)\nfinally:\n    print('f')",
            3,
        ),
        ("try:\n    1/0\nexcept ZeroDivisionError:\n    pass", 0),
    ];
    for (code, status) in programs {
        let out = sigpy(&["-c", code], &dir);
        assert_status(&out, status, code);
        let py = python(&["-c", code], &dir);
        assert_eq!(py.code(), Some(status), "python3 disagrees on {code:?}");
        assert_eq!(out.stdout, py.stdout, "stdout of {code:?}");
        assert_eq!(
            out.stderr_last(),
            py.stderr_last(),
            "last stderr line of {code:?}"
        );
    }
}

#[test]
fn test_sys_exit_message_goes_to_stderr() {
    let dir = common::scratch_dir("exit-msg");
    let out = sigpy(
        &["-c", "import sys\nprint('out')\nsys.exit('the message')"],
        &dir,
    );
    assert_status(&out, 1, "sys.exit(str)");
    assert_eq!(out.stdout, "out\n");
    assert_eq!(out.stderr, "the message\n");
}

// ----------------------------------------------------------------------
// Syntax errors
// ----------------------------------------------------------------------

/// Programs with a syntax error; CPython's File line, source line and
/// message must be reproduced exactly.
const BAD_PROGRAMS: &[&str] = &[
    "def f(:\n    pass\n",
    "if x\n    pass\n",
    "def f():\nreturn 1\n",
    "x = 'abc\n",
    "x = \"\"\"abc\nmore\n",
    "return 5\n",
    "x = 1\ny = = 2\n",
    "break\n",
    "x = [1, 2\n",
    "x = 1)\n",
    "for i in range(3):\n    pass\n  x = 1\n",
    "  x = 1\n",
    "class:\n",
    "f(**)\n",
    "print('a')\nwhile True\n    pass\n",
    "x = {1: 2, 3}\n",
    "def g(a, a):\n    pass\n",
    "x = 5 +\n",
];

fn is_caret_line(line: &str) -> bool {
    !line.trim().is_empty() && line.chars().all(|c| c == '^' || c == '~' || c == ' ')
}

#[test]
fn test_syntax_errors_match_cpython() {
    let dir = common::scratch_dir("syntax");
    let mut failures = Vec::new();
    for (i, source) in BAD_PROGRAMS.iter().enumerate() {
        let path = write_script(&dir, &format!("bad{i}.py"), source);
        let out = sigpy(&[&path], &dir);
        let py = python(&[&path], &dir);
        assert_eq!(py.code(), Some(1), "python3 accepted {source:?}");
        assert_no_panic(&out, source);
        let mut problems = Vec::new();
        if out.status != Status::Code(1) {
            problems.push(format!("exit status {}, expected 1", out.status));
        }
        if !out.stdout.is_empty() {
            problems.push(format!("unexpected stdout {:?}", out.stdout));
        }
        let py_lines: Vec<&str> = py.stderr.lines().collect();
        let our_lines: Vec<&str> = out.stderr.lines().collect();
        // CPython: `  File "...", line N`, the source line, [caret], message.
        let file_idx = py_lines
            .iter()
            .position(|l| l.starts_with("  File "))
            .expect("python3 prints a File line");
        let ours_idx = our_lines.iter().position(|l| l.starts_with("  File "));
        match ours_idx {
            None => problems.push("no `  File ...` line".to_string()),
            Some(j) => {
                if our_lines[j] != py_lines[file_idx] {
                    problems.push(format!(
                        "File line {:?}, expected {:?}",
                        our_lines[j], py_lines[file_idx]
                    ));
                }
                if our_lines.get(j + 1) != py_lines.get(file_idx + 1) {
                    problems.push(format!(
                        "source line {:?}, expected {:?}",
                        our_lines.get(j + 1),
                        py_lines.get(file_idx + 1)
                    ));
                }
                let py_caret = py_lines.iter().any(|l| is_caret_line(l));
                let our_caret = our_lines.iter().any(|l| is_caret_line(l));
                if py_caret && !our_caret {
                    problems.push("no caret line".to_string());
                }
            }
        }
        if out.stderr_last() != py.stderr_last() {
            problems.push(format!(
                "message {:?}, expected {:?}",
                out.stderr_last(),
                py.stderr_last()
            ));
        }
        if !problems.is_empty() {
            failures.push(format!(
                "program {source:?}:\n  {}\n  sigpy stderr:\n{}\n  python3 stderr:\n{}",
                problems.join("\n  "),
                common::indent(&out.stderr, "    | "),
                common::indent(&py.stderr, "    | ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} syntax errors differ from CPython:\n\n{}",
        failures.len(),
        BAD_PROGRAMS.len(),
        failures.join("\n\n")
    );
}

#[test]
fn test_syntax_error_prevents_any_execution() {
    let dir = common::scratch_dir("syntax-late");
    let path = write_script(&dir, "late.py", "print('ran')\nx = (1,\n");
    let out = sigpy(&[&path], &dir);
    assert_status(&out, 1, "late syntax error");
    assert_eq!(out.stdout, "", "code ran before the syntax error was found");
    assert!(
        out.stderr_last().starts_with("SyntaxError: "),
        "{}",
        out.describe()
    );
}

// ----------------------------------------------------------------------
// Tracebacks
// ----------------------------------------------------------------------

const TRACEBACK_SCRIPTS: &[(&str, &str)] = &[
    (
        "frames.py",
        "def level3(x):\n    return 10 // x\n\ndef level2(x):\n    y = x - 1\n    return level3(y)\n\n\
         def level1():\n    return level2(1)\n\nprint('start')\nlevel1()\n",
    ),
    (
        "methods.py",
        "class Stack:\n    def __init__(self):\n        self.items = []\n    def pop(self):\n        \
         return self.items.pop()\n\nclass Machine:\n    def __init__(self):\n        self.stack = Stack()\n    \
         def step(self):\n        return self.stack.pop()\n\nm = Machine()\nm.step()\n",
    ),
    (
        "dunder.py",
        "class V:\n    def __init__(self, x):\n        self.x = x\n    def __add__(self, other):\n        \
         return V(self.x + other.x)\n\nv = V(1) + V(2)\nprint(v.x)\nw = V(1) + 5\n",
    ),
    (
        "context.py",
        "def parse(s):\n    try:\n        return int(s)\n    except ValueError:\n        \
         return fallback[s]\n\nfallback = {}\nprint(parse('1'))\nparse('x')\n",
    ),
    (
        "cause.py",
        "class ConfigError(Exception):\n    pass\n\ndef get(d, k):\n    try:\n        return d[k]\n    \
         except KeyError as e:\n        raise ConfigError('missing ' + k) from e\n\nget({}, 'port')\n",
    ),
    (
        "lambda.py",
        "apply = lambda f, x: f(x)\n\ndef boom(v):\n    raise RuntimeError('boom ' + str(v))\n\napply(boom, 3)\n",
    ),
    (
        "nested_exc.py",
        "def cleanup():\n    raise OSError('cleanup failed')\n\ndef work():\n    try:\n        \
         raise ValueError('work failed')\n    finally:\n        cleanup()\n\nwork()\n",
    ),
    (
        "with.py",
        "class CM:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        \
         return False\n\nwith CM():\n    {}['k']\n",
    ),
    (
        "assert.py",
        "def check(xs):\n    for x in xs:\n        assert x > 0, 'bad ' + str(x)\n\ncheck([1, 2, -3])\n",
    ),
    (
        "cause_then_context.py",
        "def f():\n    try:\n        {}['a']\n    except KeyError as e:\n        raise ValueError('bad') from e\n\n\
         def g():\n    try:\n        f()\n    except ValueError:\n        x = 1 / 0\n\ng()\n",
    ),
    (
        "from_none.py",
        "try:\n    raise KeyError('x')\nexcept KeyError:\n    raise TypeError('t') from None\n",
    ),
    (
        "three_contexts.py",
        "try:\n    try:\n        raise OSError(2, 'gone')\n    except OSError:\n        int('z')\n\
         except ValueError as e:\n    raise RuntimeError('outer') from e.__context__\n",
    ),
    (
        "notes.py",
        "e = ValueError('m')\ne.add_note('note one')\ne.add_note('two\\nlines')\ntry:\n    raise e\n\
         finally:\n    pass\n",
    ),
    (
        "custom_str_finally.py",
        "class E(Exception):\n    def __str__(self):\n        return 'custom'\n\ndef a():\n    try:\n        \
         raise E()\n    finally:\n        [][0]\n\na()\n",
    ),
    (
        "reraise_in_handler.py",
        "def inner():\n    raise KeyError('k')\n\ntry:\n    inner()\nexcept KeyError as err:\n    \
         print('handling')\n    raise\n",
    ),
    (
        "exit_raises.py",
        "class CM:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        \
         raise RuntimeError('in exit')\n\nwith CM():\n    raise ValueError('body')\n",
    ),
    (
        "suggest_local.py",
        "def area(width, height):\n    return widht * height\n\nprint(area(2, 3))\n",
    ),
    (
        "suggest_global_and_builtin.py",
        "counter = 0\ntry:\n    countr += 1\nexcept NameError as e:\n    print(e)\nprnt('x')\n",
    ),
    (
        "suggest_attribute.py",
        "class Account:\n    def __init__(self):\n        self.balance = 0\n    def deposit(self, n):\n        \
         self.balance += n\n\na = Account()\na.deposit(5)\nprint(a.balanse)\n",
    ),
    (
        "suggest_module_attribute.py",
        "import sys\nprint(sys.argv[0].endswith('.py'))\nsys.exitt(3)\n",
    ),
    (
        "no_suggestion_user_raised.py",
        "class Lazy:\n    def __getattr__(self, name):\n        raise AttributeError(name)\n\n\
         def go():\n    raise NameError(\"name 'lenn' is not defined\")\n\ntry:\n    Lazy().valu\n\
         except AttributeError as e:\n    print(repr(e))\ngo()\n",
    ),
    (
        "empty_message_chain.py",
        "class Quiet(Exception):\n    pass\n\ntry:\n    raise Quiet\nexcept Quiet as q:\n    \
         raise Quiet() from q\n",
    ),
];

#[test]
fn test_tracebacks_match_cpython() {
    let dir = common::scratch_dir("traceback");
    let mut failures = Vec::new();
    for (name, source) in TRACEBACK_SCRIPTS {
        let path = write_script(&dir, name, source);
        let out = sigpy(&[&path], &dir);
        let py = python(&[&path], &dir);
        assert_eq!(py.code(), Some(1), "python3 on {name}: {}", py.describe());
        assert_no_panic(&out, name);
        let expected = common::strip_carets(&py.stderr);
        if out.status != Status::Code(1) || out.stdout != py.stdout || out.stderr != expected {
            failures.push(format!(
                "{name}: status {} (expected 1)\n  stderr: {}\n  sigpy stderr:\n{}\n  python3 stderr (carets stripped):\n{}",
                out.status,
                common::first_difference(&expected, &out.stderr),
                common::indent(&out.stderr, "    | "),
                common::indent(&expected, "    | ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "tracebacks differ from CPython:\n\n{}",
        failures.join("\n\n")
    );
}

#[test]
fn test_traceback_of_dash_c_matches_cpython() {
    let dir = common::scratch_dir("traceback-c");
    let code = "def f(n):\n    return [1][n]\nf(0)\nf(5)";
    let out = sigpy(&["-c", code], &dir);
    let py = python(&["-c", code], &dir);
    assert_status(&out, 1, "-c traceback");
    assert_eq!(out.stderr, common::strip_carets(&py.stderr));
}

#[test]
fn test_traceback_of_stdin_program_names_stdin() {
    let dir = common::scratch_dir("traceback-stdin");
    let program = b"x = 1\nprint(x)\nraise KeyError('k')\n";
    let out = common::run_sigpy(&["-"], &dir, Some(program), TIMEOUT);
    assert_status(&out, 1, "stdin traceback");
    assert_eq!(out.stdout, "1\n");
    assert!(
        out.stderr
            .contains("  File \"<stdin>\", line 3, in <module>"),
        "{}",
        out.describe()
    );
    assert_eq!(out.stderr_last(), "KeyError: 'k'");
}

// ----------------------------------------------------------------------
// Recursion: always a RecursionError, never a native stack overflow
// ----------------------------------------------------------------------

const RECURSIONS: &[&str] = &[
    "def f():\n    f()\nf()\n",
    "def f(n):\n    return 1 + f(n + 1)\nf(0)\n",
    "def a():\n    b()\ndef b():\n    a()\na()\n",
    "class A:\n    def __init__(self):\n        A()\nA()\n",
    "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n",
    "class A:\n    def __str__(self):\n        return str(self)\nprint(A())\n",
    "class A:\n    def __eq__(self, o):\n        return self == o\nA() == A()\n",
    "class A:\n    def __lt__(self, o):\n        return self < o\nsorted([A(), A()])\n",
    "class A:\n    def __add__(self, o):\n        return self + o\nA() + 1\n",
    "class A:\n    def __len__(self):\n        return len(self)\nlen(A())\n",
    "class A:\n    def __bool__(self):\n        return not self\nbool(A())\n",
    "class A:\n    def __getitem__(self, i):\n        return self[i]\nA()[0]\n",
    "class A:\n    def __hash__(self):\n        return hash(self)\n{A(): 1}\n",
    "class A:\n    def __call__(self):\n        return self()\nA()()\n",
    "class A:\n    def __iter__(self):\n        return iter(self)\nlist(A())\n",
    "class A:\n    def __contains__(self, x):\n        return x in self\n1 in A()\n",
    "def k(x):\n    return sorted([1, 2], key=k)\nk(0)\n",
    "def m(x):\n    return list(map(m, [x]))\nm(0)\n",
    "def f(x):\n    return [f(y) for y in [x]]\nf(0)\n",
    "f = lambda: f()\nf()\n",
    "x = []\nfor i in range(100000):\n    x = [x]\nprint(x)\n",
    "d = {}\nfor i in range(100000):\n    d = {'k': d}\nprint(repr(d))\n",
    "def f():\n    try:\n        f()\n    finally:\n        pass\nf()\n",
    "def f():\n    with open_cm():\n        f()\nclass open_cm:\n    def __enter__(self):\n        return self\n    \
     def __exit__(self, *a):\n        return False\nf()\n",
];

#[test]
fn test_unbounded_recursion_raises_recursion_error() {
    let dir = common::scratch_dir("recursion");
    let scripts: Vec<String> = RECURSIONS
        .iter()
        .enumerate()
        .map(|(i, src)| write_script(&dir, &format!("rec{i}.py"), src))
        .collect();
    let results = common::parallel_map(&scripts, common::worker_count(), |path| {
        (path.clone(), sigpy(&[path], &dir))
    });
    let mut failures = Vec::new();
    for ((path, out), source) in results.iter().zip(RECURSIONS) {
        let ok = out.status == Status::Code(1)
            && !out.panicked()
            && out
                .stderr_last()
                .starts_with("RecursionError: maximum recursion depth exceeded");
        if !ok {
            failures.push(format!("{path}:\n{source}\n{}", out.describe()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} recursion programs did not end in RecursionError:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn test_recursion_error_is_catchable_and_program_continues() {
    let dir = common::scratch_dir("recursion-catch");
    let code = "def f():\n    f()\nfor i in range(3):\n    try:\n        f()\n    except RecursionError as e:\n        print('caught', e)\ndef depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\nprint(depth(950))\n";
    let out = sigpy(&["-c", code], &dir);
    assert_status(&out, 0, "caught RecursionError");
    assert_eq!(
        out.stdout,
        "caught maximum recursion depth exceeded\n".repeat(3) + "950\n"
    );
}

#[test]
fn test_deep_data_is_dropped_without_stack_overflow() {
    let dir = common::scratch_dir("deep-drop");
    let code = "x = None\nfor i in range(1000000):\n    x = [x]\nx = None\nd = None\nfor i in range(300000):\n    d = {'k': d}\ndel d\nclass N:\n    pass\nn = None\nfor i in range(300000):\n    m = N()\n    m.next = n\n    n = m\nn = m = None\nprint('done')\n";
    let out = sigpy(&["-c", code], &dir);
    assert_status(&out, 0, "dropping deep structures");
    assert_eq!(out.stdout, "done\n");
}

// ----------------------------------------------------------------------
// --icount and --dis
// ----------------------------------------------------------------------

fn icount_of(out: &Output) -> u64 {
    let last = out.stderr_last();
    last.strip_prefix("icount: ")
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("last stderr line is not `icount: N`: {last:?}"))
}

const ICOUNT_SCRIPT: &str =
    "import sys\nn = int(sys.argv[1])\nd = {}\nt = 0\nfor i in range(n):\n    \
     d[str(i)] = i * i\n    t += d[str(i)]\nprint(t, len(d))\n";

#[test]
fn test_icount_is_deterministic_and_grows_with_work() {
    let dir = common::scratch_dir("icount");
    let path = write_script(&dir, "work.py", ICOUNT_SCRIPT);
    let counts: Vec<u64> = (0..3)
        .map(|_| {
            let out = sigpy(&["--icount", &path, "1000"], &dir);
            assert_status(&out, 0, "--icount");
            assert_eq!(out.stdout, "332833500 1000\n", "--icount changed stdout");
            icount_of(&out)
        })
        .collect();
    assert!(counts[0] > 1000, "icount too small: {counts:?}");
    assert!(
        counts.iter().all(|&c| c == counts[0]),
        "icount differs between runs: {counts:?}"
    );
    let bigger = sigpy(&["--icount", &path, "10000"], &dir);
    assert_status(&bigger, 0, "--icount 10000");
    let big = icount_of(&bigger);
    assert!(
        big > counts[0] * 5,
        "10x the work should give a much larger icount: {} vs {big}",
        counts[0]
    );
}

#[test]
fn test_icount_is_printed_after_errors_and_exit() {
    let dir = common::scratch_dir("icount-exit");
    for (code, status) in [
        ("x = 1\n1/0", 1),
        ("import sys\nsys.exit(3)", 3),
        ("pass", 0),
    ] {
        let a = sigpy(&["--icount", "-c", code], &dir);
        let b = sigpy(&["--icount", "-c", code], &dir);
        assert_status(&a, status, code);
        assert_eq!(icount_of(&a), icount_of(&b), "icount of {code:?} varies");
    }
}

#[test]
fn test_icount_off_by_default() {
    let dir = common::scratch_dir("icount-off");
    let out = sigpy(&["-c", "print(1)"], &dir);
    assert_status(&out, 0, "plain run");
    assert!(out.stderr.is_empty(), "stderr: {:?}", out.stderr);
}

#[test]
fn test_tick_interval_does_not_change_icount() {
    let dir = common::scratch_dir("tick");
    let path = write_script(&dir, "work.py", ICOUNT_SCRIPT);
    let base = sigpy(&["--icount", &path, "300"], &dir);
    assert_status(&base, 0, "default tick");
    let want = icount_of(&base);
    for tick in ["1", "7", "1024", "1000000"] {
        let out = sigpy(&["--icount", "--tick", tick, &path, "300"], &dir);
        assert_status(&out, 0, &format!("--tick {tick}"));
        assert_eq!(out.stdout, base.stdout, "--tick {tick} changed stdout");
        assert_eq!(icount_of(&out), want, "--tick {tick} changed the icount");
        let mut cmd = std::process::Command::new(common::sigpy_bin());
        cmd.args(["--icount", &path, "300"])
            .current_dir(&dir)
            .env("SIGPY_TICK", tick);
        let env = common::run(&mut cmd, None, TIMEOUT);
        assert_status(&env, 0, &format!("SIGPY_TICK={tick}"));
        assert_eq!(
            icount_of(&env),
            want,
            "SIGPY_TICK={tick} changed the icount"
        );
    }
    for bad in ["0", "-3", "many"] {
        let out = sigpy(&["--tick", bad, "-c", "print(1)"], &dir);
        assert_status(&out, 2, &format!("--tick {bad}"));
        assert!(out.stdout.is_empty(), "--tick {bad} ran the program");
        let mut cmd = std::process::Command::new(common::sigpy_bin());
        cmd.args(["-c", "print(1)"])
            .current_dir(&dir)
            .env("SIGPY_TICK", bad);
        let env = common::run(&mut cmd, None, TIMEOUT);
        assert_status(&env, 2, &format!("SIGPY_TICK={bad}"));
        assert!(env.stdout.is_empty(), "SIGPY_TICK={bad} ran the program");
    }
}

#[test]
fn test_unsupported_features_fail_loudly() {
    let dir = common::scratch_dir("unsupported");
    std::fs::create_dir_all(dir.join("pkg")).expect("mkdir pkg");
    write_script(&dir.join("pkg"), "__init__.py", "VALUE = 1\n");
    let package = format!(
        "NotImplementedError: sigpy does not support packages: '{}' is a folder",
        dir.join("pkg").display()
    );
    for (code, status, stdout, last) in [
        ("print('start')\nimport pkg", 1, "start\n", package.as_str()),
        (
            "print('never')\nasync def f():\n    pass",
            1,
            "",
            "SyntaxError: sigpy does not support 'async def'",
        ),
        (
            "print('never')\nmatch 1:\n    case 1:\n        pass",
            1,
            "",
            "SyntaxError: sigpy does not support the 'match' statement",
        ),
        (
            "print('start')\nclass R:\n    def __del__(self):\n        print('gone')",
            1,
            "start\n",
            "NotImplementedError: sigpy does not support __del__ (finalizers): class 'R'",
        ),
        (
            "class R:\n    pass\nprint('start')\nR.__del__ = lambda self: None",
            1,
            "start\n",
            "NotImplementedError: sigpy does not support __del__ (finalizers): class 'R'",
        ),
        (
            "class C:\n    pass\nc = C()\nc.x = 1\nprint(c.__dict__)\nc.__dict__ = {}",
            1,
            "{'x': 1}\n",
            "NotImplementedError: sigpy does not support assigning to an instance's __dict__",
        ),
        (
            "class S:\n    __slots__ = ('a',)\nclass T(S):\n    pass\nt = T()\nt.a = 1\nprint(t.a)\nvars(t)",
            1,
            "1\n",
            "NotImplementedError: sigpy does not support __dict__ of instances of a subclass of a class with __slots__",
        ),
    ] {
        let out = sigpy(&["-c", code], &dir);
        assert_status(&out, status, code);
        assert_eq!(out.stdout, stdout, "stdout of {code:?}");
        assert_eq!(out.stderr_last(), last, "last stderr line of {code:?}");
    }
}

// ----------------------------------------------------------------------
// User modules: the script's folder, then SIGPYPATH
// ----------------------------------------------------------------------

/// Runs `script` with sigpy (`SIGPYPATH=path`) and python3
/// (`PYTHONPATH=path`) in `cwd`.
fn run_both_with_path(script: &str, cwd: &Path, path: &str) -> (Output, Output) {
    let mut cmd = std::process::Command::new(common::sigpy_bin());
    cmd.arg(script).current_dir(cwd).env("SIGPYPATH", path);
    let out = common::run(&mut cmd, None, TIMEOUT);
    assert!(
        common::python311_available(),
        "python3 must be CPython 3.11"
    );
    let mut cmd = std::process::Command::new("python3");
    cmd.arg(script)
        .current_dir(cwd)
        .env("PYTHONPATH", path)
        .env("PYTHONDONTWRITEBYTECODE", "1");
    let py = common::run(&mut cmd, None, TIMEOUT);
    (out, py)
}

#[test]
fn test_sigpypath_folders_are_searched_in_order_after_the_script_folder() {
    let dir = common::scratch_dir("sigpypath");
    for sub in ["app", "one", "two"] {
        std::fs::create_dir_all(dir.join(sub)).expect("mkdir");
    }
    write_script(&dir.join("app"), "shadow.py", "WHERE = 'script folder'\n");
    write_script(&dir.join("one"), "shadow.py", "WHERE = 'one'\n");
    write_script(&dir.join("one"), "first.py", "WHERE = 'one'\n");
    write_script(&dir.join("two"), "first.py", "WHERE = 'two'\n");
    write_script(
        &dir.join("two"),
        "second.py",
        "import first\nWHERE = 'two, then ' + first.WHERE\n",
    );
    write_script(
        &dir.join("two"),
        "broken.py",
        "def fail(n):\n    return 10 // n\n\nfail(0)\n",
    );
    let script = write_script(
        &dir.join("app"),
        "main.py",
        "import sys\nimport shadow, first, second\n\
         print(shadow.WHERE, first.WHERE, second.WHERE)\n\
         print([p.rsplit('/', 1)[-1] for p in sys.path[:3]])\n\
         print(second.__file__.rsplit('/', 2)[-2:])\n\
         import broken\n",
    );
    // A relative entry and an empty one (the current folder) are allowed.
    let path = format!("one::{}", dir.join("two").display());
    let (out, py) = run_both_with_path(&script, &dir, &path);
    assert_eq!(py.code(), Some(1), "python3: {}", py.describe());
    assert_status(&out, 1, "SIGPYPATH script");
    assert_eq!(out.stdout, py.stdout);
    assert_eq!(
        out.stdout.lines().next(),
        Some("script folder one two, then one")
    );
    assert_eq!(
        out.stderr,
        common::strip_carets(&py.stderr),
        "traceback through module frames"
    );
}

#[test]
fn test_errors_inside_imported_modules_match_cpython() {
    let dir = common::scratch_dir("import-errors");
    write_script(&dir, "bad_syntax.py", "x = 1\ndef f(:\n    pass\n");
    write_script(&dir, "bad_indent.py", "if True:\nreturn_value = 1\n");
    write_script(
        &dir,
        "raising.py",
        "import helper2\n\ndef run():\n    helper2.deep(3)\n\nrun()\n",
    );
    write_script(
        &dir,
        "helper2.py",
        "def deep(n):\n    if n == 0:\n        return {}['missing']\n    return deep(n - 1)\n",
    );
    let mut failures = Vec::new();
    for module in ["bad_syntax", "bad_indent", "raising"] {
        let script = write_script(
            &dir,
            &format!("main_{module}.py"),
            &format!("print('start')\nimport {module}\n"),
        );
        let out = sigpy(&[&script], &dir);
        let py = python(&[&script], &dir);
        assert_no_panic(&out, module);
        let (got, want) = (
            common::strip_carets(&out.stderr),
            common::strip_carets(&py.stderr),
        );
        if out.status != py.status || out.stdout != py.stdout || got != want {
            failures.push(format!(
                "{module}: status {} (python3 {})\n{}\n  sigpy:\n{}\n  python3:\n{}",
                out.status,
                py.status,
                common::first_difference(&want, &got),
                common::indent(&got, "    | "),
                common::indent(&want, "    | ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn test_modules_are_not_found_without_sigpypath() {
    let dir = common::scratch_dir("sigpypath-none");
    std::fs::create_dir_all(dir.join("lib")).expect("mkdir");
    write_script(&dir.join("lib"), "libmod.py", "X = 1\n");
    let script = write_script(&dir, "main.py", "import libmod\n");
    let mut cmd = std::process::Command::new(common::sigpy_bin());
    cmd.arg(&script).current_dir(&dir).env_remove("SIGPYPATH");
    let out = common::run(&mut cmd, None, TIMEOUT);
    assert_status(&out, 1, "no SIGPYPATH");
    assert_eq!(
        out.stderr_last(),
        "ModuleNotFoundError: No module named 'libmod'"
    );
    let (out, py) = run_both_with_path(&script, &dir, "lib");
    assert_status(&out, 0, "SIGPYPATH=lib");
    assert_eq!(py.code(), Some(0), "python3: {}", py.describe());
}

#[test]
fn test_dis_lists_bytecode_without_running() {
    let dir = common::scratch_dir("dis");
    let path = write_script(
        &dir,
        "prog.py",
        "import sys\ndef compute_total(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n\
         print(compute_total([1, 2]))\nsys.exit(3)\n",
    );
    let out = sigpy(&["--dis", &path], &dir);
    assert_status(&out, 0, "--dis");
    assert!(
        out.stdout.contains("compute_total"),
        "listing does not name the function:\n{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("LoadConst"),
        "listing has no LoadConst:\n{}",
        out.stdout
    );
    assert!(
        out.stdout.lines().count() > 10,
        "listing too short:\n{}",
        out.stdout
    );
    let again = sigpy(&["--dis", &path], &dir);
    assert_eq!(out.stdout, again.stdout, "--dis is not deterministic");
}

// ----------------------------------------------------------------------
// Malformed input: never a panic, never a crash
// ----------------------------------------------------------------------

/// Deterministic xorshift64* generator (no crate needed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Case files used as seeds. None contains `while` or `sys`, so no
/// mutation can create an endless loop or an arbitrary exit status.
const SEED_CASES: &[&str] = &[
    "lit__strings.py",
    "lit__fstrings.py",
    "str__methods.py",
    "list__slicing.py",
    "dict__order.py",
    "class__dunder_ops.py",
    "exc__try_except.py",
    "func__varargs.py",
    "comp__list.py",
    "class__context_manager.py",
];

/// Bytes that break syntax in interesting ways, including invalid UTF-8.
const MUTATION_BYTES: &[u8] = b"()[]{}:;,.=\"'\\#\n\t @*+-<>!\x00\xff\xc3";

fn truncations(src: &[u8], count: usize, out: &mut Vec<Vec<u8>>) {
    for k in 1..=count {
        out.push(src[..src.len() * k / (count + 1)].to_vec());
    }
}

fn line_edits(src: &[u8], rng: &mut Rng, count: usize, out: &mut Vec<Vec<u8>>) {
    let lines: Vec<&[u8]> = src.split_inclusive(|&b| b == b'\n').collect();
    for n in 0..count {
        let i = rng.below(lines.len());
        let mut v: Vec<u8> = Vec::with_capacity(src.len() + 80);
        for (j, line) in lines.iter().enumerate() {
            match (j == i, n % 3) {
                (true, 0) => {}
                (true, 1) => {
                    v.extend_from_slice(line);
                    v.extend_from_slice(line);
                }
                (true, _) => {
                    v.extend_from_slice(b"  ");
                    v.extend_from_slice(line);
                }
                (false, _) => v.extend_from_slice(line),
            }
        }
        out.push(v);
    }
}

fn byte_mutations(src: &[u8], rng: &mut Rng, count: usize, out: &mut Vec<Vec<u8>>) {
    for n in 0..count {
        let mut v = src.to_vec();
        for _ in 0..(1 + n % 3) {
            let i = rng.below(v.len());
            let b = MUTATION_BYTES[rng.below(MUTATION_BYTES.len())];
            match rng.below(3) {
                0 => v[i] = b,
                1 => v.insert(i, b),
                _ => {
                    v.remove(i);
                }
            }
        }
        out.push(v);
    }
}

/// Programs that stress the front end's recursion and limits.
fn hostile_programs() -> Vec<Vec<u8>> {
    let mut v: Vec<String> = vec![
        "(".repeat(100_000),
        "[".repeat(50_000) + &"]".repeat(50_000),
        "(".repeat(5_000) + "1" + &")".repeat(5_000),
        "-".repeat(100_000) + "1",
        "not ".repeat(20_000) + "True",
        "x = 1".to_string() + &" + 1".repeat(100_000) + "\nprint(x)\n",
        "print(".to_string() + &"1, ".repeat(100_000) + ")\n",
        "x = ".to_string() + &"[".repeat(3_000) + &"]".repeat(3_000) + "\n",
        "f".to_string() + &"()".repeat(20_000),
        "x".to_string() + &".a".repeat(50_000),
        "x = ".to_string() + &"lambda: ".repeat(10_000) + "0\n",
        "x = ".to_string() + &"1 if 1 else ".repeat(10_000) + "0\n",
        "x = '".to_string() + &"a".repeat(1_000_000) + "'\nprint(len(x))\n",
        "x = 1\n".repeat(50_000) + "print(x)\n",
        "\"\"\"".to_string() + &"\n".repeat(10_000),
        "\\\n".repeat(10_000),
        "\t\t\t  \t".to_string(),
        "\u{feff}print('bom')\n".to_string(),
        String::new(),
        "\n\n\n".to_string(),
        "# only a comment".to_string(),
        "print('no newline at end')".to_string(),
        "x = 0x\ny = 1e\nz = 0b2\n".to_string(),
        "x = 1__0\n".to_string(),
        "x = 09\n".to_string(),
        "f'{'\n".to_string(),
        "f'{x!z}'\n".to_string(),
        "f'{{}'\n".to_string(),
        "'\\N{nonexistent}'\n".to_string(),
        "b'\u{e9}'\n".to_string(),
        "def f(*, **k): pass\n".to_string(),
        "def f(**k, a): pass\n".to_string(),
        "a, *b, *c = 1, 2, 3\n".to_string(),
        "del 1\n".to_string(),
        "nonlocal x\n".to_string(),
        "def f():\n    global x\n    x = 1\n    nonlocal y\n".to_string(),
        "def f():\n    x = 1\n    global x\n".to_string(),
        "continue\n".to_string(),
        "yield 1\n".to_string(),
        "await x\n".to_string(),
        "class A(:\n    pass\n".to_string(),
        "lambda: (yield)\n".to_string(),
        "x = [i for i in range(3) for]\n".to_string(),
        "x = {**a for a in b}\n".to_string(),
        "print(1 if 2)\n".to_string(),
        "try:\n    pass\n".to_string(),
        "try:\n    pass\nelse:\n    pass\n".to_string(),
        "with:\n    pass\n".to_string(),
        "if True:\npass\n".to_string(),
        "if True:\n        x = 1\n    y = 2\n".to_string(),
    ];
    // Deeply nested blocks.
    let mut nested = String::new();
    for depth in 0..150 {
        nested.push_str(&" ".repeat(depth));
        nested.push_str("if True:\n");
    }
    nested.push_str(&" ".repeat(150));
    nested.push_str("print('deep')\n");
    v.push(nested);
    let mut defs = String::new();
    for depth in 0..100 {
        defs.push_str(&"    ".repeat(depth));
        defs.push_str(&format!("def f{depth}():\n"));
    }
    defs.push_str(&"    ".repeat(100));
    defs.push_str("return 1\n");
    v.push(defs);
    let mut bytes: Vec<Vec<u8>> = v.into_iter().map(String::into_bytes).collect();
    bytes.push(b"print('a')\n\xff\xfe\n".to_vec());
    bytes.push(b"x = '\xc3'\n".to_vec());
    bytes.push(b"x = 1\x00\n".to_vec());
    bytes.push(b"\r\r\rprint(1)\r".to_vec());
    bytes
}

#[test]
fn test_malformed_programs_never_crash() {
    let mut rng = Rng(0x5157_5059_2026_0002);
    let mut variants: Vec<Vec<u8>> = Vec::new();
    for name in SEED_CASES {
        let path = common::cases_dir().join(name);
        let src = std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let text = String::from_utf8_lossy(&src);
        assert!(
            !text.contains("while") && !text.contains("sys"),
            "{name} is not a safe fuzz seed (contains `while` or `sys`)"
        );
        truncations(&src, 40, &mut variants);
        line_edits(&src, &mut rng, 12, &mut variants);
        byte_mutations(&src, &mut rng, 16, &mut variants);
    }
    variants.extend(hostile_programs());

    let dir = common::scratch_dir("fuzz");
    let files: Vec<PathBuf> = variants
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let p = dir.join(format!("v{i:04}.py"));
            std::fs::write(&p, v).expect("write variant");
            p
        })
        .collect();
    let results = common::parallel_map(&files, common::worker_count(), |p| {
        let name = p.file_name().expect("name").to_str().expect("utf-8");
        common::run_sigpy(&[name], &dir, None, Duration::from_secs(10))
    });
    let mut failures = Vec::new();
    for (path, out) in files.iter().zip(&results) {
        let ok = matches!(out.status, Status::Code(0) | Status::Code(1)) && !out.panicked();
        if !ok {
            failures.push(format!(
                "{} (kept for inspection):\n{}",
                path.display(),
                common::indent(&out.describe(), "    ")
            ));
        }
    }
    let mut slowest: Vec<(Duration, &PathBuf)> =
        results.iter().map(|o| o.elapsed).zip(&files).collect();
    slowest.sort();
    eprintln!(
        "{} malformed variants run; slowest: {:?}",
        files.len(),
        &slowest[slowest.len().saturating_sub(5)..]
    );
    if failures.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(
        failures.is_empty(),
        "{} of {} malformed programs crashed, hung or exited with a status other than 0/1:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

// ----------------------------------------------------------------------
// Compile-time SyntaxWarnings
// ----------------------------------------------------------------------

/// Legal code CPython's compiler warns about, every kind of warning it
/// has: `is` with a literal, calling or subscripting a literal, indexing a
/// sequence literal by a non-int, `assert` on a tuple; the `while` test is
/// compiled (and warned about) twice, as in CPython.
const WARNING_SCRIPT: &str = r#"x = 1
print(x is 1, x is not "a", 1 < x is (1, 2), x is None, x is ..., x is -1)
if x is 0.5:
    pass
while x is b"":
    break
def f():
    return [1, 2]["a"] if not x else 0
class C:
    y = (1)() if 0 else 2
    z = {1}[0] if 0 else (lambda: 0)[0] if 0 else 3
def g():
    assert (x, "always true")
    return "abc"[1.5] if 0 else f"{x}"() if 0 else (
        None)[0] if 0 else [x for x in ()]("no") if 0 else 4
print(f(), C.y, C.z, g(), x is f"", x is (x,), x is [], x is ~1)
"#;

#[test]
fn test_syntax_warnings_match_cpython() {
    let dir = common::scratch_dir("syntax-warnings");
    let path = write_script(&dir, "warn_main.py", WARNING_SCRIPT);
    write_script(
        &dir,
        "warn_mod.py",
        "def h(v):\n    return (v is\n        'b')\n",
    );
    let main = write_script(
        &dir,
        "warn_import.py",
        "import warn_mod\nprint(warn_mod.h('a'))\n",
    );
    for args in [vec![path.as_str()], vec![main.as_str()]] {
        let out = sigpy(&args, &dir);
        let mut py_args = vec!["-B"];
        py_args.extend(&args);
        let py = python(&py_args, &dir);
        assert_status(&py, 0, "python3");
        assert!(py.stderr.contains("SyntaxWarning"), "{}", py.describe());
        assert_status(&out, 0, "sigpy");
        assert_eq!(out.stdout, py.stdout, "stdout of {args:?}");
        assert_eq!(out.stderr, py.stderr, "stderr of {args:?}");
    }
    // `-c` and stdin programs have no source lines to show.
    let code = "x = 2\nassert (x,)\nprint(x is 2)";
    let out = sigpy(&["-c", code], &dir);
    let py = python(&["-c", code], &dir);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str()),
        (py.stdout.as_str(), py.stderr.as_str())
    );
    let out = common::run_sigpy(&["-"], &dir, Some(code.as_bytes()), TIMEOUT);
    let py = common::run_python(&["-"], &dir, Some(code.as_bytes()), TIMEOUT);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str()),
        (py.stdout.as_str(), py.stderr.as_str())
    );
}

#[test]
fn test_no_syntax_warning_for_correct_code() {
    let dir = common::scratch_dir("no-syntax-warnings");
    let source = "x = None\nprint(x is None, x is not True, [1][0], (1, 2)[x or 0], 'ab'[1:], {'a': 1}['a'])\nassert ()\n";
    let out = sigpy(&[&write_script(&dir, "clean.py", source)], &dir);
    assert_status(&out, 1, "assert () fails");
    assert_eq!(out.stdout, "True True 1 1 b 1\n");
    assert!(!out.stderr.contains("Warning"), "{}", out.describe());
}
