//! Token Query, Token Remove and Recurring Cancel: a shopper's stored cards.

use super::auth::Signed;
use super::error::{GwError, ok, ok_empty};
use crate::db;
use crate::records::TokenRec;
use crate::state::Shared;
use axum::extract::State;
use axum::response::Response;
use paykka_protocol::ret;
use paykka_protocol::types::{
    RecurringCancelRequest, TokenInfo, TokenQueryRequest, TokenRemoveRequest,
};

fn token_info(t: TokenRec) -> TokenInfo {
    TokenInfo {
        token: t.token,
        token_usage: t.token_usage,
        payment_method: t.payment_method,
        status: t.status,
        shopper_reference: Some(t.shopper_reference),
        card_info: Some(t.card),
        recurring_agreement_id: t.recurring_agreement_id,
    }
}

pub(super) async fn token_query(
    State(st): State<Shared>,
    Signed { mid, req: r, .. }: Signed<TokenQueryRequest>,
) -> Result<Response, GwError> {
    if r.shopper_reference.trim().is_empty() {
        return Err(GwError::biz(
            ret::MISSING_PARAMETER,
            "shopper_reference is required",
        ));
    }
    let list = st
        .db
        .with_tx(|tx| db::tokens_of(tx, &mid, &r.shopper_reference).map_err(GwError::from))?;
    ok(list
        .into_iter()
        .filter(|t| t.status == "ACTIVATE")
        .map(token_info)
        .collect::<Vec<_>>())
}

pub(super) async fn token_remove(
    State(st): State<Shared>,
    Signed { mid, req: r, .. }: Signed<TokenRemoveRequest>,
) -> Result<Response, GwError> {
    st.db.with_tx(|tx| {
        let t = db::token(tx, &mid, &r.token)?
            .filter(|t| t.shopper_reference == r.shopper_reference)
            .ok_or_else(|| {
                GwError::biz(
                    ret::TOKEN_NOT_FOUND,
                    "the token doesn't exist for this shopper_reference",
                )
            })?;
        db::delete_token(tx, &t.token)?;
        Ok::<(), GwError>(())
    })?;
    ok_empty()
}

pub(super) async fn recurring_cancel(
    State(st): State<Shared>,
    Signed { mid, req: r, .. }: Signed<RecurringCancelRequest>,
) -> Result<Response, GwError> {
    st.db.with_tx(|tx| {
        let mut t = db::token_by_agreement(tx, &mid, &r.recurring_agreement_id)?
            .filter(|t| t.shopper_reference == r.shopper_reference && t.status == "ACTIVATE")
            .ok_or_else(|| {
                GwError::biz(
                    ret::RECURRING_NOT_FOUND,
                    "the recurring agreement doesn't exist for this shopper_reference",
                )
            })?;
        t.status = "INACTIVE".into();
        db::update_token(tx, &t)?;
        Ok::<(), GwError>(())
    })?;
    ok_empty()
}
