//! Card field encryption envelope v2 (our own scheme; PayKKa's is not public).
//!
//! Each card field (PAN, expiry month, expiry year, CVV) is encrypted on its own by the secure
//! frame with WebCrypto `RSA-OAEP` (hash SHA-256, MGF1-SHA-256, no label) over a payload that
//! binds it to one field, one checkout session (and merchant), one moment and one use (see
//! [`paykka_core::card_envelope`], the format's one home), and sent as
//!
//! ```text
//! pkenc.v2.<kid>.<base64url(ciphertext), no padding>
//! ```
//!
//! where `kid` is the key id published beside the key (`GET /card-key` on the sandbox):
//! the first 16 hex digits of SHA-256 over the key's SPKI DER. A v1 envelope (the bare value,
//! which a skimmer could replay anywhere, forever) is refused like a garbled one.

use crate::sign::encoded;
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rsa::pkcs8::EncodePublicKey;
use rsa::traits::PublicKeyParts;
use rsa::{Oaep, RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256};
use std::fmt;

pub use paykka_core::card_envelope::{
    DEFAULT_MAX_AGE_MS, ENVELOPE_PREFIX as PREFIX, EnvelopeField, Expected, Payload, PayloadError,
};

/// Why an `encrypted_*` member does not open (the gateway answers `206020`, card decryption
/// failed, for all three).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Not of the form `pkenc.v2.<kid>.<b64url>`.
    Malformed,
    /// Encrypted for another key.
    UnknownKey,
    /// Does not decrypt, or is not UTF-8.
    Undecryptable,
}

impl fmt::Display for EnvelopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EnvelopeError::Malformed => "encrypted field is not a pkenc.v2 envelope",
            EnvelopeError::UnknownKey => "encrypted field uses an unknown key id",
            EnvelopeError::Undecryptable => "encrypted field does not decrypt",
        })
    }
}
impl std::error::Error for EnvelopeError {}

/// Key id of a public key: the first 16 hex digits of SHA-256 over its SPKI DER (stable while
/// the key is kept).
pub fn key_id(public: &RsaPublicKey) -> String {
    let der = encoded(public.to_public_key_der());
    paykka_core::digits::hex(&Sha256::digest(der.as_bytes())[..8])
}

/// Seals a payload into an envelope (what the frames do in the browser; used by tests and
/// tools).
pub fn seal(public: &RsaPublicKey, kid: &str, payload: &Payload) -> String {
    let ct = public
        .encrypt(
            &mut rsa::rand_core::OsRng,
            Oaep::new::<Sha256>(),
            payload.encode().as_bytes(),
        )
        .expect("a payload is short enough for one OAEP block");
    format!("{PREFIX}{kid}.{}", URL_SAFE_NO_PAD.encode(ct))
}

/// Seals `value` as the frames do now: this moment, a fresh nonce, for `field` of the
/// checkout `session_id` of `merchant_id`.
pub fn seal_now(
    public: &RsaPublicKey,
    kid: &str,
    field: EnvelopeField,
    session_id: &str,
    merchant_id: &str,
    value: &str,
) -> String {
    use rsa::rand_core::RngCore;
    let mut nonce = [0u8; 16];
    rsa::rand_core::OsRng.fill_bytes(&mut nonce);
    let payload = Payload {
        field,
        issued_at_ms: u64::try_from(crate::time::now_ms()).unwrap_or(0),
        nonce,
        session_id: session_id.into(),
        merchant_id: merchant_id.into(),
        value: value.into(),
    };
    seal(public, kid, &payload)
}

/// Splits an envelope into key id and ciphertext.
pub fn parse(envelope: &str) -> Result<(&str, Vec<u8>), EnvelopeError> {
    let rest = envelope
        .strip_prefix(PREFIX)
        .ok_or(EnvelopeError::Malformed)?;
    let (kid, b64) = rest.split_once('.').ok_or(EnvelopeError::Malformed)?;
    if kid.is_empty()
        || !kid
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(EnvelopeError::Malformed);
    }
    let ct = URL_SAFE_NO_PAD
        .decode(b64)
        .map_err(|_| EnvelopeError::Malformed)?;
    Ok((kid, ct))
}

/// The field an `encrypted_*` member of a payment holds.
pub fn field_of(member: &str) -> Option<EnvelopeField> {
    match member {
        "encrypted_card_no" => Some(EnvelopeField::Number),
        "encrypted_exp_month" => Some(EnvelopeField::ExpMonth),
        "encrypted_exp_year" => Some(EnvelopeField::ExpYear),
        "encrypted_cvv" => Some(EnvelopeField::Cvv),
        _ => None,
    }
}

