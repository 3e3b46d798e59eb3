//! The parser: tokens to an [`ast::Module`] by recursive descent, with
//! precedence climbing for binary operators.
//!
//! Errors follow CPython 3.11's wording for the common mistakes (`expected
//! ':'`, `invalid syntax. Perhaps you forgot a comma?`, `cannot assign to
//! function call here. Maybe you meant '==' instead of '='?`, ...).
//! Syntax outside sigpy's subset fails with a message naming the feature.
//! Children:
//! - `stmt`: statements and blocks
//! - `expr`: expressions from `lambda` down to atoms
//! - `display`: bracketed displays, comprehensions, strings and f-strings
//! - `args`: parameter lists and call arguments
//! - `target`: assignment/deletion target checks and node names

mod args;
mod display;
mod expr;
mod stmt;
mod target;

use super::ast::{self, Expr, ExprKind};
use super::error::SyntaxError;
use super::lexer::lex;
use super::span::{SourceFile, Span};
use super::token::{SpannedToken, Token};

/// Nesting budget for recursive parsing (unary chains, parentheses, `**`
/// towers); keeps deep input from overflowing the native stack.
const MAX_DEPTH: u32 = 250;
/// Native stack the parser may use (measured from its entry), so deep
/// nesting is an error even where frames are large (debug builds) or the
/// thread stack is small. Release builds reach `MAX_DEPTH` well before it.
const STACK_BUDGET: usize = 1 << 20;
/// Budget for the depth of the tree built, counting left-leaning chains
/// (`a+b+c`, `x.a.b`, `f()()`) too, so later recursive passes (drop,
/// compile) stay shallow. CPython gives up at a similar size.
const MAX_TREE_DEPTH: u32 = 1000;

type PResult<T> = Result<T, SyntaxError>;

/// Lexes and parses a whole file.
pub fn parse_module(file: &SourceFile) -> Result<ast::Module, SyntaxError> {
    parse_source(&file.text)
}

