//! The merchant's look: a theme, variables and per-element rules in the shape merchants know
//! from Stripe's Appearance API, turned into CSS custom properties (never into CSS text).
//!
//! Every value is checked against a small grammar before use: colours (`#hex`, `rgb()`,
//! `hsl()`, names), lengths (`12px`, `1.5em`, `0`), font families (names, quoted or not), font
//! weights. Anything else (a `url(...)`, an `expression(...)`, a `;` that would start another
//! declaration, a comment, an escape) is refused, so an appearance can restyle the checkout but
//! never load a resource or inject a property. The same checks guard the values the secure
//! frames receive ([`FrameStyle`]).

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

/// The look the checkout starts from.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Theme {
    /// Follows the shopper's system (light, or dark under `prefers-color-scheme: dark`).
    #[default]
    System,
    /// Light whatever the system says.
    Light,
    /// Dark whatever the system says.
    Dark,
    /// Light, borderless fields on a tinted background.
    Flat,
}

impl Theme {
    /// `light`, `dark`, `flat` (Stripe's `stripe` and `night` are accepted as light and dark).
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" | "stripe" => Some(Self::Light),
            "dark" | "night" => Some(Self::Dark),
            "flat" => Some(Self::Flat),
            "system" => Some(Self::System),
            _ => None,
        }
    }

    /// The `data-pk-theme` attribute value (none for [`Theme::System`]).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Self::System => None,
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
            Self::Flat => Some("flat"),
        }
    }
}

/// Appearance variables: the option's name, the custom property it sets, and its kind.
pub const VARIABLES: &[(&str, &str, ValueKind)] = &[
    ("colorPrimary", "--pk-color-primary", ValueKind::Color),
    ("colorBackground", "--pk-color-background", ValueKind::Color),
    ("colorText", "--pk-color-text", ValueKind::Color),
    (
        "colorTextSecondary",
        "--pk-color-text-secondary",
        ValueKind::Color,
    ),
    (
        "colorTextPlaceholder",
        "--pk-color-placeholder",
        ValueKind::Color,
    ),
    ("colorDanger", "--pk-color-danger", ValueKind::Color),
    ("colorSuccess", "--pk-color-success", ValueKind::Color),
    (
        "colorInputBackground",
        "--pk-color-input-background",
        ValueKind::Color,
    ),
    ("colorBorder", "--pk-color-border", ValueKind::Color),
    ("fontFamily", "--pk-font-family", ValueKind::FontFamily),
    ("fontSizeBase", "--pk-font-size", ValueKind::Length),
    (
        "fontWeightNormal",
        "--pk-font-weight",
        ValueKind::FontWeight,
    ),
    ("borderRadius", "--pk-radius", ValueKind::Length),
    ("spacingUnit", "--pk-spacing", ValueKind::Length),
];

/// Per-element rules: the selector, the property (camelCase, as in Stripe's rules), the custom
/// property our stylesheet reads for it, and its kind. Pseudo-states have their own selector.
pub const RULES: &[(&str, &str, &str, ValueKind)] = &[
    (".Input", "color", "--pk-input-color", ValueKind::Color),
    (
        ".Input",
        "backgroundColor",
        "--pk-input-background",
        ValueKind::Color,
    ),
    (
        ".Input",
        "borderColor",
        "--pk-input-border-color",
        ValueKind::Color,
    ),
    (
        ".Input",
        "borderWidth",
        "--pk-input-border-width",
        ValueKind::Length,
    ),
    (
        ".Input",
        "borderRadius",
        "--pk-input-radius",
        ValueKind::Length,
    ),
    (
        ".Input:focus",
        "borderColor",
        "--pk-input-focus-border-color",
        ValueKind::Color,
    ),
    (
        ".Input--invalid",
        "borderColor",
        "--pk-input-invalid-border-color",
        ValueKind::Color,
    ),
    (".Label", "color", "--pk-label-color", ValueKind::Color),
    (
        ".Label",
        "fontSize",
        "--pk-label-font-size",
        ValueKind::Length,
    ),
    (
        ".Label",
        "fontWeight",
        "--pk-label-font-weight",
        ValueKind::FontWeight,
    ),
    (
        ".Label",
        "textTransform",
        "--pk-label-text-transform",
        ValueKind::TextTransform,
    ),
    (
        ".Label",
        "letterSpacing",
        "--pk-label-letter-spacing",
        ValueKind::Spacing,
    ),
    (".Error", "color", "--pk-error-color", ValueKind::Color),
    (".Button", "color", "--pk-button-color", ValueKind::Color),
    (
        ".Button",
        "backgroundColor",
        "--pk-button-background",
        ValueKind::Color,
    ),
    (
        ".Button",
        "borderRadius",
        "--pk-button-radius",
        ValueKind::Length,
    ),
    (
        ".Button",
        "fontWeight",
        "--pk-button-font-weight",
        ValueKind::FontWeight,
    ),
    (
        ".Button:hover",
        "backgroundColor",
        "--pk-button-hover-background",
        ValueKind::Color,
    ),
    (
        ".Tab",
        "borderColor",
        "--pk-tab-border-color",
        ValueKind::Color,
    ),
    (
        ".Tab--selected",
        "borderColor",
        "--pk-tab-selected-border-color",
        ValueKind::Color,
    ),
];

/// Why an appearance was refused, naming the part that is wrong.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum AppearanceError {
    /// `theme` is not one of light, dark, flat.
    UnknownTheme(String),
    /// A variable we do not know.
    UnknownVariable(String),
    /// A selector or a property of a rule we do not know.
    UnknownRule(String),
    /// A value that is not a value of its kind (the name, then the value).
    BadValue(String, String),
}

