//! The values a checkout may be styled with, and the style a secure frame is sent.
//!
//! Every value is checked against a small grammar before use ([`ValueKind::check`]): colours
//! (`#hex`, `rgb()`, `hsl()`, names), lengths (`12px`, `1.5em`, `0`), font families (names,
//! quoted or not), font weights. Anything else (a `url(...)`, an `expression(...)`, a `;` that
//! would start another declaration, a comment, an escape) is refused, so a value can restyle the
//! checkout but never load a resource or inject a property.
//!
//! The merchant's appearance (module `appearance`) and the frame protocol's `configure` (keys
//! `s_*`) both build on this module; it depends on neither.

use crate::digits::has_card_number_run;

/// A checked CSS value: only ever built by [`ValueKind::check`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CssValue(String);

impl CssValue {
    /// The value, safe to hand to `style.setProperty`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a value must look like.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ValueKind {
    /// `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(...)`, `rgba(...)`, `hsl(...)`, `hsla(...)`
    /// with numbers only, or a colour keyword (`red`, `transparent`).
    Color,
    /// `0`, or a number with `px`, `em`, `rem` or `%`.
    Length,
    /// Font families: comma-separated names, quoted or bare.
    FontFamily,
    /// `100` to `900` in hundreds, `normal`, `bold`, `lighter`, `bolder`.
    FontWeight,
    /// A length, or `normal` (letter spacing).
    Spacing,
    /// `none`, `uppercase`, `lowercase`, `capitalize` (text transform).
    TextTransform,
}

impl ValueKind {
    /// The value, trimmed, if it fits this kind.
    pub fn check(self, raw: &str) -> Option<CssValue> {
        let value = raw.trim();
        if value.is_empty() || value.len() > 200 || value.chars().any(|c| c.is_control()) {
            return None;
        }
        let ok = match self {
            Self::Color => is_color(value),
            Self::Length => is_length(value),
            Self::FontFamily => is_font_family(value),
            Self::FontWeight => {
                matches!(value, "normal" | "bold" | "lighter" | "bolder")
                    || (value.len() == 3
                        && value.ends_with("00")
                        && ('1'..='9').contains(&value.chars().next()?))
            }
            Self::Spacing => value == "normal" || is_length(value),
            Self::TextTransform => {
                matches!(value, "none" | "uppercase" | "lowercase" | "capitalize")
            }
        };
        ok.then(|| CssValue(value.to_owned()))
    }
}

fn is_color(v: &str) -> bool {
    if let Some(hex) = v.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    for function in ["rgb(", "rgba(", "hsl(", "hsla("] {
        if let Some(body) = v
            .strip_prefix(function)
            .and_then(|rest| rest.strip_suffix(')'))
        {
            // Numbers, separators, percentages and `deg` units: no nested function, no word.
            return body.len() <= 60
                && body
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b" .,%/-deg".contains(&b));
        }
    }
    v.len() <= 24 && v.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_length(v: &str) -> bool {
    if v == "0" {
        return true;
    }
    let number_end = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(v.len());
    let (number, unit) = v.split_at(number_end);
    let number_ok = !number.is_empty()
        && number.len() <= 8
        && number.matches('.').count() <= 1
        && number != ".";
    number_ok && matches!(unit, "px" | "em" | "rem" | "%")
}

fn is_font_family(v: &str) -> bool {
    v.split(',').all(|family| {
        let family = family.trim();
        let unquoted = family
            .strip_prefix('"')
            .and_then(|f| f.strip_suffix('"'))
            .or_else(|| family.strip_prefix('\'').and_then(|f| f.strip_suffix('\'')))
            .unwrap_or(family);
        !unquoted.is_empty()
            && unquoted
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_')
    })
}

/// What a secure frame may be styled with: the parent reads these from its own computed custom
/// properties (so the theme, the appearance and the merchant's CSS all reach the frame), and the
/// frame checks them again on arrival.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FrameStyleVar {
    /// Text colour.
    Color,
    /// Placeholder colour.
    PlaceholderColor,
    /// Text colour of an invalid value.
    InvalidColor,
    /// The input's background.
    Background,
    /// Font families.
    FontFamily,
    /// Font size.
    FontSize,
    /// Font weight.
    FontWeight,
}

