//! `expiry`: expiry dates parsed and typed against several todays.

use super::*;

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
