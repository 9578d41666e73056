//! The messages between the secure card frames and the page that embeds them.
//!
//! Each card field (number, expiry, CVV, holder name) is an `<input>` inside a cross-origin
//! iframe served by the payment provider. The frame and its parent (the Drop-in or a
//! Component) talk with `postMessage`, always naming the exact target origin. This module is
//! the whole vocabulary of that conversation, shared by both sides so that neither can send
//! what the other would not understand.
//!
//! # Wire format
//!
//! The `data` of every message is a **string** in `application/x-www-form-urlencoded` form,
//! exactly what `URLSearchParams.toString()` produces (`+` for a space, `%XX` for any byte
//! outside `A-Z a-z 0-9 * - . _`). A message is at most [`MAX_MESSAGE_BYTES`] bytes and
//! [`MAX_PAIRS`] pairs; keys are `[a-z0-9_]`, appear once, and only the keys of the message's
//! type are accepted: an unknown or duplicated key, a malformed `%` escape, invalid UTF-8 or an
//! empty pair rejects the whole message.
//!
//! Every message carries `pk=1` (the protocol version), `ch=<channel>` (32 lowercase hex
//! digits: 128 random bits the parent picks per mount and passes in the frame's URL fragment)
//! and `t=<type>`.
//!
//! | direction | `t` | other keys |
//! | --- | --- | --- |
//! | frame → parent | `ready` | `field` |
//! | frame → parent | `state` | `field`, `empty`, `complete`, `valid`, `focused` (each `0`/`1`), `error`? (message id, only when it should be shown now), `brand`? (number field only) |
//! | frame → parent | `submit` | `field` (the shopper pressed Enter in the frame) |
//! | frame → parent | `encrypted` | `req`, `field`, then by field: number `enc`, `brand`, `bin6`, `last4`; expiry `enc_month`, `enc_year`; cvv `enc`; holder `holder` (a name is not card data: sent in clear) |
//! | frame → parent | `failed` | `req`, `field`, `reason` (`invalid`, `key_unavailable`, `crypto_failed`), `error`? |
//! | parent → frame | `configure` | `label`, `placeholder`?, `locale`, `brand`? (fixes the brand of a stored card's CVV frame) |
//! | parent → frame | `brand` | `brand` (the number frame's brand, for the CVV frame's length) |
//! | parent → frame | `focus` | |
//! | parent → frame | `touch` | (the parent is submitting: show any error now, re-send `state`) |
//! | parent → frame | `encrypt` | `req` |
//! | parent → frame | `clear` | |
//!
//! `field` is `number`, `expiry`, `cvv` or `holder`; `brand` a [`Brand::code`]; `error` a
//! [`CheckoutError::message_id`]; `req` a decimal `u32` without leading zeros; `enc*` an
//! envelope `pkenc.v2.<kid>.<base64url>` (see [`Envelope`]). Theme values will arrive as
//! further `configure` keys (the pair budget leaves room); today they are refused like any
//! unknown key.
//!
//! # Never a card number or a CVV in clear
//!
//! By construction: no variant has a place for one. Frame → parent, the only free text is the
//! holder name ([`HolderText`], which refuses every digit); the card number leaves as an
//! [`Envelope`] plus [`Bin`] (at most 6 digits) and [`Last4`] (4 digits). Parent → frame, the free
//! texts are label, placeholder and locale, which the parent never has card data for.
//!
//! And by a guard: [`decode_frame_message`] and [`decode_parent_message`] reject any message
//! in which any value holds a run of [`PAN_DIGIT_RUN`] or more consecutive digits (Unicode
//! decimal digits included): the shortest card number is 12 digits. Two values are exempt,
//! because they are random hex whose digits line up often enough to matter and their shape is
//! checked strictly anyway: the channel `ch` (exactly 32 `0-9a-f`, see [`Channel`]) and the key
//! id inside an `enc*` envelope; for `enc*` values the guard looks at the ciphertext, where a
//! 12-digit run is a one-in-ten-million event the frame handles by encrypting again (OAEP is
//! randomised). The same checks run in the constructors of [`Label`], [`HolderText`] and
//! [`Envelope`], so whatever [`encode`] writes, the decoders accept.

