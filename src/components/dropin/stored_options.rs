//! The shopper's saved cards in the Drop-in's method list. A chunk of the SDK's wasm of their
//! own (see [`crate::chunks`]): only a shopper with saved cards downloads them.

use leptos::prelude::*;

use super::style;
use crate::api::StoredCard;
use crate::chunks::{ChunkUnavailable, split_point};
use crate::components::internal::{BRAND_BADGE_CLASS, current_month};
use crate::components::stored_card::{self, StoredCardForm};
use crate::context::CheckoutContext;
use crate::controller::{PaymentChoice, PaymentController};

/// What the saved cards need from the Drop-in.
pub(super) struct StoredCardListParts {
    /// The method the shopper picked.
    pub choice: RwSignal<PaymentChoice>,
    /// Removes a saved card by its token; none when the merchant does not allow it.
    pub on_remove: Option<Callback<String>>,
}

split_point! { stored_cards, preload_stored_cards:
    /// The session's saved cards, one radio each, in the order the backend gave them.
    pub(super) fn stored_card_list(parts: StoredCardListParts) -> Result<AnyView, ChunkUnavailable> {
        let StoredCardListParts { choice, on_remove } = parts;
        let payment = PaymentController::expect();
        Ok(view! {
            <For
                each=move || payment.stored_cards().get()
                key=|card| card.token.clone()
                let(card)
            >
                <StoredCardOption card=card choice=choice on_remove=on_remove />
            </For>
        }
        .into_any())
    }
}

/// A saved card in the method list: a radio with brand, masked number and expiry; once picked,
/// its security-code frame and the remove action.
#[component]
fn StoredCardOption(
    card: StoredCard,
    choice: RwSignal<PaymentChoice>,
    on_remove: Option<Callback<String>>,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let token = card.token.clone();
    let expired = stored_card::is_expired(&card, current_month());
    let this = PaymentChoice::StoredCard(token.clone());
    let open = Memo::new({
        let this = this.clone();
        move |_| choice.get() == this
    });
    let title = stored_card::card_title(&ctx, &card);
    let expiry = stored_card::card_expiry_line(&ctx, &card);
    let remove_state = PaymentController::expect().remove_state(token.clone());
    let on_remove = on_remove.map(|remove| {
        let token = token.clone();
        Callback::new(move |()| remove.run(token.clone()))
    });
    let card_for_panel = card.clone();
    view! {
        <div class=style::method data-open=move || open.get().to_string() data-expired=expired.to_string()>
            <label class=style::method_label>
                <input
                    type="radio"
                    name="paykka-method"
                    value=token.clone()
                    disabled=expired
                    prop:checked=move || open.get()
                    on:change=move |_| choice.set(this.clone())
                />
                <span class=BRAND_BADGE_CLASS data-brand=card.brand.code() aria-hidden="true">{card.brand.display_name()}</span>
                <span class=style::stored_text>
                    <span dir="ltr">{title}</span>
                    <span class=style::stored_expiry data-expired=expired.to_string()>{expiry}</span>
                </span>
            </label>
            <Show when=move || open.get()>
                {
                    let card = card_for_panel.clone();
                    PaymentController::expect().stored_card_frames(&card.token).map(|frames| view! {
                        <div class=style::method_panel>
                            <StoredCardForm card=card frames=Some(frames) hide_summary=true on_remove=on_remove remove_state=Some(remove_state) />
                        </div>
                    })
                }
            </Show>
            {(expired && on_remove.is_some()).then(|| view! {
                <div class=style::method_panel>
                    <StoredCardForm card=card.clone() hide_summary=true on_remove=on_remove remove_state=Some(remove_state) />
                </div>
            })}
        </div>
    }
}
