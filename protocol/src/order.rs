//! The order's objects that Create Session and Initiate Transaction carry, as PayKKa documents
//! them: `goods`, `bill`, `shipping`, `customer`, `browser` and `authentication`. Every member
//! is optional (PayKKa's examples leave out what a shop does not know, and PayKKa's plugin sends
//! `null`s); unknown members are refused, so a misspelt one is caught before the gateway.

use serde::{Deserialize, Deserializer, Serialize};

/// A value PayKKa's examples show as a string in one place and as a number in another
/// (`goods[].id`, `browser.screen_width`, `customer.id`): read as either, kept as text.
pub fn de_opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        S(String),
        I(i64),
        B(bool),
    }
    Ok(Option::<Text>::deserialize(d)?.map(|t| match t {
        Text::S(s) => s,
        Text::I(i) => i.to_string(),
        Text::B(b) => b.to_string(),
    }))
}

/// As [`de_opt_text`], for a member that must be there.
pub fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    de_opt_text(d)?.ok_or_else(|| serde::de::Error::custom("expected a string or a number"))
}

wire! {
    /// One line of the order (`goods[]`); `price` in minor units.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Goods {
        /// The shop's id of the product (a string or a number in PayKKa's examples).
        #[serde(deserialize_with = "de_opt_text")]
        pub id: Option<String>,
        /// The product's name as the shopper sees it.
        pub name: Option<String>,
        /// A longer description of the product.
        pub description: Option<String>,
        /// The shop's category of the product (risk checks tell physical from digital goods).
        pub category: Option<String>,
        /// The product's brand.
        pub brand: Option<String>,
        /// The product's page on the shop.
        pub link: Option<String>,
        /// Unit price in the payment currency's minor units, read as a number or a string of
        /// digits.
        #[serde(deserialize_with = "crate::types::de_opt_int")]
        pub price: Option<i64>,
        /// How many units, read as a number or a string of digits.
        #[serde(deserialize_with = "crate::types::de_opt_int")]
        pub quantity: Option<i64>,
        /// When the goods are delivered: ISO 8601 with an offset.
        pub delivery_date: Option<String>,
        /// A picture of the product (URL).
        pub picture_url: Option<String>,
    }

    /// `bill` and `shipping` (the shipping address has no `descriptor`).
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Address {
        /// Whether the payment page asks the shopper for a billing address: `REQUIRED` in one
        /// of PayKKa's examples.
        pub billing_address_collection: Option<String>,
        /// The addressee's first name.
        pub first_name: Option<String>,
        /// The addressee's middle name.
        pub middle_name: Option<String>,
        /// The addressee's last name.
        pub last_name: Option<String>,
        /// Street and number.
        pub address_line1: Option<String>,
        /// Flat, floor, building: the rest of the street address.
        pub address_line2: Option<String>,
        /// ISO 3166-1 alpha-2, e.g. `GB`.
        pub country: Option<String>,
        /// State, province or region.
        pub state: Option<String>,
        /// City or town.
        pub city: Option<String>,
        /// Postal code, as the country writes it.
        pub postal_code: Option<String>,
        /// The addressee's email address.
        pub email: Option<String>,
        /// International dialling code of `phone_number`, e.g. `44`.
        pub area_code: Option<String>,
        /// Phone number without the dialling code.
        pub phone_number: Option<String>,
        /// The statement descriptor: what the shopper's card statement shows (bill only).
        pub descriptor: Option<String>,
    }
}

impl Address {
    /// Enough to ship to: a name, a street, a city and a country.
    pub fn is_deliverable(&self) -> bool {
        let has = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
        (has(&self.first_name) || has(&self.last_name))
            && has(&self.address_line1)
            && has(&self.city)
            && has(&self.country)
    }
}