use crate::digits::ascii_digit;
use crate::{Brand, CheckoutError};

/// Largest message, in bytes of its encoded string. Room for the longest `configure` (two
/// labels and every style value at their longest, every byte escaped: about 4.7 KB), so that
/// whatever [`encode`] writes, the decoders accept.
pub const MAX_MESSAGE_BYTES: usize = 8192;
/// Most `key=value` pairs in one message.
pub const MAX_PAIRS: usize = 24;
/// A value with this many consecutive digits looks like a card number and is refused.
pub const PAN_DIGIT_RUN: usize = 12;
/// Longest [`Label`] (label and placeholder), in characters.
pub const MAX_LABEL_CHARS: usize = 200;
/// Longest [`Label`] in UTF-8 bytes, so that two of them fit a message even fully escaped.
pub const MAX_LABEL_BYTES: usize = 512;
/// Longest [`Envelope`], in bytes.
pub const MAX_ENVELOPE_BYTES: usize = 1024;
/// Longest [`Locale`] tag.
pub const MAX_LOCALE_BYTES: usize = 35;
/// The protocol version, the value of `pk`.
pub const VERSION: &str = "1";
/// The envelope prefix, as `GET /card-key` announces it.
pub use crate::card_envelope::ENVELOPE_PREFIX;

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
    /// Some value holds [`PAN_DIGIT_RUN`] or more consecutive digits.
    LooksLikeCardData,
}

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
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 32];
        for (pair, b) in out.chunks_exact_mut(2).zip(bytes) {
            pair[0] = HEX[usize::from(b >> 4)];
            pair[1] = HEX[usize::from(b & 15)];
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

/// Whether `s` holds [`PAN_DIGIT_RUN`] or more consecutive (Unicode decimal) digits.
pub fn has_card_number_run(s: &str) -> bool {
    let mut run = 0usize;
    for c in s.chars() {
        if ascii_digit(c).is_some() {
            run += 1;
            if run >= PAN_DIGIT_RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
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
pub struct Locale(String);

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

/// What a frame tells its parent about its field, on every change, focus and blur.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FieldState {
    /// Nothing typed.
    pub empty: bool,
    /// Valid and unable to take more characters: the parent may move focus on.
    pub complete: bool,
    /// The value would pass as it is.
    pub valid: bool,
    /// The input has focus.
    pub focused: bool,
    /// The error to show now ([`crate::field::FieldVerdict::visible_error`]); `None` while it
    /// should stay hidden, even if the value is not valid yet.
    pub error: Option<CheckoutError>,
    /// The number field's brand as detected so far; `None` for the other fields.
    pub brand: Option<Brand>,
}

/// An encrypted field, as the frame hands it over.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Encrypted {
    /// The card number, and what the page may know of it.
    Number {
        /// The digits, encrypted.
        enc: Envelope,
        /// Its brand.
        brand: Brand,
        /// Leading digits, as many as the truncation rule allows (at most six).
        bin: Bin,
        /// Last four digits.
        last4: Last4,
    },
    /// The expiry date, month and year encrypted apart as the gateway takes them.
    Expiry {
        /// Month `01`..`12`, encrypted.
        enc_month: Envelope,
        /// Four-digit year, encrypted.
        enc_year: Envelope,
    },
    /// The security code, encrypted.
    Cvv {
        /// The digits, encrypted.
        enc: Envelope,
    },
    /// The holder name, in clear: a name is not card data.
    Holder {
        /// The normalised name.
        holder: HolderText,
    },
}

impl Encrypted {
    /// The field this value comes from.
    pub fn field(&self) -> FieldKind {
        match self {
            Self::Number { .. } => FieldKind::Number,
            Self::Expiry { .. } => FieldKind::Expiry,
            Self::Cvv { .. } => FieldKind::Cvv,
            Self::Holder { .. } => FieldKind::Holder,
        }
    }
}

/// Why a frame could not answer an `encrypt`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum FailReason {
    /// The value is not valid; `error` says why.
    Invalid,
    /// The card key could not be fetched or imported.
    KeyUnavailable,
    /// WebCrypto refused to encrypt.
    CryptoFailed,
}

impl FailReason {
    /// Every reason.
    pub const ALL: &'static [FailReason] =
        &[Self::Invalid, Self::KeyUnavailable, Self::CryptoFailed];

    /// The wire name.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Invalid => "invalid",
            Self::KeyUnavailable => "key_unavailable",
            Self::CryptoFailed => "crypto_failed",
        }
    }

    /// The reason from its wire name.
    pub fn from_code(code: &str) -> Option<FailReason> {
        Self::ALL.iter().copied().find(|r| r.code() == code)
    }
}

