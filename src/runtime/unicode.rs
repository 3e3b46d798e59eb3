//! Python's view of Unicode characters: the predicates behind `str.is*`
//! and `repr` (printable), and the full case mappings with CPython's
//! final-sigma rule, all from the tables in `unicode_db` (CPython 3.11's
//! own data, so results do not depend on Rust's Unicode version).

use super::unicode_db::{CASED, CASES, CASE_IGNORABLE, RUNS, SPECIAL};

pub use super::unicode_db::{
    ALPHA, DECIMAL, DIGIT, LOWER, NUMERIC, PRINTABLE, SPACE, TITLE, UPPER, XID_CONTINUE, XID_START,
};

/// The property flags of `c` (`ALPHA | UPPER | ...`).
#[inline]
pub fn flags(c: char) -> u16 {
    let n = c as u32;
    let i = RUNS.partition_point(|&(start, _)| start <= n);
    RUNS[i.saturating_sub(1)].1
}

/// Whether `c` has every flag in `f`.
#[inline]
pub fn has(c: char, f: u16) -> bool {
    flags(c) & f == f
}

/// `str.isprintable` for one character (what `repr` keeps unescaped).
#[inline]
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    has(c, PRINTABLE)
}

/// Which case mapping to apply.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Case {
    Upper,
    Lower,
    Title,
    Fold,
}

/// Appends the full `case` mapping of `c` (without the final-sigma rule).
pub fn push_case(out: &mut String, c: char, case: Case) {
    if c.is_ascii() {
        out.push(match case {
            Case::Upper | Case::Title => c.to_ascii_uppercase(),
            Case::Lower | Case::Fold => c.to_ascii_lowercase(),
        });
        return;
    }
    let n = c as u32;
    let Ok(i) = CASES.binary_search_by_key(&n, |e| e.0) else {
        out.push(c);
        return;
    };
    let e = CASES[i];
    let m = match case {
        Case::Upper => e.1,
        Case::Lower => e.2,
        Case::Title => e.3,
        Case::Fold => e.4,
    };
    match m {
        0 => out.push(c),
        m if m < 0x110000 => out.push(char::from_u32(m).unwrap_or(c)),
        m => {
            for &x in SPECIAL[(m - 0x110000) as usize]
                .iter()
                .take_while(|&&x| x != 0)
            {
                out.push(char::from_u32(x).unwrap_or(c));
            }
        }
    }
}

/// Appends the lowercase of `chars[i]`, applying the Final_Sigma rule to
/// capital sigma as CPython's `str.lower` does.
pub fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    if chars[i] == '\u{3a3}' {
        out.push(final_sigma(chars, i));
    } else {
        push_case(out, chars[i], Case::Lower);
    }
}

fn final_sigma(chars: &[char], i: usize) -> char {
    let before = chars[..i].iter().rev().find(|&&c| !has(c, CASE_IGNORABLE));
    let mut is_final = before.is_some_and(|&c| has(c, CASED));
    if is_final {
        let after = chars[i + 1..].iter().find(|&&c| !has(c, CASE_IGNORABLE));
        is_final = after.is_none_or(|&c| !has(c, CASED));
    }
    if is_final {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

/// The value of a decimal digit (`'\u0663'` is 3): Unicode's decimal
/// digits come in runs of ten starting at zero.
pub fn decimal_value(c: char) -> Option<u8> {
    let n = c as u32;
    let mut i = RUNS
        .partition_point(|&(start, _)| start <= n)
        .checked_sub(1)?;
    if RUNS[i].1 & DECIMAL == 0 {
        return None;
    }
    while i > 0 && RUNS[i - 1].1 & DECIMAL != 0 {
        i -= 1;
    }
    Some(((n - RUNS[i].0) % 10) as u8)
}

/// Whether `c` is cased (upper, lower or titlecase).
#[inline]
pub fn is_cased(c: char) -> bool {
    has(c, CASED)
}
