//! What one checkout holds between calls: its options, session, client, mounts and payment.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Object};
use leptos::prelude::*;
use paykka_core::CheckoutError;
use paykka_core::flow::PaymentState;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, HtmlElement};

use super::MOUNTED_ATTR;
use super::convert::*;
use super::options::Options;
use crate::api::{BackendClient, PaymentAction, PaymentAnswer, Session};
use crate::components::internal::browser::current_page_url;
use crate::context::CheckoutContext;
use crate::controller::{
    CheckoutConfiguration, CheckoutEvents, FieldChange, PaymentCallbacks, PaymentChoice,
    PaymentController, PaymentSummary,
};

/// Which kind of checkout a controller's callbacks serve.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    DropIn,
    Components,
}

/// One mounted view: dropping it unmounts the view and frees its element.
pub(super) struct Mount {
    pub(super) id: u32,
    pub(super) element: HtmlElement,
    pub(super) handle: Option<Box<dyn Any>>,
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

pub(super) fn keep_alive(inner: &Rc<Inner>) {
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        if !live.iter().any(|i| Rc::ptr_eq(i, inner)) {
            live.push(inner.clone());
        }
    });
}

pub(super) fn let_go(inner: &Rc<Inner>) {
    // Taken out first: dropping the last reference runs Drop code that must not find LIVE borrowed.
    let released: Vec<Rc<Inner>> = LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let (gone, kept) = live.drain(..).partition(|i| Rc::ptr_eq(i, inner));
        *live = kept;
        gone
    });
    drop(released);
}

pub(super) struct Inner {
    pub(super) options: Options,
    pub(super) session: Session,
    pub(super) client: BackendClient,
    pub(super) controller: AbortController,
    pub(super) context: CheckoutContext,
    /// Owns the signals that outlive any one mount (the Component-mode frames).
    pub(super) owner: Owner,
    /// Component mode's payment, made with the first card component (a Drop-in has its own).
    pub(super) payment: RefCell<Option<PaymentController>>,
    pub(super) mounts: RefCell<Vec<Mount>>,
    pub(super) next_mount: Cell<u32>,
    /// A look for card components the payment needs but nobody mounted is due (once the
    /// merchant's synchronous mounts are done).
    pub(super) missing_check_due: Cell<bool>,
    /// A Component-mode `submit()` is waiting for its payment.
    pub(super) component_submit: Cell<bool>,
    pub(super) destroyed: Cell<bool>,
    /// Presses of the Drop-in's Pay from `submit()`, and the promise the press answers.
    pub(super) dropin_submits: RwSignal<u32>,
    pub(super) dropin_pending: RefCell<Option<(Function, Function)>>,
    pub(super) dropin_mounted: Cell<bool>,
    /// The session's payment as `create()` found it, for the first Drop-in mounted.
    pub(super) first_answer: RefCell<Option<PaymentAnswer>>,
    /// The loader's early number frame offered at `create()`, withdrawn by `unmount()` (and so
    /// `destroy()`) if no card form took it.
    pub(super) number_frame: JsValue,
}

impl Inner {
    /// A checkout over a loaded session, its signals owned by a fresh [`Owner`].
    pub(super) fn new(
        options: Options,
        session: Session,
        client: BackendClient,
        controller: AbortController,
        locale: &'static str,
        first_answer: Option<PaymentAnswer>,
        number_frame: JsValue,
    ) -> Self {
        let owner = Owner::new();
        let context = owner.with(|| CheckoutContext::new(locale));
        let dropin_submits = owner.with(|| RwSignal::new(0));
        Inner {
            options,
            session,
            client,
            controller,
            context,
            owner,
            payment: RefCell::new(None),
            mounts: RefCell::new(Vec::new()),
            next_mount: Cell::new(1),
            missing_check_due: Cell::new(false),
            component_submit: Cell::new(false),
            destroyed: Cell::new(false),
            dropin_submits,
            dropin_pending: RefCell::new(None),
            dropin_mounted: Cell::new(false),
            first_answer: RefCell::new(first_answer),
            number_frame,
        }
    }

