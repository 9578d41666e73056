//! Waiting for the gateway: a QR code's result, and a payment still deciding after a redirect.

use leptos::prelude::*;
use leptos::task::spawn_local;
use paykka_core::CheckoutError;
use paykka_core::flow::{PaymentOutcome, PaymentState};

use super::PaymentController;
use crate::api::PaymentAnswer;
use crate::components::internal::browser::sleep;

/// The result is asked for after these waits (ms) once back from a redirect while the gateway
/// still works, then left to the shopper.
const RESULT_RETRIES_MS: [i32; 7] = [1000, 2000, 2000, 3000, 5000, 5000, 10_000];

impl PaymentController {
    pub(super) fn start_polling(&self) {
        self.poll_qr_result();
        self.poll_pending_result();
    }

    /// Still on `state` (not unmounted, not moved on).
    fn still(&self, state: PaymentState) -> bool {
        self.flow
            .try_get_untracked()
            .is_some_and(|f| f.state() == state)
    }

    fn session_id(&self) -> Option<String> {
        self.setup.try_with_value(|s| s.session.id.clone())
    }

    /// A QR code is shown: ask the backend every 2 s, every 10 s after the first minute, until a
    /// final status, the code's expiry ([`Self::qr_expired`]) or unmount.
    fn poll_qr_result(&self) {
        let this = *self;
        Effect::new(move |_| {
            if this.state.get() != PaymentState::AwaitingScan {
                return;
            }
            let Some(client) = this.setup.with_value(|s| s.client.clone()) else {
                return;
            };
            spawn_local(async move {
                let started = js_sys::Date::now();
                loop {
                    let first_minute = js_sys::Date::now() - started < 60_000.0;
                    sleep(if first_minute { 2000 } else { 10_000 }).await;
                    let Some(session_id) = this.session_id() else {
                        return;
                    };
                    if !this.still(PaymentState::AwaitingScan) {
                        return;
                    }
                    let answer = client.result(&session_id).await;
                    if !this.still(PaymentState::AwaitingScan) {
                        return;
                    }
                    // Asking again is always safe (a read): the shopper is told, and polling goes on.
                    this.reconnecting
                        .try_set(answer.as_ref().is_err_and(|e| e.is_retryable()));
                    if let Ok(answer) = answer {
                        let outcome = answer.outcome();
                        if !matches!(outcome, PaymentOutcome::ShowQr | PaymentOutcome::Pending) {
                            this.flow.update(|f| f.answered(outcome));
                            this.record(answer);
                            return;
                        }
                    }
                }
            });
        });
    }

    /// The QR code's time is up: one last look (it may have been paid in the last second), else
    /// it failed as expired and the shopper may start again.
    pub fn qr_expired(&self) {
        let this = *self;
        let Some(client) = self.setup.with_value(|s| s.client.clone()) else {
            return;
        };
        let Some(session_id) = self.session_id() else {
            return;
        };
        spawn_local(async move {
            let answer = client.result(&session_id).await.ok();
            if !this.still(PaymentState::AwaitingScan) {
                return;
            }
            let outcome = match answer.as_ref().map(PaymentAnswer::outcome) {
                Some(outcome @ (PaymentOutcome::Paid | PaymentOutcome::Declined(_))) => outcome,
                _ => PaymentOutcome::Declined(CheckoutError::PaymentExpired),
            };
            this.flow.update(|f| f.answered(outcome));
            this.notify(this.flow.get_untracked().state(), answer.as_ref());
            if let Some(answer) = answer {
                this.last_answer.set(Some(answer));
            }
        });
    }

    /// Waiting for the gateway (back from a redirect while it still works): ask again, a few
    /// times.
    fn poll_pending_result(&self) {
        let this = *self;
        Effect::new(move |_| {
            if this.state.get() != PaymentState::AwaitingResult {
                return;
            }
            let Some(client) = this.setup.with_value(|s| s.client.clone()) else {
                return;
            };
            spawn_local(async move {
                for delay_ms in RESULT_RETRIES_MS {
                    sleep(delay_ms).await;
                    let Some(session_id) = this.session_id() else {
                        return;
                    };
                    if let Ok(answer) = client.result(&session_id).await {
                        let outcome = answer.outcome();
                        if outcome != PaymentOutcome::Pending && !this.flow.is_disposed() {
                            this.flow.update(|f| f.answered(outcome));
                            this.record(answer);
                            return;
                        }
                    }
                }
            });
        });
    }
}
