//! The payment controller: everything one checkout does to take a payment, in one place, for
//! every mode. The Drop-in is a view over it; the JS API's Drop-in and Component mode, and a
//! Rust app mounting [`SecureCardForm`](crate::components::SecureCardForm) or
//! [`StoredCardForm`](crate::components::StoredCardForm) on its own, pay through it.
//!
//! It owns the session, the shopper's method choice, submitting (idempotency key, in-flight
//! guard, save-card choice, recurring consent), the actions that follow (3-D Secure redirect
//! and resume, QR with polling and expiry, redirect methods, wallet sheets) and the result.
//! The state machine itself is [`PaymentFlow`], in the core; this is its reactive shell.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use paykka_checkout::components::{Checkout, PaymentStatus, SecureCardForm};
//! use paykka_checkout::controller::PaymentController;
//!
//! #[component]
//! fn MyCardLayout() -> impl IntoView {
//!     let payment = PaymentController::expect();
//!     view! {
//!         {payment.card_frames().map(|frames| view! { <SecureCardForm frames=frames /> })}
//!         <PaymentStatus />
//!         <button on:click=move |_| payment.submit() disabled=move || !payment.can_submit()>"Pay"</button>
//!     }
//! }
//!
//! leptos::mount::mount_to_body(|| view! {
//!     <Checkout session_id="CS0123"><MyCardLayout /></Checkout>
//! });
//! ```

mod fields;
mod outcome;
mod polling;
mod saved_cards;
mod submit;
mod wallets;

use leptos::prelude::*;
use paykka_core::flow::{PaymentFlow, PaymentOutcome, PaymentState};
use paykka_core::frame_protocol::{FieldKind, FieldState};
use paykka_core::methods::{self, MethodFlow, PaymentMethod};
use paykka_core::{Amount, Brand, CheckoutError};

use crate::api::{BackendClient, PaymentAction, PaymentAnswer, SaveCardOffer, Session, StoredCard};
use crate::components::internal::current_month;
use crate::components::secure_card::{CardFormOptions, CardFrames};
use crate::components::stored_card::{self, RemoveState};
use crate::components::wallet::WalletCode;
use crate::context::CheckoutContext;
use crate::small_map::SmallMap;

pub use crate::components::internal::{new_idempotency_key, random_bytes};
pub use crate::components::wallet::{
    Wallet, WalletButtonColor, WalletButtonOptions, WalletButtonType, WalletButtons,
};
pub use wallets::wallet_name;

/// What the merchant's callbacks learn about a payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentSummary {
    /// The session paid.
    pub session_id: String,
    /// The gateway's id of the payment.
    pub order_id: Option<String>,
    /// What was paid.
    pub amount: Amount,
    /// The card's brand, for a card payment.
    pub card_brand: Option<Brand>,
    /// The card's last four digits, for a card payment.
    pub card_last4: Option<String>,
    /// Why it failed, for `on_payment_failed`.
    pub failure: Option<CheckoutError>,
}

/// Whom the controller tells about the payment, each once per event.
#[derive(Clone, Copy, Default)]
pub struct PaymentCallbacks {
    /// The payment succeeded (or was authorised).
    pub on_payment_completed: Option<Callback<PaymentSummary>>,
    /// The gateway declined a payment (the shopper may try again).
    pub on_payment_failed: Option<Callback<PaymentSummary>>,
    /// The checkout cannot go on by itself: backend unreachable, session unusable.
    pub on_error: Option<Callback<CheckoutError>>,
    /// A press of Pay has run its course: the flow's state after it.
    pub on_submit_settled: Option<Callback<PaymentState>>,
    /// The fields' and the next step's callbacks.
    pub events: CheckoutEvents,
}

