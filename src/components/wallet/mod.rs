//! Apple Pay and Google Pay through the browser's own payment sheets: Apple's
//! `ApplePaySession` (Safari) and the Payment Request API with Google Pay's method. A wallet is
//! offered only where the browser says it can pay with it; elsewhere it is not shown at all.
//!
//! The sheet must open inside the shopper's click (browsers require a user gesture), so
//! [`WalletSheet::open`] is synchronous; what follows (merchant validation, the wallet's token,
//! telling the sheet how the payment ended) is asynchronous. The sheets' code is a chunk of
//! the SDK's wasm ([`wallet_code`]), loaded when the session has a wallet, before it is offered.

use std::cell::RefCell;
use std::rc::Rc;

use futures_channel::oneshot;
use js_sys::{Array, Function, Object, Promise, Reflect};
use paykka_core::{Amount, Brand};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};

use paykka_core::CheckoutError;
use paykka_core::flow::PaymentOutcome;

use crate::api::{BackendClient, PaymentAnswer};
use crate::chunks::{ChunkUnavailable, split_point};

mod button;
pub use button::{WalletButtonColor, WalletButtonOptions, WalletButtonType, WalletButtons};

stylance::import_crate_style!(pub(crate) style, "src/components/wallet/wallet.module.css");

/// The two browser wallets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wallet {
    /// Apple Pay (Safari, and browsers on Apple devices that offer it).
    ApplePay,
    /// Google Pay.
    GooglePay,
}

impl Wallet {
    /// The wallet of a gateway method code (`ApplePay`, `GooglePay`).
    pub fn from_code(code: &str) -> Option<Wallet> {
        match code {
            "ApplePay" => Some(Wallet::ApplePay),
            "GooglePay" => Some(Wallet::GooglePay),
            _ => None,
        }
    }

    /// The gateway's method code.
    pub const fn code(self) -> &'static str {
        match self {
            Wallet::ApplePay => "ApplePay",
            Wallet::GooglePay => "GooglePay",
        }
    }
}

/// What the sheet shows and accepts.
#[derive(Clone, Debug)]
pub struct WalletRequest {
    /// The merchant's name, shown on the total line.
    pub merchant_name: String,
    pub amount: Amount,
    /// ISO 3166 country of the merchant (Apple Pay wants one).
    pub country: String,
    /// Card brands the merchant takes.
    pub brands: Vec<Brand>,
    /// The merchant's id at the gateway, for Google Pay's tokenization parameters.
    pub gateway_merchant_id: String,
}

/// How the sheet ended before any payment request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetEnd {
    /// The shopper closed it.
    Cancelled,
    /// The browser refused to open it, or merchant validation failed.
    Failed,
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = get(target, method).dyn_into()?;
    function.apply(target, &args.iter().collect::<Array>())
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn apple_networks(brands: &[Brand]) -> Array {
    brands
        .iter()
        .filter_map(|b| match b {
            Brand::Visa => Some("visa"),
            Brand::Mastercard => Some("masterCard"),
            Brand::Amex => Some("amex"),
            Brand::Jcb => Some("jcb"),
            Brand::Discover => Some("discover"),
            Brand::UnionPay => Some("chinaUnionPay"),
            _ => None,
        })
        .map(JsValue::from_str)
        .collect()
}

fn google_networks(brands: &[Brand]) -> Array {
    brands
        .iter()
        .filter_map(|b| match b {
            Brand::Visa => Some("VISA"),
            Brand::Mastercard => Some("MASTERCARD"),
            Brand::Amex => Some("AMEX"),
            Brand::Jcb => Some("JCB"),
            Brand::Discover => Some("DISCOVER"),
            _ => None,
        })
        .map(JsValue::from_str)
        .collect()
}

