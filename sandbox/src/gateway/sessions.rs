//! Create Session and Query Session: a session is one order's terms (amount, methods, what to
//! do with the card), payable once, until it expires.

use super::auth::Signed;
use super::error::{GwError, ok};
use super::validate::{
    AUTH_TYPES, CAPTURE_METHODS, Keep, PAYMENT_TYPES, SESSION_MODES, check_enum, check_id,
    check_money, check_url, none_if_empty,
};
use crate::db;
use crate::ids::new_session_id;
use crate::records::SessionRec;
use crate::scenario;
use crate::state::Shared;
use axum::extract::State;
use axum::response::Response;
use paykka_protocol::ret;
use paykka_protocol::time::{now_ms, parse_rfc3339};
use paykka_protocol::types::{CreateSessionRequest, QuerySessionRequest};

pub(super) async fn create_session(
    State(st): State<Shared>,
    Signed { mid, req: r, .. }: Signed<CreateSessionRequest>,
) -> Result<Response, GwError> {
    check_id("trans_id", &r.trans_id)?;
    check_money(&r.currency, r.amount)?;
    check_url("return_url", &r.return_url)?;
    check_url("notify_url", &r.notify_url)?;
    let terms = Terms::read(&r)?;
    let now = now_ms();
    let expire_at = expire_at(&r.expire_time, now)?;
    let (keep, shopper) = card_to_keep(&r, &terms.payment_type)?;
    let methods = allowed_methods(&r.allowed_payment_methods)?;
    let locale = display_locale(&r.display_locale)?;
    let s = SessionRec {
        session_id: new_session_id(),
        merchant_id: mid.clone(),
        trans_id: r.trans_id.clone(),
        session_mode: terms.session_mode,
        status: "PROCESSING".into(),
        currency: r.currency.clone(),
        amount: r.amount,
        expire_at,
        created_at: now,
        authorisation_type: terms.authorisation_type,
        capture_method: terms.capture_method,
        payment_type: terms.payment_type,
        display_locale: locale.to_string(),
        return_url: none_if_empty(&r.return_url).map(str::to_string),
        notify_url: none_if_empty(&r.notify_url).map(str::to_string),
        shopper_reference: shopper,
        store_payment_method: keep.store,
        token_usage: keep.token_usage,
        payment_methods: methods,
        mit: r.mit.unwrap_or(false),
        details: serde_json::json!({ "goods": r.goods, "bill": r.bill, "shipping": r.shipping,
            "customer": r.customer, "cancel_url": r.cancel_url }),
    };
    st.db.with_tx(|tx| {
        if db::session_by_trans(tx, &mid, &s.trans_id)?.is_some()
            || db::latest_tx(tx, &mid, "trans_id", &s.trans_id)?.is_some()
        {
            return Err(GwError::biz(
                ret::DUPLICATE_TRANS_ID,
                "trans_id already used: one trans_id is one session",
            ));
        }
        db::insert_session(tx, &s)?;
        Ok(())
    })?;
    ok(s.to_data(&st.base_url, None))
}

/// A session's enumerated terms, each one of its allowed values or its default.
struct Terms {
    payment_type: String,
    authorisation_type: String,
    capture_method: String,
    session_mode: String,
}

impl Terms {
    fn read(r: &CreateSessionRequest) -> Result<Self, GwError> {
        Ok(Self {
            payment_type: check_enum("payment_type", &r.payment_type, PAYMENT_TYPES, "PURCHASE")?,
            authorisation_type: check_enum(
                "authorisation_type",
                &r.authorisation_type,
                AUTH_TYPES,
                "FINAL_AUTH",
            )?,
            capture_method: check_enum(
                "capture_method",
                &r.capture_method,
                CAPTURE_METHODS,
                "AUTOMATIC",
            )?,
            session_mode: check_enum("session_mode", &r.session_mode, SESSION_MODES, "HOSTED")?,
        })
    }
}

