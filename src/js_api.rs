//! The JavaScript API, for merchant pages that load the SDK with a script tag:
//!
//! ```js
//! const checkout = await PaykkaCheckout.create({ sessionId, backendUrl, onPaymentCompleted });
//! checkout.mount('#dropin');                          // Drop-in
//! checkout.create('cardNumber').mount('#number');     // or Components, in the merchant's layout
//! const result = await checkout.submit();             // ... with the merchant's own button
//! checkout.destroy();
//! ```
//!
//! Options are checked on `create`, and a wrong one is a `TypeError` naming it. Callbacks get
//! plain objects; what can fail returns a rejected promise with `{ code, message }`.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use paykka_core::flow::{PaymentFlow, PaymentOutcome, PaymentState};
use paykka_core::frame_protocol::FieldKind;
use paykka_core::{Brand, CheckoutError};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::{AbortController, HtmlElement};

use crate::api::{BackendClient, PaymentAction, PaymentAnswer, Session, SubmitHook};
use crate::components::internal::browser::{current_page_url, redirect};
use crate::components::internal::new_idempotency_key;
use crate::components::{
    CardFrames, CheckoutScope, DropIn, PaymentSummary, SecureCardForm, SecureField,
};
use crate::context::CheckoutContext;
use crate::i18n;
use paykka_core::appearance::Appearance;

/// Marks an element that holds a mount, so a second mount into it is refused.
const MOUNTED_ATTR: &str = "data-paykka-mounted";

const KNOWN_OPTIONS: &[&str] = &[
    "sessionId",
    "backendUrl",
    "locale",
    "returnUrl",
    "allowStoredCardRemoval",
    "onReady",
    "onChange",
    "onPaymentCompleted",
    "onPaymentFailed",
    "onError",
    "onSubmit",
    "onExpired",
    "showPayButton",
    "translations",
    "appearance",
];

struct Options {
    session_id: String,
    backend_url: String,
    locale: Option<String>,
    return_url: Option<String>,
    allow_stored_card_removal: bool,
    on_ready: Option<Function>,
    on_change: Option<Function>,
    on_payment_completed: Option<Function>,
    on_payment_failed: Option<Function>,
    on_error: Option<Function>,
    on_submit: Option<Function>,
    on_expired: Option<Function>,
    show_pay_button: bool,
    /// The merchant's messages per locale, as Fluent sources (see [`translations`]).
    translations: Vec<(String, String)>,
    appearance: Option<Appearance>,
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(&format!("PaykkaCheckout: {message}")).into()
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
}

/// An object of named members (not an array), as every structured option must be.
fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

/// The own enumerable keys of an object.
fn keys_of(value: &JsValue) -> Vec<String> {
    Object::keys(value.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect()
}

fn parse_options(value: &JsValue) -> Result<Options, JsValue> {
    if !is_plain_object(value) {
        return Err(type_error("create(options): options must be an object"));
    }
    for key in keys_of(value) {
        if !KNOWN_OPTIONS.contains(&key.as_str()) {
            return Err(type_error(&format!(
                "unknown option `{key}` (known: {})",
                KNOWN_OPTIONS.join(", ")
            )));
        }
    }
    let string = |key: &str| -> Result<Option<String>, JsValue> {
        let v = get(value, key);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string()
            .map(Some)
            .ok_or_else(|| type_error(&format!("option `{key}` must be a string")))
    };
    let function = |key: &str| -> Result<Option<Function>, JsValue> {
        let v = get(value, key);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.dyn_into::<Function>()
            .map(Some)
            .map_err(|_| type_error(&format!("option `{key}` must be a function")))
    };
    let session_id = string("sessionId")?.filter(|s| !s.trim().is_empty()).ok_or_else(|| {
        type_error("option `sessionId` is required: the session id your backend created (POST /api/sessions)")
    })?;
    if session_id.len() > 64
        || !session_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(type_error(
            "option `sessionId` is not a session id (letters, digits, - and _, at most 64)",
        ));
    }
    let backend_url = string("backendUrl")?.unwrap_or_default();
    if !(backend_url.is_empty()
        || backend_url.starts_with("https://")
        || backend_url.starts_with("http://")
        || backend_url.starts_with('/'))
    {
        return Err(type_error(
            "option `backendUrl` must be an http(s) URL or a path on this origin",
        ));
    }
    let allow = get(value, "allowStoredCardRemoval");
    let allow_stored_card_removal = if allow.is_undefined() {
        true
    } else {
        allow
            .as_bool()
            .ok_or_else(|| type_error("option `allowStoredCardRemoval` must be a boolean"))?
    };
    Ok(Options {
        session_id,
        backend_url,
        locale: string("locale")?,
        return_url: string("returnUrl")?,
        allow_stored_card_removal,
        on_ready: function("onReady")?,
        on_change: function("onChange")?,
        on_payment_completed: function("onPaymentCompleted")?,
        on_payment_failed: function("onPaymentFailed")?,
        on_error: function("onError")?,
        on_submit: function("onSubmit")?,
        on_expired: function("onExpired")?,
        translations: translations(&get(value, "translations"))?,
        appearance: appearance(&get(value, "appearance"))?,
        show_pay_button: {
            let v = get(value, "showPayButton");
            if v.is_undefined() {
                true
            } else {
                v.as_bool()
                    .ok_or_else(|| type_error("option `showPayButton` must be a boolean"))?
            }
        },
    })
}