impl FrameStyleVar {
    /// Every variable, in wire order.
    pub const ALL: [FrameStyleVar; 7] = [
        Self::Color,
        Self::PlaceholderColor,
        Self::InvalidColor,
        Self::Background,
        Self::FontFamily,
        Self::FontSize,
        Self::FontWeight,
    ];

    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Color => "s_color",
            Self::PlaceholderColor => "s_placeholder",
            Self::InvalidColor => "s_invalid",
            Self::Background => "s_background",
            Self::FontFamily => "s_font_family",
            Self::FontSize => "s_font_size",
            Self::FontWeight => "s_font_weight",
        }
    }

    /// The parent's custom properties to read, first set wins (rules before variables).
    pub fn parent_properties(self) -> &'static [&'static str] {
        match self {
            Self::Color => &["--pk-input-color", "--pk-color-text"],
            Self::PlaceholderColor => &["--pk-color-placeholder", "--pk-color-text-secondary"],
            Self::InvalidColor => &["--pk-color-danger"],
            Self::Background => &["--pk-input-background", "--pk-color-input-background"],
            Self::FontFamily => &["--pk-font-family"],
            Self::FontSize => &["--pk-font-size"],
            Self::FontWeight => &["--pk-font-weight"],
        }
    }

    /// The frame's own custom property.
    pub fn frame_property(self) -> &'static str {
        match self {
            Self::Color => "--pk-color",
            Self::PlaceholderColor => "--pk-placeholder-color",
            Self::InvalidColor => "--pk-invalid-color",
            Self::Background => "--pk-background",
            Self::FontFamily => "--pk-font-family",
            Self::FontSize => "--pk-font-size",
            Self::FontWeight => "--pk-font-weight",
        }
    }

    /// Its kind of value.
    pub fn kind(self) -> ValueKind {
        match self {
            Self::Color | Self::PlaceholderColor | Self::InvalidColor | Self::Background => {
                ValueKind::Color
            }
            Self::FontFamily => ValueKind::FontFamily,
            Self::FontSize => ValueKind::Length,
            Self::FontWeight => ValueKind::FontWeight,
        }
    }
}

/// Checked style values for a secure frame.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct FrameStyle(pub Vec<(FrameStyleVar, CssValue)>);

impl FrameStyle {
    /// Keeps the values that pass their check, drops the others (a frame keeps its defaults).
    ///
    /// Also dropped: a value with a card-number-like digit run (`rgb(000000000000)`), which
    /// the frame protocol refuses; sent, it would make the frame drop the whole `configure`.
    pub fn from_values<'a>(
        values: impl IntoIterator<Item = (FrameStyleVar, &'a str)>,
    ) -> FrameStyle {
        FrameStyle(
            values
                .into_iter()
                .filter_map(|(var, raw)| Some((var, var.kind().check(raw)?)))
                .filter(|(_, value)| !has_card_number_run(value.as_str()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_values_pass_and_are_trimmed() {
        let table: &[(ValueKind, &str)] = &[
            (ValueKind::Color, "#fff"),
            (ValueKind::Color, " #1D2129 "),
            (ValueKind::Color, "#11223344"),
            (ValueKind::Color, "rgb(10, 20, 30)"),
            (ValueKind::Color, "rgba(10 20 30 / 50%)"),
            (ValueKind::Color, "hsl(210deg 40% 50%)"),
            (ValueKind::Color, "transparent"),
            (ValueKind::Length, "0"),
            (ValueKind::Length, "12px"),
            (ValueKind::Length, "1.5rem"),
            (ValueKind::Length, "50%"),
            (ValueKind::FontFamily, "\"Open Sans\", Roboto, sans-serif"),
            (ValueKind::FontFamily, "'Noto Sans Arabic', system-ui"),
            (ValueKind::FontWeight, "600"),
            (ValueKind::FontWeight, "bold"),
            (ValueKind::Spacing, "normal"),
            (ValueKind::TextTransform, "uppercase"),
        ];
        for (kind, value) in table {
            let checked = kind
                .check(value)
                .unwrap_or_else(|| panic!("{kind:?} {value:?} refused"));
            assert_eq!(checked.as_str(), value.trim());
        }
    }

    #[test]
    fn values_that_could_load_or_inject_anything_are_refused() {
        let table: &[(ValueKind, &str)] = &[
            (ValueKind::Color, "url(https://evil.example/x.png)"),
            (ValueKind::Color, "red; background: url(x)"),
            (ValueKind::Color, "expression(alert(1))"),
            (ValueKind::Color, "rgb(1,2,3) url(x)"),
            (ValueKind::Color, "rgb(var(--x))"),
            (ValueKind::Color, "#ggg"),
            (ValueKind::Color, "red/**/"),
            (ValueKind::Color, "\\72 ed"),
            (ValueKind::Color, ""),
            (ValueKind::Length, "12px;color:red"),
            (ValueKind::Length, "calc(1px + 2px)"),
            (ValueKind::Length, "-5px"),
            (ValueKind::Length, "1..2px"),
            (ValueKind::Length, "px"),
            (ValueKind::FontFamily, "Roboto; background:url(x)"),
            (ValueKind::FontFamily, "url(x)"),
            (ValueKind::FontFamily, "\"Open Sans\\\""),
            (ValueKind::FontFamily, "a,,b"),
            (ValueKind::FontFamily, "Roboto}body{color:red"),
            (ValueKind::FontWeight, "950"),
            (ValueKind::FontWeight, "bold!important"),
            (ValueKind::TextTransform, "uppercase;x"),
        ];
        for (kind, value) in table {
            assert_eq!(kind.check(value), None, "{kind:?} {value:?} accepted");
        }
    }

    #[test]
    fn a_frame_keeps_the_good_values_and_drops_the_bad() {
        let style = FrameStyle::from_values([
            (FrameStyleVar::Color, "#eceef3"),
            (FrameStyleVar::Background, "url(x)"),
            (FrameStyleVar::FontSize, " 16px"),
        ]);
        assert_eq!(style.0.len(), 2);
        assert_eq!(
            style.0[1],
            (
                FrameStyleVar::FontSize,
                ValueKind::Length.check("16px").unwrap()
            )
        );
    }
}
