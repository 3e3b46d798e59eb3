//! The signal log of `--record-signals` and `--replay-signals`: JSON lines,
//! version 1 (README "Deterministic signals").
//!
//! ```text
//! {"sigpy_signal_log": 1, "script": "job.py", "sha256": "<hex>", "argv": ["job.py"]}
//! {"icount": 1534, "site": "tick", "signo": 10, "signame": "SIGUSR1", "code": 0,
//!  "pid": 4242, "uid": 1000, "status": 0, "band": 0, "file": "/abs/job.py",
//!  "line": 7, "func": "<module>"}
//! ```
//!
//! One line per signal as it enters the runtime's queue (read from the
//! signalfd or injected), written and flushed at once. `icount` is the
//! position of the safe point (see `inject`): at a tick the count of
//! instructions that have run, inside a call the count of the call itself.
//! `site` is `tick` or `wait:<call>` (`wait` when the call has no simple
//! name). Replay plans each line at its position, a `tick` line for a tick
//! only, with its recorded siginfo.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};

use sha2::{Digest, Sha256};

use super::inject::{signal_name, Planned, Site};
use crate::bytecode::Opcode;
use crate::linux::sig::{SigInfo, NSIG};
use crate::vm::Vm;

/// The version this sigpy writes and reads.
pub const VERSION: u64 = 1;

/// The hex SHA-256 of a script's source bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{:02x}", b))
        .collect()
}

fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Where a signal entered the queue, for its log line.
#[derive(Debug, Clone)]
pub struct Where {
    pub pos: u64,
    pub site: String,
    pub file: String,
    pub line: u32,
    pub func: String,
}

impl Where {
    /// The safe point the VM is at.
    pub fn here(vm: &Vm, site: Site) -> Where {
        let pos = site.position(vm.icount());
        let site = match site {
            Site::Tick => "tick".to_string(),
            Site::Call => match callee_name(vm) {
                Some(name) => format!("wait:{}", name),
                None => "wait".to_string(),
            },
        };
        let (file, line, func) = match vm.frames.last() {
            Some(fr) => {
                let co = &fr.code().co;
                (
                    co.filename.to_string(),
                    fr.current_line(),
                    co.name.to_string(),
                )
            }
            None => (String::new(), 0, String::new()),
        };
        Where {
            pos,
            site,
            file,
            line,
            func,
        }
    }
}

/// An open log being written.
#[derive(Debug)]
pub struct Log {
    file: File,
}

impl Log {
    /// Creates (truncates) the log and writes its header line.
    pub fn create(path: &str, script: &str, source: &[u8], argv: &[String]) -> io::Result<Log> {
        let mut file = File::create(path)?;
        let argv: Vec<String> = argv.iter().map(|a| js(a)).collect();
        let line = format!(
            "{{\"sigpy_signal_log\": {}, \"script\": {}, \"sha256\": \"{}\", \"argv\": [{}]}}\n",
            VERSION,
            js(script),
            sha256_hex(source),
            argv.join(", ")
        );
        file.write_all(line.as_bytes())?;
        Ok(Log { file })
    }

    /// Writes one signal's line (a single `write`, so a process killed
    /// later leaves whole lines). Errors are ignored: a full disk must not
    /// change what the program does.
    pub fn write(&mut self, at: &Where, info: &SigInfo) {
        let line = format!(
            "{{\"icount\": {}, \"site\": {}, \"signo\": {}, \"signame\": {}, \"code\": {}, \
             \"pid\": {}, \"uid\": {}, \"status\": {}, \"band\": {}, \"file\": {}, \
             \"line\": {}, \"func\": {}}}\n",
            at.pos,
            js(&at.site),
            info.signo,
            js(&signal_name(info.signo)),
            info.code,
            info.pid,
            info.uid,
            info.status,
            info.band,
            js(&at.file),
            at.line,
            js(&at.func),
        );
        let _ = self.file.write_all(line.as_bytes());
    }
}

/// Reads a log for replay: its planned signals, or a one-line error naming
/// the file and line. `sha256` is the script's; a log recorded for other
/// source is refused.
pub fn read(path: &str, sha256: &str) -> Result<Vec<Planned>, String> {
    let file = File::open(path).map_err(|e| {
        format!(
            "--replay-signals: cannot open {}: {}",
            path,
            crate::runtime::exc::strerror_text(&e)
        )
    })?;
    let mut plan = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let at = |msg: &str| format!("--replay-signals: {} line {}: {}", path, i + 1, msg);
        let line = line.map_err(|e| at(&crate::runtime::exc::strerror_text(&e)))?;
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| at(&format!("not a JSON object ({})", e)))?;
        let obj = v.as_object().ok_or_else(|| at("not a JSON object"))?;
        if i == 0 {
            match obj.get("sigpy_signal_log").and_then(|v| v.as_u64()) {
                None => return Err(at("not a sigpy signal log (no sigpy_signal_log header)")),
                Some(VERSION) => {}
                Some(n) => {
                    return Err(at(&format!(
                        "log version {} (this sigpy reads version {})",
                        n, VERSION
                    )))
                }
            }
            let logged = obj.get("sha256").and_then(|v| v.as_str()).unwrap_or("");
            if logged != sha256 {
                let script = obj.get("script").and_then(|v| v.as_str()).unwrap_or("?");
                return Err(at(&format!(
                    "recorded for another script ({}, sha256 {}), not this one (sha256 {})",
                    script, logged, sha256
                )));
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let int = |k: &str| -> Result<i64, String> {
            match obj.get(k) {
                None => Ok(0),
                Some(v) => v
                    .as_i64()
                    .ok_or_else(|| at(&format!("'{}' is not an integer", k))),
            }
        };
        let pos = obj
            .get("icount")
            .and_then(|v| v.as_u64())
            .ok_or_else(|| at("no 'icount' (a non-negative integer)"))?;
        let site = obj
            .get("site")
            .and_then(|v| v.as_str())
            .ok_or_else(|| at("no 'site'"))?;
        if site != "tick" && site != "wait" && !site.starts_with("wait:") {
            return Err(at(&format!("unknown site '{}'", site)));
        }
        let signo = obj
            .get("signo")
            .and_then(|v| v.as_i64())
            .filter(|n| (1..NSIG as i64).contains(n))
            .ok_or_else(|| at("no valid 'signo'"))? as i32;
        let info = SigInfo {
            signo,
            code: int("code")? as i32,
            errno: int("errno")? as i32,
            pid: int("pid")? as i32,
            uid: int("uid")? as u32,
            status: int("status")? as i32,
            band: int("band")?,
        };
        plan.push(Planned {
            pos,
            tick_only: site == "tick",
            info,
        });
    }
    if plan.is_empty() && std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) == 0 {
        return Err(format!(
            "--replay-signals: {} line 1: empty file, not a sigpy signal log",
            path
        ));
    }
    Ok(plan)
}

