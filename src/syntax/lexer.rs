//! The lexer: source text to tokens, CPython's tokenizer rules.
//!
//! It produces the layout tokens (`NEWLINE`, `INDENT`, `DEDENT`,
//! `ENDMARKER`), joins lines inside brackets and after a backslash, and
//! decodes every literal. Children:
//! - `literal`: numbers, string bodies, escapes and f-string pieces.
//!
//! Errors carry CPython's messages (`unterminated string literal`,
//! `unindent does not match any outer indentation level`, ...).

mod literal;

use super::error::{SyntaxError, SyntaxErrorKind};
use super::span::Span;
use super::token::{SpannedToken, Token};

/// CPython's limit on nested brackets (`MAXLEVEL`).
const MAX_BRACKETS: usize = 200;
/// CPython's limit on indentation levels (`MAXINDENT`).
const MAX_INDENT: usize = 100;

/// Splits `src` into tokens, ending with `NEWLINE`, the pending `DEDENT`s
/// and `ENDMARKER`.
pub fn lex(src: &str) -> Result<Vec<SpannedToken>, SyntaxError> {
    let mut lexer = Lexer::new(src, 0, src.len(), false);
    lexer.run()?;
    Ok(lexer.toks)
}

/// Like [`lex`], but brackets still open at the end of the input are not an
/// error (the parser uses this to prefer an earlier syntax error, as
/// CPython's tokenizer-driven parser does).
pub fn lex_unclosed_ok(src: &str) -> Result<Vec<SpannedToken>, SyntaxError> {
    let mut lexer = Lexer::new(src, 0, src.len(), false);
    lexer.unclosed_ok = true;
    lexer.run()?;
    Ok(lexer.toks)
}

/// The tokens of an f-string replacement field's expression text
/// `src[start..end]` (lexed as if inside brackets; no layout tokens).
fn lex_field(src: &str, start: usize, end: usize) -> Result<Vec<SpannedToken>, SyntaxError> {
    let mut lexer = Lexer::new(src, start, end, true);
    lexer.run()?;
    Ok(lexer.toks)
}

