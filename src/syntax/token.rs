//! The token vocabulary shared by the lexer and the parser.
//!
//! `Display` prints a token's canonical source text (`def`, `**=`, a
//! literal re-spelled), or an upper-case name for the layout tokens
//! (`NEWLINE`, `INDENT`, `DEDENT`, `ENDMARKER`). The lexer golden files are
//! made of these.

use std::fmt;

use super::span::Span;

/// A token paired with the bytes it covers.
pub type SpannedToken = (Token, Span);

/// One lexical token. Literals carry their decoded values.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// An identifier (soft keywords such as `match` are names too).
    Name(String),
    /// An int literal that fits in `i64`.
    Int(i64),
    /// An int literal too large for `i64`, as decimal digits.
    BigInt(String),
    Float(f64),
    /// `1j`: lexed so the parser can reject it with a clear message.
    Imaginary(f64),
    /// A decoded `str` literal (one literal; the parser joins neighbours).
    Str(String),
    /// A decoded `bytes` literal.
    Bytes(Vec<u8>),
    /// An f-string, already split into literal and expression pieces.
    FString(Vec<FStringPiece>),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    // === Keywords ===
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // === Operators and delimiters ===
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
    /// `!` alone: only meaningful inside f-strings, an error elsewhere.
    Exclamation,
}

/// One piece of an f-string token.
#[derive(Debug, Clone, PartialEq)]
pub enum FStringPiece {
    /// Decoded literal text (`{{` already turned into `{`).
    Literal(String),
    /// A replacement field `{expr!conv:spec}`.
    Field(Box<FStringField>),
}

/// A replacement field: the expression's tokens plus its decorations.
#[derive(Debug, Clone, PartialEq)]
pub struct FStringField {
    /// The expression's tokens (no layout tokens, no ENDMARKER).
    pub tokens: Vec<SpannedToken>,
    /// The span of the expression text between `{` and `!`/`:`/`=`/`}`.
    pub span: Span,
    /// `Some('r' | 's' | 'a')` for an explicit `!conv`.
    pub conversion: Option<char>,
    /// The format spec after `:`, itself made of pieces.
    pub spec: Option<Vec<FStringPiece>>,
    /// For `{expr=}`: the source text `expr=` with its whitespace.
    pub debug_text: Option<String>,
}

/// Keyword spellings, for `Display` (and a test that `keyword` agrees).
pub const KEYWORDS: &[(&str, Token)] = &[
    ("False", Token::False),
    ("None", Token::None),
    ("True", Token::True),
    ("and", Token::And),
    ("as", Token::As),
    ("assert", Token::Assert),
    ("async", Token::Async),
    ("await", Token::Await),
    ("break", Token::Break),
    ("class", Token::Class),
    ("continue", Token::Continue),
    ("def", Token::Def),
    ("del", Token::Del),
    ("elif", Token::Elif),
    ("else", Token::Else),
    ("except", Token::Except),
    ("finally", Token::Finally),
    ("for", Token::For),
    ("from", Token::From),
    ("global", Token::Global),
    ("if", Token::If),
    ("import", Token::Import),
    ("in", Token::In),
    ("is", Token::Is),
    ("lambda", Token::Lambda),
    ("nonlocal", Token::Nonlocal),
    ("not", Token::Not),
    ("or", Token::Or),
    ("pass", Token::Pass),
    ("raise", Token::Raise),
    ("return", Token::Return),
    ("try", Token::Try),
    ("while", Token::While),
    ("with", Token::With),
    ("yield", Token::Yield),
];

impl Token {
    /// The keyword token spelled `word`, if it is one.
    pub fn keyword(word: &str) -> Option<Token> {
        use Token::*;
        Some(match word {
            "False" => False,
            "None" => Token::None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }

    /// The fixed source text of a keyword, operator or delimiter.
    pub fn fixed_text(&self) -> Option<&'static str> {
        if let Some((text, _)) = KEYWORDS.iter().find(|(_, tok)| tok == self) {
            return Some(text);
        }
        operator_text(self)
    }
}

fn operator_text(tok: &Token) -> Option<&'static str> {
    use Token::*;
    Some(match tok {
        LPar => "(",
        RPar => ")",
        LSqb => "[",
        RSqb => "]",
        LBrace => "{",
        RBrace => "}",
        Colon => ":",
        Comma => ",",
        Semi => ";",
        Plus => "+",
        Minus => "-",
        Star => "*",
        Slash => "/",
        VBar => "|",
        Amper => "&",
        Less => "<",
        Greater => ">",
        Equal => "=",
        Dot => ".",
        Percent => "%",
        EqEqual => "==",
        NotEqual => "!=",
        LessEqual => "<=",
        GreaterEqual => ">=",
        Tilde => "~",
        Circumflex => "^",
        LeftShift => "<<",
        RightShift => ">>",
        DoubleStar => "**",
        PlusEqual => "+=",
        MinEqual => "-=",
        StarEqual => "*=",
        SlashEqual => "/=",
        PercentEqual => "%=",
        AmperEqual => "&=",
        VBarEqual => "|=",
        CircumflexEqual => "^=",
        LeftShiftEqual => "<<=",
        RightShiftEqual => ">>=",
        DoubleStarEqual => "**=",
        DoubleSlash => "//",
        DoubleSlashEqual => "//=",
        At => "@",
        AtEqual => "@=",
        RArrow => "->",
        Ellipsis => "...",
        ColonEqual => ":=",
        Exclamation => "!",
        _ => return Option::None,
    })
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Name(name) => f.write_str(name),
            Token::Int(v) => write!(f, "{v}"),
            Token::BigInt(digits) => f.write_str(digits),
            Token::Float(v) => write!(f, "{v:?}"),
            Token::Imaginary(v) => write!(f, "{v:?}j"),
            Token::Str(s) => write!(f, "{s:?}"),
            Token::Bytes(b) => write!(f, "b\"{}\"", b.escape_ascii()),
            Token::FString(pieces) => {
                f.write_str("f\"")?;
                write_pieces(f, pieces)?;
                f.write_str("\"")
            }
            Token::Newline => f.write_str("NEWLINE"),
            Token::Indent => f.write_str("INDENT"),
            Token::Dedent => f.write_str("DEDENT"),
            Token::EndMarker => f.write_str("ENDMARKER"),
            other => f.write_str(other.fixed_text().unwrap_or("?")),
        }
    }
}

fn write_pieces(f: &mut fmt::Formatter<'_>, pieces: &[FStringPiece]) -> fmt::Result {
    for piece in pieces {
        match piece {
            FStringPiece::Literal(text) => {
                let escaped = format!("{text:?}");
                let inner = &escaped[1..escaped.len() - 1];
                f.write_str(&inner.replace('{', "{{").replace('}', "}}"))?;
            }
            FStringPiece::Field(field) => {
                f.write_str("{")?;
                for (i, (tok, _)) in field.tokens.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" ")?;
                    }
                    write!(f, "{tok}")?;
                }
                if field.debug_text.is_some() {
                    f.write_str("=")?;
                }
                if let Some(conv) = field.conversion {
                    write!(f, "!{conv}")?;
                }
                if let Some(spec) = &field.spec {
                    f.write_str(":")?;
                    write_pieces(f, spec)?;
                }
                f.write_str("}")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_keyword_table_agrees() {
        for (text, tok) in KEYWORDS {
            assert_eq!(Token::keyword(text).as_ref(), Some(tok));
            assert_eq!(tok.to_string(), *text);
        }
        assert_eq!(Token::keyword("match"), Option::None);
    }
}