/// A message from a frame to its parent.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum FrameToParent {
    /// The frame is listening (`t=ready`).
    Ready {
        /// The frame's field.
        field: FieldKind,
    },
    /// The field's state changed (`t=state`).
    State {
        /// The frame's field.
        field: FieldKind,
        /// Its state.
        state: FieldState,
    },
    /// The shopper pressed Enter (`t=submit`).
    Submit {
        /// The frame's field.
        field: FieldKind,
    },
    /// The answer to an `encrypt` (`t=encrypted`).
    Encrypted {
        /// The `req` of the `encrypt`.
        req: u32,
        /// The encrypted value.
        value: Encrypted,
    },
    /// An `encrypt` that could not be honoured (`t=failed`).
    Failed {
        /// The `req` of the `encrypt`.
        req: u32,
        /// The frame's field.
        field: FieldKind,
        /// Why.
        reason: FailReason,
        /// For [`FailReason::Invalid`]: what is wrong with the value.
        error: Option<CheckoutError>,
    },
}

/// What the parent tells a frame once it is ready.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Configure {
    /// The input's accessible name (`aria-label`).
    pub label: Label,
    /// The input's placeholder.
    pub placeholder: Option<Label>,
    /// The locale of the checkout.
    pub locale: Locale,
    /// A fixed brand: a stored card's CVV frame, whose length follows that card.
    pub brand: Option<Brand>,
    /// The parent's look (text colour, font...), each value checked (`s_*` keys).
    pub style: crate::appearance::FrameStyle,
    /// The checkout the field's envelopes are sealed for; without it the frame refuses to
    /// encrypt (an envelope bound to nothing could be replayed anywhere).
    pub binding: Option<Binding>,
}

/// A message from the parent to a frame.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ParentToFrame {
    /// Label, placeholder, locale, fixed brand (`t=configure`).
    Configure(Configure),
    /// The number frame's brand, for the CVV frame (`t=brand`).
    Brand {
        /// The brand.
        brand: Brand,
    },
    /// Take the focus (`t=focus`).
    Focus,
    /// The parent is submitting: show any error now and re-send the state (`t=touch`).
    Touch,
    /// Encrypt the value and answer `encrypted` or `failed` with this `req` (`t=encrypt`).
    Encrypt {
        /// Echoed in the answer.
        req: u32,
    },
    /// Empty the field (`t=clear`).
    Clear,
}

// ---------------------------------------------------------------------------------------------
// Encoding

/// The form-urlencoded writer: `URLSearchParams` escaping.
struct Writer(String);

impl Writer {
    fn new(channel: &Channel, t: &str) -> Writer {
        let mut w = Writer(String::with_capacity(128));
        w.pair("pk", VERSION);
        w.pair("ch", channel.as_str());
        w.pair("t", t);
        w
    }

