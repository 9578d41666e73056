//! The card key and the envelopes: `GET /card-key` imported once, each field sealed with
//! RSA-OAEP SHA-256 through WebCrypto.

use std::rc::Rc;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use paykka_core::card_envelope::{ENVELOPE_PREFIX, EnvelopeField, Payload};
use paykka_core::frame_protocol::{Binding, Encrypted, Envelope, FailReason};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, Window};

use crate::Frame;
use crate::input::Clear;

/// The card key as imported, with its id for the envelope.
pub(crate) struct Key {
    kid: String,
    key: CryptoKey,
}

impl Frame {
    pub(crate) async fn seal(&self, clear: Clear) -> Result<Encrypted, FailReason> {
        // Nothing is sealed for no checkout: such an envelope could be replayed anywhere.
        let binding = self
            .binding
            .borrow()
            .clone()
            .ok_or(FailReason::KeyUnavailable)?;
        let key = self.card_key().await.ok_or(FailReason::KeyUnavailable)?;
        let seal = |field, value: &str| envelope(&key, &binding, field, value.to_owned());
        Ok(match clear {
            Clear::Number(digits, brand, bin, last4) => Encrypted::Number {
                enc: seal(EnvelopeField::Number, &digits).await?,
                brand,
                bin,
                last4,
            },
            Clear::Expiry(month, year) => Encrypted::Expiry {
                enc_month: seal(EnvelopeField::ExpMonth, &month).await?,
                enc_year: seal(EnvelopeField::ExpYear, &year).await?,
            },
            Clear::Cvv(digits) => Encrypted::Cvv {
                enc: seal(EnvelopeField::Cvv, &digits).await?,
            },
            Clear::Holder(holder) => Encrypted::Holder { holder },
        })
    }

    /// The card key, fetched and imported once; `None` (and tried again next time) on failure.
    pub(crate) async fn card_key(&self) -> Option<Rc<Key>> {
        if let Some(key) = self.key.borrow().clone() {
            return Some(key);
        }
        let key = Rc::new(fetch_key(&self.window).await.ok()?);
        *self.key.borrow_mut() = Some(key.clone());
        Some(key)
    }
}

fn set(obj: &Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    Reflect::set(obj, &JsValue::from_str(key), value).map(|_| ())
}

fn rsa_oaep(with_hash: bool) -> Result<Object, JsValue> {
    let algo = Object::new();
    set(&algo, "name", &"RSA-OAEP".into())?;
    if with_hash {
        set(&algo, "hash", &"SHA-256".into())?;
    }
    Ok(algo)
}

async fn fetch_key(window: &Window) -> Result<Key, JsValue> {
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str("/card-key"))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::NULL);
    }
    let json = JsFuture::from(response.json()?).await?;
    let kid = Reflect::get(&json, &"kid".into())?
        .as_string()
        .filter(|k| Envelope::parse(&[ENVELOPE_PREFIX, k, ".AA"].concat()).is_some())
        .ok_or(JsValue::NULL)?;
    let jwk: Object = Reflect::get(&json, &"jwk".into())?.dyn_into()?;
    let subtle = window.crypto()?.subtle();
    let usages = Array::of1(&"encrypt".into());
    let key = JsFuture::from(subtle.import_key_with_object(
        "jwk",
        &jwk,
        &rsa_oaep(true)?,
        false,
        &usages,
    )?)
    .await?
    .dyn_into()?;
    Ok(Key { kid, key })
}
/// Encrypts `value` into an [`Envelope`]. OAEP is randomised: in the one-in-ten-million case
/// of a ciphertext the protocol's card-number guard would refuse, it encrypts again.
async fn envelope(
    key: &Key,
    binding: &Binding,
    field: EnvelopeField,
    value: String,
) -> Result<Envelope, FailReason> {
    // The payload of envelope v2 (paykka_core::card_envelope): this field, this checkout, now,
    // and a nonce the gateway takes once.
    let mut nonce = [0u8; 16];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut nonce).ok())
        .ok_or(FailReason::CryptoFailed)?;
    let nonce = paykka_core::random::checked(nonce).ok_or(FailReason::CryptoFailed)?;
    let payload = Payload {
        field,
        issued_at_ms: js_sys::Date::now() as u64,
        nonce,
        session_id: binding.session_id().to_owned(),
        merchant_id: binding.merchant_id().to_owned(),
        value,
    }
    .encode();
    for _ in 0..4 {
        let sealed = encrypt_once(key, &payload)
            .await
            .map_err(|_| FailReason::CryptoFailed)?;
        let mut text = String::with_capacity(16 + key.kid.len() + sealed.len() * 4 / 3);
        text.push_str(ENVELOPE_PREFIX);
        text.push_str(&key.kid);
        text.push('.');
        base64url(&sealed, &mut text);
        if let Some(envelope) = Envelope::parse(&text) {
            return Ok(envelope);
        }
    }
    Err(FailReason::CryptoFailed)
}

async fn encrypt_once(key: &Key, value: &str) -> Result<Vec<u8>, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let subtle = window.crypto()?.subtle();
    let promise: Promise =
        subtle.encrypt_with_object_and_u8_array(&rsa_oaep(false)?, &key.key, value.as_bytes())?;
    let buffer = JsFuture::from(promise).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Base64url without padding.
fn base64url(bytes: &[u8], out: &mut String) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let sym = |i: u32| char::from(ALPHABET[(i & 63) as usize]);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = b(0) << 16 | b(1) << 8 | b(2);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        if chunk.len() > 1 {
            out.push(sym(n >> 6));
        }
        if chunk.len() > 2 {
            out.push(sym(n));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::base64url;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64url(input.as_bytes(), &mut out);
            assert_eq!(out, expected);
        }
        let mut out = String::new();
        base64url(&[0xfb, 0xff, 0xbf], &mut out);
        assert_eq!(out, "-_-_");
    }
}
