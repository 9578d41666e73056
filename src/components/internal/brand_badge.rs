//! The card brand's badge beside a card number, for the secure frames and the plain form alike.

use leptos::prelude::*;
use paykka_core::Brand;

stylance::import_crate_style!(style, "src/components/internal/brand_badge.module.css");

/// The badge's look, for a brand known from the start (a saved card's).
pub const BRAND_BADGE_CLASS: &str = style::brand_badge;

/// The detected brand's name on its colour, hidden while no brand is known. Where it sits is
/// the form's business (its CSS places `[data-brand]` in its field).
#[component]
pub fn BrandBadge(#[prop(into)] brand: Signal<Brand>) -> impl IntoView {
    view! {
        <span
            class=style::brand_badge
            data-brand=move || brand.get().code()
            role="img"
            aria-label=move || brand.get().display_name()
            hidden=move || brand.get() == Brand::Unknown
        >
            {move || brand.get().display_name()}
        </span>
    }
}
