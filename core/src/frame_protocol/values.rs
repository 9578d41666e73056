//! The values messages carry, each checked on construction: whatever a constructor accepts,
//! [`encode`](super::encode) can write and the decoders take back.

use crate::CheckoutError;
use crate::card_envelope::ENVELOPE_PREFIX;
use crate::digits::has_card_number_run;

/// Longest [`Label`] (label and placeholder), in characters.
pub const MAX_LABEL_CHARS: usize = 200;
/// Longest [`Label`] in UTF-8 bytes, so that two of them fit a message even fully escaped.
pub const MAX_LABEL_BYTES: usize = 512;
/// Longest [`Envelope`], in bytes.
pub const MAX_ENVELOPE_BYTES: usize = 1024;
/// Longest [`Locale`] tag.
pub const MAX_LOCALE_BYTES: usize = 35;

/// Which card field a frame renders.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum FieldKind {
    /// The card number (`cc-number`).
    Number,
    /// The expiry date (`cc-exp`).
    Expiry,
    /// The security code (`cc-csc`).
    Cvv,
    /// The cardholder name (`cc-name`).
    Holder,
}

impl FieldKind {
    /// Every field.
    pub const ALL: &'static [FieldKind] = &[Self::Number, Self::Expiry, Self::Cvv, Self::Holder];

    /// The wire name: `number`, `expiry`, `cvv` or `holder`.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Expiry => "expiry",
            Self::Cvv => "cvv",
            Self::Holder => "holder",
        }
    }

    /// The field from its wire name.
    pub fn from_code(code: &str) -> Option<FieldKind> {
        Self::ALL.iter().copied().find(|f| f.code() == code)
    }
}

/// The channel id of one mount: 32 lowercase hex digits (128 random bits chosen by the parent).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Channel([u8; 32]);

impl Channel {
    /// Parses a channel id; `None` unless exactly 32 characters of `0-9a-f`.
    pub fn parse(s: &str) -> Option<Channel> {
        let mut out = [0u8; 32];
        if s.len() != out.len() {
            return None;
        }
        for (slot, b) in out.iter_mut().zip(s.bytes()) {
            if !matches!(b, b'0'..=b'9' | b'a'..=b'f') {
                return None;
            }
            *slot = b;
        }
        Some(Channel(out))
    }

    /// The channel from 16 random bytes.
    pub fn from_bytes(bytes: [u8; 16]) -> Channel {
        use crate::digits::LOWER_HEX;
        let mut out = [0u8; 32];
        for (pair, b) in out.chunks_exact_mut(2).zip(bytes) {
            pair[0] = LOWER_HEX[usize::from(b >> 4)];
            pair[1] = LOWER_HEX[usize::from(b & 15)];
        }
        Channel(out)
    }

    /// The 32 hex digits.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl core::fmt::Debug for Channel {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Channel({})", self.as_str())
    }
}

/// A label or placeholder: at most [`MAX_LABEL_CHARS`] characters and [`MAX_LABEL_BYTES`]
/// bytes, no control characters, no card-number-like digit run.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Label(String);

impl Label {
    /// Checks a label; `None` if it breaks a rule.
    pub fn new(s: &str) -> Option<Label> {
        let ok = s.len() <= MAX_LABEL_BYTES
            && s.chars().count() <= MAX_LABEL_CHARS
            && !s.chars().any(char::is_control)
            && !has_card_number_run(s);
        ok.then(|| Label(s.to_owned()))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The checkout a frame seals its field for (`sid`, `mid` of `configure`): the session id and
/// the merchant id (empty when the session names none). See [`crate::card_envelope`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Binding {
    session_id: String,
    merchant_id: String,
}

impl Binding {
    /// Checks the ids: 1 to 64 (session) and 0 to 32 (merchant) of `A-Z a-z 0-9 - _`.
    pub fn new(session_id: &str, merchant_id: &str) -> Option<Binding> {
        use crate::card_envelope::{MAX_MERCHANT_ID_LEN, MAX_SESSION_ID_LEN};
        let id = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        let ok = (1..=MAX_SESSION_ID_LEN).contains(&session_id.len())
            && merchant_id.len() <= MAX_MERCHANT_ID_LEN
            && id(session_id)
            && id(merchant_id);
        ok.then(|| Binding {
            session_id: session_id.to_owned(),
            merchant_id: merchant_id.to_owned(),
        })
    }