/// When the session expires: `expire_time` (RFC 3339, at most 24 hours away), else in an hour.
fn expire_at(expire_time: &Option<String>, now: i64) -> Result<i64, GwError> {
    let Some(s) = none_if_empty(expire_time) else {
        return Ok(now + 60 * 60 * 1000);
    };
    let t = parse_rfc3339(s).ok_or_else(|| {
        GwError::biz(
            ret::INVALID_REQUEST,
            "expire_time must be RFC 3339, e.g. 2025-05-05T17:17:24+08:00",
        )
    })?;
    if t <= now || t > now + 24 * 3600 * 1000 + 60_000 {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            "expire_time must be in the future and at most 24 hours away",
        ));
    }
    Ok(t)
}

/// Whether the card paid with is kept, and the shopper it is kept for: a recurring session
/// always keeps it, and keeping needs a shopper and a use.
fn card_to_keep(
    r: &CreateSessionRequest,
    payment_type: &str,
) -> Result<(Keep, Option<String>), GwError> {
    let p = r.payment.clone().unwrap_or_default();
    let mut keep = Keep::asked(p.store_payment_method, &p.token_usage);
    if payment_type == "RECURRING" {
        keep.recurring();
    }
    keep.check_usage()?;
    let shopper = none_if_empty(&p.shopper_reference).map(str::to_string);
    if let Some(s) = &shopper
        && s.len() > 64
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            "shopper_reference is at most 64 characters",
        ));
    }
    if keep.store && (shopper.is_none() || keep.token_usage.is_none()) {
        return Err(GwError::biz(
            ret::SHOPPER_REFERENCE_EMPTY,
            "store_payment_method needs payment.shopper_reference and payment.token_usage",
        ));
    }
    Ok((keep, shopper))
}

/// The methods the session offers, by their canonical names, once each, in the order asked;
/// every method the sandbox offers by default when none is asked.
fn allowed_methods(asked: &Option<Vec<String>>) -> Result<Vec<String>, GwError> {
    let Some(list) = asked else {
        return Ok(scenario::DEFAULT_METHODS
            .iter()
            .map(|s| s.to_string())
            .collect());
    };
    let mut out = Vec::new();
    for m in list {
        let (c, _) = scenario::method(m).ok_or_else(|| {
            GwError::biz(
                ret::UNSUPPORTED_PAYMENT_METHOD,
                format!("unknown payment method {m:?}"),
            )
        })?;
        if !out.iter().any(|x: &String| x == c) {
            out.push(c.to_string());
        }
    }
    if out.is_empty() {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            "allowed_payment_methods must not be empty",
        ));
    }
    Ok(out)
}

/// The session's language, a BCP 47 tag. No default: a session that names no language leaves
/// it to the shopper's browser.
fn display_locale(asked: &Option<String>) -> Result<&str, GwError> {
    let locale = none_if_empty(asked).unwrap_or("");
    if locale.len() > 35
        || !locale
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            "display_locale must be a BCP 47 tag",
        ));
    }
    Ok(locale)
}

pub(super) async fn query_session(
    State(st): State<Shared>,
    Signed { mid, req: r, .. }: Signed<QuerySessionRequest>,
) -> Result<Response, GwError> {
    let data = st.db.with_tx(|tx| {
        let s = if let Some(sid) = none_if_empty(&r.session_id) {
            db::session_by_id(tx, &mid, sid)?
        } else if let Some(tid) = none_if_empty(&r.trans_id) {
            db::session_by_trans(tx, &mid, tid)?
        } else {
            return Err(GwError::biz(
                ret::MISSING_PARAMETER,
                "session_id or trans_id is required",
            ));
        };
        let s =
            s.ok_or_else(|| GwError::biz(ret::SESSION_NOT_FOUND, "the session doesn't exist"))?;
        let order = db::latest_tx(tx, &mid, "session_id", &s.session_id)?.map(|t| t.order_id);
        Ok(s.to_data(&st.base_url, order))
    })?;
    ok(data)
}
