//! What the merchant hears of the card fields: ready, valid, each field's changes and focus.

use leptos::prelude::*;
use paykka_core::frame_protocol::{FieldKind, FieldState};

use super::{FieldChange, PaymentChoice, PaymentController};

const FIELDS: [FieldKind; 4] = [
    FieldKind::Number,
    FieldKind::Expiry,
    FieldKind::Cvv,
    FieldKind::Holder,
];

impl PaymentController {
    /// Whether the chosen way to pay can be used now: its secure fields loaded and ready to
    /// type in (a method without fields always is). Reactive.
    pub fn is_ready(&self) -> bool {
        match self.choice.get() {
            PaymentChoice::NewCard => self.card_frames().is_some_and(|f| f.is_ready().get()),
            PaymentChoice::StoredCard(token) => self
                .stored_card_frames(&token)
                .is_some_and(|f| f.is_ready().get()),
            PaymentChoice::Method(_) => true,
        }
    }

    /// Whether the new card's fields hold a payable card (every needed field valid). Reactive.
    pub fn is_valid(&self) -> bool {
        self.card_frames().is_some_and(|f| f.is_valid().get())
    }

    /// Calls the merchant's field callbacks as the frames report, and `on_ready` once.
    pub(super) fn watch_fields(&self) {
        let callbacks = self.setup.with_value(|s| s.callbacks.events);
        let this = *self;
        if let Some(on_ready) = callbacks.on_ready {
            Effect::new(move |done: Option<bool>| {
                if done == Some(true) {
                    return true;
                }
                let ready = this.is_ready();
                if ready {
                    on_ready.try_run(());
                }
                ready
            });
        }
        let Some(frames) = self.card_frames() else {
            return;
        };
        if let Some(on_change) = callbacks.on_validity_change {
            let valid = frames.is_valid();
            Effect::new(move |previous: Option<bool>| {
                let now = valid.get();
                if previous.is_some_and(|p| p != now) {
                    on_change.try_run(now);
                }
                now
            });
        }
        let (change, focus, blur) = (
            callbacks.on_field_change,
            callbacks.on_field_focus,
            callbacks.on_field_blur,
        );
        if change.is_none() && focus.is_none() && blur.is_none() {
            return;
        }
        for field in FIELDS {
            let state = frames.state(field);
            Effect::new(move |previous: Option<Option<FieldState>>| {
                let now = state.get();
                let before = previous.flatten();
                if let Some(now) = now {
                    let event = FieldChange { field, state: now };
                    let was_focused = before.is_some_and(|b| b.focused);
                    if now.focused
                        && !was_focused
                        && let Some(cb) = focus
                    {
                        cb.try_run(event);
                    }
                    if !now.focused
                        && was_focused
                        && let Some(cb) = blur
                    {
                        cb.try_run(event);
                    }
                    // What the merchant shows follows what it holds, not where the focus is.
                    let unfocused = |s: FieldState| FieldState {
                        focused: false,
                        ..s
                    };
                    if before.map(unfocused) != Some(unfocused(now))
                        && let Some(cb) = change
                    {
                        cb.try_run(event);
                    }
                }
                now
            });
        }
    }
}
