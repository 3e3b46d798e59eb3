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

/// One interpreter instance: a VM plus the source cache for tracebacks.
pub struct Interpreter {
    pub vm: Vm,
    pub sources: SourceCache,
}

impl Interpreter {
    pub fn new(argv: Vec<String>) -> Interpreter {
        Interpreter {
            vm: Vm::new(argv),
            sources: SourceCache::default(),
        }
    }

    /// Compiles and runs `text` as the `__main__` module, printing any
    /// uncaught exception or syntax error to stderr; returns the exit status.
    pub fn run_main(&mut self, name: &str, text: &str) -> i32 {
        self.sources.add(name, text);
        let file = SourceFile::new(name, text);
        let code = match compile_source(&file) {
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
        match crate::modules::import::run_module_code(vm, code, &globals) {
            Ok(()) => 0,
            Err(e) => self.report(e),
        }
    }

    /// Handles an uncaught exception: SystemExit's status, or a traceback.
    fn report(&mut self, e: PyErr) -> i32 {
        let vm = &mut self.vm;
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

    /// The exit sequence: flush stdout (status 120 if that fails).
    pub fn finish(&mut self, status: i32) -> i32 {
        if self.vm.flush_stdout().is_err() {
            return if status == 0 { 120 } else { status };
        }
        status
    }
}