/// What the merchant hears of the fields and of the gateway's next step (a prop of its own on
/// the components, so the Drop-in and `Checkout` take them as one).
#[derive(Clone, Copy, Default)]
pub struct CheckoutEvents {
    /// The chosen way to pay can be used: its secure fields are loaded and ready to type in
    /// (at once for a method without fields). Once.
    pub on_ready: Option<Callback<()>>,
    /// The new card's fields became valid, or stopped being.
    pub on_validity_change: Option<Callback<bool>>,
    /// A card field changed (empty, complete, valid, brand).
    pub on_field_change: Option<Callback<FieldChange>>,
    /// A card field took the focus.
    pub on_field_focus: Option<Callback<FieldChange>>,
    /// A card field lost the focus.
    pub on_field_blur: Option<Callback<FieldChange>>,
    /// The merchant handles the gateway's next step (3-D Secure or a bank's page to visit, a QR
    /// code to show) instead of the checkout: it neither leaves the page nor draws the code,
    /// and still learns the result (a QR payment's by polling, a redirect's on return).
    pub on_additional_action: Option<Callback<PaymentAction>>,
}

/// A card field's state, as the merchant's field callbacks receive it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// Which field.
    pub field: FieldKind,
    /// What its frame last reported.
    pub state: FieldState,
}

/// What the merchant chose beyond the session: the card form's options, and which of the
/// session's methods to show, in which order (it never adds one the session lacks).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckoutConfiguration {
    /// The new-card form: the holder's name (not asked by default, as Adyen's), the merchant's
    /// labels and placeholders.
    pub card: CardFormOptions,
    /// The card brands to take, within the session's (all of them when `None`).
    pub card_brands: Option<Vec<Brand>>,
    /// Only these methods, in this order (gateway codes, `card` for cards), when given.
    pub allow_methods: Option<Vec<String>>,
    /// Methods never shown (gateway codes, `card` for cards).
    pub remove_methods: Vec<String>,
    /// What Apple Pay's and Google Pay's buttons say, and their colours.
    pub wallet_buttons: WalletButtons,
}

impl CheckoutConfiguration {
    /// The defaults, with the card form asking for the holder's name as `policy` says.
    pub fn with_holder_name(policy: paykka_core::HolderNamePolicy) -> Self {
        let mut configuration = Self::default();
        configuration.card.holder_name = policy;
        configuration
    }

    /// Whether the merchant lets the method of `code` (`card` for cards) show.
    fn shows(&self, code: &str) -> bool {
        !self.remove_methods.iter().any(|c| c == code)
            && self
                .allow_methods
                .as_ref()
                .is_none_or(|allowed| allowed.iter().any(|c| c == code))
    }

    /// Where the method of `code` goes: the merchant's order, else the session's.
    fn rank(&self, code: &str) -> usize {
        self.allow_methods
            .as_ref()
            .and_then(|allowed| allowed.iter().position(|c| c == code))
            .unwrap_or(usize::MAX)
    }
}

/// What the shopper picked to pay with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentChoice {
    /// A saved card, by token.
    StoredCard(String),
    /// A new card, typed into the secure frames.
    NewCard,
    /// A method paid without card data (QR wallet, redirect, wallet sheet), by gateway code.
    Method(&'static str),
}

/// What a controller is made of that never changes after the session loaded.
struct Setup {
    client: Option<BackendClient>,
    session: Session,
    return_url: String,
    card_frames: Option<CardFrames>,
    stored_frames: SmallMap<String, CardFrames>,
    /// The session's other methods, in its order, as the catalogue knows them.
    other_methods: Vec<&'static PaymentMethod>,
    context: CheckoutContext,
    callbacks: PaymentCallbacks,
    wallet_buttons: WalletButtons,
    /// The wallets' code, once loaded (only for a session with a wallet).
    wallet_code: Option<WalletCode>,
}

