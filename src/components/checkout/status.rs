//! What follows a press of Pay, for any layout: waiting, the QR code, the result.

use leptos::prelude::*;
use paykka_core::flow::PaymentState;
use paykka_core::methods;

use super::views::{AwaitingView, ErrorView, ExpiredView, SuccessView};
use crate::api::{PaymentAction, PaymentAnswer};
use crate::chunks::{QrPanelParts, qr_panel};
use crate::controller::PaymentController;
use paykka_core::CheckoutError;

/// Shows where the payment of the enclosing [`Checkout`](super::Checkout) stands once Pay was
/// pressed: a spinner while the gateway decides or the page leaves for the bank, the QR code
/// to scan (with its countdown, and polling for the result), the success or authorisation, an
/// expired or unusable checkout. Nothing while the shopper is still on the form.
#[component]
pub fn PaymentStatus() -> impl IntoView {
    let payment = PaymentController::expect();
    // The QR panel's code, loading while the shopper is still on the form.
    payment.preload_method_chunks();
    let amount = payment.amount_text();
    let state = payment.state();
    let answer = payment.answer();
    let first_qr_method = payment
        .other_methods()
        .into_iter()
        .find(|m| m.flow == methods::MethodFlow::Qr);
    let on_expired = Callback::new(move |()| payment.qr_expired());
    move || match state.get() {
        PaymentState::Succeeded => {
            let order = answer.with(|a| a.as_ref().and_then(|a| a.order_id.clone()));
            let authorized =
                answer.with(|a| a.as_ref().is_some_and(PaymentAnswer::is_authorization));
            view! { <SuccessView amount=amount.clone() order_id=order authorized=authorized /> }
                .into_any()
        }
        PaymentState::Expired => view! { <ExpiredView /> }.into_any(),
        PaymentState::Unavailable(error) => view! { <ErrorView error=error /> }.into_any(),
        // The merchant draws the code itself (`on_additional_action`); the result still comes.
        PaymentState::AwaitingScan if payment.merchant_handles_actions() => {
            view! { <AwaitingView redirecting=false /> }.into_any()
        }
        PaymentState::AwaitingScan => {
            let shown = answer.with(|a| {
                let a = a.as_ref()?;
                let Some(PaymentAction::Qr {
                    payload,
                    expires_at,
                }) = &a.action
                else {
                    return None;
                };
                let method = a
                    .payment_method
                    .as_deref()
                    .and_then(methods::lookup)
                    .or(first_qr_method)?;
                Some((*method, payload.clone(), expires_at.clone()))
            });
            match shown {
                Some((method, payload, expires_at)) => {
                    let parts = QrPanelParts {
                        method,
                        payload,
                        amount: amount.clone(),
                        expires_at,
                        on_expired,
                        reconnecting: payment.reconnecting(),
                    };
                    // The panel's code is a chunk, loaded with the session (see `chunks`): ready by
                    // now unless it could not be loaded, which is said here too.
                    Suspend::new(async move {
                        qr_panel(parts).await.unwrap_or_else(|_| {
                            view! { <ErrorView error=CheckoutError::MethodUnavailable /> }
                                .into_any()
                        })
                    })
                    .into_any()
                }
                None => view! { <AwaitingView redirecting=false /> }.into_any(),
            }
        }
        PaymentState::AwaitingResult | PaymentState::Redirecting | PaymentState::Loading => {
            let redirecting = state.get() == PaymentState::Redirecting;
            view! { <AwaitingView redirecting=redirecting /> }.into_any()
        }
        _ => ().into_any(),
    }
}
