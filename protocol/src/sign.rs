//! Request and webhook signatures: SHA256withRSA (RSASSA-PKCS1-v1_5, SHA-256) over
//! `merchantId=<id>&timestamp=<ms>&requestBody=<exact body bytes>`, base64 (standard, padded).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::{
    DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, LineEnding,
};
use rsa::signature::{SignatureEncoding, Signer, Verifier};
use rsa::{RsaPrivateKey, RsaPublicKey};
use sha2::Sha256;
use std::fmt;

/// Largest clock difference accepted between a signed timestamp and now: 5 minutes.
pub const MAX_SKEW_MS: i64 = 5 * 60 * 1000;

/// The exact bytes that are signed.
pub fn signing_input(merchant_id: &str, timestamp: i64, body: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(body.len() + merchant_id.len() + 48);
    v.extend_from_slice(b"merchantId=");
    v.extend_from_slice(merchant_id.as_bytes());
    v.extend_from_slice(b"&timestamp=");
    v.extend_from_slice(timestamp.to_string().as_bytes());
    v.extend_from_slice(b"&requestBody=");
    v.extend_from_slice(body);
    v
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    Pem(String),
    Generate(String),
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::Pem(e) => write!(f, "cannot read RSA key PEM: {e}"),
            KeyError::Generate(e) => write!(f, "cannot generate RSA key: {e}"),
        }
    }
}
impl std::error::Error for KeyError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureError {
    /// Not base64 or not a signature of this key's size.
    Malformed,
    /// Well formed but does not verify.
    Mismatch,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::Malformed => f.write_str("signature is not valid base64 RSA signature"),
            SignatureError::Mismatch => f.write_str("signature does not match"),
        }
    }
}
impl std::error::Error for SignatureError {}

/// Private key that signs (the merchant's for requests, the gateway's for webhooks).
#[derive(Clone)]
pub struct SigningKey {
    key: rsa::pkcs1v15::SigningKey<Sha256>,
    public: VerifyingKey,
    private: RsaPrivateKey,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(..)")
    }
}

impl SigningKey {
    pub fn from_private(private: RsaPrivateKey) -> Self {
        let public = VerifyingKey::from_public(private.to_public_key());
        Self {
            key: rsa::pkcs1v15::SigningKey::new(private.clone()),
            public,
            private,
        }
    }

    /// Generates a new key (2048 bits is the usual size; slow in unoptimised builds).
    pub fn generate(bits: usize) -> Result<Self, KeyError> {
        let private = RsaPrivateKey::new(&mut rsa::rand_core::OsRng, bits)
            .map_err(|e| KeyError::Generate(e.to_string()))?;
        Ok(Self::from_private(private))
    }

    /// Reads a PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`) PEM.
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let private = RsaPrivateKey::from_pkcs8_pem(pem)
            .or_else(|_| RsaPrivateKey::from_pkcs1_pem(pem))
            .map_err(|e| KeyError::Pem(e.to_string()))?;
        Ok(Self::from_private(private))
    }

    /// PKCS#8 PEM of the private key (for writing the key file; never serve it).
    pub fn to_pkcs8_pem(&self) -> String {
        self.private
            .to_pkcs8_pem(LineEnding::LF)
            .map(|z| z.to_string())
            .expect("an RSA key always encodes")
    }

    pub fn private_key(&self) -> &RsaPrivateKey {
        &self.private
    }

    pub fn verifying_key(&self) -> &VerifyingKey {
        &self.public
    }

    /// Signs raw bytes, base64 result.
    pub fn sign_bytes(&self, data: &[u8]) -> String {
        STANDARD.encode(self.key.sign(data).to_bytes())
    }

    /// Signs a request or webhook body.
    pub fn sign(&self, merchant_id: &str, timestamp: i64, body: &[u8]) -> String {
        self.sign_bytes(&signing_input(merchant_id, timestamp, body))
    }
}

/// Public key that verifies.
#[derive(Clone, Debug)]
pub struct VerifyingKey {
    key: rsa::pkcs1v15::VerifyingKey<Sha256>,
    public: RsaPublicKey,
}

impl PartialEq for VerifyingKey {
    fn eq(&self, other: &Self) -> bool {
        self.public == other.public
    }
}

impl VerifyingKey {
    pub fn from_public(public: RsaPublicKey) -> Self {
        Self {
            key: rsa::pkcs1v15::VerifyingKey::new(public.clone()),
            public,
        }
    }

