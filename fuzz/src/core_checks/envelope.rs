//! `card_envelope`: envelope v2's payload decoder.

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
