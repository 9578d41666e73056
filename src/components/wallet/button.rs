//! How a wallet's button looks and what it says, as the merchant configures it
//! (`paymentMethodsConfiguration.ApplePay` / `.GooglePay`): the button types and colours both
//! wallets' own buttons come in, so a shop can match the button to its page and its sale.

use super::Wallet;

/// What the wallet's button says: the wallet's name alone, or a verb with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WalletButtonType {
    /// The wallet's name alone.
    Plain,
    /// "Pay with Apple Pay".
    #[default]
    Pay,
    /// "Buy with Apple Pay".
    Buy,
    /// "Check out with Apple Pay".
    Checkout,
    /// "Donate with Apple Pay".
    Donate,
}

impl WalletButtonType {
    /// Every type, as the JS option names it.
    pub const NAMES: [&'static str; 5] = ["plain", "pay", "buy", "checkout", "donate"];

    /// The type the JS option names (`'plain'`, `'pay'`, `'buy'`, `'checkout'`, `'donate'`).
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "plain" => Self::Plain,
            "pay" => Self::Pay,
            "buy" => Self::Buy,
            "checkout" => Self::Checkout,
            "donate" => Self::Donate,
            _ => return None,
        })
    }

    /// The message that says it, with the wallet's name as `$method`; `None` for the name alone.
    pub const fn message_id(self) -> Option<&'static str> {
        match self {
            Self::Plain => None,
            Self::Pay => Some("wallet-pay-button"),
            Self::Buy => Some("wallet-buy-button"),
            Self::Checkout => Some("wallet-checkout-button"),
            Self::Donate => Some("wallet-donate-button"),
        }
    }
}

/// The button's colours, as both wallets' guidelines allow them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WalletButtonColor {
    /// White on black: for light pages.
    #[default]
    Black,
    /// Black on white: for dark pages.
    White,
    /// Black on white with a hairline border: for white pages.
    WhiteOutline,
}

impl WalletButtonColor {
    /// Every colour, as the JS option names it.
    pub const NAMES: [&'static str; 3] = ["black", "white", "white-outline"];

    /// The colour the JS option names (`'black'`, `'white'`, `'white-outline'`).
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "black" => Self::Black,
            "white" => Self::White,
            "white-outline" => Self::WhiteOutline,
            _ => return None,
        })
    }

    /// The gateway-independent name, written on the button as `data-color` for styling.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Black => "black",
            Self::White => "white",
            Self::WhiteOutline => "white-outline",
        }
    }
}

/// One wallet's button.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WalletButtonOptions {
    /// What it says.
    pub button_type: WalletButtonType,
    /// Its colours.
    pub button_color: WalletButtonColor,
}

/// Both wallets' buttons (each the default when the merchant says nothing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WalletButtons {
    /// Apple Pay's.
    pub apple_pay: WalletButtonOptions,
    /// Google Pay's.
    pub google_pay: WalletButtonOptions,
}

impl WalletButtons {
    /// The button of `wallet`.
    pub const fn of(&self, wallet: Wallet) -> WalletButtonOptions {
        match wallet {
            Wallet::ApplePay => self.apple_pay,
            Wallet::GooglePay => self.google_pay,
        }
    }

    /// The button of `wallet`, to set.
    pub fn of_mut(&mut self, wallet: Wallet) -> &mut WalletButtonOptions {
        match wallet {
            Wallet::ApplePay => &mut self.apple_pay,
            Wallet::GooglePay => &mut self.google_pay,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_type_and_colour_parses_and_nothing_else_does() {
        for name in WalletButtonType::NAMES {
            assert!(WalletButtonType::parse(name).is_some(), "{name}");
        }
        for name in WalletButtonColor::NAMES {
            assert_eq!(WalletButtonColor::parse(name).map(|c| c.name()), Some(name));
        }
        for wrong in ["", "Pay", "BUY", "book", "blue", "white_outline", "pay "] {
            assert_eq!(WalletButtonType::parse(wrong), None, "{wrong}");
            assert_eq!(WalletButtonColor::parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn a_wallet_says_pay_in_black_unless_the_merchant_chose_otherwise() {
        let mut buttons = WalletButtons::default();
        assert_eq!(
            buttons.of(Wallet::GooglePay).button_type.message_id(),
            Some("wallet-pay-button")
        );
        buttons.of_mut(Wallet::ApplePay).button_type = WalletButtonType::Plain;
        buttons.of_mut(Wallet::ApplePay).button_color = WalletButtonColor::WhiteOutline;
        assert_eq!(buttons.of(Wallet::ApplePay).button_type.message_id(), None);
        assert_eq!(
            buttons.of(Wallet::GooglePay),
            WalletButtonOptions::default()
        );
    }
}
