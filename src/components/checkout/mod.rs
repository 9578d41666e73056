//! A checkout of one session, for any layout: [`Checkout`] loads the session and provides its
//! [`PaymentController`] to whatever is inside it (the Drop-in, or the merchant's own layout of
//! secure fields); [`PaymentStatus`] shows what follows a press of Pay (waiting, the QR code,
//! the result); [`SaveCardChoice`] is the card form's save offer.

mod status;
pub(crate) mod views;

use leptos::prelude::*;
use leptos::task::spawn_local;
use paykka_core::CheckoutError;
use paykka_core::appearance::Appearance;
use send_wrapper::SendWrapper;

use crate::api::{BackendClient, PaymentAnswer, SaveCardOffer, Session, SubmitHook};
use crate::components::internal::CheckoutScope;
use crate::components::internal::browser::{browser_languages, current_page_url};
use crate::context::CheckoutContext;
use crate::controller::{
    CheckoutConfiguration, CheckoutEvents, PaymentCallbacks, PaymentController, PaymentSummary,
};
use crate::i18n;
use views::{ErrorView, ExpiredView, LoadingView};

pub use status::PaymentStatus;

stylance::import_crate_style!(style, "src/components/checkout/checkout.module.css");

/// What a checkout loads before it can show: the session, its payment so far, and the locale
/// the session's shopper gets.
type Loaded = Result<(Session, PaymentAnswer, &'static str), CheckoutError>;

/// Loads a checkout session from the merchant backend and provides its [`PaymentController`]
/// (and [`CheckoutContext`]) to its children, which show once it is loaded.
///
/// On mount it loads the session and its payment so far: a shopper coming back from a 3DS
/// challenge, or reloading after paying, gets the result the backend reports (the URL is never
/// trusted for it). Until then it shows a loading state; a session that cannot be had shows
/// why (with a retry when one can help), an expired one says so.
///
/// ```no_run
/// use leptos::prelude::*;
/// use paykka_checkout::components::{Checkout, PaymentStatus, SecureCardForm};
/// use paykka_checkout::controller::PaymentController;
///
/// #[component]
/// fn CardLayout() -> impl IntoView {
///     let payment = PaymentController::expect();
///     view! {
///         {payment.card_frames().map(|frames| view! { <SecureCardForm frames=frames /> })}
///         <button on:click=move |_| payment.submit()>"Pay"</button>
///         <PaymentStatus />
///     }
/// }
///
/// leptos::mount::mount_to_body(|| view! { <Checkout session_id="CS0123"><CardLayout /></Checkout> });
/// ```
// Long because of its props (a third of it, each documented) and its loading and error
// views; the payment itself is in the controller.
#[component]
pub fn Checkout(
    /// The checkout session, created by the merchant backend (`POST /api/sessions`).
    #[prop(into)]
    session_id: String,
    /// The merchant backend's base URL; empty for the page's own origin.
    #[prop(optional, into)]
    backend_url: String,
    /// The shopper's language when the session names none (else the browser's languages).
    #[prop(optional, into)]
    locale: MaybeProp<String>,
    /// Where the shopper comes back after a redirect (3DS); defaults to this page.
    #[prop(optional, into)]
    return_url: Option<String>,
    /// Called once the payment succeeded.
    #[prop(optional, into)]
    on_payment_completed: Option<Callback<PaymentSummary>>,
    /// Called when the gateway declined a payment (the shopper may try again).
    #[prop(optional, into)]
    on_payment_failed: Option<Callback<PaymentSummary>>,
    /// Called when the checkout cannot go on by itself: backend unreachable, session unusable.
    #[prop(optional, into)]
    on_error: Option<Callback<CheckoutError>>,
    /// Called when a press of Pay has run its course: the flow's state after it.
    #[prop(optional, into)]
    on_submit_settled: Option<Callback<paykka_core::flow::PaymentState>>,
    /// The fields' callbacks (ready, validity, change, focus, blur) and the gateway's next step
    /// taken by the merchant (`on_additional_action`): see [`CheckoutEvents`].
    #[prop(optional, into)]
    events: CheckoutEvents,
    /// The merchant's own route for payments (the JS API's `onSubmit`); by default payments go
    /// to the backend's `POST /api/payments`.
    #[prop(optional, into)]
    submit_hook: Option<SubmitHook>,
    /// The merchant's look (theme, variables, rules), also passed into the secure frames.
    #[prop(optional, into)]
    appearance: MaybeProp<Appearance>,
    /// The session and its payment so far, when the caller has just loaded them (the JS API's
    /// `create()` does): the checkout shows at once instead of asking the backend again.
    #[prop(optional, into)]
    loaded: Option<(Session, PaymentAnswer)>,
    /// What the merchant chose beyond the session: the card form (holder's name, labels,
    /// placeholders), the card brands, which methods show and in which order.
    #[prop(optional, into)]
    configuration: CheckoutConfiguration,
    /// What shows once the session is loaded, paying through [`PaymentController::expect`].
    children: ChildrenFn,
) -> impl IntoView {
    // Every request of this mount dies with it.
    let aborter = web_sys::AbortController::new().ok();
    let signal = aborter.as_ref().map(|c| c.signal());
    let client = StoredValue::new_local(
        signal.map(|s| BackendClient::new(&backend_url, s).with_submit_hook(submit_hook)),
    );
    let aborter = SendWrapper::new(aborter);
    on_cleanup(move || {
        if let Some(aborter) = aborter.take() {
            aborter.abort();
        }
    });

    let requested = locale.get_untracked();
    let browser = browser_languages();
    let fallback_locale =
        i18n::negotiate(requested.iter().chain(browser.iter()).map(String::as_str));
    // The loading and error views speak the merchant's or browser's language once its messages
    // are here (fetched beside the bundle; en-US until then, and if they cannot be had).
    let scope_locale = RwSignal::new(if i18n::is_loaded(fallback_locale) {
        fallback_locale
    } else {
        i18n::SOURCE_LOCALE
    });
    if !i18n::is_loaded(fallback_locale) {
        spawn_local(async move {
            let ready = i18n::load_locale([fallback_locale]).await;
            let _ = scope_locale.try_set(ready);
        });
    }
    let state = RwSignal::new(None::<Loaded>);
    // Only the first load may use what the caller had: a retry asks the backend.
    let preloaded = StoredValue::new(loaded);
    let load = move || {
        state.set(None);
        let Some(client) = client.get_value() else {
            state.set(Some(Err(CheckoutError::NetworkUnavailable)));
            return;
        };
        let session_id = session_id.clone();
        let preloaded = preloaded.try_update_value(Option::take).flatten();
        spawn_local(async move {
            let result = async {
                let (session, answer) = match preloaded {
                    Some(given) => given,
                    None => client.session_and_result(&session_id).await?,
                };
                let requested = session.display_locale.clone();
                let locale =
                    i18n::load_locale(requested.as_deref().into_iter().chain([fallback_locale]))
                        .await;
                Ok((session, answer, locale))
            }
            .await;
            // Unmounted meanwhile (its requests were aborted): nobody is left to tell, and the
            // callbacks and signals are disposed.
            if state.is_disposed() {
                return;
            }
            if let (Err(error), Some(on_error)) = (&result, on_error) {
                on_error.try_run(*error);
            }
            let _ = state.try_set(Some(result));
        });
    };
    let load = StoredValue::new(load);
    load.with_value(|load| load());

    let return_url = return_url.unwrap_or_else(current_page_url);
    let appearance = appearance.get_untracked();
    let callbacks = PaymentCallbacks {
        on_payment_completed,
        on_payment_failed,
        on_error,
        on_submit_settled,
        events,
    };
    move || {
        let appearance = appearance.clone();
        let configuration = configuration.clone();
        match state.get() {
            None => view! {
                <CheckoutScope locale=scope_locale.get() appearance=appearance><LoadingView /></CheckoutScope>
            }
            .into_any(),
            Some(Err(CheckoutError::SessionExpired)) => view! {
                <CheckoutScope locale=scope_locale.get() appearance=appearance><ExpiredView /></CheckoutScope>
            }
            .into_any(),
            Some(Err(error)) => {
                let retry = move || load.with_value(|load| load());
                view! {
                    <CheckoutScope locale=scope_locale.get() appearance=appearance>
                        <ErrorView error=error on_retry=Callback::new(move |()| retry()) />
                    </CheckoutScope>
                }
                .into_any()
            }
            Some(Ok((session, answer, locale))) => {
                let return_url = return_url.clone();
                let children = children.clone();
                view! {
                    <CheckoutScope locale=locale appearance=appearance>
                        {
                            // Made inside the scope: the controller reads its context.
                            let controller = PaymentController::new(
                                session.clone(),
                                answer.clone(),
                                client.get_value(),
                                return_url.clone(),
                                callbacks,
                                configuration.clone(),
                            );
                            controller.provide();
                            children()
                        }
                    </CheckoutScope>
                }
                .into_any()
            }
        }
    }
}

/// The card form's save offer, as the session decides it: a "save this card" box, or, for a
/// subscription, the statement that the card will be stored for future charges (shown before
/// Pay, not optional), or nothing for a guest.
#[component]
pub fn SaveCardChoice() -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let payment = PaymentController::expect();
    let checked = payment.save_card();
    match payment.save_offer() {
        SaveCardOffer::Unavailable => ().into_any(),
        SaveCardOffer::Optional { .. } => view! {
            <label class=style::save_card>
                <input
                    type="checkbox"
                    name="store-payment-method"
                    prop:checked=move || checked.get()
                    on:change=move |ev| checked.set(event_target_checked(&ev))
                />
                <span>{ctx.t("card-save-label")}</span>
            </label>
        }
        .into_any(),
        SaveCardOffer::Required => view! {
            <p class=style::consent data-consent="subscription">{ctx.t("card-save-required")}</p>
        }
        .into_any(),
    }
}
