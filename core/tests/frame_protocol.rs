//! Property tests of the frame protocol: decoding never panics whatever arrives, every message
//! `encode` writes decodes back to itself, and nothing that decodes carries a card number.
//!
//! 2000 cases per property by default; set PROPTEST_CASES to change it.

use paykka_core::frame_protocol::*;
use paykka_core::{Brand, CheckoutError};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn channel() -> impl Strategy<Value = Channel> {
    any::<[u8; 16]>().prop_map(Channel::from_bytes)
}

fn field() -> impl Strategy<Value = FieldKind> {
    prop::sample::select(FieldKind::ALL)
}

fn brand() -> impl Strategy<Value = Brand> {
    prop::sample::select(Brand::ALL)
}

fn error() -> impl Strategy<Value = Option<CheckoutError>> {
    prop::option::of(prop::sample::select(CheckoutError::ALL))
}

fn envelope() -> impl Strategy<Value = Envelope> {
    ("[0-9a-f]{16}", "[A-Za-z0-9_-]{2,400}").prop_filter_map("shape", |(kid, ct)| {
        Envelope::parse(&format!("pkenc.v2.{kid}.{ct}"))
    })
}

fn label() -> impl Strategy<Value = Label> {
    any::<String>().prop_filter_map("label", |s| Label::new(&s))
}

fn frame_message() -> impl Strategy<Value = FrameToParent> {
    let state =
        (field(), any::<[bool; 4]>(), error(), brand()).prop_map(|(field, f, error, brand)| {
            FrameToParent::State {
                field,
                state: FieldState {
                    empty: f[0],
                    complete: f[1],
                    valid: f[2],
                    focused: f[3],
                    error,
                    brand: (field == FieldKind::Number).then_some(brand),
                },
            }
        });
    let value = prop_oneof![
        (envelope(), brand(), "[0-9]{6}", "[0-9]{4}").prop_map(|(enc, brand, b, l)| {
            Encrypted::Number {
                enc,
                brand,
                bin: Bin::new(&b).unwrap(),
                last4: Last4::new(&l).unwrap(),
            }
        }),
        (envelope(), envelope()).prop_map(|(enc_month, enc_year)| Encrypted::Expiry {
            enc_month,
            enc_year
        }),
        envelope().prop_map(|enc| Encrypted::Cvv { enc }),
        any::<String>()
            .prop_filter_map("holder", |s| HolderText::new(&s))
            .prop_map(|holder| Encrypted::Holder { holder }),
    ];
    let reason = prop::sample::select(FailReason::ALL);
    prop_oneof![
        field().prop_map(|field| FrameToParent::Ready { field }),
        field().prop_map(|field| FrameToParent::Submit { field }),
        state,
        (any::<u32>(), value).prop_map(|(req, value)| FrameToParent::Encrypted { req, value }),
        (any::<u32>(), field(), reason, error()).prop_map(|(req, field, reason, error)| {
            FrameToParent::Failed {
                req,
                field,
                reason,
                error,
            }
        }),
    ]
}

fn parent_message() -> impl Strategy<Value = ParentToFrame> {
    let configure = (
        label(),
        prop::option::of(label()),
        "[A-Za-z0-9-]{1,35}",
        prop::option::of(brand()),
    )
        .prop_filter_map("configure", |(label, placeholder, locale, brand)| {
            Some(ParentToFrame::Configure(Configure {
                label,
                placeholder,
                locale: Locale::new(&locale)?,
                brand,
                style: paykka_core::appearance::FrameStyle::default(),
                binding: None,
            }))
        });
    prop_oneof![
        configure,
        brand().prop_map(|brand| ParentToFrame::Brand { brand }),
        Just(ParentToFrame::Focus),
        Just(ParentToFrame::Touch),
        Just(ParentToFrame::Clear),
        any::<u32>().prop_map(|req| ParentToFrame::Encrypt { req }),
    ]
}

