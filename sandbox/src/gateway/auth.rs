//! Who is calling: the signature, merchant, timestamp and nonce checks of each request, by the
//! API generation of its path, and the signature of every answer.

use super::error::{GwError, internal};
use super::validate::parse;
use crate::config::MAX_BODY_BYTES;
use crate::state::{AppState, Shared};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use paykka_protocol::api::{self, ApiVersion};
use paykka_protocol::sign::{VerifyingKeys, signed_fields, timestamp_fresh};
use paykka_protocol::time::now_ms;
use paykka_protocol::{headers as hdr, ret};

/// A request body as the handlers take it: the size limit's refusal is theirs to answer.
pub(super) type Body = Result<Bytes, BytesRejection>;

/// A request of the signed API, authenticated ([`authenticate`]) and then read as `T`: what
/// every handler of the signed API takes.
pub(super) struct Signed<T> {
    /// The merchant who signed it.
    pub mid: String,
    pub req: T,
    /// The verified body, as sent.
    pub body: Bytes,
    /// The API generation of its path.
    pub version: ApiVersion,
}

impl<T: serde::de::DeserializeOwned> FromRequest<Shared> for Signed<T> {
    type Rejection = GwError;

    async fn from_request(req: Request, st: &Shared) -> Result<Self, GwError> {
        let (mut parts, body) = req.into_parts();
        let headers = std::mem::take(&mut parts.headers);
        let path = parts.uri.path().to_owned();
        let body = Bytes::from_request(Request::from_parts(parts, body), st).await;
        let (mid, body) = authenticate(st, &path, &headers, body)?;
        let req = parse(&body)?;
        Ok(Self {
            mid,
            req,
            body,
            version: ApiVersion::of_path(&path),
        })
    }
}

/// Signs every answer of the signed API, as PayKKa signs its answers. The string is not
/// published; ours is [`api::gateway_signing_input`] (one function, the backend's check uses
/// the same). v3: `x-paykka-timestamp`, `x-paykka-nonce`, `x-paykka-sign-alg`, `x-paykka-sign`;
/// v1.2: `signature`, `type`, `version` and `timestamp`.
pub async fn sign_answers(
    State(st): State<Shared>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let path = req.uri().path().to_owned();
    if !(path.starts_with("/v3/payment/acq/") || path.starts_with("/payments")) {
        return next.run(req).await;
    }
    let version = ApiVersion::of_path(&path);
    if !st.answer_delay.is_zero() {
        tokio::time::sleep(st.answer_delay).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return GwError::too_large().into_response();
    };
    let merchant_id = match version {
        ApiVersion::V3 => parts
            .headers
            .get(hdr::APPID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string(),
        ApiVersion::V1_2 => signed_fields(&bytes).map(|f| f.0).unwrap_or_default(),
    };
    let res = next
        .run(axum::extract::Request::from_parts(
            parts,
            axum::body::Body::from(bytes),
        ))
        .await;
    let (mut parts, body) = res.into_parts();
    let Ok(body) = axum::body::to_bytes(body, 4 * 1024 * 1024).await else {
        return internal(&"answer too large").into_response();
    };
    let ts = now_ms();
    let (nonce, sig) = st.sign_as_gateway(version, &path, &merchant_id, ts, &body);
    set_signature_headers(&mut parts.headers, version, ts, &nonce, &sig);
    Response::from_parts(parts, axum::body::Body::from(body))
}

/// The signature headers of an answer, as the path's API generation names them.
fn set_signature_headers(h: &mut HeaderMap, version: ApiVersion, ts: i64, nonce: &str, sig: &str) {
    let mut set = |n: &'static str, v: &str| {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.insert(n, v);
        }
    };
    match version {
        ApiVersion::V3 => {
            set(hdr::V3_TIMESTAMP, &ts.to_string());
            set(hdr::NONCE, nonce);
            set(hdr::SIGN_ALG, hdr::SIGN_ALG_VALUE);
            set(hdr::SIGN, sig);
        }
        ApiVersion::V1_2 => {
            set(hdr::SIGNATURE, sig);
            set(hdr::TYPE, hdr::TYPE_VALUE);
            set(hdr::VERSION, hdr::VERSION_VALUE);
            set(hdr::TIMESTAMP, &ts.to_string());
        }
    }
}

/// What a request claims of its signer, read from its headers (and, v1.2, its body): checked
/// against the merchant's keys, the clock and the nonces seen.
struct Claim<'h> {
    merchant_id: String,
    timestamp: i64,
    /// The bytes the signature covers.
    signed: Vec<u8>,
    signature: &'h str,
    /// v3 only: once per merchant within the time window.
    nonce: Option<String>,
}

/// Checks size, the signature headers of the path's API generation, merchant, signature,
/// timestamp and (v3) nonce, in that order. Returns the merchant id and the verified body.
///
/// * v1.2 (`/payments...`): `signature` over `merchantId=..&timestamp=..&requestBody=..`, with
///   `type: RSA256`, `version: v1.2`; `merchant_id` and `timestamp` in the body.
/// * v3 (`/v3/payment/acq/...`): `x-paykka-sign` over `POST\nPATH\nTIMESTAMP\nNONCE\nBODY`,
///   with `x-paykka-appid` (the merchant), `x-paykka-timestamp`, `x-paykka-nonce` (10-100
///   characters, once per merchant) and `x-paykka-sign-alg: SHA256_WITH_RSA`; a `merchant_id`
///   in the body, when there is one, must be the caller's.
///
/// Both take the signature base64, URL-encoded or not.
fn authenticate(
    st: &AppState,
    path: &str,
    headers: &HeaderMap,
    body: Body,
) -> Result<(String, Bytes), GwError> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            GwError::too_large()
        } else {
            GwError::bad(ret::INVALID_REQUEST, "cannot read request body")
        }
    })?;
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return Err(GwError::bad(
            ret::INVALID_REQUEST,
            "request body is not valid JSON",
        ));
    };
    let version = ApiVersion::of_path(path);
    let claim = match version {
        ApiVersion::V1_2 => v1_2_claim(headers, &body)?,
        ApiVersion::V3 => v3_claim(headers, path, &body, &json)?,
    };
    verify(st, &claim)?;
    st.spoke(&claim.merchant_id, version);
    Ok((claim.merchant_id, body))
}

