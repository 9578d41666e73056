//! Localized messages in Fluent syntax (<https://projectfluent.org/>): the part of Fluent that
//! checkout messages need, parsed and formatted here so the wasm carries no general-purpose
//! Fluent runtime, no CLDR plural tables and no float formatting.
//!
//! Supported: messages, terms (`-brand = PayKKa`), comments, multiline patterns (indented
//! continuation lines, dedented as Fluent does), placeables with variables (`{ $amount }`),
//! string and number literals, message and term references, and select expressions on a
//! variable, whose keys are strings, numbers or plural categories (`[one]`, `*[other]`).
//! Attributes (`.title = ...`) are read and ignored. Functions (`NUMBER()`) are refused.
//!
//! Plural categories come from the caller (the browser's `Intl.PluralRules` in the SDK), so
//! every language's rules are the platform's, and none ship in the bundle.
//!
//! Parsing is total: any input gives a [`Messages`] of the entries that parsed and the errors
//! of those that did not (a bad entry loses that entry only), never a panic.
//!
//! ```
//! use paykka_core::messages::{Messages, MessageArg, PluralCategory};
//!
//! let (messages, errors) = Messages::parse(
//!     "pay-button = Pay { $amount }\n\
//!      fields-left = { $count ->\n    [one] One field left.\n   *[other] { $count } fields left.\n}\n",
//! );
//! assert!(errors.is_empty());
//! let english = |n: i64| if n == 1 { PluralCategory::One } else { PluralCategory::Other };
//! assert_eq!(messages.format("pay-button", &[("amount", "$49.99".into())], &english).unwrap(), "Pay $49.99");
//! assert_eq!(messages.format("fields-left", &[("count", 3.into())], &english).unwrap(), "3 fields left.");
//! ```

use std::borrow::Cow;
use std::fmt;

/// How deep references and nested placeables may go before formatting gives up on a message
/// (a message that refers to itself, or a merchant's pathological nesting).
const MAX_DEPTH: usize = 16;

/// Unicode plural categories (CLDR), as `Intl.PluralRules.prototype.select` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

impl PluralCategory {
    /// The category's name in Fluent variant keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Zero => "zero",
            Self::One => "one",
            Self::Two => "two",
            Self::Few => "few",
            Self::Many => "many",
            Self::Other => "other",
        }
    }

    /// The category named `name`; [`PluralCategory::Other`] for anything else.
    pub fn from_name(name: &str) -> Self {
        match name {
            "zero" => Self::Zero,
            "one" => Self::One,
            "two" => Self::Two,
            "few" => Self::Few,
            "many" => Self::Many,
            _ => Self::Other,
        }
    }
}

/// A value for a message's `{ $name }`: text (an amount already formatted, a brand, a name) or
/// a whole number (a count, which also picks plural variants).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageArg<'a> {
    /// Shown as is.
    Text(Cow<'a, str>),
    /// Shown in ASCII digits; selects `[one]`, `[other]`... or an exact `[3]` variant.
    Number(i64),
}

impl<'a> From<&'a str> for MessageArg<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(Cow::Borrowed(text))
    }
}

impl From<String> for MessageArg<'_> {
    fn from(text: String) -> Self {
        Self::Text(Cow::Owned(text))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for MessageArg<'_> {
            fn from(n: $t) -> Self {
                Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

/// Why an entry of a Fluent source was not read. Its `Display` names the line, for the
/// developer who wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessagesError {
    /// 1-based line where the entry went wrong.
    pub line: usize,
    /// What was wrong.
    pub reason: &'static str,
}

impl fmt::Display for MessagesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Element {
    Text(String),
    Placeable(Expression),
}

type Pattern = Vec<Element>;

#[derive(Debug, Clone, PartialEq)]
enum Expression {
    /// A string literal (unescaped) or a number literal (as written).
    Literal(String),
    Variable(String),
    Message(String),
    Term(String),
    Select {
        selector: Box<Expression>,
        variants: Vec<Variant>,
    },
}

#[derive(Debug, Clone, PartialEq)]
struct Variant {
    key: String,
    numeric: bool,
    default: bool,
    value: Pattern,
}

/// The messages of one locale: parsed Fluent sources, later sources overriding earlier ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Messages {
    /// Sorted by id (terms keep their leading `-`); one entry per id.
    entries: Vec<(String, Pattern)>,
}