/// Strings shaped like messages, with random keys and values, and any string at all.
fn wire_like() -> BoxedStrategy<String> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "pk",
            "ch",
            "t",
            "field",
            "req",
            "enc",
            "enc_month",
            "enc_year",
            "brand",
            "bin6",
            "last4",
            "holder",
            "label",
            "placeholder",
            "locale",
            "error",
            "reason",
            "empty",
            "complete",
            "valid",
            "focused",
            "origin",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{1,6}",
    ];
    let value = prop_oneof![
        "[0-9a-z%+.=&_-]{0,40}",
        any::<String>(),
        "[0-9]{10,20}",
        Just("1".to_owned())
    ];
    prop_oneof![
        prop::collection::vec((key, value), 0..30).prop_map(|pairs| {
            pairs
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&")
        }),
        any::<String>(),
        "[%0-9a-fA-F+&=]{0,64}",
    ]
    .boxed()
}

fn percent_decode(s: &str) -> String {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

/// 12 consecutive ASCII or Unicode decimal digits.
fn has_run(s: &str) -> bool {
    has_card_number_run(s)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn decoding_anything_never_panics(s in wire_like()) {
        let _ = decode_frame_message(&s);
        let _ = decode_parent_message(&s);
        let _ = FrameParams::parse(&s);
        let _ = Origin::parse(&s);
        let _ = Envelope::parse(&s);
    }

    #[test]
    fn decoding_a_real_message_with_a_field_swapped_never_panics(
        msg in frame_message(), ch in channel(), cut in any::<prop::sample::Index>(), junk in "[%&=0-9a-z]{0,8}",
    ) {
        let wire = encode(&ch, &msg);
        let at = cut.index(wire.len() + 1);
        if let (Some(head), Some(tail)) = (wire.get(..at), wire.get(at..)) {
            let _ = decode_frame_message(&format!("{head}{junk}{tail}"));
            let _ = decode_frame_message(head);
        }
    }

    #[test]
    fn frame_messages_round_trip(msg in frame_message(), ch in channel()) {
        let wire = encode(&ch, &msg);
        prop_assert!(wire.len() <= MAX_MESSAGE_BYTES);
        prop_assert_eq!(decode_frame_message(&wire), Ok((ch, msg)));
        prop_assert_eq!(decode_parent_message(&wire), Err(ProtocolError::UnknownType));
    }

    #[test]
    fn parent_messages_round_trip(msg in parent_message(), ch in channel()) {
        let wire = encode(&ch, &msg);
        prop_assert!(wire.len() <= MAX_MESSAGE_BYTES);
        prop_assert_eq!(decode_parent_message(&wire), Ok((ch, msg)));
        prop_assert_eq!(decode_frame_message(&wire), Err(ProtocolError::UnknownType));
    }

    /// The "never carries a PAN" property: in whatever a frame can send, no value but the
    /// `enc*` key ids holds a card-number-like run, and the holder name no digit at all.
    #[test]
    fn no_frame_message_carries_a_card_number(msg in frame_message(), ch in channel()) {
        let wire = encode(&ch, &msg);
        for pair in wire.split('&') {
            let (key, value) = pair.split_once('=').unwrap();
            let value = percent_decode(value);
            if key == "ch" { continue; }
            let checked = if key.starts_with("enc") { value.rsplit('.').next().unwrap().to_owned() } else { value.clone() };
            prop_assert!(!has_run(&checked), "{}={}", key, value);
            if key == "holder" {
                prop_assert!(!value.chars().any(|c| c.is_numeric()));
            }
        }
    }

    /// And whatever decodes has no card number in it either, whatever was sent.
    #[test]
    fn a_card_number_anywhere_is_refused(
        msg in prop_oneof![frame_message().prop_map(Ok), parent_message().prop_map(Err)],
        ch in channel(), pan in "[0-9]{12,19}", at in any::<prop::sample::Index>(), key in "[a-z]{1,8}",
    ) {
        let wire = match &msg { Ok(m) => encode(&ch, m), Err(m) => encode(&ch, m) };
        let mut pairs: Vec<String> = wire.split('&').map(str::to_owned).collect();
        // Put the PAN inside an existing value (not the envelope's key id), or as a new pair.
        let i = at.index(pairs.len() + 1);
        match pairs.get_mut(i) {
            Some(p) if !p.starts_with("enc") && !p.starts_with("ch=") => p.push_str(&pan),
            Some(p) => { let _ = p; pairs.push(format!("{key}={pan}")) }
            None => pairs.push(format!("{key}={pan}")),
        }
        let wire = pairs.join("&");
        prop_assert!(decode_frame_message(&wire).is_err(), "{}", wire);
        prop_assert!(decode_parent_message(&wire).is_err(), "{}", wire);
    }
}
