//! The merchant backend's JSON API, as the SDK speaks it (see `backend/README.md`).
//!
//! Every request has a timeout and is aborted when the component that made it unmounts;
//! every failure becomes one [`CheckoutError`] the shopper can read.

mod browser;
mod json;

pub(crate) use json::{JsonBuilder, JsonObject};

use crate::small_map::SmallMap;
use paykka_core::flow::PaymentOutcome;
use paykka_core::{Amount, Brand, CheckoutError, Currency};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Request, RequestInit, Response};

/// How long the SDK waits for the backend. Payments get longer: the gateway may be slow.
const READ_TIMEOUT_MS: u32 = 15_000;
const PAYMENT_TIMEOUT_MS: u32 = 45_000;

/// A payment method the session offers, in the gateway's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionMethod {
    /// The gateway's code, e.g. `BANKCARD`, `WechatPayGlobal`.
    pub code: String,
    /// `card`, `qr`, `wallet` or `redirect`.
    pub flow: String,
    /// Card brands accepted (card methods only).
    pub brands: Vec<Brand>,
}

/// A card the shopper saved earlier, as the gateway lists it: enough to recognise, not to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredCard {
    pub token: String,
    pub brand: Brand,
    pub last4: String,
    pub exp_month: u8,
    pub exp_year: u16,
}

/// What the checkout shows for one session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub id: String,
    pub amount: Amount,
    pub display_locale: Option<String>,
    pub merchant_name: Option<String>,
    /// The shop's logo, when its configuration names one (an https URL, or http on loopback).
    pub merchant_logo_url: Option<String>,
    /// The merchant's id at the gateway and its country (for the wallets' sheets).
    pub merchant_id: Option<String>,
    pub merchant_country: Option<String>,
    pub expired: bool,
    pub completed: bool,
    pub methods: Vec<SessionMethod>,
    pub stored_cards: Vec<StoredCard>,
    /// How the card form offers to save the card.
    pub save_card: SaveCardOffer,
    /// Origin of the secure card frames (the payment provider's, never the merchant's).
    pub frames_origin: String,
}

/// Whether, and how, the card form offers to save the card, as the session decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveCardOffer {
    /// No shopper known: nothing to save the card for.
    Unavailable,
    /// A "save this card" box, ticked or not at first.
    Optional { preselected: bool },
    /// A subscription: the card will be stored for future charges, and the form says so
    /// before the shopper can pay.
    Required,
}

/// Where the gateway wants the shopper to go next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentAction {
    /// Leave for `url` (3DS challenge, wallet page): GET, or a form POST of `data`.
    Redirect {
        url: String,
        post: bool,
        data: Vec<(String, String)>,
    },
    /// Show a QR code for `payload` until `expires_at`.
    Qr {
        payload: String,
        expires_at: Option<String>,
    },
}

/// The backend's answer to a payment or to a result query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentAnswer {
    /// `SUCCESS`, `AUTHORIZED`, `PROCESSING`, `FAILURE`, `NONE` or `EXPIRED`.
    pub status: String,
    pub order_id: Option<String>,
    /// The method paid with, e.g. `BANKCARD`, `WechatPayGlobal`.
    pub payment_method: Option<String>,
    pub action: Option<PaymentAction>,
    pub decline: Option<CheckoutError>,
    pub card_brand: Option<Brand>,
    pub card_last4: Option<String>,
}

impl PaymentAnswer {
    /// No payment yet (`NONE`): what a checkout starts from when it did not ask.
    pub fn not_started() -> Self {
        Self {
            status: "NONE".into(),
            order_id: None,
            payment_method: None,
            action: None,
            decline: None,
            card_brand: None,
            card_last4: None,
        }
    }

    /// Authorised only (capture method `MANUAL`): the shop captures later, the shopper has not
    /// paid yet.
    pub fn is_authorization(&self) -> bool {
        self.status == "AUTHORIZED"
    }