/// A header's value, trimmed; `None` when absent or not text.
fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

fn v1_2_claim<'h>(headers: &'h HeaderMap, body: &[u8]) -> Result<Claim<'h>, GwError> {
    let h = |n: &str| header(headers, n);
    if h(hdr::SIGN).is_some() {
        return Err(GwError::unauthorized(
            ret::INVALID_API_VERSION,
            "x-paykka-* headers belong to the v3 paths (/v3/payment/acq/...)",
        ));
    }
    let (merchant_id, ts) = signed_fields(body).ok_or_else(|| {
        GwError::bad(
            ret::MISSING_PARAMETER,
            "merchant_id (string) and timestamp (ms) are required",
        )
    })?;
    let sig = h(hdr::SIGNATURE).filter(|s| !s.is_empty()).ok_or_else(|| {
        GwError::unauthorized(ret::SIGNATURE_MISSING, "signature header is required")
    })?;
    if h(hdr::TYPE) != Some(hdr::TYPE_VALUE) || h(hdr::VERSION) != Some(hdr::VERSION_VALUE) {
        return Err(GwError::unauthorized(
            ret::INVALID_API_VERSION,
            "headers type: RSA256 and version: v1.2 are required",
        ));
    }
    let signed = paykka_protocol::sign::signing_input(&merchant_id, ts, body);
    Ok(Claim {
        merchant_id,
        timestamp: ts,
        signed,
        signature: sig,
        nonce: None,
    })
}

fn v3_claim<'h>(
    headers: &'h HeaderMap,
    path: &str,
    body: &[u8],
    json: &serde_json::Value,
) -> Result<Claim<'h>, GwError> {
    let h = |n: &str| header(headers, n);
    let sig = h(hdr::SIGN).filter(|s| !s.is_empty()).ok_or_else(|| {
        GwError::unauthorized(ret::SIGNATURE_MISSING, "x-paykka-sign header is required")
    })?;
    if h(hdr::SIGN_ALG) != Some(hdr::SIGN_ALG_VALUE) {
        return Err(GwError::unauthorized(
            ret::INVALID_API_VERSION,
            "x-paykka-sign-alg: SHA256_WITH_RSA is required",
        ));
    }
    let merchant_id = h(hdr::APPID)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            GwError::unauthorized(ret::SIGNATURE_MISSING, "x-paykka-appid header is required")
        })?
        .to_string();
    let ts: i64 = h(hdr::V3_TIMESTAMP)
        .filter(|t| t.len() == 13 && t.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| {
            GwError::unauthorized(
                ret::SIGNATURE_MISSING,
                "x-paykka-timestamp must be the time in milliseconds (13 digits)",
            )
        })?;
    let nonce = h(hdr::NONCE).filter(|n| api::nonce_ok(n)).ok_or_else(|| {
        GwError::unauthorized(
            ret::SIGNATURE_MISSING,
            "x-paykka-nonce must be 10 to 100 visible characters",
        )
    })?;
    if let Some(m) = json.get("merchant_id")
        && m.as_str() != Some(merchant_id.as_str())
    {
        return Err(GwError::unauthorized(
            ret::MERCHANT_NOT_FOUND,
            "merchant_id differs from x-paykka-appid",
        ));
    }
    let signed = api::v3_signing_input("POST", path, ts, nonce, body);
    Ok(Claim {
        merchant_id,
        timestamp: ts,
        signed,
        signature: sig,
        nonce: Some(nonce.to_string()),
    })
}

/// The claim against the merchant's keys, the gateway clock and (v3) the nonces seen.
fn verify(st: &AppState, claim: &Claim<'_>) -> Result<(), GwError> {
    let (_, pem) = st
        .db
        .merchant(&claim.merchant_id)?
        .ok_or_else(|| GwError::unauthorized(ret::MERCHANT_NOT_FOUND, "unknown merchant_id"))?;
    // One key, or two while the merchant rotates: either verifies.
    let keys = VerifyingKeys::from_pem_bundle(&pem)
        .map_err(|_| GwError::unauthorized(ret::MERCHANT_KEY_MISSING, "merchant key unusable"))?;
    keys.verify_header(&claim.signed, claim.signature)
        .map_err(|_| {
            GwError::unauthorized(ret::SIGNATURE_INVALID, "signature verification failed")
        })?;
    let now = now_ms();
    if !timestamp_fresh(claim.timestamp, now) {
        return Err(GwError::unauthorized(
            ret::TIMESTAMP_EXPIRED,
            "timestamp is more than 5 minutes from the gateway clock",
        ));
    }
    if let Some(n) = &claim.nonce
        && !st.first_use_of_nonce(&claim.merchant_id, n, now)
    {
        return Err(GwError::unauthorized(
            ret::TIMESTAMP_EXPIRED,
            "x-paykka-nonce already used: a replayed request",
        ));
    }
    Ok(())
}