/// The name of the callable the current instruction calls (`time.sleep`,
/// `f.read`, `print`), read from the bytecode: the instruction that pushed
/// the callee, found by walking back over the arguments' instructions.
/// None where that is not straight-line code.
fn callee_name(vm: &Vm) -> Option<String> {
    let fr = vm.frames.last()?;
    let co = &fr.code().co;
    let call = *co.instrs.get(fr.pc.checked_sub(1)?)?;
    // Depth of the callee's slot below the top of the stack at the call.
    let mut depth = match call.op {
        Opcode::CallFunction => call.arg as i64,
        Opcode::CallMethod => call.arg as i64 + 1,
        Opcode::CallFunctionKw => call.arg as i64 + 1,
        Opcode::CallMethodKw => call.arg as i64 + 2,
        Opcode::CallFunctionEx => 1 + (call.arg & 1) as i64,
        _ => return None,
    };
    let mut i = fr.pc - 1;
    while i > 0 {
        i -= 1;
        let ins = co.instrs[i];
        let effect = crate::bytecode::builder::stack_effect(ins.op, ins.arg, false) as i64;
        let pushes: i64 = match ins.op {
            Opcode::Nop | Opcode::ProtectBegin | Opcode::ProtectEnd => 0,
            Opcode::LoadMethod | Opcode::DupTopTwo => 2,
            // Control flow or stack shuffles: give up.
            Opcode::Jump
            | Opcode::PopJumpIfFalse
            | Opcode::PopJumpIfTrue
            | Opcode::JumpIfFalseOrPop
            | Opcode::JumpIfTrueOrPop
            | Opcode::ForIter
            | Opcode::RotTwo
            | Opcode::RotThree
            | Opcode::RotFour
            | Opcode::UnpackSequence
            | Opcode::UnpackEx => return None,
            _ if effect < 0 && is_consumer(ins.op) => 0,
            _ => 1,
        };
        if depth < pushes {
            return name_of_load(co, i, ins);
        }
        depth -= effect;
        if depth < 0 {
            return None;
        }
    }
    None
}

/// Instructions that pop and push nothing.
fn is_consumer(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::PopTop
            | Opcode::StoreFast
            | Opcode::StoreDeref
            | Opcode::StoreGlobal
            | Opcode::StoreName
            | Opcode::StoreAttr
            | Opcode::StoreSubscr
            | Opcode::DeleteAttr
            | Opcode::DeleteSubscr
            | Opcode::ListAppend
            | Opcode::SetAdd
            | Opcode::MapAdd
            | Opcode::ListExtend
            | Opcode::SetUpdate
            | Opcode::DictUpdate
            | Opcode::DictMerge
            | Opcode::PopExcept
    )
}

/// `name`, `obj.name` or `a.b.name` for the instruction at `i` that
/// loaded a callee.
fn name_of_load(
    co: &crate::bytecode::CodeObject,
    i: usize,
    ins: crate::bytecode::Instr,
) -> Option<String> {
    let arg = ins.arg as usize;
    let simple = |ins: crate::bytecode::Instr| -> Option<String> {
        let arg = ins.arg as usize;
        match ins.op {
            Opcode::LoadGlobal | Opcode::LoadName => co.names.get(arg).map(|s| s.to_string()),
            Opcode::LoadFast => co.varnames.get(arg).map(|s| s.to_string()),
            Opcode::LoadDeref | Opcode::LoadClassDeref => {
                let cells = co.cellvars.len();
                if arg < cells {
                    co.cellvars.get(arg).map(|s| s.to_string())
                } else {
                    co.freevars.get(arg - cells).map(|s| s.to_string())
                }
            }
            _ => None,
        }
    };
    match ins.op {
        Opcode::LoadMethod | Opcode::LoadAttr => {
            let attr = co.names.get(arg)?.to_string();
            // Up to two attribute loads before: `sys.stdout.write`.
            let mut parts = vec![attr];
            let mut j = i;
            while j > 0 && parts.len() < 3 {
                j -= 1;
                let prev = co.instrs[j];
                if prev.op == Opcode::LoadAttr {
                    parts.push(co.names.get(prev.arg as usize)?.to_string());
                    continue;
                }
                if let Some(base) = simple(prev) {
                    parts.push(base);
                }
                break;
            }
            parts.reverse();
            Some(parts.join("."))
        }
        _ => simple(ins),
    }
}
