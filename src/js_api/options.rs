//! The options of `PaykkaCheckout.create()`, checked: a wrong one is a `TypeError` naming it.

use js_sys::{Function, Object};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::convert::*;
use paykka_core::appearance::Appearance;

pub(super) const KNOWN_OPTIONS: &[&str] = &[
    "sessionId",
    "backendUrl",
    "locale",
    "returnUrl",
    "allowStoredCardRemoval",
    "onReady",
    "onChange",
    "onPaymentCompleted",
    "onPaymentFailed",
    "onError",
    "onSubmit",
    "onExpired",
    "showPayButton",
    "translations",
    "appearance",
];

pub(super) struct Options {
    pub(super) session_id: String,
    pub(super) backend_url: String,
    pub(super) locale: Option<String>,
    pub(super) return_url: Option<String>,
    pub(super) allow_stored_card_removal: bool,
    pub(super) on_ready: Option<Function>,
    pub(super) on_change: Option<Function>,
    pub(super) on_payment_completed: Option<Function>,
    pub(super) on_payment_failed: Option<Function>,
    pub(super) on_error: Option<Function>,
    pub(super) on_submit: Option<Function>,
    pub(super) on_expired: Option<Function>,
    pub(super) show_pay_button: bool,
    /// The merchant's messages per locale, as Fluent sources (see [`translations`]).
    pub(super) translations: Vec<(String, String)>,
    pub(super) appearance: Option<Appearance>,
}

/// An object of named members (not an array), as every structured option must be.
pub(super) fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

/// The own enumerable keys of an object.
pub(super) fn keys_of(value: &JsValue) -> Vec<String> {
    Object::keys(value.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect()
}

// Long because it is a table: one checked read per documented option, in the order of the
// README's options table.
pub(super) fn parse_options(value: &JsValue) -> Result<Options, JsValue> {
    if !is_plain_object(value) {
        return Err(type_error("create(options): options must be an object"));
    }
    for key in keys_of(value) {
        if !KNOWN_OPTIONS.contains(&key.as_str()) {
            return Err(type_error(&format!(
                "unknown option `{key}` (known: {})",
                KNOWN_OPTIONS.join(", ")
            )));
        }
    }
    let string = |key: &str| -> Result<Option<String>, JsValue> {
        let v = get(value, key);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string()
            .map(Some)
            .ok_or_else(|| type_error(&format!("option `{key}` must be a string")))
    };
    let function = |key: &str| -> Result<Option<Function>, JsValue> {
        let v = get(value, key);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.dyn_into::<Function>()
            .map(Some)
            .map_err(|_| type_error(&format!("option `{key}` must be a function")))
    };
    let session_id = string("sessionId")?.filter(|s| !s.trim().is_empty()).ok_or_else(|| {
        type_error("option `sessionId` is required: the session id your backend created (POST /api/sessions)")
    })?;
    if session_id.len() > 64
        || !session_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(type_error(
            "option `sessionId` is not a session id (letters, digits, - and _, at most 64)",
        ));
    }
    let backend_url = string("backendUrl")?.unwrap_or_default();
    if !(backend_url.is_empty()
        || backend_url.starts_with("https://")
        || backend_url.starts_with("http://")
        || backend_url.starts_with('/'))
    {
        return Err(type_error(
            "option `backendUrl` must be an http(s) URL or a path on this origin",
        ));
    }
    let allow = get(value, "allowStoredCardRemoval");
    let allow_stored_card_removal = if allow.is_undefined() {
        true
    } else {
        allow
            .as_bool()
            .ok_or_else(|| type_error("option `allowStoredCardRemoval` must be a boolean"))?
    };
    Ok(Options {
        session_id,
        backend_url,
        locale: string("locale")?,
        return_url: string("returnUrl")?,
        allow_stored_card_removal,
        on_ready: function("onReady")?,
        on_change: function("onChange")?,
        on_payment_completed: function("onPaymentCompleted")?,
        on_payment_failed: function("onPaymentFailed")?,
        on_error: function("onError")?,
        on_submit: function("onSubmit")?,
        on_expired: function("onExpired")?,
        translations: translations(&get(value, "translations"))?,
        appearance: appearance(&get(value, "appearance"))?,
        show_pay_button: {
            let v = get(value, "showPayButton");
            if v.is_undefined() {
                true
            } else {
                v.as_bool()
                    .ok_or_else(|| type_error("option `showPayButton` must be a boolean"))?
            }
        },
    })
}