/// `appearance: { theme: "dark", variables: { colorPrimary: "#0a7" }, rules: { ".Input": { borderColor: "#333" } } }`.
fn appearance(value: &JsValue) -> Result<Option<Appearance>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let bad = |what: &str| type_error(&format!("option `appearance`: {what}"));
    if !is_plain_object(value) {
        return Err(bad("must be an object: { theme, variables, rules }"));
    }
    if let Some(unknown) = keys_of(value)
        .into_iter()
        .find(|k| !["theme", "variables", "rules"].contains(&k.as_str()))
    {
        return Err(bad(&format!(
            "unknown key `{unknown}` (known: theme, variables, rules)"
        )));
    }
    let theme = get(value, "theme");
    let theme = match theme.is_undefined() {
        true => None,
        false => Some(
            theme
                .as_string()
                .ok_or_else(|| bad("`theme` must be a string"))?,
        ),
    };
    let text = |v: JsValue, name: &str| {
        v.as_string()
            .ok_or_else(|| bad(&format!("`{name}` must be a string")))
    };
    let mut variables = Vec::new();
    let given = get(value, "variables");
    if !given.is_undefined() {
        if !is_plain_object(&given) {
            return Err(bad("`variables` must be an object"));
        }
        for name in keys_of(&given) {
            let v = text(get(&given, &name), &name)?;
            variables.push((name, v));
        }
    }
    let mut rules = Vec::new();
    let given = get(value, "rules");
    if !given.is_undefined() {
        if !is_plain_object(&given) {
            return Err(bad("`rules` must be an object"));
        }
        for selector in keys_of(&given) {
            let declarations = get(&given, &selector);
            if !is_plain_object(&declarations) {
                return Err(bad(&format!(
                    "rule `{selector}` must be an object of properties"
                )));
            }
            for property in keys_of(&declarations) {
                let v = text(get(&declarations, &property), &property)?;
                rules.push((selector.clone(), property, v));
            }
        }
    }
    Appearance::parse(
        theme.as_deref(),
        variables.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        rules
            .iter()
            .map(|(s, p, v)| (s.as_str(), p.as_str(), v.as_str())),
    )
    .map(Some)
    .map_err(|e| bad(&e.to_string()))
}

/// `translations: { "fr-FR": { "pay-button": "Régler { $amount }" }, "sw-KE": { ... } }`: message
/// ids of `locales/en-US/checkout.ftl` to Fluent patterns. Each locale becomes one Fluent source;
/// a locale we do not ship becomes one the shopper can get (English fills its gaps).
fn translations(value: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !is_plain_object(value) {
        return Err(type_error(
            "option `translations` must be an object: { \"fr-FR\": { \"pay-button\": \"...\" } }",
        ));
    }
    let mut sources = Vec::new();
    for locale in keys_of(value) {
        let messages = get(value, &locale);
        if !is_plain_object(&messages) {
            return Err(type_error(&format!(
                "option `translations[{}]` must be an object of message ids to text",
                quoted(&locale)
            )));
        }
        let mut ftl = String::new();
        for id in keys_of(&messages) {
            let valid_id = id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            let text = get(&messages, &id)
                .as_string()
                .filter(|t| !t.trim().is_empty());
            let (true, Some(text)) = (valid_id, text) else {
                return Err(type_error(&format!(
                    "option `translations[{}][{}]` must map a message id (e.g. \"pay-button\") to a non-empty string",
                    quoted(&locale),
                    quoted(&id)
                )));
            };
            // Continuation lines are indented, as Fluent reads a multiline value.
            ftl.push_str(&format!("{id} = {}\n", text.trim().replace('\n', "\n    ")));
        }
        sources.push((locale, ftl));
    }
    Ok(sources)
}

