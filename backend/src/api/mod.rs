//! The JSON API under `/api/` that the checkout SDK speaks, and the gateway webhook: one
//! module per resource. Errors are `{ "error": { "code": "snake_case", "message": "..." } }`
//! (`error`).
//!
//! What several handlers share sits in modules of its own below them, and no submodule
//! imports from this file, so the arrows only point down: the handlers (`sessions`,
//! `server_sessions` through `sessions`, `payments`, `after_payment`, ...) use `results` and
//! `saved_cards`, which use `second_charges`, `guard`, `request` and `upstream`, which use
//! `error`, which uses `reply`.

mod account;
mod after_payment;
mod apple_pay;
mod error;
#[doc(hidden)]
pub mod fuzzing;
mod guard;
mod order_lock;
mod payments;
mod reply;
mod request;
mod results;
mod saved_cards;
mod second_charges;
mod server_sessions;
mod sessions;
mod upstream;
mod webhooks;

pub use request::MAX_BODY_BYTES;
pub(crate) use second_charges::reverse_second_charges;
pub(crate) use upstream::register_with_sandbox;

use crate::state::Shared;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{delete, get, post};
use error::ApiError;
use reply::json_ok;
use serde_json::json;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/health", get(health))
        .route("/api/sessions", post(sessions::browser_create_session))
        .route(
            "/api/server/sessions",
            post(server_sessions::server_create_session),
        )
        .route("/api/server/logins", post(account::server_sign_in))
        .merge(after_payment::routes())
        .route("/api/account", get(account::account))
        .route("/api/account/sign-in", post(account::sign_in))
        .route("/api/account/sign-out", post(account::sign_out))
        .route("/api/sessions/{session_id}", get(sessions::get_session))
        .route(
            "/api/sessions/{session_id}/result",
            get(results::session_result),
        )
        .route("/api/payments", post(payments::submit_payment))
        .route("/api/payments/{order_id}", get(results::payment_status))
        .route(
            "/api/saved-cards/{token}",
            delete(saved_cards::remove_saved_card),
        )
        .route("/api/apple-pay/session", post(apple_pay::apple_pay_session))
        .route("/api/webhooks/paykka", post(webhooks::webhook))
}

pub async fn not_found() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::NOT_FOUND,
        "not_found",
        "no such endpoint",
    )
}

/// Up, which generation of PayKKa's API it speaks, and on which database engine. Not the
/// database's health: every instance shares the database, so a balancer taking them all out
/// when it is down would not help (requests answer 503 `database_unavailable` meanwhile).
async fn health(State(st): State<Shared>) -> Response {
    json_ok(
        &json!({ "status": "ok", "gateway_api": st.gateway.version().as_str(), "database": st.store.engine() }),
    )
}
