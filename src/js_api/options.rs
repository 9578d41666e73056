//! The options of `PaykkaCheckout.create()`, checked: a wrong one is a `TypeError` naming it.

use js_sys::{Function, Object};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::convert::*;
use paykka_core::{Brand, HolderNamePolicy};

use crate::chunks::AppearanceSource;
use crate::components::FieldTexts;
use crate::controller::{
    CheckoutConfiguration, Wallet, WalletButtonColor, WalletButtonOptions, WalletButtonType,
    WalletButtons,
};
use paykka_core::appearance::Appearance;

// The options taken, in a module that compiles natively: a native test checks them against the
// declarations' `CheckoutOptions`.
use crate::js_api_names::KNOWN_OPTIONS;

pub(super) struct Options {
    pub(super) session_id: String,
    pub(super) backend_url: String,
    pub(super) locale: Option<String>,
    pub(super) return_url: Option<String>,
    pub(super) allow_stored_card_removal: bool,
    pub(super) on_ready: Option<Function>,
    pub(super) on_change: Option<Function>,
    pub(super) on_focus: Option<Function>,
    pub(super) on_blur: Option<Function>,
    pub(super) on_validity_change: Option<Function>,
    pub(super) on_additional_action: Option<Function>,
    pub(super) on_payment_completed: Option<Function>,
    pub(super) on_payment_failed: Option<Function>,
    pub(super) on_error: Option<Function>,
    pub(super) on_submit: Option<Function>,
    pub(super) on_expired: Option<Function>,
    pub(super) show_pay_button: bool,
    /// `holderName`: `required`, `optional` or `hidden`; absent, the Drop-in does not ask and a
    /// mounted `holderName` component is optional.
    pub(super) holder_name: Option<HolderNamePolicy>,
    /// `labels`, `placeholders`, `paymentMethodsConfiguration` (card brands, wallet buttons),
    /// `allowPaymentMethods` and `removePaymentMethods` (the holder's name is `holder_name`).
    pub(super) configuration: CheckoutConfiguration,
    /// The merchant's messages per locale, as Fluent sources (see [`translations`]).
    pub(super) translations: Vec<(String, String)>,
    /// `appearance` as given (its shape checked).
    pub(super) appearance_source: Option<AppearanceSource>,
    /// `appearance`, its values checked: set by `create()` from `appearance_source`.
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
        on_focus: function("onFocus")?,
        on_blur: function("onBlur")?,
        on_validity_change: function("onValidityChange")?,
        on_additional_action: function("onAdditionalAction")?,
        on_payment_completed: function("onPaymentCompleted")?,
        on_payment_failed: function("onPaymentFailed")?,
        on_error: function("onError")?,
        on_submit: function("onSubmit")?,
        on_expired: function("onExpired")?,
        translations: translations(&get(value, "translations"))?,
        appearance_source: appearance(&get(value, "appearance"))?,
        appearance: None,
        show_pay_button: {
            let v = get(value, "showPayButton");
            if v.is_undefined() {
                true
            } else {
                v.as_bool()
                    .ok_or_else(|| type_error("option `showPayButton` must be a boolean"))?
            }
        },
        holder_name: holder_name(value)?,
        configuration: configuration(value)?,
    })
}

