//! Property tests: every parser and formatter is total, and the formatters keep their promises
//! (caret in range, digits before the caret kept, idempotence, parse(format(x)) == parse(x)).
//!
//! 2000 cases per property by default; set PROPTEST_CASES to change it.

use paykka_core::*;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// Huge inputs are slow to generate, so they get a fraction of the cases.
fn huge_config() -> ProptestConfig {
    let cases = (config().cases / 50).max(8);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// What a card field may receive: digits of several scripts and separators.
fn typed() -> impl Strategy<Value = String> {
    "[0-9０-９٠-٩۰-۹०-९ ./\\-]{0,32}"
}

/// Anything: typed-looking input, arbitrary Unicode (surrogate-pair characters included),
/// and digit strings of every length.
fn anything() -> BoxedStrategy<String> {
    prop_oneof![
        typed(),
        any::<String>(),
        "[0-9]{0,40}",
        "[0-9/ 𝟘-𝟡a-z\u{0}]{0,12}",
    ]
    .boxed()
}

/// About 100k characters of repeated input-like text.
fn huge() -> impl Strategy<Value = String> {
    ("[0-9 a٣/\u{1D7D9}-]{1,8}", 12_500usize..25_000).prop_map(|(unit, n)| unit.repeat(n))
}

fn caret() -> impl Strategy<Value = usize> {
    prop_oneof![3 => 0usize..48, 1 => any::<usize>()]
}

fn brand() -> impl Strategy<Value = Brand> {
    prop::sample::select(Brand::ALL)
}

/// The number of digits in the UTF-16 prefix `..caret` of `s`, as the DOM would see it.
fn digits_before(s: &str, caret: usize) -> usize {
    let mut end = 0;
    s.chars()
        .filter(|&c| {
            end += c.len_utf16();
            end <= caret && digits::ascii_digit(c).is_some()
        })
        .count()
}

/// Appends the Luhn check digit to `body`.
fn with_check_digit(body: &str) -> String {
    (0..10)
        .map(|d| format!("{body}{d}"))
        .find(|n| {
            let sum: u32 = n
                .bytes()
                .rev()
                .enumerate()
                .map(|(i, b)| {
                    let v = u32::from(b - b'0') * if i % 2 == 1 { 2 } else { 1 };
                    if v > 9 { v - 9 } else { v }
                })
                .sum();
            sum.is_multiple_of(10)
        })
        .unwrap()
}

/// A Luhn-valid number of one of the brand's lengths, from one of its IIN prefixes.
fn valid_card() -> impl Strategy<Value = (Brand, String)> {
    let prefixes: &[(Brand, &[&str])] = &[
        (Brand::Visa, &["4"]),
        (Brand::Mastercard, &["51", "55", "2221", "2720", "23"]),
        (Brand::Amex, &["34", "37"]),
        (Brand::Jcb, &["3528", "3589", "3550"]),
        (Brand::Discover, &["6011", "644", "649", "65"]),
        (Brand::Diners, &["300", "305", "3095", "36", "38", "39"]),
        (Brand::UnionPay, &["62", "622126", "8100", "8171"]),
        (Brand::Unknown, &["1", "7", "9", "50", "56", "69"]),
    ];
    prop::sample::select(prefixes).prop_flat_map(|(brand, prefixes)| {
        (
            Just(brand),
            prop::sample::select(prefixes),
            prop::sample::select(brand.lengths()),
            "[0-9]{19}",
        )
            .prop_map(|(brand, prefix, len, filler)| {
                let body = format!("{prefix}{filler}");
                (brand, with_check_digit(&body[..usize::from(len) - 1]))
            })
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn card_number_reformat_is_well_formed_and_keeps_digits_before_the_caret(raw in anything(), caret in caret()) {
        let out = reformat_card_number(&raw, caret);
        prop_assert!(out.caret <= out.value.len());
        prop_assert!(out.value.bytes().all(|b| b.is_ascii_digit() || b == b' '));
        prop_assert!(!out.value.starts_with(' ') && !out.value.ends_with(' '));
        prop_assert!(!out.value.contains("  "));
        let kept = out.value.bytes().filter(u8::is_ascii_digit).count();
        prop_assert!(kept <= 19);
        prop_assert_eq!(digits_before(&out.value, out.caret), digits_before(&raw, caret).min(kept));
        prop_assert_eq!(Brand::detect(&out.value), Brand::detect(&raw));
    }

    #[test]
    fn card_number_reformat_is_idempotent(raw in anything(), caret in caret()) {
        let once = reformat_card_number(&raw, caret);
        let twice = reformat_card_number(&once.value, once.caret);
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn parsing_the_reformatted_number_agrees_with_parsing_the_input(raw in typed(), caret in caret()) {
        let direct = CardNumber::parse(&raw);
        let out = reformat_card_number(&raw, caret);
        // Reformatting cuts what is too long, the only case where the two may differ.
        if direct != Err(CheckoutError::NumberTooLong) {
            prop_assert_eq!(CardNumber::parse(&out.value), direct);
        }
    }

    #[test]
    fn card_number_parse_never_panics_and_only_accepts_consistent_numbers(raw in anything()) {
        if let Ok(n) = CardNumber::parse(&raw) {
            let len = n.digits().len();
            prop_assert!(n.brand().lengths().contains(&(len as u8)));
            prop_assert_eq!(n.brand(), Brand::detect(n.digits()));
            prop_assert!(n.digits().starts_with(n.bin()) && n.digits().ends_with(n.last4()));
            let debug = format!("{n:?}");
            prop_assert_eq!(debug.len(), len);
            prop_assert!(debug.bytes().filter(|&b| b == b'*').count() >= 4);
        }
    }

    #[test]
    fn every_luhn_valid_number_of_a_brand_length_parses_to_that_brand((brand, number) in valid_card()) {
        let n = CardNumber::parse(&number);
        prop_assert!(n.is_ok(), "{} {:?}", number, n);
        let n = n.unwrap();
        prop_assert_eq!(n.brand(), brand);
        prop_assert_eq!(n.digits(), number.as_str());
        let formatted = reformat_card_number(&number, 0).value;
        let groups: Vec<usize> = formatted.split(' ').map(str::len).collect();
        let expected: Vec<usize> = brand.groups(number.len()).iter().map(|&g| usize::from(g)).collect();
        prop_assert_eq!(&groups[..groups.len() - 1], &expected[..groups.len() - 1]);
        prop_assert_eq!(CardNumber::parse(&formatted), Ok(n));
    }

    #[test]
    fn changing_one_digit_of_a_valid_number_makes_it_invalid((_brand, number) in valid_card(), at in any::<prop::sample::Index>(), bump in 1u8..10) {
        let mut bytes = number.into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = b'0' + (bytes[i] - b'0' + bump) % 10;
        let changed = String::from_utf8(bytes).unwrap();
        // A changed prefix may change the brand and so the valid lengths; Luhn still fails.
        prop_assert!(CardNumber::parse(&changed).is_err(), "{}", changed);
    }

    #[test]
    fn expiry_reformat_is_well_formed_and_idempotent(raw in anything(), caret in caret(), deleting in any::<bool>()) {
        let reformat = if deleting { reformat_expiry_on_delete } else { reformat_expiry };
        let out = reformat(&raw, caret);
        prop_assert!(out.caret <= out.value.len());
        prop_assert!(out.value.len() <= 5);
        for (i, b) in out.value.bytes().enumerate() {
            prop_assert!(if i == 2 { b == b'/' } else { b.is_ascii_digit() }, "{:?}", out.value);
        }
        prop_assert_eq!(reformat(&out.value, out.caret), out);
    }

    #[test]
    fn expiry_parse_is_total_and_only_accepts_dates_in_the_window(raw in anything(), year in 0u16..=u16::MAX, month in 1u8..=12) {
        let today = YearMonth::new(year, month);
        if let Ok(e) = Expiry::parse(&raw, today) {
            prop_assert!((1..=12).contains(&e.month()));
            let date = YearMonth::new(e.year(), e.month());
            prop_assert!(date >= today);
            let months = |d: YearMonth| u32::from(d.year()) * 12 + u32::from(d.month());
            prop_assert!(months(date) <= months(today) + 240);
        }
    }

    #[test]
    fn every_expiry_shape_parses_to_the_same_date_as_its_reformatting(
        ahead in 0u32..=240, shape in 0usize..6, digits in prop::sample::select(&["0123456789", "٠١٢٣٤٥٦٧٨٩", "０１２３４５６７８９"][..]),
    ) {
        let today = YearMonth::new(2026, 11);
        let index = 2026 * 12 + 10 + ahead;
        let (year, month) = (index / 12, index % 12 + 1);
        let ascii = match shape {
            0 => format!("{month:02}/{:02}", year % 100),
            1 => format!("{month:02}{:02}", year % 100),
            2 => format!("{month}/{:02}", year % 100),
            3 => format!("{month:02} / {:02}", year % 100),
            4 => format!("{month:02}/{year}"),
            _ => format!("{month:02}{year}"),
        };
        let script: Vec<char> = digits.chars().collect();
        let input: String = ascii.chars().map(|c| c.to_digit(10).map_or(c, |d| script[d as usize])).collect();
        let parsed = Expiry::parse(&input, today).map(|e| (e.month(), e.year()));
        prop_assert_eq!(parsed, Ok((month as u8, year as u16)), "{}", input);
        let out = reformat_expiry(&input, input.encode_utf16().count());
        prop_assert_eq!(Expiry::parse(&out.value, today).map(|e| (e.month(), e.year())), parsed);
    }

    #[test]
    fn cvv_reformat_and_parse_are_total_and_agree(raw in anything(), caret in caret(), brand in brand()) {
        let out = reformat_cvv(&raw, caret, brand);
        prop_assert!(out.caret <= out.value.len());
        prop_assert!(out.value.len() <= usize::from(brand.cvv_length()));
        prop_assert!(out.value.bytes().all(|b| b.is_ascii_digit()));
        prop_assert_eq!(out.caret, digits_before(&raw, caret).min(out.value.len()));
        prop_assert_eq!(reformat_cvv(&out.value, out.caret, brand), out.clone());
        if let Ok(code) = SecurityCode::parse(&raw, brand) {
            prop_assert!(brand.cvv_lengths().contains(&(code.digits().len() as u8)));
            prop_assert_eq!(code.digits(), out.value.as_str());
            prop_assert_eq!(format!("{code:?}"), "***");
        }
    }

    #[test]
    fn holder_name_parse_is_total_and_normalised(raw in anything()) {
        if let Ok(name) = HolderName::parse(&raw) {
            let s = name.as_str();
            prop_assert!(s.chars().count() <= MAX_HOLDER_NAME_CHARS);
            prop_assert_eq!(s.trim(), s);
            prop_assert!(s.chars().any(char::is_alphabetic));
            prop_assert_eq!(HolderName::parse(s), Ok(name.clone()));
        }
    }

    #[test]
    fn amounts_round_trip_through_their_decimal_string(minor in 0i64..=i64::MAX, code in prop::sample::select(&["USD", "JPY", "KWD", "CLF", "EUR"][..])) {
        let amount = Amount::parse_minor(&minor.to_string(), code).unwrap();
        prop_assert_eq!(amount.minor(), minor);
        let decimal = amount.to_decimal_string();
        let exponent = usize::from(amount.currency().exponent());
        let decimals = decimal.split_once('.').map_or(0, |(_, d)| d.len());
        prop_assert_eq!(decimals, exponent);
        prop_assert_eq!(decimal.replace('.', "").parse::<i64>(), Ok(minor));
    }

    #[test]
    fn money_parsers_are_total(raw in anything(), code in anything()) {
        let _ = currency_exponent(&code);
        let _ = Currency::parse(&code);
        if let Ok(amount) = Amount::parse_minor(&raw, &code) {
            prop_assert!(amount.minor() >= 0);
            prop_assert_eq!(amount.minor().to_string(), raw);
        }
    }
}

proptest! {
    #![proptest_config(huge_config())]

    #[test]
    fn huge_inputs_never_panic_any_parser_or_formatter(raw in huge(), caret in caret(), brand in brand()) {
        let today = YearMonth::new(2026, 11);
        let card = reformat_card_number(&raw, caret);
        prop_assert!(card.value.len() <= 23 && card.caret <= card.value.len());
        prop_assert!(reformat_expiry(&raw, caret).value.len() <= 5);
        prop_assert!(reformat_expiry_on_delete(&raw, caret).value.len() <= 5);
        prop_assert!(reformat_cvv(&raw, caret, brand).value.len() <= 4);
        let _ = Brand::detect(&raw);
        prop_assert!(CardNumber::parse(&raw).is_err());
        prop_assert!(Expiry::parse(&raw, today).is_err());
        prop_assert!(SecurityCode::parse(&raw, brand).is_err());
        let _ = HolderName::parse(&raw);
        prop_assert!(Amount::parse_minor(&raw, "USD").is_err());
        let _ = currency_exponent(&raw);
    }
}
