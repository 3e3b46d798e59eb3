//! Literal lexing: numbers (with CPython's digit and underscore rules),
//! string and bytes bodies with their escapes, and f-strings split into
//! literal text and replacement fields.

use super::{lex_field, line_at, Lexer};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use crate::syntax::token::{FStringField, FStringPiece, Token};

/// CPython's limit on brackets inside one f-string field.
const MAX_FIELD_BRACKETS: usize = 200;

impl Lexer<'_> {
    /// Lexes a number at `self.pos` (a digit, or `.` before a digit).
    pub(super) fn number(&mut self) -> Result<Token, SyntaxError> {
        let start = self.pos;
        if self.bytes[start] == b'0' {
            match self.peek_at(start + 1) | 0x20 {
                b'x' => return self.radix_int(16, "hexadecimal"),
                b'o' => return self.radix_int(8, "octal"),
                b'b' => return self.radix_int(2, "binary"),
                _ => {}
            }
        }
        self.decimal_digits()?;
        let int_end = self.pos;
        let mut is_float = false;
        if self.peek_at(self.pos) == b'.' {
            is_float = true;
            self.pos += 1;
            match self.peek_at(self.pos) {
                c if c.is_ascii_digit() => self.decimal_digits()?,
                b'_' => return Err(self.err("invalid decimal literal", start, self.pos)),
                _ => {}
            }
        }
        if self.peek_at(self.pos) | 0x20 == b'e' {
            let e = self.pos;
            let mut p = e + 1;
            if matches!(self.peek_at(p), b'+' | b'-') {
                p += 1;
            }
            if self.peek_at(p).is_ascii_digit() {
                self.pos = p;
                self.decimal_digits()?;
                is_float = true;
            } else if !self.src[e..self.end].starts_with("else") {
                return Err(self.err("invalid decimal literal", start, p));
            }
        }
        let text = &self.src[start..self.pos];
        if self.peek_at(self.pos) | 0x20 == b'j' {
            self.pos += 1;
            self.verify_end(start, "imaginary")?;
            return Ok(Token::Imaginary(parse_float(text)));
        }
        self.verify_end(start, "decimal")?;
        if is_float {
            return Ok(Token::Float(parse_float(text)));
        }
        let int_text = &self.bytes[start..int_end];
        if int_text[0] == b'0' && int_text.iter().any(|&c| c.is_ascii_digit() && c != b'0') {
            return Err(self.err(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                start,
                self.pos,
            ));
        }
        Ok(int_value(int_text, 10))
    }

    fn decimal_digits(&mut self) -> Result<(), SyntaxError> {
        loop {
            while self.peek_at(self.pos).is_ascii_digit() {
                self.pos += 1;
            }
            if self.peek_at(self.pos) != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek_at(self.pos).is_ascii_digit() {
                return Err(self.err("invalid decimal literal", self.pos - 1, self.pos));
            }
        }
    }

    fn radix_int(&mut self, radix: u32, kind: &str) -> Result<Token, SyntaxError> {
        let start = self.pos;
        self.pos += 2;
        let digits_start = self.pos;
        loop {
            if self.peek_at(self.pos) == b'_' {
                self.pos += 1;
            }
            let c = self.peek_at(self.pos);
            if !(c as char).is_digit(radix) {
                let msg = if c.is_ascii_digit() {
                    format!("invalid digit '{}' in {kind} literal", c as char)
                } else {
                    format!("invalid {kind} literal")
                };
                return Err(self.err(msg, self.pos, self.pos + 1));
            }
            while (self.peek_at(self.pos) as char).is_digit(radix) {
                self.pos += 1;
            }
            if self.peek_at(self.pos) != b'_' {
                break;
            }
        }
        let c = self.peek_at(self.pos);
        if c.is_ascii_digit() {
            let msg = format!("invalid digit '{}' in {kind} literal", c as char);
            return Err(self.err(msg, self.pos, self.pos + 1));
        }
        self.verify_end(start, kind)?;
        Ok(int_value(&self.bytes[digits_start..self.pos], radix))
    }

    /// CPython's `verify_end_of_number`: a number may touch a keyword that
    /// can follow it (`1if x else y`) but not another identifier character.
    fn verify_end(&self, start: usize, kind: &str) -> Result<(), SyntaxError> {
        let rest = &self.src[self.pos..self.end];
        let keyword_follows = ["and", "else", "for", "if", "in", "is", "not", "or"]
            .iter()
            .any(|kw| rest.starts_with(kw));
        let c = self.peek_at(self.pos);
        if !keyword_follows && (c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80) {
            let msg = format!("invalid {kind} literal");
            return Err(self.err(msg, start, self.pos + 1));
        }
        Ok(())
    }

    /// Lexes a string literal whose prefix spans `start..quote`.
    pub(super) fn string(&mut self, start: usize, quote: usize) -> Result<(), SyntaxError> {
        let prefix = self.src[start..quote].to_ascii_lowercase();
        let raw = prefix.contains('r');
        let q = self.bytes[quote];
        let triple = self.peek_at(quote + 1) == q && self.peek_at(quote + 2) == q;
        let body_start = quote + if triple { 3 } else { 1 };
        let mut p = body_start;
        let body_end = loop {
            if p >= self.end {
                return Err(self.unterminated(start, triple, p));
            }
            let c = self.bytes[p];
            if c == b'\\' {
                p += 1;
                if self.peek_at(p) == b'\r' && self.peek_at(p + 1) == b'\n' {
                    p += 1;
                }
                p += 1;
                continue;
            }
            if c == q && (!triple || (self.peek_at(p + 1) == q && self.peek_at(p + 2) == q)) {
                break p;
            }
            if !triple && (c == b'\n' || c == b'\r') {
                return Err(self.unterminated(start, triple, p));
            }
            p += 1;
        };
        self.pos = (body_end + if triple { 3 } else { 1 }).min(self.end);
        // CPython reports errors in a literal's contents just after it.
        let span = Span::new(self.pos, self.pos);
        let tok = if prefix.contains('b') {
            let body = &self.bytes[body_start..body_end];
            if !body.is_ascii() {
                return Err(SyntaxError::new(
                    "bytes can only contain ASCII literal characters",
                    Span::new(start, start + 1),
                ));
            }
            Token::Bytes(decode_bytes(body, raw, span)?)
        } else if prefix.contains('f') {
            let pieces = self.fstring_pieces(body_start, body_end, raw, 0, span);
            let (pieces, _) = pieces.map_err(|mut err| {
                if err.msg.starts_with("f-string") {
                    err.span = span;
                }
                err
            })?;
            Token::FString(pieces)
        } else {
            Token::Str(decode_str(&self.src[body_start..body_end], raw, span)?)
        };
        self.toks.push((tok, Span::new(start, self.pos)));
        Ok(())
    }

    #[cold]
    fn unterminated(&self, start: usize, triple: bool, at: usize) -> SyntaxError {
        let msg = if triple {
            let line = line_at(self.src, self.src.len().saturating_sub(1));
            format!("unterminated triple-quoted string literal (detected at line {line})")
        } else {
            let line = line_at(self.src, at);
            format!("unterminated string literal (detected at line {line})")
        };
        self.err(msg, start, start + 1)
    }

    /// Splits f-string text `pos..end` into pieces. At `level` 0 it runs to
    /// `end`; inside a format spec (level 1, 2) it stops at the closing `}`
    /// and returns its offset.
    fn fstring_pieces(
        &self,
        mut pos: usize,
        end: usize,
        raw: bool,
        level: u32,
        span: Span,
    ) -> Result<(Vec<FStringPiece>, usize), SyntaxError> {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let mut lit_start = pos;
        while pos < end {
            let c = self.bytes[pos];
            if c == b'\\' && !raw && pos + 1 < end && !matches!(self.bytes[pos + 1], b'{' | b'}') {
                pos += 2;
                continue;
            }
            if c != b'{' && c != b'}' {
                pos += 1;
                continue;
            }
            if level == 0 && pos + 1 < end && self.bytes[pos + 1] == c {
                lit.push_str(&decode_str(&self.src[lit_start..pos + 1], raw, span)?);
                pos += 2;
                lit_start = pos;
                continue;
            }
            if c == b'}' {
                if level == 0 {
                    let msg = "f-string: single '}' is not allowed";
                    return Err(self.err(msg, pos, pos + 1));
                }
                break;
            }
            lit.push_str(&decode_str(&self.src[lit_start..pos], raw, span)?);
            if !lit.is_empty() {
                pieces.push(FStringPiece::Literal(std::mem::take(&mut lit)));
            }
            let (field, next) = self.fstring_field(pos + 1, end, raw, level, span)?;
            pieces.push(FStringPiece::Field(Box::new(field)));
            pos = next;
            lit_start = pos;
        }
        if level > 0 && pos >= end {
            return Err(self.err("f-string: expecting '}'", pos, pos));
        }
        lit.push_str(&decode_str(&self.src[lit_start..pos.min(end)], raw, span)?);
        if !lit.is_empty() {
            pieces.push(FStringPiece::Literal(lit));
        }
        Ok((pieces, pos))
    }

    /// Parses one replacement field starting after its `{`; returns it and
    /// the offset after its `}`.
    fn fstring_field(
        &self,
        start: usize,
        end: usize,
        raw: bool,
        level: u32,
        span: Span,
    ) -> Result<(FStringField, usize), SyntaxError> {
        if level >= 2 {
            return Err(self.err("f-string: expressions nested too deeply", start, start));
        }
        let expr_end = self.field_expr_end(start, end)?;
        let text = &self.src[start..expr_end];
        if text.trim().is_empty() {
            let msg = "f-string: empty expression not allowed";
            return Err(self.err(msg, start, expr_end));
        }
        let mut pos = expr_end;
        let expecting = |at: usize| self.err("f-string: expecting '}'", at, at);
        let mut debug_text = None;
        if self.peek_at(pos) == b'=' {
            pos += 1;
            while pos < end && self.bytes[pos].is_ascii_whitespace() {
                pos += 1;
            }
            debug_text = Some(self.src[start..pos].to_owned());
        }
        let mut conversion = None;
        if pos < end && self.bytes[pos] == b'!' {
            let conv = self.src[pos + 1..end].chars().next();
            match conv {
                Some(ch @ ('s' | 'r' | 'a')) => conversion = Some(ch),
                None => return Err(expecting(pos)),
                Some(_) => {
                    let msg = "f-string: invalid conversion character: expected 's', 'r', or 'a'";
                    return Err(self.err(msg, pos, pos + 2));
                }
            }
            pos += 2;
        }
        let mut spec = None;
        if pos < end && self.bytes[pos] == b':' {
            let (pieces, next) = self.fstring_pieces(pos + 1, end, raw, level + 1, span)?;
            spec = Some(pieces);
            pos = next;
        }
        if pos >= end || self.bytes[pos] != b'}' {
            return Err(expecting(pos));
        }
        let tokens = lex_field(self.src, start, expr_end)?;
        let field = FStringField {
            tokens,
            span: Span::new(start, expr_end),
            conversion,
            spec,
            debug_text,
        };
        Ok((field, pos + 1))
    }

    /// CPython's `fstring_find_expr` scan: the end of a field's expression
    /// text, skipping nested brackets and strings.
    fn field_expr_end(&self, start: usize, end: usize) -> Result<usize, SyntaxError> {
        let mut stack: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        let mut pos = start;
        let err = |msg: &str, at: usize| self.err(msg, at, at + 1);
        while pos < end {
            let c = self.bytes[pos];
            if c == b'\\' {
                return Err(err(
                    "f-string expression part cannot include a backslash",
                    pos,
                ));
            }
            if let Some((q, triple)) = quote {
                if c == q && (!triple || (self.peek_at(pos + 1) == q && self.peek_at(pos + 2) == q))
                {
                    quote = None;
                    pos += if triple { 3 } else { 1 };
                } else {
                    pos += 1;
                }
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = self.peek_at(pos + 1) == c && self.peek_at(pos + 2) == c;
                    quote = Some((c, triple));
                    pos += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if stack.len() >= MAX_FIELD_BRACKETS {
                        return Err(err("f-string: too many nested parenthesis", pos));
                    }
                    stack.push(c);
                }
                b')' | b']' | b'}' => {
                    let Some(open) = stack.pop() else {
                        if c == b'}' {
                            return Ok(pos);
                        }
                        let msg = format!("f-string: unmatched '{}'", c as char);
                        return Err(err(&msg, pos));
                    };
                    let expected = if open == b'(' { b')' } else { open + 2 };
                    if c != expected {
                        let msg = format!(
                            "f-string: closing parenthesis '{}' does not match \
                             opening parenthesis '{}'",
                            c as char, open as char
                        );
                        return Err(err(&msg, pos));
                    }
                }
                b'#' => return Err(err("f-string expression part cannot include '#'", pos)),
                b'!' | b':' | b'=' | b'<' | b'>' if stack.is_empty() => {
                    if c != b':' && self.peek_at(pos + 1) == b'=' {
                        pos += 2;
                        continue;
                    }
                    if c != b'<' && c != b'>' {
                        return Ok(pos);
                    }
                }
                _ => {}
            }
            pos += 1;
        }
        if quote.is_some() {
            return Err(err("f-string: unterminated string", pos.min(end)));
        }
        Err(err("f-string: expecting '}'", pos))
    }
}

