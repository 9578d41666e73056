//! The Drop-in: one component that loads a checkout session from the merchant backend and
//! renders everything a shopper needs to pay it: amount, methods, card form, pay button, 3DS
//! redirect and resume, result.

mod views;

use leptos::prelude::*;
use leptos::task::spawn_local;
use paykka_core::flow::{PaymentFlow, PaymentOutcome, PaymentState};
use paykka_core::{Amount, Brand, CheckoutError};
use send_wrapper::SendWrapper;

use crate::small_map::SmallMap;

use crate::api::{
    BackendClient, EncryptedCard, PaymentAction, PaymentAnswer, SaveCardOffer, Session, StoredCard,
    SubmitHook,
};
use crate::components::internal::browser::{browser_languages, current_page_url, redirect, sleep};
use crate::components::internal::{CheckoutScope, current_month};
use crate::components::internal::{new_idempotency_key, random_bytes};
use crate::components::qr::QrPanel;
use crate::components::secure_card::{CardFrames, SecureCardForm};
use crate::components::stored_card::{self, RemoveState, StoredCardForm};
use crate::components::wallet::{self, SheetEnd, Wallet, WalletRequest, WalletSheet};
use crate::context::CheckoutContext;
use crate::i18n::{self, intl::format_amount};
use paykka_core::appearance::Appearance;
use paykka_core::methods::{self, MethodFlow, PaymentMethod};
use views::{AwaitingView, ErrorView, ExpiredView, LoadingView, SuccessView};

stylance::import_crate_style!(style, "src/components/dropin/dropin.module.css");

