//! Request and webhook signatures: SHA256withRSA (RSASSA-PKCS1-v1_5, SHA-256), base64
//! (standard, padded), with the keys that make and check them. v1.2 signs
//! `merchantId=<id>&timestamp=<ms>&requestBody=<exact body bytes>` ([`signing_input`]); v3's
//! five-line string is [`crate::api::v3_signing_input`].

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::{
    DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, LineEnding,
};
use rsa::rand_core::OsRng;
use rsa::signature::{RandomizedSigner, SignatureEncoding, Verifier};
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

/// Why a key could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// The PEM text is not an RSA key of the kind asked for (the reader's message).
    Pem(String),
    /// Key generation failed (the RSA crate's message).
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

/// Why a signature was refused (the gateway answers `206003`, signature error, for both).
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
    /// A signing key from an RSA private key.
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

    /// Reads a PKCS#8 (`BEGIN PRIVATE KEY`, PayKKa's form for merchant keys) or PKCS#1
    /// (`BEGIN RSA PRIVATE KEY`) PEM.
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        read_pem(
            pem,
            RsaPrivateKey::from_pkcs8_pem,
            RsaPrivateKey::from_pkcs1_pem,
        )
        .map(Self::from_private)
    }

    /// PKCS#8 PEM of the private key (for writing the key file; never serve it).
    pub fn to_pkcs8_pem(&self) -> String {
        encoded(self.private.to_pkcs8_pem(LineEnding::LF)).to_string()
    }

    /// The RSA private key, e.g. to make a [`crate::cardenc::CardKey`] of a key read from PEM.
    pub fn private_key(&self) -> &RsaPrivateKey {
        &self.private
    }

    /// The public half: what the other side verifies with (the merchant uploads it to PayKKa;
    /// the gateway publishes its own for webhooks).
    pub fn verifying_key(&self) -> &VerifyingKey {
        &self.public
    }

    /// Signs raw bytes, base64 result. With RSA blinding (a random factor per signature), so
    /// the private-key operation's timing says nothing of the key (RUSTSEC-2023-0071, the
    /// Marvin attack, concerns the unblinded one); PKCS#1 v1.5 signatures stay deterministic.
    pub fn sign_bytes(&self, data: &[u8]) -> String {
        STANDARD.encode(self.key.sign_with_rng(&mut OsRng, data).to_bytes())
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
    /// A verifying key from an RSA public key.
    pub fn from_public(public: RsaPublicKey) -> Self {
        Self {
            key: rsa::pkcs1v15::VerifyingKey::new(public.clone()),
            public,
        }
    }

    /// Reads an SPKI (`BEGIN PUBLIC KEY`) or PKCS#1 (`BEGIN RSA PUBLIC KEY`) PEM.
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        read_pem(
            pem,
            RsaPublicKey::from_public_key_pem,
            RsaPublicKey::from_pkcs1_pem,
        )
        .map(Self::from_public)
    }

    /// The key as SPKI PEM (`BEGIN PUBLIC KEY`), the form PayKKa's portal and the sandbox's
    /// take and publish.
    pub fn to_spki_pem(&self) -> String {
        encoded(self.public.to_public_key_pem(LineEnding::LF))
    }

    /// Checks a base64 signature over exactly `data`: `Malformed` if it is not base64 or not
    /// of this key's size, `Mismatch` if it does not verify.
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

    /// Checks a v1.2 signature of a request or webhook body ([`signing_input`]).
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

impl VerifyingKey {
    /// Key id: the first 16 hex digits of SHA-256 over the key's SPKI DER (as for card keys).
    pub fn key_id(&self) -> String {
        crate::cardenc::key_id(&self.public)
    }
}

/// The public keys that currently verify for one signer: usually one, two while the signer
/// rotates its key (the old one and the new one). A signature is good if any of them verifies it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerifyingKeys(Vec<VerifyingKey>);

impl VerifyingKeys {
    /// The keys, without repeats, in the order given.
    pub fn new(keys: impl IntoIterator<Item = VerifyingKey>) -> Self {
        let mut set = Self::default();
        for k in keys {
            set.insert(k);
        }
        set
    }

    /// Reads every PEM public key block (SPKI or PKCS#1) of `text`, in order. Text outside the
    /// blocks (comments such as "retire after ...") is ignored. Fails if there is no block or if
    /// any block is not a public RSA key.
    pub fn from_pem_bundle(text: &str) -> Result<Self, KeyError> {
        let blocks = pem_blocks(text);
        if blocks.is_empty() {
            return Err(KeyError::Pem("no PEM public key found".into()));
        }
        let mut set = Self::default();
        for (i, b) in blocks.iter().enumerate() {
            let k = VerifyingKey::from_pem(b)
                .map_err(|e| KeyError::Pem(format!("key {} of {}: {e}", i + 1, blocks.len())))?;
            set.insert(k);
        }
        Ok(set)
    }

    /// The keys as concatenated SPKI PEM blocks (what [`Self::from_pem_bundle`] reads).
    pub fn to_pem_bundle(&self) -> String {
        self.0.iter().map(VerifyingKey::to_spki_pem).collect()
    }

    /// Adds a key; false if it was already there.
    pub fn insert(&mut self, key: VerifyingKey) -> bool {
        if self.0.contains(&key) {
            return false;
        }
        self.0.push(key);
        true
    }

