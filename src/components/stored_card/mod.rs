//! A card the shopper saved earlier: recognised by brand, last four and expiry, paid with the
//! security code alone, typed into a secure frame like every other card field.
//!
//! [`StoredCardForm`] is the Drop-in's saved-card panel and also mounts on its own (Component
//! mode): give it the card and a [`CardFrames::cvv_only`] controller, and submit with
//! [`CardFrames::encrypt`] and [`crate::api::BackendClient::pay_with_token`].

use leptos::prelude::*;
use paykka_core::{Brand, CheckoutError, YearMonth};

use crate::api::StoredCard;
use crate::components::internal::{BRAND_BADGE_CLASS, current_month};
use crate::components::secure_card::{CardFrames, SecureField};
use crate::context::CheckoutContext;
use paykka_core::frame_protocol::FieldKind;

stylance::import_crate_style!(pub(crate) style, "src/components/stored_card/stored_card.module.css");

/// `03/30`: how the card shows its expiry, in every language.
pub fn expiry_text(card: &StoredCard) -> String {
    format!("{:02}/{:02}", card.exp_month, card.exp_year % 100)
}

/// Whether the card's expiry month is over, by the shopper's clock.
pub fn is_expired(card: &StoredCard, today: YearMonth) -> bool {
    YearMonth::new(card.exp_year, card.exp_month.clamp(1, 12)) < today
}

/// What a saved card says of itself, e.g. "Visa •••• 4242": the label screen readers read too.
pub fn card_title(ctx: &CheckoutContext, card: &StoredCard) -> String {
    let brand = if card.brand == Brand::Unknown {
        ctx.t("method-card")
    } else {
        card.brand.display_name().to_owned()
    };
    ctx.i18n().t_with(
        "stored-card-title",
        &[
            ("brand", brand.into()),
            ("last4", card.last4.clone().into()),
        ],
    )
}

/// One line under the title: "Expires 03/30", or "Expired 01/24".
pub fn card_expiry_line(ctx: &CheckoutContext, card: &StoredCard) -> String {
    let id = if is_expired(card, current_month()) {
        "stored-card-expired"
    } else {
        "stored-card-expires"
    };
    ctx.i18n()
        .t_with(id, &[("expiry", expiry_text(card).into())])
}

/// A saved card ready to pay: brand, masked number and expiry read-only, and the security code
/// in a secure frame (with the brand's length: 4 digits for American Express).
///
/// ```no_run
/// use leptos::prelude::*;
/// use paykka_checkout::api::StoredCard;
/// use paykka_checkout::components::{CardFrames, CheckoutScope, StoredCardForm};
/// use paykka_checkout::context::CheckoutContext;
/// use paykka_checkout::core::Brand;
///
/// // As the backend lists it (`saved_cards` of the session).
/// let card = StoredCard { token: "TK1".into(), brand: Brand::Visa, last4: "4242".into(), exp_month: 3, exp_year: 2030 };
/// leptos::mount::mount_to_body(move || view! {
///     <CheckoutScope locale="en-US">{
///         let ctx = CheckoutContext::expect();
///         let frames = CardFrames::cvv_only("https://pay.example", ctx.i18n(), card.brand);
///         frames.bind("CS0123", "10000000000001");
///         view! { <StoredCardForm card=card.clone() frames=Some(frames) /> }
///     }</CheckoutScope>
/// });
/// ```
#[component]
pub fn StoredCardForm(
    /// The saved card, as the backend lists it.
    card: StoredCard,
    /// The controller of its security-code frame ([`CardFrames::cvv_only`]); `None` for a card
    /// that is only shown (an expired one, say).
    #[prop(default = None)]
    frames: Option<CardFrames>,
    /// Leaves out brand, number and expiry, when the owner shows them already (the Drop-in's
    /// method list does, in the radio's label).
    #[prop(optional)]
    hide_summary: bool,
    /// Called when the shopper confirms removing the card. Without it there is no remove
    /// action (merchants may hide removal).
    #[prop(default = None)]
    on_remove: Option<Callback<()>>,
    /// Where the removal stands, kept by whoever removes (`on_remove`'s owner).
    #[prop(default = None)]
    remove_state: Option<Signal<RemoveState>>,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let title = card_title(&ctx, &card);
    let expiry = card_expiry_line(&ctx, &card);
    let expired = is_expired(&card, current_month());
    view! {
        <div class=style::stored data-brand=card.brand.code()>
            {(!hide_summary).then(|| view! {
                <div class=style::summary>
                    <span class=BRAND_BADGE_CLASS data-brand=card.brand.code() aria-hidden="true">{card.brand.display_name()}</span>
                    <span class=style::details>
                        <span class=style::number dir="ltr">{title}</span>
                        <span class=style::expiry data-expired=expired.to_string()>{expiry}</span>
                    </span>
                </div>
            })}
            {frames.filter(|_| !expired).map(|frames| view! { <SecureField frames=frames kind=FieldKind::Cvv /> })}
            {on_remove.map(|remove| view! {
                <RemoveCard on_confirm=remove state=remove_state.unwrap_or_else(|| Signal::stored(RemoveState::Idle)) />
            })}
        </div>
    }
}

