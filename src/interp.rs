//! The interpreter facade: source text to tokens to AST to code object to
//! a run of the VM, and the exit sequence (traceback, flush, status).

use std::rc::Rc;

use crate::bytecode::CodeObject;
use crate::runtime::exc::{ExcKind, PyErr};
use crate::runtime::value::{Module, Value};
use crate::syntax::{SourceFile, SyntaxError};
use crate::vm::traceback::SourceCache;
use crate::vm::Vm;

/// How a program run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Exit status for `exit()`.
    Exit(i32),
}

/// Parses and compiles a source file.
pub fn compile_source(file: &SourceFile) -> Result<Rc<CodeObject>, SyntaxError> {
    let module = crate::syntax::parser::parse_module(file)?;
    crate::compile::compile_module(&module, file)
}

/// Parses and compiles a source file, printing to stderr the
/// `SyntaxWarning`s CPython prints when it compiles the same text.
pub fn compile_source_warn(file: &SourceFile) -> Result<Rc<CodeObject>, SyntaxError> {
    let module = crate::syntax::parser::parse_module(file)?;
    let (code, warnings) = crate::compile::compile_module_warnings(&module, file)?;
    if !warnings.is_empty() {
        let mut text = String::new();
        for w in &warnings {
            text.push_str(&render_warning(file, w));
        }
        eprint!("{text}");
    }
    Ok(code)
}

/// A warning as CPython's `warnings.showwarning` prints it: the location,
/// then the stripped source line when the file is a real one.
fn render_warning(file: &SourceFile, w: &crate::compile::SyntaxWarning) -> String {
    let mut out = format!("{}:{}: SyntaxWarning: {}\n", file.name, w.line, w.message);
    if !file.name.starts_with('<') {
        match file.line_text(w.line).map(str::trim) {
            Some(line) if !line.is_empty() => out.push_str(&format!("  {line}\n")),
            _ => {}
        }
    }
    out
}

/// One interpreter instance: a VM plus the source cache for tracebacks.
pub struct Interpreter {
    pub vm: Vm,
    pub sources: SourceCache,
    /// Set when an uncaught `KeyboardInterrupt` or `SignalExit` ends the
    /// program: the exit sequence ends in death by this signal.
    pub exit_signal: Option<i32>,
}

impl Interpreter {
    pub fn new(argv: Vec<String>) -> Interpreter {
        Interpreter {
            vm: Vm::new(argv),
            sources: SourceCache::default(),
            exit_signal: None,
        }
    }

    /// Compiles and runs `text` as the `__main__` module, printing any
    /// uncaught exception or syntax error to stderr; returns the exit status.
    pub fn run_main(&mut self, name: &str, text: &str) -> i32 {
        self.sources.add(name, text);
        let file = SourceFile::new(name, text);
        let code = match compile_source_warn(&file) {
            Ok(c) => c,
            Err(e) => {
                let _ = self.vm.flush_stdout();
                eprint!("{}", e.render(&file));
                return 1;
            }
        };
        let status = self.run_code(&code);
        self.finish(status)
    }

    /// Runs a compiled module body as `__main__`; returns the status before
    /// the exit sequence.
    pub fn run_code(&mut self, code: &Rc<CodeObject>) -> i32 {
        let vm = &mut self.vm;
        // `__file__` is the script's path; `-c` code has none.
        let file = Some(code.filename.as_ref()).filter(|f| *f != "<string>");
        let globals = crate::modules::import::module_globals(vm, "__main__", file);
        let main_name = vm.names.main.clone();
        let module = Value::Module(Rc::new(Module {
            name: main_name.clone(),
            dict: globals.clone(),
        }));
        vm.modules.d.borrow_mut().set_str(main_name, module);
        // The end of the program is its last safe point: a signal that
        // arrived after the last tick is dispatched here (its handler
        // runs, or its default action ends the program), not lost.
        let r = crate::modules::import::run_module_code(vm, code, &globals)
            .and_then(|()| crate::signals::poll_now(vm));
        match r {
            Ok(()) => 0,
            Err(e) => self.report(e),
        }
    }