/// 1-based line number of a byte offset (cold path: errors only).
#[cold]
fn line_at(src: &str, pos: usize) -> usize {
    let pos = pos.min(src.len());
    src.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    end: usize,
    toks: Vec<SpannedToken>,
    /// Indentation stack of (column with tabsize 8, column with tabsize 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets: the byte and its offset.
    brackets: Vec<(u8, usize)>,
    /// Lexing an f-string field: no layout tokens, newlines are joined.
    field: bool,
    /// Brackets left open at the end are not an error.
    unclosed_ok: bool,
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, start: usize, end: usize, field: bool) -> Lexer<'a> {
        Lexer {
            src,
            bytes: src.as_bytes(),
            pos: start,
            end,
            toks: Vec::with_capacity(if field { 8 } else { src.len() / 6 + 4 }),
            indents: Vec::new(),
            brackets: Vec::new(),
            field,
            unclosed_ok: false,
        }
    }

    fn peek_at(&self, i: usize) -> u8 {
        if i < self.end {
            self.bytes[i]
        } else {
            0
        }
    }

    fn push(&mut self, tok: Token, start: usize) {
        self.toks.push((tok, Span::new(start, self.pos)));
    }

    /// A tokenizer error; like CPython's, it points at one character.
    fn err(&self, msg: impl Into<String>, start: usize, end: usize) -> SyntaxError {
        SyntaxError::new(msg, Span::new(start, end.min(start + 1)))
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        let mut line_start = !self.field;
        loop {
            if line_start && self.brackets.is_empty() {
                if !self.indentation()? {
                    if self.pos >= self.end {
                        break;
                    }
                    continue;
                }
                line_start = false;
            }
            while matches!(self.peek_at(self.pos), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            if self.pos >= self.end {
                break;
            }
            match self.bytes[self.pos] {
                b'#' => self.skip_comment(),
                b'\n' | b'\r' => {
                    let start = self.pos;
                    self.eat_newline();
                    if self.brackets.is_empty() && !self.field {
                        self.push(Token::Newline, start);
                        line_start = true;
                    }
                }
                b'\\' => self.continuation()?,
                _ => self.token()?,
            }
        }
        self.finish()
    }

    fn skip_comment(&mut self) {
        while self.pos < self.end && !matches!(self.bytes[self.pos], b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn eat_newline(&mut self) {
        if self.peek_at(self.pos) == b'\r' && self.peek_at(self.pos + 1) == b'\n' {
            self.pos += 1;
        }
        self.pos += 1;
    }

    fn continuation(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        match self.peek_at(self.pos) {
            b'\n' | b'\r' => {
                self.eat_newline();
                if self.pos >= self.end && !self.field {
                    return Err(self.err("unexpected EOF while parsing", start, start + 1));
                }
                Ok(())
            }
            _ if self.pos >= self.end => {
                Err(self.err("unexpected EOF while parsing", start, start + 1))
            }
            _ => Err(self.err(
                "unexpected character after line continuation character",
                start + 1,
                start + 2,
            )),
        }
    }

    /// Measures a new line's indentation and emits INDENT/DEDENT. Returns
    /// `false` for a blank or comment-only line (consumed entirely).
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let (mut col, mut alt) = (0usize, 0usize);
        loop {
            match self.peek_at(self.pos) {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        if self.pos >= self.end {
            return Ok(false);
        }
        if matches!(self.bytes[self.pos], b'#' | b'\n' | b'\r') {
            self.skip_comment();
            if self.pos < self.end {
                self.eat_newline();
            }
            return Ok(false);
        }
        self.indent_to(col, alt)?;
        Ok(true)
    }

    fn indent_to(&mut self, col: usize, alt: usize) -> Result<(), SyntaxError> {
        let here = self.pos;
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col > top {
            if self.indents.len() + 1 >= MAX_INDENT {
                return Err(SyntaxError::indentation(
                    "too many levels of indentation",
                    Span::new(here, here),
                ));
            }
            if alt <= top_alt {
                return Err(tab_error(here));
            }
            self.indents.push((col, alt));
            self.push(Token::Indent, here);
            return Ok(());
        }
        while let Some(&(top, _)) = self.indents.last() {
            if top <= col {
                break;
            }
            self.indents.pop();
            self.push(Token::Dedent, here);
        }
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if top != col {
            let eol = self.bytes[here..self.end]
                .iter()
                .position(|&b| b == b'\n' || b == b'\r')
                .map_or(self.end, |n| here + n);
            return Err(SyntaxError::indentation(
                "unindent does not match any outer indentation level",
                Span::new(eol, eol),
            ));
        }
        if alt != top_alt {
            return Err(tab_error(here));
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SyntaxError> {
        if self.field {
            return Ok(());
        }
        if let Some(&(open, at)) = self.brackets.last().filter(|_| !self.unclosed_ok) {
            let msg = format!("'{}' was never closed", open as char);
            return Err(self.err(msg, at, at + 1));
        }
        let end = self.end;
        let needs_newline = matches!(self.toks.last(), Some((tok, _)) if *tok != Token::Newline);
        if needs_newline {
            self.toks.push((Token::Newline, Span::new(end, end)));
        }
        for _ in 0..self.indents.len() {
            self.toks.push((Token::Dedent, Span::new(end, end)));
        }
        self.indents.clear();
        self.toks.push((Token::EndMarker, Span::new(end, end)));
        Ok(())
    }

    fn token(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let c = self.bytes[start];
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            return self.name_or_string();
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek_at(start + 1).is_ascii_digit()) {
            let tok = self.number()?;
            self.push(tok, start);
            return Ok(());
        }
        if c == b'\'' || c == b'"' {
            return self.string(start, start);
        }
        match c {
            b'(' | b'[' | b'{' => self.open_bracket(c),
            b')' | b']' | b'}' => self.close_bracket(c),
            _ => {
                let (tok, len) = operator(&self.bytes[start..self.end])
                    .ok_or_else(|| self.err("invalid syntax", start, start + 1))?;
                self.pos += len;
                self.push(tok, start);
                Ok(())
            }
        }
    }

    fn open_bracket(&mut self, c: u8) -> Result<(), SyntaxError> {
        let start = self.pos;
        if self.brackets.len() >= MAX_BRACKETS {
            return Err(self.err("too many nested parentheses", start, start + 1));
        }
        self.brackets.push((c, start));
        self.pos += 1;
        let tok = match c {
            b'(' => Token::LPar,
            b'[' => Token::LSqb,
            _ => Token::LBrace,
        };
        self.push(tok, start);
        Ok(())
    }

    fn close_bracket(&mut self, c: u8) -> Result<(), SyntaxError> {
        let start = self.pos;
        let Some((open, at)) = self.brackets.pop() else {
            let msg = format!("unmatched '{}'", c as char);
            return Err(self.err(msg, start, start + 1));
        };
        let expected = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if c != expected {
            let mut msg = format!(
                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                c as char, open as char
            );
            let (open_line, line) = (line_at(self.src, at), line_at(self.src, start));
            if open_line != line {
                msg.push_str(&format!(" on line {open_line}"));
            }
            return Err(self.err(msg, start, start + 1));
        }
        self.pos += 1;
        let tok = match c {
            b')' => Token::RPar,
            b']' => Token::RSqb,
            _ => Token::RBrace,
        };
        self.push(tok, start);
        Ok(())
    }

    fn name_or_string(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let rest = &self.src[start..self.end];
        let mut len = 0;
        for (i, ch) in rest.char_indices() {
            let ok = if ch.is_ascii() {
                ch.is_ascii_alphanumeric() || ch == '_'
            } else {
                ch.is_alphanumeric() || (i > 0 && is_combining(ch))
            };
            if !ok {
                if i == 0 {
                    let msg = format!("invalid character '{ch}' (U+{:04X})", ch as u32);
                    return Err(self.err(msg, start, start + ch.len_utf8()));
                }
                break;
            }
            len = i + ch.len_utf8();
        }
        let word = &rest[..len];
        self.pos = start + len;
        let next = self.peek_at(self.pos);
        if (next == b'\'' || next == b'"') && is_string_prefix(word) {
            return self.string(start, self.pos);
        }
        let tok = Token::keyword(word).unwrap_or_else(|| Token::Name(word.to_owned()));
        self.push(tok, start);
        Ok(())
    }
}

fn tab_error(at: usize) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::Tab,
        msg: "inconsistent use of tabs and spaces in indentation".into(),
        span: Span::new(at, at),
    }
}

/// Combining marks and connector punctuation allowed inside identifiers.
fn is_combining(ch: char) -> bool {
    matches!(ch as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || ch == '\u{203F}'
        || ch == '\u{2040}'
}

fn is_string_prefix(word: &str) -> bool {
    if word.len() > 2 {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
    )
}

/// The operator or delimiter at the start of `s` and its length.
fn operator(s: &[u8]) -> Option<(Token, usize)> {
    use Token::*;
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let three = match (at(0), at(1), at(2)) {
        (b'*', b'*', b'=') => Some(DoubleStarEqual),
        (b'/', b'/', b'=') => Some(DoubleSlashEqual),
        (b'<', b'<', b'=') => Some(LeftShiftEqual),
        (b'>', b'>', b'=') => Some(RightShiftEqual),
        (b'.', b'.', b'.') => Some(Ellipsis),
        _ => Option::None,
    };
    if let Some(tok) = three {
        return Some((tok, 3));
    }
    let two = match (at(0), at(1)) {
        (b'*', b'*') => Some(DoubleStar),
        (b'/', b'/') => Some(DoubleSlash),
        (b'<', b'<') => Some(LeftShift),
        (b'>', b'>') => Some(RightShift),
        (b'<', b'=') => Some(LessEqual),
        (b'>', b'=') => Some(GreaterEqual),
        (b'=', b'=') => Some(EqEqual),
        (b'!', b'=') => Some(NotEqual),
        (b'-', b'>') => Some(RArrow),
        (b':', b'=') => Some(ColonEqual),
        (b'+', b'=') => Some(PlusEqual),
        (b'-', b'=') => Some(MinEqual),
        (b'*', b'=') => Some(StarEqual),
        (b'/', b'=') => Some(SlashEqual),
        (b'%', b'=') => Some(PercentEqual),
        (b'&', b'=') => Some(AmperEqual),
        (b'|', b'=') => Some(VBarEqual),
        (b'^', b'=') => Some(CircumflexEqual),
        (b'@', b'=') => Some(AtEqual),
        _ => Option::None,
    };
    if let Some(tok) = two {
        return Some((tok, 2));
    }
    let one = match at(0) {
        b':' => Colon,
        b',' => Comma,
        b';' => Semi,
        b'+' => Plus,
        b'-' => Minus,
        b'*' => Star,
        b'/' => Slash,
        b'|' => VBar,
        b'&' => Amper,
        b'<' => Less,
        b'>' => Greater,
        b'=' => Equal,
        b'.' => Dot,
        b'%' => Percent,
        b'~' => Tilde,
        b'^' => Circumflex,
        b'@' => At,
        b'!' => Exclamation,
        _ => return Option::None,
    };
    Some((one, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        lex(src)
            .unwrap()
            .into_iter()
            .map(|(tok, _)| tok.to_string())
            .collect()
    }

    fn lex_error(src: &str) -> String {
        lex(src).expect_err(src).msg
    }

    #[test]
    fn test_layout_tokens() {
        assert_eq!(
            kinds("if x:\n    y\n\n# c\nz"),
            [
                "if",
                "x",
                ":",
                "NEWLINE",
                "INDENT",
                "y",
                "NEWLINE",
                "DEDENT",
                "z",
                "NEWLINE",
                "ENDMARKER"
            ]
        );
        assert_eq!(
            kinds("(1,\n 2)\\\n+3"),
            ["(", "1", ",", "2", ")", "+", "3", "NEWLINE", "ENDMARKER"]
        );
        assert_eq!(kinds(""), ["ENDMARKER"]);
        assert_eq!(kinds("\n  # only a comment\n"), ["ENDMARKER"]);
    }

    #[test]
    fn test_numbers() {
        let toks: Vec<Token> =
            lex("0x_ff 0o17 0b1_0 1_000 1.5e3 .5 5. 1e400 00 18446744073709551616")
                .unwrap()
                .into_iter()
                .map(|(tok, _)| tok)
                .collect();
        assert_eq!(toks[0], Token::Int(255));
        assert_eq!(toks[1], Token::Int(15));
        assert_eq!(toks[2], Token::Int(2));
        assert_eq!(toks[3], Token::Int(1000));
        assert_eq!(toks[4], Token::Float(1500.0));
        assert_eq!(toks[5], Token::Float(0.5));
        assert_eq!(toks[6], Token::Float(5.0));
        assert_eq!(toks[7], Token::Float(f64::INFINITY));
        assert_eq!(toks[8], Token::Int(0));
        assert_eq!(toks[9], Token::BigInt("18446744073709551616".into()));
        assert_eq!(
            lex("0xffffffffffffffffffff").unwrap()[0].0,
            Token::BigInt("1208925819614629174706175".into())
        );
    }

    #[test]
    fn test_strings() {
        let toks = lex(r#"'a\n\x41\101\u00e9' r'\n' b'\xff\n' '''x
y'''"#)
        .unwrap();
        assert_eq!(toks[0].0, Token::Str("a\nAAé".into()));
        assert_eq!(toks[1].0, Token::Str("\\n".into()));
        assert_eq!(toks[2].0, Token::Bytes(vec![0xff, b'\n']));
        assert_eq!(toks[3].0, Token::Str("x\ny".into()));
    }

    #[test]
    fn test_tokenizer_errors() {
        assert_eq!(
            lex_error("x = 'abc\n"),
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(lex_error("(\n"), "'(' was never closed");
        assert_eq!(lex_error("]"), "unmatched ']'");
        assert_eq!(lex_error("1_"), "invalid decimal literal");
        assert_eq!(lex_error("0b12"), "invalid digit '2' in binary literal");
        assert_eq!(lex_error("a € b"), "invalid character '€' (U+20AC)");
        assert_eq!(lex_error("f'{}'"), "f-string: empty expression not allowed");
        assert_eq!(
            lex_error("if x:\n    a\n  b\n"),
            "unindent does not match any outer indentation level"
        );
        assert_eq!(
            lex_error("if x:\n\ta\n        b\n"),
            "inconsistent use of tabs and spaces in indentation"
        );
    }
}
