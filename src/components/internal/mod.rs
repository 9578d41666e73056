//! Pieces shared by every component: the mount root with its live region, field ids, the clock.

mod brand_badge;
pub mod browser;
mod mount_watch;
mod scope;

pub use brand_badge::{BRAND_BADGE_CLASS, BrandBadge};
pub use mount_watch::mount_watch;
pub use scope::CheckoutScope;

use std::sync::atomic::{AtomicU32, Ordering};

use paykka_core::YearMonth;

/// A document-unique id for `label for=` / `aria-describedby`, e.g. `pk3-number`.
///
/// Unique per mount so that two checkouts (or a Drop-in and a component) can share a page.
pub fn unique_id_prefix() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("pk{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// 16 bytes from the browser's CSPRNG (frame channels, idempotency keys), or `None` when
/// `crypto.getRandomValues` is missing, throws, or leaves the buffer untouched. Never a
/// fallback: every caller refuses to pay without them ([`CheckoutError::RandomnessUnavailable`]).
///
/// [`CheckoutError::RandomnessUnavailable`]: paykka_core::CheckoutError::RandomnessUnavailable
pub fn random_bytes() -> Option<[u8; 16]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    paykka_core::random::checked(bytes)
}

/// A fresh idempotency key for one payment attempt (`pk-` and 128 random bits in hex), or
/// `None` when the browser cannot draw random bytes.
pub fn new_idempotency_key() -> Option<String> {
    random_bytes().map(paykka_core::random::idempotency_key)
}

/// The current month by the shopper's clock: expiry dates are judged as the shopper sees them.
pub fn current_month() -> YearMonth {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        YearMonth::new(now.get_full_year() as u16, now.get_month() as u8 + 1)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        // Civil-from-days (Howard Hinnant), good enough for "which month is it".
        let z = days as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        YearMonth::new(year as u16, month as u8)
    }
}
