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
use crate::api::{BackendClient, PaymentAnswer, Session};
use crate::components::internal::browser::current_page_url;
use crate::context::CheckoutContext;
use crate::controller::{PaymentCallbacks, PaymentController, PaymentSummary};

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
            destroyed: Cell::new(false),
            dropin_submits,
            dropin_pending: RefCell::new(None),
            dropin_mounted: Cell::new(false),
            first_answer: RefCell::new(first_answer),
            number_frame,
        }
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
        PaymentCallbacks {
            on_payment_completed: Some(Callback::new(move |s: PaymentSummary| {
                completed(|o| &o.on_payment_completed, &|c| summary_object(&s, c))
            })),
            on_payment_failed: Some(Callback::new(move |s: PaymentSummary| {
                failed(|o| &o.on_payment_failed, &|c| summary_object(&s, c))
            })),
            on_error: Some(Callback::new(move |e: CheckoutError| {
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
                set(&object, "code", "invalid-fields");
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
            )
        });
        payment.card_frames()?;
        *self.payment.borrow_mut() = Some(payment);
        Some(payment)
    }
}
