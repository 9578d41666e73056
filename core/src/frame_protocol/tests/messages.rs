//! Both directions round-trip, refuse what they do not know, and never carry card data.

use super::*;
use crate::digits::ascii_digit;
use crate::frame_protocol::wire::unescape;

#[test]
fn every_frame_message_round_trips() {
    for msg in frame_samples() {
        let wire = encode(&ch(), &msg);
        assert!(wire.len() <= MAX_MESSAGE_BYTES);
        assert_eq!(
            decode_frame_message(&wire),
            Ok((ch(), msg.clone())),
            "{wire}"
        );
        // A frame message is never mistaken for a parent one, nor the other way round.
        assert_eq!(
            decode_parent_message(&wire),
            Err(ProtocolError::UnknownType),
            "{wire}"
        );
    }
}

#[test]
fn every_parent_message_round_trips() {
    for msg in parent_samples() {
        let wire = encode(&ch(), &msg);
        assert_eq!(
            decode_parent_message(&wire),
            Ok((ch(), msg.clone())),
            "{wire}"
        );
        assert_eq!(
            decode_frame_message(&wire),
            Err(ProtocolError::UnknownType),
            "{wire}"
        );
    }
}

#[test]
fn malformed_parent_messages_are_refused() {
    use ProtocolError::*;
    let h = format!("pk=1&ch={CH}");
    let cases: Vec<(String, ProtocolError)> = vec![
        (String::new(), Malformed),
        ("garbage".into(), Malformed),
        (format!("{h}&t=focus&"), Malformed),
        (format!("{h}&&t=focus"), Malformed),
        (format!("{h}&t=focus&=1"), Malformed),
        (format!("{h}&t=focus&T=1"), Malformed),
        (format!("{h}&t=focus&a%62=1"), Malformed),
        (format!("{h}&t=foc%us"), Malformed),
        (format!("{h}&t=foc%u"), Malformed),
        (format!("{h}&t=focus%"), Malformed),
        (format!("{h}&t=%FF"), Malformed),
        (format!("{h}&t=%C3"), Malformed),
        (format!("{h}&t=focus&t=focus"), DuplicateKey),
        (format!("{h}&t=focus&x=1"), UnknownKey),
        (format!("{h}&t=clear&req=1"), UnknownKey),
        (format!("ch={CH}&t=focus"), MissingKey("pk")),
        (format!("pk=2&ch={CH}&t=focus"), UnsupportedVersion),
        (format!("pk=01&ch={CH}&t=focus"), UnsupportedVersion),
        ("pk=1&t=focus".into(), MissingKey("ch")),
        (h.clone(), MissingKey("t")),
        (format!("{h}&t=Focus"), UnknownType),
        (format!("{h}&t=ready&field=number"), UnknownType),
        (format!("{h}&t=encrypt"), MissingKey("req")),
        (format!("{h}&t=encrypt&req="), BadValue("req")),
        (format!("{h}&t=encrypt&req=01"), BadValue("req")),
        (format!("{h}&t=encrypt&req=%2B1"), BadValue("req")),
        (format!("{h}&t=encrypt&req=-1"), BadValue("req")),
        (format!("{h}&t=encrypt&req=4294967296"), BadValue("req")),
        (format!("{h}&t=encrypt&req=1.5"), BadValue("req")),
        (format!("{h}&t=brand&brand=VISA"), BadValue("brand")),
        (format!("{h}&t=configure&locale=en"), MissingKey("label")),
        (format!("{h}&t=configure&label=x"), MissingKey("locale")),
        (
            format!("{h}&t=configure&label=x&locale=en_US"),
            BadValue("locale"),
        ),
        (
            format!("{h}&t=configure&label=a%0Ab&locale=en"),
            BadValue("label"),
        ),
        (
            format!("{h}&t=configure&label={}&locale=en", "x".repeat(201)),
            BadValue("label"),
        ),
        (
            format!("{h}&t=configure&label=x&locale=en&theme_color=red"),
            UnknownKey,
        ),
    ];
    for (wire, error) in cases {
        assert_eq!(
            decode_parent_message(&wire).map(|_| ()),
            Err(error),
            "{wire}"
        );
    }
}