wire! {
    /// The shopper as the shop knows them (`customer`). `pay_ip` is the address the shopper pays
    /// from (3-D Secure and fraud checks use it; not for merchant-initiated payments).
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Customer {
        /// The shop's id of the shopper (a string or a number in PayKKa's examples).
        #[serde(deserialize_with = "de_opt_text")]
        pub id: Option<String>,
        /// When the shopper's account at the shop was opened (ISO 8601 with an offset).
        pub registration_time: Option<String>,
        /// How many times the shopper has bought at the shop before, read as a number or a
        /// string of digits.
        #[serde(deserialize_with = "crate::types::de_opt_int")]
        pub past_transactions: Option<i64>,
        /// The shopper's email address.
        pub email: Option<String>,
        /// International dialling code of `phone_number`.
        pub area_code: Option<String>,
        /// The shopper's phone number without the dialling code.
        pub phone_number: Option<String>,
        /// The shopper's date of birth, `YYYY-MM-DD`.
        pub date_of_birth: Option<String>,
        /// The shopper's gender, as the shop records it.
        pub gender: Option<String>,
        /// When the shopper first bought at the shop (ISO 8601 with an offset).
        pub first_shopping_time: Option<String>,
        /// When the shopper last bought at the shop (ISO 8601 with an offset).
        pub last_shopping_time: Option<String>,
        /// The shop's loyalty or membership level of the shopper (a string or a number).
        #[serde(deserialize_with = "de_opt_text")]
        pub level: Option<String>,
        /// The IP address the order was placed from.
        pub order_ip: Option<String>,
        /// The IP address the shopper pays from.
        pub pay_ip: Option<String>,
    }

    /// What the shopper's browser tells 3-D Secure (`browser`). PayKKa's example shows the sizes
    /// and the colour depth as strings.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Browser {
        /// The browser's `User-Agent`.
        pub user_agent: Option<String>,
        /// Screen colour depth in bits, e.g. `24` (a string or a number).
        #[serde(deserialize_with = "de_opt_text")]
        pub color_depth: Option<String>,
        /// The browser's language, a BCP 47 tag such as `en-GB`.
        pub language: Option<String>,
        /// Whether Java is enabled (3-D Secure 2 asks; modern browsers say `false`).
        pub java_enabled: Option<bool>,
        /// `PC`, `MOBILE`, `TABLET`.
        pub device_type: Option<String>,
        /// `WEB`.
        pub terminal_type: Option<String>,
        /// The device's operating system, e.g. `iOS`, `Android`, `Windows`.
        pub device_os: Option<String>,
        /// `+HH:MM` / `-HH:MM`.
        pub timezone_offset: Option<String>,
        /// Screen height in CSS pixels (a string or a number).
        #[serde(deserialize_with = "de_opt_text")]
        pub screen_height: Option<String>,
        /// Screen width in CSS pixels (a string or a number).
        #[serde(deserialize_with = "de_opt_text")]
        pub screen_width: Option<String>,
        /// A member of PayKKa's browser object for its fraud checks (the browser's cookie
        /// data); passed on as given, unused by this project.
        pub cookies: Option<String>,
        /// A device fingerprint id for PayKKa's fraud checks; passed on as given, unused by
        /// this project.
        pub device_finger_print_id: Option<String>,
        /// The fraud-check id PayKKa's own checkout script sets (its fraud signals go to Stripe
        /// Radar); `None` from other front ends such as ours.
        pub paykka_radar_id: Option<String>,
    }

    /// 3-D Secure preferences (`authentication`): `challenge_indicator` e.g. `AUTO`.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Authentication {
        /// Whether to ask the issuer for a challenge: `AUTO` lets PayKKa decide.
        pub challenge_indicator: Option<String>,
        /// `true`: authenticate the shopper with 3-D Secure without paying.
        pub authentication_only: Option<bool>,
        /// Older examples: whether to attempt 3-D Secure.
        pub attempt: Option<String>,
        /// Older examples: the exemption asked for, e.g. `LOW_VALUE`.
        pub exemption: Option<String>,
    }
}

/// `+HH:MM` for a browser's `Date.getTimezoneOffset()` (minutes *behind* UTC, so -60 is
/// `+01:00`); `None` out of range.
pub fn timezone_offset(minutes_behind_utc: i32) -> Option<String> {
    if !(-14 * 60..=14 * 60).contains(&minutes_behind_utc) {
        return None;
    }
    let ahead = -minutes_behind_utc;
    let sign = if ahead < 0 { '-' } else { '+' };
    let a = ahead.abs();
    Some(format!("{sign}{:02}:{:02}", a / 60, a % 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timezone_offsets_read_as_paykka_writes_them() {
        for (minutes, text) in [
            (0, Some("+00:00")),
            (-60, Some("+01:00")),
            (300, Some("-05:00")),
            (-330, Some("+05:30")),
            (-840, Some("+14:00")),
            (-845, None),
            (2000, None),
        ] {
            assert_eq!(timezone_offset(minutes).as_deref(), text, "{minutes}");
        }
    }

    #[test]
    fn texts_read_from_strings_numbers_and_null() {
        let b: Browser = serde_json::from_str(
            r#"{"screen_width":"255","screen_height":128,"color_depth":null}"#,
        )
        .unwrap();
        assert_eq!(
            (
                b.screen_width.as_deref(),
                b.screen_height.as_deref(),
                b.color_depth
            ),
            (Some("255"), Some("128"), None)
        );
        assert!(
            serde_json::from_str::<Browser>(r#"{"screen_wdth":"1"}"#).is_err(),
            "a misspelt member is refused"
        );
    }

    #[test]
    fn an_address_is_deliverable_with_a_name_a_street_a_city_and_a_country() {
        let mut a = Address {
            first_name: Some("Ada".into()),
            address_line1: Some("1 Loop Road".into()),
            city: Some("London".into()),
            country: Some("GB".into()),
            ..Default::default()
        };
        assert!(a.is_deliverable());
        a.city = Some(" ".into());
        assert!(!a.is_deliverable());
    }
}
