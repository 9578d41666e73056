//! Writes the hand-made seeds of every target into `corpus/<target>/seed-<name>`:
//! `cargo run --example write_seeds` (from `fuzz/`). Existing seeds are overwritten, other
//! corpus files left alone. The webhook seeds are signed with the fixed test keys that
//! `backend_checks` knows, so they stay valid.

use paykka_core::appearance::{FrameStyle, FrameStyleVar};
use paykka_core::frame_protocol::*;
use paykka_core::{Brand, CheckoutError};
use paykka_fuzz::backend_checks::{MERCHANT_ID, NOW_MS, signed};
use std::path::Path;

fn write(target: &str, name: &str, data: impl AsRef<[u8]>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    std::fs::create_dir_all(&dir).expect("corpus dir");
    std::fs::write(dir.join(format!("seed-{name}")), data).expect("write seed");
}

fn card_number() {
    let seeds: &[(&str, &str)] = &[
        ("visa", "4242 4242 4242 4242"),
        ("visa_plain", "4242424242424242"),
        ("mastercard", "5555 5555 5555 4444"),
        ("mastercard_2_series", "2223003122003222"),
        ("amex", "3782 822463 10005"),
        ("jcb", "3530 1113 3330 0000"),
        ("discover", "6011 1111 1111 1117"),
        ("diners_16", "3056 9300 0902 0004"),
        ("diners_14", "3622 720627 1667"),
        ("unionpay", "6200 0000 0000 0005"),
        ("visa_3ds_challenge", "4000 0027 6000 3184"),
        ("visa_3ds_then_declined", "4000 0084 0000 1629"),
        ("visa_declined", "4000 0000 0000 0002"),
        ("visa_insufficient_funds", "4000 0000 0000 9995"),
        ("visa_19", "4000000000000000006"),
        ("unknown_12", "990000000002"),
        ("dashes", "4242-4242-4242-4242"),
        ("dots_padded", " 4242.4242.4242.4242 "),
        ("fullwidth", "４２４２４２４２４２４２４２４２"),
        ("arabic_indic", "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢"),
        ("nbsp", "3782\u{a0}822463\u{a0}10005"),
        ("luhn_fails", "4242 4242 4242 4241"),
        ("too_long", "42424242424242424242"),
        ("incomplete", "4242 42"),
        ("letters", "4242 abcd 4242 4242"),
        ("empty", ""),
        ("separators_only", " - . / "),
        ("cvv", "123"),
        ("cvv_amex", "1234"),
        ("cvv_padded", " 737 "),
        ("cvv_arabic", "٧٣٧"),
        ("holder", "Jane Doe"),
        ("holder_spaced", "  Jane \t  Doe  "),
        ("holder_accents", "José Álvarez-Núñez"),
        ("holder_cjk", "李小龍"),
        ("holder_digit", "J4ne Doe"),
        ("holder_superscript", "Jane Doe²"),
        ("holder_control", "Jane\u{7}Doe"),
        (
            "holder_too_long",
            "Maximiliana Alexandrina Konstantinopoulou-Vanderbilt-Featherstonehaugh",
        ),
    ];
    for (name, s) in seeds {
        write("card_number", name, s);
    }
}

fn card_format() {
    let seeds: &[(&str, &str)] = &[
        ("typing_visa", "16|4242 4242 4242 424"),
        ("pasted_dashes", "19|4242-4242-4242-4242"),
        ("caret_middle", "5|4242 4242 4242 4242"),
        ("amex", "15|378282246310005"),
        ("diners_14", "14|36227206271667"),
        ("diners_16", "19|3056 9300 0902 0004"),
        ("too_long", "25|4242 4242 4242 4242 4242 4242"),
        ("deleted_middle", "4|424 4242"),
        ("surrogate_digit", "2|4\u{1D7D9}2"),
        ("fullwidth", "8|４２４２４２４２"),
        ("letters", "3|42a42b"),
        ("cvv", "3|737"),
        ("cvv_amex", "4|1234"),
        ("cvv_long", "2|12345"),
        ("no_caret", "4242 4242"),
        ("empty", ""),
    ];
    for (name, s) in seeds {
        write("card_format", name, s);
    }
}