/// `{ code, message }` of an error, `code` being the message id without `error-`, e.g.
/// `card-declined`, and `message` the shopper's language.
fn error_object(error: CheckoutError, context: &CheckoutContext) -> JsValue {
    let object = Object::new();
    let id = error.message_id();
    set(&object, "code", id.strip_prefix("error-").unwrap_or(id));
    set(&object, "message", context.t(id));
    object.into()
}

/// `{ brand, last4 }`, or `null` when the answer names no card.
fn card_object(brand: Option<Brand>, last4: Option<&String>) -> JsValue {
    match (brand, last4) {
        (Some(brand), Some(last4)) => {
            let card = Object::new();
            set(&card, "brand", brand.code());
            set(&card, "last4", last4.as_str());
            card.into()
        }
        _ => JsValue::NULL,
    }
}

fn summary_object(summary: &PaymentSummary, context: &CheckoutContext) -> JsValue {
    let object = Object::new();
    set(&object, "sessionId", summary.session_id.as_str());
    set(
        &object,
        "orderId",
        summary
            .order_id
            .clone()
            .map_or(JsValue::NULL, JsValue::from),
    );
    let amount = Object::new();
    set(&amount, "value", summary.amount.minor() as f64);
    set(&amount, "currency", summary.amount.currency().code());
    set(&object, "amount", amount);
    set(
        &object,
        "card",
        card_object(summary.card_brand, summary.card_last4.as_ref()),
    );
    set(
        &object,
        "failure",
        summary
            .failure
            .map_or(JsValue::NULL, |e| error_object(e, context)),
    );
    object.into()
}

fn answer_object(answer: &PaymentAnswer, session_id: &str, context: &CheckoutContext) -> JsValue {
    let object = Object::new();
    set(&object, "status", answer.status.as_str());
    set(&object, "sessionId", session_id);
    set(
        &object,
        "orderId",
        answer.order_id.clone().map_or(JsValue::NULL, JsValue::from),
    );
    set(
        &object,
        "card",
        card_object(answer.card_brand, answer.card_last4.as_ref()),
    );
    let action = match &answer.action {
        Some(PaymentAction::Redirect { url, .. }) => {
            let action = Object::new();
            set(&action, "type", "redirect");
            set(&action, "url", url.as_str());
            action.into()
        }
        Some(PaymentAction::Qr {
            payload,
            expires_at,
        }) => {
            let action = Object::new();
            set(&action, "type", "qr");
            set(&action, "qrCode", payload.as_str());
            set(
                &action,
                "expiresAt",
                expires_at.clone().map_or(JsValue::NULL, JsValue::from),
            );
            action.into()
        }
        None => JsValue::NULL,
    };
    set(&object, "action", action);
    set(
        &object,
        "failure",
        answer
            .decline
            .map_or(JsValue::NULL, |e| error_object(e, context)),
    );
    object.into()
}

/// `text` as a JS string literal, for error messages: the browser's JSON quoting rather than
/// Rust's `{:?}`, whose escaping brings Unicode tables into the wasm.
fn quoted(text: &str) -> String {
    js_sys::JSON::stringify(&JsValue::from_str(text))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Calls a merchant callback; a throwing callback is reported, never propagated into the SDK.
fn call(callback: &Option<Function>, argument: &JsValue) {
    if let Some(callback) = callback {
        if let Err(error) = callback.call1(&JsValue::NULL, argument) {
            // The thrown value itself goes to the console (its stack stays clickable); the shipped
            // wasm has no Debug formatting to print it with.
            web_sys::console::error_2(
                &JsValue::from_str("PaykkaCheckout: a callback threw:"),
                &error,
            );
        }
    }
}

fn element_of(target: &JsValue, method: &str) -> Result<HtmlElement, JsValue> {
    if let Some(element) = target.dyn_ref::<HtmlElement>() {
        return Ok(element.clone());
    }
    let Some(selector) = target.as_string() else {
        return Err(type_error(&format!(
            "{method}(target): target must be a CSS selector or an element"
        )));
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| type_error("no document"))?;
    document
        .query_selector(&selector)
        .map_err(|_| {
            type_error(&format!(
                "{method}({}): not a valid CSS selector",
                quoted(&selector)
            ))
        })?
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .ok_or_else(|| {
            type_error(&format!(
                "{method}({}): no element matches",
                quoted(&selector)
            ))
        })
}

/// One mounted view: dropping it unmounts the view and frees its element.
struct Mount {
    id: u32,
    element: HtmlElement,
    handle: Option<Box<dyn Any>>,
}

impl Drop for Mount {
    fn drop(&mut self) {
        drop(self.handle.take());
        let _ = self.element.remove_attribute(MOUNTED_ATTR);
    }
}

thread_local! {
    /// Checkouts with something mounted. A mounted checkout must not depend on the merchant
    /// keeping a reference: when the JS object is garbage-collected, wasm-bindgen frees it, and
    /// this keeps the views alive until `unmount()` or `destroy()`.
    static LIVE: RefCell<Vec<Rc<Inner>>> = const { RefCell::new(Vec::new()) };
}

fn keep_alive(inner: &Rc<Inner>) {
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        if !live.iter().any(|i| Rc::ptr_eq(i, inner)) {
            live.push(inner.clone());
        }
    });
}

