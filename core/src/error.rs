/// Everything the core can reject, as one closed set so that the UI can map each case to a
/// localised message and a test can check that every locale has every message.
///
/// Flow errors (network, session expired, ...) belong here too when they arrive: one enum
/// keeps [`CheckoutError::ALL`] the single list the locale test walks.
///
/// `#[non_exhaustive]`: a new case may come with a release; match with a `_` arm (its
/// [`message_id`](CheckoutError::message_id) still names a message every locale has).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum CheckoutError {
    /// No digit in the card number.
    NumberEmpty,
    /// Fewer digits than the brand needs (or a length between two valid ones).
    NumberIncomplete,
    /// More digits than the brand allows.
    NumberTooLong,
    /// Fails the Luhn check or holds characters that are neither digits nor separators.
    NumberInvalid,
    /// A brand the merchant does not accept.
    NumberUnsupported,
    /// Nothing typed in the expiry field.
    ExpiryEmpty,
    /// The expiry date is not finished, or not shaped like `MM/YY` or `MM/YYYY` at all.
    ExpiryIncomplete,
    /// Month 0 or above 12.
    ExpiryMonthInvalid,
    /// Before the current month.
    ExpiryInPast,
    /// More than 20 years ahead.
    ExpiryTooFar,
    /// No security code.
    CvvEmpty,
    /// Not exactly as many digits as the brand needs.
    CvvIncomplete,
    /// Blank holder name.
    HolderNameEmpty,
    /// A holder name without any letter, with control characters, or above 64 characters.
    HolderNameInvalid,
    /// An amount that is not a plain non-negative integer of minor units.
    AmountInvalid,
    /// A negative amount.
    AmountNegative,
    /// Not an active ISO 4217 currency code.
    CurrencyUnsupported,
    /// The merchant backend could not be reached (connection refused or dropped).
    NetworkUnavailable,
    /// The merchant backend did not answer in time.
    RequestTimedOut,
    /// The merchant backend or the gateway failed (5xx).
    ServerError,
    /// An answer that is not the JSON we expect.
    InvalidResponse,
    /// The backend refused the request as invalid (4xx not covered below).
    RequestRejected,
    /// The checkout session expired: no payment can be made with it.
    SessionExpired,
    /// The session id is unknown to the backend.
    SessionNotFound,
    /// The session was already paid.
    SessionCompleted,
    /// The secure card fields or the card encryption key could not be loaded.
    SecureFieldsUnavailable,
    /// A card field the payment needs is not on the page (Component mode: the merchant did not
    /// mount it); the JS API names the component.
    FieldNotMounted,
    /// The code of a payment method (a chunk of the SDK's wasm, loaded when a session needs it)
    /// could not be loaded: that method cannot be used now; the others, and cards, still can.
    MethodUnavailable,
    /// The browser's random source (`crypto.getRandomValues`) is missing or failed: no payment
    /// may start, since its idempotency key and the secure frames' channel would be predictable.
    RandomnessUnavailable,
    /// The merchant backend refused for now: too many requests or payment attempts (HTTP 429).
    TooManyRequests,
    /// Another payment of this checkout (3DS, QR, redirect) is still waiting to be completed.
    PaymentPending,
    /// The gateway found the encrypted card data too old: the shopper enters the card again
    /// (the frames seal it afresh on the next Pay).
    CardDataExpired,
    /// The issuer declined the card.
    CardDeclined,
    /// Declined for insufficient funds.
    InsufficientFunds,
    /// Declined: the card has expired.
    CardExpired,
    /// 3-D Secure authentication failed.
    AuthenticationFailed,
    /// The gateway found the card number invalid.
    CardInvalid,
    /// The gateway found the security code wrong.
    CvvInvalid,
    /// The shopper did not finish in time (challenge or QR expired).
    PaymentExpired,
    /// Any other failed payment.
    PaymentFailed,
}

