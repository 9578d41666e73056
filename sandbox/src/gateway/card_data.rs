//! The card of a payment: a stored card's token, a number in clear (server to server, signed),
//! or the secure frames' envelopes, opened here and checked to have been sealed for this
//! payment's session and merchant, recently, once.

use super::error::GwError;
use crate::state::AppState;
use paykka_protocol::cardenc::EnvelopeError;
use paykka_protocol::types::PaymentData;
use paykka_protocol::{card, ret};

/// Card data after decryption. Never logged, never stored.
pub(super) struct CardDetails {
    pub pan: String,
    pub exp_month: u32,
    pub exp_year: u32,
    pub cvv: Option<String>,
}

pub(super) enum CardSource {
    Token { token: String, cvv: Option<String> },
    Card(CardDetails),
}

/// What the card envelopes of one payment must have been sealed for.
pub(super) struct Binding<'a> {
    pub session_id: &'a str,
    pub merchant_id: &'a str,
}

/// Opens one card envelope sent as `name` and checks it was sealed for that field of this
/// payment's session and merchant, recently; its nonce goes to `nonces` (the caller records
/// them, once, with the payment). Every refusal is PayKKa's 206020 "decryption failed", but
/// an expired envelope's, 206021, which tells the shopper to enter the card again.
fn decrypt(
    st: &AppState,
    name: &str,
    v: &str,
    binding: &Binding<'_>,
    nonces: &mut Vec<String>,
) -> Result<String, GwError> {
    use paykka_protocol::cardenc::{EnvelopeField, Expected, PayloadError, parse};
    let v = v.trim();
    let field = paykka_protocol::cardenc::field_of(name).unwrap_or(EnvelopeField::Cvv);
    let opened = match parse(v) {
        Ok((kid, _)) => {
            let keys = st.card_keys.read().unwrap_or_else(|e| e.into_inner());
            match keys.by_kid(kid) {
                Some(key) => key.open(v),
                None => Err(EnvelopeError::UnknownKey),
            }
        }
        Err(e) => Err(e),
    };
    let payload = opened.map_err(|e| match e {
        EnvelopeError::Malformed if card::looks_like_pan(v) || v.bytes().all(|b| b.is_ascii_digit()) => GwError::biz(
            ret::CLEAR_CARD_REFUSED,
            format!("{name} arrived in clear: card data from a browser must be encrypted with the card key (GET /card-key)"),
        ),
        e => GwError::biz(ret::CARD_DATA_INVALID, format!("{name}: {e}")),
    })?;
    let expected = Expected {
        field,
        session_id: binding.session_id,
        merchant_id: binding.merchant_id,
        now_ms: u64::try_from(st.card_data_now_ms()).unwrap_or(0),
        max_age_ms: u64::try_from(st.card_data_max_age.as_millis()).unwrap_or(u64::MAX),
    };
    payload.check(&expected).map_err(|e| match e {
        PayloadError::Expired => GwError::biz(
            ret::CARD_DATA_EXPIRED,
            "card encryption information expired, please retry payment",
        ),
        e => GwError::biz(ret::CARD_DATA_INVALID, format!("{name}: {e}")),
    })?;
    nonces.push(payload.nonce_hex());
    Ok(payload.value)
}

pub(super) fn parse_month(v: &str) -> Result<u32, GwError> {
    match v.trim().parse::<u32>() {
        Ok(m) if (1..=12).contains(&m) && v.trim().len() <= 2 => Ok(m),
        _ => Err(GwError::biz(
            ret::INVALID_REQUEST,
            "expiry month must be 01 to 12",
        )),
    }
}

pub(super) fn parse_year(v: &str) -> Result<u32, GwError> {
    let t = v.trim();
    match (t.len(), t.parse::<u32>()) {
        (2, Ok(y)) => Ok(2000 + y),
        (4, Ok(y)) if y >= 2000 => Ok(y),
        _ => Err(GwError::biz(
            ret::INVALID_REQUEST,
            "expiry year must be YY or YYYY",
        )),
    }
}

/// Reads the card of a BANKCARD payment: `token`, `card_no` (server to server) or
/// `encrypted_card_no` (from the secure frames), exactly one. Envelopes must have been sealed
/// for `binding`; their nonces are added to `nonces`.
pub(super) fn resolve_card(
    st: &AppState,
    p: &PaymentData,
    binding: &Binding<'_>,
    nonces: &mut Vec<String>,
) -> Result<CardSource, GwError> {
    let sources = [
        p.token.is_some(),
        p.card_no.is_some(),
        p.encrypted_card_no.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if sources != 1 {
        return Err(GwError::biz(
            ret::MISSING_PARAMETER,
            "exactly one of payment.token, payment.card_no, payment.encrypted_card_no is required",
        ));
    }
    let mut clear_or_enc = |clear: &Option<String>,
                            enc: &Option<String>,
                            name: &str|
     -> Result<Option<String>, GwError> {
        match (clear, enc) {
            (_, Some(e)) => decrypt(st, name, e, binding, nonces).map(Some),
            (Some(c), None) => Ok(Some(c.clone())),
            (None, None) => Ok(None),
        }
    };
    if let Some(token) = &p.token {
        let cvv = clear_or_enc(&p.cvv, &p.encrypted_cvv, "encrypted_cvv")?;
        return Ok(CardSource::Token {
            token: token.clone(),
            cvv,
        });
    }
    let pan = if let Some(enc) = &p.encrypted_card_no {
        if p.cvv.is_some() {
            return Err(GwError::biz(
                ret::CLEAR_CARD_REFUSED,
                "cvv arrived in clear beside an encrypted card: send encrypted_cvv",
            ));
        }
        clear_or_enc(&None, &Some(enc.clone()), "encrypted_card_no")?.unwrap_or_default()
    } else {
        p.card_no.clone().unwrap_or_default()
    };
    let pan: String = pan.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let month = clear_or_enc(&p.exp_month, &p.encrypted_exp_month, "encrypted_exp_month")?
        .ok_or_else(|| GwError::biz(ret::MISSING_PARAMETER, "expiry month is required"))?;
    let year = clear_or_enc(&p.exp_year, &p.encrypted_exp_year, "encrypted_exp_year")?
        .ok_or_else(|| GwError::biz(ret::MISSING_PARAMETER, "expiry year is required"))?;
    let cvv = clear_or_enc(&p.cvv, &p.encrypted_cvv, "encrypted_cvv")?
        .ok_or_else(|| GwError::biz(ret::MISSING_PARAMETER, "cvv is required"))?;
    Ok(CardSource::Card(CardDetails {
        pan,
        exp_month: parse_month(&month)?,
        exp_year: parse_year(&year)?,
        cvv: Some(cvv),
    }))
}