fn let_go(inner: &Rc<Inner>) {
    // Taken out first: dropping the last reference runs Drop code that must not find LIVE borrowed.
    let released: Vec<Rc<Inner>> = LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let (gone, kept) = live.drain(..).partition(|i| Rc::ptr_eq(i, inner));
        *live = kept;
        gone
    });
    drop(released);
}

struct Inner {
    options: Options,
    session: Session,
    client: BackendClient,
    controller: AbortController,
    context: CheckoutContext,
    /// Owns the signals that outlive any one mount (the Component-mode frames).
    owner: Owner,
    frames: RefCell<Option<CardFrames>>,
    mounts: RefCell<Vec<Mount>>,
    next_mount: Cell<u32>,
    flow: RefCell<PaymentFlow>,
    destroyed: Cell<bool>,
    /// Presses of the Drop-in's Pay from `submit()`, and the promise the press answers.
    dropin_submits: RwSignal<u32>,
    dropin_pending: RefCell<Option<(Function, Function)>>,
    dropin_mounted: Cell<bool>,
    /// The session's payment as `create()` found it, for the first Drop-in mounted.
    first_answer: RefCell<Option<PaymentAnswer>>,
    /// The loader's early number frame offered at `create()`, withdrawn by `unmount()` (and so
    /// `destroy()`) if no card form took it.
    number_frame: JsValue,
}

impl Inner {
    fn alive(&self, method: &str) -> Result<(), JsValue> {
        if self.destroyed.get() {
            return Err(type_error(&format!(
                "{method}(): this checkout was destroyed; create a new one"
            )));
        }
        Ok(())
    }

    fn claim(&self, element: &HtmlElement, method: &str) -> Result<(), JsValue> {
        if element.has_attribute(MOUNTED_ATTR) {
            return Err(type_error(&format!(
                "{method}(): this element already holds a PayKKa checkout; unmount it first"
            )));
        }
        let _ = element.set_attribute(MOUNTED_ATTR, "");
        Ok(())
    }

    fn add_mount(&self, element: HtmlElement, handle: Box<dyn Any>) -> u32 {
        let id = self.next_mount.get();
        self.next_mount.set(id + 1);
        self.mounts.borrow_mut().push(Mount {
            id,
            element,
            handle: Some(handle),
        });
        id
    }

    fn remove_mount(&self, id: u32) {
        let removed: Vec<Mount> = {
            let mut mounts = self.mounts.borrow_mut();
            let (gone, kept) = mounts.drain(..).partition(|m| m.id == id);
            *mounts = kept;
            gone
        };
        drop(removed);
    }

    /// The Component-mode frames, created on first use, shared by every card component.
    fn card_frames(&self) -> CardFrames {
        if let Some(frames) = self.frames.borrow().clone() {
            return frames;
        }
        let brands = self
            .session
            .methods
            .iter()
            .find(|m| m.flow == "card")
            .map(|m| m.brands.clone())
            .unwrap_or_default();
        let frames = self
            .owner
            .with(|| CardFrames::for_session(&self.session, self.context.i18n(), brands));
        *self.frames.borrow_mut() = Some(frames.clone());
        if frames.unavailable().is_some() {
            // No random channel for the frames: they never load (their first field says why),
            // and this checkout takes no payment.
            self.randomness_failed();
        }
        frames
    }

    /// The browser's random source failed: no payment may start (see
    /// [`PaymentFlow::randomness_failed`]); the merchant's `onError` hears it once, after the
    /// current call (a mount) has finished, so whatever it does to the checkout comes after.
    fn randomness_failed(&self) {
        let was_open = {
            let mut flow = self.flow.borrow_mut();
            flow.cancel_submit();
            let was_open = flow.can_submit();
            flow.randomness_failed();
            was_open
        };
        if was_open {
            let on_error = self.options.on_error.clone();
            let error = error_object(CheckoutError::RandomnessUnavailable, &self.context);
            wasm_bindgen_futures::spawn_local(async move { call(&on_error, &error) });
        }
    }
}

