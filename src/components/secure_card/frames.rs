//! `CardFrames`: the secure fields of one card form, their state and lifecycle.

use crate::small_map::SmallMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures_channel::oneshot;
use leptos::prelude::*;
use paykka_core::frame_protocol::{
    Binding, Channel, FieldKind, FieldState, FrameParams, FrameToParent, Locale, Origin,
};
use paykka_core::{Brand, CheckoutError, HolderNamePolicy};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlIFrameElement, MessageEvent};

use super::*;
use crate::components::internal::random_bytes;
use crate::i18n::Localizer;

pub(super) fn index(field: FieldKind) -> usize {
    match field {
        FieldKind::Number => 0,
        FieldKind::Expiry => 1,
        FieldKind::Cvv => 2,
        FieldKind::Holder => 3,
    }
}

/// The merchant's own words for the card fields, replacing ours where given (the JS API's
/// `labels` and `placeholders`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldTexts {
    /// The card number's.
    pub card_number: Option<String>,
    /// The expiry date's.
    pub expiry: Option<String>,
    /// The security code's.
    pub cvv: Option<String>,
    /// The holder's name's.
    pub holder_name: Option<String>,
}

impl FieldTexts {
    fn get(&self, field: FieldKind) -> Option<&String> {
        match field {
            FieldKind::Number => self.card_number.as_ref(),
            FieldKind::Expiry => self.expiry.as_ref(),
            FieldKind::Cvv => self.cvv.as_ref(),
            FieldKind::Holder => self.holder_name.as_ref(),
        }
    }
}

/// How a new card's form looks and what it asks: the holder's name, and the merchant's own
/// labels and placeholders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardFormOptions {
    /// Whether the form asks for the holder's name.
    pub holder_name: HolderNamePolicy,
    /// Labels replacing ours.
    pub labels: FieldTexts,
    /// Placeholders replacing ours.
    pub placeholders: FieldTexts,
}

/// The parent's end of one mount's secure card frames: the four of a new card, or the lone
/// security code of a saved one.
#[derive(Clone)]
pub struct CardFrames(pub(super) Rc<Inner>);

pub(super) struct Inner {
    /// `None` when the browser could not draw random bytes for it: then no frame loads, no
    /// message is sent or believed, and [`CardFrames::encrypt`] refuses.
    pub(super) channel: Option<Channel>,
    /// The fields this controller owns, in form order (focus and encryption follow it).
    pub(super) fields: Vec<FieldKind>,
    /// A saved card's brand: its CVV length is known, not typed.
    pub(super) fixed_brand: Option<Brand>,
    /// Whether a payment needs the holder's name. Hidden only keeps it out of
    /// [`SecureCardForm`]: a holder field mounted on its own is still read, when filled.
    pub(super) holder: HolderNamePolicy,
    /// How many [`SecureField`]s of each field are on the page now: a field the payment needs
    /// and nobody mounted is named at once instead of waiting for a frame that never comes.
    pub(super) mounted: [Cell<u32>; 4],
    pub(super) frames_origin: Option<Origin>,
    pub(super) parent_origin: Option<Origin>,
    pub(super) locale: String,
    pub(super) accepted: Vec<Brand>,
    pub(super) labels: [String; 4],
    pub(super) placeholders: [Option<String>; 4],
    pub(super) iframes: RefCell<[Option<HtmlIFrameElement>; 4]>,
    /// The checkout the frames seal for ([`CardFrames::bind`]).
    pub(super) binding: RefCell<Option<Binding>>,
    /// Whether each frame's document has said ready: until then its window is the iframe's
    /// initial blank page (the parent's origin), and a message for it would be refused.
    pub(super) ready: [Cell<bool>; 4],
    /// The same, to react to: [`CardFrames::is_ready`].
    pub(super) ready_signals: [RwSignal<bool>; 4],
    pub(super) states: [RwSignal<Option<FieldState>>; 4],
    /// An error the parent adds on top of the frame's own (a brand the merchant does not take).
    pub(super) parent_errors: [RwSignal<Option<CheckoutError>>; 4],
    pub(super) submit_requests: RwSignal<u32>,
    /// Whether the fields after the number may load their frames: the number's frame loads
    /// alone first, so the field a shopper types into first is ready sooner (each frame is a
    /// document and a wasm instance, and on a phone they queue on one main thread).
    pub(super) others_may_load: RwSignal<bool>,
    /// The loader's early number frame, until the number field moves it into place, and the
    /// loader's record of it.
    pub(super) prewarmed: RefCell<Option<(HtmlIFrameElement, js_sys::Object)>>,
    pub(super) next_req: Cell<u32>,
    pub(super) pending: RefCell<SmallMap<u32, oneshot::Sender<FrameToParent>>>,
    pub(super) listener: RefCell<Option<MessageListener>>,
}

/// The window's `message` listener of a set of frames, kept to be removed on drop.
pub(super) type MessageListener = Closure<dyn FnMut(MessageEvent)>;