fn expiry() {
    let seeds: &[(&str, &str)] = &[
        ("slash", "04/29"),
        ("compact", "0429"),
        ("one_digit_month", "4/29"),
        ("spaces", "04 / 29"),
        ("four_digit_year", "12/2030"),
        ("compact_four_digit_year", "122030"),
        ("this_month", "2026-11|11/26"),
        ("last_month", "2026-11|10/26"),
        ("too_far", "2026-11|12/47"),
        ("century", "2099-12|01/03"),
        ("month_13", "13/29"),
        ("month_00", "00/29"),
        ("lone_zero", "0"),
        ("lone_one", "1"),
        ("typing_slash", "1/"),
        ("typing_year", "04/2"),
        ("fullwidth_slash", "０４／２９"),
        ("two_slashes", "04//29"),
        ("seven_digits", "1234567"),
        ("letters", "ab/cd"),
        ("empty", ""),
        ("slash_only", "/"),
    ];
    for (name, s) in seeds {
        write("expiry", name, s);
    }
}

// Long because it is a list: one seed per message kind of the frame protocol, both ways.
fn frame_message() {
    let ch =
        Channel::from_bytes(*b"\x9f\x12\x03\xa7\x55\x10\xc4\x2e\x81\x7b\x06\xd9\x3a\x44\xe0\x19");
    let enc = |n: usize| {
        let ct: String = "AbCdEfGhIjKlMnOpQrStUvWxYz-_"
            .chars()
            .cycle()
            .take(n)
            .collect();
        Envelope::parse(&format!("{ENVELOPE_PREFIX}3f2a9c0d11e4b5a6.{ct}")).expect("valid")
    };
    let frame: Vec<(&str, FrameToParent)> = vec![
        (
            "ready",
            FrameToParent::Ready {
                field: FieldKind::Number,
            },
        ),
        (
            "submit",
            FrameToParent::Submit {
                field: FieldKind::Cvv,
            },
        ),
        (
            "state_number",
            FrameToParent::State {
                field: FieldKind::Number,
                state: FieldState {
                    empty: false,
                    complete: false,
                    valid: false,
                    focused: true,
                    error: Some(CheckoutError::NumberIncomplete),
                    brand: Some(Brand::Visa),
                },
            },
        ),
        (
            "state_expiry",
            FrameToParent::State {
                field: FieldKind::Expiry,
                state: FieldState {
                    empty: false,
                    complete: true,
                    valid: true,
                    focused: false,
                    error: None,
                    brand: None,
                },
            },
        ),
        (
            "encrypted_number",
            FrameToParent::Encrypted {
                req: 7,
                value: Encrypted::Number {
                    enc: enc(342),
                    brand: Brand::Visa,
                    bin: Bin::new("424242").expect("6 digits"),
                    last4: Last4::new("4242").expect("4 digits"),
                },
            },
        ),
        (
            "encrypted_expiry",
            FrameToParent::Encrypted {
                req: 8,
                value: Encrypted::Expiry {
                    enc_month: enc(342),
                    enc_year: enc(342),
                },
            },
        ),
        (
            "encrypted_cvv",
            FrameToParent::Encrypted {
                req: 9,
                value: Encrypted::Cvv { enc: enc(342) },
            },
        ),
        (
            "encrypted_holder",
            FrameToParent::Encrypted {
                req: 10,
                value: Encrypted::Holder {
                    holder: HolderText::new("José Álvarez").expect("valid"),
                },
            },
        ),
        (
            "failed",
            FrameToParent::Failed {
                req: 4_294_967_295,
                field: FieldKind::Number,
                reason: FailReason::Invalid,
                error: Some(CheckoutError::NumberInvalid),
            },
        ),
    ];
    for (name, msg) in &frame {
        write("frame_message", &format!("frame_{name}"), encode(&ch, msg));
    }
    let style = FrameStyle::from_values([
        (FrameStyleVar::Color, "#1D2129"),
        (FrameStyleVar::PlaceholderColor, "rgba(29, 33, 41, 0.5)"),
        (
            FrameStyleVar::FontFamily,
            "-apple-system, \"Segoe UI\", Roboto, sans-serif",
        ),
        (FrameStyleVar::FontSize, "16px"),
        (FrameStyleVar::FontWeight, "400"),
    ]);
    let parent: Vec<(&str, ParentToFrame)> = vec![
        (
            "configure",
            ParentToFrame::Configure(Configure {
                label: Label::new("Card number").expect("valid"),
                placeholder: Some(Label::new("1234 5678 9012 3456").expect("valid")),
                locale: Locale::new("en-US").expect("valid"),
                brand: None,
                style,
                binding: None,
            }),
        ),
        (
            "configure_cvv",
            ParentToFrame::Configure(Configure {
                label: Label::new("Code de sécurité").expect("valid"),
                placeholder: None,
                locale: Locale::new("fr-FR").expect("valid"),
                brand: Some(Brand::Amex),
                style: FrameStyle::default(),
                binding: None,
            }),
        ),
        (
            "brand",
            ParentToFrame::Brand {
                brand: Brand::Mastercard,
            },
        ),
        ("focus", ParentToFrame::Focus),
        ("touch", ParentToFrame::Touch),
        ("encrypt", ParentToFrame::Encrypt { req: 7 }),
        ("clear", ParentToFrame::Clear),
    ];
    for (name, msg) in &parent {
        write("frame_message", &format!("parent_{name}"), encode(&ch, msg));
    }
    let params = FrameParams {
        field: FieldKind::Number,
        channel: ch,
        origin: Origin::parse("http://localhost:8080").expect("valid"),
        locale: Locale::new("de-DE").expect("valid"),
    };
    write(
        "frame_message",
        "fragment",
        format!("#{}", params.to_fragment()),
    );
    let ch = ch.as_str();
    write(
        "frame_message",
        "pan_in_label",
        format!("pk=1&ch={ch}&t=configure&label=4242424242424242&locale=en"),
    );
    write(
        "frame_message",
        "duplicate_key",
        format!("pk=1&ch={ch}&t=ready&field=number&field=cvv"),
    );
    write(
        "frame_message",
        "bad_escape",
        format!("pk=1&ch={ch}&t=ready&field=numb%2"),
    );
    write(
        "frame_message",
        "wrong_version",
        format!("pk=2&ch={ch}&t=focus"),
    );
    write("frame_message", "origin_ipv6", "https://[::1]:8443");
}

