//! `card_number`: card numbers, brands, security codes, holder names and the field verdicts.

use super::*;

/// Card number parsing, brand detection, security code and holder name on any text.
///
/// - A parsed [`CardNumber`] holds exactly the typed digits, a length of its brand, passes
///   Luhn, and its `Debug` shows at most the first 6 and last 4 digits, hiding at least 4.
/// - Digits and spaces only are refused only for their length or checksum.
/// - A brand, once detected from a prefix, stays the same as more digits are typed.
/// - A parsed security code has a length of its brand and prints as `***`.
/// - A parsed holder name is normalised (one space between words, trimmed), idempotent, and a
///   name the field accepts can always be handed to the frame protocol ([`HolderText`]).
// Long because it checks the invariants listed above, one block each.
pub fn card_number(data: &[u8]) {
    let s = text(data);
    let s = s.as_ref();
    let digits = digits_only(s);
    check_brand_detection(&digits);
    assert_eq!(Brand::detect(s), Brand::detect(&digits));

    let parsed = CardNumber::parse(s);
    assert_eq!(s.parse::<CardNumber>(), parsed);
    match &parsed {
        Ok(n) => check_card(n, &digits),
        Err(e) => {
            use CheckoutError::*;
            assert!(
                matches!(
                    e,
                    NumberEmpty | NumberIncomplete | NumberTooLong | NumberInvalid
                ),
                "{e:?}"
            );
            if *e == NumberEmpty {
                assert!(digits.is_empty(), "{s:?} has digits yet reads as empty");
            }
            if !digits.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == ' ') {
                let valid = length_ok(Brand::detect(&digits), digits.len()) && luhn(&digits);
                assert!(!valid, "{s:?} refused with {e:?}");
            }
        }
    }
    for touched in [false, true] {
        let (brand, v) = field::card_number(s, touched);
        assert_eq!(brand, Brand::detect(&digits));
        check_verdict(v);
        assert_eq!(v.error, CardNumber::parse(&digits).err());
        if touched {
            assert_eq!(v.show, v.error.is_some());
        }
    }

    for &brand in Brand::ALL {
        match SecurityCode::parse(s, brand) {
            Ok(code) => {
                let d = code.digits();
                assert!(d.bytes().all(|b| b.is_ascii_digit()));
                assert!(
                    brand.cvv_lengths().contains(&(d.len() as u8)),
                    "{brand:?} {d}"
                );
                assert_eq!(d, digits_only(s.trim()));
                assert_eq!(format!("{code:?}"), "***");
            }
            Err(e) => assert!(
                matches!(e, CheckoutError::CvvEmpty | CheckoutError::CvvIncomplete),
                "{e:?}"
            ),
        }
        for touched in [false, true] {
            check_verdict(field::security_code(s, brand, touched));
        }
    }

    match HolderName::parse(s) {
        Ok(h) => {
            let n = h.as_str();
            assert!(n.split(' ').eq(s.split_whitespace()), "{n:?} from {s:?}");
            assert!(n.chars().all(|c| c == ' ' || !c.is_whitespace()));
            assert!(!n.chars().any(char::is_control));
            assert!(n.chars().any(char::is_alphabetic));
            assert!(n.chars().count() <= MAX_HOLDER_NAME_CHARS);
            assert_eq!(HolderName::parse(n).as_ref(), Ok(&h));
        }
        Err(e) => assert!(
            matches!(
                e,
                CheckoutError::HolderNameEmpty | CheckoutError::HolderNameInvalid
            ),
            "{e:?}"
        ),
    }
    for touched in [false, true] {
        let v = field::holder_name(s, touched);
        check_verdict(v);
        if v.error.is_none() {
            // What the holder frame does on `encrypt`: the name must fit the protocol.
            let name = HolderName::parse(s).expect("the field accepted it");
            assert!(
                HolderText::new(name.as_str()).is_some(),
                "the field accepts {s:?} but the frame protocol cannot carry it"
            );
        }
    }
}

fn check_card(n: &CardNumber, digits: &str) {
    let d = n.digits();
    assert_eq!(d, digits, "a parsed number holds exactly the typed digits");
    assert!(d.bytes().all(|b| b.is_ascii_digit()));
    assert!(
        length_ok(n.brand(), d.len()),
        "{:?} of {} digits",
        n.brand(),
        d.len()
    );
    assert!(luhn(d));
    assert_eq!(n.brand(), Brand::detect(d));
    assert_eq!(n.last4(), &d[d.len() - 4..]);
    assert_eq!(n.bin(), &d[..paykka_core::revealed_head(d.len())]);
    assert_eq!(n.check_accepted(&[n.brand()]), Ok(()));
    let others: Vec<Brand> = Brand::ALL
        .iter()
        .copied()
        .filter(|&b| b != n.brand())
        .collect();
    assert_eq!(
        n.check_accepted(&others),
        Err(CheckoutError::NumberUnsupported)
    );

    // Debug: the first (up to) six and the last four digits, at least four hidden.
    for shown in [
        format!("{n:?}"),
        format!("{n:#?}"),
        format!("{:?}", Some(n)),
    ] {
        assert!(!shown.contains(d), "Debug shows the whole number: {shown}");
    }
    let shown = format!("{n:?}");
    assert_eq!(shown.len(), d.len(), "{shown}");
    let head = shown.bytes().take_while(|&b| b != b'*').count();
    assert!(head <= 6, "Debug shows {head} leading digits: {shown}");
    assert_eq!(&shown[..head], &d[..head]);
    assert_eq!(&shown[d.len() - 4..], &d[d.len() - 4..]);
    let hidden = &shown[head..d.len() - 4];
    assert!(
        hidden.len() >= 4 && hidden.bytes().all(|b| b == b'*'),
        "{shown}"
    );

    // The number as the field shows it parses back to the same number.
    let r = reformat_card_number(d, d.len());
    assert_eq!(r.value.replace(' ', ""), d);
    assert_eq!(r.caret, r.value.len());
    assert_eq!(CardNumber::parse(&r.value).as_ref(), Ok(n));
}

/// Once a prefix names a brand, every longer prefix names the same.
fn check_brand_detection(digits: &str) {
    let prefix: String = digits.chars().take(8).collect();
    assert_eq!(Brand::detect(""), Brand::Unknown);
    let mut known = None;
    for k in 1..=prefix.len() {
        let brand = Brand::detect(&prefix[..k]);
        if let Some(before) = known {
            assert_eq!(brand, before, "{:?} changed brand", &prefix[..k]);
        }
        if brand != Brand::Unknown {
            known = Some(brand);
        }
        assert_eq!(Brand::from_code(brand.code()), Some(brand));
    }
}

// ---------------------------------------------------------------------------------------------
// card_format: the number and the security code while typing