/// `appearance: { theme: "dark", variables: { colorPrimary: "#0a7" }, rules: { ".Input": { borderColor: "#333" } } }`.
/// Only its shape is checked here: its values are checked by [`crate::chunks::parse_appearance`],
/// in the chunk that holds the parser.
pub(super) fn appearance(value: &JsValue) -> Result<Option<AppearanceSource>, JsValue> {
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
    Ok(Some(AppearanceSource {
        theme,
        variables,
        rules,
    }))
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

/// `holderName: 'required' | 'optional' | 'hidden'`, or the same in
/// `paymentMethodsConfiguration.card.holderName` (the two may not disagree).
fn holder_name(value: &JsValue) -> Result<Option<HolderNamePolicy>, JsValue> {
    let read = |v: JsValue, name: &str| -> Result<Option<HolderNamePolicy>, JsValue> {
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string()
            .and_then(|t| HolderNamePolicy::parse(&t))
            .map(Some)
            .ok_or_else(|| {
                type_error(&format!(
                    "option `{name}` must be 'required', 'optional' or 'hidden'"
                ))
            })
    };
    let top = read(get(value, "holderName"), "holderName")?;
    let card = get(&get(value, "paymentMethodsConfiguration"), "card");
    let nested = match is_plain_object(&card) {
        true => read(
            get(&card, "holderName"),
            "paymentMethodsConfiguration.card.holderName",
        )?,
        false => None,
    };
    match (top, nested) {
        (Some(a), Some(b)) if a != b => Err(type_error(
            "options `holderName` and `paymentMethodsConfiguration.card.holderName` disagree",
        )),
        (a, b) => Ok(a.or(b)),
    }
}

/// `labels` / `placeholders`: `{ cardNumber, expiry, cvv, holderName }`, each a string.
fn field_texts(value: &JsValue, option: &str) -> Result<FieldTexts, JsValue> {
    let given = get(value, option);
    if given.is_undefined() || given.is_null() {
        return Ok(FieldTexts::default());
    }
    const FIELDS: [&str; 4] = ["cardNumber", "expiry", "cvv", "holderName"];
    if !is_plain_object(&given) {
        return Err(type_error(&format!(
            "option `{option}` must be an object: {{ {} }}",
            FIELDS.join(", ")
        )));
    }
    let mut texts = FieldTexts::default();
    for key in keys_of(&given) {
        let text = get(&given, &key)
            .as_string()
            .filter(|t| !t.trim().is_empty() && t.chars().count() <= 80)
            .ok_or_else(|| {
                type_error(&format!(
                    "option `{option}.{key}` must be a text of 1 to 80 characters"
                ))
            })?;
        let slot = match key.as_str() {
            "cardNumber" => &mut texts.card_number,
            "expiry" => &mut texts.expiry,
            "cvv" => &mut texts.cvv,
            "holderName" => &mut texts.holder_name,
            _ => {
                return Err(type_error(&format!(
                    "option `{option}`: unknown field `{key}` (known: {})",
                    FIELDS.join(", ")
                )));
            }
        };
        *slot = Some(text);
    }
    Ok(texts)
}

/// A list of payment method codes (`card` for cards), for `allowPaymentMethods` and
/// `removePaymentMethods`.
fn method_codes(value: &JsValue, option: &str) -> Result<Option<Vec<String>>, JsValue> {
    let given = get(value, option);
    if given.is_undefined() || given.is_null() {
        return Ok(None);
    }
    let bad = || {
        type_error(&format!(
            "option `{option}` must be an array of method codes (e.g. ['card', 'WECHATPAY'])"
        ))
    };
    if !js_sys::Array::is_array(&given) {
        return Err(bad());
    }
    js_sys::Array::from(&given)
        .iter()
        .map(|code| {
            code.as_string()
                .filter(|c| !c.is_empty() && c.len() <= 40)
                .ok_or_else(bad)
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// `paymentMethodsConfiguration`: per-method options, by the method's code: `card`
/// (`{ holderName, brands }`), `ApplePay` and `GooglePay` (`{ buttonType, buttonColor }`). Any
/// other method or option named is refused, so a typo is not silent.
fn method_options(value: &JsValue) -> Result<(Option<Vec<Brand>>, WalletButtons), JsValue> {
    let mut wallet_buttons = WalletButtons::default();
    let given = get(value, "paymentMethodsConfiguration");
    if given.is_undefined() || given.is_null() {
        return Ok((None, wallet_buttons));
    }
    let bad = |what: &str| type_error(&format!("option `paymentMethodsConfiguration`: {what}"));
    if !is_plain_object(&given) {
        return Err(bad(
            "must be an object: { card: { holderName, brands }, ApplePay: { buttonType, buttonColor }, GooglePay: { ... } }",
        ));
    }
    let mut card_brands = None;
    for method in keys_of(&given) {
        let options = get(&given, &method);
        if options.is_undefined() {
            continue;
        }
        if method == "card" {
            card_brands = card_options(&options, &bad)?;
            continue;
        }
        let wallet = Wallet::from_code(&method).ok_or_else(|| {
            bad(&format!(
                "unknown method `{method}` (known: card, ApplePay, GooglePay)"
            ))
        })?;
        *wallet_buttons.of_mut(wallet) = wallet_button(&options, &method, &bad)?;
    }
    Ok((card_brands, wallet_buttons))
}

/// `paymentMethodsConfiguration.card`: the brands taken (its `holderName` is read by
/// [`holder_name`]).
fn card_options(
    card: &JsValue,
    bad: &dyn Fn(&str) -> JsValue,
) -> Result<Option<Vec<Brand>>, JsValue> {
    if !is_plain_object(card) {
        return Err(bad("`card` must be an object: { holderName, brands }"));
    }
    if let Some(other) = keys_of(card)
        .into_iter()
        .find(|k| k != "holderName" && k != "brands")
    {
        return Err(bad(&format!(
            "card: unknown option `{other}` (known: holderName, brands)"
        )));
    }
    let brands = get(card, "brands");
    if brands.is_undefined() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(&brands) {
        return Err(bad(
            "card.brands must be an array of brands (e.g. ['visa', 'mastercard'])",
        ));
    }
    js_sys::Array::from(&brands)
        .iter()
        .map(|b| {
            b.as_string()
                .and_then(|code| Brand::from_code(&code))
                .filter(|b| *b != Brand::Unknown)
                .ok_or_else(|| bad("card.brands: unknown brand (known: visa, mastercard, amex, jcb, discover, diners, unionpay)"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// `paymentMethodsConfiguration.ApplePay` / `.GooglePay`: `{ buttonType, buttonColor }`.
fn wallet_button(
    options: &JsValue,
    method: &str,
    bad: &dyn Fn(&str) -> JsValue,
) -> Result<WalletButtonOptions, JsValue> {
    if !is_plain_object(options) {
        return Err(bad(&format!(
            "`{method}` must be an object: {{ buttonType, buttonColor }}"
        )));
    }
    let mut button = WalletButtonOptions::default();
    for key in keys_of(options) {
        let text = get(options, &key).as_string().unwrap_or_default();
        match key.as_str() {
            "buttonType" => {
                button.button_type = WalletButtonType::parse(&text).ok_or_else(|| {
                    bad(&format!(
                        "{method}.buttonType must be one of '{}'",
                        WalletButtonType::NAMES.join("', '")
                    ))
                })?
            }
            "buttonColor" => {
                button.button_color = WalletButtonColor::parse(&text).ok_or_else(|| {
                    bad(&format!(
                        "{method}.buttonColor must be one of '{}'",
                        WalletButtonColor::NAMES.join("', '")
                    ))
                })?
            }
            other => {
                return Err(bad(&format!(
                    "{method}: unknown option `{other}` (known: buttonType, buttonColor)"
                )));
            }
        }
    }
    Ok(button)
}

/// Everything of the merchant's choosing beyond the session, but the holder's name.
fn configuration(value: &JsValue) -> Result<CheckoutConfiguration, JsValue> {
    let (card_brands, wallet_buttons) = method_options(value)?;
    let mut configuration = CheckoutConfiguration {
        card_brands,
        wallet_buttons,
        allow_methods: method_codes(value, "allowPaymentMethods")?,
        remove_methods: method_codes(value, "removePaymentMethods")?.unwrap_or_default(),
        ..Default::default()
    };
    configuration.card.labels = field_texts(value, "labels")?;
    configuration.card.placeholders = field_texts(value, "placeholders")?;
    Ok(configuration)
}
