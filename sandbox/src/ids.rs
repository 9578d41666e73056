//! The identifiers the gateway hands out, and the fingerprint that tells a card stored twice.

use sha2::{Digest, Sha256};

/// A session id: the shopper's only credential towards the merchant backend until it pays, so
/// 128 random bits (32 hex digits), not a counter or a short number.
pub fn new_session_id() -> String {
    use paykka_protocol::rsa::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    format!("CS{}", paykka_protocol::hex(&bytes))
}

pub fn new_id(prefix: &str) -> String {
    use paykka_protocol::rsa::rand_core::{OsRng, RngCore};
    format!(
        "{prefix}{:018}",
        OsRng.next_u64() % 1_000_000_000_000_000_000
    )
}

/// A card's fingerprint within one merchant (SHA-256 of merchant and number, hex): the same card
/// stored again finds its token, and the number itself is never kept.
pub fn fingerprint(merchant_id: &str, pan: &str) -> String {
    paykka_protocol::hex(&Sha256::digest(format!("{merchant_id}:{pan}").as_bytes()))
}
