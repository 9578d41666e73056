//! Checks of the card fields, the expiry and the frame protocol (`paykka-core`).
//!
//! Uses only `paykka_core` and `std`, because `core/tests/fuzz_corpus.rs` includes this file
//! with `#[path]` to replay the corpus on stable. Every input is taken as text (invalid UTF-8
//! becomes U+FFFD, as a browser would show it).

use paykka_core::digits::ascii_digit;
use paykka_core::field::{self, FieldVerdict};
use paykka_core::frame_protocol::*;
use paykka_core::{
    Brand, CardNumber, CheckoutError, Expiry, HolderName, MAX_HOLDER_NAME_CHARS, SecurityCode,
    YearMonth, digits_only, reformat_card_number, reformat_cvv, reformat_expiry,
    reformat_expiry_on_delete,
};
use std::borrow::Cow;

fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Luhn over ASCII digits, written apart from the crate's own.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let d = d * 2;
                if d > 9 { d - 9 } else { d }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn length_ok(brand: Brand, len: usize) -> bool {
    u8::try_from(len).is_ok_and(|len| brand.lengths().contains(&len))
}

fn check_verdict(v: FieldVerdict) {
    assert!(
        !v.show || v.error.is_some(),
        "an error shown without an error: {v:?}"
    );
    assert!(
        !v.complete || v.error.is_none(),
        "complete yet invalid: {v:?}"
    );
    assert_eq!(v.visible_error(), v.error.filter(|_| v.show));
}

/// The caret, when the input starts with `<decimal>|`, and the text after it.
fn split_caret(data: &[u8]) -> (Option<usize>, &[u8]) {
    if let Some(bar) = data.iter().take(7).position(|&b| b == b'|')
        && let Some(caret) = std::str::from_utf8(&data[..bar])
            .ok()
            .and_then(|n| n.parse().ok())
    {
        return (Some(caret), &data[bar + 1..]);
    }
    (None, data)
}

/// Carets to try in a text of `units` UTF-16 units: every position (and one past the end)
/// for texts up to 32 units, a few for long ones, plus the one the input names.
fn carets(units: usize, given: Option<usize>) -> Vec<usize> {
    let mut out: Vec<usize> = if units <= 32 {
        (0..=units + 1).collect()
    } else {
        vec![0, 1, units / 2, units]
    };
    out.push(usize::MAX);
    out.extend(given);
    out
}

// ---------------------------------------------------------------------------------------------
// card_number: parsing the number, brand detection, CVV, holder name

/// Card number parsing, brand detection, security code and holder name on any text.
///
/// - A parsed [`CardNumber`] holds exactly the typed digits, a length of its brand, passes
///   Luhn, and its `Debug` shows at most the first 6 and last 4 digits, hiding at least 4.
/// - Digits and spaces only are refused only for their length or checksum.
/// - A brand, once detected from a prefix, stays the same as more digits are typed.
/// - A parsed security code has a length of its brand and prints as `***`.
/// - A parsed holder name is normalised (one space between words, trimmed), idempotent, and a
///   name the field accepts can always be handed to the frame protocol ([`HolderText`]).
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

/// Live formatting of the card number and the security code, at every caret position
/// (input `<caret>|<text>` names one more caret).
///
/// - The number shows the first digits typed (at most 19, cut at the brand's longest length),
///   grouped by the brand's group sizes, single spaces between groups: stripping the spaces
///   gives the digits back.
/// - The caret stays within the value, right after the same digits it was after.
/// - Formatting a formatted value (with its caret) changes nothing.
/// - The security code keeps the first digits, at most the brand's longest code.
pub fn card_format(data: &[u8]) {
    let (given, rest) = split_caret(data);
    let s = text(rest);
    for caret in carets(s.encode_utf16().count(), given) {
        check_number_format(&s, caret);
        // A brand matters to the security code only through its longest code: one of each.
        for brand in [Brand::Visa, Brand::Amex] {
            check_cvv_format(&s, caret, brand);
        }
    }
}

/// How many digits among the first `limit` of `s` end at or before `caret` (UTF-16).
fn digits_before(s: &str, caret: usize, limit: usize) -> usize {
    let mut end = 0usize;
    let mut seen = 0usize;
    let mut before = 0usize;
    for c in s.chars() {
        end += c.len_utf16();
        if ascii_digit(c).is_some() {
            if seen < limit && end <= caret {
                before += 1;
            }
            seen += 1;
        }
    }
    before
}

