use super::*;
use paykka_core::messages::{MessageArg, PluralCategory};
use std::path::Path;

fn locale_source(tag: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(tag)
        .join("checkout.ftl");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// As `load_locale` does once the file is fetched (only for locales no test expects unloaded).
fn loaded(tag: &'static str) {
    with_catalogue(|c| c.loaded.insert(tag, Arc::from(locale_source(tag))));
}

fn localizer(tag: &'static str) -> Localizer {
    Localizer::from_source(tag, &locale_source(tag))
}

fn message_ids(source: &str) -> Vec<String> {
    let (messages, errors) = Messages::parse(source);
    assert!(errors.is_empty(), "{errors:?}");
    messages.ids().map(str::to_owned).collect()
}

#[test]
fn negotiation_prefers_exact_then_base_language_then_english() {
    let table: &[(&[&str], &str)] = &[
        (&["fr-FR"], "fr-FR"),
        (&["fr-CH"], "fr-FR"),
        (&["FR-ca"], "fr-FR"),
        (&["fr"], "fr-FR"),
        (&["zh-SG"], "zh-CN"),
        (&["zh-TW"], "zh-TW"),
        (&["pt"], "pt-PT"),
        (&["pt_BR"], "pt-BR"),
        (&["ar-EG"], "ar"),
        (&["he"], "he-IL"),
        (&["nb"], "nb-NO"),
        (&["xx-YY", "de-AT"], "de-DE"),
        (&["en-GB"], "en-GB"),
        (&["en-AU"], "en-US"),
        (&["tlh"], "en-US"),
        (&[], "en-US"),
        (&["", "-", "_x"], "en-US"),
    ];
    for (requested, expected) in table {
        assert_eq!(
            negotiate(requested.iter().copied()),
            *expected,
            "for {requested:?}"
        );
    }
}

#[test]
fn every_shipped_locale_has_a_file_and_every_file_is_shipped() {
    let mut on_disk: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    on_disk.sort();
    let mut shipped: Vec<String> = AVAILABLE_LOCALES.iter().map(|t| t.to_string()).collect();
    shipped.sort();
    assert_eq!(on_disk, shipped);
    assert!(
        AVAILABLE_LOCALES.len() >= 32,
        "{} locales",
        AVAILABLE_LOCALES.len()
    );
}

#[test]
fn the_compiled_in_messages_are_the_source_file_without_its_comments() {
    assert!(
        SOURCE_MESSAGES.len() < SOURCE_FILE.len()
            && !SOURCE_MESSAGES.lines().any(|l| l.starts_with('#'))
    );
    let (full, errors) = Messages::parse(SOURCE_FILE);
    assert!(errors.is_empty(), "{errors:?}");
    let (stripped, errors) = Messages::parse(SOURCE_MESSAGES);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        full.ids().collect::<Vec<_>>(),
        stripped.ids().collect::<Vec<_>>()
    );
    let plural = |n: i64| {
        if n == 1 {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    };
    for id in full.ids() {
        for n in [0, 1, 2, 5] {
            let args = [
                ("digits", MessageArg::Number(n)),
                ("minutes", MessageArg::Number(n)),
                ("count", MessageArg::Number(n)),
            ];
            assert_eq!(
                full.format(id, &args, &plural),
                stripped.format(id, &args, &plural),
                "{id} with {n}"
            );
        }
    }
}

#[test]
fn every_locale_defines_exactly_the_source_locale_messages() {
    let source_ids = message_ids(SOURCE_MESSAGES);
    for tag in AVAILABLE_LOCALES {
        let ids = message_ids(&locale_source(tag));
        let missing: Vec<_> = source_ids.iter().filter(|id| !ids.contains(id)).collect();
        let extra: Vec<_> = ids.iter().filter(|id| !source_ids.contains(id)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{tag}: missing {missing:?}, not in {SOURCE_LOCALE} {extra:?}"
        );
    }
}

#[test]
fn every_locale_parses_without_an_error() {
    for tag in AVAILABLE_LOCALES {
        let (_, errors) = Messages::parse(&locale_source(tag));
        assert!(errors.is_empty(), "{tag}: {errors:?}");
    }
}

#[test]
fn plural_messages_read_naturally_for_small_counts_in_every_locale() {
    for tag in AVAILABLE_LOCALES {
        let localizer = localizer(tag);
        for count in [1, 2, 3, 5, 11, 21] {
            let text = localizer.t_with("card-form-invalid", &[("count", count.into())]);
            assert!(
                !text.is_empty() && !text.contains("card-form-invalid"),
                "{tag} {count}: {text:?}"
            );
            let text = localizer.t_with("qr-time-left", &[("minutes", count.into())]);
            assert!(
                !text.is_empty() && !text.contains('{'),
                "{tag} {count}: {text:?}"
            );
        }
    }
}

#[test]
fn every_core_error_has_a_message_in_every_locale() {
    for tag in AVAILABLE_LOCALES {
        let localizer = localizer(tag);
        for error in paykka_core::CheckoutError::ALL {
            let id = error.message_id();
            assert!(localizer.messages.has(id), "{tag} lacks {id}");
        }
    }
}

/// Every string literal in the SDK's sources that looks like one of our message ids
/// (`card-...`, `error-...`, `dropin-...`) must be defined in the source locale.
#[test]
fn every_message_id_the_code_uses_is_defined() {
    let defined = message_ids(SOURCE_MESSAGES);
    let prefixes = [
        "card-",
        "error-",
        "dropin-",
        "method-",
        "secure-frame-",
        "stored-card-",
        "qr-",
        "wallet-",
        "merchant-",
        "pay-",
    ];
    let mut used = Vec::new();
    let mut files = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("core/src"));
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for literal in text.split('"').skip(1).step_by(2) {
                let looks_like_id = prefixes.iter().any(|p| literal.starts_with(p))
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !literal.ends_with('-');
                if looks_like_id {
                    used.push((literal.to_owned(), path.display().to_string()));
                }
            }
        }
    }
    assert!(
        used.len() > 50,
        "found only {} ids: is the scan still looking?",
        used.len()
    );
    let undefined: Vec<_> = used
        .iter()
        .filter(|(id, _)| !defined.contains(id))
        .collect();
    assert!(
        undefined.is_empty(),
        "used but not defined in {SOURCE_LOCALE}: {undefined:?}"
    );
}