/// Where the locale files are (the loader calls this with its own folder and the bundle's
/// integrity hashes, so a locale is fetched from the bundle's origin and checked like the rest).
#[wasm_bindgen(js_name = configureLocales)]
pub fn configure_locales(base: &str, integrity: JsValue) {
    let mut hashes = Vec::new();
    if integrity.is_object() {
        for key in keys_of(&integrity) {
            if let Some(hash) = get(&integrity, &key).as_string() {
                hashes.push((key, hash));
            }
        }
    }
    i18n::set_locale_source(base, hashes);
}

/// A checkout for one session: mount the Drop-in, or create components.
#[wasm_bindgen(js_name = PaykkaCheckout)]
pub struct JsCheckout {
    inner: Rc<Inner>,
}

#[wasm_bindgen(js_class = PaykkaCheckout)]
impl JsCheckout {
    /// Checks the options and loads the session from the merchant backend. `early` and
    /// `number_frame` are the loader's: the session's GETs it started while the wasm downloaded
    /// (see `BackendClient::with_early_responses`), and the card number frame it started when the
    /// session answered (see `secure_card::offer_prewarmed_number_frame`); undefined without it.
    #[wasm_bindgen(js_name = create)]
    pub async fn create(
        options: JsValue,
        early: JsValue,
        number_frame: JsValue,
    ) -> Result<JsCheckout, JsValue> {
        // A panic aborts the wasm: at least say where, for the merchant's bug report. (Not in
        // the script-tag bundle, built with panics as a bare trap: no hook ever runs there.)
        #[cfg(not(panic = "immediate-abort"))]
        static PANIC_HOOK: std::sync::Once = std::sync::Once::new();
        #[cfg(not(panic = "immediate-abort"))]
        PANIC_HOOK.call_once(|| {
            std::panic::set_hook(Box::new(|info| {
                leptos::logging::error!("PaykkaCheckout crashed: {info}")
            }));
        });
        let options = parse_options(&options)?;
        for (locale, ftl) in &options.translations {
            i18n::add_messages(locale, ftl).map_err(|e| {
                type_error(&format!("option `translations[{}]`: {e}", quoted(locale)))
            })?;
        }
        let controller =
            AbortController::new().map_err(|_| type_error("AbortController is missing"))?;
        let client = BackendClient::new(&options.backend_url, controller.signal())
            .with_submit_hook(options.on_submit.clone().map(SubmitHook))
            .with_early_responses(&early);
        let browser: Vec<String> = web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|l| l.as_string())
                    .collect()
            })
            .unwrap_or_default();
        let fallback = i18n::negotiate(
            options
                .locale
                .iter()
                .chain(browser.iter())
                .map(String::as_str),
        );
        // The payment so far is asked for at the same time, for a Drop-in to show at once.
        let (session, answer) = crate::api::join(
            client.session(&options.session_id),
            client.result(&options.session_id),
        )
        .await;
        let session = match session {
            Ok(session) => session,
            Err(error) => {
                let context = CheckoutContext::new(i18n::load_locale([fallback]).await);
                let object = error_object(error, &context);
                call(&options.on_error, &object);
                return Err(object);
            }
        };
        // The number frame the loader started early, for this checkout's first card form.
        crate::components::secure_card::offer_prewarmed_number_frame(&number_frame);
        let locale = i18n::load_locale(
            session
                .display_locale
                .as_deref()
                .into_iter()
                .chain([fallback]),
        )
        .await;
        let owner = Owner::new();
        let context = owner.with(|| CheckoutContext::new(locale));
        let dropin_submits = owner.with(|| RwSignal::new(0));
        let mut flow = PaymentFlow::new();
        flow.session_loaded(session.expired, PaymentOutcome::NotStarted);
        if session.expired {
            // The checkout still resolves (the Drop-in shows an expired state); tell the merchant.
            call(&options.on_expired, &JsValue::UNDEFINED);
        }
        Ok(JsCheckout {
            inner: Rc::new(Inner {
                options,
                session,
                client,
                controller,
                context,
                owner,
                frames: RefCell::new(None),
                mounts: RefCell::new(Vec::new()),
                next_mount: Cell::new(1),
                flow: RefCell::new(flow),
                destroyed: Cell::new(false),
                dropin_submits,
                dropin_pending: RefCell::new(None),
                dropin_mounted: Cell::new(false),
                first_answer: RefCell::new(answer.ok()),
                number_frame,
            }),
        })
    }

    /// Mounts the whole Drop-in into `target` (a CSS selector or an element).
    pub fn mount(&self, target: JsValue) -> Result<(), JsValue> {
        let inner = &self.inner;
        inner.alive("mount")?;
        let element = element_of(&target, "mount")?;
        inner.claim(&element, "mount")?;
        let options = &inner.options;
        let session_id = options.session_id.clone();
        let backend_url = options.backend_url.clone();
        let locale = options.locale.clone();
        let return_url = options.return_url.clone().unwrap_or_else(current_page_url);
        let allow_removal = options.allow_stored_card_removal;
        let submit_hook = send_wrapper::SendWrapper::new(options.on_submit.clone().map(SubmitHook));
        let weak = Rc::downgrade(inner);
        let on_completed = {
            let weak = weak.clone();
            move |summary: PaymentSummary| {
                if let Some(inner) = weak.upgrade() {
                    call(
                        &inner.options.on_payment_completed,
                        &summary_object(&summary, &inner.context),
                    );
                }
            }
        };
        let on_failed = {
            let weak = weak.clone();
            move |summary: PaymentSummary| {
                if let Some(inner) = weak.upgrade() {
                    call(
                        &inner.options.on_payment_failed,
                        &summary_object(&summary, &inner.context),
                    );
                }
            }
        };
        let on_error = move |error: CheckoutError| {
            if let Some(inner) = weak.upgrade() {
                call(
                    &inner.options.on_error,
                    &error_object(error, &inner.context),
                );
            }
        };
        let on_settled = {
            let weak = Rc::downgrade(inner);
            move |state: PaymentState| {
                let Some(inner) = weak.upgrade() else { return };
                let Some((resolve, reject)) = inner.dropin_pending.borrow_mut().take() else {
                    return;
                };
                let context = &inner.context;
                let result = |status: &str, failure: Option<CheckoutError>| {
                    let object = Object::new();
                    set(&object, "status", status);
                    set(&object, "sessionId", inner.options.session_id.as_str());
                    set(
                        &object,
                        "failure",
                        failure.map_or(JsValue::NULL, |e| error_object(e, context)),
                    );
                    JsValue::from(object)
                };
                let _ = match state {
                    PaymentState::Succeeded => {
                        resolve.call1(&JsValue::NULL, &result("SUCCESS", None))
                    }
                    PaymentState::Declined(e) => {
                        resolve.call1(&JsValue::NULL, &result("FAILURE", Some(e)))
                    }
                    PaymentState::AwaitingScan | PaymentState::AwaitingResult => {
                        resolve.call1(&JsValue::NULL, &result("PROCESSING", None))
                    }
                    // The page is leaving for the issuer: nothing to settle here.
                    PaymentState::Redirecting => return,
                    PaymentState::Interrupted(e) | PaymentState::Unavailable(e) => {
                        reject.call1(&JsValue::NULL, &error_object(e, context))
                    }
                    PaymentState::Expired => reject.call1(
                        &JsValue::NULL,
                        &error_object(CheckoutError::SessionExpired, context),
                    ),
                    // Back to the form: the fields said what is wrong, beside each one.
                    _ => {
                        let object = Object::new();
                        set(&object, "code", "invalid-fields");
                        set(&object, "message", context.t("card-form-invalid-generic"));
                        reject.call1(&JsValue::NULL, &object.into())
                    }
                };
            }
        };
        let on_settled = send_wrapper::SendWrapper::new(on_settled);
        let show_pay_button = options.show_pay_button;
        let appearance = options.appearance.clone();
        let submits: Signal<u32> = inner.dropin_submits.into();
        let on_completed = send_wrapper::SendWrapper::new(on_completed);
        let on_failed = send_wrapper::SendWrapper::new(on_failed);
        let on_error = send_wrapper::SendWrapper::new(on_error);
        let loaded = inner
            .first_answer
            .borrow_mut()
            .take()
            .map(|answer| (inner.session.clone(), answer));
        let handle = leptos::mount::mount_to(element.clone(), move || {
            view! {
                <DropIn
                    loaded=loaded
                    session_id=session_id
                    backend_url=backend_url
                    locale=locale
                    return_url=return_url
                    allow_stored_card_removal=allow_removal
                    submit_hook=submit_hook.take()
                    show_pay_button=show_pay_button
                    submit_requests=Some(submits)
                    on_submit_settled=Some(Callback::new(move |s| (*on_settled)(s)))
                    on_payment_completed=move |s| (*on_completed)(s)
                    on_payment_failed=move |s| (*on_failed)(s)
                    on_error=move |e| (*on_error)(e)
                    appearance=appearance
                />
            }
        });
        inner.add_mount(element, Box::new(handle));
        inner.dropin_mounted.set(true);
        keep_alive(inner);
        call(&inner.options.on_ready, &JsValue::UNDEFINED);
        Ok(())
    }

    /// A Component: `cardNumber`, `expiry`, `cvv`, `holderName`, or `card` (all four together).
    /// The card components of one checkout act as one form: focus moves from one to the next,
    /// the number's brand sets the security code's length, and `submit()` encrypts them all.
    /// (The loader also exposes it as `checkout.create(kind)`: wasm-bindgen cannot export a
    /// static and an instance method of one name.)
    #[wasm_bindgen(js_name = createComponent)]
    pub fn create_component(&self, kind: &str) -> Result<JsComponent, JsValue> {
        self.inner.alive("create")?;
        let kind = match kind {
            "cardNumber" => ComponentKind::Field(FieldKind::Number),
            "expiry" | "expiryDate" => ComponentKind::Field(FieldKind::Expiry),
            "cvv" | "securityCode" => ComponentKind::Field(FieldKind::Cvv),
            "holderName" => ComponentKind::Field(FieldKind::Holder),
            "card" => ComponentKind::Card,
            other => {
                return Err(type_error(&format!(
                    "create({}): unknown component (known: cardNumber, expiry, cvv, holderName, card)",
                    quoted(other)
                )));
            }
        };
        Ok(JsComponent {
            inner: self.inner.clone(),
            kind,
            mount: Cell::new(None),
        })
    }

    /// Pays with the mounted card components: validates them (errors show beside each field),
    /// encrypts them in their frames, and sends the payment through the backend. Resolves to the
    /// payment's result (`{ status, orderId, card, action, failure }`); rejects with
    /// `{ code, message }` when nothing was paid (invalid fields, network, payment in flight).
    pub fn submit(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            inner.alive("submit")?;
            let context = inner.context.clone();
            if inner.dropin_mounted.get() && inner.frames.borrow().is_none() {
                // The Drop-in's own Pay, pressed from the merchant's button.
                if inner.dropin_pending.borrow().is_some() {
                    return Err(type_error("submit(): a payment is already in progress"));
                }
                let inner2 = inner.clone();
                let promise = Promise::new(&mut |resolve, reject| {
                    *inner2.dropin_pending.borrow_mut() = Some((resolve, reject));
                });
                inner.dropin_submits.update(|n| *n += 1);
                return wasm_bindgen_futures::JsFuture::from(promise).await;
            }
            let Some(frames) = inner.frames.borrow().clone() else {
                return Err(type_error(
                    "submit(): mount the card components first (create('cardNumber').mount(...))",
                ));
            };
            let was_open = inner.flow.borrow().can_submit();
            let key = inner.flow.borrow_mut().submit(new_idempotency_key);
            let Some(key) = key else {
                let error = match inner.flow.borrow().state() {
                    PaymentState::Expired => CheckoutError::SessionExpired,
                    PaymentState::Succeeded => CheckoutError::SessionCompleted,
                    PaymentState::Unavailable(error) => error,
                    _ => return Err(type_error("submit(): a payment is already in progress")),
                };
                let object = error_object(error, &context);
                if was_open {
                    // The random source failed just now: no key, no request.
                    call(&inner.options.on_error, &object);
                }
                return Err(object);
            };
            let card = match frames.encrypt().await {
                Ok(card) => card,
                Err(CheckoutError::RandomnessUnavailable) => {
                    inner.randomness_failed();
                    return Err(error_object(CheckoutError::RandomnessUnavailable, &context));
                }
                Err(error) => {
                    inner.flow.borrow_mut().cancel_submit();
                    return Err(error_object(error, &context));
                }
            };
            let return_url = inner
                .options
                .return_url
                .clone()
                .unwrap_or_else(current_page_url);
            let answer = inner
                .client
                .pay_with_card(&inner.options.session_id, &key, &card, false, &return_url)
                .await;
            match answer {
                Ok(answer) => {
                    inner.flow.borrow_mut().answered(answer.outcome());
                    let result = answer_object(&answer, &inner.options.session_id, &context);
                    match answer.outcome() {
                        PaymentOutcome::Paid => call(&inner.options.on_payment_completed, &result),
                        PaymentOutcome::Declined(_) => {
                            call(&inner.options.on_payment_failed, &result)
                        }
                        PaymentOutcome::Redirect => {
                            if let Some(PaymentAction::Redirect { url, post, data }) =
                                &answer.action
                            {
                                redirect(url, *post, data);
                            }
                        }
                        _ => {}
                    }
                    Ok(result)
                }
                Err(error) => {
                    inner.flow.borrow_mut().request_failed(error);
                    let object = error_object(error, &context);
                    call(&inner.options.on_error, &object);
                    Err(object)
                }
            }
        })
    }

    /// Removes every view this checkout mounted (the Drop-in and all components).
    pub fn unmount(&self) {
        let mounts = std::mem::take(&mut *self.inner.mounts.borrow_mut());
        drop(mounts);
        // Nothing of this checkout stays on the page, not even the frame started for it early.
        crate::components::secure_card::withdraw_prewarmed_number_frame(&self.inner.number_frame);
        let_go(&self.inner);
    }

    /// Unmounts everything, aborts every request in flight and frees the checkout. Calling any
    /// method afterwards is an error.
    pub fn destroy(&self) {
        if self.inner.destroyed.replace(true) {
            return;
        }
        self.unmount();
        self.inner.frames.borrow_mut().take();
        self.inner.controller.abort();
        self.inner.owner.cleanup();
    }

    /// The session's amount and currency, as the checkout will charge them.
    #[wasm_bindgen(getter)]
    pub fn amount(&self) -> JsValue {
        let amount = Object::new();
        set(&amount, "value", self.inner.session.amount.minor() as f64);
        set(
            &amount,
            "currency",
            self.inner.session.amount.currency().code(),
        );
        amount.into()
    }
}

