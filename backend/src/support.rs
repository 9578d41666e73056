//! What every layer of the backend leans on and that depends on nothing of it: the system's
//! random source, merchant references, a mutex that outlives a panic, and request values quoted
//! for error messages. Kept at the bottom of the module graph so that no module needs the
//! crate root (which starts everything) to reach them.

use paykka_protocol::time::now_ms;

/// The system's random source failed: nothing that needs an unguessable value may go on.
#[derive(Debug)]
pub struct RandomUnavailable;

/// `N` bytes from the operating system's random source, or an error (never zeros).
pub fn random_bytes<const N: usize>() -> Result<[u8; N], RandomUnavailable> {
    use paykka_protocol::rsa::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; N];
    OsRng
        .try_fill_bytes(&mut bytes)
        .map_err(|_| RandomUnavailable)?;
    Ok(bytes)
}

/// A new merchant reference (a session's `trans_id`, a refund's or a subscription charge's
/// reference): a letter, the time and 12 random digits. With 4 digits, two sessions created in
/// the same millisecond shared a trans_id once in 10^4 and the second got 409 duplicate_order
/// (the load test met it at ~110 sessions/s).
pub fn new_reference(prefix: &str) -> Result<String, RandomUnavailable> {
    let random = random_bytes::<8>()?;
    Ok(format!(
        "{prefix}{}{:012}",
        now_ms(),
        u64::from_le_bytes(random) % 1_000_000_000_000
    ))
}

/// A value from a request, quoted and cut short, for an error message.
pub fn quote(s: &str) -> String {
    let short: String = s.chars().take(40).collect();
    serde_json::to_string(&short).unwrap_or_default()
}

/// Locks `m` even if a thread panicked while holding it: nothing behind these mutexes is left
/// half-written by a panic (SQLite rolls an unfinished transaction back; a rate-limit window is
/// at worst off by one), so one failed request must not fail every later one.
pub fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
