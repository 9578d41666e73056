//! Request-rate limits: each creation of a session, sign-in and payment attempt costs the
//! server an RSA signature and a gateway call, and unlimited card attempts make a checkout a
//! card-testing oracle. Fixed one-minute windows per key (a client address, a session), counted
//! in the database (`Store::hit_limit`), so that every instance on one database shares them.

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

impl Counted {
    /// Its name in the database's `rate_limits.kind`.
    pub fn name(self) -> &'static str {
        match self {
            Counted::SessionPerIp => "session_per_ip",
            Counted::SignInPerIp => "sign_in_per_ip",
            Counted::PaymentPerIp => "payment_per_ip",
            Counted::PaymentPerSession => "payment_per_session",
        }
    }
}