/// Google Pay as a Payment Request method (`https://google.com/pay`, API version 2).
fn google_pay_method(req: &WalletRequest) -> Object {
    let tokenization = Object::new();
    set(&tokenization, "type", "PAYMENT_GATEWAY");
    let params = Object::new();
    set(&params, "gateway", "paykka");
    set(
        &params,
        "gatewayMerchantId",
        req.gateway_merchant_id.as_str(),
    );
    set(&tokenization, "parameters", params);
    let card_params = Object::new();
    set(
        &card_params,
        "allowedAuthMethods",
        Array::of2(&"PAN_ONLY".into(), &"CRYPTOGRAM_3DS".into()),
    );
    set(
        &card_params,
        "allowedCardNetworks",
        google_networks(&req.brands),
    );
    let card = Object::new();
    set(&card, "type", "CARD");
    set(&card, "parameters", card_params);
    set(&card, "tokenizationSpecification", tokenization);
    let merchant = Object::new();
    set(&merchant, "merchantName", req.merchant_name.as_str());
    let data = Object::new();
    set(&data, "apiVersion", 2);
    set(&data, "apiVersionMinor", 0);
    set(&data, "allowedPaymentMethods", Array::of1(&card));
    set(&data, "merchantInfo", merchant);
    let method = Object::new();
    set(&method, "supportedMethods", "https://google.com/pay");
    set(&method, "data", data);
    method
}

fn payment_details(req: &WalletRequest) -> Object {
    let amount = Object::new();
    set(&amount, "currency", req.amount.currency().code());
    set(&amount, "value", req.amount.to_decimal_string());
    let total = Object::new();
    set(&total, "label", req.merchant_name.as_str());
    set(&total, "amount", amount);
    let details = Object::new();
    set(&details, "total", total);
    details
}

fn google_pay_request(req: &WalletRequest) -> Result<JsValue, JsValue> {
    let ctor: Function =
        get(&window().ok_or(JsValue::NULL)?.into(), "PaymentRequest").dyn_into()?;
    let args = Array::of2(&Array::of1(&google_pay_method(req)), &payment_details(req));
    Reflect::construct(&ctor, &args)
}

/// Whether this browser has `wallet`'s API at all (`ApplePaySession`, `PaymentRequest`): where
/// it has not, the wallets' code is not even downloaded.
pub fn browser_has_api(wallet: Wallet) -> bool {
    let Some(window) = window() else { return false };
    let name = match wallet {
        Wallet::ApplePay => "ApplePaySession",
        Wallet::GooglePay => "PaymentRequest",
    };
    !get(&window.into(), name).is_undefined()
}

/// Whether this browser can pay with `wallet` now (never throws, never panics).
pub async fn available(wallet: Wallet, req: &WalletRequest) -> bool {
    let Some(window) = window() else { return false };
    match wallet {
        Wallet::ApplePay => {
            let session = get(&window.into(), "ApplePaySession");
            !session.is_undefined()
                && call(&session, "canMakePayments", &[])
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false)
        }
        Wallet::GooglePay => {
            let Ok(request) = google_pay_request(req) else {
                return false;
            };
            let Ok(promise) =
                call(&request, "canMakePayment", &[]).and_then(|p| p.dyn_into::<Promise>())
            else {
                return false;
            };
            JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        }
    }
}