#[test]
fn a_locale_not_loaded_yet_is_served_in_english_and_says_so() {
    with_catalogue(|c| c.loaded.remove("ko-KR"));
    let ko = Localizer::new("ko-KR");
    assert_eq!(ko.locale(), SOURCE_LOCALE);
    assert_eq!(ko.t("card-number-label"), "Card number");
}

#[test]
fn missing_message_falls_back_to_english_then_to_its_id() {
    loaded("fr-FR");
    let fr = Localizer::new("fr-FR");
    assert_eq!(fr.t("no-such-message"), "no-such-message");
    assert!(!fr.has("no-such-message"));
}

#[test]
fn arguments_are_interpolated_without_isolation_marks() {
    let en = Localizer::new("en-US");
    let text = en.t_with("pay-button", &[("amount", MessageArg::from("$49.99"))]);
    assert_eq!(text, "Pay $49.99");
}

#[test]
fn a_merchant_overrides_one_message_and_keeps_the_rest() {
    loaded("de-DE");
    add_messages("de-DE", "pay-button = Jetzt { $amount } bezahlen").unwrap();
    let de = Localizer::new("de-DE");
    assert_eq!(
        de.t_with("pay-button", &[("amount", "49,99 €".into())]),
        "Jetzt 49,99 € bezahlen"
    );
    assert_ne!(de.t("card-number-label"), "Card number");
}

#[test]
fn a_merchant_adds_a_locale_we_do_not_ship_and_english_fills_its_gaps() {
    add_messages("sw-KE", "card-number-label = Nambari ya kadi").unwrap();
    assert_eq!(negotiate(["sw"]), "sw-KE");
    let sw = Localizer::new("sw-KE");
    assert_eq!(sw.locale(), "sw-KE");
    assert_eq!(sw.t("card-number-label"), "Nambari ya kadi");
    assert_eq!(sw.t("card-cvv-label"), "Security code");
}

#[test]
fn merchant_messages_that_are_not_fluent_or_not_for_a_language_tag_are_refused() {
    assert!(
        add_messages("de-DE", "pay-button = { $amount")
            .unwrap_err()
            .0
            .contains("not valid Fluent")
    );
    assert!(
        add_messages("<script>", "a = b")
            .unwrap_err()
            .0
            .contains("not a language tag")
    );
    assert!(add_messages("", "a = b").is_err());
}

#[test]
fn in_right_to_left_locales_each_argument_stays_one_left_to_right_piece() {
    let ar = Localizer::from_source("ar", &locale_source("ar"));
    let text = ar.t_with(
        "pay-button",
        &[("amount", MessageArg::from("\u{200f}49.99 US$"))],
    );
    assert!(
        text.contains("\u{2066}\u{200f}49.99 US$\u{2069}"),
        "{text:?}"
    );
    let en = Localizer::new("en-US");
    assert_eq!(
        en.t_with("pay-button", &[("amount", MessageArg::from("$49.99"))]),
        "Pay $49.99"
    );
}

#[test]
fn arabic_and_hebrew_are_right_to_left_and_the_others_are_not() {
    assert!(is_rtl("ar") && is_rtl("he-IL") && is_rtl("AR-eg"));
    assert!(!is_rtl("en-US") && !is_rtl("fr-FR") && !is_rtl("") && !is_rtl("hu-HU"));
}
