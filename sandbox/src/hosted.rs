//! Hosted mode: the gateway's own full-page checkout at a session's `session_url`
//! (`/hp/pay/<session_id>`), built from the same Drop-in as the embedded modes.
//!
//! The page loads the script-tag SDK from this origin (`/sdk/<version>/`, the files of
//! `scripts/build-sdk.sh`, folder `SANDBOX_SDK_DIR`) and mounts the Drop-in with `backendUrl`
//! `/hp`: the SDK's small JSON API is answered here, by the gateway itself, for that one session
//! (the session id, unguessable, is the shopper's only credential; nothing here takes a card
//! number in clear). When the payment succeeds the page sends the shopper to the session's
//! `return_url`, with `session_id` (which the merchant's return page must not trust: it asks
//! its backend).

use std::path::{Component, Path};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use paykka_protocol::decline;
use paykka_protocol::types::{PaymentData, PaymentRequest, TransactionData};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::gateway::{self, GwError};
use crate::{Shared, db, scenario};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/hp/pay/{session_id}", get(page))
        .route("/hp/hosted.js", get(script))
        .route("/hp/api/sessions/{session_id}", get(session))
        .route("/hp/api/sessions/{session_id}/result", get(result))
        .route("/hp/api/payments", post(pay))
        .route("/sdk/{version}/{*file}", get(sdk_file))
}

/// The SDK's error shape: `{ "error": { "code", "message" } }`.
fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        axum::Json(json!({ "error": { "code": code, "message": message } })),
    )
        .into_response()
}

