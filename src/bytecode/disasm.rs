//! The disassembler behind `sigpy --dis` and the `dis` golden tests: a
//! stable listing in the spirit of CPython's `dis` (line, jump-target
//! marker, index, mnemonic, operand and a resolved hint), then the
//! exception table, then every nested code object in constant order.

use std::fmt::Write;

use super::code::{CodeObject, Constant, CO_CLASS_BODY, CO_GENERATOR, CO_MODULE};
use super::code::{CO_NESTED, CO_VARARGS, CO_VARKEYWORDS};
use super::opcode::{cmp_op_text, Instr, Opcode, FV_CONV_MASK, FV_HAS_SPEC};

/// Disassembles `code` and, recursively, the code objects among its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    write_header(code, out);
    write_instrs(code, out);
    if !code.exc_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exc_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [depth {}] [protect {}]",
                e.start, e.end, e.target, e.depth, e.protect
            );
        }
    }
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

fn write_header(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of {} ({}, line {}):",
        code.qualname, code.filename, code.first_line
    );
    let _ = writeln!(
        out,
        "  flags: {}; args: {} (posonly {}, kwonly {}); stack: {}",
        flag_names(code.flags),
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.max_stack
    );
    let list = |v: &[std::rc::Rc<str>]| v.join(", ");
    if !code.varnames.is_empty() {
        let _ = writeln!(out, "  varnames: {}", list(&code.varnames));
    }
    if !code.cellvars.is_empty() {
        let cells: Vec<String> = code
            .cellvars
            .iter()
            .zip(code.cell2arg.iter().chain(std::iter::repeat(&None)))
            .map(|(name, arg)| match arg {
                Some(slot) => format!("{name} (arg {slot})"),
                None => name.to_string(),
            })
            .collect();
        let _ = writeln!(out, "  cellvars: {}", cells.join(", "));
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: {}", list(&code.freevars));
    }
}