/// One checkout's payment, shared by every view of it (`Copy`: pass it anywhere).
#[derive(Clone, Copy)]
pub struct PaymentController {
    flow: RwSignal<PaymentFlow>,
    state: Memo<PaymentState>,
    last_answer: RwSignal<Option<PaymentAnswer>>,
    reconnecting: RwSignal<bool>,
    choice: RwSignal<PaymentChoice>,
    save_card: RwSignal<bool>,
    stored_cards: RwSignal<Vec<StoredCard>>,
    remove_states: RwSignal<SmallMap<String, RemoveState>>,
    wallets_ready: RwSignal<Vec<&'static str>>,
    /// Methods whose code (a chunk of the SDK's wasm) could not be loaded.
    unavailable_methods: RwSignal<Vec<&'static str>>,
    /// Submitting: pending from a press of Pay until its answer. Set right after creation
    /// (the action runs the controller, so the controller exists first); copies captured by
    /// the action itself never use it.
    pay_action: Option<Action<(), ()>>,
    setup: StoredValue<Setup, LocalStorage>,
}

impl PaymentController {
    /// A controller for a loaded session and its payment so far, under the current
    /// [`CheckoutContext`]. `client` is `None` when the browser cannot make requests (every
    /// payment then fails as a network error).
    pub fn new(
        session: Session,
        answer: PaymentAnswer,
        client: Option<BackendClient>,
        return_url: String,
        callbacks: PaymentCallbacks,
        configuration: CheckoutConfiguration,
    ) -> Self {
        let context = CheckoutContext::expect();
        let mut initial = PaymentFlow::new();
        if session.completed && answer.outcome() == PaymentOutcome::NotStarted {
            initial.load_failed(CheckoutError::SessionCompleted);
        } else {
            initial.session_loaded(session.expired, answer.outcome());
        }
        let SessionMethods {
            has_card,
            other_methods,
            stored,
            card_frames,
            stored_frames,
        } = SessionMethods::of(&session, &context, &configuration);
        // Without random bytes no payment can get an unpredictable idempotency key, nor the card
        // frames a channel: say so now rather than at Pay (a payment already decided is shown).
        let randomness_failed = random_bytes().is_none()
            || card_frames
                .as_ref()
                .is_some_and(|f| f.unavailable().is_some())
            || stored_frames.keys().any(|k| {
                stored_frames
                    .get(k)
                    .is_some_and(|f| f.unavailable().is_some())
            });
        if randomness_failed {
            initial.randomness_failed();
        }
        let choice = default_choice(&stored, has_card, &other_methods);
        let save_card = matches!(
            session.save_card,
            SaveCardOffer::Optional { preselected: true }
        );
        let flow = RwSignal::new(initial);
        let controller = Self {
            flow,
            state: Memo::new(move |_| flow.read().state()),
            last_answer: RwSignal::new(Some(answer)),
            reconnecting: RwSignal::new(false),
            choice: RwSignal::new(choice),
            save_card: RwSignal::new(save_card),
            stored_cards: RwSignal::new(stored),
            remove_states: RwSignal::new(SmallMap::new()),
            wallets_ready: RwSignal::new(Vec::new()),
            unavailable_methods: RwSignal::new(Vec::new()),
            pay_action: None,
            setup: StoredValue::new_local(Setup {
                client,
                session,
                return_url,
                card_frames,
                stored_frames,
                other_methods,
                context,
                callbacks,
                wallet_buttons: configuration.wallet_buttons,
                wallet_code: None,
            }),
        };
        let mut controller = controller;
        let this = controller;
        controller.pay_action = Some(Action::new_local(move |_: &()| async move {
            // The views read the outcome from the state; the merchant heard it through the callbacks.
            let _ = this.pay_now().await;
        }));
        if let Some(settled) = callbacks.on_submit_settled {
            // A press of Pay has run its course when the flow leaves Submitting, wherever to.
            Effect::new(move |previous: Option<PaymentState>| {
                let current = controller.state.get();
                if previous == Some(PaymentState::Submitting) && current != PaymentState::Submitting
                {
                    settled.try_run(current);
                }
                current
            });
        }
        let answer = controller.last_answer.get_untracked();
        controller.notify(controller.state.get_untracked(), answer.as_ref());
        controller.start_polling();
        controller.find_wallets();
        controller.announce_states();
        controller.watch_fields();
        controller
    }

