//! Formatting a parsed message: arguments filled in, references followed, variants selected.

use std::cell::RefCell;

use super::syntax::{Element, Expression, Pattern, Variant};
use super::{MAX_DEPTH, MessageArg, Messages, PluralCategory};

/// One formatting of one message: what it reads its arguments and references from.
pub(super) struct Resolver<'m, 'a> {
    messages: &'m Messages,
    args: &'a [(&'a str, MessageArg<'a>)],
    plural: &'a dyn Fn(i64) -> PluralCategory,
    /// The messages being resolved, outermost first: a reference back to one of them is a
    /// cycle, shown as `{id}` as Fluent does.
    active: RefCell<Vec<&'m str>>,
}

impl<'m, 'a> Resolver<'m, 'a> {
    /// A resolver for message `id` of `messages`.
    pub(super) fn new(
        messages: &'m Messages,
        args: &'a [(&'a str, MessageArg<'a>)],
        plural: &'a dyn Fn(i64) -> PluralCategory,
        id: &'m str,
    ) -> Self {
        Self {
            messages,
            args,
            plural,
            active: RefCell::new(vec![id]),
        }
    }

    /// Appends `pattern`, resolved, to `out`.
    pub(super) fn pattern(&self, pattern: &Pattern, out: &mut String, depth: usize) {
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