impl CardFrames {
    /// Frames served by `frames_origin`, speaking `localizer`'s language, for a card method that
    /// accepts `accepted` brands (all when empty). The holder's name is optional: sent when a
    /// holder field is mounted and filled ([`CardFrames::with_holder_name`] says otherwise).
    pub fn new(frames_origin: &str, localizer: &Localizer, accepted: Vec<Brand>) -> Self {
        Self::with_holder_name(
            frames_origin,
            localizer,
            accepted,
            HolderNamePolicy::Optional,
        )
    }

    /// As [`CardFrames::new`], with the holder's name required, optional or not asked.
    pub fn with_holder_name(
        frames_origin: &str,
        localizer: &Localizer,
        accepted: Vec<Brand>,
        holder: HolderNamePolicy,
    ) -> Self {
        Self::with_options(
            frames_origin,
            localizer,
            accepted,
            &CardFormOptions {
                holder_name: holder,
                ..Default::default()
            },
        )
    }

    /// As [`CardFrames::new`], with the merchant's [`CardFormOptions`].
    pub fn with_options(
        frames_origin: &str,
        localizer: &Localizer,
        accepted: Vec<Brand>,
        options: &CardFormOptions,
    ) -> Self {
        Self::with_fields(frames_origin, localizer, accepted, options, None, None)
    }

    /// As [`CardFrames::new`], for `session`'s checkout: bound to it (see [`CardFrames::bind`]),
    /// and its number field takes the frame the script-tag loader started for that session
    /// while the SDK downloaded, if there is one.
    pub fn for_session(
        session: &crate::api::Session,
        localizer: &Localizer,
        accepted: Vec<Brand>,
        options: &CardFormOptions,
    ) -> Self {
        let frames = Self::with_fields(
            &session.frames_origin,
            localizer,
            accepted,
            options,
            None,
            Some(&session.id),
        );
        frames.bind(&session.id, session.merchant_id.as_deref().unwrap_or(""));
        frames
    }

    /// Binds the frames to a checkout: every envelope they make is sealed for this session (and
    /// merchant), and the gateway refuses it for any other, or twice, or once it is old
    /// ([`paykka_core::card_envelope`]). Frames that are not bound refuse to encrypt.
    /// [`CardFrames::for_session`] binds; a [`CardFrames::new`] or [`CardFrames::cvv_only`]
    /// needs this before the shopper pays.
    pub fn bind(&self, session_id: &str, merchant_id: &str) {
        *self.0.binding.borrow_mut() = Binding::new(session_id, merchant_id);
        // Frames already configured learn it now.
        for &field in &self.0.fields {
            if self.0.ready[index(field)].get() {
                self.configure(field);
            }
        }
    }

    /// The security-code frame of a saved card of `brand` (3 digits, or 4 for American Express).
    pub fn cvv_only(frames_origin: &str, localizer: &Localizer, brand: Brand) -> Self {
        Self::with_fields(
            frames_origin,
            localizer,
            Vec::new(),
            &CardFormOptions::default(),
            Some(brand),
            None,
        )
    }

