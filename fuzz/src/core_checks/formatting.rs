//! `card_format`: the typing formatters of the card number and security code, at every caret.

use super::*;

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