    /// The flow's reading of this answer.
    pub fn outcome(&self) -> PaymentOutcome {
        match self.status.as_str() {
            "SUCCESS" | "AUTHORIZED" => PaymentOutcome::Paid,
            "FAILURE" => {
                PaymentOutcome::Declined(self.decline.unwrap_or(CheckoutError::PaymentFailed))
            }
            "EXPIRED" => PaymentOutcome::Declined(CheckoutError::SessionExpired),
            "PROCESSING" if matches!(self.action, Some(PaymentAction::Redirect { .. })) => {
                PaymentOutcome::Redirect
            }
            "PROCESSING" if matches!(self.action, Some(PaymentAction::Qr { .. })) => {
                PaymentOutcome::ShowQr
            }
            "PROCESSING" => PaymentOutcome::Pending,
            "NONE" => PaymentOutcome::NotStarted,
            // CANCELED, REFUNDED...: not a payment the shopper can complete now.
            _ => PaymentOutcome::Declined(CheckoutError::PaymentFailed),
        }
    }

    fn from_json(json: &JsonObject) -> Option<Self> {
        let action = json
            .obj("action")
            .and_then(|action| match action.str("type")?.as_str() {
                "redirect" => Some(PaymentAction::Redirect {
                    url: action.str("url")?,
                    post: action
                        .str("method")
                        .is_some_and(|m| m.eq_ignore_ascii_case("POST")),
                    data: action
                        .obj("data")
                        .map(|d| d.string_entries())
                        .unwrap_or_default(),
                }),
                "qr" => Some(PaymentAction::Qr {
                    payload: action.str("qr_code")?,
                    expires_at: action.str("expires_at"),
                }),
                _ => None,
            });
        let card = json.obj("card");
        Some(Self {
            status: json.str("status")?,
            order_id: json.str("order_id"),
            payment_method: json.str("payment_method"),
            action,
            decline: json
                .obj("failure")
                .and_then(|f| f.str("code"))
                .map(|code| CheckoutError::from_decline_code(&code)),
            card_brand: card
                .as_ref()
                .and_then(|c| c.str("brand"))
                .map(|b| brand_from_gateway(&b)),
            card_last4: card.and_then(|c| c.str("last4")),
        })
    }
}

/// The gateway writes brands as `VISA`, `MASTERCARD`, `AMEX`...
pub fn brand_from_gateway(code: &str) -> Brand {
    Brand::from_code(&code.to_ascii_lowercase()).unwrap_or(Brand::Unknown)
}

/// The card fields of a payment: only ciphertexts and display data ever reach this type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EncryptedCard {
    pub encrypted_card_no: String,
    pub encrypted_exp_month: String,
    pub encrypted_exp_year: String,
    pub encrypted_cvv: String,
    pub holder_name: Option<String>,
}

/// The merchant's own route for payments (the "advanced flow", like Adyen's `onSubmit`): a JS
/// function called with `{ body, idempotencyKey }` (the payment the SDK would post to
/// `/api/payments`, card data encrypted) that resolves to the gateway's answer in the same shape
/// the backend answers (`{ status, order_id, action, failure, ... }`); the checkout continues
/// from it (3DS redirect, QR code, result). A rejection with `{ code }` is read like a backend
/// error code.
#[derive(Clone, Debug)]
pub struct SubmitHook(pub js_sys::Function);

/// A client of one merchant backend, whose requests all die with `signal` (the mount's).
#[derive(Clone, Debug)]
pub struct BackendClient {
    base_url: String,
    signal: AbortSignal,
    submit_hook: Option<SubmitHook>,
    /// GET answers the script-tag loader asked for while the SDK downloaded (path -> promise of
    /// the `Response`), each taken by the first request for its path.
    early: std::rc::Rc<std::cell::RefCell<SmallMap<String, js_sys::Promise>>>,
}

