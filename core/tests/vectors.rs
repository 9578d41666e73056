//! Test-vector tables: every brand's valid and invalid numbers (the brief's sandbox cards
//! included), expiry shapes, security codes, holder names, currencies and amounts.

use paykka_core::*;

use Brand::*;
use CheckoutError::*;

/// (input, detected brand, parse outcome, formatted as the field shows it)
const CARDS: &[(&str, Brand, Result<(), CheckoutError>, &str)] = &[
    // The sandbox emulator's test cards (brief).
    ("4242424242424242", Visa, Ok(()), "4242 4242 4242 4242"),
    (
        "5555555555554444",
        Mastercard,
        Ok(()),
        "5555 5555 5555 4444",
    ),
    (
        "2223003122003222",
        Mastercard,
        Ok(()),
        "2223 0031 2200 3222",
    ),
    ("378282246310005", Amex, Ok(()), "3782 822463 10005"),
    ("3530111333300000", Jcb, Ok(()), "3530 1113 3330 0000"),
    ("6011111111111117", Discover, Ok(()), "6011 1111 1111 1117"),
    ("3056930009020004", Diners, Ok(()), "3056 9300 0902 0004"),
    ("36227206271667", Diners, Ok(()), "3622 720627 1667"),
    ("6200000000000005", UnionPay, Ok(()), "6200 0000 0000 0005"),
    ("4000002760003184", Visa, Ok(()), "4000 0027 6000 3184"),
    ("4000008400001629", Visa, Ok(()), "4000 0084 0000 1629"),
    ("4000000000000002", Visa, Ok(()), "4000 0000 0000 0002"),
    ("4000000000009995", Visa, Ok(()), "4000 0000 0000 9995"),
    // Range edges and the other valid lengths.
    ("4000000000006", Visa, Ok(()), "4000 0000 0000 6"),
    (
        "4000000000000000006",
        Visa,
        Ok(()),
        "4000 0000 0000 0000 006",
    ),
    (
        "5100000000000008",
        Mastercard,
        Ok(()),
        "5100 0000 0000 0008",
    ),
    (
        "2221000000000009",
        Mastercard,
        Ok(()),
        "2221 0000 0000 0009",
    ),
    (
        "2720000000000005",
        Mastercard,
        Ok(()),
        "2720 0000 0000 0005",
    ),
    ("340000000000009", Amex, Ok(()), "3400 000000 00009"),
    ("35280000000000007", Jcb, Ok(()), "3528 0000 0000 0000 7"),
    (
        "3589000000000000009",
        Jcb,
        Ok(()),
        "3589 0000 0000 0000 009",
    ),
    ("6440000000000005", Discover, Ok(()), "6440 0000 0000 0005"),
    (
        "6500000000000000003",
        Discover,
        Ok(()),
        "6500 0000 0000 0000 003",
    ),
    (
        "6011000000000000001",
        Discover,
        Ok(()),
        "6011 0000 0000 0000 001",
    ),
    ("30000000000004", Diners, Ok(()), "3000 000000 0004"),
    ("30950000000000", Diners, Ok(()), "3095 000000 0000"),
    ("38000000000006", Diners, Ok(()), "3800 000000 0006"),
    ("3050000000000003", Diners, Ok(()), "3050 0000 0000 0003"),
    ("3900000000000005", Diners, Ok(()), "3900 0000 0000 0005"),
    // The Discover co-brand range stays UnionPay (see `Brand`).
    ("6221260000000000", UnionPay, Ok(()), "6221 2600 0000 0000"),
    (
        "6229250000000000006",
        UnionPay,
        Ok(()),
        "6229 2500 0000 0000 006",
    ),
    ("8100000000000002", UnionPay, Ok(()), "8100 0000 0000 0002"),
    (
        "8171000000000000001",
        UnionPay,
        Ok(()),
        "8171 0000 0000 0000 001",
    ),
    // Unknown schemes keep the generic 12-19 digits and Luhn.
    ("990000000002", Unknown, Ok(()), "9900 0000 0002"),
    ("1000000000000008", Unknown, Ok(()), "1000 0000 0000 0008"),
    (
        "7000000000000000003",
        Unknown,
        Ok(()),
        "7000 0000 0000 0000 003",
    ),
    // Separators and non-ASCII digits as pasted.
    ("4242-4242-4242-4242", Visa, Ok(()), "4242 4242 4242 4242"),
    (" 4242.4242.4242.4242 ", Visa, Ok(()), "4242 4242 4242 4242"),
    (
        "４２４２４２４２４２４２４２４２",
        Visa,
        Ok(()),
        "4242 4242 4242 4242",
    ),
    ("٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢", Visa, Ok(()), "4242 4242 4242 4242"),
    (
        "3782\u{a0}822463\u{a0}10005",
        Amex,
        Ok(()),
        "3782 822463 10005",
    ),
    // Luhn failures.
    (
        "4242424242424241",
        Visa,
        Err(NumberInvalid),
        "4242 4242 4242 4241",
    ),
    (
        "5555555555554445",
        Mastercard,
        Err(NumberInvalid),
        "5555 5555 5555 4445",
    ),
    (
        "378282246310006",
        Amex,
        Err(NumberInvalid),
        "3782 822463 10006",
    ),
    (
        "6200000000000006",
        UnionPay,
        Err(NumberInvalid),
        "6200 0000 0000 0006",
    ),
    (
        "6011111111111118",
        Discover,
        Err(NumberInvalid),
        "6011 1111 1111 1118",
    ),
    (
        "36227206271668",
        Diners,
        Err(NumberInvalid),
        "3622 720627 1668",
    ),
    // Lengths.
    ("", Unknown, Err(NumberEmpty), ""),
    (" - ", Unknown, Err(NumberEmpty), ""),
    ("4", Visa, Err(NumberIncomplete), "4"),
    (
        "424242424242",
        Visa,
        Err(NumberIncomplete),
        "4242 4242 4242",
    ),
    (
        "42424242424242",
        Visa,
        Err(NumberIncomplete),
        "4242 4242 4242 42",
    ),
    (
        "42424242424242424",
        Visa,
        Err(NumberIncomplete),
        "4242 4242 4242 4242 4",
    ),
    (
        "42424242424242424242",
        Visa,
        Err(NumberTooLong),
        "4242 4242 4242 4242 424",
    ),
    (
        "55555555555544440",
        Mastercard,
        Err(NumberTooLong),
        "5555 5555 5555 4444",
    ),
    (
        "3782822463100050",
        Amex,
        Err(NumberTooLong),
        "3782 822463 10005",
    ),
    (
        "353011133330000",
        Jcb,
        Err(NumberIncomplete),
        "3530 1113 3330 000",
    ),
    (
        "3622720627166",
        Diners,
        Err(NumberIncomplete),
        "3622 720627 166",
    ),
    (
        "99000000002",
        Unknown,
        Err(NumberIncomplete),
        "9900 0000 002",
    ),
    // Not digits.
    (
        "4242 4242 4242 424x",
        Visa,
        Err(NumberInvalid),
        "4242 4242 4242 424",
    ),
    ("card", Unknown, Err(NumberInvalid), ""),
];