impl Messages {
    /// Parses a Fluent source: the entries that parsed, and why the others did not.
    pub fn parse(source: &str) -> (Self, Vec<MessagesError>) {
        let mut messages = Self::default();
        let errors = messages.add(source);
        (messages, errors)
    }

    /// Adds `source`'s entries, replacing any of the same id; returns the errors as
    /// [`Messages::parse`] does.
    pub fn add(&mut self, source: &str) -> Vec<MessagesError> {
        let mut parser = Parser {
            src: source.as_bytes(),
            text: source,
            pos: 0,
            depth: 0,
        };
        let mut errors = Vec::new();
        for entry in parser.resource(&mut errors) {
            match self
                .entries
                .binary_search_by(|(id, _)| id.as_str().cmp(&entry.0))
            {
                Ok(i) => self.entries[i] = entry,
                Err(i) => self.entries.insert(i, entry),
            }
        }
        errors
    }

    fn get(&self, id: &str) -> Option<&Pattern> {
        self.get_entry(id).map(|(_, pattern)| pattern)
    }

    fn get_entry(&self, id: &str) -> Option<(&str, &Pattern)> {
        let i = self
            .entries
            .binary_search_by(|(key, _)| key.as_str().cmp(id))
            .ok()?;
        Some((self.entries[i].0.as_str(), &self.entries[i].1))
    }

    /// Whether a message `id` has a value (terms are not messages).
    pub fn has(&self, id: &str) -> bool {
        !id.starts_with('-') && self.get(id).is_some()
    }

    /// The ids of every message (not terms), sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .map(|(id, _)| id.as_str())
            .filter(|id| !id.starts_with('-'))
    }

    /// Message `id` with `args`, plural variants picked by `plural`; `None` when there is no
    /// such message. A missing argument or reference shows as `{$name}` / `{name}`, as Fluent
    /// does, so a gap is visible rather than blank.
    pub fn format(
        &self,
        id: &str,
        args: &[(&str, MessageArg<'_>)],
        plural: &dyn Fn(i64) -> PluralCategory,
    ) -> Option<String> {
        if id.starts_with('-') {
            return None;
        }
        let pattern = self.get(id)?;
        let mut out = String::new();
        let resolver = Resolver {
            messages: self,
            args,
            plural,
            active: std::cell::RefCell::new(vec![id]),
        };
        resolver.pattern(pattern, &mut out, 0);
        Some(out)
    }
}

struct Resolver<'m, 'a> {
    messages: &'m Messages,
    args: &'a [(&'a str, MessageArg<'a>)],
    plural: &'a dyn Fn(i64) -> PluralCategory,
    /// The messages being resolved, outermost first: a reference back to one of them is a
    /// cycle, shown as `{id}` as Fluent does.
    active: std::cell::RefCell<Vec<&'m str>>,
}

impl<'m> Resolver<'m, '_> {
    fn pattern(&self, pattern: &Pattern, out: &mut String, depth: usize) {
        for element in pattern {
            match element {
                Element::Text(text) => out.push_str(text),
                Element::Placeable(expression) => self.expression(expression, out, depth + 1),
            }
        }
    }

    fn arg(&self, name: &str) -> Option<&MessageArg<'_>> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    fn expression(&self, expression: &Expression, out: &mut String, depth: usize) {
        if depth > MAX_DEPTH {
            out.push_str("{???}");
            return;
        }
        match expression {
            Expression::Literal(text) => out.push_str(text),
            Expression::Variable(name) => match self.arg(name) {
                Some(MessageArg::Text(text)) => out.push_str(text),
                Some(MessageArg::Number(n)) => out.push_str(&n.to_string()),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Expression::Message(id) | Expression::Term(id) => match self.messages.get_entry(id) {
                Some((id, pattern)) if !self.active.borrow().contains(&id) => {
                    self.active.borrow_mut().push(id);
                    self.pattern(pattern, out, depth);
                    self.active.borrow_mut().pop();
                }
                _ => {
                    out.push('{');
                    out.push_str(id);
                    out.push('}');
                }
            },
            Expression::Select { selector, variants } => {
                let chosen = self
                    .select(selector, variants)
                    .or_else(|| variants.iter().find(|v| v.default));
                if let Some(variant) = chosen {
                    self.pattern(&variant.value, out, depth);
                }
            }
        }
    }

    fn select<'v>(&self, selector: &Expression, variants: &'v [Variant]) -> Option<&'v Variant> {
        let by_text = |text: &str| variants.iter().find(|v| !v.numeric && v.key == text);
        let n = match selector {
            Expression::Variable(name) => match self.arg(name)? {
                MessageArg::Text(text) => return by_text(text),
                MessageArg::Number(n) => *n,
            },
            Expression::Literal(text) => return by_text(text),
            _ => return None,
        };
        variants
            .iter()
            .find(|v| v.numeric && number_key_equals(&v.key, n))
            .or_else(|| by_text((self.plural)(n).as_str()))
    }
}

