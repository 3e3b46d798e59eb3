//! `SyntaxError` for the front end (and the compiler's scope errors), with
//! CPython's wording and its caret rendering.

use super::span::{SourceFile, Span};

/// Which Python exception class a front-end error becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    Indentation,
    Tab,
}

impl SyntaxErrorKind {
    /// The Python class name.
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
        }
    }
}

/// A syntax error at a span, with CPython's message text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub span: Span,
}

impl SyntaxError {
    #[cold]
    pub fn new(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            msg: msg.into(),
            span,
        }
    }

    #[cold]
    pub fn indentation(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::Indentation,
            msg: msg.into(),
            span,
        }
    }

    /// CPython's report: `  File "f.py", line N`, the source line indented by
    /// four spaces, a caret line, then `SyntaxError: msg`.
    pub fn render(&self, file: &SourceFile) -> String {
        let line = file.line_of(self.span.start);
        let mut out = format!("  File \"{}\", line {}\n", file.name, line);
        // CPython shows no caret for these: their offset is unknown.
        let caret = !(self.kind == SyntaxErrorKind::Tab || self.msg == "unexpected indent");
        if let Some(text) = file.line_text(line) {
            let trimmed = text.trim_start();
            let indent = text.chars().count() - trimmed.chars().count();
            let col = file.col_of(self.span.start) as usize;
            let caret_col = col.saturating_sub(1).saturating_sub(indent);
            let width = if self.span.end > self.span.start
                && file.line_of(self.span.end.saturating_sub(1)) == line
            {
                let end_col = file.col_of(self.span.end) as usize;
                end_col.saturating_sub(col).max(1)
            } else {
                1
            };
            let trimmed_end = trimmed.trim_end();
            out.push_str(&format!("    {}\n", trimmed_end));
            if caret {
                out.push_str(&format!(
                    "    {}{}\n",
                    " ".repeat(caret_col),
                    "^".repeat(width)
                ));
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind.class_name(), self.msg));
        out
    }
}
