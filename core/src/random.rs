//! Ids that must be unpredictable (the secure frames' message channel, the idempotency key of
//! each payment), made from 16 bytes of the browser's CSPRNG (`crypto.getRandomValues`).
//!
//! There is no fallback: when the bytes cannot be had, or cannot be random, the caller gets
//! `None` and the checkout refuses to pay ([`crate::CheckoutError::RandomnessUnavailable`]). A
//! constant or guessable channel lets another page speak for the card frames, and a constant
//! idempotency key makes one shopper's payment collide with another's.
//!
//! ```
//! use paykka_core::random;
//!
//! assert_eq!(random::checked([0; 16]), None);
//! let bytes = random::checked([0xab; 16]).unwrap();
//! assert_eq!(random::idempotency_key(bytes), format!("pk-{}", "ab".repeat(16)));
//! ```

/// `bytes` as drawn from a random source, or `None` when they cannot have come from one: all
/// zeros is what a missing, stubbed or failed `crypto.getRandomValues` leaves in the buffer (a
/// working one returns it once in 2^128 draws).
pub fn checked(bytes: [u8; 16]) -> Option<[u8; 16]> {
    if bytes == [0; 16] { None } else { Some(bytes) }
}

/// The idempotency key of one payment attempt: `pk-` and the 16 bytes as 32 lowercase hex digits.
pub fn idempotency_key(bytes: [u8; 16]) -> String {
    let mut key = String::with_capacity(3 + 32);
    key.push_str("pk-");
    key.push_str(&crate::digits::hex(&bytes));
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame_protocol::Channel;

    #[test]
    fn all_zero_bytes_are_refused_and_anything_else_is_kept() {
        assert_eq!(checked([0; 16]), None);
        let mut one_bit = [0; 16];
        one_bit[15] = 1;
        assert_eq!(checked(one_bit), Some(one_bit));
        assert_eq!(checked([0xff; 16]), Some([0xff; 16]));
    }

    #[test]
    fn an_idempotency_key_is_pk_and_32_lowercase_hex_digits_of_the_bytes() {
        let bytes = [
            0x00, 0x01, 0x0f, 0x10, 0x7f, 0x80, 0xab, 0xcd, 0xef, 0xff, 0x12, 0x34, 0x56, 0x78,
            0x9a, 0xbc,
        ];
        assert_eq!(
            idempotency_key(bytes),
            "pk-00010f107f80abcdefff123456789abc"
        );
        // The same digits as the frame channel made from the same bytes.
        assert_eq!(
            idempotency_key(bytes)[3..],
            *Channel::from_bytes(bytes).as_str()
        );
    }

    #[test]
    fn distinct_bytes_give_distinct_keys() {
        let mut keys: Vec<String> = (1..=255u8).map(|b| idempotency_key([b; 16])).collect();
        let mut last = [1u8; 16];
        last[0] = 2;
        keys.push(idempotency_key(last));
        let count = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), count);
    }
}
