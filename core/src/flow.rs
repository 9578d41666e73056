//! The payment flow of one checkout as a state machine: what the shopper may do next, and
//! which idempotency key a payment request carries.
//!
//! The UI renders from [`PaymentState`] and moves it only through [`PaymentFlow`]'s methods, so
//! "Pay is disabled while a payment is in flight" and "a retry after a network error reuses the
//! key" are properties of this type, tested here, not of event handlers.

use crate::CheckoutError;

/// Where the checkout stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentState {
    /// Fetching the session (or, after a redirect, the result).
    Loading,
    /// The form is shown and the shopper can pay.
    Ready,
    /// A payment request is in flight: nothing can be submitted.
    Submitting,
    /// The page is leaving for the issuer's (3DS) or the wallet's page.
    Redirecting,
    /// The gateway has not decided yet (back from a redirect, or an asynchronous method).
    AwaitingResult,
    /// A QR code is shown: the shopper pays in the wallet's app while the checkout polls.
    AwaitingScan,
    /// Paid. Terminal.
    Succeeded,
    /// Declined: the form stays, a new attempt (new key) may follow.
    Declined(CheckoutError),
    /// The request may or may not have reached the gateway (network error, timeout, 5xx):
    /// retrying is safe only with the same key.
    Interrupted(CheckoutError),
    /// The session expired: no payment can be made. Terminal.
    Expired,
    /// The checkout cannot be used (unknown or already paid session, load failure).
    Unavailable(CheckoutError),
}

/// The gateway's verdict on a payment, as the merchant backend reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentOutcome {
    /// SUCCESS or AUTHORIZED.
    Paid,
    /// FAILURE, with its reason.
    Declined(CheckoutError),
    /// PROCESSING with a redirect action: the page goes to the issuer or the wallet.
    Redirect,
    /// PROCESSING with a QR action: show the code and wait for the wallet's verdict.
    ShowQr,
    /// PROCESSING without an action for the shopper (asynchronous): wait for the final status.
    Pending,
    /// No payment attempted yet on this session.
    NotStarted,
}

/// One checkout's flow.
#[derive(Clone, Debug)]
pub struct PaymentFlow {
    state: PaymentState,
    attempt_key: Option<String>,
    attempts: u32,
    /// The state before the pending submit and whether that submit minted a key, so a submit
    /// stopped before any request (invalid card fields) can be undone without a trace.
    before_submit: Option<(PaymentState, bool)>,
}

impl Default for PaymentFlow {
    fn default() -> Self {
        Self::new()
    }
}

impl PaymentFlow {
    /// A flow that starts by loading its session.
    pub const fn new() -> Self {
        Self {
            state: PaymentState::Loading,
            attempt_key: None,
            attempts: 0,
            before_submit: None,
        }
    }

    /// Where the checkout stands now.
    pub const fn state(&self) -> PaymentState {
        self.state
    }

    /// How many payment attempts (distinct idempotency keys) were started.
    pub const fn attempts(&self) -> u32 {
        self.attempts
    }

    /// Whether Pay can be pressed now.
    pub const fn can_submit(&self) -> bool {
        matches!(
            self.state,
            PaymentState::Ready | PaymentState::Declined(_) | PaymentState::Interrupted(_)
        )
    }

    /// The session loaded: `expired` sessions take no payment; `outcome` is the session's
    /// payment so far (a reload after paying shows the result, not a second form).
    pub fn session_loaded(&mut self, expired: bool, outcome: PaymentOutcome) {
        self.state = if expired {
            PaymentState::Expired
        } else {
            Self::state_after(outcome)
        };
    }

    /// The session or its result could not be loaded.
    pub fn load_failed(&mut self, error: CheckoutError) {
        self.state = match error {
            CheckoutError::SessionExpired => PaymentState::Expired,
            error => PaymentState::Unavailable(error),
        };
    }

