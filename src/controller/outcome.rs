//! What an answer does to the checkout, and who hears of it: the flow, a redirect, the
//! merchant's callbacks, the live region.

use leptos::prelude::*;
use paykka_core::CheckoutError;
use paykka_core::flow::PaymentState;

use super::{PaymentController, PaymentSummary};
use crate::api::{PaymentAction, PaymentAnswer};
use crate::components::internal::browser::redirect;

impl PaymentController {
    /// What every payment request's answer does to the checkout, whichever method sent it.
    pub(super) fn settle(&self, answer: Result<PaymentAnswer, CheckoutError>) {
        if self.flow.is_disposed() {
            return; // Answered after an unmount: the checkout it was for is gone.
        }
        match answer {
            Ok(answer) => {
                self.flow.update(|f| f.answered(answer.outcome()));
                let on_action = self
                    .setup
                    .with_value(|s| s.callbacks.events.on_additional_action);
                match (&answer.action, on_action) {
                    // The merchant takes the next step; the result still comes here (polling,
                    // or the return from the bank's page).
                    (Some(action), Some(on_action)) => {
                        on_action.try_run(action.clone());
                    }
                    (Some(PaymentAction::Redirect { url, post, data }), None)
                        if self.flow.get_untracked().state() == PaymentState::Redirecting =>
                    {
                        redirect(url, *post, data)
                    }
                    _ => {}
                }
                self.record(answer);
            }
            Err(error) => {
                self.flow.update(|f| f.request_failed(error));
                self.notify(self.flow.get_untracked().state(), None);
            }
        }
    }

    /// Whether the merchant takes the gateway's next steps itself (`on_additional_action`): the
    /// views then draw no QR code and leave no page.
    pub fn merchant_handles_actions(&self) -> bool {
        self.setup
            .with_value(|s| s.callbacks.events.on_additional_action.is_some())
    }

    /// A final or newer answer: kept, and the merchant told about the state it leads to.
    pub(super) fn record(&self, answer: PaymentAnswer) {
        self.notify(self.flow.get_untracked().state(), Some(&answer));
        self.last_answer.set(Some(answer));
    }

    /// Tells the merchant, once, about the state an answer leads to.
    pub(super) fn notify(&self, state: PaymentState, answer: Option<&PaymentAnswer>) {
        let callbacks = self.setup.with_value(|s| s.callbacks);
        let summary = |answer: &PaymentAnswer| {
            self.setup.with_value(|s| PaymentSummary {
                session_id: s.session.id.clone(),
                order_id: answer.order_id.clone(),
                amount: s.session.amount,
                card_brand: answer.card_brand,
                card_last4: answer.card_last4.clone(),
                failure: answer.decline,
            })
        };
        match state {
            PaymentState::Succeeded => {
                if let (Some(cb), Some(answer)) = (callbacks.on_payment_completed, answer) {
                    cb.try_run(summary(answer));
                }
            }
            PaymentState::Declined(_) => {
                if let (Some(cb), Some(answer)) = (callbacks.on_payment_failed, answer) {
                    cb.try_run(summary(answer));
                }
            }
            PaymentState::Interrupted(error) | PaymentState::Unavailable(error) => {
                if let Some(cb) = callbacks.on_error {
                    cb.try_run(error);
                }
            }
            _ => {}
        }
    }

    /// Every state change is said once in the live region, whatever view shows it.
    pub(super) fn announce_states(&self) {
        let this = *self;
        Effect::new(move |_| {
            let state = this.state.get();
            let Some(ctx) = this.setup.try_with_value(|s| s.context.clone()) else {
                return;
            };
            let authorized = this
                .last_answer
                .with_untracked(|a| a.as_ref().is_some_and(PaymentAnswer::is_authorization));
            let message = match state {
                PaymentState::Submitting => Some(ctx.t("dropin-processing")),
                PaymentState::Redirecting => Some(ctx.t("dropin-redirecting")),
                PaymentState::Declined(e) | PaymentState::Interrupted(e) => {
                    Some(ctx.t(e.message_id()))
                }
                PaymentState::Succeeded if authorized => Some(ctx.t("dropin-authorized-title")),
                PaymentState::Succeeded => Some(ctx.t("dropin-success-title")),
                _ => None,
            };
            if let Some(message) = message {
                ctx.announce(message);
            }
        });
    }
}
