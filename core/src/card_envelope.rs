//! What a secure frame encrypts: envelope v2, our own scheme (PayKKa's is not public).
//!
//! Each card field is encrypted alone with the gateway's card key (RSA-OAEP, SHA-256) and sent
//! as `pkenc.v2.<kid>.<base64url(ciphertext)>`. The plaintext is not the bare value but a
//! payload that ties it to one use:
//!
//! ```text
//! pkp2;<field>;<issued_at_ms>;<nonce>;<session_id>;<merchant_id>;<value>
//! ```
//!
//! - `field`: `number`, `exp_month`, `exp_year` or `cvv`: a CVV envelope sent as the card
//!   number is refused;
//! - `issued_at_ms`: the frame's clock when it encrypted, in Unix milliseconds: the gateway
//!   refuses an envelope older than its limit (15 minutes by default);
//! - `nonce`: 32 lowercase hex digits (128 random bits): the gateway takes each nonce once;
//! - `session_id`, `merchant_id`: the checkout session (and merchant, empty when the session
//!   does not say) the parent configured: the gateway refuses the envelope for any other.
//!   Ids are letters, digits, `-` and `_`, at most 64 (session) and 32 (merchant) long.
//! - `value`: the field's digits.
//!
//! The longest payload (a 64-character session id, a 32-character merchant id, 19 digits) is
//! 181 bytes, under
//! the 190 that one RSA-2048 OAEP-SHA-256 block holds. [`Payload::decode`] is total: any
//! bytes give a payload or a [`PayloadError`], never a panic.
//!
//! ```
//! use paykka_core::card_envelope::{EnvelopeField, Payload};
//!
//! let p = Payload {
//!     field: EnvelopeField::Cvv,
//!     issued_at_ms: 1_767_225_600_000,
//!     nonce: [0xab; 16],
//!     session_id: "CS0123".into(),
//!     merchant_id: "10000000000001".into(),
//!     value: "123".into(),
//! };
//! let text = p.encode();
//! assert_eq!(text, format!("pkp2;cvv;1767225600000;{};CS0123;10000000000001;123", "ab".repeat(16)));
//! assert_eq!(Payload::decode(text.as_bytes()), Ok(p));
//! ```

use std::fmt;

/// The envelope's prefix: scheme and version. Envelopes of another version are refused.
pub const ENVELOPE_PREFIX: &str = "pkenc.v2.";
/// The payload's own version tag (inside the ciphertext).
pub const PAYLOAD_TAG: &str = "pkp2";
/// How old an envelope the gateway takes by default.
pub const DEFAULT_MAX_AGE_MS: u64 = 15 * 60 * 1000;
/// How far ahead of the gateway's clock a frame's clock may be.
pub const CLOCK_SKEW_MS: u64 = 2 * 60 * 1000;
/// Longest session id in a payload.
pub const MAX_SESSION_ID_LEN: usize = 64;
/// Longest merchant id in a payload (PayKKa's are 14 digits).
pub const MAX_MERCHANT_ID_LEN: usize = 32;

/// Which card field an envelope holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EnvelopeField {
    /// The card number (`encrypted_card_no`).
    Number,
    /// The expiry month, `01` to `12` (`encrypted_exp_month`).
    ExpMonth,
    /// The four-digit expiry year (`encrypted_exp_year`).
    ExpYear,
    /// The security code (`encrypted_cvv`).
    Cvv,
}

impl EnvelopeField {
    /// Its name in the payload.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::ExpMonth => "exp_month",
            Self::ExpYear => "exp_year",
            Self::Cvv => "cvv",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "number" => Some(Self::Number),
            "exp_month" => Some(Self::ExpMonth),
            "exp_year" => Some(Self::ExpYear),
            "cvv" => Some(Self::Cvv),
            _ => None,
        }
    }

    /// Most digits its value may have.
    const fn max_digits(self) -> usize {
        match self {
            Self::Number => 19,
            Self::ExpMonth => 2,
            Self::ExpYear => 4,
            Self::Cvv => 4,
        }
    }
}

/// One field's payload.
#[derive(Clone, PartialEq, Eq)]
pub struct Payload {
    /// The field it was sealed for.
    pub field: EnvelopeField,
    /// When the frame sealed it, Unix milliseconds by the frame's clock.
    pub issued_at_ms: u64,
    /// 128 random bits, used once.
    pub nonce: [u8; 16],
    /// The checkout session it was sealed for.
    pub session_id: String,
    /// The merchant it was sealed for; empty when the session names no merchant.
    pub merchant_id: String,
    /// The field's digits.
    pub value: String,
}

impl fmt::Debug for Payload {
    /// Never the value: a card number or a security code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Payload")
            .field("field", &self.field)
            .field("issued_at_ms", &self.issued_at_ms)
            .field("session_id", &self.session_id)
            .field("merchant_id", &self.merchant_id)
            .finish_non_exhaustive()
    }
}

