//! The signed gateway API (`/payments...`, `/v3/payment/acq/...`), plus `/health`, `/card-key`
//! and the demo portal. One module per resource; the modules below them read requests
//! (`auth`, `validate`, `card_data`) and write answers (`error`), and none of them reads this
//! one: it only wires the routes.

mod auth;
mod card_data;
mod error;
mod modifications;
mod payments;
mod portal;
mod process;
mod sessions;
mod tokens;
mod validate;
mod wallets;

pub use auth::sign_answers;
pub use error::{GwError, not_found};
pub use payments::initiate_for_browser;

use crate::state::Shared;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use paykka_protocol::api::{ApiVersion, Operation};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/health", get(health))
        .route("/card-key", get(card_key))
        .merge(portal::routes())
        .merge(api_routes(ApiVersion::V3))
        .merge(api_routes(ApiVersion::V1_2))
}

/// The signed API of one generation: each operation at its path.
fn api_routes(version: ApiVersion) -> Router<Shared> {
    Operation::ALL.iter().fold(Router::new(), |r, &op| {
        let handler = match op {
            Operation::CreateSession => post(sessions::create_session),
            Operation::QuerySession => post(sessions::query_session),
            Operation::Payment => post(payments::payments),
            Operation::Query => post(payments::query_transaction),
            Operation::Capture => post(modifications::capture),
            Operation::Void => post(modifications::void),
            Operation::Refund => post(modifications::refund),
            Operation::RefundQuery => post(modifications::refund_query),
            Operation::TokenQuery => post(tokens::token_query),
            Operation::TokenRemove => post(tokens::token_remove),
            Operation::RecurringCancel => post(tokens::recurring_cancel),
            Operation::ApplePaySession => post(wallets::apple_pay_session),
        };
        r.route(version.path(op), handler)
    })
}

async fn health() -> impl IntoResponse {
    error::raw_json(StatusCode::OK, r#"{"status":"ok"}"#.into())
}

async fn card_key(State(st): State<Shared>) -> Response {
    let mut r = error::json_response(StatusCode::OK, &st.card_key().public_json());
    r.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    r
}