    pub(super) fn with_fields(
        frames_origin: &str,
        localizer: &Localizer,
        accepted: Vec<Brand>,
        options: &CardFormOptions,
        fixed_brand: Option<Brand>,
        session_id: Option<&str>,
    ) -> Self {
        // A saved card's form is its security code alone.
        let (fields, holder) = match fixed_brand {
            Some(_) => (vec![FieldKind::Cvv], HolderNamePolicy::Hidden),
            None => (FIELDS.to_vec(), options.holder_name),
        };
        let t = |id: &str| localizer.t(id);
        let label = |field: FieldKind, id: &str| {
            options.labels.get(field).cloned().unwrap_or_else(|| t(id))
        };
        let placeholder = |field: FieldKind, ours: Option<String>| {
            options.placeholders.get(field).cloned().or(ours)
        };
        let origin = Origin::parse(frames_origin.trim_end_matches('/'));
        let prewarmed = session_id
            .filter(|_| fields.contains(&FieldKind::Number))
            .and_then(|id| take_prewarmed(id, origin.as_ref()));
        let (channel, prewarmed) = match prewarmed {
            Some((iframe, channel, record)) => (Some(channel), Some((iframe, record))),
            None => (random_bytes().map(Channel::from_bytes), None),
        };
        // Said under the form's first field (no frame loads in any of them).
        let unavailable = channel
            .is_none()
            .then_some(CheckoutError::RandomnessUnavailable);
        let first_field = fields.first().copied();
        let inner = Rc::new(Inner {
            channel,
            fields,
            fixed_brand,
            holder,
            mounted: Default::default(),
            frames_origin: origin,
            parent_origin: web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .and_then(|o| Origin::parse(&o)),
            locale: localizer.locale().to_owned(),
            accepted,
            labels: [
                label(FieldKind::Number, "card-number-label"),
                label(FieldKind::Expiry, "card-expiry-label"),
                label(FieldKind::Cvv, "card-cvv-label"),
                label(FieldKind::Holder, "card-holder-label"),
            ],
            placeholders: [
                placeholder(FieldKind::Number, Some("1234 1234 1234 1234".into())),
                placeholder(FieldKind::Expiry, Some(t("card-expiry-placeholder"))),
                placeholder(FieldKind::Cvv, None),
                placeholder(FieldKind::Holder, None),
            ],
            iframes: RefCell::new([None, None, None, None]),
            binding: RefCell::new(None),
            ready: Default::default(),
            ready_signals: std::array::from_fn(|_| RwSignal::new(false)),
            states: std::array::from_fn(|_| RwSignal::new(None)),
            parent_errors: std::array::from_fn(|i| {
                RwSignal::new(unavailable.filter(|_| first_field.is_some_and(|f| index(f) == i)))
            }),
            submit_requests: RwSignal::new(0),
            others_may_load: RwSignal::new(false),
            prewarmed: RefCell::new(prewarmed),
            next_req: Cell::new(1),
            pending: RefCell::new(SmallMap::new()),
            listener: RefCell::new(None),
        });
        let weak = Rc::downgrade(&inner);
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(inner) = weak.upgrade() {
                CardFrames(inner).on_message(&event);
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        *inner.listener.borrow_mut() = Some(listener);
        Self(inner)
    }

    /// The frame's URL: the provider's page, with the mount's channel and our origin in the
    /// fragment (never sent to any server).
    pub(super) fn frame_url(&self, field: FieldKind) -> Option<String> {
        let params = FrameParams {
            field,
            channel: self.0.channel?,
            origin: self.0.parent_origin.clone()?,
            locale: Locale::new(&self.0.locale)?,
        };
        Some(format!(
            "{}{FRAME_PAGE}#{}",
            self.0.frames_origin.as_ref()?.as_str(),
            params.to_fragment()
        ))
    }

    /// [`CheckoutError::RandomnessUnavailable`] when the browser could not draw the channel's
    /// random bytes: these frames never load, and no payment may be made with them.
    pub fn unavailable(&self) -> Option<CheckoutError> {
        self.0
            .channel
            .is_none()
            .then_some(CheckoutError::RandomnessUnavailable)
    }

    /// The latest state a frame reported.
    pub fn state(&self, field: FieldKind) -> Signal<Option<FieldState>> {
        self.0.states[index(field)].into()
    }

    /// The error to show under a field now: the parent's own first, else the frame's.
    pub fn visible_error(&self, field: FieldKind) -> Signal<Option<CheckoutError>> {
        let parent = self.0.parent_errors[index(field)];
        let state = self.0.states[index(field)];
        Signal::derive(move || parent.get().or_else(|| state.get().and_then(|s| s.error)))
    }

    /// The brand typed so far in the number frame (a saved card's own brand).
    pub fn brand(&self) -> Signal<Brand> {
        if let Some(brand) = self.0.fixed_brand {
            return Signal::stored(brand);
        }
        let state = self.0.states[0];
        Signal::derive(move || state.get().and_then(|s| s.brand).unwrap_or(Brand::Unknown))
    }

    /// True once every field shown on the page has its frame ready to type in (a form nobody
    /// mounted is not ready). Reactive.
    pub fn is_ready(&self) -> Signal<bool> {
        let inner = self.0.clone();
        let fields = send_wrapper::SendWrapper::new(inner);
        Signal::derive(move || {
            let mut any = false;
            for &field in &fields.fields {
                let i = index(field);
                // Read first: this signal then follows every field's frame.
                let ready = fields.ready_signals[i].get();
                if fields.mounted[i].get() > 0 {
                    any = true;
                    if !ready {
                        return false;
                    }
                }
            }
            any
        })
    }

    /// True while every field a payment needs holds a valid value (an optional holder's name
    /// may be empty), and no brand the merchant refuses is typed. Reactive.
    pub fn is_valid(&self) -> Signal<bool> {
        let fields = send_wrapper::SendWrapper::new(self.0.clone());
        Signal::derive(move || {
            let mut valid = fields.parent_errors.iter().all(|e| e.get().is_none());
            for &field in &fields.fields {
                let state = fields.states[index(field)].get();
                let optional =
                    field == FieldKind::Holder && fields.holder != HolderNamePolicy::Required;
                valid &= match state {
                    Some(s) => s.valid || (optional && s.empty),
                    None => optional,
                };
            }
            valid
        })
    }

    /// Bumped each time the shopper presses Enter in a frame.
    pub fn submit_requests(&self) -> Signal<u32> {
        self.0.submit_requests.into()
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        // The loader's early frame, never put in place (no number field was ever shown).
        if let Some((iframe, _)) = self.prewarmed.borrow_mut().take() {
            iframe.remove();
        }
        if let (Some(window), Some(listener)) =
            (web_sys::window(), self.listener.borrow_mut().take())
        {
            let _ = window
                .remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
    }
}