    fn pair(&mut self, key: &str, value: &str) {
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

    fn flag(&mut self, key: &str, value: bool) {
        self.pair(key, if value { "1" } else { "0" });
    }

    fn number(&mut self, key: &str, value: u32) {
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

/// Encodes a message of either direction for `postMessage`.
pub fn encode<M: Message>(channel: &Channel, msg: &M) -> String {
    msg.encode(channel)
}

/// A message that [`encode`] can write: [`FrameToParent`] or [`ParentToFrame`].
pub trait Message {
    /// Writes the message's wire string.
    fn encode(&self, channel: &Channel) -> String;
}

impl Message for FrameToParent {
    fn encode(&self, channel: &Channel) -> String {
        let mut w;
        match self {
            Self::Ready { field } => {
                w = Writer::new(channel, "ready");
                w.pair("field", field.code());
            }
            Self::State { field, state } => {
                w = Writer::new(channel, "state");
                w.pair("field", field.code());
                w.flag("empty", state.empty);
                w.flag("complete", state.complete);
                w.flag("valid", state.valid);
                w.flag("focused", state.focused);
                if let Some(error) = state.error {
                    w.pair("error", error.message_id());
                }
                if let Some(brand) = state.brand.filter(|_| *field == FieldKind::Number) {
                    w.pair("brand", brand.code());
                }
            }
            Self::Submit { field } => {
                w = Writer::new(channel, "submit");
                w.pair("field", field.code());
            }
            Self::Encrypted { req, value } => {
                w = Writer::new(channel, "encrypted");
                w.number("req", *req);
                w.pair("field", value.field().code());
                match value {
                    Encrypted::Number {
                        enc,
                        brand,
                        bin,
                        last4,
                    } => {
                        w.pair("enc", enc.as_str());
                        w.pair("brand", brand.code());
                        w.pair("bin6", bin.as_str());
                        w.pair("last4", last4.as_str());
                    }
                    Encrypted::Expiry {
                        enc_month,
                        enc_year,
                    } => {
                        w.pair("enc_month", enc_month.as_str());
                        w.pair("enc_year", enc_year.as_str());
                    }
                    Encrypted::Cvv { enc } => w.pair("enc", enc.as_str()),
                    Encrypted::Holder { holder } => w.pair("holder", holder.as_str()),
                }
            }
            Self::Failed {
                req,
                field,
                reason,
                error,
            } => {
                w = Writer::new(channel, "failed");
                w.number("req", *req);
                w.pair("field", field.code());
                w.pair("reason", reason.code());
                if let Some(error) = error {
                    w.pair("error", error.message_id());
                }
            }
        }
        w.0
    }
}

impl Message for ParentToFrame {
    fn encode(&self, channel: &Channel) -> String {
        let mut w;
        match self {
            Self::Configure(c) => {
                w = Writer::new(channel, "configure");
                w.pair("label", c.label.as_str());
                if let Some(p) = &c.placeholder {
                    w.pair("placeholder", p.as_str());
                }
                w.pair("locale", c.locale.as_str());
                if let Some(brand) = c.brand {
                    w.pair("brand", brand.code());
                }
                for (var, value) in &c.style.0 {
                    w.pair(var.key(), value.as_str());
                }
                if let Some(b) = &c.binding {
                    w.pair("sid", b.session_id());
                    w.pair("mid", b.merchant_id());
                }
            }
            Self::Brand { brand } => {
                w = Writer::new(channel, "brand");
                w.pair("brand", brand.code());
            }
            Self::Focus => w = Writer::new(channel, "focus"),
            Self::Touch => w = Writer::new(channel, "touch"),
            Self::Encrypt { req } => {
                w = Writer::new(channel, "encrypt");
                w.number("req", *req);
            }
            Self::Clear => w = Writer::new(channel, "clear"),
        }
        w.0
    }
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// Decodes one `application/x-www-form-urlencoded` component, strictly: `+` is a space, `%`
/// must start two hex digits, and the bytes must be UTF-8.
fn unescape(s: &str) -> Result<String, ProtocolError> {
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
/// by [`Channel::parse`] and `enc*` values by [`Envelope::parse`] instead, see the module
/// documentation).
fn pairs(data: &str) -> Result<Vec<(&str, String)>, ProtocolError> {
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
struct Fields<'a>(Vec<(&'a str, String)>);

impl Fields<'_> {
    fn take(&mut self, key: &'static str) -> Option<String> {
        let i = self.0.iter().position(|(k, _)| *k == key)?;
        Some(self.0.swap_remove(i).1)
    }

    fn req(&mut self, key: &'static str) -> Result<String, ProtocolError> {
        self.take(key).ok_or(ProtocolError::MissingKey(key))
    }

    fn parsed<T>(
        &mut self,
        key: &'static str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, ProtocolError> {
        parse(&self.req(key)?).ok_or(ProtocolError::BadValue(key))
    }

    fn optional<T>(
        &mut self,
        key: &'static str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, ProtocolError> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => parse(&v).map(Some).ok_or(ProtocolError::BadValue(key)),
        }
    }

    fn flag(&mut self, key: &'static str) -> Result<bool, ProtocolError> {
        self.parsed(key, |v| match v {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        })
    }

    fn field(&mut self) -> Result<FieldKind, ProtocolError> {
        self.parsed("field", FieldKind::from_code)
    }

    fn req_id(&mut self) -> Result<u32, ProtocolError> {
        self.parsed("req", parse_u32)
    }

    fn error(&mut self) -> Result<Option<CheckoutError>, ProtocolError> {
        self.optional("error", error_from_id)
    }

    fn finish<T>(self, value: T) -> Result<T, ProtocolError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(ProtocolError::UnknownKey)
        }
    }
}