#[test]
fn every_card_vector_has_its_brand_validity_and_grouping() {
    for &(input, brand, outcome, formatted) in CARDS {
        assert_eq!(Brand::detect(input), brand, "detect {input:?}");
        let parsed = CardNumber::parse(input);
        assert_eq!(
            parsed.as_ref().map(|_| ()).map_err(|e| *e),
            outcome,
            "parse {input:?}"
        );
        if let Ok(n) = parsed {
            assert_eq!(n.brand(), brand, "{input:?}");
            assert_eq!(input.parse::<CardNumber>().as_ref(), Ok(&n));
            assert_eq!(
                CardNumber::parse(formatted).as_ref(),
                Ok(&n),
                "{formatted:?}"
            );
        }
        let out = reformat_card_number(input, input.encode_utf16().count());
        assert_eq!(out.value, formatted, "reformat {input:?}");
        assert_eq!(out.caret, formatted.len(), "caret {input:?}");
    }
}

#[test]
fn every_brand_has_valid_and_invalid_vectors() {
    for &brand in Brand::ALL {
        let of_brand = || CARDS.iter().filter(move |c| c.1 == brand);
        assert!(
            of_brand().any(|c| c.2.is_ok()),
            "{brand:?} has no valid vector"
        );
        assert!(
            of_brand().any(|c| c.2.is_err()),
            "{brand:?} has no invalid vector"
        );
    }
}

#[test]
fn accessors_expose_bin_last4_and_the_clear_digits_only_on_request() {
    let n = CardNumber::parse("3782 822463 10005").unwrap();
    assert_eq!(n.brand(), Amex);
    assert_eq!(n.bin(), "37828");
    assert_eq!(n.last4(), "0005");
    assert_eq!(n.digits(), "378282246310005");
    assert_eq!(format!("{n:?}"), "37828******0005");
    assert!(!format!("{n:?}").contains("2463"));
}

