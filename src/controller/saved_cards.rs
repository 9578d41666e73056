//! Removing a saved card, after the shopper confirmed it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{PaymentChoice, PaymentController, default_choice};
use crate::components::stored_card::RemoveState;

impl PaymentController {
    /// Asks the backend to forget a saved card of this shopper; the card leaves the list only
    /// once the backend said so, and a failure stays beside the card.
    pub fn remove_stored_card(&self, token: String) {
        let this = *self;
        let Some((client, session_id)) = self
            .setup
            .with_value(|s| Some((s.client.clone()?, s.session.id.clone())))
        else {
            return;
        };
        self.remove_states.update(|m| {
            m.insert(token.clone(), RemoveState::Removing);
        });
        spawn_local(async move {
            let result = client.remove_stored_card(&session_id, &token).await;
            if this.remove_states.try_get_untracked().is_none() {
                return; // Unmounted meanwhile.
            }
            match result {
                Ok(()) => this.forget_card(token),
                Err(error) => this.remove_states.update(|m| {
                    m.insert(token, RemoveState::Failed(error));
                }),
            }
        });
    }

    fn forget_card(&self, token: String) {
        self.remove_states.update(|m| {
            m.remove(&token);
        });
        self.stored_cards
            .update(|cards| cards.retain(|c| c.token != token));
        self.setup.update_value(|s| {
            s.stored_frames.remove(&token);
        });
        if self.choice.get_untracked() == PaymentChoice::StoredCard(token) {
            let (has_card, others) = self
                .setup
                .with_value(|s| (s.card_frames.is_some(), s.other_methods.clone()));
            self.choice.set(default_choice(
                &self.stored_cards.get_untracked(),
                has_card,
                &others,
            ));
        }
        self.setup.with_value(|s| {
            s.context.announce(s.context.t("stored-card-removed"));
        });
    }
}
