use crate::CheckoutError;

/// Longest holder name accepted, in characters; above any embossed name and what gateways take.
pub const MAX_HOLDER_NAME_CHARS: usize = 64;

/// A cardholder name: trimmed, inner whitespace runs collapsed to one space, with at least
/// one letter and at most [`MAX_HOLDER_NAME_CHARS`] characters.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HolderName(String);

impl HolderName {
    /// Parses a holder name. A name without any letter (`"1234"`, `"--"`) is most likely a card
    /// number or CVV typed in the wrong field, hence [`CheckoutError::HolderNameInvalid`], as
    /// are names above [`MAX_HOLDER_NAME_CHARS`].
    pub fn parse(input: &str) -> Result<HolderName, CheckoutError> {
        let mut name = String::new();
        let mut chars = 0usize;
        let mut has_letter = false;
        for word in input.split_whitespace() {
            for c in word.chars() {
                if c.is_control() {
                    return Err(CheckoutError::HolderNameInvalid);
                }
                has_letter |= c.is_alphabetic();
            }
            if !name.is_empty() {
                name.push(' ');
                chars += 1;
            }
            chars += word.chars().count();
            if chars > MAX_HOLDER_NAME_CHARS {
                return Err(CheckoutError::HolderNameInvalid);
            }
            name.push_str(word);
        }
        if name.is_empty() {
            Err(CheckoutError::HolderNameEmpty)
        } else if !has_letter {
            Err(CheckoutError::HolderNameInvalid)
        } else {
            Ok(HolderName(name))
        }
    }

    /// The normalised name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether a card form asks for the holder's name: the merchant's choice (`holderName` in the
/// JS API, `holder_name` on the Rust components). Gateways take a card without it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum HolderNamePolicy {
    /// Shown, and a payment needs it.
    Required,
    /// Shown where mounted; a payment goes without it when left empty.
    Optional,
    /// Not asked (a Drop-in's default, as Adyen's): no holder field, none sent.
    #[default]
    Hidden,
}

impl HolderNamePolicy {
    /// From the option's text: `required`, `optional` or `hidden`; anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "required" => Some(Self::Required),
            "optional" => Some(Self::Optional),
            "hidden" => Some(Self::Hidden),
            _ => None,
        }
    }

    /// The option's text, as [`HolderNamePolicy::parse`] reads it.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::Optional => "optional",
            Self::Hidden => "hidden",
        }
    }
}