#[test]
fn brand_is_detected_as_soon_as_the_prefix_is_unambiguous() {
    let cases = [
        ("", Unknown),
        ("4", Visa),
        ("5", Unknown),
        ("51", Mastercard),
        ("56", Unknown),
        ("2", Unknown),
        ("22", Unknown),
        ("222", Unknown),
        ("2221", Mastercard),
        ("23", Mastercard),
        ("27", Unknown),
        ("2720", Mastercard),
        ("2721", Unknown),
        ("3", Unknown),
        ("34", Amex),
        ("37", Amex),
        ("35", Unknown),
        ("352", Unknown),
        ("3528", Jcb),
        ("3589", Jcb),
        ("3590", Unknown),
        ("30", Unknown),
        ("300", Diners),
        ("305", Diners),
        ("306", Unknown),
        ("3095", Diners),
        ("36", Diners),
        ("38", Diners),
        ("39", Diners),
        ("6", Unknown),
        ("60", Unknown),
        ("6011", Discover),
        ("64", Unknown),
        ("644", Discover),
        ("649", Discover),
        ("65", Discover),
        ("62", UnionPay),
        ("622126", UnionPay),
        ("8", Unknown),
        ("81", Unknown),
        ("810", UnionPay),
        ("8171", UnionPay),
        ("8172", Unknown),
        ("٦٢", UnionPay),
        ("4x", Visa),
    ];
    for (digits, brand) in cases {
        assert_eq!(Brand::detect(digits), brand, "{digits:?}");
    }
}

#[test]
fn brand_tables_follow_the_issue() {
    type Row = (Brand, &'static str, &'static [u8], u8);
    let expected: [Row; 8] = [
        (Visa, "visa", &[13, 16, 19], 3),
        (Mastercard, "mastercard", &[16], 3),
        (Amex, "amex", &[15], 4),
        (Jcb, "jcb", &[16, 17, 18, 19], 3),
        (Discover, "discover", &[16, 17, 18, 19], 3),
        (Diners, "diners", &[14, 15, 16, 17, 18, 19], 3),
        (UnionPay, "unionpay", &[16, 17, 18, 19], 3),
        (Unknown, "unknown", &[12, 13, 14, 15, 16, 17, 18, 19], 4),
    ];
    assert_eq!(Brand::ALL.len(), expected.len());
    for (brand, code, lengths, cvv) in expected {
        assert_eq!(brand.code(), code);
        assert_eq!(brand.lengths(), lengths);
        assert_eq!(brand.cvv_length(), cvv);
        assert!(!brand.display_name().is_empty());
    }
    assert_eq!(Diners.groups(14), &[4, 6, 4]);
    assert_eq!(Diners.groups(16), &[4, 4, 4, 4, 3]);
    assert_eq!(Amex.groups(15), &[4, 6, 5]);
}

/// (raw, caret, value, caret)
const CARD_EDITS: &[(&str, usize, &str, usize)] = &[
    ("42424", 5, "4242 4", 6),
    ("4242 4242", 2, "4242 4242", 2),
    ("4242 4|242", 6, "4242 4242", 6),
    // Backspace over a group space: the caret moves before it, the next backspace eats a digit.
    ("42424242", 4, "4242 4242", 4),
    ("4242 424", 4, "4242 424", 4),
    ("378282246310005", 10, "3782 822463 10005", 11),
    ("37828224631000512", 17, "3782 822463 10005", 17),
    ("４２４２４２", 6, "4242 42", 7),
    ("42", 999, "42", 2),
    ("42", 0, "42", 0),
    ("abc", 2, "", 0),
    // A caret inside a surrogate pair leaves that digit after it.
    ("4\u{1D7D9}2", 2, "412", 1),
];

#[test]
fn card_number_reformatting_keeps_the_caret_after_the_same_digits() {
    for &(raw, caret, value, out_caret) in CARD_EDITS {
        let out = reformat_card_number(raw, caret);
        assert_eq!(
            (out.value.as_str(), out.caret),
            (value, out_caret),
            "{raw:?} @ {caret}"
        );
    }
}

const NOV_2026: YearMonth = YearMonth::new(2026, 11);

/// Month and four-digit year of a parsed expiry.
type MonthYear = Result<(u8, u16), CheckoutError>;

