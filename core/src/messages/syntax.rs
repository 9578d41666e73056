//! What a parsed entry is made of: the tree the parser builds and the resolver walks.

/// One piece of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Element {
    Text(String),
    Placeable(Expression),
}

/// A message's value: text and placeables, in order.
pub(super) type Pattern = Vec<Element>;

/// What a placeable `{ ... }` holds.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Expression {
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

/// One `[key] value` of a select expression.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Variant {
    /// The key as written: an identifier or a number.
    pub(super) key: String,
    /// Whether the key is a number (`[3]`) rather than a name (`[one]`).
    pub(super) numeric: bool,
    /// The `*[...]` variant, shown when no other matches.
    pub(super) default: bool,
    pub(super) value: Pattern,
}

/// A message or term: its id (a term's with its leading `-`) and its value.
pub(super) type Entry = (String, Pattern);
