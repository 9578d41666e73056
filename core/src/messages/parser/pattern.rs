//! Patterns: where one ends and how its lines are dedented, following Fluent's rules. Read in
//! two steps: the lines into [`Pieces`] (text runs with their indent, and placeables), then
//! the pieces into a [`Pattern`], the common indent taken off and trailing blanks dropped.

use super::super::syntax::{Element, Expression, Pattern};
use super::{Parsed, Parser};

/// Where a run of text sits, which decides whether its indent is dedented.
#[derive(PartialEq, Clone, Copy)]
enum Role {
    /// On the entry's own line, after `=`.
    InitialLineStart,
    /// At the start of a continuation line.
    LineStart,
    /// After a placeable on the same line.
    Continuation,
}

/// A pattern's piece as read, before dedenting.
enum Piece {
    Placeable(Expression),
    Text {
        start: usize,
        end: usize,
        indent: usize,
        role: Role,
    },
}

/// A run of text read up to a line end, a placeable or the end of the source.
struct Run {
    /// Where the run's text ends (before a `\r\n`'s `\r`, after a `\n`).
    end: usize,
    ends_line: bool,
    /// Whether the line ended with a bare `\n` (see [`Parser::text_run`]).
    line_feed: bool,
    /// Only spaces and line ends.
    blank: bool,
}

/// The pieces of a pattern read so far.
#[derive(Default)]
struct Pieces {
    list: Vec<Piece>,
    /// The index of the last piece that is not blank: the ones after it are dropped.
    last_non_blank: Option<usize>,
    /// The smallest indent of the lines that start with text; 0 once a line starts with a
    /// placeable.
    common_indent: Option<usize>,
}

impl Pieces {
    fn placeable(&mut self, expression: Expression, role: Role) {
        if role == Role::LineStart {
            self.common_indent = Some(0);
        }
        self.last_non_blank = Some(self.list.len());
        self.list.push(Piece::Placeable(expression));
    }

    /// The text from `start` to the end of `run`, its line indented by `indent`.
    fn text(&mut self, start: usize, indent: usize, role: Role, run: &Run) {
        if start == run.end {
            return;
        }
        if role == Role::LineStart && !run.blank {
            self.common_indent = Some(self.common_indent.map_or(indent, |c| c.min(indent)));
        }
        if role != Role::LineStart || !run.blank || run.line_feed {
            if !run.blank {
                self.last_non_blank = Some(self.list.len());
            }
            self.list.push(Piece::Text {
                start,
                end: run.end,
                indent,
                role,
            });
        }
    }

    /// The pattern, dedented and trimmed; `None` when it has nothing but blanks.
    fn finish(self, source: &str) -> Option<Pattern> {
        let Self {
            list,
            last_non_blank,
            common_indent,
        } = self;
        let last = last_non_blank?;
        let mut pattern = Vec::with_capacity(last + 1);
        for (i, piece) in list.into_iter().take(last + 1).enumerate() {
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
                    let mut text = source.get(start..end).unwrap_or_default();
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
        Some(pattern)
    }
}

impl Parser<'_> {
    /// A pattern, following Fluent's rules for where it ends and how its lines are dedented.
    pub(super) fn pattern(&mut self) -> Parsed<Option<Pattern>> {
        let mut pieces = Pieces::default();
        self.skip_blank_inline();
        let mut role = if self.skip_eol() {
            self.skip_blank_block();
            Role::LineStart
        } else {
            Role::InitialLineStart
        };
        while self.pos < self.src.len() {
            if self.take(b'{') {
                let expression = self.placeable()?;
                pieces.placeable(expression, role);
                role = Role::Continuation;
                continue;
            }
            let line_start = self.pos;
            let mut indent = 0;
            if role == Role::LineStart {
                match self.continuation_indent(line_start) {
                    Some(spaces) => indent = spaces,
                    None => break,
                }
            }
            let run = self.text_run()?;
            pieces.text(line_start, indent, role, &run);
            role = if run.ends_line {
                Role::LineStart
            } else {
                Role::Continuation
            };
        }
        Ok(pieces.finish(self.text))
    }

    /// At the start of a line after a pattern's first: the line's indent when it continues
    /// the pattern (an indented line, or a blank one), `None` when the pattern ended before it
    /// (the position then left where the next thing starts).
    fn continuation_indent(&mut self, line_start: usize) -> Option<usize> {
        let indent = self.skip_blank_inline();
        match self.byte() {
            None => None,
            Some(b) if indent == 0 => (b == b'\r' || b == b'\n').then_some(0),
            Some(b'.' | b'}' | b'[' | b'*') => {
                self.pos = line_start;
                None
            }
            Some(_) => Some(indent),
        }
    }

    /// A run of text up to a line end, a placeable or the end.
    fn text_run(&mut self) -> Parsed<Run> {
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
        Ok(Run {
            end,
            ends_line,
            line_feed,
            blank,
        })
    }
}