/// A decimal `u32` without sign or leading zeros.
fn parse_u32(s: &str) -> Option<u32> {
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

/// The error of a [`CheckoutError::message_id`].
pub fn error_from_id(id: &str) -> Option<CheckoutError> {
    CheckoutError::ALL
        .iter()
        .copied()
        .find(|e| e.message_id() == id)
}

/// Splits off the envelope keys `pk`, `ch` and `t`.
fn header(data: &str) -> Result<(Channel, String, Fields<'_>), ProtocolError> {
    let mut f = Fields(pairs(data)?);
    if f.req("pk")? != VERSION {
        return Err(ProtocolError::UnsupportedVersion);
    }
    let channel = Channel::parse(&f.req("ch")?).ok_or(ProtocolError::BadChannel)?;
    let t = f.req("t")?;
    Ok((channel, t, f))
}

/// Decodes a message a frame sent to its parent. Never panics, whatever `data` holds.
pub fn decode_frame_message(data: &str) -> Result<(Channel, FrameToParent), ProtocolError> {
    let (channel, t, mut f) = header(data)?;
    let msg = match t.as_str() {
        "ready" => FrameToParent::Ready { field: f.field()? },
        "submit" => FrameToParent::Submit { field: f.field()? },
        "state" => {
            let field = f.field()?;
            let state = FieldState {
                empty: f.flag("empty")?,
                complete: f.flag("complete")?,
                valid: f.flag("valid")?,
                focused: f.flag("focused")?,
                error: f.error()?,
                brand: if field == FieldKind::Number {
                    f.optional("brand", Brand::from_code)?
                } else {
                    None
                },
            };
            FrameToParent::State { field, state }
        }
        "encrypted" => {
            let req = f.req_id()?;
            let value = match f.field()? {
                FieldKind::Number => Encrypted::Number {
                    enc: f.parsed("enc", Envelope::parse)?,
                    brand: f.parsed("brand", Brand::from_code)?,
                    bin: f.parsed("bin6", Bin::new)?,
                    last4: f.parsed("last4", Last4::new)?,
                },
                FieldKind::Expiry => Encrypted::Expiry {
                    enc_month: f.parsed("enc_month", Envelope::parse)?,
                    enc_year: f.parsed("enc_year", Envelope::parse)?,
                },
                FieldKind::Cvv => Encrypted::Cvv {
                    enc: f.parsed("enc", Envelope::parse)?,
                },
                FieldKind::Holder => Encrypted::Holder {
                    holder: f.parsed("holder", HolderText::new)?,
                },
            };
            FrameToParent::Encrypted { req, value }
        }
        "failed" => FrameToParent::Failed {
            req: f.req_id()?,
            field: f.field()?,
            reason: f.parsed("reason", FailReason::from_code)?,
            error: f.error()?,
        },
        _ => return Err(ProtocolError::UnknownType),
    };
    Ok((channel, f.finish(msg)?))
}

/// Decodes a message a parent sent to a frame. Never panics, whatever `data` holds.
pub fn decode_parent_message(data: &str) -> Result<(Channel, ParentToFrame), ProtocolError> {
    let (channel, t, mut f) = header(data)?;
    let msg = match t.as_str() {
        "configure" => ParentToFrame::Configure(Configure {
            label: f.parsed("label", Label::new)?,
            placeholder: f.optional("placeholder", Label::new)?,
            locale: f.parsed("locale", Locale::new)?,
            brand: f.optional("brand", Brand::from_code)?,
            style: {
                let mut style = Vec::new();
                for var in crate::appearance::FrameStyleVar::ALL {
                    if let Some(value) = f.optional(var.key(), |v| var.kind().check(v))? {
                        style.push((var, value));
                    }
                }
                crate::appearance::FrameStyle(style)
            },
            binding: match f.take("sid") {
                None => None,
                Some(sid) => {
                    let mid = f.take("mid").unwrap_or_default();
                    Some(Binding::new(&sid, &mid).ok_or(ProtocolError::BadValue("sid"))?)
                }
            },
        }),
        "brand" => ParentToFrame::Brand {
            brand: f.parsed("brand", Brand::from_code)?,
        },
        "focus" => ParentToFrame::Focus,
        "touch" => ParentToFrame::Touch,
        "encrypt" => ParentToFrame::Encrypt { req: f.req_id()? },
        "clear" => ParentToFrame::Clear,
        _ => return Err(ProtocolError::UnknownType),
    };
    Ok((channel, f.finish(msg)?))
}

// ---------------------------------------------------------------------------------------------
// The frame's URL

/// An `http` or `https` origin as `MessageEvent.origin` serialises it: lowercase scheme and
/// host, an optional port, nothing after (no path, not even `/`, no user info).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Origin(String);

impl Origin {
    /// Checks an origin; `None` if it is not the serialisation of an http(s) origin.
    pub fn parse(s: &str) -> Option<Origin> {
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))?;
        let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
            let (addr, after) = v6.split_once(']')?;
            let ok = !addr.is_empty()
                && addr
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'a'..=b'f' | b':' | b'.'));
            if !ok {
                return None;
            }
            (addr, after)
        } else {
            match rest.find(':') {
                Some(i) => (rest.get(..i)?, rest.get(i..)?),
                None => (rest, ""),
            }
        };
        let host_ok = !host.is_empty()
            && host.len() <= 253
            && (rest.starts_with('[')
                || host.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'
                }));
        let port_ok = match port.strip_prefix(':') {
            None => port.is_empty(),
            Some(p) => parse_u32(p).is_some_and(|n| (1..=65535).contains(&n)),
        };
        (host_ok && port_ok).then(|| Origin(s.to_owned()))
    }

    /// The origin, for `postMessage` and for comparing with `MessageEvent.origin`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the frame reads from its URL fragment:
