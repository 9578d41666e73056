//! Card field encryption envelope.
//!
//! Each card field (PAN, expiry month, expiry year, CVV) is encrypted on its own by the secure
//! frame with WebCrypto `RSA-OAEP` (hash SHA-256, MGF1-SHA-256, no label) over the UTF-8 bytes
//! of the field value, and sent as
//!
//! ```text
//! pkenc.v1.<kid>.<base64url(ciphertext), no padding>
//! ```
//!
//! where `kid` is the key id published beside the key (`GET /card-key` on the sandbox):
//! the first 16 hex digits of SHA-256 over the key's SPKI DER.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rsa::pkcs8::EncodePublicKey;
use rsa::traits::PublicKeyParts;
use rsa::{Oaep, RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256};
use std::fmt;

pub const PREFIX: &str = "pkenc.v1.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Not of the form `pkenc.v1.<kid>.<b64url>`.
    Malformed,
    /// Encrypted for another key.
    UnknownKey,
    /// Does not decrypt, or is not UTF-8.
    Undecryptable,
}

impl fmt::Display for EnvelopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EnvelopeError::Malformed => "encrypted field is not a pkenc.v1 envelope",
            EnvelopeError::UnknownKey => "encrypted field uses an unknown key id",
            EnvelopeError::Undecryptable => "encrypted field does not decrypt",
        })
    }
}
impl std::error::Error for EnvelopeError {}

/// Key id of a public key.
pub fn key_id(public: &RsaPublicKey) -> String {
    let der = public
        .to_public_key_der()
        .expect("an RSA key always encodes");
    let h = Sha256::digest(der.as_bytes());
    h[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Encrypts a field value (what the frames do in the browser; used by tests and tools).
pub fn encrypt(public: &RsaPublicKey, kid: &str, value: &str) -> String {
    let ct = public
        .encrypt(
            &mut rsa::rand_core::OsRng,
            Oaep::new::<Sha256>(),
            value.as_bytes(),
        )
        .expect("field values are short enough for one OAEP block");
    format!("{PREFIX}{kid}.{}", URL_SAFE_NO_PAD.encode(ct))
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
    pub fn new(private: RsaPrivateKey) -> Self {
        let kid = key_id(&private.to_public_key());
        Self { private, kid }
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    pub fn public_key(&self) -> RsaPublicKey {
        self.private.to_public_key()
    }

    pub fn decrypt(&self, envelope: &str) -> Result<String, EnvelopeError> {
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
        String::from_utf8(pt).map_err(|_| EnvelopeError::Undecryptable)
    }

    pub fn encrypt(&self, value: &str) -> String {
        encrypt(&self.public_key(), &self.kid, value)
    }

    /// What `GET /card-key` publishes: key id, SPKI DER base64, SPKI PEM and a JWK.
    pub fn public_json(&self) -> serde_json::Value {
        let public = self.public_key();
        let der = public
            .to_public_key_der()
            .expect("an RSA key always encodes");
        let pem = public
            .to_public_key_pem(rsa::pkcs8::LineEnding::LF)
            .expect("an RSA key always encodes");
        serde_json::json!({
            "kid": self.kid,
            "alg": "RSA-OAEP-256",
            "format": "pkenc.v1",
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
        let env = ck.encrypt("4242424242424242");
        assert!(env.starts_with(&format!("pkenc.v1.{}.", ck.kid())));
        assert_eq!(ck.decrypt(&env).unwrap(), "4242424242424242");
        assert_eq!(
            ck.decrypt("4242424242424242"),
            Err(EnvelopeError::Malformed)
        );
        assert_eq!(
            ck.decrypt("pkenc.v1.abc.AAAA"),
            Err(EnvelopeError::UnknownKey)
        );
        let mut bad = env.clone();
        let last = bad.pop().unwrap();
        bad.push(if last == 'A' { 'B' } else { 'A' });
        assert!(ck.decrypt(&bad).is_err());
        let j = ck.public_json();
        assert_eq!(j["kid"], ck.kid());
        assert_eq!(j["jwk"]["e"], "AQAB");
    }
}