fn parse_float(text: &str) -> f64 {
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    let cleaned = cleaned.trim_end_matches(['j', 'J']);
    cleaned.parse().unwrap_or(f64::NAN)
}

/// The value of an int literal's digits (underscores allowed).
fn int_value(digits: &[u8], radix: u32) -> Token {
    let mut small: i64 = 0;
    let mut overflow = false;
    for &c in digits.iter().filter(|&&c| c != b'_') {
        let d = (c as char).to_digit(radix).unwrap_or(0) as i64;
        match small
            .checked_mul(radix as i64)
            .and_then(|v| v.checked_add(d))
        {
            Some(v) => small = v,
            None => {
                overflow = true;
                break;
            }
        }
    }
    if !overflow {
        return Token::Int(small);
    }
    Token::BigInt(big_to_decimal(digits, radix))
}

/// Converts digits in `radix` to decimal text through base-2^32 limbs.
fn big_to_decimal(digits: &[u8], radix: u32) -> String {
    let mut limbs: Vec<u32> = Vec::new();
    for &c in digits.iter().filter(|&&c| c != b'_') {
        let mut carry = (c as char).to_digit(radix).unwrap_or(0) as u64;
        for limb in limbs.iter_mut() {
            let v = *limb as u64 * radix as u64 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    let mut chunks: Vec<u32> = Vec::new();
    while !limbs.is_empty() {
        let mut rem = 0u64;
        for limb in limbs.iter_mut().rev() {
            let v = (rem << 32) | *limb as u64;
            *limb = (v / 1_000_000_000) as u32;
            rem = v % 1_000_000_000;
        }
        chunks.push(rem as u32);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    let mut out = chunks
        .pop()
        .map(|c| c.to_string())
        .unwrap_or_else(|| "0".into());
    for chunk in chunks.iter().rev() {
        out.push_str(&format!("{chunk:09}"));
    }
    out
}

#[cold]
fn escape_error(kind: &str, from: usize, to: usize, span: Span) -> SyntaxError {
    SyntaxError::new(
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position \
             {from}-{to}: {kind}"
        ),
        span,
    )
}

/// Decodes a `str` literal body: escapes (unless raw) and newline forms.
fn decode_str(body: &str, raw: bool, span: Span) -> Result<String, SyntaxError> {
    let b = body.as_bytes();
    if !b.iter().any(|&c| c == b'\r' || (c == b'\\' && !raw)) {
        return Ok(body.to_owned());
    }
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < b.len() {
        let next = b[i..]
            .iter()
            .position(|&c| c == b'\r' || (c == b'\\' && !raw))
            .map_or(b.len(), |n| i + n);
        out.push_str(&body[i..next]);
        i = next;
        if i >= b.len() {
            break;
        }
        if b[i] == b'\r' {
            out.push('\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        i = decode_escape(body, i, &mut out, span)?;
    }
    Ok(out)
}

/// Decodes the escape whose backslash is at `at`; returns the next offset.
fn decode_escape(
    body: &str,
    at: usize,
    out: &mut String,
    span: Span,
) -> Result<usize, SyntaxError> {
    let b = body.as_bytes();
    let Some(&c) = b.get(at + 1) else {
        out.push('\\');
        return Ok(at + 1);
    };
    let simple = match c {
        b'\n' => return Ok(at + 2),
        b'\r' => {
            return Ok(if b.get(at + 2) == Some(&b'\n') {
                at + 3
            } else {
                at + 2
            })
        }
        b'\\' => Some('\\'),
        b'\'' => Some('\''),
        b'"' => Some('"'),
        b'a' => Some('\x07'),
        b'b' => Some('\x08'),
        b'f' => Some('\x0c'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b't' => Some('\t'),
        b'v' => Some('\x0b'),
        _ => None,
    };
    if let Some(ch) = simple {
        out.push(ch);
        return Ok(at + 2);
    }
    match c {
        b'0'..=b'7' => {
            let (value, next) = octal(b, at + 1);
            out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            Ok(next)
        }
        b'x' | b'u' | b'U' => {
            let (width, name) = match c {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            let digits = hex_run(b, at + 2, width);
            if digits < width {
                return Err(escape_error(name, at, at + 1 + digits, span));
            }
            let value = u32::from_str_radix(&body[at + 2..at + 2 + width], 16).unwrap_or(u32::MAX);
            let end = at + 2 + width;
            match char::from_u32(value) {
                Some(ch) => out.push(ch),
                None if (0xD800..0xE000).contains(&value) => {
                    let msg = "sigpy does not support lone surrogates in string literals";
                    return Err(SyntaxError::new(msg, span));
                }
                None => return Err(escape_error("illegal Unicode character", at, end - 1, span)),
            }
            Ok(end)
        }
        b'N' => Err(SyntaxError::new(
            "sigpy does not support \\N{...} escapes in string literals",
            span,
        )),
        _ => {
            out.push('\\');
            Ok(at + 1)
        }
    }
}

fn octal(b: &[u8], from: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut i = from;
    while i < from + 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
        value = value * 8 + (b[i] - b'0') as u32;
        i += 1;
    }
    (value, i)
}

fn hex_run(b: &[u8], from: usize, max: usize) -> usize {
    b[from.min(b.len())..]
        .iter()
        .take(max)
        .take_while(|c| c.is_ascii_hexdigit())
        .count()
}

/// Decodes a `bytes` literal body (ASCII already checked).
fn decode_bytes(body: &[u8], raw: bool, span: Span) -> Result<Vec<u8>, SyntaxError> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c == b'\r' {
            out.push(b'\n');
            i += if body.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            continue;
        }
        if c != b'\\' || raw || i + 1 >= body.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let e = body[i + 1];
        let simple = match e {
            b'\n' => Some(None),
            b'\\' | b'\'' | b'"' => Some(Some(e)),
            b'a' => Some(Some(7)),
            b'b' => Some(Some(8)),
            b'f' => Some(Some(12)),
            b'n' => Some(Some(b'\n')),
            b'r' => Some(Some(b'\r')),
            b't' => Some(Some(b'\t')),
            b'v' => Some(Some(11)),
            _ => None,
        };
        if let Some(byte) = simple {
            out.extend(byte);
            i += 2;
            continue;
        }
        match e {
            b'0'..=b'7' => {
                let (value, next) = octal(body, i + 1);
                out.push(value as u8);
                i = next;
            }
            b'x' if hex_run(body, i + 2, 2) == 2 => {
                let text = std::str::from_utf8(&body[i + 2..i + 4]).unwrap_or("0");
                out.push(u8::from_str_radix(text, 16).unwrap_or(0));
                i += 4;
            }
            b'x' => {
                let msg = format!("(value error) invalid \\x escape at position {i}");
                return Err(SyntaxError::new(msg, span));
            }
            _ => {
                out.push(b'\\');
                i += 1;
            }
        }
    }
    Ok(out)
}
