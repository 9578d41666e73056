//! A signed-in shopper's saved cards: listed with the session (see `sessions::get_session`),
//! and removed by `DELETE /api/saved-cards/{token}`. Only ever the cards of the session's
//! shopper, and only while that shopper is the one signed in.

use super::error::{ApiError, gateway_refusal};
use super::guard::{our_order, session_shopper};
use super::reply::json_ok;
use super::request::check_ref;
use super::upstream::{gw_call, gw_data};
use crate::state::{AppState, Shared};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use paykka_protocol::Operation;
use paykka_protocol::types::{ApiResponse, TokenInfo};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

#[derive(Serialize)]
pub(super) struct SavedCard {
    token: String,
    brand: String,
    last4: String,
    exp_month: Option<String>,
    exp_year: Option<String>,
    holder_name: Option<String>,
    token_usage: String,
}

/// The gateway's stored cards of `shopper`, whatever their use; none when the gateway refuses
/// to list them.
pub(super) async fn shopper_tokens(
    st: &AppState,
    shopper: &str,
) -> Result<Vec<TokenInfo>, ApiError> {
    let req = json!({ "shopper_reference": shopper });
    Ok(gw_data(gw_call(st, Operation::TokenQuery, &req, None).await?).unwrap_or_default())
}

/// The cards `shopper` may pay with again: active bank cards, not a subscription's.
pub(super) async fn saved_cards(st: &AppState, shopper: &str) -> Result<Vec<SavedCard>, ApiError> {
    Ok(shopper_tokens(st, shopper)
        .await?
        .into_iter()
        .filter(|t| {
            t.status == "ACTIVATE"
                && t.payment_method.eq_ignore_ascii_case("BANKCARD")
                && t.token_usage != "SUBSCRIPTION"
        })
        .map(|t| {
            let c = t.card_info.unwrap_or_default();
            SavedCard {
                token: t.token,
                brand: c.card_brand,
                last4: c.last4,
                exp_month: c.exp_month,
                exp_year: c.exp_year,
                holder_name: c.holder_name,
                token_usage: t.token_usage,
            }
        })
        .collect())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RemoveQuery {
    session_id: Option<String>,
    shopper_reference: Option<String>,
}

/// Removes a saved card of the shopper of `session_id`, who must be the one signed in (see
/// [`session_shopper`]); never one named by the browser (a `shopper_reference` parameter, if
/// sent, must be that one).
pub(super) async fn remove_saved_card(
    State(st): State<Shared>,
    Path(token): Path<String>,
    headers: HeaderMap,
    q: Result<Query<RemoveQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = q.map_err(|e| ApiError::bad("invalid_request", e.body_text()))?;
    let sid = q
        .session_id
        .ok_or_else(|| ApiError::bad("invalid_request", "session_id is required"))?;
    let not_found = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "saved_card_not_found",
            "no such saved card for this shopper",
        )
    };
    let order = our_order(&st, &sid).await?;
    let shopper = session_shopper(&st, &order, &headers)
        .await
        .ok_or_else(not_found)?;
    if q.shopper_reference.is_some_and(|r| r != shopper) {
        return Err(not_found());
    }
    check_ref("shopper_reference", &shopper)?;
    check_ref("token", &token)?;
    let r: ApiResponse<Value> = gw_call(
        &st,
        Operation::TokenRemove,
        &json!({ "token": token, "shopper_reference": shopper }),
        None,
    )
    .await?;
    if !r.is_success() {
        return Err(gateway_refusal(&r));
    }
    Ok(json_ok(&json!({ "removed": true, "token": token })))
}