impl BackendClient {
    /// `base_url` is the backend's origin plus any prefix, e.g. `""` (same origin) or
    /// `https://shop.example.com`; paths `/api/...` are appended.
    pub fn new(base_url: &str, signal: AbortSignal) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            signal,
            submit_hook: None,
            early: Default::default(),
        }
    }

    /// Takes the loader's early GETs, `{ "/api/sessions/CS1": Promise<Response>, ... }`: the
    /// session was asked for while the wasm downloaded, a round trip less before the checkout
    /// shows. Anything else in `early` is ignored.
    pub fn with_early_responses(self, early: &JsValue) -> Self {
        if early.is_object() {
            let entries = js_sys::Object::entries(early.unchecked_ref());
            let mut taken = self.early.borrow_mut();
            for entry in entries.iter() {
                let entry: js_sys::Array = entry.unchecked_into();
                if let (Some(path), Ok(promise)) = (
                    entry.get(0).as_string(),
                    entry.get(1).dyn_into::<js_sys::Promise>(),
                ) {
                    taken.insert(path, promise);
                }
            }
        }
        self
    }

    fn take_early(&self, method: &str, path: &str) -> Option<js_sys::Promise> {
        if method != "GET" {
            return None;
        }
        self.early.borrow_mut().remove(path)
    }

    /// Payments go through `hook` instead of `POST /api/payments`.
    pub fn with_submit_hook(mut self, hook: Option<SubmitHook>) -> Self {
        self.submit_hook = hook;
        self
    }

    async fn through_hook(
        hook: &SubmitHook,
        body: &str,
        idempotency_key: &str,
    ) -> Result<JsonObject, CheckoutError> {
        let request = js_sys::Object::new();
        let parsed = js_sys::JSON::parse(body).map_err(|_| CheckoutError::InvalidResponse)?;
        let _ = js_sys::Reflect::set(&request, &"body".into(), &parsed);
        let _ = js_sys::Reflect::set(&request, &"idempotencyKey".into(), &idempotency_key.into());
        let rejected = |reason: JsValue| {
            let code = js_sys::Reflect::get(&reason, &"code".into())
                .ok()
                .and_then(|c| c.as_string());
            match code {
                Some(code) => CheckoutError::from_backend_error(&code, 400),
                None => CheckoutError::RequestRejected,
            }
        };
        let returned = hook.0.call1(&JsValue::NULL, &request).map_err(rejected)?;
        let answer = match returned.dyn_into::<js_sys::Promise>() {
            Ok(promise) => JsFuture::from(promise).await.map_err(rejected)?,
            Err(value) => value,
        };
        JsonObject::from_value(answer).ok_or(CheckoutError::InvalidResponse)
    }

    pub async fn session(&self, session_id: &str) -> Result<Session, CheckoutError> {
        let path = format!("/api/sessions/{}", encode_path(session_id));
        let json = self
            .request("GET", &path, None, None, READ_TIMEOUT_MS)
            .await?;
        parse_session(&json).ok_or(CheckoutError::InvalidResponse)
    }

    /// The session and its payment so far, both asked for at once: one round trip of waiting
    /// instead of two before the checkout can show.
    pub async fn session_and_result(
        &self,
        session_id: &str,
    ) -> Result<(Session, PaymentAnswer), CheckoutError> {
        let (session, answer) = join(self.session(session_id), self.result(session_id)).await;
        Ok((session?, answer?))
    }

    /// The session's payment as the gateway knows it now (never read from the URL).
    pub async fn result(&self, session_id: &str) -> Result<PaymentAnswer, CheckoutError> {
        let path = format!("/api/sessions/{}/result", encode_path(session_id));
        let json = self
            .request("GET", &path, None, None, READ_TIMEOUT_MS)
            .await?;
        PaymentAnswer::from_json(&json).ok_or(CheckoutError::InvalidResponse)
    }

    /// Pays with a new card; `store` asks the gateway to save it for the session's shopper.
    pub async fn pay_with_card(
        &self,
        session_id: &str,
        idempotency_key: &str,
        card: &EncryptedCard,
        store: bool,
        return_url: &str,
    ) -> Result<PaymentAnswer, CheckoutError> {
        let body = JsonBuilder::new()
            .set("session_id", session_id)
            .set("payment_method", "BANKCARD")
            .set("encrypted_card_no", card.encrypted_card_no.as_str())
            .set("encrypted_exp_month", card.encrypted_exp_month.as_str())
            .set("encrypted_exp_year", card.encrypted_exp_year.as_str())
            .set("encrypted_cvv", card.encrypted_cvv.as_str())
            .set_opt("holder_name", card.holder_name.as_deref())
            .set("store_payment_method", store)
            .set("browser", browser::describe())
            .set("return_url", return_url);
        let json = self
            .request(
                "POST",
                "/api/payments",
                Some(&body.to_json()),
                Some(idempotency_key),
                PAYMENT_TIMEOUT_MS,
            )
            .await?;
        PaymentAnswer::from_json(&json).ok_or(CheckoutError::InvalidResponse)
    }

    /// Pays with a method that needs no card data (QR wallets, redirect methods): the gateway
    /// answers with the action the shopper takes next.
    pub async fn pay_with_method(
        &self,
        session_id: &str,
        idempotency_key: &str,
        method: &str,
        return_url: &str,
    ) -> Result<PaymentAnswer, CheckoutError> {
        let body = JsonBuilder::new()
            .set("session_id", session_id)
            .set("payment_method", method)
            .set("return_url", return_url);
        let json = self
            .request(
                "POST",
                "/api/payments",
                Some(&body.to_json()),
                Some(idempotency_key),
                PAYMENT_TIMEOUT_MS,
            )
            .await?;
        PaymentAnswer::from_json(&json).ok_or(CheckoutError::InvalidResponse)
    }

    /// Pays with a browser wallet (Apple Pay, Google Pay): `wallet_data` is the sheet's payload.
    pub async fn pay_with_wallet(
        &self,
        session_id: &str,
        idempotency_key: &str,
        method: &str,
        wallet_data: &JsValue,
        return_url: &str,
    ) -> Result<PaymentAnswer, CheckoutError> {
        let body = JsonBuilder::new()
            .set("session_id", session_id)
            .set("payment_method", method)
            .set("wallet_data", wallet_data.clone())
            .set("return_url", return_url);
        let json = self
            .request(
                "POST",
                "/api/payments",
                Some(&body.to_json()),
                Some(idempotency_key),
                PAYMENT_TIMEOUT_MS,
            )
            .await?;
        PaymentAnswer::from_json(&json).ok_or(CheckoutError::InvalidResponse)
    }

    /// Apple Pay's merchant validation, through the backend to the gateway: the merchant
    /// session object to hand to `completeMerchantValidation`.
    pub async fn apple_pay_session(
        &self,
        validation_url: &str,
        domain_name: &str,
    ) -> Result<JsValue, CheckoutError> {
        let body = JsonBuilder::new()
            .set("validation_url", validation_url)
            .set("domain_name", domain_name);
        let json = self
            .request(
                "POST",
                "/api/apple-pay/session",
                Some(&body.to_json()),
                None,
                READ_TIMEOUT_MS,
            )
            .await?;
        json.raw("merchant_session")
            .ok_or(CheckoutError::InvalidResponse)
    }

    /// Pays with a saved card: its token and the security code the shopper typed, encrypted.
    pub async fn pay_with_token(
        &self,
        session_id: &str,
        idempotency_key: &str,
        token: &str,
        encrypted_cvv: &str,
        return_url: &str,
    ) -> Result<PaymentAnswer, CheckoutError> {
        let body = JsonBuilder::new()
            .set("session_id", session_id)
            .set("payment_method", "BANKCARD")
            .set("token", token)
            .set("encrypted_cvv", encrypted_cvv)
            .set("browser", browser::describe())
            .set("return_url", return_url);
        let json = self
            .request(
                "POST",
                "/api/payments",
                Some(&body.to_json()),
                Some(idempotency_key),
                PAYMENT_TIMEOUT_MS,
            )
            .await?;
        PaymentAnswer::from_json(&json).ok_or(CheckoutError::InvalidResponse)
    }

    /// Removes a saved card of the session's shopper (the backend decides whose cards these are).
    pub async fn remove_stored_card(
        &self,
        session_id: &str,
        token: &str,
    ) -> Result<(), CheckoutError> {
        let path = format!(
            "/api/saved-cards/{}?session_id={}",
            encode_path(token),
            encode_path(session_id)
        );
        let json = self
            .request("DELETE", &path, None, None, READ_TIMEOUT_MS)
            .await?;
        if json.bool("removed") == Some(true) {
            Ok(())
        } else {
            Err(CheckoutError::InvalidResponse)
        }
    }

    async fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        idempotency_key: Option<&str>,
        timeout_ms: u32,
    ) -> Result<JsonObject, CheckoutError> {
        if let (Some(hook), "POST", "/api/payments", Some(body), Some(key)) =
            (&self.submit_hook, method, path, body, idempotency_key)
        {
            return Self::through_hook(hook, body, key).await;
        }
        let window = web_sys::window().ok_or(CheckoutError::NetworkUnavailable)?;
        // One signal that fires on unmount or on timeout, whichever comes first.
        let timeout = AbortController::new().map_err(|_| CheckoutError::NetworkUnavailable)?;
        let _timer = RequestTimer::start(&window, &timeout, timeout_ms);
        let signals = js_sys::Array::of2(&self.signal, &timeout.signal());
        let signal = AbortSignal::any(&signals);

        // The loader's early fetch has its own 15 s timeout (`AbortSignal.timeout`), which
        // rejects with a `TimeoutError`.
        let (sent, early) = match self.take_early(method, path) {
            Some(promise) => (promise, true),
            None => (
                self.fetch(&window, method, path, body, idempotency_key, &signal)?,
                false,
            ),
        };
        let failure = |error: JsValue| {
            let timed_out = early
                && js_sys::Reflect::get(&error, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .as_deref()
                    == Some("TimeoutError");
            if timed_out {
                CheckoutError::RequestTimedOut
            } else {
                self.failure_reason(&timeout)
            }
        };
        async {
            let response: Response = JsFuture::from(sent)
                .await
                .map_err(failure)?
                .dyn_into()
                .map_err(|_| CheckoutError::InvalidResponse)?;
            let text = JsFuture::from(
                response
                    .text()
                    .map_err(|_| CheckoutError::InvalidResponse)?,
            )
            .await
            .map_err(failure)?
            .as_string()
            .unwrap_or_default();
            let json = JsonObject::parse(&text);
            if response.ok() {
                return json.ok_or(CheckoutError::InvalidResponse);
            }
            let code = json
                .and_then(|j| j.obj("error"))
                .and_then(|e| e.str("code"));
            Err(match code {
                Some(code) => CheckoutError::from_backend_error(&code, response.status()),
                // A proxy's or a crashed server's page, not our backend's JSON.
                None if response.status() >= 500 => CheckoutError::ServerError,
                None => CheckoutError::InvalidResponse,
            })
        }
        .await
    }

    /// Sends the request: the promise of its `Response`.
    fn fetch(
        &self,
        window: &web_sys::Window,
        method: &str,
        path: &str,
        body: Option<&str>,
        idempotency_key: Option<&str>,
        signal: &AbortSignal,
    ) -> Result<js_sys::Promise, CheckoutError> {
        let init = RequestInit::new();
        init.set_method(method);
        init.set_signal(Some(signal));
        let headers = web_sys::Headers::new().map_err(|_| CheckoutError::NetworkUnavailable)?;
        let _ = headers.set("accept", "application/json");
        if let Some(body) = body {
            let _ = headers.set("content-type", "application/json");
            init.set_body(&JsValue::from_str(body));
        }
        if let Some(key) = idempotency_key {
            let _ = headers.set("idempotency-key", key);
        }
        init.set_headers(&headers);
        let url = format!("{}{}", self.base_url, path);
        let request = Request::new_with_str_and_init(&url, &init)
            .map_err(|_| CheckoutError::RequestRejected)?;
        Ok(window.fetch_with_request(&request))
    }

    fn failure_reason(&self, timeout: &AbortController) -> CheckoutError {
        if timeout.signal().aborted() {
            CheckoutError::RequestTimedOut
        } else {
            CheckoutError::NetworkUnavailable
        }
    }
}

