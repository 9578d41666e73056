//! The merchant's look: a theme, variables and per-element rules in the shape merchants know
//! from Stripe's Appearance API, turned into CSS custom properties (never into CSS text).
//!
//! Every value is checked against a small grammar before use: colours (`#hex`, `rgb()`,
//! `hsl()`, names), lengths (`12px`, `1.5em`, `0`), font families (names, quoted or not), font
//! weights. Anything else (a `url(...)`, an `expression(...)`, a `;` that would start another
//! declaration, a comment, an escape) is refused, so an appearance can restyle the checkout but
//! never load a resource or inject a property. The same checks guard the values the secure
//! frames receive ([`FrameStyle`]); the grammar and the frames' style live in
//! [`crate::style_values`].

// Defined in `style_values`, which the frame protocol shares; re-exported here, where they
// were first defined, for the paths the SDK and the fuzz targets use.
pub use crate::style_values::{CssValue, FrameStyle, FrameStyleVar, ValueKind};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