    /// Handles an uncaught exception: SystemExit's status, or a traceback.
    fn report(&mut self, e: PyErr) -> i32 {
        let vm = &mut self.vm;
        if vm.err_matches(&e, ExcKind::SignalExit) {
            // Nothing is printed: the process dies by the signal.
            let inst = vm.materialize(e);
            let signum = signal_exit_number(vm, &inst);
            self.exit_signal = Some(signum);
            return 128 + signum;
        }
        if vm.err_matches(&e, ExcKind::KeyboardInterrupt) {
            self.exit_signal = Some(libc::SIGINT);
        }
        if vm.err_matches(&e, ExcKind::SystemExit) {
            let inst = vm.materialize(e);
            let code = {
                let code_name = vm.intern("code");
                vm.get_attr(&Value::Instance(inst), &code_name)
                    .unwrap_or(Value::None)
            };
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::Bool(b) => b as i32,
                other => {
                    let s = vm.to_str(&other).unwrap_or_default();
                    let _ = vm.flush_stdout();
                    eprintln!("{}", s);
                    1
                }
            };
        }
        let inst = vm.materialize(e);
        let text = vm.format_exception(&inst, &mut self.sources);
        let _ = vm.flush_stdout();
        eprint!("{}", text);
        1
    }

    /// The exit sequence (SIGNALS.md section 5), after the traceback:
    /// atexit callbacks (LIFO), `sys.exitfunc`, flushing stdout (status 120
    /// if that fails), then death by signal for an uncaught
    /// `KeyboardInterrupt`/`SignalExit` (or `128 + N` where the kernel will
    /// not kill, as for PID 1). Generators left suspended in a `try` are
    /// closed after the atexit callbacks, as CPython's shutdown does.
    pub fn finish(&mut self, status: i32) -> i32 {
        let vm = &mut self.vm;
        if crate::signals::installed() {
            // From here on a terminating signal with its default action
            // kills at once (escalation).
            crate::signals::with_rt(|rt| rt.exiting = true);
        }
        crate::modules::atexit::run_exitfuncs(vm);
        run_sys_exitfunc(vm);
        vm.free_graveyard_now();
        vm.finalize_generators();
        vm.free_graveyard_now();
        crate::builtins::stream::flush_all(vm);
        let mut status = status;
        if let Err(e) = vm.flush_stdout() {
            // As CPython: reported (status 120) unless the program already
            // failed (`sigpy script.py | head -1` shows the traceback only).
            if status == 0 {
                let inst = vm.materialize(e);
                let line = vm.exception_line(&inst);
                eprintln!(
                    "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n{}",
                    line
                );
                status = 120;
            }
        }
        if crate::signals::installed() {
            // A terminating signal that arrived during the exit sequence
            // and is still unread ends the process by that signal now, as
            // the kernel would have (escalation), instead of vanishing
            // with the process; one with a Python handler is dropped.
            crate::signals::dispatch::read_signals(vm);
        }
        match self.exit_signal {
            Some(n) => crate::signals::exit_by_signal(n),
            None => status,
        }
    }
}

/// The signal number of a `SignalExit` (its `signum`).
fn signal_exit_number(vm: &mut Vm, inst: &Rc<crate::runtime::value::Instance>) -> i32 {
    let key = vm.intern("signum");
    match vm.get_attr(&Value::Instance(inst.clone()), &key).ok() {
        Some(Value::Int(n)) if (1..65).contains(&n) => n as i32,
        _ => libc::SIGTERM,
    }
}

/// Runs `sys.exitfunc` if the program assigned a callable to it (the hook
/// of the 1992 design), inside a protected region.
fn run_sys_exitfunc(vm: &mut Vm) {
    let sys_key = vm.intern("sys");
    let sys = vm.modules.d.borrow().get_str(&sys_key).cloned();
    let Some(Value::Module(sys)) = sys else {
        return;
    };
    let key = vm.intern("exitfunc");
    let f = sys.dict.d.borrow().get_str(&key).cloned();
    let Some(f) = f else {
        return;
    };
    if matches!(f, Value::None) {
        return;
    }
    vm.protect += 1;
    let r = vm.call_value(&f, &[], &[]);
    vm.protect -= 1;
    if let Err(e) = r {
        crate::modules::atexit::report_unraisable(vm, e, "Exception ignored in sys.exitfunc", &f);
    }
}