    /// The checkout session.
    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// The merchant; empty when the session names none.
    pub fn merchant_id(&self) -> &str {
        &self.merchant_id
    }
}

/// A holder name as the holder frame hands it over: 1 to 64 characters, no control
/// characters and no digit at all (no numeric character: `char::is_numeric`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HolderText(String);

impl HolderText {
    /// Checks a holder name; `None` if it breaks a rule.
    pub fn new(s: &str) -> Option<HolderText> {
        let chars = s.chars().count();
        let ok = (1..=crate::MAX_HOLDER_NAME_CHARS).contains(&chars)
            && !s.chars().any(|c| c.is_control() || c.is_numeric());
        ok.then(|| HolderText(s.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A BCP 47-ish locale tag: 1 to 35 characters of `A-Z a-z 0-9 -`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Locale(pub(super) String);

impl Locale {
    /// Checks a tag; `None` if it breaks a rule.
    pub fn new(s: &str) -> Option<Locale> {
        let ok = (1..=MAX_LOCALE_BYTES).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !has_card_number_run(s);
        ok.then(|| Locale(s.to_owned()))
    }

    /// The tag.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One encrypted card value: `pkenc.v2.<kid>.<ciphertext>`, where `kid` is 1 to 64 characters
/// of `A-Z a-z 0-9 _ -`, the ciphertext base64url without padding, the whole at most
/// [`MAX_ENVELOPE_BYTES`], and the ciphertext free of a card-number-like digit run.
///
/// This checks the shape only: whether it decrypts is the gateway's business.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Envelope(String);

impl Envelope {
    /// Checks an envelope's shape; `None` if it breaks a rule.
    pub fn parse(s: &str) -> Option<Envelope> {
        if s.len() > MAX_ENVELOPE_BYTES {
            return None;
        }
        let rest = s.strip_prefix(ENVELOPE_PREFIX)?;
        let (kid, ciphertext) = rest.split_once('.')?;
        let b64url = |t: &str| {
            t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        let ok = (1..=64).contains(&kid.len())
            && b64url(kid)
            && !ciphertext.is_empty()
            && b64url(ciphertext)
            && ciphertext.len() % 4 != 1
            && !has_card_number_run(ciphertext);
        ok.then(|| Envelope(s.to_owned()))
    }

    /// The envelope.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Exactly `N` ASCII digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct FixedDigits<const N: usize>([u8; N]);

impl<const N: usize> FixedDigits<N> {
    /// Checks the digits; `None` unless exactly `N` ASCII digits.
    pub fn new(s: &str) -> Option<Self> {
        let mut out = [0u8; N];
        if s.len() != N || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.copy_from_slice(s.as_bytes());
        Some(Self(out))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// The leading digits of a card number the page may know: two to six, as
/// [`crate::revealed_head`] allows for its length (wire key `bin6`, its name since
/// it always held six).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Bin {
    digits: [u8; 6],
    len: u8,
}

impl Bin {
    /// Checks the digits; `None` unless two to six ASCII digits.
    pub fn new(s: &str) -> Option<Self> {
        if !(2..=6).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut digits = [0u8; 6];
        digits.get_mut(..s.len())?.copy_from_slice(s.as_bytes());
        Some(Self {
            digits,
            len: s.len() as u8,
        })
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(self.digits.get(..usize::from(self.len)).unwrap_or(&[])).unwrap_or("")
    }
}

/// The last four digits of a card number.
pub type Last4 = FixedDigits<4>;

/// The error of a [`CheckoutError::message_id`].
pub fn error_from_id(id: &str) -> Option<CheckoutError> {
    CheckoutError::ALL
        .iter()
        .copied()
        .find(|e| e.message_id() == id)
}
