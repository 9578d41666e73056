//! The wire format: a form-urlencoded string exactly as `URLSearchParams` writes it, strictly
//! read back; the header every message opens with (`pk`, `ch`, `t`); the limits and the
//! card-number guard every pair passes.

use super::values::{Channel, FieldKind, error_from_id};
use crate::CheckoutError;
use crate::digits::has_card_number_run;

/// Largest message, in bytes of its encoded string. Room for the longest `configure` (two
/// labels and every style value at their longest, every byte escaped: about 4.7 KB), so that
/// whatever [`encode`](super::encode) writes, the decoders accept.
pub const MAX_MESSAGE_BYTES: usize = 8192;
/// Most `key=value` pairs in one message.
pub const MAX_PAIRS: usize = 24;
/// The protocol version, the value of `pk`.
pub const VERSION: &str = "1";

/// Why a message was refused. The receiving side drops refused messages silently; the variant
/// is for tests and logs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ProtocolError {
    /// Longer than [`MAX_MESSAGE_BYTES`].
    TooLong,
    /// More than [`MAX_PAIRS`] pairs.
    TooManyPairs,
    /// Not `key=value&...`, a bad `%` escape, invalid UTF-8, or a key outside `[a-z0-9_]`.
    Malformed,
    /// A key given twice.
    DuplicateKey,
    /// A key this message type does not have.
    UnknownKey,
    /// A required key is absent.
    MissingKey(&'static str),
    /// A value of the wrong shape.
    BadValue(&'static str),
    /// `pk` is not [`VERSION`].
    UnsupportedVersion,
    /// `ch` is not 32 lowercase hex digits.
    BadChannel,
    /// `t` is not a type of this direction.
    UnknownType,
    /// Some value holds [`PAN_DIGIT_RUN`](crate::digits::PAN_DIGIT_RUN) or more consecutive digits.
    LooksLikeCardData,
}

/// The form-urlencoded writer: `URLSearchParams` escaping.
pub(super) struct Writer(pub(super) String);

impl Writer {
    pub(super) fn new(channel: &Channel, t: &str) -> Writer {
        let mut w = Writer(String::with_capacity(128));
        w.pair("pk", VERSION);
        w.pair("ch", channel.as_str());
        w.pair("t", t);
        w
    }

    pub(super) fn pair(&mut self, key: &str, value: &str) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.push_str(key);
        self.0.push('=');
        for b in value.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                    self.0.push(char::from(b))
                }
                b' ' => self.0.push('+'),
                _ => {
                    self.0.push('%');
                    self.0.push(char::from(HEX[usize::from(b >> 4)]));
                    self.0.push(char::from(HEX[usize::from(b & 15)]));
                }
            }
        }
    }

    pub(super) fn flag(&mut self, key: &str, value: bool) {
        self.pair(key, if value { "1" } else { "0" });
    }

    pub(super) fn number(&mut self, key: &str, value: u32) {
        let mut buf = [0u8; 10];
        let mut i = buf.len();
        let mut v = value;
        loop {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.pair(key, crate::digits::ascii_str(buf.get(i..).unwrap_or(&[])));
    }
}

/// Decodes one `application/x-www-form-urlencoded` component, strictly: `+` is a space, `%`
/// must start two hex digits, and the bytes must be UTF-8.
pub(super) fn unescape(s: &str) -> Result<String, ProtocolError> {
    let hex = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = bytes.next().and_then(hex).ok_or(ProtocolError::Malformed)?;
                let lo = bytes.next().and_then(hex).ok_or(ProtocolError::Malformed)?;
                out.push(hi << 4 | lo);
            }
            _ => out.push(b),
        }
    }
    String::from_utf8(out).map_err(|_| ProtocolError::Malformed)
}

