//! Parameter lists (`def` and `lambda`) and call arguments, with
//! CPython's ordering checks and messages.

use super::{target, PResult, Parser};
use crate::syntax::ast::{Arg, Arguments, Expr, ExprKind, Keyword};
use crate::syntax::span::Span;
use crate::syntax::token::Token;

/// Where a parameter list stands while it is parsed.
#[derive(Default)]
struct ParamState {
    args: Arguments,
    slash: bool,
    star: Option<Span>,
    kwarg: bool,
    seen_default: bool,
}

impl Parser<'_> {
    /// A parameter list up to (not including) `closer`; annotations are
    /// parsed and dropped when `annotations` is set (`def`), and not
    /// accepted otherwise (`lambda`).
    pub(super) fn parameters(&mut self, closer: &Token, annotations: bool) -> PResult<Arguments> {
        let mut st = ParamState::default();
        let mut names: Vec<String> = Vec::new();
        while !self.at(closer) {
            let item = self.span();
            match self.peek() {
                Token::Slash => self.param_slash(&mut st)?,
                Token::Star => self.param_star(&mut st, closer, annotations, &mut names)?,
                Token::DoubleStar => {
                    self.advance();
                    let arg = self.param_name(annotations, &mut names)?;
                    if self.at(&Token::Equal) {
                        let msg = "var-keyword argument cannot have default value";
                        return Err(self.error_at(msg, self.span()));
                    }
                    st.args.kwarg = Some(arg);
                    st.kwarg = true;
                }
                _ => self.param_plain(&mut st, annotations, &mut names, item)?,
            }
            if self.eat(&Token::Comma).is_none() {
                break;
            }
            if st.kwarg && !self.at(closer) {
                let msg = "arguments cannot follow var-keyword argument";
                return Err(self.error_at(msg, self.span()));
            }
        }
        if let Some(star) = st.star {
            if st.args.vararg.is_none() && st.args.kwonlyargs.is_empty() {
                return Err(self.error_at("named arguments must follow bare *", star));
            }
        }
        if !self.at(closer) {
            return Err(self.invalid_syntax());
        }
        Ok(st.args)
    }

    fn param_slash(&mut self, st: &mut ParamState) -> PResult<()> {
        let span = self.advance();
        if st.slash {
            return Err(self.error_at("/ may appear only once", span));
        }
        if st.star.is_some() {
            return Err(self.error_at("/ must be ahead of *", span));
        }
        if st.args.args.is_empty() {
            if matches!(self.peek(), Token::RPar | Token::Colon) {
                return Err(self.error_at("invalid syntax", span));
            }
            return Err(self.error_at("at least one argument must precede /", span));
        }
        st.slash = true;
        st.args.posonlyargs = std::mem::take(&mut st.args.args);
        Ok(())
    }

    fn param_star(
        &mut self,
        st: &mut ParamState,
        closer: &Token,
        annotations: bool,
        names: &mut Vec<String>,
    ) -> PResult<()> {
        let span = self.advance();
        if st.star.is_some() {
            return Err(self.error_at("* argument may appear only once", span));
        }
        st.star = Some(span);
        if self.at(&Token::Comma) || self.at(closer) {
            return Ok(());
        }
        let arg = self.param_name(annotations, names)?;
        if self.at(&Token::Equal) {
            let msg = "var-positional argument cannot have default value";
            return Err(self.error_at(msg, self.span()));
        }
        st.args.vararg = Some(arg);
        Ok(())
    }

    fn param_plain(
        &mut self,
        st: &mut ParamState,
        annotations: bool,
        names: &mut Vec<String>,
        item: Span,
    ) -> PResult<()> {
        let arg = self.param_name(annotations, names)?;
        let default = if self.eat(&Token::Equal).is_some() {
            Some(self.expression()?)
        } else {
            None
        };
        if st.star.is_some() {
            st.args.kwonlyargs.push(arg);
            st.args.kw_defaults.push(default);
            return Ok(());
        }
        match default {
            Some(d) => {
                st.seen_default = true;
                st.args.defaults.push(d);
            }
            None if st.seen_default => {
                let msg = "non-default argument follows default argument";
                return Err(self.error_at(msg, item));
            }
            None => {}
        }
        st.args.args.push(arg);
        Ok(())
    }

    fn param_name(&mut self, annotations: bool, names: &mut Vec<String>) -> PResult<Arg> {
        let span = self.span();
        let name = self.name()?;
        if names.contains(&name) {
            let msg = format!("duplicate argument '{name}' in function definition");
            return Err(self.error_at(msg, span));
        }
        names.push(name.clone());
        if annotations && self.eat(&Token::Colon).is_some() {
            if self.at(&Token::Star) {
                self.starred_annotation()?;
            } else {
                self.expression()?;
            }
        }
        Ok(Arg { name, span })
    }

    fn starred_annotation(&mut self) -> PResult<()> {
        self.advance();
        self.expression()?;
        Ok(())
    }

    /// `( arguments )` of a call, or of a class header (`call` unset: no
    /// bare generator expression).
    pub(super) fn call_args(&mut self, call: bool) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.advance();
        self.parens += 1;
        let result = self.call_args_inner(call);
        self.parens -= 1;
        result
    }

    fn call_args_inner(&mut self, call: bool) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut bare_genexp = None;
        while !self.at(&Token::RPar) {
            let start = self.start();
            if let Some((e, bare)) = self.call_item(&mut keywords, start)? {
                if bare {
                    bare_genexp = Some(e.span);
                }
                args.push(e);
            }
            if self.eat(&Token::Comma).is_some() {
                continue;
            }
            if self.at(&Token::RPar) {
                break;
            }
            let last = match (args.last(), keywords.last()) {
                (Some(a), Some(k)) if k.span.start > a.span.start => k.value.clone(),
                (Some(a), _) => a.clone(),
                (None, Some(k)) => k.value.clone(),
                (None, None) => return Err(self.invalid_syntax()),
            };
            return Err(self.unexpected_after(&last));
        }
        if let Some(span) = bare_genexp {
            if !call {
                return Err(self.error_at("invalid syntax", span));
            }
            if args.len() + keywords.len() > 1 {
                return Err(self.error_at("Generator expression must be parenthesized", span));
            }
        }
        self.advance();
        Ok((args, keywords))
    }

    /// One argument: a positional one is returned (with whether it is an
    /// unparenthesized generator expression), a keyword one pushed.
    fn call_item(
        &mut self,
        keywords: &mut Vec<Keyword>,
        start: u32,
    ) -> PResult<Option<(Expr, bool)>> {
        let has_kwargs = keywords.iter().any(|k| k.arg.is_none());
        let has_keyword = !keywords.is_empty();
        if self.eat(&Token::DoubleStar).is_some() {
            let value = self.expression()?;
            let span = self.node((), start).span;
            keywords.push(Keyword {
                arg: None,
                value,
                span,
            });
            return Ok(None);
        }
        if self.at(&Token::Star) {
            let e = self.starred_arg()?;
            if has_kwargs {
                let msg = "iterable argument unpacking follows keyword argument unpacking";
                return Err(self.error_at(msg, e.span));
            }
            return Ok(Some((e, false)));
        }
        if let (Token::Name(name), Token::Equal) = (self.peek(), self.peek_nth(1)) {
            let arg = name.clone();
            if keywords
                .iter()
                .any(|k| k.arg.as_deref() == Some(arg.as_str()))
            {
                let msg = format!("keyword argument repeated: {arg}");
                return Err(self.error_at(msg, self.span()));
            }
            self.advance();
            self.advance();
            let value = self.expression()?;
            let span = self.node((), start).span;
            keywords.push(Keyword {
                arg: Some(arg),
                value,
                span,
            });
            return Ok(None);
        }
        let (e, bare) = self.positional_arg(start)?;
        if self.at(&Token::Equal) {
            return Err(self.keyword_target_error(&e));
        }
        if has_keyword {
            let msg = if has_kwargs {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            };
            return Err(self.error_at(msg, e.span));
        }
        Ok(Some((e, bare)))
    }

    fn starred_arg(&mut self) -> PResult<Expr> {
        let start = self.advance().start;
        let value = self.expression()?;
        Ok(self.node(ExprKind::Starred(Box::new(value)), start))
    }

    fn positional_arg(&mut self, start: u32) -> PResult<(Expr, bool)> {
        let e = self.named_expression()?;
        if !(self.at(&Token::For) || self.at(&Token::Async)) {
            return Ok((e, false));
        }
        let generators = self.comprehension_clauses(&e)?;
        let kind = ExprKind::GeneratorExp {
            elt: Box::new(e),
            generators,
        };
        Ok((self.node(kind, start), true))
    }

    #[cold]
    fn keyword_target_error(&self, e: &Expr) -> crate::syntax::SyntaxError {
        match e.node {
            ExprKind::True | ExprKind::False | ExprKind::None => {
                let msg = format!("cannot assign to {}", target::expr_name(&e.node));
                self.error_at(msg, e.span)
            }
            _ => self.error_at(
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                e.span,
            ),
        }
    }
}