    /// Pay was pressed. Returns the idempotency key the request must carry, or `None` when no
    /// payment may start now (one is in flight, or the checkout is over): a double click pays once.
    ///
    /// A retry after an interruption reuses the previous key, so the backend and the gateway
    /// recognise it; any other attempt gets a fresh key from `fresh_key`. When `fresh_key` has
    /// none (the browser's random source failed), nothing starts and the checkout fails closed:
    /// [`PaymentFlow::randomness_failed`].
    pub fn submit(&mut self, fresh_key: impl FnOnce() -> Option<String>) -> Option<String> {
        if !self.can_submit() {
            return None;
        }
        let (key, minted) = match (self.state, &self.attempt_key) {
            (PaymentState::Interrupted(_), Some(key)) => (key.clone(), false),
            _ => {
                let Some(key) = fresh_key() else {
                    self.randomness_failed();
                    return None;
                };
                self.attempts += 1;
                self.attempt_key = Some(key.clone());
                (key, true)
            }
        };
        self.before_submit = Some((self.state, minted));
        self.state = PaymentState::Submitting;
        Some(key)
    }

    /// The submit stopped before any request left (the card fields were invalid): back to
    /// where the shopper was, as if Pay had not been pressed.
    pub fn cancel_submit(&mut self) {
        if self.state != PaymentState::Submitting {
            return;
        }
        if let Some((before, minted)) = self.before_submit.take() {
            self.state = before;
            if minted {
                self.attempt_key = None;
                self.attempts -= 1;
            }
        }
    }

    /// The backend answered the payment request.
    pub fn answered(&mut self, outcome: PaymentOutcome) {
        if !matches!(
            self.state,
            PaymentState::Submitting
                | PaymentState::AwaitingResult
                | PaymentState::AwaitingScan
                | PaymentState::Loading
        ) {
            return;
        }
        self.state = Self::state_after(outcome);
        if matches!(
            self.state,
            PaymentState::Succeeded | PaymentState::Declined(_)
        ) {
            // A decided attempt is over: the next one needs its own key.
            self.attempt_key = None;
        }
    }

    /// The browser cannot draw random bytes (`crypto.getRandomValues` missing or failing), so
    /// neither an idempotency key nor a secure frame channel can be made unpredictable: a
    /// checkout that could still take a payment becomes unavailable with
    /// [`CheckoutError::RandomnessUnavailable`], and a submit stopped before its request is
    /// undone. A payment already underway or decided keeps its state (it needs no new id).
    pub fn randomness_failed(&mut self) {
        self.cancel_submit();
        if self.can_submit() || self.state == PaymentState::Loading {
            self.state = PaymentState::Unavailable(CheckoutError::RandomnessUnavailable);
            self.attempt_key = None;
        }
    }

    /// The payment request failed without an answer from the gateway.
    pub fn request_failed(&mut self, error: CheckoutError) {
        if self.state != PaymentState::Submitting {
            return;
        }
        self.state = match error {
            CheckoutError::SessionExpired => PaymentState::Expired,
            CheckoutError::SessionCompleted | CheckoutError::SessionNotFound => {
                PaymentState::Unavailable(error)
            }
            error if error.is_retryable() => PaymentState::Interrupted(error),
            // Refused outright (4xx): nothing reached the gateway, a corrected attempt is new.
            error => {
                self.attempt_key = None;
                PaymentState::Declined(error)
            }
        };
    }

    /// The shopper is back from a redirect: the result must be fetched, never read from the URL.
    pub fn returned_from_redirect(&mut self) {
        self.state = PaymentState::AwaitingResult;
    }