/// An open payment sheet.
pub struct WalletSheet {
    wallet: Wallet,
    /// The `ApplePaySession`, or Google Pay's `PaymentResponse` once the shopper authorised.
    handle: Rc<RefCell<JsValue>>,
    authorized: oneshot::Receiver<Result<JsValue, SheetEnd>>,
    // The sheet's event handlers live as long as the sheet.
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl WalletSheet {
    /// Opens the sheet: call it inside the shopper's click.
    pub fn open(
        wallet: Wallet,
        req: &WalletRequest,
        client: BackendClient,
    ) -> Result<WalletSheet, SheetEnd> {
        match wallet {
            Wallet::ApplePay => Self::open_apple_pay(req, client),
            Wallet::GooglePay => Self::open_google_pay(req),
        }
    }

    fn open_apple_pay(req: &WalletRequest, client: BackendClient) -> Result<WalletSheet, SheetEnd> {
        let window = window().ok_or(SheetEnd::Failed)?;
        let ctor: Function = get(&window.into(), "ApplePaySession")
            .dyn_into()
            .map_err(|_| SheetEnd::Failed)?;
        let request = Object::new();
        set(&request, "countryCode", req.country.as_str());
        set(&request, "currencyCode", req.amount.currency().code());
        set(&request, "supportedNetworks", apple_networks(&req.brands));
        set(
            &request,
            "merchantCapabilities",
            Array::of1(&"supports3DS".into()),
        );
        let total = Object::new();
        set(&total, "label", req.merchant_name.as_str());
        set(&total, "amount", req.amount.to_decimal_string());
        set(&request, "total", total);
        let session = Reflect::construct(&ctor, &Array::of2(&JsValue::from(3), &request))
            .map_err(|_| SheetEnd::Failed)?;

        let (sender, authorized) = oneshot::channel();
        let sender = Rc::new(RefCell::new(Some(sender)));
        let finish = {
            let sender = sender.clone();
            move |result: Result<JsValue, SheetEnd>| {
                if let Some(sender) = sender.borrow_mut().take() {
                    let _ = sender.send(result);
                }
            }
        };
        let on_validate = {
            let session = session.clone();
            let finish = finish.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                let validation_url = get(&event, "validationURL").as_string().unwrap_or_default();
                let domain = web_sys::window()
                    .and_then(|w| w.location().hostname().ok())
                    .unwrap_or_default();
                let session = session.clone();
                let client = client.clone();
                let finish = finish.clone();
                spawn_local(async move {
                    match client.apple_pay_session(&validation_url, &domain).await {
                        Ok(merchant_session) => {
                            let _ =
                                call(&session, "completeMerchantValidation", &[merchant_session]);
                        }
                        Err(_) => {
                            let _ = call(&session, "abort", &[]);
                            finish(Err(SheetEnd::Failed));
                        }
                    }
                });
            })
        };
        let on_authorized = {
            let finish = finish.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                finish(Ok(get(&get(&event, "payment"), "token")));
            })
        };
        let on_cancel =
            Closure::<dyn FnMut(JsValue)>::new(move |_| finish(Err(SheetEnd::Cancelled)));
        let target: &Object = session.unchecked_ref();
        set(target, "onvalidatemerchant", on_validate.as_ref().clone());
        set(
            target,
            "onpaymentauthorized",
            on_authorized.as_ref().clone(),
        );
        set(target, "oncancel", on_cancel.as_ref().clone());
        call(&session, "begin", &[]).map_err(|_| SheetEnd::Failed)?;
        Ok(WalletSheet {
            wallet: Wallet::ApplePay,
            handle: Rc::new(RefCell::new(session)),
            authorized,
            _handlers: vec![on_validate, on_authorized, on_cancel],
        })
    }

    fn open_google_pay(req: &WalletRequest) -> Result<WalletSheet, SheetEnd> {
        let request = google_pay_request(req).map_err(|_| SheetEnd::Failed)?;
        let shown: Promise = call(&request, "show", &[])
            .and_then(|p| p.dyn_into())
            .map_err(|_| SheetEnd::Failed)?;
        let (sender, authorized) = oneshot::channel();
        let handle = Rc::new(RefCell::new(JsValue::UNDEFINED));
        let response_slot = handle.clone();
        spawn_local(async move {
            let result = match JsFuture::from(shown).await {
                Ok(response) => {
                    // Google Pay's payload: `details` holds `paymentMethodData.tokenizationData`.
                    let details = get(&response, "details");
                    *response_slot.borrow_mut() = response;
                    Ok(details)
                }
                Err(error) => {
                    let aborted = get(&error, "name")
                        .as_string()
                        .is_some_and(|n| n == "AbortError");
                    Err(if aborted {
                        SheetEnd::Cancelled
                    } else {
                        SheetEnd::Failed
                    })
                }
            };
            let _ = sender.send(result);
        });
        Ok(WalletSheet {
            wallet: Wallet::GooglePay,
            handle,
            authorized,
            _handlers: Vec::new(),
        })
    }

    /// The wallet's payment data once the shopper authorised, for the backend's `wallet_data`.
    pub async fn authorized(&mut self) -> Result<JsValue, SheetEnd> {
        (&mut self.authorized)
            .await
            .unwrap_or(Err(SheetEnd::Cancelled))
    }

    /// Tells the sheet how the payment ended, so it closes with the right animation.
    pub async fn complete(self, paid: bool) {
        let handle = self.handle.borrow().clone();
        match self.wallet {
            // ApplePaySession.STATUS_SUCCESS = 0, STATUS_FAILURE = 1.
            Wallet::ApplePay => {
                let _ = call(
                    &handle,
                    "completePayment",
                    &[JsValue::from(if paid { 0 } else { 1 })],
                );
            }
            Wallet::GooglePay => {
                if let Ok(promise) = call(
                    &handle,
                    "complete",
                    &[JsValue::from_str(if paid { "success" } else { "fail" })],
                )
                .and_then(|p| p.dyn_into::<Promise>())
                {
                    let _ = JsFuture::from(promise).await;
                }
            }
        }
    }
}