/// Why a payload was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayloadError {
    /// Not `pkp2;` and seven parts of the right shapes.
    Malformed,
    /// Older than the gateway's limit, or from too far in the future.
    Expired,
    /// Sealed for another field than the one it was sent as.
    WrongField,
    /// Sealed for another checkout session or merchant.
    WrongSession,
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Malformed => "the card data is not a v2 payload",
            Self::Expired => "the card data has expired: enter the card again",
            Self::WrongField => "the card data was sealed for another field",
            Self::WrongSession => "the card data was sealed for another checkout",
        })
    }
}

/// What the gateway expects of one field of one payment.
#[derive(Clone, Copy, Debug)]
pub struct Expected<'a> {
    /// The field the envelope was sent as.
    pub field: EnvelopeField,
    /// The payment's session.
    pub session_id: &'a str,
    /// The payment's merchant.
    pub merchant_id: &'a str,
    /// The gateway's clock, Unix milliseconds.
    pub now_ms: u64,
    /// The oldest envelope taken, in milliseconds.
    pub max_age_ms: u64,
}

fn is_id(s: &str, max: usize) -> bool {
    s.len() <= max
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn hex_nonce(s: &str) -> Option<[u8; 16]> {
    let b = s.as_bytes();
    if b.len() != 32 {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 16];
    for (i, o) in out.iter_mut().enumerate() {
        *o = digit(*b.get(2 * i)?)? << 4 | digit(*b.get(2 * i + 1)?)?;
    }
    Some(out)
}

impl Payload {
    /// The nonce as its 32 hex digits (how the gateway records it).
    pub fn nonce_hex(&self) -> String {
        crate::digits::hex(&self.nonce)
    }

    /// The payload's text, as the frame encrypts it.
    pub fn encode(&self) -> String {
        let mut s = String::with_capacity(80 + self.session_id.len() + self.merchant_id.len());
        s.push_str(PAYLOAD_TAG);
        s.push(';');
        s.push_str(self.field.as_str());
        s.push(';');
        push_u64(&mut s, self.issued_at_ms);
        s.push(';');
        s.push_str(&self.nonce_hex());
        s.push(';');
        s.push_str(&self.session_id);
        s.push(';');
        s.push_str(&self.merchant_id);
        s.push(';');
        s.push_str(&self.value);
        s
    }

    /// Reads a decrypted payload. Total: any bytes give a payload or `Malformed`.
    pub fn decode(bytes: &[u8]) -> Result<Self, PayloadError> {
        let text = core::str::from_utf8(bytes).map_err(|_| PayloadError::Malformed)?;
        let mut parts = text.split(';');
        let mut next = || parts.next().ok_or(PayloadError::Malformed);
        if next()? != PAYLOAD_TAG {
            return Err(PayloadError::Malformed);
        }
        let field = EnvelopeField::parse(next()?).ok_or(PayloadError::Malformed)?;
        let issued = next()?;
        // Canonical: no sign, no leading zero, so a payload has one text only.
        if issued.is_empty()
            || issued.len() > 15
            || (issued.len() > 1 && issued.starts_with('0'))
            || !issued.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(PayloadError::Malformed);
        }
        let issued_at_ms = issued.parse::<u64>().map_err(|_| PayloadError::Malformed)?;
        let nonce = hex_nonce(next()?).ok_or(PayloadError::Malformed)?;
        let session_id = next()?;
        let merchant_id = next()?;
        let value = next()?;
        if parts.next().is_some()
            || session_id.is_empty()
            || !is_id(session_id, MAX_SESSION_ID_LEN)
            || !is_id(merchant_id, MAX_MERCHANT_ID_LEN)
            || value.is_empty()
            || value.len() > field.max_digits()
            || !value.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(PayloadError::Malformed);
        }
        Ok(Self {
            field,
            issued_at_ms,
            nonce,
            session_id: session_id.into(),
            merchant_id: merchant_id.into(),
            value: value.into(),
        })
    }

    /// Checks the payload against what the gateway expects of this field of this payment:
    /// the field, the session, the merchant (when the payload names one), the age. The nonce's
    /// single use is the gateway's to check (it needs a record of nonces).
    pub fn check(&self, expected: &Expected<'_>) -> Result<(), PayloadError> {
        if self.field != expected.field {
            return Err(PayloadError::WrongField);
        }
        if self.session_id != expected.session_id
            || (!self.merchant_id.is_empty() && self.merchant_id != expected.merchant_id)
        {
            return Err(PayloadError::WrongSession);
        }
        let too_old = expected.now_ms.saturating_sub(self.issued_at_ms) > expected.max_age_ms;
        let too_new = self.issued_at_ms > expected.now_ms.saturating_add(CLOCK_SKEW_MS);
        if too_old || too_new {
            return Err(PayloadError::Expired);
        }
        Ok(())
    }
}