fn parse_session(json: &JsonObject) -> Option<Session> {
    let currency = Currency::parse(&json.str("currency")?).ok()?;
    let minor = json.num("amount")?;
    if !(0.0..=9.007_199_254_740_991e15).contains(&minor) || minor.fract() != 0.0 {
        return None;
    }
    let amount = Amount::new(minor as i64, currency).ok()?;
    let status = json.str("status").unwrap_or_default();
    let methods = json
        .array("payment_methods")
        .into_iter()
        .filter_map(JsonObject::from_value)
        .filter_map(|m| {
            Some(SessionMethod {
                code: m.str("payment_method")?,
                flow: m.str("flow").unwrap_or_default(),
                brands: m
                    .array("brands")
                    .iter()
                    .filter_map(JsValue::as_string)
                    .map(|b| brand_from_gateway(&b))
                    .filter(|b| *b != Brand::Unknown)
                    .collect(),
            })
        })
        .collect();
    let stored_cards = json
        .array("saved_cards")
        .into_iter()
        .filter_map(JsonObject::from_value)
        .filter_map(|c| {
            Some(StoredCard {
                token: c.str("token")?,
                brand: brand_from_gateway(&c.str("brand")?),
                last4: c.str("last4")?,
                exp_month: c.str("exp_month")?.parse().ok()?,
                exp_year: c.str("exp_year")?.parse().ok()?,
            })
        })
        .collect();
    Some(Session {
        id: json.str("session_id")?,
        amount,
        display_locale: json.str("display_locale"),
        merchant_name: json.str("merchant_name"),
        merchant_logo_url: json.str("merchant_logo_url").filter(|url| {
            let loopback =
                url.starts_with("http://127.0.0.1") || url.starts_with("http://localhost");
            (url.starts_with("https://") || loopback) && !url.chars().any(char::is_whitespace)
        }),
        merchant_id: json.str("merchant_id"),
        merchant_country: json.str("merchant_country"),
        expired: status == "EXPIRED",
        completed: status == "COMPLETED",
        methods,
        stored_cards,
        save_card: if json.str("payment_type").as_deref() == Some("RECURRING") {
            SaveCardOffer::Required
        } else if json.bool("can_store_payment_method") == Some(true) {
            SaveCardOffer::Optional {
                preselected: json.bool("store_payment_method") == Some(true),
            }
        } else {
            SaveCardOffer::Unavailable
        },
        frames_origin: json.str("gateway_origin")?,
    })
}