/// The Fluent message id (`error-card-declined`): stable, and the key of the shopper's text in
/// every locale. The text itself is the localizer's (`CheckoutContext::t` in the SDK), which
/// knows the shopper's language; the core does not.
impl std::fmt::Display for CheckoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message_id())
    }
}

impl std::error::Error for CheckoutError {}

impl CheckoutError {
    /// Every variant, for the test that checks every message id exists in every locale.
    pub const ALL: &'static [CheckoutError] = &[
        Self::NumberEmpty,
        Self::NumberIncomplete,
        Self::NumberTooLong,
        Self::NumberInvalid,
        Self::NumberUnsupported,
        Self::ExpiryEmpty,
        Self::ExpiryIncomplete,
        Self::ExpiryMonthInvalid,
        Self::ExpiryInPast,
        Self::ExpiryTooFar,
        Self::CvvEmpty,
        Self::CvvIncomplete,
        Self::HolderNameEmpty,
        Self::HolderNameInvalid,
        Self::AmountInvalid,
        Self::AmountNegative,
        Self::CurrencyUnsupported,
        Self::NetworkUnavailable,
        Self::RequestTimedOut,
        Self::ServerError,
        Self::InvalidResponse,
        Self::RequestRejected,
        Self::SessionExpired,
        Self::SessionNotFound,
        Self::SessionCompleted,
        Self::SecureFieldsUnavailable,
        Self::FieldNotMounted,
        Self::MethodUnavailable,
        Self::RandomnessUnavailable,
        Self::TooManyRequests,
        Self::PaymentPending,
        Self::CardDataExpired,
        Self::CardDeclined,
        Self::InsufficientFunds,
        Self::CardExpired,
        Self::AuthenticationFailed,
        Self::CardInvalid,
        Self::CvvInvalid,
        Self::PaymentExpired,
        Self::PaymentFailed,
    ];

    /// The Fluent message id of this error, e.g. `error-number-invalid`.
    pub const fn message_id(&self) -> &'static str {
        match self {
            Self::NumberEmpty => "error-number-empty",
            Self::NumberIncomplete => "error-number-incomplete",
            Self::NumberTooLong => "error-number-too-long",
            Self::NumberInvalid => "error-number-invalid",
            Self::NumberUnsupported => "error-number-unsupported",
            Self::ExpiryEmpty => "error-expiry-empty",
            Self::ExpiryIncomplete => "error-expiry-incomplete",
            Self::ExpiryMonthInvalid => "error-expiry-month-invalid",
            Self::ExpiryInPast => "error-expiry-in-past",
            Self::ExpiryTooFar => "error-expiry-too-far",
            Self::CvvEmpty => "error-cvv-empty",
            Self::CvvIncomplete => "error-cvv-incomplete",
            Self::HolderNameEmpty => "error-holder-name-empty",
            Self::HolderNameInvalid => "error-holder-name-invalid",
            Self::AmountInvalid => "error-amount-invalid",
            Self::AmountNegative => "error-amount-negative",
            Self::CurrencyUnsupported => "error-currency-unsupported",
            Self::NetworkUnavailable => "error-network-unavailable",
            Self::RequestTimedOut => "error-request-timed-out",
            Self::ServerError => "error-server",
            Self::InvalidResponse => "error-invalid-response",
            Self::RequestRejected => "error-request-rejected",
            Self::SessionExpired => "error-session-expired",
            Self::SessionNotFound => "error-session-not-found",
            Self::SessionCompleted => "error-session-completed",
            Self::SecureFieldsUnavailable => "error-secure-fields-unavailable",
            Self::FieldNotMounted => "error-field-not-mounted",
            Self::MethodUnavailable => "error-method-unavailable",
            Self::RandomnessUnavailable => "error-randomness-unavailable",
            Self::TooManyRequests => "error-too-many-requests",
            Self::PaymentPending => "error-payment-pending",
            Self::CardDataExpired => "error-card-data-expired",
            Self::CardDeclined => "error-card-declined",
            Self::InsufficientFunds => "error-insufficient-funds",
            Self::CardExpired => "error-card-expired",
            Self::AuthenticationFailed => "error-authentication-failed",
            Self::CardInvalid => "error-card-invalid",
            Self::CvvInvalid => "error-cvv-invalid",
            Self::PaymentExpired => "error-payment-expired",
            Self::PaymentFailed => "error-payment-failed",
        }
    }

    /// The stable code of this error, snake_case: the `code` of the JS API's error objects (and
    /// of the `.d.ts`'s `ErrorCode`), and the merchant backend's `failure.code` / `error.code`
    /// where the backend reports the same thing (a card expired is `expired_card` on both sides).
    /// One table, read both ways: [`from_decline_code`](Self::from_decline_code) and
    /// [`from_backend_error`](Self::from_backend_error) look codes up here. Message ids
    /// ([`message_id`](Self::message_id)) are the localizer's keys, not API.
    pub const fn code(&self) -> &'static str {
        match self {
            Self::NumberEmpty => "number_empty",
            Self::NumberIncomplete => "number_incomplete",
            Self::NumberTooLong => "number_too_long",
            Self::NumberInvalid => "number_invalid",
            Self::NumberUnsupported => "number_unsupported",
            Self::ExpiryEmpty => "expiry_empty",
            Self::ExpiryIncomplete => "expiry_incomplete",
            Self::ExpiryMonthInvalid => "expiry_month_invalid",
            Self::ExpiryInPast => "expiry_in_past",
            Self::ExpiryTooFar => "expiry_too_far",
            Self::CvvEmpty => "cvv_empty",
            Self::CvvIncomplete => "cvv_incomplete",
            Self::HolderNameEmpty => "holder_name_empty",
            Self::HolderNameInvalid => "holder_name_invalid",
            Self::AmountInvalid => "amount_invalid",
            Self::AmountNegative => "amount_negative",
            Self::CurrencyUnsupported => "currency_unsupported",
            Self::NetworkUnavailable => "network_unavailable",
            Self::RequestTimedOut => "request_timed_out",
            Self::ServerError => "server_error",
            Self::InvalidResponse => "invalid_response",
            Self::RequestRejected => "request_rejected",
            Self::SessionExpired => "session_expired",
            Self::SessionNotFound => "session_not_found",
            Self::SessionCompleted => "session_completed",
            Self::SecureFieldsUnavailable => "secure_fields_unavailable",
            Self::FieldNotMounted => "field_not_mounted",
            Self::MethodUnavailable => "method_unavailable",
            Self::RandomnessUnavailable => "randomness_unavailable",
            Self::TooManyRequests => "too_many_requests",
            Self::PaymentPending => "payment_pending",
            Self::CardDataExpired => "card_data_expired",
            Self::CardDeclined => "card_declined",
            Self::InsufficientFunds => "insufficient_funds",
            Self::CardExpired => "expired_card",
            Self::AuthenticationFailed => "authentication_failed",
            Self::CardInvalid => "invalid_card",
            Self::CvvInvalid => "invalid_cvv",
            Self::PaymentExpired => "payment_expired",
            Self::PaymentFailed => "payment_failed",
        }
    }

    /// The errors a payment's `failure.code` names (the merchant backend's answer to a payment
    /// or a result): each is read back by [`from_decline_code`](Self::from_decline_code) from its
    /// [`code`](Self::code).
    pub const DECLINES: &'static [CheckoutError] = &[
        Self::CardDeclined,
        Self::InsufficientFunds,
        Self::CardExpired,
        Self::AuthenticationFailed,
        Self::CardInvalid,
        Self::CvvInvalid,
        Self::PaymentExpired,
        Self::CardDataExpired,
        Self::SessionExpired,
        Self::PaymentFailed,
    ];

    /// The errors the merchant backend answers as `error.code` under the same name: each is read
    /// back by [`from_backend_error`](Self::from_backend_error) from its [`code`](Self::code).
    pub const BACKEND_ERRORS: &'static [CheckoutError] = &[
        Self::SessionExpired,
        Self::SessionNotFound,
        Self::SessionCompleted,
        Self::PaymentPending,
        Self::CardDataExpired,
    ];

    /// The reason of a declined payment, from the merchant backend's `failure.code` (one of the
    /// [`DECLINES`](Self::DECLINES)' [`code`](Self::code)s). Unknown codes are a generic failure,
    /// never a crash: gateways add codes.
    pub fn from_decline_code(code: &str) -> CheckoutError {
        Self::DECLINES
            .iter()
            .copied()
            .find(|e| e.code() == code)
            .unwrap_or(Self::PaymentFailed)
    }

    /// The error for an error answer of the merchant backend: its `error.code` and HTTP status.
    /// The backend's codes of [`BACKEND_ERRORS`](Self::BACKEND_ERRORS) are theirs; its
    /// `already_paid` is a completed session and its `gateway_unavailable` a network failure
    /// (beyond the backend); its other refusals (`invalid_request`, `malformed_json`, ...) are
    /// [`RequestRejected`](Self::RequestRejected), or by their status a
    /// [`TooManyRequests`](Self::TooManyRequests) or a [`ServerError`](Self::ServerError).
    pub fn from_backend_error(code: &str, http_status: u16) -> CheckoutError {
        if let Some(error) = Self::BACKEND_ERRORS.iter().find(|e| e.code() == code) {
            return *error;
        }
        match code {
            "already_paid" => Self::SessionCompleted,
            "gateway_unavailable" => Self::NetworkUnavailable,
            _ if http_status == 429 => Self::TooManyRequests,
            _ if http_status >= 500 => Self::ServerError,
            _ => Self::RequestRejected,
        }
    }

    /// Whether repeating the same request (same idempotency key) may succeed: the request may
    /// not have reached the gateway, so a retry is safe and cannot charge twice.
    pub const fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::NetworkUnavailable
                | Self::RequestTimedOut
                | Self::ServerError
                | Self::InvalidResponse
        )
    }
}

