//! `frame_message`: the frame protocol both ways, decoded from any text and built from the bytes.

use super::*;

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