/// Session ids come from the merchant page: keep them inside one path segment.
fn encode_path(segment: &str) -> String {
    js_sys::encode_uri_component(segment)
        .as_string()
        .unwrap_or_default()
}

/// A request's timeout: aborts it when it fires, and is cleared when the request ends or is
/// abandoned (an unmount). The timer calls the controller's own `abort`, bound in JS: no Rust
/// closure to leak if it never fires, or to find dropped if it fires late.
struct RequestTimer {
    window: web_sys::Window,
    handle: Option<i32>,
}

impl RequestTimer {
    fn start(window: &web_sys::Window, timeout: &AbortController, timeout_ms: u32) -> Self {
        let abort = js_sys::Reflect::get(timeout.as_ref(), &JsValue::from_str("abort"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .map(|abort| abort.bind0(timeout.as_ref()));
        let handle = abort.and_then(|abort| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&abort, timeout_ms as i32)
                .ok()
        });
        Self {
            window: window.clone(),
            handle,
        }
    }
}

impl Drop for RequestTimer {
    fn drop(&mut self) {
        if let Some(handle) = self.handle {
            self.window.clear_timeout_with_handle(handle);
        }
    }
}

/// Runs two futures at once and waits for both (the crate has no `futures` dependency for this).
pub(crate) async fn join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    use std::pin::pin;
    use std::task::Poll;
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut a_out, mut b_out) = (None, None);
    std::future::poll_fn(move |cx| {
        if a_out.is_none()
            && let Poll::Ready(v) = a.as_mut().poll(cx)
        {
            a_out = Some(v);
        }
        if b_out.is_none()
            && let Poll::Ready(v) = b.as_mut().poll(cx)
        {
            b_out = Some(v);
        }
        if a_out.is_some() && b_out.is_some() {
            return Poll::Ready((
                a_out.take().expect("checked"),
                b_out.take().expect("checked"),
            ));
        }
        Poll::Pending
    })
    .await
}