fn check_caret_after_digit(value: &str, caret: usize) {
    assert!(caret <= value.len(), "caret {caret} beyond {value:?}");
    assert!(
        caret == 0 || value.as_bytes()[caret - 1].is_ascii_digit(),
        "caret {caret} not after a digit in {value:?}"
    );
}

fn check_number_format(s: &str, caret: usize) {
    let r = reformat_card_number(s, caret);
    let v = r.value.as_str();
    assert!(v.bytes().all(|b| b.is_ascii_digit() || b == b' '), "{v:?}");
    assert!(
        !v.starts_with(' ') && !v.ends_with(' ') && !v.contains("  "),
        "{v:?}"
    );
    let first19: String = digits_only(s).chars().take(19).collect();
    let brand = Brand::detect(&first19);
    let kept: String = first19
        .chars()
        .take(usize::from(brand.max_length()))
        .collect();
    assert_eq!(v.replace(' ', ""), kept, "from {s:?}");
    let groups: Vec<usize> = v
        .split(' ')
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect();
    let sizes = brand.groups(kept.len());
    for (i, &g) in groups.iter().enumerate() {
        let size = usize::from(sizes[i]);
        if i + 1 < groups.len() {
            assert_eq!(g, size, "{v:?} groups for {brand:?}");
        } else {
            assert!(g <= size, "{v:?} groups for {brand:?}");
        }
    }
    check_caret_after_digit(v, r.caret);
    let expected = digits_before(s, caret, 19).min(kept.len());
    assert_eq!(
        v[..r.caret].bytes().filter(u8::is_ascii_digit).count(),
        expected,
        "caret {caret} in {s:?} became {} in {v:?}",
        r.caret
    );
    assert_eq!(reformat_card_number(v, r.caret), r, "reformatting {v:?}");
}

fn check_cvv_format(s: &str, caret: usize, brand: Brand) {
    let r = reformat_cvv(s, caret, brand);
    let max = usize::from(brand.cvv_length());
    let first4: String = digits_only(s).chars().take(4).collect();
    assert_eq!(
        r.value,
        &first4[..first4.len().min(max)],
        "{brand:?} from {s:?}"
    );
    assert_eq!(r.caret, digits_before(s, caret, 4).min(r.value.len()));
    assert_eq!(reformat_cvv(&r.value, r.caret, brand), r);
}

// ---------------------------------------------------------------------------------------------
// expiry

/// `YYYY-MM|` at the start of an input names the shopper's current month.
fn split_today(data: &[u8]) -> (Option<YearMonth>, &[u8]) {
    if data.len() >= 8 && data[7] == b'|' && data[4] == b'-' {
        let year = std::str::from_utf8(&data[..4])
            .ok()
            .and_then(|y| y.parse().ok());
        let month = std::str::from_utf8(&data[5..7])
            .ok()
            .and_then(|m| m.parse().ok());
        if let (Some(year), Some(month)) = (year, month) {
            return (Some(YearMonth::new(year, month)), &data[8..]);
        }
    }
    (None, data)
}

const TODAYS: [(u16, u8); 10] = [
    (2026, 11),
    (2026, 1),
    (2026, 12),
    (2049, 6),
    (2099, 12),
    (2100, 1),
    (1999, 12),
    (0, 1),
    (9999, 12),
    (u16::MAX, 12),
];

fn month_index(ym: YearMonth) -> u32 {
    u32::from(ym.year()) * 12 + u32::from(ym.month()) - 1
}

/// Expiry parsing against several "todays" (input `YYYY-MM|<text>` adds one), and expiry
/// formatting while typing or deleting, at every caret.
///
/// - A parsed expiry is a month 1-12 between this month and 20 years ahead, and it round-trips
///   through its display forms `MM/YY`, `MMYY` (and `MM/YYYY`, `MMYYYY`); a month later it is
///   refused as past.
/// - A malformed text is refused the same way whatever today is; a well-formed one only for
///   its date.
/// - The typing form is `MM/YY`-shaped (`M`, `MM`, `MM/`, `MM/Y`, `MM/YY`), its month (typing) at most
///   12, its caret right after a digit, and formatting it again changes nothing; a complete
///   `MM/YY` is never refused as incomplete.
pub fn expiry(data: &[u8]) {
    let (given, rest) = split_today(data);
    let s = text(rest);
    let s = s.as_ref();
    let todays: Vec<YearMonth> = TODAYS
        .iter()
        .map(|&(y, m)| YearMonth::new(y, m))
        .chain(given)
        .collect();
    let mut format_error = None;
    for (i, &today) in todays.iter().enumerate() {
        let result = Expiry::parse(s, today);
        check_expiry(s, today, result);
        // The shape is judged before the date: a malformed text is malformed whatever today is.
        let shape = match result {
            Ok(_) | Err(CheckoutError::ExpiryInPast | CheckoutError::ExpiryTooFar) => None,
            Err(e) => Some(e),
        };
        if i == 0 {
            format_error = shape;
        } else {
            assert_eq!(shape, format_error, "{s:?} judged apart from {today:?}");
        }
        for touched in [false, true] {
            check_verdict(field::expiry(s, touched, today));
        }
    }
    for caret in carets(s.encode_utf16().count(), None) {
        for typing in [true, false] {
            check_expiry_format(s, caret, typing, &todays);
        }
    }
}

