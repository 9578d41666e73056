//! Who may ask what: the merchant's server only with its secret, a shopper only about a session
//! of ours and only for their own cards, every client within its rate limits, and shoppers sent
//! back only to the shop's own origins.

use super::error::ApiError;
use crate::accounts::signed_in_shopper;
use crate::limits::Counted;
use crate::state::{AppState, Shared};
use crate::store::{DbResult, Order};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use paykka_protocol::time::now_ms;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;

/// The merchant's own server, let through by [`server_only`]: an extractor, so the secret is
/// checked before the body is read (put it before the body among a handler's arguments).
pub(super) struct ServerOnly;

impl FromRequestParts<Shared> for ServerOnly {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, st: &Shared) -> Result<Self, ApiError> {
        server_only(st, &parts.headers).map(|()| ServerOnly)
    }
}

/// Lets only the merchant's own server through: `Authorization: Bearer <server secret>`,
/// compared in constant time (of digests, so the length does not leak either).
fn server_only(st: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    use subtle::ConstantTimeEq;
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let ok: bool = Sha256::digest(given.as_bytes())
        .ct_eq(&Sha256::digest(st.server_secret.as_bytes()))
        .into();
    if given.is_empty() || !ok {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this endpoint is for the merchant's server: Authorization: Bearer <BACKEND_SERVER_SECRET>",
        ));
    }
    Ok(())
}

/// A client's address, for the per-address limits.
pub(super) fn client_ip(addr: &ConnectInfo<SocketAddr>) -> String {
    addr.0.ip().to_string()
}

/// A 429 with the seconds to wait.
pub(super) fn too_many(retry_after: u64) -> ApiError {
    ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
        format!("too many requests; try again in {retry_after} s"),
    )
    .retry_after(retry_after)
}

/// Counts one request of `what` by `key` against its per-minute limit: a 429 past it. The
/// count is the database's, shared by every instance. No limit (a load test's) costs nothing.
pub(super) async fn limit(st: &AppState, what: Counted, key: &str) -> Result<(), ApiError> {
    let max = st.cfg.limits.per_minute(what);
    if max == u32::MAX {
        return Ok(());
    }
    match st.store.hit_limit(what.name(), key, max, now_ms()).await? {
        Some(wait) => Err(too_many(wait)),
        None => Ok(()),
    }
}

/// `url` if it is an absolute http(s) URL on exactly an allowed origin (scheme, host and
/// port), without userinfo or control characters; its normalised form. Compared as parsed
/// origins, never as string prefixes (`https://shop.example.com.evil.tld/` and
/// `https://shop.example.com@evil.tld/` are other hosts).
pub(super) fn allowed_return_url(st: &AppState, url: &str) -> Option<String> {
    // The URL parser would silently drop tabs and newlines: refuse them, and every control.
    if url.len() > 2048 || url.chars().any(|c| c.is_control()) {
        return None;
    }
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https")
        || !parsed.username().is_empty()
        || parsed.password().is_some()
    {
        return None;
    }
    let origin = parsed.origin();
    let allowed = st
        .cfg
        .allowed_origins
        .iter()
        .map(String::as_str)
        .chain([st.cfg.return_url.as_str()])
        .filter_map(|o| url::Url::parse(o).ok())
        .any(|o| o.origin() == origin);
    allowed.then(|| parsed.to_string())
}

/// The session's shopper, if that shopper is the one signed in on this request: saved cards
/// are listed, used, saved and removed only then. A session id alone (which a shopper may
/// share, or leave in a link) gives nobody else's cards.
pub(super) async fn session_shopper(
    st: &AppState,
    order: &Order,
    headers: &HeaderMap,
) -> Option<String> {
    let session_shopper = order.shopper_reference.as_deref()?;
    let signed_in = signed_in_shopper(st, headers).await?;
    (signed_in == session_shopper).then_some(signed_in)
}

/// What `find` finds by `id`, else a 404 `code`, "no such `what`" (an id over 64 characters,
/// none of ours, is not looked up).
async fn ours<T, F: Future<Output = DbResult<Option<T>>>>(
    id: &str,
    code: &'static str,
    what: &str,
    find: impl FnOnce() -> F,
) -> Result<T, ApiError> {
    let not_found = || ApiError::new(StatusCode::NOT_FOUND, code, format!("no such {what}"));
    if id.len() > 64 {
        return Err(not_found());
    }
    find().await?.ok_or_else(not_found)
}

/// One of our sessions, by its id.
pub(super) async fn our_order(st: &AppState, session_id: &str) -> Result<Order, ApiError> {
    ours(session_id, "session_not_found", "session", || {
        st.store.order(session_id)
    })
    .await
}

/// The session of a payment `order_id` made through this backend.
pub(super) async fn payment_session(st: &AppState, order_id: &str) -> Result<String, ApiError> {
    ours(order_id, "payment_not_found", "payment", || {
        st.store.payment_session(order_id)
    })
    .await
}

/// The payment `order_id` of one of our sessions, and that session's order.
pub(super) async fn our_payment(st: &AppState, order_id: &str) -> Result<Order, ApiError> {
    our_order(st, &payment_session(st, order_id).await?).await
}
