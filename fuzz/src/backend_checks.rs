//! Checks of the merchant backend's request parsing and webhook verification.
//!
//! Uses only `paykka_backend`, `paykka_protocol`, `serde_json` and `std`, because
//! `backend/tests/fuzz_corpus.rs` includes this file with `#[path]` to replay the corpus on
//! stable.

use paykka_backend::fuzzing::{self, Parser, Refusal};
use paykka_protocol::card::looks_like_pan;
use paykka_protocol::sign::{MAX_SKEW_MS, SigningKey, VerifyingKeys};
use paykka_protocol::test_keys;
use serde_json::{Value, json};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------------------------
// backend_request

/// Every request parser of the backend (`POST /api/sessions`, `/api/payments`,
/// `/api/apple-pay/session` bodies, the webhook body, the saved-card removal query) on any bytes.
///
/// - A refusal is a 400 `malformed_json` (not JSON), `invalid_request` (not an object, or not
///   the body's shape) or `clear_card_data`, and its message carries no parser position.
/// - A blank body reads as `{}`.
/// - A body declared `deny_unknown_fields` that is accepted is refused once an unknown member
///   is added.
/// - An accepted payment body carries no clear card field, no card-number-like string or
///   number anywhere, and `encrypted_*` members only as `pkenc.` envelopes; its idempotency
///   fingerprint ignores the envelopes (fresh ciphertexts on a retry) but nothing else.
pub fn backend_request(data: &[u8]) {
    let blank = data.iter().all(u8::is_ascii_whitespace);
    let json: Option<Value> = if blank {
        Some(json!({}))
    } else {
        serde_json::from_slice(data).ok()
    };
    for outcome in fuzzing::parse_any_request(data) {
        let parser = outcome.parser;
        match &outcome.result {
            Err(r) => check_refusal(parser, r, json.as_ref()),
            Ok(()) if parser.is_json() => {
                let value = json.as_ref().expect("accepted a body that is not JSON");
                assert!(value.is_object(), "{parser:?} accepted {value}");
                if parser.denies_unknown_fields() {
                    let mut more = value.clone();
                    more["zz_not_a_field"] = json!(true);
                    let more = serde_json::to_vec(&more).expect("serialises");
                    let again = fuzzing::parse_any_request(&more);
                    let r = again.iter().find(|o| o.parser == parser).expect("ran");
                    assert!(
                        r.result
                            .as_ref()
                            .is_err_and(|e| e.code == "invalid_request"),
                        "{parser:?} accepted an unknown member: {:?}",
                        r.result
                    );
                }
                if parser == Parser::Payment {
                    check_accepted_payment(data, value);
                }
            }
            Ok(()) => {}
        }
    }
}

fn check_refusal(parser: Parser, r: &Refusal, json: Option<&Value>) {
    assert_eq!(r.status, 400, "{parser:?}: {r:?}");
    assert!(
        ["malformed_json", "invalid_request", "clear_card_data"].contains(&r.code),
        "{parser:?}: {r:?}"
    );
    assert!(!r.message.contains(" at line "), "{parser:?}: {r:?}");
    if !parser.is_json() {
        return;
    }
    match json {
        None => assert_eq!(r.code, "malformed_json", "{parser:?}: {r:?}"),
        Some(v) => {
            assert_ne!(r.code, "malformed_json", "{parser:?}: {r:?}");
            if !v.is_object() {
                assert_eq!(
                    (r.code, r.message.as_str()),
                    ("invalid_request", "request body must be a JSON object")
                );
            }
            if r.code == "clear_card_data" {
                assert_eq!(parser, Parser::Payment);
            }
        }
    }
}

const CARD_FIELDS: &[&str] = &[
    "card_no",
    "card_number",
    "cvv",
    "cvc",
    "exp_month",
    "exp_year",
    "number",
];

/// No clear card data anywhere in an accepted payment body.
fn check_no_clear_card(v: &Value, key: Option<&str>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                assert!(!CARD_FIELDS.contains(&k.as_str()), "accepted a {k} member");
                check_no_clear_card(v, Some(k));
            }
        }
        Value::Array(a) => a.iter().for_each(|x| check_no_clear_card(x, key)),
        Value::String(s) => {
            assert!(!looks_like_pan(s), "accepted a card number: {s:?}");
            if key.is_some_and(|k| k.starts_with("encrypted_")) {
                assert!(s.starts_with("pkenc."), "accepted a clear {key:?}: {s:?}");
            }
        }
        Value::Number(n) => {
            if let Some(n) = n.as_u64() {
                assert!(
                    !looks_like_pan(&n.to_string()),
                    "accepted a card number: {n}"
                );
            }
        }
        _ => {}
    }
}

fn has_float(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.is_f64(),
        Value::Array(a) => a.iter().any(has_float),
        Value::Object(m) => m.values().any(has_float),
        _ => false,
    }
}