fn push_u64(s: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    s.push_str(core::str::from_utf8(buf.get(i..).unwrap_or(&[])).unwrap_or(""));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(field: EnvelopeField, value: &str) -> Payload {
        Payload {
            field,
            issued_at_ms: 1_000_000,
            nonce: [7; 16],
            session_id: "CS1".into(),
            merchant_id: "M1".into(),
            value: value.into(),
        }
    }

    fn expected(field: EnvelopeField, now_ms: u64) -> Expected<'static> {
        Expected {
            field,
            session_id: "CS1",
            merchant_id: "M1",
            now_ms,
            max_age_ms: DEFAULT_MAX_AGE_MS,
        }
    }

    #[test]
    fn every_field_round_trips_and_the_longest_payload_fits_one_rsa_block() {
        for (field, value) in [
            (EnvelopeField::Number, "4242424242424242"),
            (EnvelopeField::ExpMonth, "12"),
            (EnvelopeField::ExpYear, "2031"),
            (EnvelopeField::Cvv, "1234"),
        ] {
            let p = payload(field, value);
            assert_eq!(Payload::decode(p.encode().as_bytes()), Ok(p));
        }
        let longest = Payload {
            issued_at_ms: 999_999_999_999_999,
            session_id: "s".repeat(MAX_SESSION_ID_LEN),
            merchant_id: "m".repeat(MAX_MERCHANT_ID_LEN),
            ..payload(EnvelopeField::Number, "4242424242424242424")
        };
        assert!(longest.encode().len() <= 190, "{}", longest.encode().len());
        assert_eq!(Payload::decode(longest.encode().as_bytes()), Ok(longest));
    }

    #[test]
    fn anything_but_a_v2_payload_is_malformed() {
        let good = payload(EnvelopeField::Cvv, "123").encode();
        let nonce = "07".repeat(16);
        for bad in [
            String::new(),
            "123".to_string(),
            good.replace("pkp2", "pkp1"),
            good.replace(";cvv;", ";pin;"),
            good.replace(";1000000;", ";;"),
            good.replace(";1000000;", ";-1;"),
            good.replace(";1000000;", ";01000000;"),
            good.replace(";1000000;", ";99999999999999999999;"),
            good.replace(&nonce, &"07".repeat(15)),
            good.replace(&nonce, &"0G".repeat(16)),
            good.replace(&nonce, &"AB".repeat(16)),
            good.replace(";CS1;", ";;"),
            good.replace(";CS1;", ";C S;"),
            good.replace(";M1;", ";M<1;"),
            good.replace(";123", ";"),
            good.replace(";123", ";12345"),
            good.replace(";123", ";12a"),
            format!("{good};extra"),
        ] {
            assert_eq!(
                Payload::decode(bad.as_bytes()),
                Err(PayloadError::Malformed),
                "{bad:?}"
            );
        }
        assert_eq!(Payload::decode(&[0xff, 0xfe]), Err(PayloadError::Malformed));
    }

    #[test]
    fn a_payload_is_good_for_its_field_session_merchant_and_fifteen_minutes_only() {
        let p = payload(EnvelopeField::Number, "4242424242424242");
        let at = |now| expected(EnvelopeField::Number, now);
        assert_eq!(p.check(&at(1_000_000)), Ok(()));
        assert_eq!(p.check(&at(1_000_000 + DEFAULT_MAX_AGE_MS)), Ok(()));
        assert_eq!(
            p.check(&at(1_000_001 + DEFAULT_MAX_AGE_MS)),
            Err(PayloadError::Expired)
        );
        // A frame clock a little ahead is fine; far ahead is not.
        assert_eq!(p.check(&at(1_000_000 - CLOCK_SKEW_MS)), Ok(()));
        assert_eq!(
            p.check(&at(999_999 - CLOCK_SKEW_MS)),
            Err(PayloadError::Expired)
        );
        assert_eq!(
            p.check(&expected(EnvelopeField::Cvv, 1_000_000)),
            Err(PayloadError::WrongField)
        );
        let other_session = Expected {
            session_id: "CS2",
            ..at(1_000_000)
        };
        assert_eq!(p.check(&other_session), Err(PayloadError::WrongSession));
        let other_merchant = Expected {
            merchant_id: "M2",
            ..at(1_000_000)
        };
        assert_eq!(p.check(&other_merchant), Err(PayloadError::WrongSession));
        // A session that named no merchant: any merchant of that session.
        let unnamed = Payload {
            merchant_id: String::new(),
            ..p.clone()
        };
        assert_eq!(unnamed.check(&other_merchant), Ok(()));
    }

    #[test]
    fn debug_never_prints_the_value() {
        let p = payload(EnvelopeField::Number, "4242424242424242");
        assert!(!format!("{p:?}").contains("4242"));
    }
}
