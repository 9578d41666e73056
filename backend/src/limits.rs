//! Request-rate limits: each creation of a session, sign-in and payment attempt costs the
//! server an RSA signature and a gateway call, and unlimited card attempts make a checkout a
//! card-testing oracle. Fixed one-minute windows per key (a client address, a session), kept in
//! memory: one backend instance's view, which is what one instance can enforce.

use std::collections::HashMap;
use std::sync::Mutex;

/// How many requests of each kind one key may make per minute, and the cap on payment attempts
/// of one session over its whole life. Configured by `BACKEND_LIMIT_*` (see `backend/README.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct LimitConfig {
    pub sessions_per_ip: u32,
    pub sign_ins_per_ip: u32,
    pub payments_per_ip: u32,
    pub payments_per_session: u32,
    pub attempts_per_session: u32,
}

impl Default for LimitConfig {
    fn default() -> Self {
        Self {
            sessions_per_ip: 60,
            sign_ins_per_ip: 30,
            payments_per_ip: 60,
            payments_per_session: 10,
            attempts_per_session: 20,
        }
    }
}

impl LimitConfig {
    /// How many requests of `what` one key may make per minute.
    pub fn per_minute(&self, what: Counted) -> u32 {
        match what {
            Counted::SessionPerIp => self.sessions_per_ip,
            Counted::SignInPerIp => self.sign_ins_per_ip,
            Counted::PaymentPerIp => self.payments_per_ip,
            Counted::PaymentPerSession => self.payments_per_session,
        }
    }

    /// No limit at all: for a load test from one address, never for shoppers.
    pub fn unlimited() -> Self {
        Self {
            sessions_per_ip: u32::MAX,
            sign_ins_per_ip: u32::MAX,
            payments_per_ip: u32::MAX,
            payments_per_session: u32::MAX,
            attempts_per_session: u32::MAX,
        }
    }
}

/// What a limit counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Counted {
    SessionPerIp,
    SignInPerIp,
    PaymentPerIp,
    PaymentPerSession,
}

const WINDOW_MS: i64 = 60_000;
/// Past this many keys, windows that have ended are dropped.
const PRUNE_AT: usize = 10_000;

#[derive(Default)]
pub struct Limits {
    windows: Mutex<HashMap<(Counted, String), (i64, u32)>>,
}

impl Limits {
    /// Counts one request of `what` by `key` at `now_ms`; `Err(seconds)` when it is over
    /// `max` in this minute, with the seconds until the window ends (for `Retry-After`).
    pub fn hit(&self, what: Counted, key: &str, max: u32, now_ms: i64) -> Result<(), u64> {
        let mut w = crate::support::lock(&self.windows);
        if w.len() >= PRUNE_AT {
            w.retain(|_, (start, _)| now_ms - *start < WINDOW_MS);
        }
        let entry = w.entry((what, key.to_string())).or_insert((now_ms, 0));
        if now_ms - entry.0 >= WINDOW_MS {
            *entry = (now_ms, 0);
        }
        if entry.1 >= max {
            let left = WINDOW_MS - (now_ms - entry.0);
            return Err(((left + 999) / 1000).max(1) as u64);
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_over_its_limit_waits_for_the_next_minute() {
        let l = Limits::default();
        for _ in 0..3 {
            assert_eq!(l.hit(Counted::SessionPerIp, "1.2.3.4", 3, 1_000), Ok(()));
        }
        assert_eq!(l.hit(Counted::SessionPerIp, "1.2.3.4", 3, 11_000), Err(50));
        // Another key and another kind have their own counts.
        assert_eq!(l.hit(Counted::SessionPerIp, "5.6.7.8", 3, 11_000), Ok(()));
        assert_eq!(l.hit(Counted::PaymentPerIp, "1.2.3.4", 3, 11_000), Ok(()));
        assert_eq!(l.hit(Counted::SessionPerIp, "1.2.3.4", 3, 61_000), Ok(()));
    }
}