/// What the merchant's callbacks learn about a payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentSummary {
    pub session_id: String,
    pub order_id: Option<String>,
    pub amount: Amount,
    pub card_brand: Option<Brand>,
    pub card_last4: Option<String>,
    /// Why it failed, for `on_payment_failed`.
    pub failure: Option<CheckoutError>,
}

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
    /// The merchant's own route for payments (the JS API's `onSubmit`); by default payments go
    /// to the backend's `POST /api/payments`.
    #[prop(default = None)]
    submit_hook: Option<SubmitHook>,
    /// Whether the Drop-in shows its own Pay button (default `true`). Without it, the merchant's
    /// button pays through `submit_requests`.
    #[prop(optional, into)]
    show_pay_button: Option<bool>,
    /// Each change of this counter presses Pay (the merchant's own button).
    #[prop(default = None)]
    submit_requests: Option<Signal<u32>>,
    /// Called when a press of Pay has run its course: the flow's state after it (paid,
    /// declined, interrupted, back to the form when fields were invalid, waiting for a QR scan).
    #[prop(default = None)]
    on_submit_settled: Option<Callback<PaymentState>>,
    /// The merchant's look (theme, variables, rules), also passed into the secure frames.
    #[prop(default = None)]
    appearance: Option<Appearance>,
    /// The session and its payment so far, when the caller has just loaded them (the JS API's
    /// `create()` does): the Drop-in shows at once instead of asking the backend again.
    #[prop(default = None)]
    loaded: Option<(Session, PaymentAnswer)>,
) -> impl IntoView {
    // Every request of this mount dies with it.
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let client = StoredValue::new_local(
        signal.map(|s| BackendClient::new(&backend_url, s).with_submit_hook(submit_hook)),
    );
    let controller = SendWrapper::new(controller);
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
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
    let given = loaded;
    // The session, its payment so far, and the locale the session's shopper gets.
    let loaded =
        RwSignal::new(None::<Result<(Session, PaymentAnswer, &'static str), CheckoutError>>);
    // Only the first load may use what the caller had: a retry asks the backend.
    let preloaded = StoredValue::new(given);
    let load = move || {
        loaded.set(None);
        let Some(client) = client.get_value() else {
            loaded.set(Some(Err(CheckoutError::NetworkUnavailable)));
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
            if loaded.is_disposed() {
                return;
            }
            if let (Err(error), Some(on_error)) = (&result, on_error) {
                on_error.try_run(*error);
            }
            let _ = loaded.try_set(Some(result));
        });
    };
    let load = StoredValue::new(load);
    load.with_value(|load| load());

    let return_url = return_url.unwrap_or_else(current_page_url);
    let callbacks = Callbacks {
        on_payment_completed,
        on_payment_failed,
        on_error,
        allow_removal: allow_stored_card_removal.unwrap_or(true),
        show_pay_button: show_pay_button.unwrap_or(true),
        submit_requests,
        on_submit_settled,
    };
    move || {
        match loaded.get() {
        None => view! { <CheckoutScope locale=scope_locale.get() appearance=appearance.clone()><LoadingView /></CheckoutScope> }.into_any(),
        Some(Err(CheckoutError::SessionExpired)) => {
            view! { <CheckoutScope locale=scope_locale.get() appearance=appearance.clone()><ExpiredView /></CheckoutScope> }.into_any()
        }
        Some(Err(error)) => {
            let retry = move || load.with_value(|load| load());
            view! {
                <CheckoutScope locale=scope_locale.get() appearance=appearance.clone()>
                    <ErrorView error=error on_retry=Callback::new(move |()| retry()) />
                </CheckoutScope>
            }
            .into_any()
        }
        Some(Ok((session, answer, locale))) => {
            let return_url = return_url.clone();
            view! {
                <CheckoutScope locale=locale appearance=appearance.clone()>
                    <DropInBody session=session answer=answer client=client return_url=return_url callbacks=callbacks />
                </CheckoutScope>
            }
            .into_any()
        }
    }
    }
}

#[derive(Clone, Copy)]
struct Callbacks {
    on_payment_completed: Option<Callback<PaymentSummary>>,
    on_payment_failed: Option<Callback<PaymentSummary>>,
    on_error: Option<Callback<CheckoutError>>,
    allow_removal: bool,
    show_pay_button: bool,
    submit_requests: Option<Signal<u32>>,
    on_submit_settled: Option<Callback<PaymentState>>,
}

/// What the shopper picked to pay with.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Choice {
    /// A saved card, by token.
    Stored(String),
    NewCard,
    /// A method paid without card data (QR wallet, redirect), by gateway code.
    Method(&'static str),
}

/// The first saved card still valid, else a new card, else the session's first method:
/// returning shoppers pay in one field.
fn default_choice(
    cards: &[StoredCard],
    has_card: bool,
    others: &[&'static PaymentMethod],
) -> Choice {
    let today = current_month();
    if let Some(card) = cards.iter().find(|c| !stored_card::is_expired(c, today)) {
        return Choice::Stored(card.token.clone());
    }
    match (
        has_card,
        others.iter().find(|m| m.flow != MethodFlow::Wallet),
    ) {
        (true, _) => Choice::NewCard,
        (false, Some(method)) => Choice::Method(method.code),
        (false, None) => Choice::NewCard,
    }
}

#[component]
fn DropInBody(
    session: Session,
    answer: PaymentAnswer,
    client: StoredValue<Option<BackendClient>, LocalStorage>,
    return_url: String,
    callbacks: Callbacks,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let locale = ctx.i18n().locale();
    let amount_text = format_amount(&session.amount, locale);
    let mut initial = PaymentFlow::new();
    if session.completed && answer.outcome() == PaymentOutcome::NotStarted {
        initial.load_failed(CheckoutError::SessionCompleted);
    } else {
        initial.session_loaded(session.expired, answer.outcome());
    }
    let card_method = session.methods.iter().find(|m| m.flow == "card").cloned();
    // The session's other methods, in its order, as the catalogue knows them. Unknown codes are
    // skipped, never a crash; wallets show once the browser says it can pay with them.
    let other_methods: Vec<&'static PaymentMethod> = session
        .methods
        .iter()
        .filter(|m| m.flow != "card")
        .filter_map(|m| {
            let known = methods::lookup(&m.code).filter(|k| k.flow != MethodFlow::Card);
            if known.is_none() {
                leptos::logging::warn!(
                    "paykka-checkout: unknown payment method \"{}\" skipped",
                    m.code
                );
            }
            known
        })
        .collect();
    let has_card = card_method.is_some();
    let frames = card_method
        .as_ref()
        .map(|method| CardFrames::for_session(&session, ctx.i18n(), method.brands.clone()));
    let frames = StoredValue::new_local(frames);
    let stored_cards = RwSignal::new(if card_method.is_some() {
        session.stored_cards.clone()
    } else {
        Vec::new()
    });
    let stored_frames: SmallMap<String, CardFrames> = stored_cards
        .get_untracked()
        .iter()
        .map(|c| {
            let frames = CardFrames::cvv_only(&session.frames_origin, ctx.i18n(), c.brand);
            frames.bind(&session.id, session.merchant_id.as_deref().unwrap_or(""));
            (c.token.clone(), frames)
        })
        .collect();
    let stored_frames = StoredValue::new_local(stored_frames);
    // Without random bytes no payment can get an unpredictable idempotency key, nor the card
    // frames a channel: say so now rather than at Pay (a payment already decided is still shown).
    let randomness_failed = random_bytes().is_none()
        || frames.with_value(|f| f.as_ref().is_some_and(|f| f.unavailable().is_some()))
        || stored_frames.with_value(|m| {
            m.keys()
                .any(|k| m.get(k).is_some_and(|f| f.unavailable().is_some()))
        });
    if randomness_failed {
        initial.randomness_failed();
    }
    let flow = RwSignal::new(initial);
    let state = Memo::new(move |_| flow.read().state());
    let last_answer = RwSignal::new(Some(answer));
    let remove_states = RwSignal::new(SmallMap::<String, RemoveState>::new());
    let first_other = other_methods
        .iter()
        .find(|m| m.flow != MethodFlow::Wallet)
        .copied();
    let choice = RwSignal::new(default_choice(
        &stored_cards.get_untracked(),
        has_card,
        &other_methods,
    ));
    let save_offer = session.save_card;
    let save_card = RwSignal::new(matches!(
        save_offer,
        SaveCardOffer::Optional { preselected: true }
    ));

    let summary = {
        let session_id = session.id.clone();
        let amount = session.amount;
        move |answer: &PaymentAnswer| PaymentSummary {
            session_id: session_id.clone(),
            order_id: answer.order_id.clone(),
            amount,
            card_brand: answer.card_brand,
            card_last4: answer.card_last4.clone(),
            failure: answer.decline,
        }
    };
    let summary = StoredValue::new(summary);

    // Tell the merchant, once, about the state each answer leads to.
    let notify = move |state: PaymentState, answer: Option<&PaymentAnswer>| match state {
        PaymentState::Succeeded => {
            if let (Some(cb), Some(answer)) = (callbacks.on_payment_completed, answer) {
                cb.try_run(summary.with_value(|s| s(answer)));
            }
        }
        PaymentState::Declined(_) => {
            if let (Some(cb), Some(answer)) = (callbacks.on_payment_failed, answer) {
                cb.try_run(summary.with_value(|s| s(answer)));
            }
        }
        PaymentState::Interrupted(error) | PaymentState::Unavailable(error) => {
            if let Some(cb) = callbacks.on_error {
                cb.try_run(error);
            }
        }
        _ => {}
    };
    if let Some(answer) = last_answer.get_untracked() {
        notify(state.get_untracked(), Some(&answer));
    }
    // Pay was refused before any request left: the merchant hears why when it is news (the
    // random source failed just now), and a `submit()` waiting on this press gets its answer.
    let refused = move |was_open: bool| {
        let state = flow.get_untracked().state();
        if was_open {
            notify(state, None);
        }
        if let (Some(settled), PaymentState::Unavailable(_) | PaymentState::Expired) =
            (callbacks.on_submit_settled, state)
        {
            settled.try_run(state);
        }
    };

    let session_id = StoredValue::new(session.id.clone());
    let return_url = StoredValue::new(return_url);
    let pay_ctx = ctx.clone();
    // What every payment request's answer does to the checkout, whichever method sent it.
    let settle = move |answer: Result<PaymentAnswer, CheckoutError>| match answer {
        // Answered after an unmount: the checkout it was for is gone.
        _ if flow.is_disposed() => {}
        Ok(answer) => {
            flow.update(|f| f.answered(answer.outcome()));
            if let Some(PaymentAction::Redirect { url, post, data }) = &answer.action {
                if flow.get_untracked().state() == PaymentState::Redirecting {
                    redirect(url, *post, data);
                }
            }
            notify(flow.get_untracked().state(), Some(&answer));
            last_answer.set(Some(answer));
        }
        Err(error) => {
            flow.update(|f| f.request_failed(error));
            notify(flow.get_untracked().state(), None);
        }
    };

    // Apple Pay / Google Pay: the sheet opens inside the click (browsers require the gesture),
    // so this runs synchronously up to the sheet, then waits for the shopper's authorisation.
    let wallet_request = WalletRequest {
        merchant_name: session
            .merchant_name
            .clone()
            .unwrap_or_else(|| ctx.t("dropin-label")),
        amount: session.amount,
        country: session
            .merchant_country
            .clone()
            .unwrap_or_else(|| "HK".into()),
        brands: card_method
            .as_ref()
            .map(|m| m.brands.clone())
            .unwrap_or_default(),
        gateway_merchant_id: session.merchant_id.clone().unwrap_or_default(),
    };
    let wallet_request = StoredValue::new(wallet_request);
    let wallet_ctx = ctx.clone();
    let pay_with_wallet = move |wallet: Wallet| {
        let Some(client) = client.get_value() else {
            return;
        };
        let was_open = flow.with_untracked(PaymentFlow::can_submit);
        let mut key = None;
        flow.update(|f| key = f.submit(new_idempotency_key));
        let Some(key) = key else {
            refused(was_open);
            return;
        };
        let sheet =
            wallet_request.with_value(|request| WalletSheet::open(wallet, request, client.clone()));
        let ctx = wallet_ctx.clone();
        let unavailable = move || {
            flow.update(PaymentFlow::cancel_submit);
            ctx.announce(ctx.i18n().t_with(
                "wallet-unavailable",
                &[("method", wallet_name(wallet).into())],
            ));
        };
        let Ok(mut sheet) = sheet else {
            unavailable();
            return;
        };
        spawn_local(async move {
            let authorized = sheet.authorized().await;
            if flow.is_disposed() {
                return; // Unmounted while the sheet was open.
            }
            match authorized {
                Ok(wallet_data) => {
                    let answer = client
                        .pay_with_wallet(
                            &session_id.get_value(),
                            &key,
                            wallet.code(),
                            &wallet_data,
                            &return_url.get_value(),
                        )
                        .await;
                    let paid = answer
                        .as_ref()
                        .is_ok_and(|a| a.outcome() == PaymentOutcome::Paid);
                    sheet.complete(paid).await;
                    if flow.try_get_untracked().is_some() {
                        settle(answer);
                    }
                }
                // The shopper closed the sheet: as if Pay had not been pressed.
                Err(SheetEnd::Cancelled) => {
                    let _ = flow.try_update(PaymentFlow::cancel_submit);
                }
                Err(SheetEnd::Failed) => {
                    if flow.try_get_untracked().is_some() {
                        unavailable();
                    }
                }
            }
        });
    };

    // Which wallets this browser can pay with, found out once on mount.
    let wallets_ready = RwSignal::new(Vec::<&'static str>::new());
    for method in other_methods
        .iter()
        .filter(|m| m.flow == MethodFlow::Wallet)
    {
        let Some(wallet) = Wallet::from_code(method.code) else {
            continue;
        };
        let request = wallet_request.get_value();
        spawn_local(async move {
            if wallet::available(wallet, &request).await {
                let _ = wallets_ready.try_update(|ready| ready.push(wallet.code()));
            }
        });
    }

    let pay = Action::new_local(move |_: &()| {
        let ctx = pay_ctx.clone();
        async move {
            let Some(client) = client.get_value() else {
                return;
            };
            let choice = choice.get_untracked();
            let card_frames = match &choice {
                Choice::Stored(token) => stored_frames.with_value(|m| m.get(token).cloned()),
                Choice::NewCard => frames.get_value(),
                Choice::Method(_) => None,
            };
            if card_frames.is_none() && !matches!(choice, Choice::Method(_)) {
                return;
            }
            let was_open = flow.with_untracked(PaymentFlow::can_submit);
            let mut key = None;
            flow.update(|f| key = f.submit(new_idempotency_key));
            let Some(key) = key else {
                refused(was_open);
                return;
            };
            let card = match &card_frames {
                None => EncryptedCard::default(),
                Some(card_frames) => match card_frames.encrypt().await {
                    _ if flow.is_disposed() => return,
                    Ok(card) => card,
                    Err(CheckoutError::RandomnessUnavailable) => {
                        flow.update(PaymentFlow::randomness_failed);
                        notify(flow.get_untracked().state(), None);
                        return;
                    }
                    Err(error) => {
                        flow.update(PaymentFlow::cancel_submit);
                        // Invalid fields speak for themselves, beside each field; this one has no field.
                        if matches!(error, CheckoutError::SecureFieldsUnavailable) {
                            ctx.announce(ctx.t(error.message_id()));
                        }
                        return;
                    }
                },
            };
            let (Some(session_id), Some(return_url)) =
                (session_id.try_get_value(), return_url.try_get_value())
            else {
                return;
            };
            let answer = match &choice {
                Choice::Stored(token) => {
                    client
                        .pay_with_token(&session_id, &key, token, &card.encrypted_cvv, &return_url)
                        .await
                }
                Choice::Method(code) => {
                    client
                        .pay_with_method(&session_id, &key, code, &return_url)
                        .await
                }
                Choice::NewCard => {
                    let store = match save_offer {
                        SaveCardOffer::Required => true,
                        SaveCardOffer::Optional { .. } => save_card.get_untracked(),
                        SaveCardOffer::Unavailable => false,
                    };
                    client
                        .pay_with_card(&session_id, &key, &card, store, &return_url)
                        .await
                }
            };
            settle(answer);
        }
    });
    let pending = pay.pending();

    // Pay pressed from outside (the merchant's own button), and the outcome of every press.
    if let Some(requests) = callbacks.submit_requests {
        Effect::new(move |previous: Option<u32>| {
            let current = requests.get();
            if previous.is_some_and(|p| p != current) {
                pay.dispatch(());
            }
            current
        });
    }
    if let Some(settled) = callbacks.on_submit_settled {
        Effect::new(move |previous: Option<PaymentState>| {
            let current = state.get();
            if previous == Some(PaymentState::Submitting) && current != PaymentState::Submitting {
                settled.try_run(current);
            }
            current
        });
    }

    // A QR code is shown: ask the backend every 2 s, every 10 s after the first minute, until a
    // final status, the code's expiry (`on_expired` below) or unmount.
    let poll_failing = RwSignal::new(false);
    Effect::new(move |_| {
        if state.get() != PaymentState::AwaitingScan {
            return;
        }
        let Some(client) = client.get_value() else {
            return;
        };
        spawn_local(async move {
            let started = js_sys::Date::now();
            loop {
                let delay = if js_sys::Date::now() - started < 60_000.0 {
                    2000
                } else {
                    10_000
                };
                sleep(delay).await;
                if flow
                    .try_get_untracked()
                    .is_none_or(|f| f.state() != PaymentState::AwaitingScan)
                {
                    return;
                }
                let answer = client.result(&session_id.get_value()).await;
                if flow
                    .try_get_untracked()
                    .is_none_or(|f| f.state() != PaymentState::AwaitingScan)
                {
                    return;
                }
                // Asking again is always safe (a read): the shopper is told, and polling goes on.
                poll_failing.try_set(answer.as_ref().is_err_and(|e| e.is_retryable()));
                if let Ok(answer) = answer {
                    let outcome = answer.outcome();
                    if !matches!(outcome, PaymentOutcome::ShowQr | PaymentOutcome::Pending) {
                        flow.update(|f| f.answered(outcome));
                        notify(flow.get_untracked().state(), Some(&answer));
                        last_answer.set(Some(answer));
                        return;
                    }
                }
            }
        });
    });
    // The code's time is up: one last look (it may have been paid in the last second), else it
    // failed as expired and the shopper may start again.
    let qr_expired = move || {
        let Some(client) = client.get_value() else {
            return;
        };
        spawn_local(async move {
            let answer = client.result(&session_id.get_value()).await.ok();
            if flow
                .try_get_untracked()
                .is_none_or(|f| f.state() != PaymentState::AwaitingScan)
            {
                return;
            }
            let outcome = answer.as_ref().map(PaymentAnswer::outcome);
            let outcome = match outcome {
                Some(PaymentOutcome::Paid | PaymentOutcome::Declined(_)) => {
                    outcome.unwrap_or(PaymentOutcome::Pending)
                }
                _ => PaymentOutcome::Declined(CheckoutError::PaymentExpired),
            };
            flow.update(|f| f.answered(outcome));
            notify(flow.get_untracked().state(), answer.as_ref());
            if let Some(answer) = answer {
                last_answer.set(Some(answer));
            }
        });
    };
    let qr_expired = Callback::new(move |()| qr_expired());

    // Waiting for the gateway (back from a redirect while it still works): ask again, a few times.
    Effect::new(move |_| {
        if state.get() != PaymentState::AwaitingResult {
            return;
        }
        let Some(client) = client.get_value() else {
            return;
        };
        spawn_local(async move {
            for delay_ms in [1000, 2000, 2000, 3000, 5000, 5000, 10_000] {
                sleep(delay_ms).await;
                if flow.try_get_untracked().is_none() {
                    return;
                }
                if let Ok(answer) = client.result(&session_id.get_value()).await {
                    let outcome = answer.outcome();
                    if outcome != PaymentOutcome::Pending {
                        flow.update(|f| f.answered(outcome));
                        notify(flow.get_untracked().state(), Some(&answer));
                        last_answer.set(Some(answer));
                        return;
                    }
                }
            }
        });
    });

    // Every state change is said once in the live region.
    let announce_ctx = ctx.clone();
    Effect::new(move |_| {
        let message = match state.get() {
            PaymentState::Submitting => Some(announce_ctx.t("dropin-processing")),
            PaymentState::Redirecting => Some(announce_ctx.t("dropin-redirecting")),
            PaymentState::Declined(e) | PaymentState::Interrupted(e) => {
                Some(announce_ctx.t(e.message_id()))
            }
            PaymentState::Succeeded => Some(
                announce_ctx.t(
                    if last_answer
                        .with_untracked(|a| a.as_ref().is_some_and(PaymentAnswer::is_authorization))
                    {
                        "dropin-authorized-title"
                    } else {
                        "dropin-success-title"
                    },
                ),
            ),
            _ => None,
        };
        if let Some(message) = message {
            announce_ctx.announce(message);
        }
    });

    let remove_ctx = ctx.clone();
    let remove_card = move |token: String| {
        let Some(client) = client.get_value() else {
            return;
        };
        let ctx = remove_ctx.clone();
        remove_states.update(|m| {
            m.insert(token.clone(), RemoveState::Removing);
        });
        spawn_local(async move {
            let result = client
                .remove_stored_card(&session_id.get_value(), &token)
                .await;
            if remove_states.try_get_untracked().is_none() {
                return; // Unmounted meanwhile.
            }
            match result {
                Ok(()) => {
                    remove_states.update(|m| {
                        m.remove(&token);
                    });
                    stored_cards.update(|cards| cards.retain(|c| c.token != token));
                    stored_frames.update_value(|m| {
                        m.remove(&token);
                    });
                    if choice.get_untracked() == Choice::Stored(token) {
                        let others: Vec<_> = first_other.into_iter().collect();
                        choice.set(default_choice(
                            &stored_cards.get_untracked(),
                            has_card,
                            &others,
                        ));
                    }
                    ctx.announce(ctx.t("stored-card-removed"));
                }
                Err(error) => remove_states.update(|m| {
                    m.insert(token, RemoveState::Failed(error));
                }),
            }
        });
    };
    let remove_card = StoredValue::new(remove_card);
    let allow_removal = callbacks.allow_removal;

    let merchant_name = session.merchant_name.clone();
    let merchant_logo = session.merchant_logo_url.clone();
    let pay_label = ctx
        .i18n()
        .t_with("pay-button", &[("amount", amount_text.clone().into())]);
    let processing_label = ctx.t("dropin-processing");
    let method_label = ctx.t("method-card");
    let methods_legend = ctx.t("dropin-methods-label");
    let no_methods = ctx.t("dropin-no-methods");
    let has_card = card_method.is_some();
    let amount_for_success = amount_text.clone();
    let amount_for_qr = amount_text.clone();
    let wallet_pay_ctx = ctx.clone();
    let chosen_wallet = move || match choice.get() {
        Choice::Method(code) => Wallet::from_code(code),
        _ => None,
    };
    let method_items = other_methods
        .iter()
        .map(|method| view! { <MethodOption method=**method choice=choice wallets_ready=wallets_ready /> })
        .collect_view();
    let ctx_alert = ctx.clone();

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
            {move || match state.get() {
                PaymentState::Succeeded => {
                    let order = last_answer.with(|a| a.as_ref().and_then(|a| a.order_id.clone()));
                    let authorized = last_answer.with(|a| a.as_ref().is_some_and(PaymentAnswer::is_authorization));
                    view! { <SuccessView amount=amount_for_success.clone() order_id=order authorized=authorized /> }
                        .into_any()
                }
                PaymentState::Expired => view! { <ExpiredView /> }.into_any(),
                PaymentState::Unavailable(error) => view! { <ErrorView error=error /> }.into_any(),
                PaymentState::AwaitingScan => {
                    let shown = last_answer.with(|a| {
                        let a = a.as_ref()?;
                        let Some(PaymentAction::Qr { payload, expires_at }) = &a.action else { return None };
                        let method = a.payment_method.as_deref().and_then(methods::lookup).or(first_other)?;
                        Some((*method, payload.clone(), expires_at.clone()))
                    });
                    match shown {
                        Some((method, payload, expires_at)) => view! {
                            <QrPanel
                                method=method
                                payload=payload
                                amount=amount_for_qr.clone()
                                expires_at=expires_at.unwrap_or_default()
                                on_expired=qr_expired
                                reconnecting=poll_failing
                            />
                        }
                        .into_any(),
                        None => view! { <AwaitingView redirecting=false /> }.into_any(),
                    }
                }
                PaymentState::AwaitingResult | PaymentState::Redirecting | PaymentState::Loading => {
                    let redirecting = state.get() == PaymentState::Redirecting;
                    view! { <AwaitingView redirecting=redirecting /> }.into_any()
                }
                _ => ().into_any(),
            }}
            <div
                class=style::checkout
                hidden=move || !matches!(state.get(), PaymentState::Ready | PaymentState::Submitting | PaymentState::Declined(_) | PaymentState::Interrupted(_))
            >
                {if has_card || first_other.is_some() {
                    view! {
                        <fieldset class=style::methods>
                            <legend class=style::legend>{methods_legend}</legend>
                            <For
                                each=move || stored_cards.get()
                                key=|card| card.token.clone()
                                let(card)
                            >
                                <StoredCardOption
                                    card=card
                                    choice=choice
                                    frames=stored_frames
                                    remove_states=remove_states
                                    on_remove=allow_removal.then(|| Callback::new(move |token: String| remove_card.with_value(|remove| remove(token))))
                                />
                            </For>
                            <div class=style::method data-open=move || (choice.get() == Choice::NewCard).to_string() hidden=!has_card>
                                <label class=style::method_label>
                                    <input
                                        type="radio"
                                        name="paykka-method"
                                        value="BANKCARD"
                                        prop:checked=move || choice.get() == Choice::NewCard
                                        on:change=move |_| choice.set(Choice::NewCard)
                                    />
                                    <span>{method_label}</span>
                                </label>
                                // Only the chosen method's frames exist: one security-code frame on the page at
                                // a time, for the shopper's assistive technology as for autofill.
                                <Show when=move || choice.get() == Choice::NewCard>
                                    <div class=style::method_panel>
                                        {frames.get_value().map(|frames| view! { <SecureCardForm frames=frames /> })}
                                        <SaveCardChoice offer=save_offer checked=save_card />
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
                            hidden=!callbacks.show_pay_button
                            class=move || match chosen_wallet() {
                                Some(_) => format!("{} {}", style::pay, wallet::style::wallet_button),
                                None => style::pay.to_owned(),
                            }
                            type="button"
                            data-wallet=move || chosen_wallet().map(Wallet::code)
                            disabled=move || pending.get() || !flow.read().can_submit()
                            aria-busy=move || if pending.get() || state.get() == PaymentState::Submitting { "true" } else { "false" }
                            on:click=move |_| match chosen_wallet() {
                                Some(wallet) => pay_with_wallet(wallet),
                                None => {
                                    pay.dispatch(());
                                }
                            }
                        >
                            {move || match (pending.get() || state.get() == PaymentState::Submitting, chosen_wallet()) {
                                (true, _) => processing_label.clone(),
                                (false, Some(wallet)) => wallet_pay_ctx
                                    .i18n()
                                    .t_with("wallet-pay-button", &[("method", wallet_name(wallet).into())]),
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

/// A saved card in the method list: a radio with brand, masked number and expiry; once picked,
/// its security-code frame and the remove action.
#[component]
fn StoredCardOption(
    card: StoredCard,
    choice: RwSignal<Choice>,
    frames: StoredValue<SmallMap<String, CardFrames>, LocalStorage>,
    remove_states: RwSignal<SmallMap<String, RemoveState>>,
    on_remove: Option<Callback<String>>,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let token = card.token.clone();
    let expired = stored_card::is_expired(&card, current_month());
    let this = Choice::Stored(token.clone());
    let open = Memo::new({
        let this = this.clone();
        move |_| choice.get() == this
    });
    let title = stored_card::card_title(&ctx, &card);
    let expiry = stored_card::card_expiry_line(&ctx, &card);
    let remove_state = {
        let token = token.clone();
        Signal::derive(move || {
            remove_states
                .with(|m| m.get(&token).copied())
                .unwrap_or(RemoveState::Idle)
        })
    };
    let on_remove = on_remove.map(|remove| {
        let token = token.clone();
        Callback::new(move |()| remove.run(token.clone()))
    });
    let card_for_panel = card.clone();
    view! {
        <div class=style::method data-open=move || open.get().to_string() data-expired=expired.to_string()>
            <label class=style::method_label>
                <input
                    type="radio"
                    name="paykka-method"
                    value=token.clone()
                    disabled=expired
                    prop:checked=move || open.get()
                    on:change=move |_| choice.set(this.clone())
                />
                <span class=stored_card::style::brand_badge data-brand=card.brand.code() aria-hidden="true">{card.brand.display_name()}</span>
                <span class=style::stored_text>
                    <span dir="ltr">{title}</span>
                    <span class=style::stored_expiry data-expired=expired.to_string()>{expiry}</span>
                </span>
            </label>
            <Show when=move || open.get()>
                {
                    let card = card_for_panel.clone();
                    frames.with_value(|m| m.get(&card.token).cloned()).map(|frames| view! {
                        <div class=style::method_panel>
                            <StoredCardForm card=card frames=Some(frames) hide_summary=true on_remove=on_remove remove_state=Some(remove_state) />
                        </div>
                    })
                }
            </Show>
            {(expired && on_remove.is_some()).then(|| view! {
                <div class=style::method_panel>
                    <StoredCardForm card=card.clone() hide_summary=true on_remove=on_remove remove_state=Some(remove_state) />
                </div>
            })}
        </div>
    }
}

/// A method paid without card data (QR wallet, redirect): its mark and name, and once picked,
/// what will happen when the shopper presses Pay.
#[component]
fn MethodOption(
    method: PaymentMethod,
    choice: RwSignal<Choice>,
    wallets_ready: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let this = Choice::Method(method.code);
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
                    on:change=move |_| choice.set(this.clone())
                />
                <span class=crate::components::qr::style::mark data-method=method.code aria-hidden="true" dir="ltr">{method.mark}</span>
                <bdi>{method.name}</bdi>
            </label>
            <div class=style::method_panel hidden=move || !open.get()>
                <p class=style::method_hint>{hint}</p>
            </div>
        </div>
    }
}

fn wallet_name(wallet: Wallet) -> &'static str {
    methods::lookup(wallet.code()).map_or(wallet.code(), |m| m.name)
}

/// The card form's save offer: a "save this card" box, or, for a subscription, the statement
/// that the card will be stored for future charges (shown before Pay, not optional).
#[component]
fn SaveCardChoice(offer: SaveCardOffer, checked: RwSignal<bool>) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    match offer {
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
