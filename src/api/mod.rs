//! The merchant backend's JSON API, as the SDK speaks it (see `backend/README.md`).
//!
//! Every request has a timeout and is aborted when the component that made it unmounts;
//! every failure becomes one [`CheckoutError`] the shopper can read.

mod answers;
mod browser;
mod json;
mod transport;

use answers::parse_session;
pub use answers::{
    EncryptedCard, PaymentAction, PaymentAnswer, SaveCardOffer, Session, SessionMethod, StoredCard,
    brand_from_gateway,
};
pub(crate) use json::{JsonBuilder, JsonObject};
pub(crate) use transport::join;
use transport::{RequestTimer, encode_path};

use crate::small_map::SmallMap;
use paykka_core::CheckoutError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Request, RequestInit, Response};

/// How long the SDK waits for the backend. Payments get longer: the gateway may be slow.
const READ_TIMEOUT_MS: u32 = 15_000;
const PAYMENT_TIMEOUT_MS: u32 = 45_000;

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

    /// The session, as the backend describes it to the checkout.
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
        self.post_payment(body, idempotency_key).await
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
        self.post_payment(body, idempotency_key).await
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
        self.post_payment(body, idempotency_key).await
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
        self.post_payment(body, idempotency_key).await
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

    /// Posts one payment attempt (its body and idempotency key) and reads the answer.
    async fn post_payment(
        &self,
        body: JsonBuilder,
        idempotency_key: &str,
    ) -> Result<PaymentAnswer, CheckoutError> {
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