fn json_ok(v: Value) -> Response {
    let mut response = axum::Json(v).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn load_session(st: &Shared, session_id: &str) -> Result<Option<scenario::SessionRec>, GwError> {
    if session_id.len() > 64 {
        return Ok(None);
    }
    st.db
        .with_tx(|tx| db::session_any(tx, session_id).map_err(GwError::from))
}

/// The SDK version the sandbox serves: the newest folder of `SANDBOX_SDK_DIR`.
fn sdk_version(st: &Shared) -> Option<String> {
    let dir = st.sdk_dir.as_ref()?;
    let mut versions: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|v| v.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    versions.sort();
    versions.pop()
}

/// The page's own words ("Back to {merchant}", "Taking you back to {merchant}…") in the
/// shopper's language, from the SDK's locale files: the session's `display_locale`, else the
/// browser's first language, by exact tag then base language; English when none matches.
struct PageWords {
    lang: String,
    rtl: bool,
    back: String,
    returning: String,
}

fn page_words(
    st: &Shared,
    version: &str,
    session_locale: &str,
    accept_language: &str,
    merchant: &str,
) -> PageWords {
    let english = PageWords {
        lang: "en".into(),
        rtl: false,
        back: format!("Back to {merchant}"),
        returning: format!("Taking you back to {merchant}…"),
    };
    let Some(dir) = st.sdk_dir.as_ref().map(|d| d.join(version).join("locales")) else {
        return english;
    };
    let tags: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    let wanted = std::iter::once(session_locale)
        .chain(
            accept_language
                .split(',')
                .map(|part| part.split(';').next().unwrap_or_default()),
        )
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let base = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let mut chosen = None;
    for want in wanted {
        if base(want) == "en" {
            return english;
        }
        chosen = tags
            .iter()
            .find(|t| t.eq_ignore_ascii_case(want))
            .or_else(|| tags.iter().find(|t| base(t) == base(want)));
        if chosen.is_some() {
            break;
        }
    }
    let Some(tag) = chosen else { return english };
    let Ok(ftl) = std::fs::read_to_string(dir.join(tag).join("checkout.ftl")) else {
        return english;
    };
    let message = |id: &str| {
        ftl.lines()
            .find_map(|line| {
                line.strip_prefix(id)?
                    .trim_start()
                    .strip_prefix('=')
                    .map(str::trim)
            })
            .filter(|text| !text.is_empty() && !text.contains('\n'))
            .map(|text| text.replace("{ $merchant }", merchant))
    };
    match (message("merchant-back"), message("merchant-returning")) {
        (Some(back), Some(returning)) => PageWords {
            rtl: matches!(base(tag).as_str(), "ar" | "he"),
            lang: tag.clone(),
            back,
            returning,
        },
        _ => english,
    }
}

async fn page(
    State(st): State<Shared>,
    UrlPath(session_id): UrlPath<String>,
    headers: HeaderMap,
) -> Result<Response, GwError> {
    let Some(s) = load_session(&st, &session_id)? else {
        return Ok(error(
            StatusCode::NOT_FOUND,
            "session_not_found",
            "no such session",
        ));
    };
    let Some(version) = sdk_version(&st) else {
        return Ok(error(
            StatusCode::NOT_FOUND,
            "sdk_not_built",
            "the hosted page needs the SDK bundle: run scripts/build-sdk.sh (SANDBOX_SDK_DIR)",
        ));
    };
    let merchant = st
        .db
        .merchant(&s.merchant_id)
        .ok()
        .flatten()
        .map(|(name, _)| name)
        .unwrap_or_default();
    let back = s.return_url.clone().unwrap_or_default();
    let initial = merchant
        .chars()
        .next()
        .map(|c| c.to_uppercase().to_string())
        .unwrap_or_default();
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let words = page_words(&st, &version, &s.display_locale, accept, &merchant);
    let html = format!(
        r#"<!doctype html>
<html lang="{lang}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pay {merchant}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/hp/hosted.css">
<script src="/sdk/{version}/paykka-checkout.js" defer></script>
<script src="/hp/hosted.js" defer></script>
</head>
<body>
<header class="hp-header">
  <span class="hp-logo" aria-hidden="true">{initial}</span>
  <h1>{merchant}</h1>
  {back_link}
</header>
<main class="hp-main">
  <div id="checkout" data-session-id="{session}" data-return-url="{back}" data-returning="{returning}"></div>
  <p id="hp-status" role="status"></p>
</main>
<footer class="hp-footer">Secure checkout by PayKKa (sandbox)</footer>
</body>
</html>"#,
        merchant = esc(&merchant),
        initial = esc(&initial),
        session = esc(&s.session_id),
        back = esc(&back),
        lang = esc(&words.lang),
        dir = if words.rtl { "rtl" } else { "ltr" },
        returning = esc(&words.returning),
        back_link = if back.is_empty() {
            String::new()
        } else {
            format!(
                r#"<a class="hp-back" href="{}">{}</a>"#,
                esc(&back),
                esc(&words.back)
            )
        },
    );
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    hosted_headers(response.headers_mut());
    Ok(response)
}

fn hosted_headers(h: &mut HeaderMap) {
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; \
             frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

const HOSTED_JS: &str = r#"// The hosted page: the Drop-in for this session, then back to the merchant.
(async function () {
  const target = document.getElementById('checkout');
  const status = document.getElementById('hp-status');
  const back = target.dataset.returnUrl;
  const leave = (payment) => {
    if (!back) return;
    const url = new URL(back);
    url.searchParams.set('session_id', target.dataset.sessionId);
    status.textContent = target.dataset.returning;
    setTimeout(() => location.assign(url.href), 1500);
  };
  try {
    const checkout = await PaykkaCheckout.create({
      sessionId: target.dataset.sessionId,
      backendUrl: '/hp',
      returnUrl: location.origin + location.pathname,
      onPaymentCompleted: leave,
    });
    checkout.mount(target);
  } catch (e) {
    status.textContent = e.message;
  }
})();
"#;

const HOSTED_CSS: &str = r#"* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, sans-serif; color: #1f2937; background: #f3f4f6; }
.hp-header { display: flex; align-items: center; gap: 0.75rem; padding: 1rem 1.5rem; background: #fff; border-block-end: 1px solid #e5e7eb; flex-wrap: wrap; }
.hp-header h1 { margin: 0; font-size: 1.2rem; flex: 1; }
.hp-logo { display: grid; place-items: center; inline-size: 2.2rem; block-size: 2.2rem; border-radius: 50%; color: #fff; background: #1d4ed8; font-weight: 700; }
.hp-back { color: #1d4ed8; }
.hp-main { max-inline-size: 32rem; margin: 2rem auto; padding: 0 1rem; }
#hp-status { font-weight: 600; }
.hp-footer { text-align: center; color: #4b5563; font-size: 0.85rem; padding: 1rem; }
"#;

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        HOSTED_JS,
    )
        .into_response()
}

pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        HOSTED_CSS,
    )
        .into_response()
}

/// The SDK bundle, for the hosted page (plain files of one version folder, nothing else).
async fn sdk_file(
    State(st): State<Shared>,
    UrlPath((version, file)): UrlPath<(String, String)>,
) -> Response {
    let not_found = || error(StatusCode::NOT_FOUND, "not_found", "no such file");
    let Some(dir) = st.sdk_dir.as_ref() else {
        return not_found();
    };
    // Plain names only: no `..`, no absolute path, no hidden file; `locales/<tag>/` the only depth.
    let safe = |p: &str, depth: usize| {
        !p.is_empty()
            && Path::new(p)
                .components()
                .all(|c| matches!(c, Component::Normal(n) if !n.to_string_lossy().starts_with('.')))
            && Path::new(p).components().count() <= depth
    };
    let depth = if file.starts_with("locales/") { 3 } else { 1 };
    if !safe(&version, 1) || !safe(&file, depth) {
        return not_found();
    }
    let content_type = match file.rsplit('.').next() {
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("ts") => "text/plain; charset=utf-8",
        Some("ftl") => "text/plain; charset=utf-8",
        _ => return not_found(),
    };
    let path = dir.join(&version).join(&file);
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.is_file() => {}
        _ => return not_found(),
    }
    match std::fs::read(&path) {
        Ok(bytes) => {
            let mut response = ([(header::CONTENT_TYPE, content_type)], bytes).into_response();
            // The SDK's files are loaded with `integrity` and `crossorigin`: CORS must allow it.
            response.headers_mut().insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
            response.headers_mut().insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            response
        }
        Err(_) => not_found(),
    }
}

/// What the Drop-in shows for a session (the merchant backend's `GET /api/sessions/{id}` shape).
async fn session(
    State(st): State<Shared>,
    UrlPath(session_id): UrlPath<String>,
) -> Result<Response, GwError> {
    let Some(s) = load_session(&st, &session_id)? else {
        return Ok(error(
            StatusCode::NOT_FOUND,
            "session_not_found",
            "no such session",
        ));
    };
    let now = paykka_protocol::time::now_ms();
    let data = s.to_data(&st.base_url, None);
    let merchant = st
        .db
        .merchant(&s.merchant_id)
        .ok()
        .flatten()
        .map(|(name, _)| name);
    let status = match s.effective_status(now) {
        "EXPIRED" => "EXPIRED",
        "PROCESSING" => "PROCESSING",
        _ => "COMPLETED",
    };
    Ok(json_ok(json!({
        "session_id": s.session_id,
        "status": status,
        "amount": s.amount,
        "currency": s.currency,
        "display_locale": (!s.display_locale.is_empty()).then_some(&s.display_locale),
        "expire_time": data.expire_time,
        "session_mode": s.session_mode,
        "merchant_name": merchant,
        "merchant_id": s.merchant_id,
        "payment_methods": data.payment_methods,
        // A hosted page knows no shopper login: saved cards stay with the merchant's checkout.
        "saved_cards": [],
        "store_payment_method": false,
        "can_store_payment_method": false,
        "payment_type": s.payment_type,
        "gateway_origin": st.base_url,
    })))
}

fn result_json(t: &TransactionData) -> Value {
    let failure = (t.status == "FAILURE").then(|| {
        let code = t.error_code.clone().unwrap_or_default();
        json!({ "code": decline::reason(&code), "gateway_code": code, "message": decline::description(&code) })
    });
    json!({
        "status": t.status,
        "session_id": t.session_id,
        "order_id": t.order_id,
        "amount": t.amount,
        "currency": t.currency,
        "payment_method": t.payment.payment_method,
        "action": t.action,
        "failure": failure,
        "card": t.card_info.as_ref().map(|c| json!({ "brand": c.card_brand, "last4": c.last4 })),
    })
}

async fn result(
    State(st): State<Shared>,
    UrlPath(session_id): UrlPath<String>,
) -> Result<Response, GwError> {
    let Some(s) = load_session(&st, &session_id)? else {
        return Ok(error(
            StatusCode::NOT_FOUND,
            "session_not_found",
            "no such session",
        ));
    };
    let latest = st.db.with_tx(|tx| {
        let mut t = db::latest_tx(tx, &s.merchant_id, "session_id", &s.session_id)?;
        if let Some(t) = t.as_mut() {
            gateway::expire_due(&st, tx, t)?;
        }
        Ok::<_, GwError>(t)
    })?;
    Ok(json_ok(match latest {
        Some(t) => result_json(&t.to_data()),
        None if s.effective_status(paykka_protocol::time::now_ms()) == "EXPIRED" => {
            json!({ "status": "EXPIRED", "session_id": s.session_id, "failure": { "code": "session_expired", "message": "the session has expired" } })
        }
        None => json!({ "status": "NONE", "session_id": s.session_id }),
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HostedPayment {
    session_id: String,
    payment_method: String,
    encrypted_card_no: Option<String>,
    encrypted_exp_month: Option<String>,
    encrypted_exp_year: Option<String>,
    encrypted_cvv: Option<String>,
    holder_name: Option<String>,
    wallet_data: Option<Value>,
    // Sent by the SDK, and ignored: a hosted page knows no shopper to store a card for, and the
    // shopper always comes back to this page.
    #[serde(rename = "store_payment_method")]
    _store_payment_method: Option<bool>,
    #[serde(rename = "return_url")]
    _return_url: Option<String>,
}

async fn pay(
    State(st): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, GwError> {
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return Ok(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            "over 64 KiB",
        ));
    };
    let Ok(b) = serde_json::from_slice::<HostedPayment>(&bytes) else {
        return Ok(error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "not a payment this page sends",
        ));
    };
    let Some(key) = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| {
            (8..=128).contains(&k.len())
                && k.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"-_.:".contains(&c))
        })
        .map(str::to_owned)
    else {
        return Ok(error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Idempotency-Key is required",
        ));
    };
    let Some(s) = load_session(&st, &b.session_id)? else {
        return Ok(error(
            StatusCode::NOT_FOUND,
            "session_not_found",
            "no such session",
        ));
    };
    if s.effective_status(paykka_protocol::time::now_ms()) == "EXPIRED" {
        return Ok(error(
            StatusCode::GONE,
            "session_expired",
            "the session has expired",
        ));
    }
    let return_url = format!("{}/hp/pay/{}", st.base_url, s.session_id);
    let request = PaymentRequest {
        merchant_id: s.merchant_id.clone(),
        timestamp: Some(paykka_protocol::time::now_ms()),
        session_id: Some(s.session_id.clone()),
        return_url: Some(return_url),
        payment: PaymentData {
            payment_method: b.payment_method,
            encrypted_card_no: b.encrypted_card_no,
            encrypted_exp_month: b.encrypted_exp_month,
            encrypted_exp_year: b.encrypted_exp_year,
            encrypted_cvv: b.encrypted_cvv,
            holder_name: b.holder_name,
            wallet_data: b.wallet_data,
            ..Default::default()
        },
        ..Default::default()
    };
    match gateway::initiate_for_browser(&st, &s.merchant_id, &request, &key) {
        Ok(t) => Ok(json_ok(result_json(&t))),
        Err(e) => Ok(e.for_browser()),
    }
}
