//! The values messages carry, checked on construction.

use super::*;

#[test]
fn the_channel_is_exactly_32_lowercase_hex_digits() {
    assert_eq!(ch().as_str(), CH);
    for bad in [
        "",
        &CH[1..],
        &format!("{CH}0"),
        &CH.to_uppercase(),
        "0123456789abcdef0123456789abcdeg",
    ] {
        assert_eq!(Channel::parse(bad), None, "{bad}");
        let wire = format!("pk=1&ch={bad}&t=focus");
        assert_eq!(decode_parent_message(&wire), Err(ProtocolError::BadChannel));
    }
    let c = Channel::from_bytes([
        0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0, 0, 0, 0, 0, 0, 0xff, 0x10,
    ]);
    assert_eq!(c.as_str(), "0123456789abcdef000000000000ff10");
    assert_eq!(
        format!("{c:?}"),
        "Channel(0123456789abcdef000000000000ff10)"
    );
}

#[test]
fn envelopes_are_checked_for_shape() {
    for good in [
        "pkenc.v2.08dcc3528cbd0c50.AbC-_9",
        "pkenc.v2.k.AB",
        // A key id of decimal digits only is fine: the guard looks at the ciphertext.
        "pkenc.v2.0812345678901234.abcd",
    ] {
        assert!(Envelope::parse(good).is_some(), "{good}");
    }
    for bad in [
        "",
        "pkenc.v2.",
        "pkenc.v2.kid",
        "pkenc.v2.kid.",
        "pkenc.v2..abc",
        "pkenc.v1.kid.abc",
        "PKENC.v2.kid.abc",
        "pkenc.v2.kid.ab=c",
        "pkenc.v2.kid.abc=",
        "pkenc.v2.kid.ab+c",
        "pkenc.v2.kid.ab/c",
        "pkenc.v2.kid.ab.c",
        "pkenc.v2.kid.ab c",
        "pkenc.v2.kid.abcde",
        "pkenc.v2.kid.A",
        "4242424242424242",
        "pkenc.v2.kid.x4242424242424242",
        "pkenc.v2.ki d.abc",
    ] {
        assert_eq!(Envelope::parse(bad), None, "{bad}");
    }
    assert!(Envelope::parse(&format!("pkenc.v2.{}.abc", "k".repeat(65))).is_none());
    let max = format!("pkenc.v2.kk.{}", "A".repeat(MAX_ENVELOPE_BYTES - 12));
    assert!(Envelope::parse(&max).is_some());
    assert!(Envelope::parse(&format!("{max}AAAA")).is_none());
}

#[test]
fn field_and_reason_codes_round_trip() {
    for &f in FieldKind::ALL {
        assert_eq!(FieldKind::from_code(f.code()), Some(f));
    }
    for &r in FailReason::ALL {
        assert_eq!(FailReason::from_code(r.code()), Some(r));
    }
    for &e in CheckoutError::ALL {
        assert_eq!(error_from_id(e.message_id()), Some(e));
    }
    assert_eq!(FieldKind::from_code("Number"), None);
    assert_eq!(FailReason::from_code(""), None);
    assert_eq!(error_from_id("error-"), None);
}