#[test]
fn every_expiry_vector_parses_to_its_date_or_error() {
    let cases: &[(&str, MonthYear)] = &[
        ("12/26", Ok((12, 2026))),
        ("11/26", Ok((11, 2026))),
        ("1226", Ok((12, 2026))),
        ("1/27", Ok((1, 2027))),
        ("01 / 27", Ok((1, 2027))),
        (" 01/27 ", Ok((1, 2027))),
        ("01 27", Ok((1, 2027))),
        ("12/2030", Ok((12, 2030))),
        ("1/2030", Ok((1, 2030))),
        ("122030", Ok((12, 2030))),
        ("١٢/٢٨", Ok((12, 2028))),
        ("۰۳/۲۹", Ok((3, 2029))),
        ("१२/२८", Ok((12, 2028))),
        ("１２／３０", Ok((12, 2030))),
        ("11/46", Ok((11, 2046))),
        ("", Err(ExpiryEmpty)),
        ("   ", Err(ExpiryEmpty)),
        ("1", Err(ExpiryIncomplete)),
        ("0", Err(ExpiryIncomplete)),
        ("12", Err(ExpiryIncomplete)),
        ("12/", Err(ExpiryIncomplete)),
        ("12/2", Err(ExpiryIncomplete)),
        ("12/203", Err(ExpiryIncomplete)),
        ("12345", Err(ExpiryIncomplete)),
        ("12/20301", Err(ExpiryIncomplete)),
        ("1234567", Err(ExpiryIncomplete)),
        ("123/27", Err(ExpiryIncomplete)),
        ("1/2/27", Err(ExpiryIncomplete)),
        ("/27", Err(ExpiryIncomplete)),
        ("ab/cd", Err(ExpiryIncomplete)),
        ("12-27", Err(ExpiryIncomplete)),
        ("00/27", Err(ExpiryMonthInvalid)),
        ("0/27", Err(ExpiryMonthInvalid)),
        ("13/27", Err(ExpiryMonthInvalid)),
        ("13/", Err(ExpiryMonthInvalid)),
        ("13", Err(ExpiryMonthInvalid)),
        ("0 27", Err(ExpiryMonthInvalid)),
        ("10/26", Err(ExpiryInPast)),
        ("12/25", Err(ExpiryInPast)),
        ("12/1999", Err(ExpiryInPast)),
        // Two-digit years fall in the century window around today: 99 reads as 1999.
        ("12/99", Err(ExpiryInPast)),
        ("12/76", Err(ExpiryTooFar)),
        ("12/77", Err(ExpiryInPast)),
        ("12/46", Err(ExpiryTooFar)),
        ("12/2047", Err(ExpiryTooFar)),
    ];
    for &(input, expected) in cases {
        let got = Expiry::parse(input, NOV_2026).map(|e| (e.month(), e.year()));
        assert_eq!(got, expected, "{input:?}");
    }
}

#[test]
fn two_digit_years_roll_into_the_next_century_near_its_end() {
    let today = YearMonth::new(2099, 6);
    assert_eq!(Expiry::parse("01/03", today).map(|e| e.year()), Ok(2103));
    assert_eq!(Expiry::parse("07/99", today).map(|e| e.year()), Ok(2099));
}

#[test]
fn year_month_clamps_impossible_months_and_orders_chronologically() {
    assert_eq!(YearMonth::new(2026, 0), YearMonth::new(2026, 1));
    assert_eq!(YearMonth::new(2026, 13).month(), 12);
    assert!(YearMonth::new(2026, 12) > YearMonth::new(2026, 1));
    assert!(YearMonth::new(2027, 1) > YearMonth::new(2026, 12));
}

/// (raw, caret, value, caret) while typing or pasting.
const EXPIRY_TYPING: &[(&str, usize, &str, usize)] = &[
    ("", 0, "", 0),
    ("4", 1, "04/", 2),
    ("1", 1, "1", 1),
    ("0", 1, "0", 1),
    ("12", 2, "12/", 2),
    ("10", 2, "10/", 2),
    ("13", 2, "01/3", 4),
    ("1/", 2, "01/", 2),
    ("1 ", 2, "01/", 2),
    ("00", 2, "00/", 2),
    ("04/2", 4, "04/2", 4),
    ("042/", 3, "04/2", 4),
    ("04/27", 5, "04/27", 5),
    ("04/275", 6, "04/27", 5),
    ("1227", 4, "12/27", 5),
    ("12/2030", 7, "12/30", 5),
    ("1/2030", 6, "01/30", 5),
    ("١٢/٢٨", 5, "12/28", 5),
    ("12/27", 0, "12/27", 0),
    ("12/27", 99, "12/27", 5),
    ("MM/YY", 5, "", 0),
];