/// Whether a number key (`3`, `-1`) equals the whole number `n`. As in fluent-bundle, a key
/// written with decimals (`2.0`) carries its precision and never equals a whole number.
fn number_key_equals(key: &str, n: i64) -> bool {
    !key.contains('.') && key.parse::<i64>().is_ok_and(|k| k == n)
}

type Entry = (String, Pattern);

struct Parser<'s> {
    src: &'s [u8],
    text: &'s str,
    pos: usize,
    /// Placeables open around the position: bounded, so no input can exhaust the stack.
    depth: usize,
}

type Parsed<T> = Result<T, &'static str>;

impl<'s> Parser<'s> {
    fn byte(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn byte_at(&self, pos: usize) -> Option<u8> {
        self.src.get(pos).copied()
    }

    fn take(&mut self, b: u8) -> bool {
        if self.byte() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8, reason: &'static str) -> Parsed<()> {
        if self.take(b) { Ok(()) } else { Err(reason) }
    }

    fn line_of(&self, pos: usize) -> usize {
        1 + self.src[..pos.min(self.src.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    }

    /// Spaces on this line; how many.
    fn skip_blank_inline(&mut self) -> usize {
        let start = self.pos;
        while self.byte() == Some(b' ') {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A line end (`\n` or `\r\n`), if here.
    fn skip_eol(&mut self) -> bool {
        match self.byte() {
            Some(b'\n') => {
                self.pos += 1;
                true
            }
            Some(b'\r') if self.byte_at(self.pos + 1) == Some(b'\n') => {
                self.pos += 2;
                true
            }
            _ => false,
        }
    }

    /// Whole blank lines (spaces then a line end), leaving the position at the start of the
    /// first line that is not blank.
    fn skip_blank_block(&mut self) {
        loop {
            let start = self.pos;
            self.skip_blank_inline();
            if !self.skip_eol() {
                self.pos = start;
                return;
            }
        }
    }

    /// Spaces and line ends.
    fn skip_blank(&mut self) {
        while matches!(self.byte(), Some(b' ' | b'\n'))
            || (self.byte() == Some(b'\r') && self.byte_at(self.pos + 1) == Some(b'\n'))
        {
            self.pos += 1;
        }
    }

    fn resource(&mut self, errors: &mut Vec<MessagesError>) -> Vec<Entry> {
        let mut entries = Vec::new();
        self.skip_blank_block();
        while self.pos < self.src.len() {
            let start = self.pos;
            self.depth = 0;
            match self.entry() {
                Ok(Some(entry)) => entries.push(entry),
                Ok(None) => {}
                Err(reason) => {
                    errors.push(MessagesError {
                        line: self.line_of(start),
                        reason,
                    });
                    self.pos = self.pos.max(start + 1);
                    self.skip_to_next_entry();
                }
            }
            self.skip_blank_block();
            if self.pos == start {
                // Cannot happen (every branch consumes), but a parser must never spin.
                self.pos += 1;
                self.skip_to_next_entry();
            }
        }
        entries
    }

    /// Junk recovery: on to the next line that starts like an entry (this one, if the
    /// position is at its start).
    fn skip_to_next_entry(&mut self) {
        while self.pos < self.src.len() {
            if self.src[self.pos - 1] == b'\n'
                && matches!(self.src[self.pos], b'a'..=b'z' | b'A'..=b'Z' | b'-' | b'#')
            {
                return;
            }
            self.pos += 1;
        }
        self.pos = self.src.len();
    }

    fn entry(&mut self) -> Parsed<Option<Entry>> {
        match self.byte() {
            Some(b'#') => {
                self.comment()?;
                Ok(None)
            }
            Some(b'-') => {
                self.pos += 1;
                let id = self.identifier()?;
                let (value, _) = self.entry_body()?;
                Ok(Some((
                    format!("-{id}"),
                    value.ok_or("a term needs a value")?,
                )))
            }
            Some(b'a'..=b'z' | b'A'..=b'Z') => {
                let id = self.identifier()?;
                let (value, attributes) = self.entry_body()?;
                if value.is_none() && !attributes {
                    return Err("a message needs a value");
                }
                // A message with attributes only has no value to show: it is kept out, so
                // lookups fall back as for a missing message.
                Ok(value.map(|value| (id.to_owned(), value)))
            }
            _ => Err("expected an entry such as `message-id = Text`"),
        }
    }

    fn comment(&mut self) -> Parsed<()> {
        loop {
            let mut level = 0;
            while self.take(b'#') {
                level += 1;
            }
            if level > 3 {
                return Err("a comment starts with #, ## or ### and a space");
            }
            if !self.skip_eol() {
                if !self.take(b' ') && self.pos < self.src.len() {
                    return Err("a comment starts with #, ## or ### and a space");
                }
                while let Some(b) = self.byte() {
                    if b == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
                self.skip_eol();
            }
            // Consecutive comment lines are one comment.
            if self.byte() != Some(b'#') {
                return Ok(());
            }
        }
    }

    /// `= pattern` and any attributes; whether there were attributes.
    fn entry_body(&mut self) -> Parsed<(Option<Pattern>, bool)> {
        self.skip_blank_inline();
        self.expect(b'=', "expected `=` after the message id")?;
        let value = self.pattern()?;
        let mut attributes = false;
        loop {
            let start = self.pos;
            self.skip_blank();
            if !self.take(b'.') {
                self.pos = start;
                break;
            }
            self.identifier()?;
            self.skip_blank_inline();
            self.expect(b'=', "expected `=` after the attribute name")?;
            self.pattern()?.ok_or("an attribute needs a value")?;
            attributes = true;
        }
        Ok((value, attributes))
    }

    fn identifier(&mut self) -> Parsed<&'s str> {
        let start = self.pos;
        if !matches!(self.byte(), Some(b'a'..=b'z' | b'A'..=b'Z')) {
            return Err("expected an identifier (a letter, then letters, digits, - or _)");
        }
        while matches!(
            self.byte(),
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_')
        ) {
            self.pos += 1;
        }
        Ok(&self.text[start..self.pos])
    }

    /// A pattern, following Fluent's rules for where it ends and how its lines are dedented.
    fn pattern(&mut self) -> Parsed<Option<Pattern>> {
        #[derive(PartialEq, Clone, Copy)]
        enum Role {
            InitialLineStart,
            LineStart,
            Continuation,
        }
        enum Piece {
            Placeable(Expression),
            Text {
                start: usize,
                end: usize,
                indent: usize,
                role: Role,
            },
        }
        let mut pieces = Vec::new();
        let mut last_non_blank = None;
        let mut common_indent: Option<usize> = None;
        self.skip_blank_inline();
        let mut role = if self.skip_eol() {
            self.skip_blank_block();
            Role::LineStart
        } else {
            Role::InitialLineStart
        };
        while self.pos < self.src.len() {
            if self.take(b'{') {
                if role == Role::LineStart {
                    common_indent = Some(0);
                }
                let expression = self.placeable()?;
                last_non_blank = Some(pieces.len());
                pieces.push(Piece::Placeable(expression));
                role = Role::Continuation;
                continue;
            }
            let line_start = self.pos;
            let mut indent = 0;
            if role == Role::LineStart {
                indent = self.skip_blank_inline();
                match self.byte() {
                    None => break,
                    Some(b) if indent == 0 => {
                        if b != b'\r' && b != b'\n' {
                            break;
                        }
                    }
                    Some(b'.' | b'}' | b'[' | b'*') => {
                        self.pos = line_start;
                        break;
                    }
                    Some(_) => {}
                }
            }
            // A run of text up to a line end, a placeable or the end.
            let mut blank = true;
            // As in fluent-syntax, a `\r\n` ends the run before the `\r` and leaves its `\n`
            // to be read as a blank line of its own: only `\n` keeps a blank line's indent.
            let (end, ends_line, line_feed) = loop {
                match self.byte() {
                    None => break (self.pos, false, false),
                    Some(b' ') => self.pos += 1,
                    Some(b'\n') => {
                        self.pos += 1;
                        break (self.pos, true, true);
                    }
                    Some(b'\r') if self.byte_at(self.pos + 1) == Some(b'\n') => {
                        self.pos += 1;
                        break (self.pos - 1, true, false);
                    }
                    Some(b'{') => break (self.pos, false, false),
                    Some(b'}') => {
                        return Err("a `}` without its `{` (write { \"}\" } for the character)");
                    }
                    Some(_) => {
                        blank = false;
                        self.pos += 1;
                    }
                }
            };
            if line_start != end {
                if role == Role::LineStart && !blank {
                    common_indent = Some(common_indent.map_or(indent, |c| c.min(indent)));
                }
                if role != Role::LineStart || !blank || line_feed {
                    if !blank {
                        last_non_blank = Some(pieces.len());
                    }
                    pieces.push(Piece::Text {
                        start: line_start,
                        end,
                        indent,
                        role,
                    });
                }
            }
            role = if ends_line {
                Role::LineStart
            } else {
                Role::Continuation
            };
        }
        let Some(last) = last_non_blank else {
            return Ok(None);
        };
        let mut pattern = Vec::with_capacity(last + 1);
        for (i, piece) in pieces.into_iter().take(last + 1).enumerate() {
            match piece {
                Piece::Placeable(expression) => pattern.push(Element::Placeable(expression)),
                Piece::Text {
                    start,
                    end,
                    indent,
                    role,
                } => {
                    let start = if role == Role::LineStart {
                        start + common_indent.map_or(indent, |c| c.min(indent))
                    } else {
                        start
                    };
                    let mut text = self.text.get(start..end).unwrap_or_default();
                    if i == last {
                        text = text.trim_end_matches([' ', '\n', '\r']);
                    }
                    match pattern.last_mut() {
                        Some(Element::Text(previous)) => previous.push_str(text),
                        _ => pattern.push(Element::Text(text.to_owned())),
                    }
                }
            }
        }
        Ok(Some(pattern))
    }

    /// After `{`: an expression and its `}`.
    fn placeable(&mut self) -> Parsed<Expression> {
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
        Ok(Expression::Select {
            selector: Box::new(selector),
            variants,
        })
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
                            return Ok(Expression::Literal(value));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn english(n: i64) -> PluralCategory {
        if n == 1 {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    }

    fn fmt(source: &str, id: &str, args: &[(&str, MessageArg<'_>)]) -> Option<String> {
        let (messages, errors) = Messages::parse(source);
        assert!(errors.is_empty(), "{errors:?}");
        messages.format(id, args, &english)
    }

    #[test]
    fn patterns_read_as_fluent_reads_them() {
        let table: &[(&str, &str)] = &[
            ("m = Hello", "Hello"),
            ("m =    Hello   ", "Hello"),
            ("m =\n    Hello", "Hello"),
            ("m =\n    Line one\n    Line two\n", "Line one\nLine two"),
            (
                "m = First\n    second\n      indented\n",
                "First\nsecond\n  indented",
            ),
            ("m =\n    a\n\n    b\n", "a\n\nb"),
            ("m = a { \"{\" } b", "a { b"),
            ("m = { \"\\u0041\\\\\\\"\" }", "A\\\""),
            ("m = { 42 } and { -1.5 }", "42 and -1.5"),
            (
                "-brand = PayKKa\nm = Pay with { -brand }",
                "Pay with PayKKa",
            ),
            ("other = there\nm = Hi { other }", "Hi there"),
            ("m = a\r\n    b\r\n", "a\nb"),
            ("m = Hi\n    .title = ignored\n", "Hi"),
            ("m = { { \"nested\" } }", "nested"),
        ];
        for (source, expected) in table {
            assert_eq!(
                fmt(source, "m", &[]).as_deref(),
                Some(*expected),
                "for {source:?}"
            );
        }
    }

    #[test]
    fn variables_and_selects_pick_exact_numbers_then_plural_categories_then_the_default() {
        let source = "m = { $n ->\n    [0] none\n    [one] one { $n }\n   *[other] { $n } items\n}\nw = { $where ->\n    [front] on the front\n   *[back] on the back\n}\n";
        assert_eq!(fmt(source, "m", &[("n", 0.into())]).unwrap(), "none");
        assert_eq!(fmt(source, "m", &[("n", 1.into())]).unwrap(), "one 1");
        assert_eq!(fmt(source, "m", &[("n", 7.into())]).unwrap(), "7 items");
        assert_eq!(fmt(source, "m", &[]).unwrap(), "{$n} items");
        assert_eq!(
            fmt(source, "w", &[("where", "front".into())]).unwrap(),
            "on the front"
        );
        assert_eq!(
            fmt(source, "w", &[("where", "side".into())]).unwrap(),
            "on the back"
        );
        assert_eq!(
            fmt(source, "w", &[("where", 1.into())]).unwrap(),
            "on the back"
        );
    }

    #[test]
    fn missing_things_show_where_they_are_missing() {
        assert_eq!(
            fmt("m = Pay { $amount }", "m", &[]).unwrap(),
            "Pay {$amount}"
        );
        assert_eq!(
            fmt("m = See { nothing }", "m", &[]).unwrap(),
            "See {nothing}"
        );
        assert_eq!(fmt("m = x", "absent", &[]), None);
        assert_eq!(fmt("-t = term", "-t", &[]), None);
        assert_eq!(fmt("m = a { m }", "m", &[]).unwrap(), "a {m}");
        assert_eq!(
            fmt("m = a { n }\nn = b { m }", "m", &[]).unwrap(),
            "a b {m}"
        );
    }

    #[test]
    fn a_bad_entry_loses_that_entry_only_and_names_its_line() {
        let source = "good = Fine\nbad = { $x\nalso-good = Also fine\nworse = { NUMBER($x) }\n  }\n#bad comment\nlast = Last\n";
        let (messages, errors) = Messages::parse(source);
        assert_eq!(
            messages.ids().collect::<Vec<_>>(),
            ["also-good", "good", "last"]
        );
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 4, 6], "{errors:?}");
    }

    #[test]
    fn refused_syntax_says_why() {
        let table: &[(&str, &str)] = &[
            ("m = { NUMBER($n) }", "not supported"),
            ("m = { $n ->\n   [one] x\n}", "default variant"),
            ("m = { $n ->\n  *[one] x\n  *[other] y\n}", "one default"),
            ("m = a } b", "without its"),
            ("m = { \"open", "ends on its line"),
            ("m = { \"\\q\" }", "unknown escape"),
            ("m =", "needs a value"),
            ("= x", "expected an entry"),
            ("m x", "expected `=`"),
        ];
        for (source, reason) in table {
            let (_, errors) = Messages::parse(source);
            assert!(
                errors.first().is_some_and(|e| e.reason.contains(reason)),
                "{source:?}: {errors:?}"
            );
        }
    }

    #[test]
    fn later_sources_override_earlier_messages_and_keep_the_rest() {
        let (mut messages, _) = Messages::parse("a = one\nb = two\n");
        assert!(messages.add("b = deux\nc = trois\n").is_empty());
        let got: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|id| messages.format(id, &[], &english).unwrap())
            .collect();
        assert_eq!(got, ["one", "deux", "trois"]);
    }

    #[test]
    fn parsing_never_panics_on_any_input() {
        let pieces = [
            "m",
            " ",
            "=",
            "{",
            "}",
            "$",
            "-",
            ">",
            "[",
            "]",
            "*",
            "\n",
            "\r",
            "\"",
            "\\",
            "u",
            "#",
            ".",
            "1",
            "é",
            "\u{1F600}",
            "x",
        ];
        // Every string of up to 4 pieces: 22^4 inputs, all the punctuation's interleavings.
        let mut input = String::new();
        fn walk(pieces: &[&str], input: &mut String, left: usize) {
            let (messages, _) = Messages::parse(input);
            for id in messages.ids() {
                let _ = messages.format(id, &[("n", 1.into())], &|_| PluralCategory::Other);
            }
            if left == 0 {
                return;
            }
            for piece in pieces {
                let len = input.len();
                input.push_str(piece);
                walk(pieces, input, left - 1);
                input.truncate(len);
            }
        }
        walk(&pieces, &mut input, 4);
    }
}
