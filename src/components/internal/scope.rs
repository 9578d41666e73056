use leptos::prelude::*;

use super::mount_watch;
use crate::context::CheckoutContext;
use paykka_core::appearance::Appearance;

stylance::import_crate_style!(style, "src/components/internal/internal.module.css");

/// The root of every checkout mount: provides [`CheckoutContext`], sets the language and text
/// direction, and holds the one polite live region, present from the first render so that
/// screen readers pick up everything announced later.
///
/// ```no_run
/// use leptos::prelude::*;
/// use paykka_checkout::components::CheckoutScope;
/// use paykka_checkout::context::CheckoutContext;
///
/// // Everything inside speaks the scope's language through its context.
/// #[component]
/// fn AmountLabel() -> impl IntoView {
///     let ctx = CheckoutContext::expect();
///     view! { <p>{ctx.t("dropin-amount-label")}</p> }
/// }
///
/// leptos::mount::mount_to_body(|| view! {
///     <CheckoutScope locale="fr-FR"><AmountLabel /></CheckoutScope>
/// });
/// ```
#[component]
pub fn CheckoutScope(
    /// BCP 47 tag of the shopper's language, e.g. `fr-FR`; negotiated against the bundled ones.
    #[prop(into)]
    locale: String,
    /// A context to share instead of a new one: the separately mounted pieces of one
    /// Component-mode form (number, expiry, ...) are one checkout, speaking through one region.
    #[prop(optional)]
    context: Option<CheckoutContext>,
    /// Leaves out the live region, when another scope of the same context has it.
    #[prop(optional)]
    without_live_region: bool,
    /// The merchant's look: a theme, and custom properties from its variables and rules.
    #[prop(default = None)]
    appearance: Option<Appearance>,
    children: Children,
) -> impl IntoView {
    let context = context.unwrap_or_else(|| CheckoutContext::new(&locale));
    let lang = context.i18n().locale();
    // Arabic and Hebrew lay out right to left; card numbers, dates and amounts inside keep
    // `dir="ltr"` on their own elements.
    let dir = if context.i18n().is_rtl() {
        "rtl"
    } else {
        "ltr"
    };
    // The context may be the checkout's, living on after this mount (Component mode).
    let announcement = context.announcement();
    let announced = mount_watch(Box::new(move || announcement.track()));
    context.provide();
    let theme = appearance.as_ref().and_then(|a| a.theme.attribute());
    let root = NodeRef::<leptos::html::Div>::new();
    if let Some(appearance) = appearance {
        // Through CSSOM, one property at a time: no style attribute (a strict CSP refuses
        // those), and no value that is not a checked one.
        root.on_load(move |element| {
            let style = web_sys::HtmlElement::style(&element);
            for (property, value) in &appearance.properties {
                let _ = style.set_property(property, value.as_str());
            }
        });
    }
    view! {
        <div class=style::root lang=lang dir=dir data-pk-theme=theme node_ref=root>
            {children()}
            {(!without_live_region).then(|| view! {
                <div class=style::visually_hidden role="status" aria-live="polite" aria-atomic="true">
                    {move || {
                        announced.get();
                        untrack(|| announcement.get())
                    }}
                </div>
            })}
        </div>
    }
}