    fn state_after(outcome: PaymentOutcome) -> PaymentState {
        match outcome {
            PaymentOutcome::Paid => PaymentState::Succeeded,
            PaymentOutcome::Declined(reason) => PaymentState::Declined(reason),
            PaymentOutcome::Redirect => PaymentState::Redirecting,
            PaymentOutcome::ShowQr => PaymentState::AwaitingScan,
            PaymentOutcome::Pending => PaymentState::AwaitingResult,
            PaymentOutcome::NotStarted => PaymentState::Ready,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> impl FnMut() -> Option<String> {
        let mut n = 0;
        move || {
            n += 1;
            Some(format!("key-{n}"))
        }
    }

    fn ready() -> PaymentFlow {
        let mut flow = PaymentFlow::new();
        flow.session_loaded(false, PaymentOutcome::NotStarted);
        flow
    }

    #[test]
    fn pay_cannot_be_pressed_while_the_session_loads() {
        let mut flow = PaymentFlow::new();
        assert!(!flow.can_submit());
        assert_eq!(flow.submit(|| Some("k".into())), None);
    }

    #[test]
    fn five_fast_clicks_start_exactly_one_payment() {
        let mut flow = ready();
        let mut next = keys();
        let started: Vec<_> = (0..5).filter_map(|_| flow.submit(&mut next)).collect();
        assert_eq!(started, ["key-1"]);
        assert_eq!(flow.attempts(), 1);
        assert_eq!(flow.state(), PaymentState::Submitting);
    }

    #[test]
    fn a_retry_after_a_network_error_reuses_the_idempotency_key() {
        let mut flow = ready();
        let mut next = keys();
        assert_eq!(flow.submit(&mut next).as_deref(), Some("key-1"));
        flow.request_failed(CheckoutError::NetworkUnavailable);
        assert_eq!(
            flow.state(),
            PaymentState::Interrupted(CheckoutError::NetworkUnavailable)
        );
        assert_eq!(flow.submit(&mut next).as_deref(), Some("key-1"));
        flow.request_failed(CheckoutError::RequestTimedOut);
        assert_eq!(flow.submit(&mut next).as_deref(), Some("key-1"));
        assert_eq!(flow.attempts(), 1);
    }

    #[test]
    fn a_new_attempt_after_a_decline_gets_a_new_key() {
        let mut flow = ready();
        let mut next = keys();
        flow.submit(&mut next);
        flow.answered(PaymentOutcome::Declined(CheckoutError::CardDeclined));
        assert_eq!(
            flow.state(),
            PaymentState::Declined(CheckoutError::CardDeclined)
        );
        assert_eq!(flow.submit(&mut next).as_deref(), Some("key-2"));
        flow.answered(PaymentOutcome::Paid);
        assert_eq!(flow.state(), PaymentState::Succeeded);
        assert_eq!(flow.submit(&mut next), None);
    }

    #[test]
    fn an_expired_session_blocks_payment() {
        let mut flow = PaymentFlow::new();
        flow.session_loaded(true, PaymentOutcome::NotStarted);
        assert_eq!(flow.state(), PaymentState::Expired);
        assert_eq!(flow.submit(|| Some("k".into())), None);

        let mut flow = ready();
        flow.submit(|| Some("k".into()));
        flow.request_failed(CheckoutError::SessionExpired);
        assert_eq!(flow.state(), PaymentState::Expired);
        assert!(!flow.can_submit());
    }

    #[test]
    fn a_redirect_answer_leaves_the_page_and_the_return_waits_for_the_result() {
        let mut flow = ready();
        flow.submit(|| Some("k".into()));
        flow.answered(PaymentOutcome::Redirect);
        assert_eq!(flow.state(), PaymentState::Redirecting);
        assert!(!flow.can_submit());

        let mut back = PaymentFlow::new();
        back.returned_from_redirect();
        assert_eq!(back.state(), PaymentState::AwaitingResult);
        back.answered(PaymentOutcome::Paid);
        assert_eq!(back.state(), PaymentState::Succeeded);
    }

    #[test]
    fn a_submit_cancelled_before_any_request_leaves_no_trace() {
        let mut flow = ready();
        let mut next = keys();
        flow.submit(&mut next);
        flow.cancel_submit();
        assert_eq!((flow.state(), flow.attempts()), (PaymentState::Ready, 0));

        flow.submit(&mut next);
        flow.request_failed(CheckoutError::NetworkUnavailable);
        assert_eq!(flow.submit(&mut next).as_deref(), Some("key-2"));
        flow.cancel_submit();
        assert_eq!(
            flow.state(),
            PaymentState::Interrupted(CheckoutError::NetworkUnavailable)
        );
        assert_eq!(
            flow.submit(&mut next).as_deref(),
            Some("key-2"),
            "the interrupted key survives"
        );
    }

    #[test]
    fn a_reload_after_paying_shows_the_result_instead_of_a_form() {
        let mut flow = PaymentFlow::new();
        flow.session_loaded(false, PaymentOutcome::Paid);
        assert_eq!(flow.state(), PaymentState::Succeeded);
    }

    #[test]
    fn a_late_answer_cannot_overwrite_a_final_state() {
        let mut flow = ready();
        flow.submit(|| Some("k".into()));
        flow.answered(PaymentOutcome::Paid);
        flow.answered(PaymentOutcome::Declined(CheckoutError::CardDeclined));
        flow.request_failed(CheckoutError::NetworkUnavailable);
        assert_eq!(flow.state(), PaymentState::Succeeded);
    }

    #[test]
    fn a_refused_request_is_a_correctable_decline_with_a_fresh_key_next() {
        let mut flow = ready();
        let mut next = keys();
        flow.submit(&mut next);
        flow.request_failed(CheckoutError::RequestRejected);
        assert_eq!(
            flow.state(),
            PaymentState::Declined(CheckoutError::RequestRejected)
        );
        assert_eq!(flow.submit(&mut next).as_deref(), Some("key-2"));
    }

    #[test]
    fn a_qr_answer_waits_for_the_scan_and_its_expiry_allows_a_new_attempt() {
        let mut flow = ready();
        let mut next = keys();
        flow.submit(&mut next);
        flow.answered(PaymentOutcome::ShowQr);
        assert_eq!(flow.state(), PaymentState::AwaitingScan);
        assert!(
            !flow.can_submit(),
            "no second payment while the code is shown"
        );
        flow.answered(PaymentOutcome::Pending);
        assert_eq!(flow.state(), PaymentState::AwaitingResult);
        flow.answered(PaymentOutcome::ShowQr);
        flow.answered(PaymentOutcome::Declined(CheckoutError::PaymentExpired));
        assert_eq!(
            flow.state(),
            PaymentState::Declined(CheckoutError::PaymentExpired)
        );
        assert_eq!(flow.submit(&mut next).as_deref(), Some("key-2"));
    }

    #[test]
    fn a_reload_while_the_code_is_shown_shows_it_again() {
        let mut flow = PaymentFlow::new();
        flow.session_loaded(false, PaymentOutcome::ShowQr);
        assert_eq!(flow.state(), PaymentState::AwaitingScan);
        flow.answered(PaymentOutcome::Paid);
        assert_eq!(flow.state(), PaymentState::Succeeded);
    }

    const NO_RANDOMNESS: PaymentState =
        PaymentState::Unavailable(CheckoutError::RandomnessUnavailable);

    #[test]
    fn without_random_bytes_no_payment_starts_and_the_checkout_fails_closed() {
        let mut flow = ready();
        assert_eq!(flow.submit(|| None), None);
        assert_eq!(flow.state(), NO_RANDOMNESS);
        assert_eq!(flow.attempts(), 0);
        assert!(!flow.can_submit());
        // Even once the source works again: no second chance within this checkout.
        assert_eq!(flow.submit(|| Some("k".into())), None);
        // A declined shopper's next attempt needs a new key: refused as well.
        let mut flow = ready();
        flow.submit(|| Some("k".into()));
        flow.answered(PaymentOutcome::Declined(CheckoutError::CardDeclined));
        assert_eq!(flow.submit(|| None), None);
        assert_eq!(flow.state(), NO_RANDOMNESS);
        assert_eq!(flow.attempts(), 1);
    }

    #[test]
    fn a_retry_after_an_interruption_needs_no_new_random_bytes() {
        let mut flow = ready();
        let mut next = keys();
        flow.submit(&mut next);
        flow.request_failed(CheckoutError::NetworkUnavailable);
        assert_eq!(flow.submit(|| None).as_deref(), Some("key-1"));
        assert_eq!(flow.state(), PaymentState::Submitting);
    }

    #[test]
    fn randomness_failing_mid_submit_undoes_the_submit_and_blocks_the_next() {
        let mut flow = ready();
        flow.submit(|| Some("k".into()));
        flow.randomness_failed();
        assert_eq!(flow.state(), NO_RANDOMNESS);
        assert_eq!(flow.attempts(), 0);
        assert_eq!(flow.submit(|| Some("k2".into())), None);
    }

    #[test]
    fn randomness_failing_leaves_a_decided_or_running_payment_alone() {
        let mut paid = PaymentFlow::new();
        paid.session_loaded(false, PaymentOutcome::Paid);
        paid.randomness_failed();
        assert_eq!(paid.state(), PaymentState::Succeeded);

        let mut expired = PaymentFlow::new();
        expired.session_loaded(true, PaymentOutcome::NotStarted);
        expired.randomness_failed();
        assert_eq!(expired.state(), PaymentState::Expired);

        let mut scanning = ready();
        scanning.submit(|| Some("k".into()));
        scanning.answered(PaymentOutcome::ShowQr);
        scanning.randomness_failed();
        assert_eq!(scanning.state(), PaymentState::AwaitingScan);

        let mut loading = PaymentFlow::new();
        loading.randomness_failed();
        assert_eq!(loading.state(), NO_RANDOMNESS);
    }
}
