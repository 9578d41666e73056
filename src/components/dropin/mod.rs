//! The Drop-in: the whole checkout for one session in one component: amount, methods, card
//! form, saved cards, wallets, pay button, and what follows (3DS, QR code, result). It is a
//! view over the session's [`PaymentController`]: no payment logic lives here.

use leptos::prelude::*;
use paykka_core::CheckoutError;
use paykka_core::appearance::Appearance;
use paykka_core::flow::PaymentState;
use paykka_core::methods::{MethodFlow, PaymentMethod};

use crate::api::{PaymentAnswer, Session, SubmitHook};
use crate::components::checkout::{Checkout, CheckoutProps, PaymentStatus, SaveCardChoice};
use crate::components::secure_card::SecureCardForm;
use crate::components::wallet::{self, Wallet};
use crate::context::CheckoutContext;
use crate::controller::{
    CheckoutConfiguration, CheckoutEvents, PaymentChoice, PaymentController, PaymentSummary,
    wallet_name,
};

mod stored_options;

use stored_options::{StoredCardListParts, stored_card_list};

stylance::import_crate_style!(style, "src/components/dropin/dropin.module.css");

/// The whole checkout for one session, in one component.
///
/// On mount it loads the session and its payment so far from the merchant backend: a shopper
/// coming back from a 3DS challenge, or reloading after paying, sees the result the backend
/// reports (the URL is never trusted for it).
///
/// ```no_run
/// use leptos::prelude::*;
/// use paykka_checkout::components::DropIn;
///
/// leptos::mount::mount_to_body(|| view! {
///     <DropIn session_id="CS0123" backend_url="" on_payment_completed=|p: paykka_checkout::components::PaymentSummary| {
///         leptos::logging::log!("paid: {:?}", p.order_id)
///     } />
/// });
/// ```
#[component]
pub fn DropIn(
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
    /// Whether shoppers may remove their saved cards (with a confirmation step). Default `true`.
    #[prop(optional, into)]
    allow_stored_card_removal: Option<bool>,
    /// The fields' callbacks (ready, validity, change, focus, blur) and the gateway's next step
    /// taken by the merchant (`on_additional_action`): see [`CheckoutEvents`].
    #[prop(optional, into)]
    events: CheckoutEvents,
    /// The merchant's own route for payments (the JS API's `onSubmit`); by default payments go
    /// to the backend's `POST /api/payments`.
    #[prop(optional, into)]
    submit_hook: Option<SubmitHook>,
    /// Whether the Drop-in shows its own Pay button (default `true`). Without it, the merchant's
    /// button pays through `submit_requests`.
    #[prop(optional, into)]
    show_pay_button: Option<bool>,
    /// Each change of this counter presses Pay (the merchant's own button).
    #[prop(optional, into)]
    submit_requests: Option<Signal<u32>>,
    /// Called when a press of Pay has run its course: the flow's state after it (paid,
    /// declined, interrupted, back to the form when fields were invalid, waiting for a QR scan).
    #[prop(optional, into)]
    on_submit_settled: Option<Callback<PaymentState>>,
    /// The merchant's look (theme, variables, rules), also passed into the secure frames.
    #[prop(optional, into)]
    appearance: MaybeProp<Appearance>,
    /// The session and its payment so far, when the caller has just loaded them (the JS API's
    /// `create()` does): the Drop-in shows at once instead of asking the backend again.
    #[prop(optional, into)]
    loaded: Option<(Session, PaymentAnswer)>,
    /// What the merchant chose beyond the session: the card form (the holder's name is not
    /// asked by default, as Adyen's), the card brands, which methods show and in which order.
    #[prop(optional, into)]
    configuration: CheckoutConfiguration,
) -> impl IntoView {
    let allow_removal = allow_stored_card_removal.unwrap_or(true);
    let show_pay_button = show_pay_button.unwrap_or(true);
    // A struct, not `view!`: the optional props are passed on as the caller gave them.
    Checkout(CheckoutProps {
        session_id,
        backend_url,
        locale,
        return_url,
        on_payment_completed,
        on_payment_failed,
        on_error,
        on_submit_settled,
        events,
        submit_hook,
        appearance,
        loaded,
        configuration,
        children: std::sync::Arc::new(move || {
            view! { <DropInBody allow_removal=allow_removal show_pay_button=show_pay_button submit_requests=submit_requests /> }
                .into_any()
        }),
    })
}

