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

use std::fmt;

mod args;
mod parser;
mod resolve;
mod syntax;
#[cfg(test)]
mod tests;

pub use args::{MessageArg, PluralCategory};

use parser::Parser;
use resolve::Resolver;
use syntax::Pattern;

/// How deep references and nested placeables may go before formatting gives up on a message
/// (a message that refers to itself, or a merchant's pathological nesting).
const MAX_DEPTH: usize = 16;

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
        let mut errors = Vec::new();
        for entry in Parser::new(source).resource(&mut errors) {
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
        Resolver::new(self, args, plural, id).pattern(pattern, &mut out, 0);
        Some(out)
    }
}