/// `appearance: { theme: "dark", variables: { colorPrimary: "#0a7" }, rules: { ".Input": { borderColor: "#333" } } }`.
pub(super) fn appearance(value: &JsValue) -> Result<Option<Appearance>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let bad = |what: &str| type_error(&format!("option `appearance`: {what}"));
    if !is_plain_object(value) {
        return Err(bad("must be an object: { theme, variables, rules }"));
    }
    if let Some(unknown) = keys_of(value)
        .into_iter()
        .find(|k| !["theme", "variables", "rules"].contains(&k.as_str()))
    {
        return Err(bad(&format!(
            "unknown key `{unknown}` (known: theme, variables, rules)"
        )));
    }
    let theme = get(value, "theme");
    let theme = match theme.is_undefined() {
        true => None,
        false => Some(
            theme
                .as_string()
                .ok_or_else(|| bad("`theme` must be a string"))?,
        ),
    };
    let text = |v: JsValue, name: &str| {
        v.as_string()
            .ok_or_else(|| bad(&format!("`{name}` must be a string")))
    };
    let mut variables = Vec::new();
    let given = get(value, "variables");
    if !given.is_undefined() {
        if !is_plain_object(&given) {
            return Err(bad("`variables` must be an object"));
        }
        for name in keys_of(&given) {
            let v = text(get(&given, &name), &name)?;
            variables.push((name, v));
        }
    }
    let mut rules = Vec::new();
    let given = get(value, "rules");
    if !given.is_undefined() {
        if !is_plain_object(&given) {
            return Err(bad("`rules` must be an object"));
        }
        for selector in keys_of(&given) {
            let declarations = get(&given, &selector);
            if !is_plain_object(&declarations) {
                return Err(bad(&format!(
                    "rule `{selector}` must be an object of properties"
                )));
            }
            for property in keys_of(&declarations) {
                let v = text(get(&declarations, &property), &property)?;
                rules.push((selector.clone(), property, v));
            }
        }
    }
    Appearance::parse(
        theme.as_deref(),
        variables.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        rules
            .iter()
            .map(|(s, p, v)| (s.as_str(), p.as_str(), v.as_str())),
    )
    .map(Some)
    .map_err(|e| bad(&e.to_string()))
}

/// `translations: { "fr-FR": { "pay-button": "Régler { $amount }" }, "sw-KE": { ... } }`: message
/// ids of `locales/en-US/checkout.ftl` to Fluent patterns. Each locale becomes one Fluent source;
/// a locale we do not ship becomes one the shopper can get (English fills its gaps).
pub(super) fn translations(value: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !is_plain_object(value) {
        return Err(type_error(
            "option `translations` must be an object: { \"fr-FR\": { \"pay-button\": \"...\" } }",
        ));
    }
    let mut sources = Vec::new();
    for locale in keys_of(value) {
        let messages = get(value, &locale);
        if !is_plain_object(&messages) {
            return Err(type_error(&format!(
                "option `translations[{}]` must be an object of message ids to text",
                quoted(&locale)
            )));
        }
        let mut ftl = String::new();
        for id in keys_of(&messages) {
            let valid_id = id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            let text = get(&messages, &id)
                .as_string()
                .filter(|t| !t.trim().is_empty());
            let (true, Some(text)) = (valid_id, text) else {
                return Err(type_error(&format!(
                    "option `translations[{}][{}]` must map a message id (e.g. \"pay-button\") to a non-empty string",
                    quoted(&locale),
                    quoted(&id)
                )));
            };
            // Continuation lines are indented, as Fluent reads a multiline value.
            ftl.push_str(&format!("{id} = {}\n", text.trim().replace('\n', "\n    ")));
        }
        sources.push((locale, ftl));
    }
    Ok(sources)
}