/// Splits a form-urlencoded string into at most [`MAX_PAIRS`] distinct `(key, value)` pairs,
/// rejecting bad escapes and card-number-like values (the channel, hex digits only, is checked
/// by [`Channel::parse`] and `enc*` values by [`Envelope::parse`](super::Envelope::parse) instead, see the module
/// documentation).
pub(super) fn pairs(data: &str) -> Result<Vec<(&str, String)>, ProtocolError> {
    if data.len() > MAX_MESSAGE_BYTES {
        return Err(ProtocolError::TooLong);
    }
    let mut out: Vec<(&str, String)> = Vec::new();
    for pair in data.split('&') {
        if out.len() == MAX_PAIRS {
            return Err(ProtocolError::TooManyPairs);
        }
        let (key, value) = pair.split_once('=').ok_or(ProtocolError::Malformed)?;
        let key_ok = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !key_ok {
            return Err(ProtocolError::Malformed);
        }
        if out.iter().any(|(k, _)| *k == key) {
            return Err(ProtocolError::DuplicateKey);
        }
        let value = unescape(value)?;
        // The channel, the checkout's ids (a merchant id is 14 digits) and envelopes are
        // digit runs by design; any other value that reads as a card number is refused.
        let ids = matches!(key, "ch" | "sid" | "mid");
        if !ids && !key.starts_with("enc") && has_card_number_run(&value) {
            return Err(ProtocolError::LooksLikeCardData);
        }
        out.push((key, value));
    }
    Ok(out)
}

/// The pairs of one message, taken one by one; whatever is left at the end is unknown.
pub(super) struct Fields<'a>(pub(super) Vec<(&'a str, String)>);

impl Fields<'_> {
    pub(super) fn take(&mut self, key: &'static str) -> Option<String> {
        let i = self.0.iter().position(|(k, _)| *k == key)?;
        Some(self.0.swap_remove(i).1)
    }

    pub(super) fn req(&mut self, key: &'static str) -> Result<String, ProtocolError> {
        self.take(key).ok_or(ProtocolError::MissingKey(key))
    }

    pub(super) fn parsed<T>(
        &mut self,
        key: &'static str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, ProtocolError> {
        parse(&self.req(key)?).ok_or(ProtocolError::BadValue(key))
    }

    pub(super) fn optional<T>(
        &mut self,
        key: &'static str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, ProtocolError> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => parse(&v).map(Some).ok_or(ProtocolError::BadValue(key)),
        }
    }

    pub(super) fn flag(&mut self, key: &'static str) -> Result<bool, ProtocolError> {
        self.parsed(key, |v| match v {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        })
    }

    pub(super) fn field(&mut self) -> Result<FieldKind, ProtocolError> {
        self.parsed("field", FieldKind::from_code)
    }

    pub(super) fn req_id(&mut self) -> Result<u32, ProtocolError> {
        self.parsed("req", parse_u32)
    }

    pub(super) fn error(&mut self) -> Result<Option<CheckoutError>, ProtocolError> {
        self.optional("error", error_from_id)
    }

    pub(super) fn finish<T>(self, value: T) -> Result<T, ProtocolError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(ProtocolError::UnknownKey)
        }
    }
}

/// A decimal `u32` without sign or leading zeros.
pub(super) fn parse_u32(s: &str) -> Option<u32> {
    let ok = !s.is_empty()
        && s.len() <= 10
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s == "0" || !s.starts_with('0'));
    if !ok {
        return None;
    }
    s.bytes().try_fold(0u32, |n, b| {
        n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    })
}

/// Splits off the envelope keys `pk`, `ch` and `t`.
pub(super) fn header(data: &str) -> Result<(Channel, String, Fields<'_>), ProtocolError> {
    let mut f = Fields(pairs(data)?);
    if f.req("pk")? != VERSION {
        return Err(ProtocolError::UnsupportedVersion);
    }
    let channel = Channel::parse(&f.req("ch")?).ok_or(ProtocolError::BadChannel)?;
    let t = f.req("t")?;
    Ok((channel, t, f))
}