fn check_expiry(s: &str, today: YearMonth, result: Result<Expiry, CheckoutError>) {
    use CheckoutError::*;
    let e = match result {
        Ok(e) => e,
        Err(e) => {
            assert!(
                matches!(
                    e,
                    ExpiryEmpty
                        | ExpiryIncomplete
                        | ExpiryMonthInvalid
                        | ExpiryInPast
                        | ExpiryTooFar
                ),
                "{e:?}"
            );
            return;
        }
    };
    assert!((1..=12).contains(&e.month()), "{e:?}");
    let ym = YearMonth::new(e.year(), e.month());
    assert!(ym >= today, "{s:?} is before {today:?}");
    assert!(
        month_index(ym) <= month_index(today) + 240,
        "{s:?} too far from {today:?}"
    );
    let (m, y) = (e.month(), e.year());
    let mut forms = vec![
        format!("{m:02}/{:02}", y % 100),
        format!("{m:02}{:02}", y % 100),
    ];
    if y <= 9999 {
        forms.push(format!("{m:02}/{y:04}"));
        forms.push(format!("{m:02}{y:04}"));
        forms.push(format!("{m}/{:02}", y % 100));
    }
    for form in &forms {
        assert_eq!(
            Expiry::parse(form, today),
            Ok(e),
            "{form:?} of {s:?} at {today:?}"
        );
    }
    let next = if m == 12 {
        y.checked_add(1).map(|y| YearMonth::new(y, 1))
    } else {
        Some(YearMonth::new(y, m + 1))
    };
    if let Some(next) = next
        && y <= 9999
    {
        assert_eq!(
            Expiry::parse(&format!("{m:02}/{y:04}"), next),
            Err(ExpiryInPast)
        );
    }
}

