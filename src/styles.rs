//! The checkout's stylesheet for Rust apps: [`STYLESHEET`], and [`PaykkaStyles`] to apply it.
//!
//! The components carry scoped class names (stylance CSS modules) and read the theme's custom
//! properties (`--pk-*`); without this stylesheet they render unstyled. The script-tag SDK ships
//! the same text as `paykka-checkout.css`.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The whole stylesheet: the theme's custom properties (`--pk-*`, which a merchant overrides to
/// restyle), then every component's CSS module, with the class names the components use. Built
/// from the crate's own CSS by its build script; serve it as a file (`style-src 'self'`), or
/// apply it with [`PaykkaStyles`].
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/paykka-checkout.css"));

/// Applies [`STYLESHEET`] to the document, once however many times it is rendered, and leaves
/// it there after unmounting (other checkouts of the page may use it).
///
/// The sheet is a constructed stylesheet adopted by the document (`document.adoptedStyleSheets`),
/// which a strict Content Security Policy (`style-src 'self'`, no `'unsafe-inline'`) allows;
/// only in a browser without constructed stylesheets does it fall back to a `<style>` element,
/// which such a policy refuses (serve [`STYLESHEET`] as a file there).
///
/// ```no_run
/// use leptos::prelude::*;
/// use paykka_checkout::PaykkaStyles;
/// use paykka_checkout::components::DropIn;
///
/// leptos::mount::mount_to_body(|| view! {
///     <PaykkaStyles />
///     <DropIn session_id="CS0123" />
/// });
/// ```
#[component]
pub fn PaykkaStyles() -> impl IntoView {
    apply_stylesheet();
}

thread_local! {
    static APPLIED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Adds [`STYLESHEET`] to the document, unless this page has it already.
fn apply_stylesheet() {
    if APPLIED.get() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if adopt(&document).is_some() || append_style_element(&document).is_some() {
        APPLIED.set(true);
    }
}

/// `document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]`, through `Reflect`
/// (no `web-sys` features for so little).
fn adopt(document: &web_sys::Document) -> Option<()> {
    let global = js_sys::global();
    let constructor: js_sys::Function = js_sys::Reflect::get(&global, &"CSSStyleSheet".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let sheet = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
    let replace_sync: js_sys::Function = js_sys::Reflect::get(&sheet, &"replaceSync".into())
        .ok()?
        .dyn_into()
        .ok()?;
    replace_sync.call1(&sheet, &STYLESHEET.into()).ok()?;
    let key = JsValue::from_str("adoptedStyleSheets");
    let adopted: js_sys::Array = js_sys::Reflect::get(document, &key).ok()?.dyn_into().ok()?;
    let sheets = js_sys::Array::from(&adopted);
    sheets.push(&sheet);
    js_sys::Reflect::set(document, &key, &sheets)
        .ok()?
        .then_some(())
}

/// A `<style>` element in the head: for browsers without constructed stylesheets.
fn append_style_element(document: &web_sys::Document) -> Option<()> {
    let style = document.create_element("style").ok()?;
    style.set_text_content(Some(STYLESHEET));
    let head = document.query_selector("head").ok()??;
    head.append_child(&style).ok()?;
    Some(())
}

#[cfg(test)]
mod tests {
    use super::STYLESHEET;

    #[test]
    fn the_stylesheet_has_the_theme_and_the_class_names_the_components_use() {
        assert!(
            STYLESHEET.contains("--pk-"),
            "the theme's custom properties"
        );
        let badge = crate::components::internal::BRAND_BADGE_CLASS;
        assert!(badge.starts_with("pk-"), "{badge}");
        assert!(
            STYLESHEET.contains(&format!(".{badge}")),
            "the brand badge's scoped class {badge}"
        );
    }
}