    /// The controller of the enclosing [`Checkout`](crate::components::Checkout).
    ///
    /// # Panics
    /// Outside a checkout: a programming error of the embedding code, caught by its first render.
    pub fn expect() -> Self {
        expect_context()
    }

    /// Makes this controller the one every component below the current owner pays through.
    pub fn provide(self) {
        provide_context(self);
    }

    /// Where the payment stands.
    pub fn state(&self) -> Memo<PaymentState> {
        self.state
    }

    /// The last answer about this session's payment (from a payment or a status query).
    pub fn answer(&self) -> ReadSignal<Option<PaymentAnswer>> {
        self.last_answer.read_only()
    }

    /// True while the backend cannot be reached to learn a QR payment's result.
    pub fn reconnecting(&self) -> Signal<bool> {
        self.reconnecting.into()
    }

    /// Whether Pay may be pressed now (reactive): a form to submit, nothing in flight.
    pub fn can_submit(&self) -> bool {
        !self.pay_pending() && self.flow.read().can_submit()
    }

    fn pay_pending(&self) -> bool {
        self.pay_action.is_some_and(|a| a.pending().get())
    }

    /// True from a press of Pay until its answer came (reactive).
    pub fn is_pending(&self) -> bool {
        self.pay_pending() || self.state.get() == PaymentState::Submitting
    }

    /// What the shopper picked to pay with.
    pub fn choice(&self) -> RwSignal<PaymentChoice> {
        self.choice
    }

    /// The shopper's answer to "save this card" (used when the session offers it).
    pub fn save_card(&self) -> RwSignal<bool> {
        self.save_card
    }

    /// Whether, and how, the session lets the shopper save the card.
    pub fn save_offer(&self) -> SaveCardOffer {
        self.setup.with_value(|s| s.session.save_card)
    }

    /// The secure card frames for a new card, or `None` when the session takes no cards.
    pub fn card_frames(&self) -> Option<CardFrames> {
        self.setup.with_value(|s| s.card_frames.clone())
    }

    /// The security-code frame of a saved card.
    pub fn stored_card_frames(&self, token: &str) -> Option<CardFrames> {
        self.setup
            .with_value(|s| s.stored_frames.get(token).cloned())
    }

    /// The shopper's saved cards (less those removed meanwhile).
    pub fn stored_cards(&self) -> ReadSignal<Vec<StoredCard>> {
        self.stored_cards.read_only()
    }

    /// Where the removal of a saved card stands.
    pub fn remove_state(&self, token: String) -> Signal<RemoveState> {
        let states = self.remove_states;
        Signal::derive(move || {
            states
                .with(|m| m.get(&token).copied())
                .unwrap_or(RemoveState::Idle)
        })
    }

    /// The session's methods other than cards, in its order.
    pub fn other_methods(&self) -> Vec<&'static PaymentMethod> {
        self.setup.with_value(|s| s.other_methods.clone())
    }

    /// How the merchant wants `wallet`'s button to look and what it says.
    pub fn wallet_button(&self, wallet: Wallet) -> WalletButtonOptions {
        self.setup.with_value(|s| s.wallet_buttons.of(wallet))
    }

    /// Starts loading the code (wasm chunks) of the session's methods that a view of the
    /// payment will show; a view that can show them calls it once, when it is created (Component
    /// mode in JS, which pays by card only, never does).
    pub fn preload_method_chunks(&self) {
        let unavailable = self.unavailable_methods;
        self.setup
            .with_value(|s| crate::chunks::preload_for_session(&s.other_methods, unavailable));
    }

    /// Methods that cannot be used now: their code could not be loaded.
    pub fn unavailable_methods(&self) -> ReadSignal<Vec<&'static str>> {
        self.unavailable_methods.read_only()
    }

    /// Wallets this browser can pay with (found out once, on creation).
    pub fn wallets_ready(&self) -> ReadSignal<Vec<&'static str>> {
        self.wallets_ready.read_only()
    }

    /// The amount to pay, formatted for the shopper.
    pub fn amount_text(&self) -> String {
        self.setup.with_value(|s| {
            crate::i18n::intl::format_amount(&s.session.amount, s.context.i18n().locale())
        })
    }

    /// The session, as loaded.
    pub fn with_session<T>(&self, read: impl FnOnce(&Session) -> T) -> T {
        self.setup.with_value(|s| read(&s.session))
    }
}

