//! The shop's catalogue: the only source of a checkout's money terms. The browser names products
//! and quantities; the price, currency, capture method, payment type and payment methods come
//! from here. A merchant replaces `catalogue.json` (or this module) with its own product data.

use crate::support::quote;
use paykka_protocol::money;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The demo shop's catalogue, compiled in; `BACKEND_CATALOGUE` names another file.
pub const DEMO_CATALOGUE: &str = include_str!("../catalogue.json");

#[derive(Debug, Clone, Deserialize)]
pub struct Catalogue {
    /// `AUTOMATIC` (paid at once) or `MANUAL` (authorised, captured later by the merchant).
    pub capture_method: String,
    /// The payment methods every checkout of this shop offers.
    pub payment_methods: Vec<String>,
    /// Most units of one product in a cart.
    pub max_quantity: u32,
    /// Most lines in a cart.
    pub max_lines: usize,
    /// Largest cart total per currency, in minor units; a currency not listed has no cart.
    pub max_total: BTreeMap<String, i64>,
    pub products: Vec<Product>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Product {
    pub sku: String,
    pub name: String,
    /// Unit price in the currency's minor unit.
    pub price: i64,
    pub currency: String,
    /// `PURCHASE` (default) or `RECURRING` (a subscription: the card is kept for later charges).
    #[serde(default)]
    pub payment_type: Option<String>,
    /// Goods that are shipped: a checkout of them needs a shipping address (PayKKa refuses
    /// physical goods without one, so the backend asks for it before the gateway does).
    #[serde(default)]
    pub physical: bool,
}

/// One line of the cart the browser sends.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CartLine {
    pub sku: String,
    pub quantity: u64,
}

/// What the server charges for a cart.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedCart {
    pub amount: i64,
    pub currency: String,
    pub payment_type: &'static str,
    pub capture_method: String,
    pub payment_methods: Vec<String>,
    /// `goods` lines for the gateway: id, name, unit price, quantity.
    pub goods: Vec<(String, String, i64, u64)>,
    /// Does any line ship?
    pub physical: bool,
}

/// Why a cart has no price. Each is a 400 and creates nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum CartError {
    Empty,
    TooManyLines(usize),
    UnknownSku(String),
    BadQuantity(String, u64),
    MixedCurrencies,
    MixedPaymentTypes,
    OverMaximum { currency: String, max: i64 },
}

impl std::fmt::Display for CartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => f.write_str("the cart is empty"),
            Self::TooManyLines(max) => write!(f, "a cart has at most {max} lines"),
            Self::UnknownSku(sku) => write!(f, "no product has the sku {}", quote(sku)),
            Self::BadQuantity(sku, max) => write!(
                f,
                "the quantity of {} must be between 1 and {max}",
                quote(sku)
            ),
            Self::MixedCurrencies => f.write_str("a cart's products must share one currency"),
            Self::MixedPaymentTypes => {
                f.write_str("a subscription is checked out on its own, not with other products")
            }
            Self::OverMaximum { currency, max } => {
                write!(
                    f,
                    "the cart's total is over the maximum of {max} {currency} minor units"
                )
            }
        }
    }
}

impl Catalogue {
    pub fn parse(json: &str) -> Result<Self, String> {
        let c: Catalogue = serde_json::from_str(json).map_err(|e| format!("catalogue: {e}"))?;
        if !matches!(c.capture_method.as_str(), "AUTOMATIC" | "MANUAL") {
            return Err("catalogue: capture_method must be AUTOMATIC or MANUAL".into());
        }
        if c.payment_methods.is_empty() || c.max_quantity == 0 || c.max_lines == 0 {
            return Err(
                "catalogue: payment_methods, max_quantity and max_lines must not be empty or 0"
                    .into(),
            );
        }
        for p in &c.products {
            if money::exponent(&p.currency).is_none() || !money::amount_ok(p.price) {
                return Err(format!(
                    "catalogue: {} has an unsupported currency or price",
                    p.sku
                ));
            }
            if !matches!(
                p.payment_type.as_deref(),
                None | Some("PURCHASE" | "RECURRING")
            ) {
                return Err(format!(
                    "catalogue: {} payment_type must be PURCHASE or RECURRING",
                    p.sku
                ));
            }
        }
        Ok(c)
    }

    pub fn demo() -> Self {
        Self::parse(DEMO_CATALOGUE).expect("the compiled-in catalogue parses")
    }