// Quoted with plain `"{}"`, not `{:?}`: the shipped wasm is built with Debug formatting off
// (scripts/env.sh), and these messages reach the merchant.
impl std::fmt::Display for AppearanceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownTheme(t) => write!(f, "theme \"{t}\" is not one of light, dark, flat"),
            Self::UnknownVariable(v) => {
                let known: Vec<&str> = VARIABLES.iter().map(|(n, _, _)| *n).collect();
                write!(f, "unknown variable \"{v}\" (known: {})", known.join(", "))
            }
            Self::UnknownRule(r) => write!(f, "unknown rule \"{r}\""),
            Self::BadValue(name, value) => write!(f, "{name}: \"{value}\" is not an allowed value"),
        }
    }
}

/// A checked appearance: a theme and the custom properties to set on the checkout's root.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Appearance {
    /// The base look.
    pub theme: Theme,
    /// `(custom property, value)`, in the order given.
    pub properties: Vec<(&'static str, CssValue)>,
}

impl Appearance {
    /// Checks an appearance given as its theme, its `(variable, value)` pairs and its
    /// `(selector, property, value)` rules; the first bad part refuses the whole.
    pub fn parse<'a>(
        theme: Option<&str>,
        variables: impl IntoIterator<Item = (&'a str, &'a str)>,
        rules: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Result<Appearance, AppearanceError> {
        let theme = match theme {
            None => Theme::System,
            Some(t) => {
                Theme::parse(t).ok_or_else(|| AppearanceError::UnknownTheme(t.to_owned()))?
            }
        };
        let mut properties = Vec::new();
        for (name, value) in variables {
            let (_, property, kind) = VARIABLES
                .iter()
                .find(|(n, _, _)| *n == name)
                .ok_or_else(|| AppearanceError::UnknownVariable(name.to_owned()))?;
            let value = kind
                .check(value)
                .ok_or_else(|| AppearanceError::BadValue(name.to_owned(), value.to_owned()))?;
            properties.push((*property, value));
        }
        for (selector, name, value) in rules {
            let (_, _, property, kind) = RULES
                .iter()
                .find(|(s, n, _, _)| *s == selector && *n == name)
                .ok_or_else(|| AppearanceError::UnknownRule(format!("{selector} {{ {name} }}")))?;
            let value = kind.check(value).ok_or_else(|| {
                AppearanceError::BadValue(format!("{selector} {{ {name} }}"), value.to_owned())
            })?;
            properties.push((*property, value));
        }
        Ok(Appearance { theme, properties })
    }
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
                .filter(|(_, value)| !crate::frame_protocol::has_card_number_run(value.as_str()))
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
    fn an_appearance_becomes_custom_properties_in_the_order_given() {
        let appearance = Appearance::parse(
            Some("dark"),
            [("colorPrimary", "#0a7"), ("borderRadius", "4px")],
            [
                (".Input", "borderColor", "#333"),
                (".Label", "textTransform", "uppercase"),
            ],
        )
        .unwrap();
        assert_eq!(appearance.theme, Theme::Dark);
        let properties: Vec<(&str, &str)> = appearance
            .properties
            .iter()
            .map(|(p, v)| (*p, v.as_str()))
            .collect();
        assert_eq!(
            properties,
            [
                ("--pk-color-primary", "#0a7"),
                ("--pk-radius", "4px"),
                ("--pk-input-border-color", "#333"),
                ("--pk-label-text-transform", "uppercase")
            ]
        );
    }

    #[test]
    fn an_appearance_with_a_bad_part_is_refused_naming_it() {
        let bad =
            |theme: Option<&str>, variables: &[(&str, &str)], rules: &[(&str, &str, &str)]| {
                Appearance::parse(theme, variables.iter().copied(), rules.iter().copied())
                    .unwrap_err()
                    .to_string()
            };
        assert!(bad(Some("neon"), &[], &[]).contains("theme \"neon\""));
        assert!(
            bad(None, &[("colourPrimary", "#fff")], &[])
                .contains("unknown variable \"colourPrimary\"")
        );
        assert!(bad(None, &[("colorPrimary", "url(x)")], &[]).contains("colorPrimary"));
        assert!(bad(None, &[], &[(".Input", "behavior", "x")]).contains(".Input { behavior }"));
        assert!(bad(None, &[], &[(".Button", "color", "red;x")]).contains(".Button { color }"));
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

    /// Found by the `frame_message` fuzz target (fuzz/artifacts/frame_message/): a colour with
    /// a 12-digit run passed its check, `encode` wrote it, and the frame refused the whole
    /// `configure` as card data, so the field lost its label and locale too.
    #[test]
    fn a_style_value_the_frame_protocol_would_refuse_is_dropped_and_the_rest_still_arrives() {
        use crate::frame_protocol::{
            Channel, Configure, Label, Locale, ParentToFrame, decode_parent_message, encode,
        };
        let style = FrameStyle::from_values([
            (FrameStyleVar::Color, "rgba( 120000000000 )"),
            (FrameStyleVar::FontFamily, "Font 123456789012"),
            (FrameStyleVar::FontSize, "16px"),
        ]);
        assert_eq!(
            style.0,
            [(
                FrameStyleVar::FontSize,
                ValueKind::Length.check("16px").unwrap()
            )]
        );
        let ch = Channel::from_bytes([7; 16]);
        let msg = ParentToFrame::Configure(Configure {
            label: Label::new("Card number").unwrap(),
            placeholder: None,
            locale: Locale::new("en-US").unwrap(),
            brand: None,
            style,
            binding: None,
        });
        assert_eq!(decode_parent_message(&encode(&ch, &msg)), Ok((ch, msg)));
    }
}