/// `#field=<field>&ch=<channel>&origin=<parent origin, urlencoded>&locale=<tag>` (`locale`
/// optional, default `en-US`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FrameParams {
    /// The field to render.
    pub field: FieldKind,
    /// The channel of the mount.
    pub channel: Channel,
    /// The only origin the frame listens to and posts to.
    pub origin: Origin,
    /// The initial locale.
    pub locale: Locale,
}

impl FrameParams {
    /// Parses the fragment, with or without its leading `#`.
    pub fn parse(fragment: &str) -> Result<FrameParams, ProtocolError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let mut f = Fields(pairs(fragment)?);
        let params = FrameParams {
            field: f.field()?,
            channel: Channel::parse(&f.req("ch")?).ok_or(ProtocolError::BadChannel)?,
            origin: f.parsed("origin", Origin::parse)?,
            locale: f
                .optional("locale", Locale::new)?
                .unwrap_or_else(|| Locale("en-US".to_owned())),
        };
        f.finish(params)
    }

    /// The fragment, as [`FrameParams::parse`] reads it (without `#`).
    pub fn to_fragment(&self) -> String {
        let mut w = Writer(String::with_capacity(128));
        w.pair("field", self.field.code());
        w.pair("ch", self.channel.as_str());
        w.pair("origin", self.origin.as_str());
        w.pair("locale", self.locale.as_str());
        w.0
    }
}

#[cfg(test)]
mod tests;
