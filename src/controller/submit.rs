//! Pressing Pay: the idempotency key, the in-flight guard, the card sealed in its frames, the
//! request for the shopper's choice.

use leptos::prelude::*;
use paykka_core::CheckoutError;
use paykka_core::flow::{PaymentFlow, PaymentState};

use super::{PaymentChoice, PaymentController, Wallet, new_idempotency_key};
use crate::api::{EncryptedCard, PaymentAnswer, SaveCardOffer};

impl PaymentController {
    /// Pays with the shopper's choice: a wallet opens its sheet (inside this click, as browsers
    /// require), anything else is submitted as [`Self::pay`].
    pub fn submit(&self) {
        match self.choice.get_untracked() {
            PaymentChoice::Method(code) => match Wallet::from_code(code) {
                Some(wallet) => self.pay_with_wallet(wallet),
                None => self.pay(),
            },
            _ => self.pay(),
        }
    }

    /// Submits the chosen card or method: a second press while one is in flight does nothing.
    pub fn pay(&self) {
        if let Some(action) = self.pay_action {
            action.dispatch(());
        }
    }

    /// Pays with the shopper's choice now and says how it ended: the gateway's answer, or why
    /// nothing was paid (fields invalid, encryption failed, network, refused by the flow). For
    /// callers that wait on one payment (the JS API's `submit()`); views use [`Self::submit`].
    pub async fn pay_now(self) -> Result<PaymentAnswer, CheckoutError> {
        let Some(client) = self.setup.with_value(|s| s.client.clone()) else {
            return Err(CheckoutError::NetworkUnavailable);
        };
        let choice = self.choice.get_untracked();
        let frames = match &choice {
            PaymentChoice::StoredCard(token) => self.stored_card_frames(token),
            PaymentChoice::NewCard => self.card_frames(),
            PaymentChoice::Method(_) => None,
        };
        if frames.is_none() && !matches!(choice, PaymentChoice::Method(_)) {
            return Err(CheckoutError::SecureFieldsUnavailable);
        }
        let key = self.begin().ok_or_else(|| self.refusal())?;
        let card = match &frames {
            None => EncryptedCard::default(),
            Some(frames) => match frames.encrypt().await {
                // Unmounted meanwhile: its requests are aborted, nothing was sent.
                _ if self.flow.is_disposed() => return Err(CheckoutError::NetworkUnavailable),
                Ok(card) => card,
                Err(error) => {
                    self.encryption_failed(error);
                    return Err(error);
                }
            },
        };
        let (session_id, return_url) = self
            .setup
            .try_with_value(|s| (s.session.id.clone(), s.return_url.clone()))
            .ok_or(CheckoutError::NetworkUnavailable)?;
        let answer = match &choice {
            PaymentChoice::StoredCard(token) => {
                client
                    .pay_with_token(&session_id, &key, token, &card.encrypted_cvv, &return_url)
                    .await
            }
            PaymentChoice::Method(code) => {
                client
                    .pay_with_method(&session_id, &key, code, &return_url)
                    .await
            }
            PaymentChoice::NewCard => {
                let store = self.store_card();
                client
                    .pay_with_card(&session_id, &key, &card, store, &return_url)
                    .await
            }
        };
        self.settle(answer.clone());
        answer
    }

    /// Why the flow refused to start a payment.
    pub(super) fn refusal(&self) -> CheckoutError {
        match self.flow.get_untracked().state() {
            PaymentState::Expired => CheckoutError::SessionExpired,
            PaymentState::Succeeded => CheckoutError::SessionCompleted,
            PaymentState::Unavailable(error) => error,
            // Submitting, or waiting for the gateway: one payment at a time.
            _ => CheckoutError::PaymentPending,
        }
    }

    /// Whether this payment saves the card: a subscription always does (the form said so
    /// before Pay), a shopper's box when offered, never without a known shopper.
    fn store_card(&self) -> bool {
        match self.save_offer() {
            SaveCardOffer::Required => true,
            SaveCardOffer::Optional { .. } => self.save_card.get_untracked(),
            SaveCardOffer::Unavailable => false,
        }
    }

    /// Starts a payment attempt: its idempotency key, or `None` (and whoever waits is told)
    /// when the flow refuses one (in flight, paid, expired, no random source).
    pub(super) fn begin(&self) -> Option<String> {
        let was_open = self.flow.with_untracked(PaymentFlow::can_submit);
        let mut key = None;
        self.flow.update(|f| key = f.submit(new_idempotency_key));
        if key.is_none() {
            let state = self.flow.get_untracked().state();
            // Refused before any request: the merchant hears why when it is news (the random
            // source failed just now), and a `submit()` waiting on this press gets its answer.
            if was_open {
                self.notify(state, None);
            }
            if let (Some(settled), PaymentState::Unavailable(_) | PaymentState::Expired) = (
                self.setup.with_value(|s| s.callbacks).on_submit_settled,
                state,
            ) {
                settled.try_run(state);
            }
        }
        key
    }

    fn encryption_failed(&self, error: CheckoutError) {
        if error == CheckoutError::RandomnessUnavailable {
            self.flow.update(PaymentFlow::randomness_failed);
            self.notify(self.flow.get_untracked().state(), None);
            return;
        }
        self.flow.update(PaymentFlow::cancel_submit);
        // Invalid fields speak for themselves, beside each field; this one has no field.
        if error == CheckoutError::SecureFieldsUnavailable {
            self.setup.with_value(|s| {
                s.context.announce(s.context.t(error.message_id()));
            });
        }
    }
}
