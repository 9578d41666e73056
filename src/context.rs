//! The one typed context every component of a mount reads: `CheckoutContext::expect()`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{I18n, Localizer};

/// What every component of one checkout mount shares: the shopper's language and the single
/// live region through which the widget talks to screen readers.
#[derive(Clone)]
pub struct CheckoutContext {
    i18n: I18n,
    announcement: RwSignal<String>,
}

impl CheckoutContext {
    /// A context for the shopper's `locale` (negotiated against the bundled locales).
    pub fn new(locale: &str) -> Self {
        Self {
            i18n: Arc::new(Localizer::new(locale)),
            announcement: RwSignal::new(String::new()),
        }
    }

    /// Makes this context visible to every component below the current owner.
    pub fn provide(self) {
        provide_context(self);
    }

    /// The context of the enclosing checkout mount.
    ///
    /// # Panics
    /// Outside a [`crate::components::internal::CheckoutScope`]; that is a programming error of the
    /// embedding code, caught by the first render in any test.
    pub fn expect() -> Self {
        expect_context()
    }

    /// The shopper's localizer.
    pub fn i18n(&self) -> &Localizer {
        &self.i18n
    }

    /// Shorthand for `self.i18n().t(id)`.
    pub fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    /// Says `message` through the polite live region (replacing what it said before).
    pub fn announce(&self, message: String) {
        // Re-setting the same text would not be re-read by screen readers: clear first.
        if self.announcement.get_untracked() == message {
            self.announcement.set(String::new());
        }
        self.announcement.set(message);
    }

    /// What the live region currently says.
    pub fn announcement(&self) -> Signal<String> {
        self.announcement.into()
    }
}