    /// Reads an SPKI (`BEGIN PUBLIC KEY`) or PKCS#1 (`BEGIN RSA PUBLIC KEY`) PEM.
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let public = RsaPublicKey::from_public_key_pem(pem)
            .or_else(|_| RsaPublicKey::from_pkcs1_pem(pem))
            .map_err(|e| KeyError::Pem(e.to_string()))?;
        Ok(Self::from_public(public))
    }

    pub fn to_spki_pem(&self) -> String {
        self.public
            .to_public_key_pem(LineEnding::LF)
            .expect("an RSA key always encodes")
    }

    pub fn verify_bytes(&self, data: &[u8], signature_b64: &str) -> Result<(), SignatureError> {
        let raw = STANDARD
            .decode(signature_b64.trim())
            .map_err(|_| SignatureError::Malformed)?;
        let sig = rsa::pkcs1v15::Signature::try_from(raw.as_slice())
            .map_err(|_| SignatureError::Malformed)?;
        self.key
            .verify(data, &sig)
            .map_err(|_| SignatureError::Mismatch)
    }

    pub fn verify(
        &self,
        merchant_id: &str,
        timestamp: i64,
        body: &[u8],
        signature_b64: &str,
    ) -> Result<(), SignatureError> {
        self.verify_bytes(&signing_input(merchant_id, timestamp, body), signature_b64)
    }
}

/// Is `timestamp` (ms) within [`MAX_SKEW_MS`] of `now` (ms)?
pub fn timestamp_fresh(timestamp: i64, now: i64) -> bool {
    (timestamp - now).abs() <= MAX_SKEW_MS
}

/// `merchant_id` and `timestamp` read from a JSON body without trusting anything else in it.
/// The timestamp may be a number or a string of digits.
pub fn signed_fields(body: &[u8]) -> Option<(String, i64)> {
    let v: serde_json::Value = serde_json::from_slice(body).ok()?;
    let mid = v.get("merchant_id")?.as_str()?.to_owned();
    let ts = match v.get("timestamp")? {
        serde_json::Value::Number(n) => n.as_i64()?,
        serde_json::Value::String(s) => s.parse().ok()?,
        _ => return None,
    };
    Some((mid, ts))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const TEST_KEY: &str = include_str!("../testdata/merchant_test_key.pem");

    #[test]
    fn sign_and_verify_and_tamper() {
        let k = SigningKey::from_pem(TEST_KEY).unwrap();
        let body = br#"{"merchant_id":"m1","timestamp":1700000000000,"amount":100}"#;
        let sig = k.sign("m1", 1700000000000, body);
        let vk = VerifyingKey::from_pem(&k.verifying_key().to_spki_pem()).unwrap();
        assert_eq!(vk.verify("m1", 1700000000000, body, &sig), Ok(()));
        // one flipped byte in the body
        let mut b2 = body.to_vec();
        b2[40] ^= 1;
        assert_eq!(
            vk.verify("m1", 1700000000000, &b2, &sig),
            Err(SignatureError::Mismatch)
        );
        // other timestamp, other merchant
        assert_eq!(
            vk.verify("m1", 1700000000001, body, &sig),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            vk.verify("m2", 1700000000000, body, &sig),
            Err(SignatureError::Mismatch)
        );
        // flipped signature byte
        let mut raw = STANDARD.decode(&sig).unwrap();
        raw[10] ^= 0x80;
        assert_eq!(
            vk.verify("m1", 1700000000000, body, &STANDARD.encode(raw)),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            vk.verify("m1", 1700000000000, body, "not base64!"),
            Err(SignatureError::Malformed)
        );
        assert!(vk.verify("m1", 1700000000000, body, "AAAA").is_err());
    }

    #[test]
    fn signing_input_format() {
        assert_eq!(
            signing_input("18356675194960", 1745922570644, b"{\"a\":1}"),
            b"merchantId=18356675194960&timestamp=1745922570644&requestBody={\"a\":1}".to_vec()
        );
    }

    #[test]
    fn pem_roundtrip_and_fields() {
        let k = SigningKey::from_pem(TEST_KEY).unwrap();
        let k2 = SigningKey::from_pem(&k.to_pkcs8_pem()).unwrap();
        assert_eq!(k.verifying_key(), k2.verifying_key());
        assert_eq!(
            signed_fields(br#"{"merchant_id":"x","timestamp":"12"}"#),
            Some(("x".into(), 12))
        );
        assert_eq!(signed_fields(br#"{"merchant_id":"x"}"#), None);
        assert!(timestamp_fresh(1000, 1000 + MAX_SKEW_MS));
        assert!(!timestamp_fresh(1000, 1001 + MAX_SKEW_MS));
    }
}