#[derive(Clone, Copy)]
enum ComponentKind {
    Field(FieldKind),
    Card,
}

/// One piece of a Component-mode checkout, mounted where the merchant wants it.
#[wasm_bindgen(js_name = PaykkaComponent)]
pub struct JsComponent {
    inner: Rc<Inner>,
    kind: ComponentKind,
    mount: Cell<Option<u32>>,
}

#[wasm_bindgen(js_class = PaykkaComponent)]
impl JsComponent {
    /// Mounts the component into `target` (a CSS selector or an element).
    pub fn mount(&self, target: JsValue) -> Result<(), JsValue> {
        let inner = self.inner.clone();
        inner.alive("mount")?;
        if self.mount.get().is_some() {
            return Err(type_error(
                "mount(): this component is mounted already; unmount it first",
            ));
        }
        let element = element_of(&target, "mount")?;
        inner.claim(&element, "mount")?;
        let frames = inner.card_frames();
        let context = inner.context.clone();
        let locale = context.i18n().locale().to_owned();
        // The first component of a checkout carries its live region.
        let first = inner.mounts.borrow().is_empty();
        let kind = self.kind;
        let appearance = inner.options.appearance.clone();
        let on_change = inner
            .options
            .on_change
            .clone()
            .map(send_wrapper::SendWrapper::new);
        let handle = leptos::mount::mount_to(element.clone(), move || {
            if let (Some(on_change), ComponentKind::Field(field)) = (on_change, kind) {
                let state = frames.state(field);
                Effect::new(move |_| {
                    if let Some(state) = state.get() {
                        let object = Object::new();
                        set(&object, "field", field.code());
                        set(&object, "complete", state.complete);
                        set(&object, "valid", state.valid);
                        set(&object, "empty", state.empty);
                        set(
                            &object,
                            "brand",
                            state
                                .brand
                                .map_or(JsValue::NULL, |b: Brand| b.code().into()),
                        );
                        call(&Some((*on_change).clone()), &object.into());
                    }
                });
            }
            // Built inside the scope's children: the fields read the context the scope provides.
            // (Children must be Send; the frames never leave this thread.)
            let frames = send_wrapper::SendWrapper::new(frames);
            view! {
                <CheckoutScope locale=locale context=context without_live_region=!first appearance=appearance>
                    {match kind {
                        ComponentKind::Field(field) => view! { <SecureField frames=(*frames).clone() kind=field /> }.into_any(),
                        ComponentKind::Card => view! { <SecureCardForm frames=(*frames).clone() /> }.into_any(),
                    }}
                </CheckoutScope>
            }
        });
        let id = inner.add_mount(element, Box::new(handle));
        keep_alive(&inner);
        self.mount.set(Some(id));
        Ok(())
    }

    /// Removes the component from the page (the checkout keeps its other components).
    pub fn unmount(&self) {
        if let Some(id) = self.mount.take() {
            self.inner.remove_mount(id);
            if self.inner.mounts.borrow().is_empty() {
                let_go(&self.inner);
            }
        }
    }
}