    /// The price of `cart`, computed here only. Quantities are checked before any arithmetic,
    /// and every sum is checked against the currency's maximum, so no cart overflows.
    pub fn price(&self, cart: &[CartLine]) -> Result<PricedCart, CartError> {
        if cart.is_empty() {
            return Err(CartError::Empty);
        }
        if cart.len() > self.max_lines {
            return Err(CartError::TooManyLines(self.max_lines));
        }
        let mut currency: Option<&str> = None;
        let mut recurring: Option<bool> = None;
        let mut amount: i64 = 0;
        let mut goods = Vec::with_capacity(cart.len());
        let mut physical = false;
        for line in cart {
            let p = self
                .products
                .iter()
                .find(|p| p.sku == line.sku)
                .ok_or_else(|| CartError::UnknownSku(line.sku.clone()))?;
            if line.quantity == 0 || line.quantity > u64::from(self.max_quantity) {
                return Err(CartError::BadQuantity(
                    line.sku.clone(),
                    self.max_quantity.into(),
                ));
            }
            if *currency.get_or_insert(&p.currency) != p.currency {
                return Err(CartError::MixedCurrencies);
            }
            let is_recurring = p.payment_type.as_deref() == Some("RECURRING");
            if *recurring.get_or_insert(is_recurring) != is_recurring
                || (is_recurring && cart.len() > 1)
            {
                return Err(CartError::MixedPaymentTypes);
            }
            let max = self
                .max_total
                .get(&p.currency)
                .copied()
                .unwrap_or(0)
                .min(money::MAX_AMOUNT_MINOR);
            let over = || CartError::OverMaximum {
                currency: p.currency.clone(),
                max,
            };
            // quantity <= max_quantity (a u32), price <= MAX_AMOUNT_MINOR: the product fits in i64.
            amount = p
                .price
                .checked_mul(line.quantity as i64)
                .and_then(|line_total| amount.checked_add(line_total))
                .filter(|total| *total <= max)
                .ok_or_else(over)?;
            goods.push((p.sku.clone(), p.name.clone(), p.price, line.quantity));
            physical |= p.physical;
        }
        Ok(PricedCart {
            amount,
            currency: currency.unwrap_or_default().to_string(),
            payment_type: if recurring == Some(true) {
                "RECURRING"
            } else {
                "PURCHASE"
            },
            capture_method: self.capture_method.clone(),
            payment_methods: self.payment_methods.clone(),
            goods,
            physical,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(sku: &str, quantity: u64) -> CartLine {
        CartLine {
            sku: sku.into(),
            quantity,
        }
    }

    #[test]
    fn the_demo_catalogue_prices_the_demo_cart() {
        let c = Catalogue::demo();
        let p = c.price(&[line("kettle-pour-over", 1)]).unwrap();
        assert_eq!(
            (p.amount, p.currency.as_str(), p.payment_type),
            (4999, "USD", "PURCHASE")
        );
        assert_eq!(p.capture_method, "AUTOMATIC");
        let p = c
            .price(&[line("kettle-pour-over", 2), line("paper-filters-100", 3)])
            .unwrap();
        assert_eq!(p.amount, 2 * 4999 + 3 * 599);
        assert_eq!(p.goods.len(), 2);
        let p = c.price(&[line("coffee-club-monthly", 1)]).unwrap();
        assert_eq!(p.payment_type, "RECURRING");
    }

    #[test]
    fn carts_the_shop_does_not_sell_are_refused() {
        let c = Catalogue::demo();
        let table: &[(&[CartLine], CartError)] = &[
            (&[], CartError::Empty),
            (
                &[line("free-money", 1)],
                CartError::UnknownSku("free-money".into()),
            ),
            (
                &[line("kettle-pour-over", 0)],
                CartError::BadQuantity("kettle-pour-over".into(), 10),
            ),
            (
                &[line("kettle-pour-over", 11)],
                CartError::BadQuantity("kettle-pour-over".into(), 10),
            ),
            (
                &[line("kettle-pour-over", u64::MAX)],
                CartError::BadQuantity("kettle-pour-over".into(), 10),
            ),
            (
                &[line("kettle-pour-over", 1), line("matcha-tin-jp", 1)],
                CartError::MixedCurrencies,
            ),
            (
                &[line("kettle-pour-over", 1), line("coffee-club-monthly", 1)],
                CartError::MixedPaymentTypes,
            ),
        ];
        for (cart, want) in table {
            assert_eq!(c.price(cart).as_ref().err(), Some(want), "{cart:?}");
        }
        let many: Vec<CartLine> = (0..21).map(|_| line("paper-filters-100", 1)).collect();
        assert_eq!(c.price(&many).err(), Some(CartError::TooManyLines(20)));
        // 10 kettles x 11 lines would be 549,890 cents: over the 500,000 maximum.
        let big: Vec<CartLine> = (0..11).map(|_| line("kettle-pour-over", 10)).collect();
        assert!(matches!(c.price(&big), Err(CartError::OverMaximum { .. })));
    }

    #[test]
    fn a_catalogue_with_a_price_the_gateway_cannot_take_does_not_load() {
        let bad = DEMO_CATALOGUE.replace("\"price\": 4999", "\"price\": 0");
        assert!(Catalogue::parse(&bad).is_err());
        let bad = DEMO_CATALOGUE.replace("\"AUTOMATIC\"", "\"LATER\"");
        assert!(Catalogue::parse(&bad).is_err());
    }
}
