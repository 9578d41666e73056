//! The values a message is formatted with, and the plural categories that pick its variants.

use std::borrow::Cow;

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
