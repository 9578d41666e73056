//! Reading a Fluent source: entries, comments and junk recovery here; patterns (where they end,
//! how they are dedented) in [`pattern`]; placeables and select expressions in [`expression`].

mod expression;
mod pattern;

use super::MessagesError;
use super::syntax::{Entry, Pattern};

/// A position in a Fluent source.
pub(super) struct Parser<'s> {
    src: &'s [u8],
    text: &'s str,
    pos: usize,
    /// Placeables open around the position: bounded, so no input can exhaust the stack.
    depth: usize,
}

/// A parse step's result: on failure, why, for [`MessagesError::reason`].
type Parsed<T> = Result<T, &'static str>;

impl<'s> Parser<'s> {
    /// A parser at the start of `source`.
    pub(super) fn new(source: &'s str) -> Self {
        Self {
            src: source.as_bytes(),
            text: source,
            pos: 0,
            depth: 0,
        }
    }

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

    /// Every entry of the source that parses; why the others did not, into `errors`.
    pub(super) fn resource(&mut self, errors: &mut Vec<MessagesError>) -> Vec<Entry> {
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
}