/// A future of the wallet code's, boxed: its code stays in the wallets' chunk.
pub type WalletFuture<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T>>>;

/// Sends the wallet's payment data to the backend once the shopper authorised: `None` when the
/// checkout was unmounted while the sheet was open.
pub type SendWalletPayment =
    Box<dyn FnOnce(JsValue) -> WalletFuture<Option<Result<PaymentAnswer, CheckoutError>>>>;

/// How a payment in a wallet's sheet ended.
pub enum SheetPayment {
    /// The backend answered; the sheet closed with that outcome.
    Answered(Result<PaymentAnswer, CheckoutError>),
    /// The sheet closed before any payment request.
    Ended(SheetEnd),
    /// The checkout was unmounted while the sheet was open.
    Abandoned,
}

/// The wallets' code, a chunk of the SDK's wasm (see [`crate::chunks`]): loaded once, when the
/// session has a wallet, and then called synchronously (the sheet must open inside the click).
#[derive(Clone, Copy)]
pub struct WalletCode {
    /// Whether this browser can pay with the wallet now.
    pub available: fn(Wallet, WalletRequest) -> WalletFuture<bool>,
    /// Opens the wallet's sheet (call it inside the shopper's click), then waits for the shopper,
    /// pays with `send` and closes the sheet with the outcome.
    pub pay: fn(
        Wallet,
        WalletRequest,
        BackendClient,
        SendWalletPayment,
    ) -> Result<WalletFuture<SheetPayment>, SheetEnd>,
}

fn available_boxed(wallet: Wallet, req: WalletRequest) -> WalletFuture<bool> {
    Box::pin(async move { available(wallet, &req).await })
}

fn pay_in_sheet(
    wallet: Wallet,
    req: WalletRequest,
    client: BackendClient,
    send: SendWalletPayment,
) -> Result<WalletFuture<SheetPayment>, SheetEnd> {
    let mut sheet = WalletSheet::open(wallet, &req, client)?;
    Ok(Box::pin(async move {
        let wallet_data = match sheet.authorized().await {
            Ok(data) => data,
            Err(end) => return SheetPayment::Ended(end),
        };
        let Some(answer) = send(wallet_data).await else {
            return SheetPayment::Abandoned;
        };
        let paid = answer
            .as_ref()
            .is_ok_and(|a| a.outcome() == PaymentOutcome::Paid);
        sheet.complete(paid).await;
        SheetPayment::Answered(answer)
    }))
}

split_point! { wallets, preload_wallets:
    /// Loads the wallets' code: the sheets, and the browser's answer to "can I pay with it".
    pub fn wallet_code() -> Result<WalletCode, ChunkUnavailable> {
        Ok(WalletCode {
            available: available_boxed,
            pay: pay_in_sheet,
        })
    }
}