#[cfg(test)]
mod tests {
    use super::CheckoutError;

    #[test]
    fn all_lists_every_variant_once_with_a_distinct_kebab_case_id() {
        // A new variant missing from ALL would slip past the locale test; the exhaustive match
        // makes the compiler point here when a variant is added.
        fn listed(e: CheckoutError) -> bool {
            match e {
                CheckoutError::NumberEmpty
                | CheckoutError::NumberIncomplete
                | CheckoutError::NumberTooLong
                | CheckoutError::NumberInvalid
                | CheckoutError::NumberUnsupported
                | CheckoutError::ExpiryEmpty
                | CheckoutError::ExpiryIncomplete
                | CheckoutError::ExpiryMonthInvalid
                | CheckoutError::ExpiryInPast
                | CheckoutError::ExpiryTooFar
                | CheckoutError::CvvEmpty
                | CheckoutError::CvvIncomplete
                | CheckoutError::HolderNameEmpty
                | CheckoutError::HolderNameInvalid
                | CheckoutError::AmountInvalid
                | CheckoutError::AmountNegative
                | CheckoutError::CurrencyUnsupported
                | CheckoutError::NetworkUnavailable
                | CheckoutError::RequestTimedOut
                | CheckoutError::ServerError
                | CheckoutError::InvalidResponse
                | CheckoutError::RequestRejected
                | CheckoutError::SessionExpired
                | CheckoutError::SessionNotFound
                | CheckoutError::SessionCompleted
                | CheckoutError::SecureFieldsUnavailable
                | CheckoutError::FieldNotMounted
                | CheckoutError::MethodUnavailable
                | CheckoutError::RandomnessUnavailable
                | CheckoutError::TooManyRequests
                | CheckoutError::PaymentPending
                | CheckoutError::CardDataExpired
                | CheckoutError::CardDeclined
                | CheckoutError::InsufficientFunds
                | CheckoutError::CardExpired
                | CheckoutError::AuthenticationFailed
                | CheckoutError::CardInvalid
                | CheckoutError::CvvInvalid
                | CheckoutError::PaymentExpired
                | CheckoutError::PaymentFailed => CheckoutError::ALL.contains(&e),
            }
        }
        assert_eq!(CheckoutError::ALL.len(), 40);
        for (i, e) in CheckoutError::ALL.iter().enumerate() {
            assert!(listed(*e));
            let id = e.message_id();
            assert!(id.starts_with("error-"), "{id}");
            assert!(
                id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{id}"
            );
            assert!(!id.ends_with('-') && !id.contains("--"), "{id}");
            for other in &CheckoutError::ALL[i + 1..] {
                assert_ne!(e, other);
                assert_ne!(id, other.message_id());
            }
        }
    }