    /// Whether a `submit()` call is waiting for its payment: it reports the outcome itself
    /// (resolved, or rejected), so `onPaymentFailed` and `onError` stay silent meanwhile.
    pub(super) fn submit_in_flight(&self) -> bool {
        self.component_submit.get() || self.dropin_pending.borrow().is_some()
    }

    /// The merchant's choices beyond the session, from the options. By default the Drop-in and
    /// the `card` component show no holder field; a `holderName` component mounted on its own is
    /// read when filled.
    pub(super) fn configuration(&self) -> CheckoutConfiguration {
        let mut configuration = self.options.configuration.clone();
        configuration.card.holder_name = self.options.holder_name.unwrap_or_default();
        configuration
    }

    pub(super) fn alive(&self, method: &str) -> Result<(), JsValue> {
        if self.destroyed.get() {
            return Err(type_error(&format!(
                "{method}(): this checkout was destroyed; create a new one"
            )));
        }
        Ok(())
    }

    pub(super) fn claim(&self, element: &HtmlElement, method: &str) -> Result<(), JsValue> {
        if element.has_attribute(MOUNTED_ATTR) {
            return Err(type_error(&format!(
                "{method}(): this element already holds a PayKKa checkout; unmount it first"
            )));
        }
        let _ = element.set_attribute(MOUNTED_ATTR, "");
        Ok(())
    }

    pub(super) fn add_mount(&self, element: HtmlElement, handle: Box<dyn Any>) -> u32 {
        let id = self.next_mount.get();
        self.next_mount.set(id + 1);
        self.mounts.borrow_mut().push(Mount {
            id,
            element,
            handle: Some(handle),
        });
        id
    }

    pub(super) fn remove_mount(&self, id: u32) {
        let removed: Vec<Mount> = {
            let mut mounts = self.mounts.borrow_mut();
            let (gone, kept) = mounts.drain(..).partition(|m| m.id == id);
            *mounts = kept;
            gone
        };
        drop(removed);
    }

    /// The merchant's functions as a payment controller calls them, for the Drop-in or for
    /// Component mode (one bridge for both).
    pub(super) fn payment_callbacks(self: &Rc<Self>, mode: Mode) -> PaymentCallbacks {
        let weak = Rc::downgrade(self);
        let tell = move |pick: fn(&Options) -> &Option<Function>,
                         argument: &dyn Fn(&CheckoutContext) -> JsValue| {
            if let Some(inner) = weak.upgrade() {
                call(pick(&inner.options), &argument(&inner.context));
            }
        };
        let tell = send_wrapper::SendWrapper::new(Rc::new(tell));
        let (completed, failed, error) = (tell.clone(), tell.clone(), tell);
        let settling = send_wrapper::SendWrapper::new(Rc::downgrade(self));
        let (submitting, in_submit) = (settling.clone(), settling.clone());
        PaymentCallbacks {
            on_payment_completed: Some(Callback::new(move |s: PaymentSummary| {
                completed(|o| &o.on_payment_completed, &|c| summary_object(&s, c))
            })),
            on_payment_failed: Some(Callback::new(move |s: PaymentSummary| {
                // A `submit()` in flight reports its own failure, once: its promise.
                if !submitting.upgrade().is_some_and(|i| i.submit_in_flight()) {
                    failed(|o| &o.on_payment_failed, &|c| summary_object(&s, c))
                }
            })),
            on_error: Some(Callback::new(move |e: CheckoutError| {
                if in_submit.upgrade().is_some_and(|i| i.submit_in_flight()) {
                    return;
                }
                let error = (*error).clone();
                match mode {
                    Mode::DropIn => error(|o| &o.on_error, &|c| error_object(e, c)),
                    // After the current call (a mount, a submit) has finished, so whatever the
                    // merchant does to the checkout from `onError` comes after it.
                    Mode::Components => wasm_bindgen_futures::spawn_local(async move {
                        error(|o| &o.on_error, &|c| error_object(e, c))
                    }),
                }
            })),
            on_submit_settled: (mode == Mode::DropIn).then(|| {
                Callback::new(move |state: PaymentState| {
                    if let Some(inner) = settling.upgrade() {
                        inner.settle_dropin_submit(state);
                    }
                })
            }),
            events: CheckoutEvents {
                on_ready: self.options.on_ready.is_some().then(|| {
                    let tell = tell_of(self);
                    Callback::new(move |()| tell(|o| &o.on_ready, JsValue::UNDEFINED))
                }),
                on_validity_change: self.options.on_validity_change.is_some().then(|| {
                    let tell = tell_of(self);
                    Callback::new(move |valid: bool| {
                        tell(|o| &o.on_validity_change, JsValue::from_bool(valid))
                    })
                }),
                on_field_change: field_callback(self, |o| &o.on_change),
                on_field_focus: field_callback(self, |o| &o.on_focus),
                on_field_blur: field_callback(self, |o| &o.on_blur),
                on_additional_action: self.options.on_additional_action.is_some().then(|| {
                    let tell = tell_of(self);
                    Callback::new(move |action: PaymentAction| {
                        tell(|o| &o.on_additional_action, action_object(&action))
                    })
                }),
            },
        }
    }