/// (raw, caret, value, caret) after a deletion.
const EXPIRY_DELETING: &[(&str, usize, &str, usize)] = &[
    // Backspace over the slash of "04/": the slash goes.
    ("04", 2, "04", 2),
    ("0", 1, "0", 1),
    ("1/", 1, "1", 1),
    ("1/3", 1, "13", 1),
    ("04/", 1, "04", 1),
    ("4/27", 0, "04/27", 0),
    ("12/2", 4, "12/2", 4),
    ("", 0, "", 0),
];

#[test]
fn expiry_reformatting_while_typing_follows_the_table() {
    for &(raw, caret, value, out_caret) in EXPIRY_TYPING {
        let out = reformat_expiry(raw, caret);
        assert_eq!(
            (out.value.as_str(), out.caret),
            (value, out_caret),
            "{raw:?} @ {caret}"
        );
    }
}

#[test]
fn expiry_reformatting_after_a_deletion_does_not_put_the_slash_back() {
    for &(raw, caret, value, out_caret) in EXPIRY_DELETING {
        let out = reformat_expiry_on_delete(raw, caret);
        assert_eq!(
            (out.value.as_str(), out.caret),
            (value, out_caret),
            "{raw:?} @ {caret}"
        );
    }
}

#[test]
fn a_backspace_right_after_an_auto_slash_removes_the_digit_before_it() {
    // The caret after typing "4" is before the slash, so backspace hits the 4.
    let typed = reformat_expiry("4", 1);
    assert_eq!((typed.value.as_str(), typed.caret), ("04/", 2));
    let out = reformat_expiry_on_delete("0/", 1);
    assert_eq!((out.value.as_str(), out.caret), ("0", 1));
}

#[test]
fn every_security_code_vector_has_its_outcome() {
    let cases: &[(&str, Brand, Result<&str, CheckoutError>)] = &[
        ("123", Visa, Ok("123")),
        (" 123 ", Mastercard, Ok("123")),
        ("٣٤٥", Mastercard, Ok("345")),
        ("1234", Amex, Ok("1234")),
        ("123", Unknown, Ok("123")),
        ("1234", Unknown, Ok("1234")),
        ("", Visa, Err(CvvEmpty)),
        ("  ", Amex, Err(CvvEmpty)),
        ("12", Visa, Err(CvvIncomplete)),
        ("123", Amex, Err(CvvIncomplete)),
        ("12", Unknown, Err(CvvIncomplete)),
        ("1234", Visa, Err(CvvIncomplete)),
        ("12345", Amex, Err(CvvIncomplete)),
        ("12345", Unknown, Err(CvvIncomplete)),
        ("12a", Jcb, Err(CvvIncomplete)),
        ("1 23", Diners, Err(CvvIncomplete)),
    ];
    for &(input, brand, expected) in cases {
        let got = SecurityCode::parse(input, brand);
        assert_eq!(
            got.as_ref().map(SecurityCode::digits).map_err(|e| *e),
            expected,
            "{input:?} {brand:?}"
        );
        if let Ok(code) = got {
            assert_eq!(format!("{code:?}"), "***");
        }
    }
}

#[test]
fn security_code_reformatting_keeps_digits_up_to_the_brand_length() {
    let cases = [
        ("12a3", 4, Visa, "123", 3),
        ("12345", 5, Visa, "123", 3),
        ("12345", 5, Amex, "1234", 4),
        ("12345", 5, Unknown, "1234", 4),
        ("٣٤", 1, Visa, "34", 1),
        ("", 3, Visa, "", 0),
    ];
    for (raw, caret, brand, value, out_caret) in cases {
        let out = reformat_cvv(raw, caret, brand);
        assert_eq!(
            (out.value.as_str(), out.caret),
            (value, out_caret),
            "{raw:?}"
        );
    }
}

