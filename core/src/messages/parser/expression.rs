//! Placeables: inline expressions (literals, variables, references) and select expressions.

use super::super::MAX_DEPTH;
use super::super::syntax::{Expression, Variant};
use super::{Parsed, Parser};

impl Parser<'_> {
    /// After `{`: an expression and its `}`.
    pub(super) fn placeable(&mut self) -> Parsed<Expression> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("placeables nested too deep");
        }
        self.skip_blank();
        let expression = self.expression()?;
        self.skip_blank_inline();
        self.expect(b'}', "expected `}` to close the placeable")?;
        self.depth -= 1;
        Ok(expression)
    }

    fn expression(&mut self) -> Parsed<Expression> {
        let selector = self.inline_expression()?;
        self.skip_blank();
        if !(self.byte() == Some(b'-') && self.byte_at(self.pos + 1) == Some(b'>')) {
            return Ok(selector);
        }
        if !matches!(selector, Expression::Variable(_) | Expression::Literal(_)) {
            return Err("only a variable such as $count can select a variant");
        }
        self.pos += 2;
        self.skip_blank_inline();
        if !self.skip_eol() {
            return Err("the variants of a select expression start on the next line");
        }
        self.skip_blank();
        let variants = self.variants()?;
        Ok(Expression::Select {
            selector: Box::new(selector),
            variants,
        })
    }

    /// The variants of a select expression, up to its `}`: exactly one of them the default.
    fn variants(&mut self) -> Parsed<Vec<Variant>> {
        let mut variants: Vec<Variant> = Vec::new();
        while matches!(self.byte(), Some(b'*' | b'[')) {
            let default = self.take(b'*');
            if default && variants.iter().any(|v| v.default) {
                return Err("a select expression has one default variant *[...]");
            }
            self.expect(b'[', "expected `[` to open a variant key")?;
            self.skip_blank();
            let (key, numeric) = match self.byte() {
                Some(b'0'..=b'9' | b'-') => (self.number()?, true),
                _ => (self.identifier()?.to_owned(), false),
            };
            self.skip_blank();
            self.expect(b']', "expected `]` to close the variant key")?;
            let value = self.pattern()?.ok_or("a variant needs a value")?;
            variants.push(Variant {
                key,
                numeric,
                default,
                value,
            });
            self.skip_blank();
        }
        if !variants.iter().any(|v| v.default) {
            return Err("a select expression needs a default variant *[...]");
        }
        Ok(variants)
    }

    fn number(&mut self) -> Parsed<String> {
        let start = self.pos;
        self.take(b'-');
        let digits = |p: &mut Self| {
            let from = p.pos;
            while matches!(p.byte(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos > from
        };
        if !digits(self) {
            return Err("expected a number");
        }
        if self.take(b'.') && !digits(self) {
            return Err("expected digits after the decimal point");
        }
        Ok(self.text[start..self.pos].to_owned())
    }

    fn inline_expression(&mut self) -> Parsed<Expression> {
        match self.byte() {
            Some(b'"') => {
                self.pos += 1;
                self.string_literal().map(Expression::Literal)
            }
            Some(b'0'..=b'9') => Ok(Expression::Literal(self.number()?)),
            Some(b'-') if matches!(self.byte_at(self.pos + 1), Some(b'0'..=b'9')) => {
                Ok(Expression::Literal(self.number()?))
            }
            Some(b'-') => {
                self.pos += 1;
                let id = self.identifier()?;
                let term = format!("-{id}");
                if self.byte() == Some(b'.') {
                    return Err("term attributes are not supported");
                }
                if self.byte() == Some(b'(') {
                    return Err("term arguments are not supported");
                }
                Ok(Expression::Term(term))
            }
            Some(b'$') => {
                self.pos += 1;
                Ok(Expression::Variable(self.identifier()?.to_owned()))
            }
            Some(b'a'..=b'z' | b'A'..=b'Z') => {
                let id = self.identifier()?.to_owned();
                match self.byte() {
                    Some(b'(') => Err(
                        "functions such as NUMBER() are not supported: pass the value formatted",
                    ),
                    Some(b'.') => Err("message attributes are not supported in placeables"),
                    _ => Ok(Expression::Message(id)),
                }
            }
            Some(b'{') => {
                self.pos += 1;
                self.placeable()
            }
            _ => Err("expected a placeable such as { $name } or { \"text\" }"),
        }
    }

    /// After the opening `"`: a string literal's value, unescaped, and its closing `"`.
    fn string_literal(&mut self) -> Parsed<String> {
        let mut value = String::new();
        loop {
            let run = self.pos;
            while !matches!(self.byte(), None | Some(b'"' | b'\\' | b'\n' | b'\r')) {
                self.pos += 1;
            }
            value.push_str(&self.text[run..self.pos]);
            match self.byte() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(value);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.byte() {
                        Some(b @ (b'\\' | b'"')) => {
                            self.pos += 1;
                            value.push(b as char);
                        }
                        Some(b'u') => value.push(self.unicode_escape(4)?),
                        Some(b'U') => value.push(self.unicode_escape(6)?),
                        _ => {
                            return Err(
                                "unknown escape in a string literal (\\\\, \\\", \\uXXXX, \\UXXXXXX)",
                            );
                        }
                    }
                }
                _ => return Err("a string literal ends on its line with `\"`"),
            }
        }
    }

    /// After `\u` / `\U`: `digits` hex digits, as a character.
    fn unicode_escape(&mut self, digits: usize) -> Parsed<char> {
        self.pos += 1;
        let hex = self
            .text
            .get(self.pos..self.pos + digits)
            .ok_or("a \\u escape needs 4 hex digits (\\U: 6)")?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("a \\u escape needs 4 hex digits (\\U: 6)");
        }
        self.pos += digits;
        // A lone surrogate or a value past U+10FFFF is not a character: Fluent shows U+FFFD.
        Ok(u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}'))
    }
}