// Long because it is mostly markup: the method list with each method's panel; every decision
// it shows is the controller's.
#[component]
fn DropInBody(
    allow_removal: bool,
    show_pay_button: bool,
    submit_requests: Option<Signal<u32>>,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let payment = PaymentController::expect();
    let state = payment.state();
    let choice = payment.choice();
    let amount_text = payment.amount_text();
    let (merchant_name, merchant_logo) =
        payment.with_session(|s| (s.merchant_name.clone(), s.merchant_logo_url.clone()));
    let has_card = payment.card_frames().is_some();
    let other_methods = payment.other_methods();
    let has_other = other_methods.iter().any(|m| m.flow != MethodFlow::Wallet);

    // Pay pressed from outside (the merchant's own button).
    if let Some(requests) = submit_requests {
        Effect::new(move |previous: Option<u32>| {
            let current = requests.get();
            if previous.is_some_and(|p| p != current) {
                payment.pay();
            }
            current
        });
    }

    let pay_label = ctx
        .i18n()
        .t_with("pay-button", &[("amount", amount_text.clone().into())]);
    let processing_label = ctx.t("dropin-processing");
    let method_label = ctx.t("method-card");
    let methods_legend = ctx.t("dropin-methods-label");
    let no_methods = ctx.t("dropin-no-methods");
    let wallet_pay_ctx = ctx.clone();
    let chosen_wallet = move || match choice.get() {
        PaymentChoice::Method(code) => Wallet::from_code(code),
        _ => None,
    };
    let wallets_ready = payment.wallets_ready();
    let unavailable = payment.unavailable_methods();
    // A method that became unavailable while chosen leaves the choice to the card.
    Effect::new(move |_| {
        if let PaymentChoice::Method(code) = choice.get()
            && unavailable.with(|u| u.contains(&code))
        {
            choice.set(PaymentChoice::NewCard);
        }
    });
    let method_items = other_methods
        .iter()
        .map(|method| view! { <MethodOption method=**method choice=choice wallets_ready=wallets_ready unavailable=unavailable /> })
        .collect_view();
    let ctx_alert = ctx.clone();
    let stored_cards = payment.stored_cards();
    // Only a change between none and some renders the list again: the list follows its cards.
    let has_stored_cards = Memo::new(move |_| stored_cards.with(|c| !c.is_empty()));
    let unavailable_text = ctx.t(CheckoutError::MethodUnavailable.message_id());
    let on_remove = allow_removal
        .then(|| Callback::new(move |token: String| payment.remove_stored_card(token)));

    view! {
        <section class=style::dropin aria-label=ctx.t("dropin-label")>
            <header class=style::header>
                {(merchant_name.is_some() || merchant_logo.is_some()).then(|| view! {
                    <p class=style::merchant>
                        // Decorative: the shop's name is written beside it.
                        {merchant_logo.map(|src| view! { <img class=style::logo src=src alt="" width="28" height="28" /> })}
                        {merchant_name}
                    </p>
                })}
                <p class=style::amount_label>{ctx.t("dropin-amount-label")}</p>
                <p class=style::amount dir="ltr">{amount_text.clone()}</p>
            </header>
            <PaymentStatus />
            <div
                class=style::checkout
                hidden=move || !matches!(state.get(), PaymentState::Ready | PaymentState::Submitting | PaymentState::Declined(_) | PaymentState::Interrupted(_))
            >
                {if has_card || has_other {
                    view! {
                        <fieldset class=style::methods>
                            <legend class=style::legend>{methods_legend}</legend>
                            {move || has_stored_cards.get().then(|| {
                                let list = stored_card_list(StoredCardListParts { choice, on_remove });
                                let unavailable_text = unavailable_text.clone();
                                Suspend::new(async move {
                                    list.await.unwrap_or_else(|_| {
                                        // Saved cards cannot be shown: the new card is the choice.
                                        if matches!(choice.get_untracked(), PaymentChoice::StoredCard(_)) {
                                            choice.set(PaymentChoice::NewCard);
                                        }
                                        view! { <p class=style::method_hint>{unavailable_text}</p> }.into_any()
                                    })
                                })
                            })}
                            <div class=style::method data-open=move || (choice.get() == PaymentChoice::NewCard).to_string() hidden=!has_card>
                                <label class=style::method_label>
                                    <input
                                        type="radio"
                                        name="paykka-method"
                                        value="BANKCARD"
                                        prop:checked=move || choice.get() == PaymentChoice::NewCard
                                        on:change=move |_| choice.set(PaymentChoice::NewCard)
                                    />
                                    <span>{method_label}</span>
                                </label>
                                // Only the chosen method's frames exist: one security-code frame on the page at
                                // a time, for the shopper's assistive technology as for autofill.
                                <Show when=move || choice.get() == PaymentChoice::NewCard>
                                    <div class=style::method_panel>
                                        {payment.card_frames().map(|frames| view! { <SecureCardForm frames=frames /> })}
                                        <SaveCardChoice />
                                    </div>
                                </Show>
                            </div>
                            {method_items}
                        </fieldset>
                        <div class=style::alert role="alert">
                            {move || match state.get() {
                                PaymentState::Declined(e) | PaymentState::Interrupted(e) => Some(view! {
                                    <p class=style::alert_text>{ctx_alert.t(e.message_id())}</p>
                                }),
                                _ => None,
                            }}
                        </div>
                        <button
                            hidden=!show_pay_button
                            class=move || match chosen_wallet() {
                                Some(_) => format!("{} {}", style::pay, wallet::style::wallet_button),
                                None => style::pay.to_owned(),
                            }
                            type="button"
                            data-wallet=move || chosen_wallet().map(Wallet::code)
                            data-color=move || chosen_wallet().map(|w| payment.wallet_button(w).button_color.name())
                            disabled=move || !payment.can_submit()
                            aria-busy=move || if payment.is_pending() { "true" } else { "false" }
                            on:click=move |_| payment.submit()
                        >
                            {move || match (payment.is_pending(), chosen_wallet()) {
                                (true, _) => processing_label.clone(),
                                (false, Some(wallet)) => match payment.wallet_button(wallet).button_type.message_id() {
                                    Some(id) => wallet_pay_ctx.i18n().t_with(id, &[("method", wallet_name(wallet).into())]),
                                    None => wallet_name(wallet).to_owned(),
                                },
                                (false, None) => pay_label.clone(),
                            }}
                        </button>
                    }
                        .into_any()
                } else {
                    view! { <p class=style::empty>{no_methods}</p> }.into_any()
                }}
            </div>
        </section>
    }
}