/// Gives every `encrypted_*` member, at any depth, another envelope.
fn re_encrypt(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, v) in m.iter_mut() {
                if k.starts_with("encrypted_") {
                    *v = json!("pkenc.v2.other.BBBB");
                } else {
                    re_encrypt(v);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(re_encrypt),
        _ => {}
    }
}

fn check_accepted_payment(data: &[u8], value: &Value) {
    check_no_clear_card(value, None);
    let fingerprint = fuzzing::payment_fingerprint(data);
    assert_eq!(fuzzing::payment_fingerprint(data), fingerprint);
    // serde_json reads floats to the nearest double only approximately: leave them out of the
    // re-serialised comparisons.
    if has_float(value) {
        return;
    }
    let mut retry = value.clone();
    re_encrypt(&mut retry);
    let retry = serde_json::to_vec(&retry).expect("serialises");
    assert_eq!(
        fuzzing::payment_fingerprint(&retry),
        fingerprint,
        "fresh envelopes changed the fingerprint"
    );
    let mut other = value.clone();
    other["zz_changed"] = json!(1);
    let other = serde_json::to_vec(&other).expect("serialises");
    assert_ne!(
        fuzzing::payment_fingerprint(&other),
        fingerprint,
        "a changed request kept the fingerprint"
    );
}

// ---------------------------------------------------------------------------------------------
// webhook_verify

/// Our merchant id, as the webhook check compares it.
pub const MERCHANT_ID: &str = "18356675194960";
/// The clock of the webhook check: 2026-01-01T00:00:00Z.
pub const NOW_MS: i64 = 1_767_225_600_000;

/// A webhook body signed by a real RSA key, and whether the backend must take it.
pub struct Signed {
    pub name: &'static str,
    pub body: Vec<u8>,
    pub signature: String,
    pub genuine: bool,
}

fn note(merchant: &str, ts: Value, notify_id: &str, status: &str) -> Vec<u8> {
    json!({
        "notify_id": notify_id, "notify_type": "TRANSACTION", "timestamp": ts,
        "merchant_id": merchant, "trans_id": "M17672256000001234", "order_id": "GW1767225600001",
        "session_id": "CS1767225600001", "status": status, "payment_type": "PURCHASE",
        "authorisation_type": "FINAL_AUTH", "capture_method": "AUTOMATIC", "amount": 1999,
        "currency": "EUR", "payment": { "payment_method": "BANKCARD" },
        "card_info": { "card_brand": "VISA", "last4": "4242" },
        "pay_finish_time": "2026-01-01T00:00:00Z"
    })
    .to_string()
    .into_bytes()
}

/// The gateway's keys: the test gateway key and, as if mid-rotation, a second key (the test
/// card key, an RSA key like any other). Fixed keys, so that the signatures in the committed
/// corpus stay valid (RSASSA-PKCS1-v1_5 is deterministic).
fn keys() -> &'static (SigningKey, SigningKey, SigningKey, VerifyingKeys) {
    static KEYS: OnceLock<(SigningKey, SigningKey, SigningKey, VerifyingKeys)> = OnceLock::new();
    KEYS.get_or_init(|| {
        let gateway = SigningKey::from_pem(test_keys::GATEWAY).expect("test key");
        let next = SigningKey::from_pem(test_keys::CARD).expect("test key");
        let stranger = SigningKey::from_pem(test_keys::MERCHANT).expect("test key");
        let set = VerifyingKeys::new([
            gateway.verifying_key().clone(),
            next.verifying_key().clone(),
        ]);
        (gateway, next, stranger, set)
    })
}

// Long because it is a table of signed seeds (body, key, signature).
/// Every body these checks know a valid signature of: the only bodies the backend may ever
/// accept, and only the genuine ones.
pub fn signed() -> &'static [Signed] {
    static SIGNED: OnceLock<Vec<Signed>> = OnceLock::new();
    SIGNED.get_or_init(|| {
        let (gateway, next, stranger, _) = keys();
        let sign = |name, key: &SigningKey, merchant: &str, ts: i64, body: Vec<u8>, genuine| {
            let signature = key.sign(merchant, ts, &body);
            Signed {
                name,
                body,
                signature,
                genuine,
            }
        };
        let m = MERCHANT_ID;
        let now = NOW_MS;
        let old = now - MAX_SKEW_MS;
        vec![
            sign(
                "genuine",
                gateway,
                m,
                now - 1_000,
                note(m, json!(now - 1_000), "NT1", "SUCCESS"),
                true,
            ),
            sign(
                "genuine_string_timestamp",
                gateway,
                m,
                now + 60_000,
                note(m, json!((now + 60_000).to_string()), "NT2", "FAILURE"),
                true,
            ),
            sign(
                "genuine_next_key",
                next,
                m,
                now,
                note(m, json!(now), "NT3", "SUCCESS"),
                true,
            ),
            sign(
                "genuine_window_edge",
                gateway,
                m,
                old,
                note(m, json!(old), "NT4", "AUTHORISED"),
                true,
            ),
            sign(
                "stale",
                gateway,
                m,
                old - 1,
                note(m, json!(old - 1), "NT5", "SUCCESS"),
                false,
            ),
            sign(
                "future",
                gateway,
                m,
                now + MAX_SKEW_MS + 1,
                note(m, json!(now + MAX_SKEW_MS + 1), "NT6", "SUCCESS"),
                false,
            ),
            sign(
                "other_merchant",
                gateway,
                "99999999999999",
                now,
                note("99999999999999", json!(now), "NT7", "SUCCESS"),
                false,
            ),
            sign(
                "wrong_key",
                stranger,
                m,
                now,
                note(m, json!(now), "NT8", "SUCCESS"),
                false,
            ),
            sign(
                "not_a_notification",
                gateway,
                m,
                now,
                json!({ "merchant_id": m, "timestamp": now })
                    .to_string()
                    .into_bytes(),
                false,
            ),
        ]
    })
}