    /// A press of the Drop-in's Pay from `submit()` has run its course: its promise learns how.
    fn settle_dropin_submit(&self, state: PaymentState) {
        let Some((resolve, reject)) = self.dropin_pending.borrow_mut().take() else {
            return;
        };
        let context = &self.context;
        let result = |status: &str, failure: Option<CheckoutError>| {
            let object = Object::new();
            set(&object, "status", status);
            set(&object, "sessionId", self.options.session_id.as_str());
            set(
                &object,
                "failure",
                failure.map_or(JsValue::NULL, |e| error_object(e, context)),
            );
            JsValue::from(object)
        };
        let _ = match state {
            PaymentState::Succeeded => resolve.call1(&JsValue::NULL, &result("SUCCESS", None)),
            PaymentState::Declined(e) => resolve.call1(&JsValue::NULL, &result("FAILURE", Some(e))),
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
                set(&object, "code", crate::js_api_names::INVALID_FIELDS);
                set(&object, "message", context.t("card-form-invalid-generic"));
                reject.call1(&JsValue::NULL, &object.into())
            }
        };
    }

    /// Component mode's payment, made on first use and shared by every card component; `None`
    /// when the session takes no cards.
    pub(super) fn component_payment(self: &Rc<Self>) -> Option<PaymentController> {
        if let Some(payment) = *self.payment.borrow() {
            return Some(payment);
        }
        let callbacks = self.payment_callbacks(Mode::Components);
        let context = self.context.clone();
        // Its effects need the executor, which only a first mount would start otherwise.
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let payment = self.owner.with(|| {
            context.clone().provide();
            PaymentController::new(
                self.session.clone(),
                PaymentAnswer::not_started(),
                Some(self.client.clone()),
                self.options
                    .return_url
                    .clone()
                    .unwrap_or_else(current_page_url),
                callbacks,
                self.configuration(),
            )
        });
        payment.card_frames()?;
        // The merchant's components are a new card's fields: a saved card would pay with a
        // security code nobody can type here.
        payment.choice().set(PaymentChoice::NewCard);
        *self.payment.borrow_mut() = Some(payment);
        Some(payment)
    }
}

/// Calls one of the merchant's functions with a value, while the checkout lives.
fn tell_of(inner: &Rc<Inner>) -> impl Fn(fn(&Options) -> &Option<Function>, JsValue) + use<> {
    let weak = send_wrapper::SendWrapper::new(Rc::downgrade(inner));
    move |pick, argument| {
        if let Some(inner) = weak.upgrade() {
            call(pick(&inner.options), &argument);
        }
    }
}

/// A field callback (`onChange`, `onFocus`, `onBlur`) when the merchant gave one.
fn field_callback(
    inner: &Rc<Inner>,
    pick: fn(&Options) -> &Option<Function>,
) -> Option<Callback<FieldChange>> {
    pick(&inner.options).is_some().then(|| {
        let tell = tell_of(inner);
        Callback::new(move |change: FieldChange| tell(pick, field_object(&change)))
    })
}