/// Where a saved card's removal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemoveState {
    /// Not asked to remove.
    Idle,
    /// The backend is removing it.
    Removing,
    /// The removal failed, and why.
    Failed(CheckoutError),
}

/// "Remove card", then "Remove this card? Remove / Keep": nothing is deleted on one click.
#[component]
fn RemoveCard(on_confirm: Callback<()>, state: Signal<RemoveState>) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let confirming = RwSignal::new(false);
    let error_ctx = ctx.clone();
    let ask = ctx.t("stored-card-remove");
    let question = ctx.t("stored-card-remove-confirm");
    let yes = ctx.t("stored-card-remove-yes");
    let keep = ctx.t("stored-card-remove-cancel");
    let removing = move || state.get() == RemoveState::Removing;
    view! {
        <div class=style::remove>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    let ask = ask.clone();
                    view! {
                        <button type="button" class=style::link on:click=move |_| confirming.set(true)>{ask}</button>
                    }
                }
            >
                <div class=style::confirm role="group" aria-label=question.clone()>
                    <p class=style::question>{question.clone()}</p>
                    <button
                        type="button"
                        class=style::danger
                        disabled=removing
                        aria-busy=move || removing().to_string()
                        on:click=move |_| on_confirm.run(())
                    >{yes.clone()}</button>
                    <button type="button" class=style::link disabled=removing on:click=move |_| confirming.set(false)>{keep.clone()}</button>
                </div>
            </Show>
            <p class=style::error role="alert">
                {move || match state.get() {
                    RemoveState::Failed(error) => Some(error_ctx.i18n().t_with(
                        "stored-card-remove-failed",
                        &[("reason", error_ctx.t(error.message_id()).into())],
                    )),
                    _ => None,
                }}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(month: u8, year: u16) -> StoredCard {
        StoredCard {
            token: "TK1".into(),
            brand: Brand::Visa,
            last4: "4242".into(),
            exp_month: month,
            exp_year: year,
        }
    }

    #[test]
    fn a_card_is_expired_only_after_its_expiry_month() {
        let today = YearMonth::new(2026, 11);
        for (month, year, expired) in [
            (11, 2026, false),
            (10, 2026, true),
            (12, 2026, false),
            (1, 2027, false),
            (12, 2025, true),
        ] {
            assert_eq!(
                is_expired(&card(month, year), today),
                expired,
                "{month}/{year}"
            );
        }
    }

    #[test]
    fn expiry_is_shown_as_two_digit_month_and_year() {
        assert_eq!(expiry_text(&card(3, 2030)), "03/30");
        assert_eq!(expiry_text(&card(12, 2100)), "12/00");
    }
}
