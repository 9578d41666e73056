//! What a card payment tells the issuer about the shopper's browser, for 3-D Secure.
//!
//! PayKKa's payment request carries a `browser` object (screen, colour depth, time zone
//! offset, language, user agent, device type). Issuers use it to decide between a
//! frictionless authentication and a challenge, and to size the challenge window; a missing
//! value makes a challenge more likely. The readings come from the DOM (in the SDK); turning
//! them into PayKKa's formats is plain logic and lives here, where it is tested natively.

/// The kind of device the shopper pays from, as PayKKa's `browser.device_type` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceType {
    /// A desktop or laptop browser.
    Pc,
    /// A phone.
    Mobile,
    /// A tablet.
    Tablet,
}

impl DeviceType {
    /// Reads the device type from a user agent string. Tablets say so (`iPad`, `Tablet`) or
    /// are Android devices without `Mobile`, by Google's own convention; phones say `Mobi`,
    /// `iPhone` or `Android`. iPadOS 13+ poses as a Mac: `touch_points` (the browser's
    /// `navigator.maxTouchPoints`) tells it apart, as no Mac has a touch screen.
    pub fn from_user_agent(user_agent: &str, touch_points: u32) -> Self {
        // A plain window scan: `str::contains` brings the two-way searcher into the wasm
        // (about 1 KB) for a dozen words over one short string.
        let has = |needle: &str| {
            user_agent
                .as_bytes()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
        };
        if has("iPad") || has("Tablet") || (has("Android") && !has("Mobile")) {
            DeviceType::Tablet
        } else if has("Mobi") || has("iPhone") || has("Android") {
            DeviceType::Mobile
        } else if has("Macintosh") && touch_points > 1 {
            DeviceType::Tablet
        } else {
            DeviceType::Pc
        }
    }

    /// PayKKa's code: `PC`, `MOBILE` or `TABLET`.
    pub fn code(self) -> &'static str {
        match self {
            DeviceType::Pc => "PC",
            DeviceType::Mobile => "MOBILE",
            DeviceType::Tablet => "TABLET",
        }
    }
}

/// The shopper's offset from UTC as PayKKa writes it (`+08:00`, `-05:30`), from JavaScript's
/// `Date.getTimezoneOffset()`, which counts minutes the other way (UTC minus local: `-480` in
/// Shanghai). `None` for what no time zone has (beyond ±18 hours, not a whole minute, NaN):
/// the field is then left out rather than sent wrong.
pub fn timezone_offset(js_offset_minutes: f64) -> Option<String> {
    if !js_offset_minutes.is_finite()
        || js_offset_minutes.fract() != 0.0
        || js_offset_minutes.abs() > 18.0 * 60.0
    {
        return None;
    }
    let east = -(js_offset_minutes as i32);
    let minutes = east.unsigned_abs();
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let (h, m) = (minutes / 60, minutes % 60);
    Some(
        [
            if east < 0 { '-' } else { '+' },
            digit(h / 10),
            digit(h),
            ':',
            digit(m / 10),
            digit(m),
        ]
        .iter()
        .collect(),
    )
}

/// A screen dimension or colour depth as PayKKa takes it (a decimal string), or `None` for a
/// value no real screen reports (zero, negative, fractional, absurdly large).
pub fn screen_figure(value: f64) -> Option<String> {
    ((1.0..1_000_000.0).contains(&value) && value.fract() == 0.0)
        .then(|| (value as u32).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zone_offsets_are_written_east_positive_with_minutes() {
        let table = [
            (-480.0, Some("+08:00")),
            (0.0, Some("+00:00")),
            (-0.0, Some("+00:00")),
            (300.0, Some("-05:00")),
            (-330.0, Some("+05:30")),
            (210.0, Some("-03:30")),
            (-840.0, Some("+14:00")),
            (720.0, Some("-12:00")),
            (1081.0, None),
            (30.5, None),
            (f64::NAN, None),
            (f64::INFINITY, None),
        ];
        for (js, want) in table {
            assert_eq!(
                timezone_offset(js).as_deref(),
                want,
                "getTimezoneOffset() = {js}"
            );
        }
    }

    #[test]
    fn device_types_are_read_from_real_user_agents() {
        let table = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
                0,
                DeviceType::Pc,
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36",
                0,
                DeviceType::Pc,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                5,
                DeviceType::Mobile,
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
                5,
                DeviceType::Mobile,
            ),
            (
                "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
                5,
                DeviceType::Tablet,
            ),
            (
                "Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
                5,
                DeviceType::Tablet,
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                5,
                DeviceType::Tablet,
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                0,
                DeviceType::Pc,
            ),
            ("", 0, DeviceType::Pc),
        ];
        for (ua, touch, want) in table {
            assert_eq!(DeviceType::from_user_agent(ua, touch), want, "{ua}");
        }
        assert_eq!(
            [DeviceType::Pc, DeviceType::Mobile, DeviceType::Tablet].map(DeviceType::code),
            ["PC", "MOBILE", "TABLET"]
        );
    }

    #[test]
    fn screen_figures_are_whole_positive_numbers_or_nothing() {
        let table = [
            (1920.0, Some("1920")),
            (24.0, Some("24")),
            (1.0, Some("1")),
            (0.0, None),
            (-1.0, None),
            (1.5, None),
            (1e9, None),
            (f64::NAN, None),
        ];
        for (value, want) in table {
            assert_eq!(screen_figure(value).as_deref(), want, "{value}");
        }
    }
}