fn check_expiry_format(s: &str, caret: usize, typing: bool, todays: &[YearMonth]) {
    let format = if typing {
        reformat_expiry
    } else {
        reformat_expiry_on_delete
    };
    let r = format(s, caret);
    let v = r.value.as_str();
    let (month, year) = match v.split_once('/') {
        Some((m, y)) => (m, Some(y)),
        None => (v, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    assert!(month.len() <= 2 && digits(month), "{v:?} from {s:?}");
    if let Some(year) = year {
        assert!(
            month.len() == 2 && year.len() <= 2 && digits(year),
            "{v:?} from {s:?}"
        );
        assert!(
            typing || !year.is_empty(),
            "deleting left a trailing slash: {v:?}"
        );
    } else {
        assert!(
            !typing || month.len() < 2,
            "a complete month without its slash: {v:?}"
        );
    }
    // Typing pads or splits any month above 12 (`13` becomes `01/3`); a deletion shifts the
    // digits as they are (deleting the `0` of `01/32` leaves `13/2`, refused by the parser).
    if typing && month.len() == 2 {
        assert!(
            month.parse::<u8>().is_ok_and(|m| m <= 12),
            "{v:?} from {s:?}"
        );
    }
    check_caret_after_digit(v, r.caret);
    assert_eq!(
        format(v, r.caret),
        r,
        "reformatting {v:?} (typing: {typing})"
    );
    if v.len() == 5 {
        for &today in todays {
            let result = Expiry::parse(v, today);
            assert!(
                !matches!(
                    result,
                    Err(CheckoutError::ExpiryEmpty | CheckoutError::ExpiryIncomplete)
                ),
                "the complete {v:?} reads as {result:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// frame_message

/// The frame protocol on any text, and on messages built from the bytes.
///
/// - Whatever decodes (as a frame message, a parent message or the frame's URL fragment)
///   encodes back to a message that decodes to the same value, within the size limit, and
///   never as the other direction.
/// - Nothing that decodes carries a card-number-like digit run in any value (but the channel
///   and the envelopes' key ids), nor a digit in a holder name.
/// - The value checks (origin, envelope, label, holder, locale, channel) keep the text as is.
/// - Every message built through the protocol's own constructors (labels, envelopes, styles
///   from `FrameStyle::from_values`) survives `decode(encode(x)) == x`.
pub fn frame_message(data: &[u8]) {
    let s = text(data);
    let s = s.as_ref();
    if let Ok((ch, msg)) = decode_frame_message(s) {
        check_frame_round_trip(&ch, &msg);
        assert!(decode_parent_message(s).is_err(), "{s:?} decodes both ways");
    }
    if let Ok((ch, msg)) = decode_parent_message(s) {
        check_parent_round_trip(&ch, &msg);
    }
    if let Ok(p) = FrameParams::parse(s) {
        let fragment = p.to_fragment();
        assert_eq!(FrameParams::parse(&fragment).as_ref(), Ok(&p));
        assert_eq!(FrameParams::parse(&format!("#{fragment}")).as_ref(), Ok(&p));
    }
    check_values(s);

    let mut e = Entropy(data);
    let ch = Channel::from_bytes(e.array());
    assert_eq!(Channel::parse(ch.as_str()), Some(ch));
    let msg = e.frame_message();
    check_frame_round_trip(&ch, &msg);
    let msg = e.parent_message();
    check_parent_round_trip(&ch, &msg);
}

fn check_frame_round_trip(ch: &Channel, msg: &FrameToParent) {
    let wire = encode(ch, msg);
    assert!(
        wire.len() <= MAX_MESSAGE_BYTES,
        "{} bytes: {msg:?}",
        wire.len()
    );
    assert_eq!(
        decode_frame_message(&wire),
        Ok((*ch, msg.clone())),
        "{wire}"
    );
    assert_eq!(
        decode_parent_message(&wire),
        Err(ProtocolError::UnknownType)
    );
    check_no_card_data(&wire);
}

fn check_parent_round_trip(ch: &Channel, msg: &ParentToFrame) {
    let wire = encode(ch, msg);
    assert!(
        wire.len() <= MAX_MESSAGE_BYTES,
        "{} bytes: {msg:?}",
        wire.len()
    );
    assert_eq!(
        decode_parent_message(&wire),
        Ok((*ch, msg.clone())),
        "{wire}"
    );
    assert_eq!(decode_frame_message(&wire), Err(ProtocolError::UnknownType));
    check_no_card_data(&wire);
}

/// `application/x-www-form-urlencoded` decoding of a value `encode` wrote.
fn form_decode(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).expect("escape");
                out.push(u8::from_str_radix(hex, 16).expect("hex escape"));
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 value")
}

fn check_no_card_data(wire: &str) {
    for pair in wire.split('&') {
        let (key, value) = pair.split_once('=').expect("key=value");
        let value = form_decode(value);
        if key == "ch" {
            continue;
        }
        let checked = if key.starts_with("enc") {
            value.rsplit('.').next().unwrap_or("")
        } else {
            value.as_str()
        };
        assert!(
            !has_card_number_run(checked),
            "{key}={value} looks like a card number"
        );
        if key == "holder" {
            assert!(!value.chars().any(char::is_numeric), "holder={value}");
        }
    }
}

fn check_values(s: &str) {
    if let Some(o) = Origin::parse(s) {
        assert_eq!(o.as_str(), s);
        assert!(s.starts_with("http://") || s.starts_with("https://"));
        assert!(!s.ends_with('/'));
    }
    if let Some(e) = Envelope::parse(s) {
        assert_eq!(e.as_str(), s);
        assert!(s.len() <= MAX_ENVELOPE_BYTES && s.starts_with(ENVELOPE_PREFIX));
        assert!(!has_card_number_run(s.rsplit('.').next().unwrap_or("")));
    }
    if let Some(l) = Label::new(s) {
        assert_eq!(l.as_str(), s);
        assert!(s.len() <= MAX_LABEL_BYTES && s.chars().count() <= MAX_LABEL_CHARS);
        assert!(!has_card_number_run(s) && !s.chars().any(char::is_control));
    }
    if let Some(h) = HolderText::new(s) {
        assert_eq!(h.as_str(), s);
        assert!(!s.chars().any(|c| c.is_numeric() || c.is_control()));
    }
    if let Some(l) = Locale::new(s) {
        assert_eq!(l.as_str(), s);
        assert!((1..=MAX_LOCALE_BYTES).contains(&s.len()));
    }
    if let Some(c) = Channel::parse(s) {
        assert_eq!(c.as_str(), s);
    }
    if let Some(b) = Bin::new(s) {
        assert_eq!(b.as_str(), s);
    }
}

/// Values drawn from the fuzzer's bytes (zeros once they run out).
struct Entropy<'a>(&'a [u8]);

impl Entropy<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn array<const N: usize>(&mut self) -> [u8; N] {
        std::array::from_fn(|_| self.byte())
    }

    fn bool(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.array())
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[usize::from(self.byte()) % from.len()]
    }

    fn bytes(&mut self, max: usize) -> &[u8] {
        let n = (usize::from(self.byte()) % (max + 1)).min(self.0.len());
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        head
    }

    fn text(&mut self, max: usize) -> String {
        String::from_utf8_lossy(self.bytes(max)).into_owned()
    }

    /// `n` characters of `alphabet`.
    fn word(&mut self, alphabet: &[u8], max: usize) -> String {
        let n = usize::from(self.byte()) % (max + 1);
        (0..n).map(|_| char::from(self.pick(alphabet))).collect()
    }

    fn field(&mut self) -> FieldKind {
        self.pick(FieldKind::ALL)
    }

    fn brand(&mut self) -> Brand {
        self.pick(Brand::ALL)
    }

    fn error(&mut self) -> Option<CheckoutError> {
        self.bool().then(|| self.pick(CheckoutError::ALL))
    }

    fn envelope(&mut self) -> Envelope {
        const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let kid = self.word(B64URL, 64);
        let ct = self.word(B64URL, 255) + &self.word(B64URL, 255);
        Envelope::parse(&format!("{ENVELOPE_PREFIX}{kid}.{ct}"))
            .unwrap_or_else(|| Envelope::parse("pkenc.v2.k1.AAAA").expect("valid"))
    }

    fn digits<const N: usize>(&mut self) -> String {
        (0..N)
            .map(|_| char::from(b'0' + self.byte() % 10))
            .collect()
    }

    /// Any text, or one character repeated up to 255 times (long texts in few bytes).
    fn long_text(&mut self) -> String {
        if self.bool() {
            return self.text(255);
        }
        let c = self.pick(&['a', ' ', '%', 'é', '€', '中', '𝄞', '"']);
        let n = usize::from(self.byte());
        std::iter::repeat_n(c, n).collect()
    }

    fn label(&mut self) -> Label {
        let raw = self.long_text();
        Label::new(&raw).unwrap_or_else(|| Label::new("Card number").expect("valid"))
    }

    fn frame_message(&mut self) -> FrameToParent {
        match self.byte() % 5 {
            0 => FrameToParent::Ready {
                field: self.field(),
            },
            1 => FrameToParent::Submit {
                field: self.field(),
            },
            2 => {
                let field = self.field();
                let state = FieldState {
                    empty: self.bool(),
                    complete: self.bool(),
                    valid: self.bool(),
                    focused: self.bool(),
                    error: self.error(),
                    // Only the number frame reports a brand.
                    brand: (field == FieldKind::Number && self.bool()).then(|| self.brand()),
                };
                FrameToParent::State { field, state }
            }
            3 => {
                let req = self.u32();
                let value = match self.field() {
                    FieldKind::Number => Encrypted::Number {
                        enc: self.envelope(),
                        brand: self.brand(),
                        bin: Bin::new(&self.digits::<6>()).expect("6 digits"),
                        last4: Last4::new(&self.digits::<4>()).expect("4 digits"),
                    },
                    FieldKind::Expiry => Encrypted::Expiry {
                        enc_month: self.envelope(),
                        enc_year: self.envelope(),
                    },
                    FieldKind::Cvv => Encrypted::Cvv {
                        enc: self.envelope(),
                    },
                    FieldKind::Holder => {
                        let raw = self.text(255);
                        let holder = HolderText::new(&raw)
                            .unwrap_or_else(|| HolderText::new("Jane Doe").expect("valid"));
                        Encrypted::Holder { holder }
                    }
                };
                FrameToParent::Encrypted { req, value }
            }
            _ => FrameToParent::Failed {
                req: self.u32(),
                field: self.field(),
                reason: self.pick(FailReason::ALL),
                error: self.error(),
            },
        }
    }

    /// A CSS value of the kind a frame style variable takes, or any text.
    fn css(&mut self, var: paykka_core::appearance::FrameStyleVar) -> String {
        use paykka_core::appearance::ValueKind;
        if self.byte().is_multiple_of(4) {
            return self.long_text();
        }
        match var.kind() {
            ValueKind::Color => match self.byte() % 4 {
                0 => format!("#{}", self.word(b"0123456789abcdefABCDEF", 8)),
                // As long as the grammar allows, every character escaped on the wire.
                3 => format!("rgba({})", "%/".repeat(usize::from(self.byte() % 31))),
                1 => {
                    let f = self.pick(&["rgb(", "rgba(", "hsl(", "hsla("]);
                    format!("{f}{})", self.word(b"0123456789 .,%/-deg", 60))
                }
                _ => self.word(b"abcdefghijklmnopqrstuvwxyz", 24),
            },
            ValueKind::FontFamily if self.bool() => {
                let c = self.pick(&['a', 'é', '中', '𝄞']);
                let n = usize::from(self.byte()) % 67;
                format!("\"{}\"", std::iter::repeat_n(c, n).collect::<String>())
            }
            ValueKind::FontFamily => self.word(
                b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-,\"'",
                200,
            ),
            ValueKind::Length | ValueKind::Spacing => {
                let unit = self.pick(&["px", "em", "rem", "%", ""]);
                format!("{}{unit}", self.word(b"0123456789.", 9))
            }
            _ => self
                .pick(&[
                    "100", "400", "700", "900", "normal", "bold", "lighter", "bolder", "none",
                ])
                .to_owned(),
        }
    }

    fn parent_message(&mut self) -> ParentToFrame {
        use paykka_core::appearance::{FrameStyle, FrameStyleVar};
        match self.byte() % 6 {
            0 => {
                let label = self.label();
                let placeholder = self.bool().then(|| self.label());
                let raw_locale = self.word(
                    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-",
                    40,
                );
                let locale = Locale::new(&raw_locale)
                    .unwrap_or_else(|| Locale::new("en-US").expect("valid"));
                let brand = self.bool().then(|| self.brand());
                // As the parent builds it: one value per variable, in wire order, each checked.
                let mut values: Vec<(FrameStyleVar, String)> = Vec::new();
                for var in FrameStyleVar::ALL {
                    if self.bool() {
                        let value = self.css(var);
                        values.push((var, value));
                    }
                }
                let style =
                    FrameStyle::from_values(values.iter().map(|(var, v)| (*var, v.as_str())));
                ParentToFrame::Configure(Configure {
                    label,
                    placeholder,
                    locale,
                    brand,
                    style,
                    binding: None,
                })
            }
            1 => ParentToFrame::Brand {
                brand: self.brand(),
            },
            2 => ParentToFrame::Focus,
            3 => ParentToFrame::Touch,
            4 => ParentToFrame::Encrypt { req: self.u32() },
            _ => ParentToFrame::Clear,
        }
    }
}

/// Envelope v2's payload decoder (`paykka_core::card_envelope`), on any bytes: never panics;
/// what it accepts encodes back to the very bytes, carries only digits as its value, and is
/// refused for any other field, session or merchant, or once older than the limit.
pub fn card_envelope(data: &[u8]) {
    use paykka_core::card_envelope::{EnvelopeField, Expected, Payload, PayloadError};
    let Ok(p) = Payload::decode(data) else { return };
    assert_eq!(
        p.encode().as_bytes(),
        data,
        "a payload re-encodes to its bytes"
    );
    assert!(!p.value.is_empty() && p.value.bytes().all(|b| b.is_ascii_digit()));
    let at = |now_ms| Expected {
        field: p.field,
        session_id: &p.session_id,
        merchant_id: &p.merchant_id,
        now_ms,
        max_age_ms: 900_000,
    };
    assert_eq!(p.check(&at(p.issued_at_ms)), Ok(()));
    assert_eq!(
        p.check(&at(p.issued_at_ms + 900_001)),
        Err(PayloadError::Expired)
    );
    let other = if p.field == EnvelopeField::Cvv {
        EnvelopeField::Number
    } else {
        EnvelopeField::Cvv
    };
    assert_eq!(
        p.check(&Expected {
            field: other,
            ..at(p.issued_at_ms)
        }),
        Err(PayloadError::WrongField)
    );
    let other_session = format!("{}x", p.session_id);
    assert_eq!(
        p.check(&Expected {
            session_id: &other_session,
            ..at(p.issued_at_ms)
        }),
        Err(PayloadError::WrongSession)
    );
}