/// What a session offers, as the controller holds it: its card method's frames (a new card's
/// and each saved card's security code), its other methods as the catalogue knows them.
struct SessionMethods {
    has_card: bool,
    other_methods: Vec<&'static PaymentMethod>,
    stored: Vec<StoredCard>,
    card_frames: Option<CardFrames>,
    stored_frames: SmallMap<String, CardFrames>,
}

impl SessionMethods {
    fn of(
        session: &Session,
        context: &CheckoutContext,
        configuration: &CheckoutConfiguration,
    ) -> Self {
        let card_method = session
            .methods
            .iter()
            .find(|m| m.flow == "card")
            .filter(|_| configuration.shows("card"));
        // Unknown codes are skipped, never a crash.
        let other_methods: Vec<&'static PaymentMethod> = session
            .methods
            .iter()
            .filter(|m| m.flow != "card" && configuration.shows(&m.code))
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
        let mut other_methods = other_methods;
        // Stable: methods the merchant did not order keep the session's order, after the rest.
        other_methods.sort_by_key(|m| configuration.rank(m.code));
        // The merchant narrows the session's brands, never widens them (an empty list from the
        // session means every brand); a narrowing that leaves none takes no cards at all.
        let card_brands = card_method.and_then(|method| match &configuration.card_brands {
            Some(wanted) if method.brands.is_empty() => Some(wanted.clone()),
            Some(wanted) => Some(
                method
                    .brands
                    .iter()
                    .copied()
                    .filter(|b| wanted.contains(b))
                    .collect::<Vec<_>>(),
            )
            .filter(|b| !b.is_empty()),
            None => Some(method.brands.clone()),
        });
        let card_method = card_method.filter(|_| card_brands.is_some());
        let card_frames = card_brands.map(|brands| {
            CardFrames::for_session(session, context.i18n(), brands, &configuration.card)
        });
        let stored = if card_method.is_some() {
            session.stored_cards.clone()
        } else {
            Vec::new()
        };
        let stored_frames: SmallMap<String, CardFrames> = stored
            .iter()
            .map(|c| {
                let frames = CardFrames::cvv_only(&session.frames_origin, context.i18n(), c.brand);
                frames.bind(&session.id, session.merchant_id.as_deref().unwrap_or(""));
                (c.token.clone(), frames)
            })
            .collect();
        SessionMethods {
            has_card: card_method.is_some(),
            other_methods,
            stored,
            card_frames,
            stored_frames,
        }
    }
}

/// The first saved card still valid, else a new card, else the session's first method:
/// returning shoppers pay in one field.
fn default_choice(
    cards: &[StoredCard],
    has_card: bool,
    others: &[&'static PaymentMethod],
) -> PaymentChoice {
    let today = current_month();
    if let Some(card) = cards.iter().find(|c| !stored_card::is_expired(c, today)) {
        return PaymentChoice::StoredCard(card.token.clone());
    }
    match (
        has_card,
        others.iter().find(|m| m.flow != MethodFlow::Wallet),
    ) {
        (true, _) => PaymentChoice::NewCard,
        (false, Some(method)) => PaymentChoice::Method(method.code),
        (false, None) => PaymentChoice::NewCard,
    }
}
