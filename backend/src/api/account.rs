//! The demo sign-in (`/api/account...`): a shopper picks a demo account, the backend keeps the
//! login and hands the browser an opaque HttpOnly cookie. And `POST /api/server/logins`, the
//! merchant server's door to the same logins (tests sign a browser in through it).

use super::error::{ApiError, internal};
use super::guard::{ServerOnly, client_ip, limit};
use super::reply::json_ok;
use super::request::{Body, JsonBody, check_ref, parse, read_body};
use crate::accounts::{self, DEMO_ACCOUNTS, signed_in_shopper};
use crate::limits::Counted;
use crate::state::Shared;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SignInBody {
    account: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ServerSignInBody {
    shopper_reference: String,
}

/// Who is signed in, and the demo accounts to pick from.
pub(super) async fn account(State(st): State<Shared>, headers: HeaderMap) -> Response {
    let me = signed_in_shopper(&st, &headers).await;
    let account = DEMO_ACCOUNTS
        .iter()
        .find(|a| Some(a.shopper_reference) == me.as_deref());
    json_ok(&json!({
        "signed_in": me.is_some(),
        "account": account.map(|a| json!({ "id": a.id, "name": a.name })),
        "accounts": DEMO_ACCOUNTS.iter().map(|a| json!({ "id": a.id, "name": a.name })).collect::<Vec<_>>(),
    }))
}

pub(super) async fn sign_in(
    State(st): State<Shared>,
    addr: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    limit(&st, Counted::SignInPerIp, &client_ip(&addr)).await?;
    let b: SignInBody = parse(&read_body(body)?)?;
    let account = DEMO_ACCOUNTS
        .iter()
        .find(|a| a.id == b.account)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unknown_account",
                "no such demo account",
            )
        })?;
    // A new login replaces the one this browser had.
    accounts::sign_out(&st, &headers).await;
    let token = accounts::sign_in(&st, account.shopper_reference)
        .await
        .ok_or_else(internal)?;
    Ok(with_cookie(
        json_ok(
            &json!({ "signed_in": true, "account": { "id": account.id, "name": account.name } }),
        ),
        &accounts::set_cookie(&st, Some(&token)),
    ))
}

pub(super) async fn sign_out(State(st): State<Shared>, headers: HeaderMap) -> Response {
    accounts::sign_out(&st, &headers).await;
    with_cookie(
        json_ok(&json!({ "signed_in": false })),
        &accounts::set_cookie(&st, None),
    )
}

/// A login for any shopper, for the merchant's own server (a single sign-on hand-over) and
/// for the tests: behind the server secret. Answers the cookie to set.
pub(super) async fn server_sign_in(
    State(st): State<Shared>,
    _: ServerOnly,
    JsonBody(b): JsonBody<ServerSignInBody>,
) -> Result<Response, ApiError> {
    check_ref("shopper_reference", &b.shopper_reference)?;
    let token = accounts::sign_in(&st, &b.shopper_reference)
        .await
        .ok_or_else(internal)?;
    Ok(json_ok(
        &json!({ "cookie": { "name": accounts::LOGIN_COOKIE, "value": token } }),
    ))
}

fn with_cookie(mut r: Response, cookie: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}
