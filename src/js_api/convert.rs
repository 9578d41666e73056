//! Between Rust and the merchant's JavaScript: the plain objects callbacks and promises get,
//! errors, and calling the merchant's functions.

use js_sys::{Function, Object, Reflect};
use paykka_core::{Brand, CheckoutError};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::api::{PaymentAction, PaymentAnswer};
use crate::context::CheckoutContext;
use crate::controller::FieldChange;
use crate::controller::PaymentSummary;

pub(super) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(&format!("PaykkaCheckout: {message}")).into()
}

pub(super) fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub(super) fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
}

/// `{ code, message }` of an error, `code` being its [`CheckoutError::code`] (snake_case, the
/// merchant backend's word too, e.g. `card_declined`), and `message` the shopper's language.
pub(super) fn error_object(error: CheckoutError, context: &CheckoutContext) -> JsValue {
    let object = Object::new();
    set(&object, "code", error.code());
    set(&object, "message", context.t(error.message_id()));
    object.into()
}

/// `{ code: "field_not_mounted", component, message }`: the message names the component too,
/// for the merchant's console (the shopper's text alone says only that the form is incomplete).
pub(super) fn not_mounted_object(component: &str, context: &CheckoutContext) -> JsValue {
    let object: Object = error_object(CheckoutError::FieldNotMounted, context).unchecked_into();
    let message = format!(
        "{} ({component})",
        context.t(CheckoutError::FieldNotMounted.message_id())
    );
    set(&object, "component", component);
    set(&object, "message", message);
    object.into()
}

/// `{ brand, last4 }`, or `null` when the answer names no card.
pub(super) fn card_object(brand: Option<Brand>, last4: Option<&String>) -> JsValue {
    match (brand, last4) {
        (Some(brand), Some(last4)) => {
            let card = Object::new();
            set(&card, "brand", brand.code());
            set(&card, "last4", last4.as_str());
            card.into()
        }
        _ => JsValue::NULL,
    }
}

pub(super) fn summary_object(summary: &PaymentSummary, context: &CheckoutContext) -> JsValue {
    let object = Object::new();
    set(&object, "sessionId", summary.session_id.as_str());
    set(
        &object,
        "orderId",
        summary
            .order_id
            .clone()
            .map_or(JsValue::NULL, JsValue::from),
    );
    let amount = Object::new();
    set(&amount, "value", summary.amount.minor() as f64);
    set(&amount, "currency", summary.amount.currency().code());
    set(&object, "amount", amount);
    set(
        &object,
        "card",
        card_object(summary.card_brand, summary.card_last4.as_ref()),
    );
    set(
        &object,
        "failure",
        summary
            .failure
            .map_or(JsValue::NULL, |e| error_object(e, context)),
    );
    object.into()
}

pub(super) fn answer_object(
    answer: &PaymentAnswer,
    session_id: &str,
    context: &CheckoutContext,
) -> JsValue {
    let object = Object::new();
    set(&object, "status", answer.status.as_str());
    set(&object, "sessionId", session_id);
    set(
        &object,
        "orderId",
        answer.order_id.clone().map_or(JsValue::NULL, JsValue::from),
    );
    set(
        &object,
        "card",
        card_object(answer.card_brand, answer.card_last4.as_ref()),
    );
    let action = answer.action.as_ref().map_or(JsValue::NULL, action_object);
    set(&object, "action", action);
    set(
        &object,
        "failure",
        answer
            .decline
            .map_or(JsValue::NULL, |e| error_object(e, context)),
    );
    object.into()
}

/// `text` as a JS string literal, for error messages: the browser's JSON quoting rather than
/// Rust's `{:?}`, whose escaping brings Unicode tables into the wasm.
pub(super) fn quoted(text: &str) -> String {
    js_sys::JSON::stringify(&JsValue::from_str(text))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Calls a merchant callback; a throwing callback is reported, never propagated into the SDK.
pub(super) fn call(callback: &Option<Function>, argument: &JsValue) {
    if let Some(callback) = callback
        && let Err(error) = callback.call1(&JsValue::NULL, argument)
    {
        // The thrown value itself goes to the console (its stack stays clickable); the shipped
        // wasm has no Debug formatting to print it with.
        web_sys::console::error_2(
            &JsValue::from_str("PaykkaCheckout: a callback threw:"),
            &error,
        );
    }
}

pub(super) fn element_of(target: &JsValue, method: &str) -> Result<HtmlElement, JsValue> {
    if let Some(element) = target.dyn_ref::<HtmlElement>() {
        return Ok(element.clone());
    }
    let Some(selector) = target.as_string() else {
        return Err(type_error(&format!(
            "{method}(target): target must be a CSS selector or an element"
        )));
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| type_error("no document"))?;
    document
        .query_selector(&selector)
        .map_err(|_| {
            type_error(&format!(
                "{method}({}): not a valid CSS selector",
                quoted(&selector)
            ))
        })?
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .ok_or_else(|| {
            type_error(&format!(
                "{method}({}): no element matches",
                quoted(&selector)
            ))
        })
}

/// `{ field, empty, complete, valid, focused, brand }` for `onChange`, `onFocus` and `onBlur`.
pub(super) fn field_object(change: &FieldChange) -> JsValue {
    let object = Object::new();
    let state = change.state;
    set(&object, "field", change.field.code());
    set(&object, "empty", state.empty);
    set(&object, "complete", state.complete);
    set(&object, "valid", state.valid);
    set(&object, "focused", state.focused);
    set(
        &object,
        "brand",
        state.brand.map_or(JsValue::NULL, |b| b.code().into()),
    );
    object.into()
}

/// The gateway's next step, as `submit()`'s result and `onAdditionalAction` show it:
/// `{ type: 'redirect', url, method, data }` (a form POST of `data` when `method` is `POST`)
/// or `{ type: 'qr', qrCode, expiresAt }`.
pub(super) fn action_object(action: &PaymentAction) -> JsValue {
    let object = Object::new();
    match action {
        PaymentAction::Redirect { url, post, data } => {
            set(&object, "type", "redirect");
            set(&object, "url", url.as_str());
            set(&object, "method", if *post { "POST" } else { "GET" });
            let fields = Object::new();
            for (name, value) in data {
                set(&fields, name, value.as_str());
            }
            set(&object, "data", fields);
        }
        PaymentAction::Qr {
            payload,
            expires_at,
        } => {
            set(&object, "type", "qr");
            set(&object, "qrCode", payload.as_str());
            set(
                &object,
                "expiresAt",
                expires_at.clone().map_or(JsValue::NULL, JsValue::from),
            );
        }
    }
    object.into()
}
