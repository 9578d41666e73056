//! Shopper-facing pages of the sandbox: the 3DS challenge, the QR / wallet approval page and a
//! placeholder hosted page. They take no card data: a card number typed into them is refused.

use crate::db;
use crate::gateway::GwError;
use crate::html::escape;
use crate::lifecycle::{self, Outcome};
use crate::records::{Pending, TxRec};
use crate::state::Shared;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use paykka_protocol::{card, decline, ret};
use serde::Deserialize;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/3ds/challenge/{order_id}",
            get(challenge_page).post(challenge_submit),
        )
        .route(
            "/approve/{order_id}",
            get(approve_page).post(approve_submit),
        )
}

fn page(title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>{t}</title><style>body{{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}}\
.box{{border:1px solid #ccc;border-radius:8px;padding:1.5rem}}button{{font-size:1rem;padding:.5rem 1rem;margin:.25rem .25rem 0 0}}\
input{{font-size:1rem;padding:.4rem}}code{{word-break:break-all}}.hint{{color:#555;font-size:.9rem}}</style></head>\
<body><div class=\"box\"><p class=\"hint\">PayKKa sandbox</p><h1>{t}</h1>{body}</div></body></html>",
        t = escape(title)
    );
    let mut r = Html(html).into_response();
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    r.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors *"),
    );
    r
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        page("Not found", "<p>This payment doesn't exist.</p>"),
    )
        .into_response()
}

fn load(st: &Shared, order_id: &str) -> Result<Option<TxRec>, GwError> {
    st.db
        .with_tx(|tx| db::tx_by_order(tx, order_id).map_err(GwError::from))
}

fn amount_text(t: &TxRec) -> String {
    let e = paykka_protocol::money::exponent(&t.currency).unwrap_or(2);
    if e == 0 {
        format!("{} {}", t.amount, t.currency)
    } else {
        let d = 10i64.pow(e);
        format!(
            "{}.{:0w$} {}",
            t.amount / d,
            t.amount % d,
            t.currency,
            w = e as usize
        )
    }
}

/// After a final state: back to the merchant's return_url (with ids only; the merchant must
/// query the result server-side), or a result page.
fn finish(t: &TxRec, redirect: bool) -> Response {
    if redirect && let Some(url) = &t.return_url {
        let sep = if url.contains('?') { '&' } else { '?' };
        let sid = t.session_id.as_deref().unwrap_or("");
        return Redirect::to(&format!(
            "{url}{sep}session_id={sid}&order_id={}",
            t.order_id
        ))
        .into_response();
    }
    let msg = match t.status.as_str() {
        "SUCCESS" | "AUTHORIZED" => "Payment approved. You can return to the merchant.".to_string(),
        "PROCESSING" => "Payment is still processing.".to_string(),
        _ => format!(
            "Payment not completed: {}.",
            decline::description(t.error_code.as_deref().unwrap_or(""))
        ),
    };
    page(
        &format!("Payment {}", t.status.to_lowercase()),
        &format!("<p>{}</p>", escape(&msg)),
    )
}

async fn challenge_page(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
) -> Result<Response, GwError> {
    let Some(t) = load(&st, &order_id)? else {
        return Ok(not_found());
    };
    if !matches!(t.pending, Some(Pending::Challenge { .. })) || t.status != "PROCESSING" {
        return Ok(finish(&t, true));
    }
    let card = t
        .card
        .as_ref()
        .map(|c| format!("{} •••• {}", c.card_brand, c.last4))
        .unwrap_or_default();
    Ok(page(
        "Verify your payment",
        &format!(
            "<p>Pay <strong>{}</strong> with {}.</p><form method=\"post\"><label for=\"code\">Code sent to your phone</label><br>\
<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"8\" autofocus required> \
<button type=\"submit\">Verify</button></form><p class=\"hint\">Sandbox: code 1234 passes, any other code fails.</p>",
            escape(&amount_text(&t)),
            escape(&card)
        ),
    ))
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
}

async fn challenge_submit(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
    Form(f): Form<CodeForm>,
) -> Result<Response, GwError> {
    if card::looks_like_pan(&f.code) {
        return Err(GwError::new(
            StatusCode::BAD_REQUEST,
            ret::CLEAR_CARD_REFUSED,
            "card numbers are not accepted here",
        ));
    }
    match load(&st, &order_id)? {
        Some(t) if matches!(t.pending, Some(Pending::Challenge { .. })) => {}
        Some(t) => return Ok(finish(&t, true)),
        None => return Ok(not_found()),
    }
    let t =
        lifecycle::complete_pending(&st, &order_id, |p| lifecycle::challenge_outcome(p, &f.code))?;
    Ok(t.map(|t| finish(&t, true)).unwrap_or_else(not_found))
}

async fn approve_page(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
) -> Result<Response, GwError> {
    let Some(t) = load(&st, &order_id)? else {
        return Ok(not_found());
    };
    if t.pending != Some(Pending::Approval) || t.status != "PROCESSING" {
        return Ok(finish(
            &t,
            t.action.as_ref().is_some_and(|a| a.kind == "redirect"),
        ));
    }
    let expires = t
        .action
        .as_ref()
        .and_then(|a| a.expires_at.clone())
        .unwrap_or_default();
    Ok(page(
        &format!("{} payment", t.payment_method),
        &format!(
            "<p>Approve <strong>{}</strong> in the {} sandbox app.</p><p class=\"hint\">Expires {}</p>\
<form method=\"post\"><button name=\"decision\" value=\"approve\">Approve</button>\
<button name=\"decision\" value=\"decline\">Decline</button>\
<button name=\"decision\" value=\"expire\">Let it expire</button></form>",
            escape(&amount_text(&t)),
            escape(&t.payment_method),
            escape(&expires)
        ),
    ))
}

#[derive(Deserialize)]
struct DecisionForm {
    decision: String,
}

async fn approve_submit(
    State(st): State<Shared>,
    Path(order_id): Path<String>,
    Form(f): Form<DecisionForm>,
) -> Result<Response, GwError> {
    let outcome = match f.decision.as_str() {
        "approve" => Outcome::Approve,
        "decline" => Outcome::Fail(decline::DECLINED),
        "expire" => Outcome::Fail(decline::PAYMENT_EXPIRED),
        _ => {
            return Err(GwError::new(
                StatusCode::BAD_REQUEST,
                ret::INVALID_REQUEST,
                "decision must be approve, decline or expire",
            ));
        }
    };
    match load(&st, &order_id)? {
        Some(t) if t.pending == Some(Pending::Approval) => {}
        Some(t) => return Ok(finish(&t, false)),
        None => return Ok(not_found()),
    }
    let t = lifecycle::complete_pending(&st, &order_id, |_| outcome)?;
    Ok(t.map(|t| {
        let redirect = t.action.as_ref().is_some_and(|a| a.kind == "redirect");
        finish(&t, redirect)
    })
    .unwrap_or_else(not_found))
}