/// A webhook input: the signature header (first line) and the body (the rest), or, after an
/// `@`, one of [`signed`] (next byte) changed by edits of 4 bytes `[op, pos_hi, pos_lo, value]`.
pub fn webhook_input(data: &[u8]) -> (Vec<u8>, Option<String>) {
    let Some(rest) = data.strip_prefix(b"@") else {
        let (sig, body) = match data.iter().position(|&b| b == b'\n') {
            Some(i) => (&data[..i], &data[i + 1..]),
            None => (data, &[][..]),
        };
        // A header value that is not visible ASCII reads as no header (`to_str` fails).
        let sig = std::str::from_utf8(sig)
            .ok()
            .filter(|s| s.bytes().all(|b| (b' '..=b'~').contains(&b) || b == b'\t'));
        return (body.to_vec(), sig.map(str::to_owned));
    };
    let all = signed();
    let Some((&pick, edits)) = rest.split_first() else {
        return (Vec::new(), None);
    };
    let seed = &all[usize::from(pick) % all.len()];
    let mut body = seed.body.clone();
    let mut sig = seed.signature.clone().into_bytes();
    for e in edits.chunks_exact(4) {
        let pos = usize::from(u16::from_be_bytes([e[1], e[2]]));
        let value = e[3];
        match e[0] % 6 {
            0 if !body.is_empty() => {
                let i = pos % body.len();
                body[i] = value;
            }
            1 => body.insert(pos % (body.len() + 1), value),
            2 if !body.is_empty() => {
                body.remove(pos % body.len());
            }
            3 if !sig.is_empty() => {
                let i = pos % sig.len();
                sig[i] = value;
            }
            4 => sig.truncate(pos % (sig.len() + 1)),
            5 => sig = all[pos % all.len()].signature.clone().into_bytes(),
            _ => {}
        }
    }
    (body, String::from_utf8(sig).ok())
}

/// The webhook check on any body and signature header, and on edits of validly signed bodies.
///
/// - Only a body the gateway's keys signed, with its own signature, for our merchant, within
///   the 5-minute window and shaped as a notification is accepted; anything else, any changed
///   byte of such a body or of its signature included, is refused with a 401 (or a 400 for a
///   signed body that is not a notification), never a panic.
/// - Every genuine body with its signature is accepted.
pub fn webhook_verify(data: &[u8]) {
    let (body, sig) = webhook_input(data);
    let keys = &keys().3;
    let result = fuzzing::verify_webhook(keys, MERCHANT_ID, NOW_MS, &body, sig.as_deref());
    let known = signed().iter().find(|s| s.body == body);
    match result {
        Ok(n) => {
            let s = known.expect("accepted a body the gateway never signed");
            assert!(s.genuine, "accepted the {} webhook", s.name);
            assert_eq!(
                sig.as_deref().map(str::trim),
                Some(s.signature.as_str()),
                "accepted another signature of the {} webhook",
                s.name
            );
            assert_eq!(n.merchant_id, MERCHANT_ID);
        }
        Err(r) => {
            assert!(
                (r.status, r.code) == (401, "invalid_signature")
                    || (r.status == 400 && known.is_some_and(|s| s.name == "not_a_notification")),
                "{r:?}"
            );
            if let Some(s) = known {
                assert!(
                    !(s.genuine && sig.as_deref() == Some(s.signature.as_str())),
                    "refused the genuine {} webhook: {r:?}",
                    s.name
                );
            }
        }
    }
    // Without any key, nothing is accepted.
    let none = fuzzing::verify_webhook(
        &VerifyingKeys::default(),
        MERCHANT_ID,
        NOW_MS,
        &body,
        sig.as_deref(),
    );
    assert_eq!(none.map(drop).map_err(|r| r.status), Err(503));
}
