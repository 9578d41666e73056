//! Fluent localization: the shopper's locale, with en-US as the fallback for any missing message.
//!
//! Amounts are formatted by the browser's `Intl.NumberFormat` (see [`intl`]) and handed to Fluent
//! as ready-made arguments, so no number-formatting tables are compiled into the wasm.

pub mod intl;

use std::borrow::Cow;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The locale every message is written in first, and the last fallback.
pub const SOURCE_LOCALE: &str = "en-US";

/// Locales compiled into the bundle, with their Fluent source.
pub const LOCALES: &[(&str, &str)] = &[
    ("en-US", include_str!("../../locales/en-US/checkout.ftl")),
    ("fr-FR", include_str!("../../locales/fr-FR/checkout.ftl")),
];

/// Picks the best available locale for a list of requested language tags, most preferred first:
/// an exact match (case-insensitive), else the first available locale of the same base language
/// (`fr-CH` -> `fr-FR`), else the next request, and finally [`SOURCE_LOCALE`].
pub fn negotiate<'a>(requested: impl IntoIterator<Item = &'a str>) -> &'static str {
    for tag in requested {
        let tag = tag.trim();
        if let Some((code, _)) = LOCALES.iter().find(|(code, _)| code.eq_ignore_ascii_case(tag)) {
            return code;
        }
        let base = tag.split(['-', '_']).next().unwrap_or_default();
        if base.is_empty() {
            continue;
        }
        if let Some((code, _)) = LOCALES
            .iter()
            .find(|(code, _)| code.split('-').next().is_some_and(|b| b.eq_ignore_ascii_case(base)))
        {
            return code;
        }
    }
    SOURCE_LOCALE
}

/// Translates message ids for one shopper locale.
pub struct Localizer {
    locale: &'static str,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
}

impl Localizer {
    /// A localizer for `locale` (negotiated against the available locales first).
    pub fn new(locale: &str) -> Self {
        let locale = negotiate([locale]);
        let fallback = (locale != SOURCE_LOCALE).then(|| bundle_for(SOURCE_LOCALE));
        Self { locale, bundle: bundle_for(locale), fallback }
    }

    /// The BCP 47 tag in use, e.g. `fr-FR`.
    pub fn locale(&self) -> &'static str {
        self.locale
    }

    /// Whether `id` resolves in this locale or its fallback.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id) || self.fallback.as_ref().is_some_and(|b| b.has_message(id))
    }

    /// The message `id`; the id itself when no locale defines it, so a gap is visible, not blank.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments.
    pub fn t_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in std::iter::once(&self.bundle).chain(self.fallback.as_ref()) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return match bundle.format_pattern(pattern, args, &mut errors) {
                    Cow::Borrowed(s) => s.to_owned(),
                    Cow::Owned(s) => s,
                };
            }
        }
        id.to_owned()
    }
}

fn bundle_for(locale: &'static str) -> FluentBundle<FluentResource> {
    let source = LOCALES.iter().find(|(code, _)| *code == locale).map_or("", |(_, s)| s);
    let langid: LanguageIdentifier = locale.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Card numbers, expiry and amounts are wrapped in `dir="ltr"` elements by the components;
    // Unicode isolation marks inside plain strings would only get in the way of copy and tests.
    bundle.set_use_isolating(false);
    // A malformed entry loses that entry only; the rest of the file still loads.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Shared handle to the shopper's [`Localizer`], cheap to clone into closures.
pub type I18n = Arc<Localizer>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_prefers_exact_then_base_language_then_english() {
        let table: &[(&[&str], &str)] = &[
            (&["fr-FR"], "fr-FR"),
            (&["fr-CH"], "fr-FR"),
            (&["FR-ca"], "fr-FR"),
            (&["fr"], "fr-FR"),
            (&["de-DE", "fr-BE"], "fr-FR"),
            (&["de-DE"], "en-US"),
            (&["en-GB"], "en-US"),
            (&[], "en-US"),
            (&["", "-", "_x"], "en-US"),
        ];
        for (requested, expected) in table {
            assert_eq!(negotiate(requested.iter().copied()), *expected, "for {requested:?}");
        }
    }

    #[test]
    fn every_locale_defines_exactly_the_source_locale_messages() {
        let ids = |source: &str| -> Vec<String> {
            let resource = FluentResource::try_new(source.to_owned()).expect("locale parses");
            let mut ids: Vec<String> = resource
                .entries()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                    _ => None,
                })
                .collect();
            ids.sort();
            ids
        };
        let source_ids = ids(LOCALES[0].1);
        for (code, source) in LOCALES {
            assert_eq!(ids(source), source_ids, "{code} differs from {SOURCE_LOCALE}");
        }
    }

    #[test]
    fn every_core_error_has_a_message_in_every_locale() {
        for (code, _) in LOCALES {
            let localizer = Localizer::new(code);
            for error in paykka_core::CheckoutError::ALL {
                let id = error.message_id();
                assert!(localizer.bundle.has_message(id), "{code} lacks {id}");
            }
        }
    }

    #[test]
    fn missing_message_falls_back_to_english_then_to_its_id() {
        let fr = Localizer::new("fr-FR");
        assert_eq!(fr.t("no-such-message"), "no-such-message");
        assert!(!fr.has("no-such-message"));
    }

    #[test]
    fn arguments_are_interpolated_without_isolation_marks() {
        let en = Localizer::new("en-US");
        let text = en.t_with("pay-button", &[("amount", FluentValue::from("$49.99"))]);
        assert_eq!(text, "Pay $49.99");
    }
}
