//! `paykka_core::messages` against the reference Fluent implementation (fluent-bundle, with
//! CLDR plural rules from intl_pluralrules): every shipped locale must give the same ids and the
//! same text for every message, argument and plural case, and so must the tricky syntax below.

use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::Entry;
use intl_pluralrules::{PluralRuleType, PluralRules};
use paykka_core::messages::{MessageArg, Messages, PluralCategory};
use unic_langid::LanguageIdentifier;

const TEXT_ARGS: [&str; 8] = [
    "amount", "brand", "expiry", "last4", "merchant", "method", "order", "reason",
];
const NUMBER_ARGS: [&str; 3] = ["count", "digits", "minutes"];
const NUMBERS: [i64; 15] = [0, 1, 2, 3, 4, 5, 7, 11, 12, 21, 22, 25, 101, 111, 1000];

fn plural_rules(tag: &str) -> impl Fn(i64) -> PluralCategory {
    // Where intl_pluralrules has no rules for a language, fluent-bundle matches no category
    // and takes the default variant: `other` is every shipped select's default.
    let langid: LanguageIdentifier = tag.parse().unwrap();
    let language: LanguageIdentifier = langid.language.as_str().parse().unwrap();
    let rules = PluralRules::create(langid, PluralRuleType::CARDINAL)
        .or_else(|_| PluralRules::create(language, PluralRuleType::CARDINAL))
        .ok();
    move |n| {
        use intl_pluralrules::PluralCategory as C;
        match rules.as_ref().map(|r| r.select(n)) {
            Some(Ok(C::ZERO)) => PluralCategory::Zero,
            Some(Ok(C::ONE)) => PluralCategory::One,
            Some(Ok(C::TWO)) => PluralCategory::Two,
            Some(Ok(C::FEW)) => PluralCategory::Few,
            Some(Ok(C::MANY)) => PluralCategory::Many,
            _ => PluralCategory::Other,
        }
    }
}

/// Compares both implementations on `source`; returns how many texts were compared.
fn assert_same(tag: &str, source: &str) -> usize {
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let mut reference_ids: Vec<String> = resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) if m.value.is_some() => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    reference_ids.sort();
    reference_ids.dedup();
    let mut bundle = FluentBundle::new(vec![tag.parse::<LanguageIdentifier>().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource_overriding(resource);

    let (ours, _) = Messages::parse(source);
    assert_eq!(
        ours.ids().collect::<Vec<_>>(),
        reference_ids,
        "{tag}: message ids"
    );
    let plural = plural_rules(tag);
    let mut compared = 0;
    for id in &reference_ids {
        let pattern = bundle.get_message(id).and_then(|m| m.value()).unwrap();
        for n in NUMBERS {
            for location in ["front", "back", "side"] {
                let mut args = FluentArgs::new();
                let mut our_args: Vec<(&str, MessageArg<'_>)> = Vec::new();
                for name in TEXT_ARGS {
                    args.set(name, FluentValue::from(format!("<{name}>")));
                    our_args.push((name, format!("<{name}>").into()));
                }
                for name in NUMBER_ARGS {
                    args.set(name, FluentValue::from(n));
                    our_args.push((name, n.into()));
                }
                args.set("location", FluentValue::from(location));
                our_args.push(("location", location.into()));
                let mut errors = Vec::new();
                let expected = bundle
                    .format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned();
                let got = ours.format(id, &our_args, &plural).unwrap();
                assert_eq!(got, expected, "{tag} {id} n={n} location={location}");
                compared += 1;
            }
        }
        // No arguments at all: both show where each is missing, and selects take the default.
        let mut errors = Vec::new();
        let expected = bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned();
        assert_eq!(
            ours.format(id, &[], &plural).unwrap(),
            expected,
            "{tag} {id} without arguments"
        );
    }
    compared
}

#[test]
fn every_shipped_locale_reads_exactly_as_fluent_reads_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    let mut locales = 0;
    let mut compared = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let entry = entry.unwrap();
        let tag = entry.file_name().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(entry.path().join("checkout.ftl")).unwrap();
        let (_, errors) = Messages::parse(&source);
        assert!(errors.is_empty(), "{tag}: {errors:?}");
        compared += assert_same(&tag, &source);
        locales += 1;
    }
    assert!(
        locales >= 32 && compared > 100_000,
        "{locales} locales, {compared} texts"
    );
}

#[test]
fn tricky_syntax_reads_exactly_as_fluent_reads_it() {
    let sources = [
        "m = Hello",
        "m =    Hello   \n",
        "m =\n    Hello\n",
        "m =\n    Line one\n    Line two\n",
        "m = First\n    second\n      indented\n",
        "m =\n      deep\n    shallow\n",
        "m =\n    a\n\n    b\n\n\n",
        "m = a { \"{\" } b",
        "m = { \"\\u0041\\\\\\\"\" }",
        "m = { \"\\U01F600\" } { \"\\uD800\" }",
        "m = { 42 } and { -1.5 }",
        "-brand = PayKKa\nm = Pay with { -brand }",
        "other = there\nm = Hi { other }",
        "m = a\r\n    b\r\n",
        "m = Hi\n    .title = ignored\n",
        "m = { { \"nested\" } }",
        "m = { $count ->\n    [0] none\n    [one] one\n    [2.0] two\n   *[other] { $count } more\n}",
        "m =\n    { $location ->\n        [front] on\n            the front\n       *[back] back\n    } done\n",
        "m = before { $location ->\n   *[back] x\n    [front] y\n  } after",
        "m = { $missing ->\n    [a] a\n   *[b] b\n}",
        "# comment\n## group\n### file\nm = x\n\n\n# trailing",
        "m = one\nm = two\n",
        "m = x\nbad = { $x\nn = y\n",
    ];
    for source in sources {
        assert_same("en-US", source);
        assert_same("pl-PL", source);
    }
}

mod random {
    use super::*;
    use proptest::prelude::*;

    /// Sources made of Fluent's own punctuation, ids, variables and text, in any order.
    fn fluent_like() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "m",
            "n",
            " = ",
            "=",
            " ",
            "  ",
            "    ",
            "\n",
            "\r\n",
            "{",
            "}",
            " { ",
            " } ",
            "$count",
            "$location",
            "-t",
            "-",
            "->",
            "[",
            "]",
            "*[",
            "[one]",
            "*[other]",
            "[front]",
            "[0]",
            "\"",
            "\\",
            "\\u0041",
            "#",
            "# note\n",
            ".",
            ".title",
            "1",
            "-2",
            "é",
            "text",
            "m = ",
            "\nn = ",
            "\n    ",
            "\n   *[other] x\n",
            "\n    [one] y\n",
            " }\n",
            "\t",
            "\u{a0}",
            "\r",
            "\u{c}",
        ]);
        prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000), ..ProptestConfig::default() })]

        /// Never a panic; and wherever both implementations read a source without an error,
        /// they read it the same.
        #[test]
        fn any_source_parses_without_panicking_and_as_fluent_does_when_both_accept_it(source in fluent_like()) {
            let (ours, errors) = Messages::parse(&source);
            for id in ours.ids() {
                let _ = ours.format(id, &[("count", 1.into())], &|_| PluralCategory::One);
            }
            let reference_ok = FluentResource::try_new(source.clone()).is_ok();
            if errors.is_empty() && reference_ok {
                assert_same("en-US", &source);
            }
        }
    }
}