/// A method paid without card data (QR wallet, redirect): its mark and name, and once picked,
/// what will happen when the shopper presses Pay.
#[component]
fn MethodOption(
    method: PaymentMethod,
    choice: RwSignal<PaymentChoice>,
    wallets_ready: ReadSignal<Vec<&'static str>>,
    unavailable: ReadSignal<Vec<&'static str>>,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let is_unavailable = move || unavailable.with(|u| u.contains(&method.code));
    let unavailable_text = ctx.t(CheckoutError::MethodUnavailable.message_id());
    let this = PaymentChoice::Method(method.code);
    let open = Memo::new({
        let this = this.clone();
        move |_| choice.get() == this
    });
    let hint = ctx
        .i18n()
        .t_with(method.hint_message_id(), &[("method", method.name.into())]);
    view! {
        <div
            class=style::method
            data-open=move || open.get().to_string()
            data-method=method.code
            // A wallet this browser cannot pay with is not offered at all.
            hidden=move || method.flow == MethodFlow::Wallet && !wallets_ready.with(|r| r.contains(&method.code))
        >
            <label class=style::method_label>
                <input
                    type="radio"
                    name="paykka-method"
                    value=method.code
                    prop:checked=move || open.get()
                    disabled=is_unavailable
                    on:change=move |_| choice.set(this.clone())
                />
                <span class=crate::components::qr::style::mark data-method=method.code aria-hidden="true" dir="ltr">{method.mark}</span>
                <bdi>{method.name}</bdi>
            </label>
            <div class=style::method_panel hidden=move || !open.get() || is_unavailable()>
                <p class=style::method_hint>{hint}</p>
            </div>
            <p class=style::method_hint hidden=move || !is_unavailable()>{unavailable_text}</p>
        </div>
    }
}