/// Lexes and parses source text (the file name only matters for rendering).
pub fn parse_source(src: &str) -> Result<ast::Module, SyntaxError> {
    let tokens = match lex(src) {
        Ok(t) => t,
        Err(e) if e.msg.ends_with("was never closed") => {
            // CPython reports a syntax error found before the end of the
            // input in preference to the unclosed bracket.
            if let Ok(toks) = super::lexer::lex_unclosed_ok(src) {
                let mut parser = Parser::new(src, toks, 0);
                if let Err(pe) = parser.file() {
                    if pe.msg == "invalid syntax" && (pe.span.start as usize) < src.trim_end().len()
                    {
                        return Err(pe);
                    }
                }
            }
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    let mut parser = Parser::new(src, tokens, 0);
    let body = parser.file()?;
    Ok(ast::Module { body })
}

/// An address in the caller's stack frame (the stack grows downwards).
#[inline(never)]
fn stack_addr() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

struct Parser<'a> {
    src: &'a str,
    toks: Vec<SpannedToken>,
    pos: usize,
    /// End offset of the last consumed token.
    last_end: u32,
    depth: u32,
    /// Depth of the tree under construction (recursion plus chains).
    tree_depth: u32,
    /// Stack address at the outermost parser's entry.
    stack_base: usize,
    /// Open brackets around the current point (for the comma hint).
    parens: u32,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, toks: Vec<SpannedToken>, depth: u32) -> Parser<'a> {
        Parser {
            src,
            toks,
            pos: 0,
            last_end: 0,
            depth,
            tree_depth: depth,
            stack_base: stack_addr(),
            parens: 0,
        }
    }

    // === Token access ===

    fn peek(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)].0
    }

    fn peek_nth(&self, n: usize) -> &Token {
        &self.toks[(self.pos + n).min(self.toks.len() - 1)].0
    }

    fn span(&self) -> Span {
        self.toks[self.pos.min(self.toks.len() - 1)].1
    }

    fn at(&self, tok: &Token) -> bool {
        self.peek() == tok
    }

    fn advance(&mut self) -> Span {
        let span = self.span();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        self.last_end = span.end;
        span
    }

    fn eat(&mut self, tok: &Token) -> Option<Span> {
        if self.at(tok) {
            Some(self.advance())
        } else {
            None
        }
    }

    fn expect(&mut self, tok: &Token) -> PResult<Span> {
        self.eat(tok).ok_or_else(|| self.invalid_syntax())
    }

    fn name(&mut self) -> PResult<String> {
        match self.peek() {
            Token::Name(name) => {
                let name = name.clone();
                self.advance();
                Ok(name)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// A node spanning from `start` to the end of the last consumed token.
    fn node<T>(&self, node: T, start: u32) -> ast::Spanned<T> {
        ast::Spanned {
            node,
            span: Span {
                start,
                end: self.last_end.max(start),
            },
        }
    }

    fn start(&self) -> u32 {
        self.span().start
    }

    // === Errors and limits ===

    #[cold]
    fn invalid_syntax(&self) -> SyntaxError {
        SyntaxError::new("invalid syntax", self.span())
    }

    #[cold]
    fn error_at(&self, msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError::new(msg, span)
    }

    #[cold]
    fn unsupported(&self, what: &str, span: Span) -> SyntaxError {
        SyntaxError::new(format!("sigpy does not support {what}"), span)
    }

    /// 1-based line of a byte offset (for messages naming a line).
    fn line_of(&self, offset: u32) -> usize {
        let end = (offset as usize).min(self.src.len());
        self.src.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        let used = self.stack_base.saturating_sub(stack_addr());
        if self.depth > MAX_DEPTH || used > STACK_BUDGET {
            return Err(self.error_at("too many nested parentheses", self.span()));
        }
        self.deepen(1)
    }

    fn leave(&mut self) {
        self.depth -= 1;
        self.tree_depth -= 1;
    }

    /// Accounts for `links` more levels of tree (undo with `shallow`).
    fn deepen(&mut self, links: u32) -> PResult<()> {
        self.tree_depth += links;
        if self.tree_depth > MAX_TREE_DEPTH {
            let msg = "maximum recursion depth exceeded during compilation";
            return Err(self.error_at(msg, self.span()));
        }
        Ok(())
    }

    fn shallow(&mut self, links: u32) {
        self.tree_depth -= links;
    }

    /// Runs `f` speculatively: on failure the position is restored and
    /// `None` returned.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> Option<T> {
        let saved = (self.pos, self.last_end, self.depth, self.parens);
        let tree_depth = self.tree_depth;
        match f(self) {
            Ok(v) => Some(v),
            Err(_) => {
                (self.pos, self.last_end, self.depth, self.parens) = saved;
                self.tree_depth = tree_depth;
                None
            }
        }
    }

    /// Whether `tok` can begin an expression.
    fn starts_expr(tok: &Token) -> bool {
        matches!(
            tok,
            Token::Name(_)
                | Token::Int(_)
                | Token::BigInt(_)
                | Token::Float(_)
                | Token::Imaginary(_)
                | Token::Str(_)
                | Token::Bytes(_)
                | Token::FString(_)
                | Token::LPar
                | Token::LSqb
                | Token::LBrace
                | Token::Minus
                | Token::Plus
                | Token::Tilde
                | Token::Not
                | Token::Lambda
                | Token::True
                | Token::False
                | Token::None
                | Token::Ellipsis
                | Token::Await
        )
    }

    /// The error for an expression followed by something unexpected inside
    /// brackets or a condition: CPython's `=` and missing-comma hints.
    #[cold]
    fn unexpected_after(&mut self, elem: &Expr) -> SyntaxError {
        if self.at(&Token::Equal) {
            return self.equal_error(elem);
        }
        let next = self.peek();
        let juxtaposed = Self::starts_expr(next)
            && !matches!(next, Token::Not)
            && !(matches!(elem.node, ExprKind::Name(_))
                && matches!(next, Token::Str(_) | Token::Bytes(_) | Token::FString(_)));
        if self.parens > 0 && juxtaposed && target::is_disjunction(&elem.node) {
            if let Some(next) = self.attempt(|p| p.expression()) {
                let full = Span {
                    start: elem.span.start,
                    end: next.span.end,
                };
                return self.error_at("invalid syntax. Perhaps you forgot a comma?", full);
            }
        }
        self.invalid_syntax()
    }

    /// `x = 1` where an expression was expected (CPython's
    /// `invalid_named_expression`).
    #[cold]
    fn equal_error(&self, elem: &Expr) -> SyntaxError {
        if matches!(elem.node, ExprKind::Name(_)) {
            return self.error_at(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                elem.span,
            );
        }
        if target::is_bitwise_or(&elem.node)
            && !matches!(
                elem.node,
                ExprKind::List(_)
                    | ExprKind::Tuple(_)
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::True
                    | ExprKind::False
                    | ExprKind::None
            )
        {
            let msg = format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                target::expr_name(&elem.node)
            );
            return self.error_at(msg, elem.span);
        }
        self.invalid_syntax()
    }
}

#[cfg(test)]
mod tests;
