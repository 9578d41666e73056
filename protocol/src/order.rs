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

/// One line of the order (`goods[]`); `price` in minor units.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goods {
    #[serde(
        default,
        deserialize_with = "de_opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::types::de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub price: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::types::de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<i64>,
    /// ISO 8601 with an offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture_url: Option<String>,
}

/// `bill` and `shipping` (the shipping address has no `descriptor`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// `REQUIRED` in one of PayKKa's examples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address_collection: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The statement descriptor (bill only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub descriptor: Option<String>,
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

/// The shopper as the shop knows them (`customer`). `pay_ip` is the address the shopper pays
/// from (3-D Secure and fraud checks use it; not for merchant-initiated payments).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    #[serde(
        default,
        deserialize_with = "de_opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_time: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::types::de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub past_transactions: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_shopping_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_shopping_time: Option<String>,
    #[serde(
        default,
        deserialize_with = "de_opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_ip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_ip: Option<String>,
}

/// What the shopper's browser tells 3-D Secure (`browser`). PayKKa's example shows the sizes
/// and the colour depth as strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Browser {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    #[serde(
        default,
        deserialize_with = "de_opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub color_depth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub java_enabled: Option<bool>,
    /// `PC`, `MOBILE`, `TABLET`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<String>,
    /// `WEB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminal_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_os: Option<String>,
    /// `+HH:MM` / `-HH:MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone_offset: Option<String>,
    #[serde(
        default,
        deserialize_with = "de_opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub screen_height: Option<String>,
    #[serde(
        default,
        deserialize_with = "de_opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub screen_width: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookies: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_finger_print_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paykka_radar_id: Option<String>,
}

/// 3-D Secure preferences (`authentication`): `challenge_indicator` e.g. `AUTO`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authentication {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge_indicator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_only: Option<bool>,
    /// Older examples: `attempt`, `exemption` (e.g. `LOW_VALUE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemption: Option<String>,
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