fn backend_request() {
    let seeds: &[(&str, &str)] = &[
        (
            "create_session",
            r#"{"amount":1999,"currency":"EUR","mode":"drop_in","shopper_reference":"shopper-42","store_payment_method":true,"display_locale":"fr-FR","return_url":"http://localhost:8080/result","payment_methods":["BANKCARD","ApplePay"],"expires_in_seconds":900}"#,
        ),
        (
            "create_session_recurring",
            r#"{"amount":500,"currency":"usd","mode":"component","payment_type":"RECURRING","token_usage":"SUBSCRIPTION","shopper_reference":"s_1","capture_method":"MANUAL"}"#,
        ),
        ("create_session_empty", "{}"),
        ("blank", " \n\t"),
        (
            "payment_card",
            r#"{"session_id":"CS1767225600001","payment_method":"BANKCARD","encrypted_card_no":"pkenc.v2.3f2a9c0d11e4b5a6.AbCdEf","encrypted_exp_month":"pkenc.v2.3f2a9c0d11e4b5a6.GhIjKl","encrypted_exp_year":"pkenc.v2.3f2a9c0d11e4b5a6.MnOpQr","encrypted_cvv":"pkenc.v2.3f2a9c0d11e4b5a6.StUvWx","holder_name":"Jane Doe","store_payment_method":true,"browser":{"user_agent":"Mozilla/5.0","language":"en-US","color_depth":24,"screen_height":1080,"screen_width":1920,"time_zone_offset":-60,"java_enabled":false},"return_url":"http://localhost:8080/result"}"#,
        ),
        (
            "payment_token",
            r#"{"session_id":"CS1767225600001","payment_method":"BANKCARD","token":"TK_9f8e7d","encrypted_cvv":"pkenc.v2.k.AAAA"}"#,
        ),
        (
            "payment_wallet",
            r#"{"session_id":"CS1767225600001","payment_method":"ApplePay","wallet_data":{"token":{"paymentData":{"version":"EC_v1","data":"ab=="}}}}"#,
        ),
        (
            "payment_clear_card",
            r#"{"session_id":"CS1","payment_method":"BANKCARD","card_number":"4242424242424242","cvv":"123"}"#,
        ),
        (
            "payment_pan_in_holder",
            r#"{"session_id":"CS1","payment_method":"BANKCARD","holder_name":"4242 4242 4242 4242"}"#,
        ),
        (
            "payment_pan_as_number",
            r#"{"session_id":"CS1","payment_method":"BANKCARD","browser":{"x":4242424242424242}}"#,
        ),
        (
            "payment_clear_envelope",
            r#"{"session_id":"CS1","payment_method":"BANKCARD","encrypted_card_no":"4242"}"#,
        ),
        (
            "payment_float",
            r#"{"session_id":"CS1","payment_method":"BANKCARD","browser":{"ratio":1.25e3}}"#,
        ),
        (
            "apple_pay",
            r#"{"domain_name":"shop.example","validation_url":"https://apple-pay-gateway.apple.com/paymentservices/startSession"}"#,
        ),
        ("unknown_field", r#"{"amount":1,"colour":"red"}"#),
        ("wrong_type", r#"{"amount":"1999"}"#),
        ("array", "[1,2,3]"),
        ("string", "\"hello\""),
        ("truncated", r#"{"amount":19"#),
        ("trailing", r#"{} {}"#),
        (
            "deep",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        ),
        ("bom", "\u{feff}{}"),
        (
            "query",
            "session_id=CS1767225600001&shopper_reference=shopper-42",
        ),
        ("query_unknown", "session_id=CS1&token=x"),
        ("query_escaped", "session_id=CS%201&shopper_reference=a+b"),
    ];
    for (name, s) in seeds {
        write("backend_request", name, s);
    }
    let notification = signed().iter().find(|s| s.name == "genuine").expect("seed");
    write("backend_request", "notification", &notification.body);
}

fn webhook_verify() {
    for s in signed() {
        let mut data = s.signature.clone().into_bytes();
        data.push(b'\n');
        data.extend_from_slice(&s.body);
        write("webhook_verify", s.name, data);
    }
    for (i, s) in signed().iter().enumerate() {
        // The seed unchanged, then one byte of its body changed, then its signature swapped.
        write(
            "webhook_verify",
            &format!("edit_{}_none", s.name),
            [b'@', i as u8],
        );
        write(
            "webhook_verify",
            &format!("edit_{}_body", s.name),
            [b'@', i as u8, 0, 0, 40, b'X'],
        );
        write(
            "webhook_verify",
            &format!("edit_{}_signature", s.name),
            [b'@', i as u8, 5, 0, 1, 0],
        );
    }
    let genuine = &signed()[0];
    let mut spaced = format!(" {} \n", genuine.signature).into_bytes();
    spaced.extend_from_slice(&genuine.body);
    write("webhook_verify", "signature_with_spaces", spaced);
    write(
        "webhook_verify",
        "no_signature",
        [b"\xff\n".as_slice(), &genuine.body].concat(),
    );
    write(
        "webhook_verify",
        "garbage",
        "not base64!\n{\"merchant_id\":\"18356675194960\",\"timestamp\":1}",
    );
    write(
        "webhook_verify",
        "unsigned",
        format!(
            "AAAA\n{{\"merchant_id\":\"{MERCHANT_ID}\",\"timestamp\":{NOW_MS},\"notify_id\":\"N\"}}"
        ),
    );
}

fn main() {
    card_number();
    card_format();
    expiry();
    frame_message();
    backend_request();
    webhook_verify();
    println!("seeds written under {}/corpus", env!("CARGO_MANIFEST_DIR"));
}