#[test]
fn every_holder_name_vector_has_its_outcome() {
    let long_ok = "A".repeat(MAX_HOLDER_NAME_CHARS);
    let too_long = "Ä".repeat(MAX_HOLDER_NAME_CHARS + 1);
    let cases: &[(&str, Result<&str, CheckoutError>)] = &[
        ("Jane Doe", Ok("Jane Doe")),
        ("  Jane \t  Doe \n", Ok("Jane Doe")),
        ("José Ñúñez-O'Brien", Ok("José Ñúñez-O'Brien")),
        ("李小龙", Ok("李小龙")),
        ("John Smith 3rd", Ok("John Smith 3rd")),
        (&long_ok, Ok(&long_ok)),
        ("", Err(HolderNameEmpty)),
        (" \t ", Err(HolderNameEmpty)),
        ("4242 4242 4242 4242", Err(HolderNameInvalid)),
        ("123", Err(HolderNameInvalid)),
        ("-- .", Err(HolderNameInvalid)),
        ("Jane\u{0}Doe", Err(HolderNameInvalid)),
        (&too_long, Err(HolderNameInvalid)),
    ];
    for &(input, expected) in cases {
        let got = HolderName::parse(input);
        assert_eq!(
            got.as_ref().map(HolderName::as_str).map_err(|e| *e),
            expected,
            "{input:?}"
        );
    }
}

#[test]
fn currency_exponents_follow_iso_4217() {
    let zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    let three = "BHD IQD JOD KWD LYD OMR TND";
    let four = "CLF UYW";
    let two = "USD EUR GBP CNY HKD SGD AUD CAD CHF INR IDR PHP THB MYR TWD MXN BRL ZAR AED XCG ZWG";
    for (codes, exponent) in [(zero, 0), (three, 3), (four, 4), (two, 2)] {
        for code in codes.split(' ') {
            assert_eq!(currency_exponent(code), Some(exponent), "{code}");
            let currency = Currency::parse(code).unwrap();
            assert_eq!((currency.code(), currency.exponent()), (code, exponent));
            assert_eq!(code.parse::<Currency>(), Ok(currency));
        }
    }
    for code in [
        "usd",
        "Usd",
        "XAU",
        "XDR",
        "HRK",
        "ANG",
        "US",
        "USDD",
        "",
        "ＵＳＤ",
        "U$D",
    ] {
        assert_eq!(currency_exponent(code), None, "{code}");
        assert_eq!(Currency::parse(code), Err(CurrencyUnsupported), "{code}");
    }
}

#[test]
fn amounts_print_in_major_units_with_the_currency_decimals() {
    let cases = [
        ("1234", "USD", "12.34"),
        ("1234", "JPY", "1234"),
        ("1234", "KWD", "1.234"),
        ("1234", "CLF", "0.1234"),
        ("5", "USD", "0.05"),
        ("0", "USD", "0.00"),
        ("0", "JPY", "0"),
        ("1", "CLF", "0.0001"),
        ("100", "EUR", "1.00"),
        ("9223372036854775807", "USD", "92233720368547758.07"),
        ("9223372036854775807", "JPY", "9223372036854775807"),
    ];
    for (minor, currency, decimal) in cases {
        let amount = Amount::parse_minor(minor, currency).unwrap();
        assert_eq!(amount.currency().code(), currency);
        assert_eq!(amount.to_decimal_string(), decimal, "{minor} {currency}");
    }
    assert_eq!(Amount::parse_minor("1234", "USD").unwrap().minor(), 1234);
}

#[test]
fn malformed_or_negative_amounts_are_rejected() {
    let cases = [
        ("", AmountInvalid),
        ("-5", AmountNegative),
        ("-0", AmountNegative),
        ("-", AmountInvalid),
        ("--5", AmountInvalid),
        ("+5", AmountInvalid),
        (" 5", AmountInvalid),
        ("5 ", AmountInvalid),
        ("1.5", AmountInvalid),
        ("1e3", AmountInvalid),
        ("0007", AmountInvalid),
        ("00", AmountInvalid),
        ("١٢", AmountInvalid),
        ("9223372036854775808", AmountInvalid),
        ("99999999999999999999999", AmountInvalid),
    ];
    for (minor, error) in cases {
        assert_eq!(Amount::parse_minor(minor, "USD"), Err(error), "{minor:?}");
    }
    assert_eq!(Amount::parse_minor("5", "usd"), Err(CurrencyUnsupported));
    let usd = Currency::parse("USD").unwrap();
    assert_eq!(Amount::new(-1, usd), Err(AmountNegative));
    assert_eq!(Amount::new(0, usd).map(Amount::minor), Ok(0));
}

#[test]
fn every_error_has_a_fluent_id() {
    assert!(
        CheckoutError::ALL
            .iter()
            .all(|e| e.message_id().starts_with("error-"))
    );
    assert_eq!(NumberInvalid.message_id(), "error-number-invalid");
    assert_eq!(ExpiryInPast.message_id(), "error-expiry-in-past");
}