fn write_instrs(code: &CodeObject, out: &mut String) {
    let mut targets = vec![false; code.instrs.len() + 1];
    for ins in &code.instrs {
        if ins.op.is_jump() {
            if let Some(t) = targets.get_mut(ins.arg as usize) {
                *t = true;
            }
        }
    }
    for e in &code.exc_table {
        if let Some(t) = targets.get_mut(e.target as usize) {
            *t = true;
        }
    }
    let mut last_line = None;
    for (i, ins) in code.instrs.iter().enumerate() {
        let line = code.line_at(i);
        let line_col = if last_line == Some(line) {
            String::new()
        } else {
            last_line = Some(line);
            line.to_string()
        };
        let marker = if targets[i] { ">>" } else { "  " };
        let mut text = format!("{line_col:>4} {marker} {i:>5} {:<20}", ins.op.name());
        if has_arg(ins.op) {
            let _ = write!(text, " {:>5}", ins.arg);
            if let Some(hint) = hint(code, *ins) {
                let _ = write!(text, " ({hint})");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
}

fn flag_names(flags: u32) -> String {
    let table = [
        (CO_VARARGS, "VARARGS"),
        (CO_VARKEYWORDS, "VARKEYWORDS"),
        (CO_NESTED, "NESTED"),
        (CO_GENERATOR, "GENERATOR"),
        (CO_MODULE, "MODULE"),
        (CO_CLASS_BODY, "CLASS_BODY"),
    ];
    let names: Vec<&str> = table
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    if names.is_empty() {
        "0".to_string()
    } else {
        names.join("|")
    }
}

/// Whether the operand of `op` means anything (it is shown only then).
fn has_arg(op: Opcode) -> bool {
    use Opcode::*;
    !matches!(
        op,
        Nop | PopTop
            | DupTop
            | DupTopTwo
            | RotTwo
            | RotThree
            | RotFour
            | BinarySubscr
            | StoreSubscr
            | DeleteSubscr
            | UnaryPositive
            | UnaryNegative
            | UnaryNot
            | UnaryInvert
            | BinaryAdd
            | BinarySubtract
            | BinaryMultiply
            | BinaryTrueDivide
            | BinaryFloorDivide
            | BinaryModulo
            | BinaryPower
            | BinaryLshift
            | BinaryRshift
            | BinaryAnd
            | BinaryOr
            | BinaryXor
            | BinaryMatrixMultiply
            | InplaceAdd
            | InplaceSubtract
            | InplaceMultiply
            | InplaceTrueDivide
            | InplaceFloorDivide
            | InplaceModulo
            | InplacePower
            | InplaceLshift
            | InplaceRshift
            | InplaceAnd
            | InplaceOr
            | InplaceXor
            | InplaceMatrixMultiply
            | GetIter
            | ListToTuple
            | ReturnValue
            | Reraise
            | PushExcInfo
            | PopExcept
            | CheckExcMatch
            | LoadAssertionError
            | BeforeWith
            | WithExceptStart
            | ProtectBegin
            | ProtectEnd
            | YieldValue
            | GetYieldFromIter
            | YieldFrom
            | ImportStar
    )
}

fn hint(code: &CodeObject, ins: Instr) -> Option<String> {
    use Opcode::*;
    let arg = ins.arg as usize;
    let name = |v: &[std::rc::Rc<str>]| v.get(arg).map(|s| s.to_string());
    match ins.op {
        LoadConst => code.consts.get(arg).map(const_repr),
        LoadFast | StoreFast | DeleteFast => name(&code.varnames),
        LoadDeref | StoreDeref | DeleteDeref | LoadClosure | LoadClassDeref => {
            let cells = code.cellvars.len();
            if arg < cells {
                name(&code.cellvars)
            } else {
                code.freevars.get(arg - cells).map(|s| s.to_string())
            }
        }
        LoadGlobal | StoreGlobal | DeleteGlobal | LoadName | StoreName | DeleteName | LoadAttr
        | StoreAttr | DeleteAttr | LoadMethod | ImportName | ImportFrom => name(&code.names),
        CompareOp => Some(cmp_op_text(ins.arg).to_string()),
        IsOp => Some(if ins.arg == 0 { "is" } else { "is not" }.to_string()),
        ContainsOp => Some(if ins.arg == 0 { "in" } else { "not in" }.to_string()),
        Jump | PopJumpIfFalse | PopJumpIfTrue | JumpIfFalseOrPop | JumpIfTrueOrPop | ForIter => {
            Some(format!("to {}", ins.arg))
        }
        FormatValue => format_value_hint(ins.arg),
        MakeFunction => make_function_hint(ins.arg),
        UnpackEx => Some(format!("{} before, {} after", ins.arg & 0xff, ins.arg >> 8)),
        CallFunctionEx if ins.arg & 1 != 0 => Some("kwargs".to_string()),
        _ => None,
    }
}

fn format_value_hint(arg: u32) -> Option<String> {
    let conv = match arg & FV_CONV_MASK {
        1 => "str",
        2 => "repr",
        3 => "ascii",
        _ => "",
    };
    let spec = if arg & FV_HAS_SPEC != 0 {
        "with format"
    } else {
        ""
    };
    let parts: Vec<&str> = [conv, spec].into_iter().filter(|s| !s.is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn make_function_hint(arg: u32) -> Option<String> {
    let parts: Vec<&str> = [(1, "defaults"), (2, "kwdefaults"), (8, "closure")]
        .into_iter()
        .filter(|(bit, _)| arg & bit != 0)
        .map(|(_, n)| n)
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Python's `repr` of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(s) => s.clone(),
        Constant::Float(f) => float_repr(*f),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Constant::Code(code) => format!("<code object {}, line {}>", code.name, code.first_line),
    }
}

/// Python's `repr(float)`: shortest round-trip digits, exponent form
/// outside `1e-4 <= |x| < 1e16`.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sci = format!("{:e}", f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    if (-4..16).contains(&exp) {
        let body = if exp >= 0 {
            let e = exp as usize;
            let mut int_part = digits.clone();
            while int_part.len() < e + 1 {
                int_part.push('0');
            }
            let frac = &int_part[e + 1..];
            let frac = if frac.is_empty() { "0" } else { frac };
            format!("{}.{}", &int_part[..e + 1], frac)
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        };
        format!("{sign}{body}")
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}{frac}e{esign}{:02}", exp.abs())
    }
}

/// Python's `repr(str)`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            q if q == quote => {
                out.push('\\');
                out.push(q as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_float_repr_matches_python() {
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(-2.5), "-2.5");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(123456789012345.6), "123456789012345.6");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(1.5e300), "1.5e+300");
        assert_eq!(float_repr(-0.0), "-0.0");
    }

    #[test]
    fn test_str_and_bytes_repr() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a\n\"'"), "'a\\n\"\\''");
        assert_eq!(bytes_repr(b"a\x00"), "b'a\\x00'");
    }
}