/// Tests and tools: replaces every `encrypted_*` member whose value is `seal:<digits>`, at any
/// depth, by an envelope of those digits sealed now for that field of `session_id`, as the
/// frames would seal them.
#[doc(hidden)]
pub fn seal_markers(v: &mut serde_json::Value, key: &CardKey, session_id: &str, merchant_id: &str) {
    match v {
        serde_json::Value::Object(m) => {
            for (name, value) in m.iter_mut() {
                if let (Some(field), Some(digits)) = (
                    field_of(name),
                    value.as_str().and_then(|s| s.strip_prefix("seal:")),
                ) {
                    *value = key.seal(field, session_id, merchant_id, digits).into();
                } else {
                    seal_markers(value, key, session_id, merchant_id);
                }
            }
        }
        serde_json::Value::Array(a) => {
            for x in a {
                seal_markers(x, key, session_id, merchant_id);
            }
        }
        _ => {}
    }
}

/// The card decryption key the gateway holds.
#[derive(Clone)]
pub struct CardKey {
    private: RsaPrivateKey,
    kid: String,
}

impl fmt::Debug for CardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardKey({})", self.kid)
    }
}

impl CardKey {
    /// The gateway's card key from its private RSA key; the key id is computed from it.
    pub fn new(private: RsaPrivateKey) -> Self {
        let kid = key_id(&private.to_public_key());
        Self { private, kid }
    }

    /// The key id envelopes name (16 hex digits, [`key_id`]), published with the key.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The public half, which the secure frames encrypt card fields with.
    pub fn public_key(&self) -> RsaPublicKey {
        self.private.to_public_key()
    }

    /// Opens an envelope sealed for this key: its payload, unchecked (see [`Payload::check`]).
    pub fn open(&self, envelope: &str) -> Result<Payload, EnvelopeError> {
        let (kid, ct) = parse(envelope)?;
        if kid != self.kid {
            return Err(EnvelopeError::UnknownKey);
        }
        // Blinded: the ciphertext is chosen by whoever posts a payment, and the unblinded
        // decryption's timing leaks the key to an attacker who can time many of them
        // (RUSTSEC-2023-0071, the Marvin attack).
        let pt = self
            .private
            .decrypt_blinded(&mut rsa::rand_core::OsRng, Oaep::new::<Sha256>(), &ct)
            .map_err(|_| EnvelopeError::Undecryptable)?;
        Payload::decode(&pt).map_err(|_| EnvelopeError::Undecryptable)
    }

    /// Seals `value` for `field` of a session, now (tests and tools).
    pub fn seal(
        &self,
        field: EnvelopeField,
        session_id: &str,
        merchant_id: &str,
        value: &str,
    ) -> String {
        seal_now(
            &self.public_key(),
            &self.kid,
            field,
            session_id,
            merchant_id,
            value,
        )
    }

    /// What `GET /card-key` publishes: key id, SPKI DER base64, SPKI PEM and a JWK.
    pub fn public_json(&self) -> serde_json::Value {
        let public = self.public_key();
        let der = encoded(public.to_public_key_der());
        let pem = encoded(public.to_public_key_pem(rsa::pkcs8::LineEnding::LF));
        serde_json::json!({
            "kid": self.kid,
            "alg": "RSA-OAEP-256",
            "format": PREFIX.trim_end_matches('.'),
            "spki": STANDARD.encode(der.as_bytes()),
            "pem": pem,
            "jwk": {
                "kty": "RSA",
                "kid": self.kid,
                "alg": "RSA-OAEP-256",
                "use": "enc",
                "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
                "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::SigningKey;

    #[test]
    fn roundtrip_and_errors() {
        let k = SigningKey::from_pem(include_str!("../testdata/merchant_test_key.pem")).unwrap();
        let ck = CardKey::new(k.private_key().clone());
        assert_eq!(ck.kid().len(), 16);
        let env = ck.seal(EnvelopeField::Number, "CS1", "M1", "4242424242424242");
        assert!(env.starts_with(&format!("pkenc.v2.{}.", ck.kid())));
        let p = ck.open(&env).unwrap();
        assert_eq!(
            (p.field, p.value.as_str(), p.session_id.as_str()),
            (EnvelopeField::Number, "4242424242424242", "CS1")
        );
        assert_eq!(ck.open("4242424242424242"), Err(EnvelopeError::Malformed));
        assert_eq!(ck.open("pkenc.v2.abc.AAAA"), Err(EnvelopeError::UnknownKey));
        let mut bad = env.clone();
        let last = bad.pop().unwrap();
        bad.push(if last == 'A' { 'B' } else { 'A' });
        assert!(ck.open(&bad).is_err());
        // A v1 envelope (the bare value) is refused as a garbled one is.
        let v1 = env.replacen("pkenc.v2.", "pkenc.v1.", 1);
        assert_eq!(ck.open(&v1), Err(EnvelopeError::Malformed));
        // The bare value sealed as a v2 envelope is no payload.
        let bare = {
            let ct = ck
                .public_key()
                .encrypt(
                    &mut rsa::rand_core::OsRng,
                    Oaep::new::<Sha256>(),
                    b"4242424242424242",
                )
                .unwrap();
            format!("pkenc.v2.{}.{}", ck.kid(), URL_SAFE_NO_PAD.encode(ct))
        };
        assert_eq!(ck.open(&bare), Err(EnvelopeError::Undecryptable));
        let j = ck.public_json();
        assert_eq!(j["kid"], ck.kid());
        assert_eq!(j["jwk"]["e"], "AQAB");
    }
}