    /// Removes the key with this [`VerifyingKey::key_id`]; false if there is none.
    pub fn remove(&mut self, key_id: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|k| k.key_id() != key_id);
        self.0.len() != before
    }

    /// Is `key` one of them?
    pub fn contains(&self, key: &VerifyingKey) -> bool {
        self.0.contains(key)
    }

    /// The keys, in the order given.
    pub fn keys(&self) -> &[VerifyingKey] {
        &self.0
    }

    /// How many keys verify: 1, or 2 during a rotation.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No key at all (then every signature is refused).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Checks a v1.2 signature of a request or webhook body ([`signing_input`]) as
    /// [`Self::verify_bytes`] does.
    pub fn verify(
        &self,
        merchant_id: &str,
        timestamp: i64,
        body: &[u8],
        signature_b64: &str,
    ) -> Result<(), SignatureError> {
        self.verify_bytes(&signing_input(merchant_id, timestamp, body), signature_b64)
    }

    /// Checks a base64 signature over exactly `data`: Ok if one of the keys verifies it; else
    /// `Mismatch`, or `Malformed` if the signature is not even well formed for any of them (and
    /// `Mismatch` when there is no key at all).
    pub fn verify_bytes(&self, data: &[u8], signature_b64: &str) -> Result<(), SignatureError> {
        let mut malformed_for_all = !self.0.is_empty();
        for k in &self.0 {
            match k.verify_bytes(data, signature_b64) {
                Ok(()) => return Ok(()),
                Err(SignatureError::Mismatch) => malformed_for_all = false,
                Err(SignatureError::Malformed) => {}
            }
        }
        Err(if malformed_for_all {
            SignatureError::Malformed
        } else {
            SignatureError::Mismatch
        })
    }
}

/// A key read from `pem` in the first form, else in the second (whose error is reported).
fn read_pem<K, E1, E2: fmt::Display>(
    pem: &str,
    first: impl FnOnce(&str) -> Result<K, E1>,
    second: impl FnOnce(&str) -> Result<K, E2>,
) -> Result<K, KeyError> {
    first(pem)
        .or_else(|_| second(pem))
        .map_err(|e| KeyError::Pem(e.to_string()))
}

/// The PEM (or DER) of an RSA key, which always encodes.
pub(crate) fn encoded<T, E: fmt::Debug>(result: Result<T, E>) -> T {
    result.expect("an RSA key always encodes")
}

/// The `-----BEGIN ...-----` to `-----END ...-----` blocks of `text`.
fn pem_blocks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let from = &rest[start..];
        let Some(end) = from.find("-----END ") else {
            break;
        };
        let after = &from[end + "-----END ".len()..];
        let Some(close) = after.find("-----") else {
            break;
        };
        let len = end + "-----END ".len() + close + "-----".len();
        out.push(&from[..len]);
        rest = &from[len..];
    }
    out
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
    fn a_key_set_verifies_with_any_of_its_keys_and_reads_pem_bundles() {
        let a = SigningKey::from_pem(TEST_KEY).unwrap();
        let b = SigningKey::from_pem(crate::test_keys::GATEWAY).unwrap();
        let c = SigningKey::from_pem(crate::test_keys::CARD).unwrap();
        let bundle = format!(
            "# current key\n{}\n# next key, from 2026-01-01\n{}",
            a.verifying_key().to_spki_pem(),
            b.verifying_key().to_spki_pem()
        );
        let set = VerifyingKeys::from_pem_bundle(&bundle).unwrap();
        assert_eq!(set.len(), 2);
        assert_eq!(
            VerifyingKeys::from_pem_bundle(&set.to_pem_bundle()).unwrap(),
            set
        );
        let body = br#"{"merchant_id":"m1","timestamp":5}"#;
        assert_eq!(set.verify("m1", 5, body, &a.sign("m1", 5, body)), Ok(()));
        assert_eq!(set.verify("m1", 5, body, &b.sign("m1", 5, body)), Ok(()));
        assert_eq!(
            set.verify("m1", 5, body, &c.sign("m1", 5, body)),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            set.verify("m1", 5, body, "%%%"),
            Err(SignatureError::Malformed)
        );
        // retiring a key by its id
        let mut set2 = set.clone();
        assert!(set2.remove(&a.verifying_key().key_id()));
        assert!(!set2.remove(&a.verifying_key().key_id()));
        assert_eq!(
            set2.verify("m1", 5, body, &a.sign("m1", 5, body)),
            Err(SignatureError::Mismatch)
        );
        assert!(!set2.insert(b.verifying_key().clone()));
        assert_eq!(set2.len(), 1);
        // no key, a private key, a broken block
        assert!(VerifyingKeys::from_pem_bundle("nothing here").is_err());
        assert!(VerifyingKeys::from_pem_bundle(TEST_KEY).is_err());
        let broken = bundle.replacen("MII", "MIX", 1);
        assert!(VerifyingKeys::from_pem_bundle(&broken).is_err());
        assert_eq!(
            VerifyingKeys::default().verify("m1", 5, body, &a.sign("m1", 5, body)),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn blinded_signing_gives_the_deterministic_pkcs1_signature() {
        use rsa::signature::Signer;
        let k = SigningKey::from_pem(crate::test_keys::MERCHANT).unwrap();
        let data = b"merchantId=m1&timestamp=5&requestBody={}";
        let unblinded = STANDARD.encode(k.key.sign(data).to_bytes());
        for _ in 0..3 {
            assert_eq!(k.sign_bytes(data), unblinded);
        }
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
