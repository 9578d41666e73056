/// Everything the core can reject, as one closed set so that the UI can map each case to a
/// localised message and a test can check that every locale has every message.
///
/// Flow errors (network, session expired, ...) belong here too when they arrive: one enum
/// keeps [`CheckoutError::ALL`] the single list the locale test walks.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
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
}

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
        }
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
                | CheckoutError::CurrencyUnsupported => CheckoutError::ALL.contains(&e),
            }
        }
        assert_eq!(CheckoutError::ALL.len(), 17);
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
}