    #[test]
    fn every_code_is_distinct_snake_case_and_the_backends_own_reads_back() {
        for (i, e) in CheckoutError::ALL.iter().enumerate() {
            let code = e.code();
            assert!(
                !code.is_empty()
                    && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    && !code.starts_with('_')
                    && !code.ends_with('_')
                    && !code.contains("__"),
                "{code}"
            );
            for other in &CheckoutError::ALL[i + 1..] {
                assert_ne!(code, other.code(), "{e:?} and {other:?}");
            }
        }
        // The backend's names where it has one.
        assert_eq!(CheckoutError::CardExpired.code(), "expired_card");
        assert_eq!(CheckoutError::CardInvalid.code(), "invalid_card");
        assert_eq!(CheckoutError::CvvInvalid.code(), "invalid_cvv");
        assert_eq!(CheckoutError::CardDeclined.code(), "card_declined");
        // Both directions of one table: what the backend sends reads back as what it meant.
        for e in CheckoutError::DECLINES {
            assert!(CheckoutError::ALL.contains(e));
            assert_eq!(CheckoutError::from_decline_code(e.code()), *e, "{e:?}");
        }
        for e in CheckoutError::BACKEND_ERRORS {
            assert!(CheckoutError::ALL.contains(e));
            for status in [400, 404, 409, 410, 429, 502] {
                assert_eq!(
                    CheckoutError::from_backend_error(e.code(), status),
                    *e,
                    "{e:?} {status}"
                );
            }
        }
        // Any other code of the table is not a decline: a generic failure, as an unknown one.
        for e in CheckoutError::ALL {
            if !CheckoutError::DECLINES.contains(e) {
                assert_eq!(
                    CheckoutError::from_decline_code(e.code()),
                    CheckoutError::PaymentFailed,
                    "{e:?}"
                );
            }
        }
        assert_eq!(
            CheckoutError::from_decline_code("do_not_honor"),
            CheckoutError::PaymentFailed
        );
    }

    #[test]
    fn the_backends_refusals_read_as_what_the_shopper_can_do() {
        let table = [
            ("rate_limited", 429, CheckoutError::TooManyRequests),
            ("too_many_attempts", 429, CheckoutError::TooManyRequests),
            ("anything", 429, CheckoutError::TooManyRequests),
            ("payment_pending", 409, CheckoutError::PaymentPending),
            ("card_data_expired", 400, CheckoutError::CardDataExpired),
            ("already_paid", 409, CheckoutError::SessionCompleted),
            ("session_completed", 409, CheckoutError::SessionCompleted),
            ("server_decides", 400, CheckoutError::RequestRejected),
            ("internal_error", 500, CheckoutError::ServerError),
            (
                "gateway_unavailable",
                502,
                CheckoutError::NetworkUnavailable,
            ),
            ("malformed_json", 400, CheckoutError::RequestRejected),
            ("database_unavailable", 503, CheckoutError::ServerError),
        ];
        for (code, status, want) in table {
            assert_eq!(
                CheckoutError::from_backend_error(code, status),
                want,
                "{code} {status}"
            );
        }
        assert!(
            !CheckoutError::TooManyRequests.is_retryable(),
            "the shopper waits, no automatic retry"
        );
    }
}
