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

mod component;
mod convert;
mod inner;
mod options;

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Object, Promise};
use leptos::prelude::*;
use paykka_core::flow::PaymentState;
use paykka_core::frame_protocol::FieldKind;
use paykka_core::{CheckoutError, HolderNamePolicy};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortController;

use crate::api::{BackendClient, SubmitHook};
use crate::chunks::{AppearanceRefused, parse_appearance};
use crate::components::DropIn;
use crate::components::dropin::DropInProps;
use crate::components::internal::browser::current_page_url;
use crate::context::CheckoutContext;
use crate::i18n;
use component::{ComponentKind, JsComponent};
use convert::*;
use inner::*;
use options::*;

/// Marks an element that holds a mount, so a second mount into it is refused.
pub(super) const MOUNTED_ATTR: &str = "data-paykka-mounted";

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
        install_panic_hook();
        let mut options = parse_options(&options)?;
        add_translations(&options)?;
        let controller =
            AbortController::new().map_err(|_| type_error("AbortController is missing"))?;
        let client = BackendClient::new(&options.backend_url, controller.signal())
            .with_submit_hook(options.on_submit.clone().map(SubmitHook))
            .with_early_responses(&early);
        let browser = crate::components::internal::browser::browser_languages();
        let fallback = i18n::negotiate(
            options
                .locale
                .iter()
                .chain(browser.iter())
                .map(String::as_str),
        );
        // The payment so far is asked for at the same time, for a Drop-in to show at once; and
        // the appearance's parser, when there is one, loads meanwhile.
        let appearance = options.appearance_source.take().map(parse_appearance);
        let (appearance, (session, answer)) = crate::api::join(
            async move {
                match appearance {
                    Some(parsing) => Some(parsing.await),
                    None => None,
                }
            },
            crate::api::join(
                client.session(&options.session_id),
                client.result(&options.session_id),
            ),
        )
        .await;
        options.appearance = match appearance {
            None => None,
            Some(Ok(appearance)) => Some(appearance),
            Some(Err(AppearanceRefused::Invalid(why))) => {
                return Err(type_error(&format!("option `appearance`: {why}")));
            }
            // The checkout still works, in our look: the merchant hears why in the console.
            Some(Err(AppearanceRefused::Unavailable)) => {
                leptos::logging::warn!(
                    "paykka-checkout: the appearance could not be applied (its code did not load)"
                );
                None
            }
        };
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
        if session.expired {
            // The checkout still resolves (the Drop-in shows an expired state); tell the merchant.
            call(&options.on_expired, &JsValue::UNDEFINED);
        }
        Ok(JsCheckout {
            inner: Rc::new(Inner::new(
                options,
                session,
                client,
                controller,
                locale,
                answer.ok(),
                number_frame,
            )),
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
        let callbacks = inner.payment_callbacks(Mode::DropIn);
        let show_pay_button = options.show_pay_button;
        let appearance = options.appearance.clone();
        let configuration = inner.configuration();
        let submits: Signal<u32> = inner.dropin_submits.into();
        let loaded = inner
            .first_answer
            .borrow_mut()
            .take()
            .map(|answer| (inner.session.clone(), answer));
        let handle = leptos::mount::mount_to(element.clone(), move || {
            DropIn(DropInProps {
                loaded,
                session_id,
                backend_url,
                locale: locale.into(),
                return_url: Some(return_url),
                allow_stored_card_removal: Some(allow_removal),
                submit_hook: submit_hook.take(),
                show_pay_button: Some(show_pay_button),
                submit_requests: Some(submits),
                on_submit_settled: callbacks.on_submit_settled,
                on_payment_completed: callbacks.on_payment_completed,
                on_payment_failed: callbacks.on_payment_failed,
                on_error: callbacks.on_error,
                events: callbacks.events,
                appearance: appearance.into(),
                configuration,
            })
        });
        inner.add_mount(element, Box::new(handle));
        inner.dropin_mounted.set(true);
        keep_alive(inner);
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
            "holderName" if self.inner.options.holder_name == Some(HolderNamePolicy::Hidden) => {
                return Err(type_error(
                    "create('holderName'): the holder's name is hidden (option holderName: 'hidden')",
                ));
            }
            "holderName" => ComponentKind::Field(FieldKind::Holder),
            "card" => ComponentKind::Card,
            other => {
                return Err(type_error(&format!(
                    "create({}): unknown component (known: {})",
                    quoted(other),
                    crate::js_api_names::COMPONENT_KINDS.join(", ")
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
    pub fn submit(&self, options: JsValue) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            inner.alive("submit")?;
            let context = inner.context.clone();
            if inner.dropin_mounted.get() && inner.payment.borrow().is_none() {
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
            let Some(payment) = *inner.payment.borrow() else {
                return Err(type_error(
                    "submit(): mount the card components first (create('cardNumber').mount(...))",
                ));
            };
            if payment.state().get_untracked() == PaymentState::Submitting {
                return Err(type_error("submit(): a payment is already in progress"));
            }
            // `submit({ storePaymentMethod: true })`: the shopper's "save this card", where the
            // session offers it (a subscription saves anyway, a guest's card never).
            if let Some(store) = get(&options, "storePaymentMethod").as_bool() {
                payment.save_card().set(store);
            }
            inner.component_submit.set(true);
            let outcome = payment.pay_now().await;
            inner.component_submit.set(false);
            match outcome {
                Ok(answer) => Ok(answer_object(&answer, &inner.options.session_id, &context)),
                Err(CheckoutError::FieldNotMounted) => {
                    let missing = payment
                        .card_frames()
                        .and_then(|f| f.missing_fields().first().copied())
                        .map_or("card", component::component_name);
                    Err(not_mounted_object(missing, &context))
                }
                Err(error) => Err(error_object(error, &context)),
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
        self.inner.payment.borrow_mut().take();
        self.inner.controller.abort();
        self.inner.owner.cleanup();
    }

    /// Whether the card components hold a payable card now (every needed field valid); `false`
    /// before any is mounted. `onValidityChange` says when it changes.
    #[wasm_bindgen(getter, js_name = isValid)]
    pub fn is_valid(&self) -> bool {
        self.inner.payment.borrow().is_some_and(|p| {
            p.card_frames()
                .is_some_and(|f| f.is_valid().get_untracked())
        })
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

/// A panic aborts the wasm: at least say where, for the merchant's bug report. (Not in the
/// script-tag bundle, built with panics as a bare trap: no hook ever runs there.)
fn install_panic_hook() {
    #[cfg(not(panic = "immediate-abort"))]
    {
        static PANIC_HOOK: std::sync::Once = std::sync::Once::new();
        PANIC_HOOK.call_once(|| {
            std::panic::set_hook(Box::new(|info| {
                leptos::logging::error!("PaykkaCheckout crashed: {info}")
            }));
        });
    }
}

/// The merchant's own messages (`translations`), checked before anything is shown.
fn add_translations(options: &Options) -> Result<(), JsValue> {
    for (locale, ftl) in &options.translations {
        i18n::add_messages(locale, ftl)
            .map_err(|e| type_error(&format!("option `translations[{}]`: {e}", quoted(locale))))?;
    }
    Ok(())
}