#[test]
fn malformed_frame_messages_are_refused() {
    use ProtocolError::*;
    let h = format!("pk=1&ch={CH}");
    let frame_cases: Vec<(String, ProtocolError)> = vec![
        (format!("{h}&t=ready"), MissingKey("field")),
        (format!("{h}&t=ready&field=pan"), BadValue("field")),
        (
            format!("{h}&t=state&field=cvv&empty=1&complete=0&valid=0&focused=0&brand=visa"),
            UnknownKey,
        ),
        (
            format!("{h}&t=state&field=number&empty=1&complete=0&valid=0"),
            MissingKey("focused"),
        ),
        (
            format!("{h}&t=state&field=number&empty=2&complete=0&valid=0&focused=0"),
            BadValue("empty"),
        ),
        (
            format!("{h}&t=state&field=number&empty=true&complete=0&valid=0&focused=0"),
            BadValue("empty"),
        ),
        (
            format!("{h}&t=state&field=number&empty=1&complete=0&valid=0&focused=0&error=oops"),
            BadValue("error"),
        ),
        (
            format!("{h}&t=failed&req=1&field=cvv&reason=nope"),
            BadValue("reason"),
        ),
        (
            format!("{h}&t=encrypted&req=1&field=cvv&enc=123"),
            BadValue("enc"),
        ),
        (
            format!("{h}&t=encrypted&req=1&field=cvv"),
            MissingKey("enc"),
        ),
        (
            format!("{h}&t=encrypted&req=1&field=cvv&enc=pkenc.v2.k.abc&bin6=424242"),
            UnknownKey,
        ),
        (
            format!(
                "{h}&t=encrypted&req=1&field=number&enc=pkenc.v2.k.abc&brand=visa&bin6=4242421&last4=4242"
            ),
            BadValue("bin6"),
        ),
        (
            format!(
                "{h}&t=encrypted&req=1&field=number&enc=pkenc.v2.k.abc&brand=visa&bin6=424242&last4=42a2"
            ),
            BadValue("last4"),
        ),
        (
            format!("{h}&t=encrypted&req=1&field=holder&holder=Jane+Doe+2"),
            BadValue("holder"),
        ),
        (
            format!("{h}&t=encrypted&req=1&field=holder&holder="),
            BadValue("holder"),
        ),
        (
            format!(
                "{h}&t=encrypted&req=1&field=holder&holder={}",
                "a".repeat(65)
            ),
            BadValue("holder"),
        ),
        (
            format!("{h}&t=encrypted&req=1&field=expiry&enc_month=pkenc.v2.k.abc"),
            MissingKey("enc_year"),
        ),
    ];
    for (wire, error) in frame_cases {
        assert_eq!(
            decode_frame_message(&wire).map(|_| ()),
            Err(error),
            "{wire}"
        );
    }
}

#[test]
fn no_frame_message_can_carry_a_card_number_or_cvv() {
    // Every value a frame can send, over every message of every kind: none holds a PAN-like
    // run, and the only free text, the holder name, holds no digit at all.
    for msg in frame_samples() {
        let wire = encode(&ch(), &msg);
        for pair in wire.split('&') {
            let (key, value) = pair.split_once('=').unwrap();
            let value = unescape(value).unwrap();
            let checked = match key {
                k if k.starts_with("enc") => value.rsplit('.').next().unwrap().to_owned(),
                "ch" => continue,
                _ => value.clone(),
            };
            assert!(!has_card_number_run(&checked), "{wire}");
            if key == "holder" {
                assert!(!value.chars().any(|c| ascii_digit(c).is_some()));
            }
            // Digits in clear only where they are allowed: bin6, last4, req, the channel.
            if value.bytes().filter(u8::is_ascii_digit).count() > 4 {
                assert!(
                    matches!(key, "bin6" | "req" | "ch" | "sid" | "mid") || key.starts_with("enc"),
                    "{key}={value}"
                );
            }
        }
    }
}

#[test]
fn a_state_brand_is_only_written_for_the_number_field() {
    let msg = FrameToParent::State {
        field: FieldKind::Cvv,
        state: FieldState {
            empty: true,
            complete: false,
            valid: false,
            focused: false,
            error: None,
            brand: Some(Brand::Visa),
        },
    };
    let wire = encode(&ch(), &msg);
    assert!(!wire.contains("brand"));
    let (_, back) = decode_frame_message(&wire).unwrap();
    assert!(matches!(
        back,
        FrameToParent::State {
            state: FieldState { brand: None, .. },
            ..
        }
    ));
}

#[test]
fn a_configure_whose_style_could_load_or_inject_anything_is_refused_whole() {
    let head = format!("pk=1&ch={CH}&t=configure&label=Card%20number&locale=en-US");
    for (key, value) in [
        ("s_color", "url(https%3A%2F%2Fevil.example%2Fx)"),
        ("s_background", "red%3Bbackground%3Aurl(x)"),
        ("s_font_family", "a%7Dbody%7Bcolor%3Ared"),
        ("s_font_size", "expression(1)"),
        ("s_font_weight", "bold!important"),
    ] {
        let wire = format!("{head}&{key}={value}");
        assert!(
            matches!(decode_parent_message(&wire), Err(ProtocolError::BadValue(k)) if k == key),
            "{key}={value} was not refused"
        );
    }
    let wire = format!("{head}&s_color=%23eceef3&s_font_size=16px");
    let Ok((_, ParentToFrame::Configure(configure))) = decode_parent_message(&wire) else {
        panic!("refused")
    };
    assert_eq!(configure.style.0.len(), 2);
}

/// Found by the `frame_message` fuzz target (fuzz/artifacts/frame_message/): a colour with
/// a 12-digit run passed its check, `encode` wrote it, and the frame refused the whole
/// `configure` as card data, so the field lost its label and locale too.
#[test]
fn a_style_value_the_frame_protocol_would_refuse_is_dropped_and_the_rest_still_arrives() {
    let style = FrameStyle::from_values([
        (FrameStyleVar::Color, "rgba( 120000000000 )"),
        (FrameStyleVar::FontFamily, "Font 123456789012"),
        (FrameStyleVar::FontSize, "16px"),
    ]);
    assert_eq!(
        style.0,
        [(
            FrameStyleVar::FontSize,
            ValueKind::Length.check("16px").unwrap()
        )]
    );
    let ch = Channel::from_bytes([7; 16]);
    let msg = ParentToFrame::Configure(Configure {
        label: Label::new("Card number").unwrap(),
        placeholder: None,
        locale: Locale::new("en-US").unwrap(),
        brand: None,
        style,
        binding: None,
    });
    assert_eq!(decode_parent_message(&encode(&ch, &msg)), Ok((ch, msg)));
}
