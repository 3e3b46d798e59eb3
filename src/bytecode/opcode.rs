//! The instruction set: one `#[repr(u8)]` enum, each variant documented with
//! its operand and its stack effect (`[before] -> [after]`, top of stack on
//! the right). The design follows CPython 3.10/3.11 closely, so CPython's
//! `dis` documentation answers questions this table leaves open.
//!
//! An instruction is an [`Instr`]: an opcode plus one `u32` operand (no
//! EXTENDED_ARG). Jump targets are absolute instruction indices.
//! `NULL` below is the VM's internal "no value" marker, never visible to
//! Python code.

/// One instruction: opcode and operand (0 when unused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
}

/// Flag in `BuildClass`'s arg: a dict of class keywords follows the bases.
pub const CLASS_KEYWORDS: u32 = 1 << 16;

macro_rules! opcodes {
    ($($(#[$doc:meta])* $name:ident = $val:expr,)*) => {
        /// Bytecode opcodes. See the module docs for notation.
        #[repr(u8)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Opcode {
            $($(#[$doc])* $name = $val,)*
        }

        impl Opcode {
            /// The mnemonic used by the disassembler (CPython spelling).
            pub fn name(self) -> &'static str {
                match self {
                    $(Opcode::$name => stringify!($name),)*
                }
            }

            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];
        }
    };
}

opcodes! {
    // === Stack manipulation ===
    /// No operation.
    Nop = 0,
    /// `[a] -> []`
    PopTop = 1,
    /// `[a] -> [a, a]`
    DupTop = 2,
    /// `[a, b] -> [a, b, a, b]`
    DupTopTwo = 3,
    /// `[a, b] -> [b, a]`
    RotTwo = 4,
    /// `[a, b, c] -> [c, a, b]` (TOS moves down two places)
    RotThree = 5,
    /// `[a, b, c, d] -> [d, a, b, c]`
    RotFour = 6,

    // === Constants and variables ===
    /// arg = const index. `[] -> [consts[arg]]`
    LoadConst = 10,
    /// arg = local slot. `[] -> [value]`; `UnboundLocalError` if unset.
    LoadFast = 11,
    /// arg = local slot. `[v] -> []`
    StoreFast = 12,
    /// arg = local slot. `[] -> []`; `UnboundLocalError` if unset.
    DeleteFast = 13,
    /// arg = index into `cellvars ++ freevars`. `[] -> [cell contents]`;
    /// `NameError`/`UnboundLocalError` ("cannot access free variable ...") if empty.
    LoadDeref = 14,
    /// arg = index into `cellvars ++ freevars`. `[v] -> []`
    StoreDeref = 15,
    /// arg = index into `cellvars ++ freevars`. `[] -> []`
    DeleteDeref = 16,
    /// arg = index into `cellvars ++ freevars`. `[] -> [cell]` (the cell itself, for closures)
    LoadClosure = 17,
    /// Class bodies only. arg = index into `cellvars ++ freevars`: look the name
    /// up in the class namespace first, then in the cell. `[] -> [value]`
    LoadClassDeref = 18,
    /// arg = name index. Globals, then builtins. `[] -> [value]`; `NameError`.
    LoadGlobal = 19,
    /// arg = name index. `[v] -> []`
    StoreGlobal = 20,
    /// arg = name index. `[] -> []`; `NameError` if unbound.
    DeleteGlobal = 21,
    /// Class bodies only. arg = name index. Namespace, then globals, then
    /// builtins. `[] -> [value]`
    LoadName = 22,
    /// Class bodies only. arg = name index. `[v] -> []` into the namespace.
    StoreName = 23,
    /// Class bodies only. arg = name index. `[] -> []`
    DeleteName = 24,

    // === Attributes and subscripts ===
    /// arg = name index. `[obj] -> [obj.name]`
    LoadAttr = 30,
    /// arg = name index. `[v, obj] -> []` (obj.name = v)
    StoreAttr = 31,
    /// arg = name index. `[obj] -> []`
    DeleteAttr = 32,
    /// arg = name index. `[obj] -> [method, obj]` when `name` is a plain
    /// function found on the type (unbound call with self), else
    /// `[obj.name, NULL]`. Always followed (after the arguments) by
    /// `CallMethod` or `CallMethodKw`.
    LoadMethod = 33,
    /// `[obj, key] -> [obj[key]]`
    BinarySubscr = 34,
    /// `[v, obj, key] -> []` (obj[key] = v)
    StoreSubscr = 35,
    /// `[obj, key] -> []`
    DeleteSubscr = 36,
    /// arg = 2 or 3. `[lower, upper] -> [slice]` or `[lower, upper, step] -> [slice]`
    BuildSlice = 37,

    // === Unary operators: [a] -> [op a] ===
    UnaryPositive = 40,
    UnaryNegative = 41,
    UnaryNot = 42,
    UnaryInvert = 43,

    // === Binary operators: [a, b] -> [a op b] ===
    BinaryAdd = 50,
    BinarySubtract = 51,
    BinaryMultiply = 52,
    BinaryTrueDivide = 53,
    BinaryFloorDivide = 54,
    BinaryModulo = 55,
    BinaryPower = 56,
    BinaryLshift = 57,
    BinaryRshift = 58,
    BinaryAnd = 59,
    BinaryOr = 60,
    BinaryXor = 61,
    BinaryMatrixMultiply = 62,

    // === In-place operators (augmented assignment): [a, b] -> [a op= b] ===
    InplaceAdd = 70,
    InplaceSubtract = 71,
    InplaceMultiply = 72,
    InplaceTrueDivide = 73,
    InplaceFloorDivide = 74,
    InplaceModulo = 75,
    InplacePower = 76,
    InplaceLshift = 77,
    InplaceRshift = 78,
    InplaceAnd = 79,
    InplaceOr = 80,
    InplaceXor = 81,
    InplaceMatrixMultiply = 82,

    // === Comparisons: [a, b] -> [result] ===
    /// arg: 0 `<`, 1 `<=`, 2 `==`, 3 `!=`, 4 `>`, 5 `>=` (CPython's cmp_op order).
    CompareOp = 90,
    /// arg: 0 `is`, 1 `is not`. `[a, b] -> [bool]`
    IsOp = 91,
    /// arg: 0 `in`, 1 `not in`. `[a, b] -> [a in b]`
    ContainsOp = 92,

    // === Jumps (arg = absolute target index) ===
    /// Unconditional.
    Jump = 100,
    /// `[v] -> []`, jump if v is false.
    PopJumpIfFalse = 101,
    /// `[v] -> []`, jump if v is true.
    PopJumpIfTrue = 102,
    /// If TOS is false jump and keep it, else pop it.
    JumpIfFalseOrPop = 103,
    /// If TOS is true jump and keep it, else pop it.
    JumpIfTrueOrPop = 104,
    /// `[obj] -> [iter(obj)]`
    GetIter = 105,
    /// `[it] -> [it, next(it)]`; when exhausted: `[it] -> []` and jump to arg.
    ForIter = 106,

    // === Building values ===
    /// arg = n. `[x1..xn] -> [(x1, ..., xn)]`
    BuildTuple = 110,
    /// arg = n. `[x1..xn] -> [[x1, ..., xn]]`
    BuildList = 111,
    /// arg = n. `[x1..xn] -> [{x1, ..., xn}]`
    BuildSet = 112,
    /// arg = n. Like `BuildSet`, for a display of more than two constants:
    /// CPython builds those as a frozenset constant merged into a new set,
    /// which can give another iteration order; this reproduces it.
    BuildConstSet = 126,
    /// arg = n. `[k1, v1, .., kn, vn] -> [{k1: v1, ...}]`
    BuildMap = 113,
    /// arg = n. `[s1..sn] -> [s1 + ... + sn]` (all str)
    BuildString = 114,
    /// arg = depth. `[..., list, ...(depth-1 values), v] -> [..., list, ...]`;
    /// `list = stack[-depth]` after popping v (CPython).
    ListAppend = 115,
    /// arg = depth, like `ListAppend` for a set.
    SetAdd = 116,
    /// arg = depth. `[..., dict, ..., k, v] -> [..., dict, ...]`; `dict = stack[-depth]`
    /// after popping k and v.
    MapAdd = 117,
    /// arg = depth. `[..., list, ..., it] -> [..., list, ...]` extend from iterable.
    ListExtend = 118,
    /// arg = depth. Set update from iterable.
    SetUpdate = 119,
    /// arg = depth. Dict update from mapping (`{**m}`).
    DictUpdate = 120,
    /// arg = depth. Dict merge for `f(**m)`: `TypeError` on duplicate keys.
    DictMerge = 121,
    /// `[list] -> [tuple(list)]`
    ListToTuple = 122,
    /// arg = n. `[seq] -> [x_{n-1}, ..., x_0]` (x_0 on top); `ValueError`
    /// "not enough values to unpack (expected n, got m)" / "too many values
    /// to unpack (expected n)".
    UnpackSequence = 123,
    /// arg = before | (after << 8), for `a, *b, c = seq`: pushes `after`
    /// values, then the list, then `before` values, the first on top.
    UnpackEx = 124,
    /// arg: (arg & 3) = conversion: 0 none, 1 `!s`, 2 `!r`, 3 `!a`;
    /// arg & 4: a format spec is on the stack.
    /// `[v] -> [format(v)]` or `[v, spec] -> [format(v, spec)]`
    FormatValue = 125,

    // === Calls and functions ===
    /// arg = argc. `[f, a1..an] -> [f(a1..an)]`
    CallFunction = 130,
    /// arg = argc (positional + keyword values). `[f, a1..an, kwnames] -> [result]`;
    /// kwnames is a tuple of str constants naming the last len(kwnames) args.
    CallFunctionKw = 131,
    /// arg = flags (1: a kwargs dict is present).
    /// `[f, args(tuple), kwargs?] -> [f(*args, **kwargs)]`
    CallFunctionEx = 132,
    /// arg = argc. `[m, self_or_NULL, a1..an] -> [result]` (see `LoadMethod`).
    CallMethod = 133,
    /// arg = argc. `[m, self_or_NULL, a1..an, kwnames] -> [result]`
    CallMethodKw = 134,
    /// arg = flags: 0x01 defaults tuple, 0x02 kw-only defaults dict (name -> value),
    /// 0x08 closure tuple of cells. `[defaults?, kwdefaults?, closure?, code] -> [function]`
    /// (present ones in this order, code on top). Name and qualname come from the code.
    MakeFunction = 135,
    /// `[v] -> return v to the caller`
    ReturnValue = 136,
    /// arg = n bases. `[body_fn, name, b1..bn] -> [class]`: runs `body_fn` (a
    /// class-body code object) with a fresh namespace, then creates the class.
    /// If the namespace holds `__classcell__`, the cell is set to the class and
    /// the key removed. With `CLASS_KEYWORDS` set in arg, a dict of the class
    /// keywords follows the bases (`[body_fn, name, b1..bn, kw]`); they go to
    /// `__init_subclass__`.
    BuildClass = 137,

    // === Exceptions ===
    /// arg = 0: re-raise the exception being handled (`raise`);
    /// 1: `[exc] -> raise exc`; 2: `[exc, cause] -> raise exc from cause`.
    RaiseVarargs = 140,
    /// `[exc] -> re-raise exc`, traceback untouched (end of handlers/finally).
    Reraise = 141,
    /// Handler prologue. `[exc] -> [prev_exc, exc]`: saves the exception
    /// currently being handled (or None) and makes `exc` the current one.
    PushExcInfo = 142,
    /// `[prev_exc] -> []`: restores the exception being handled.
    PopExcept = 143,
    /// `[exc, type] -> [exc, bool]`: isinstance(exc, type) where type is a
    /// class or tuple of classes; `TypeError` if not exception classes.
    CheckExcMatch = 144,
    /// `[] -> [AssertionError]`
    LoadAssertionError = 145,
    /// `[mgr] -> [mgr.__exit__ (bound), mgr.__enter__()]`
    BeforeWith = 146,
    /// `[exit, prev, exc] -> [exit, prev, exc, exit(type(exc), exc, tb)]`
    WithExceptStart = 147,
    /// Enter a protected region (finally body, with enter/exit): signal
    /// dispatch is deferred until the outermost region ends.
    ProtectBegin = 148,
    /// Leave a protected region.
    ProtectEnd = 149,

    // === Generators ===
    // Only in code with the GENERATOR flag: calling such a function builds a
    // generator object that owns the frame; its frame runs only when resumed
    // (`next`, `send`, `throw`, `close`), and leaves the frame stack at each
    // suspension with its value stack saved in the generator.
    /// `[v] -> [sent]`: suspend the generator, yielding v; it resumes after
    /// this instruction with the sent value pushed (None for `next`), or
    /// with the exception of `throw`/`close` raised here.
    YieldValue = 150,
    /// `[obj] -> [iter]`: iter(obj), or obj itself if it is a generator.
    GetYieldFromIter = 151,
    /// `[iter, v] -> [result]`: send v to iter (`next` for None). If it
    /// yields, the generator suspends yielding that value and resumes by
    /// running this instruction again with the new sent value on top; when
    /// it returns, pops iter and pushes the return value (StopIteration's
    /// value). `throw`/`close` go to iter first (CPython 3.10 YIELD_FROM).
    YieldFrom = 152,

    // === Imports ===
    /// arg = name index (dotted name). `[] -> [module]`, the module named itself
    /// (the leaf for a dotted name).
    ImportName = 160,
    /// arg = name index. `[module] -> [module, module.name]`; ImportError
    /// "cannot import name 'x' from 'm' (...)".
    ImportFrom = 161,
    /// `[module] -> []`: bind every public name into the globals.
    ImportStar = 162,

    // === Superinstructions (never emitted by the compiler) ===
    /// arg = a | (b << 16). `LoadFast a` then `LoadFast b`. The VM fuses the
    /// pair when it loads code; the second instruction stays in place (a jump
    /// may target it) and is skipped. Counts as two executed instructions.
    LoadFastLoadFast = 200,
    /// arg = a | (c << 16). `LoadFast a` then `LoadConst c`, fused as above.
    LoadFastLoadConst = 201,
    /// arg = a | (k << 16). `LoadFast a` then `LoadAttr` through inline cache
    /// `k`, fused as above.
    LoadFastLoadAttr = 202,
    /// arg = a | (b << 16). `StoreFast a` then `LoadFast b`, fused as above.
    StoreFastLoadFast = 203,
    /// `DupTopTwo` then `BinarySubscr` (the load half of `x[i] op= y`).
    DupTopTwoBinarySubscr = 204,
    /// `RotThree` then `StoreSubscr` (the store half of `x[i] op= y`).
    RotThreeStoreSubscr = 205,
    /// arg = a | (c << 16). `LoadFast a; LoadConst c; InplaceAdd; StoreFast a`
    /// (`a += c`), fused; counts as four executed instructions.
    AddConstToLocal = 206,
    /// arg = a | (c << 16). The same for `a -= c`.
    SubConstFromLocal = 207,
    /// arg = a | (b << 16). `LoadFast a; LoadFast b; BinarySubscr` (`a[b]`),
    /// fused; counts as three executed instructions.
    LoadFastSubscrFast = 208,
    /// arg = a | (c << 16). `LoadFast a; LoadConst c; BinarySubscr`, fused.
    LoadFastSubscrConst = 209,
    /// arg = a | (b << 16). `LoadFast a; LoadFast b; CompareOp` (the operator
    /// is read from the `CompareOp` left in place), fused; counts as three,
    /// four with the conditional jump after it.
    CompareFastFast = 210,
    /// arg = a | (c << 16). `LoadFast a; LoadConst c; CompareOp`, fused.
    CompareFastConst = 211,
    /// arg = a | (b << 16). `LoadFast a; LoadFast b` then `+ - * / **`
    /// (binary or in-place, read from the operator's instruction), fused;
    /// counts as three.
    BinopFastFast = 212,
    /// arg = a | (c << 16). `LoadFast a; LoadConst c` then the operator.
    BinopFastConst = 213,
    /// arg = a | (b << 16). `LoadFast a; LoadFast b; StoreSubscr`
    /// (`a[b] = TOS`), fused; counts as three.
    StoreSubscrFastFast = 214,
    /// arg = a. `LoadFast a` then `+ - * / **` (TOS op a), fused; counts as
    /// two.
    LoadFastBinop = 215,
    /// arg = a | (b << 16). `LoadFast a; LoadFast b; DupTopTwo;
    /// BinarySubscr` (the load half of `a[b] op= y`), fused; counts as four.
    LoadFastDupSubscrFast = 216,
    /// arg = a | (c << 16). `LoadFast a; LoadConst c; DupTopTwo;
    /// BinarySubscr` (`a[c] op= y`), fused as above.
    LoadFastDupSubscrConst = 217,
    /// arg = k << 16. An in-place `+ - * /` (`FUSED_ARITH[k]` in `vm.rs`),
    /// then `RotThree; StoreSubscr` (the store half of `x[i] op= y`), fused;
    /// counts as three.
    InplaceRotStoreSubscr = 218,
    /// arg = a | (k << 16). `+ - * / **` (`FUSED_ARITH[k]` in `vm.rs`),
    /// then `StoreFast a`, fused; counts as two.
    BinopStoreFast = 219,
}

/// Comparison operand of [`Opcode::CompareOp`].
pub const CMP_LT: u32 = 0;
pub const CMP_LE: u32 = 1;
pub const CMP_EQ: u32 = 2;
pub const CMP_NE: u32 = 3;
pub const CMP_GT: u32 = 4;
pub const CMP_GE: u32 = 5;

/// The operator text of a [`Opcode::CompareOp`] operand.
pub fn cmp_op_text(arg: u32) -> &'static str {
    ["<", "<=", "==", "!=", ">", ">="]
        .get(arg as usize)
        .copied()
        .unwrap_or("?")
}

/// `MakeFunction` flags.
pub const MF_DEFAULTS: u32 = 0x01;
pub const MF_KWDEFAULTS: u32 = 0x02;
pub const MF_CLOSURE: u32 = 0x08;

/// `FormatValue` flags.
pub const FV_CONV_MASK: u32 = 3;
pub const FV_STR: u32 = 1;
pub const FV_REPR: u32 = 2;
pub const FV_ASCII: u32 = 3;
pub const FV_HAS_SPEC: u32 = 4;

impl Opcode {
    /// Whether the operand is an absolute jump target.
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Opcode::Jump
                | Opcode::PopJumpIfFalse
                | Opcode::PopJumpIfTrue
                | Opcode::JumpIfFalseOrPop
                | Opcode::JumpIfTrueOrPop
                | Opcode::ForIter
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_instr_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }

    #[test]
    fn test_names_unique() {
        let mut seen = std::collections::HashSet::new();
        for op in Opcode::ALL {
            assert!(seen.insert(op.name()));
            assert!(seen.len() <= 255);
        }
    }
}
