//! The card form whose inputs live in cross-origin iframes on the payment provider's origin:
//! the merchant page only ever sees brand, validity, BIN-6, last four and ciphertext.
//!
//! [`CardFrames`] is the parent's end of the frame protocol (`paykka_core::frame_protocol`):
//! it builds each frame's URL with a per-mount random channel, accepts a message only from the
//! frames' origin, from one of its own frames' windows, on its channel and of a valid shape,
//! and names the frames' exact origin in everything it posts. Without random bytes for the
//! channel (`crypto.getRandomValues` missing or failing) it loads no frame, shows
//! [`CheckoutError::RandomnessUnavailable`] and refuses to encrypt: a guessable channel would let
//! another page speak for the frames.

use crate::small_map::SmallMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures_channel::oneshot;
use leptos::html::Iframe;
use leptos::prelude::*;
use paykka_core::frame_protocol::{
    Binding, Channel, Configure, Encrypted, FailReason, FieldKind, FieldState, FrameParams,
    FrameToParent, Label, Locale, Origin, ParentToFrame, decode_frame_message, encode,
};
use paykka_core::{Brand, CheckoutError};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlIFrameElement, MessageEvent};

use crate::api::EncryptedCard;
use crate::components::internal::{random_bytes, unique_id_prefix};
use crate::context::CheckoutContext;
use crate::i18n::Localizer;
use paykka_core::appearance::{FrameStyle, FrameStyleVar};

stylance::import_crate_style!(style, "src/components/secure_card/secure_card.module.css");

/// How long a frame may take to answer `encrypt` (key fetch and RSA included).
const ENCRYPT_TIMEOUT_MS: i32 = 10_000;

/// The other fields' frames load once the number's is ready, or after this long if it never
/// says so: they must not wait on a number frame that failed.
const OTHER_FIELDS_AFTER_MS: u64 = 1_500;

/// The secure field's page on the frames' origin (the loader's early frame names it too).
const FRAME_PAGE: &str = "/frames/card-field.html";

const FIELDS: [FieldKind; 4] = [
    FieldKind::Number,
    FieldKind::Expiry,
    FieldKind::Cvv,
    FieldKind::Holder,
];

thread_local! {
    /// Number frames the script-tag loader started while the SDK downloaded (`numberFrame` in
    /// sdk/loader.js), one per `create()`, until a card form of that checkout's session takes
    /// it or the checkout is destroyed.
    static PREWARMED_NUMBER_FRAMES: RefCell<Vec<js_sys::Object>> = const { RefCell::new(Vec::new()) };
}

/// Offers the loader's early number frame (an object; anything else is none) to card forms.
pub fn offer_prewarmed_number_frame(frame: &wasm_bindgen::JsValue) {
    if let Some(frame) = frame.dyn_ref::<js_sys::Object>() {
        PREWARMED_NUMBER_FRAMES.with(|frames| frames.borrow_mut().push(frame.clone()));
    }
}

/// Drops `frame` if no card form has taken it (its checkout is destroyed).
pub fn withdraw_prewarmed_number_frame(frame: &wasm_bindgen::JsValue) {
    let waiting = PREWARMED_NUMBER_FRAMES.with(|frames| {
        let mut frames = frames.borrow_mut();
        let at = frames
            .iter()
            .position(|f| wasm_bindgen::JsValue::from(f) == *frame)?;
        Some(frames.remove(at))
    });
    if let Some(frame) = waiting {
        drop_prewarmed(&frame);
    }
}

fn prewarm_field(frame: &js_sys::Object, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(frame, &key.into()).unwrap_or_default()
}

/// Marks the loader's frame as decided on, so the loader starts nothing after this.
fn claim_prewarmed(frame: &js_sys::Object) {
    let _ = js_sys::Reflect::set(frame, &"claimed".into(), &true.into());
}

fn drop_prewarmed(frame: &js_sys::Object) {
    claim_prewarmed(frame);
    if let Ok(iframe) = prewarm_field(frame, "iframe").dyn_into::<web_sys::Element>() {
        iframe.remove();
    }
}

/// The early number frame of `session_id`'s checkout, if it is what it claims to be: its
/// element, its channel and the loader's record (whose `ready` says whether it has spoken). One
/// whose session has not answered the loader yet is told to start nothing.
fn take_prewarmed(
    session_id: &str,
    frames_origin: Option<&Origin>,
) -> Option<(HtmlIFrameElement, Channel, js_sys::Object)> {
    let frame = PREWARMED_NUMBER_FRAMES.with(|frames| {
        let mut frames = frames.borrow_mut();
        let at = frames
            .iter()
            .position(|f| prewarm_field(f, "session").as_string().as_deref() == Some(session_id))?;
        Some(frames.remove(at))
    })?;
    claim_prewarmed(&frame);
    let iframe = prewarm_field(&frame, "iframe")
        .dyn_into::<HtmlIFrameElement>()
        .ok();
    // All zeros is what a failed or stubbed `getRandomValues` leaves: not a channel to trust.
    let channel = prewarm_field(&frame, "channel")
        .as_string()
        .and_then(|c| Channel::parse(&c))
        .filter(|c| c.as_str().bytes().any(|b| b != b'0'));
    let origin = prewarm_field(&frame, "origin")
        .as_string()
        .and_then(|o| Origin::parse(&o));
    // The frame must be the provider's number page on that channel, whatever else touched it.
    let expected = |origin: &Origin, channel: &Channel| {
        format!(
            "{}{FRAME_PAGE}#field=number&ch={}&",
            origin.as_str(),
            channel.as_str()
        )
    };
    match (iframe, channel, origin) {
        (Some(iframe), Some(channel), Some(origin))
            if Some(&origin) == frames_origin
                && iframe.src().starts_with(&expected(&origin, &channel)) =>
        {
            Some((iframe, channel, frame))
        }
        _ => {
            drop_prewarmed(&frame);
            None
        }
    }
}

fn index(field: FieldKind) -> usize {
    match field {
        FieldKind::Number => 0,
        FieldKind::Expiry => 1,
        FieldKind::Cvv => 2,
        FieldKind::Holder => 3,
    }
}

/// The parent's end of one mount's secure card frames: the four of a new card, or the lone
/// security code of a saved one.
#[derive(Clone)]
pub struct CardFrames(Rc<Inner>);

struct Inner {
    /// `None` when the browser could not draw random bytes for it: then no frame loads, no
    /// message is sent or believed, and [`CardFrames::encrypt`] refuses.
    channel: Option<Channel>,
    /// The fields this controller owns, in form order (focus and encryption follow it).
    fields: Vec<FieldKind>,
    /// A saved card's brand: its CVV length is known, not typed.
    fixed_brand: Option<Brand>,
    frames_origin: Option<Origin>,
    parent_origin: Option<Origin>,
    locale: String,
    accepted: Vec<Brand>,
    labels: [String; 4],
    placeholders: [Option<String>; 4],
    iframes: RefCell<[Option<HtmlIFrameElement>; 4]>,
    /// The checkout the frames seal for ([`CardFrames::bind`]).
    binding: RefCell<Option<Binding>>,
    /// Whether each frame's document has said ready: until then its window is the iframe's
    /// initial blank page (the parent's origin), and a message for it would be refused.
    ready: [Cell<bool>; 4],
    states: [RwSignal<Option<FieldState>>; 4],
    /// An error the parent adds on top of the frame's own (a brand the merchant does not take).
    parent_errors: [RwSignal<Option<CheckoutError>>; 4],
    submit_requests: RwSignal<u32>,
    /// Whether the fields after the number may load their frames: the number's frame loads
    /// alone first, so the field a shopper types into first is ready sooner (each frame is a
    /// document and a wasm instance, and on a phone they queue on one main thread).
    others_may_load: RwSignal<bool>,
    /// The loader's early number frame, until the number field moves it into place, and the
    /// loader's record of it.
    prewarmed: RefCell<Option<(HtmlIFrameElement, js_sys::Object)>>,
    next_req: Cell<u32>,
    pending: RefCell<SmallMap<u32, oneshot::Sender<FrameToParent>>>,
    listener: RefCell<Option<MessageListener>>,
}

/// The window's `message` listener of a set of frames, kept to be removed on drop.
type MessageListener = Closure<dyn FnMut(MessageEvent)>;

impl CardFrames {
    /// Frames served by `frames_origin`, speaking `localizer`'s language, for a card method that
    /// accepts `accepted` brands (all when empty).
    pub fn new(frames_origin: &str, localizer: &Localizer, accepted: Vec<Brand>) -> Self {
        Self::with_fields(
            frames_origin,
            localizer,
            accepted,
            FIELDS.to_vec(),
            None,
            None,
        )
    }

    /// As [`CardFrames::new`], for `session`'s checkout: bound to it (see [`CardFrames::bind`]),
    /// and its number field takes the frame the script-tag loader started for that session
    /// while the SDK downloaded, if there is one.
    pub fn for_session(
        session: &crate::api::Session,
        localizer: &Localizer,
        accepted: Vec<Brand>,
    ) -> Self {
        let frames = Self::with_fields(
            &session.frames_origin,
            localizer,
            accepted,
            FIELDS.to_vec(),
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
            vec![FieldKind::Cvv],
            Some(brand),
            None,
        )
    }

    fn with_fields(
        frames_origin: &str,
        localizer: &Localizer,
        accepted: Vec<Brand>,
        fields: Vec<FieldKind>,
        fixed_brand: Option<Brand>,
        session_id: Option<&str>,
    ) -> Self {
        let t = |id: &str| localizer.t(id);
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
            frames_origin: origin,
            parent_origin: web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .and_then(|o| Origin::parse(&o)),
            locale: localizer.locale().to_owned(),
            accepted,
            labels: [
                t("card-number-label"),
                t("card-expiry-label"),
                t("card-cvv-label"),
                t("card-holder-label"),
            ],
            placeholders: [
                Some("1234 1234 1234 1234".into()),
                Some(t("card-expiry-placeholder")),
                None,
                None,
            ],
            iframes: RefCell::new([None, None, None, None]),
            binding: RefCell::new(None),
            ready: Default::default(),
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
    fn frame_url(&self, field: FieldKind) -> Option<String> {
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

    /// Bumped each time the shopper presses Enter in a frame.
    pub fn submit_requests(&self) -> Signal<u32> {
        self.0.submit_requests.into()
    }

    /// Sends `message` to one frame, addressed to the frames' exact origin.
    fn post(&self, field: FieldKind, message: &ParentToFrame) {
        let (Some(origin), Some(channel)) = (&self.0.frames_origin, &self.0.channel) else {
            return;
        };
        if !self.0.ready[index(field)].get() {
            return;
        }
        let window = self.0.iframes.borrow()[index(field)]
            .as_ref()
            .and_then(HtmlIFrameElement::content_window);
        if let Some(window) = window {
            let _ = window.post_message(&encode(channel, message).into(), origin.as_str());
        }
    }

    /// Puts the focus in a frame (the shopper clicked its label, or the previous field completed).
    pub fn focus(&self, field: FieldKind) {
        self.post(field, &ParentToFrame::Focus);
    }

    fn on_message(&self, event: &MessageEvent) {
        let inner = &self.0;
        // Origin first: anything from elsewhere is dropped before its data is even read.
        let Some(origin) = &inner.frames_origin else {
            return;
        };
        if event.origin() != origin.as_str() {
            return;
        }
        let Some(source) = event.source() else { return };
        let field = {
            let iframes = inner.iframes.borrow();
            FIELDS.into_iter().find(|f| {
                iframes[index(*f)]
                    .as_ref()
                    .and_then(HtmlIFrameElement::content_window)
                    .is_some_and(|w| {
                        wasm_bindgen::JsValue::from(w)
                            == wasm_bindgen::JsValue::from(source.clone())
                    })
            })
        };
        let Some(field) = field else { return };
        let Some(data) = event.data().as_string() else {
            return;
        };
        let Ok((channel, message)) = decode_frame_message(&data) else {
            return;
        };
        if inner.channel != Some(channel) {
            return;
        }
        match message {
            FrameToParent::Ready { field: reported } if reported == field => self.on_ready(field),
            FrameToParent::State {
                field: reported,
                state,
            } if reported == field => self.on_state(field, state),
            FrameToParent::Submit { .. } => inner.submit_requests.update(|n| *n += 1),
            FrameToParent::Encrypted { req, ref value } if value.field() == field => {
                self.resolve(req, message)
            }
            FrameToParent::Failed {
                req,
                field: reported,
                ..
            } if reported == field => self.resolve(req, message),
            // A frame speaking for another field than its own is not ours to believe.
            _ => {}
        }
    }

    fn on_ready(&self, field: FieldKind) {
        self.0.ready[index(field)].set(true);
        if field == FieldKind::Number {
            self.0.others_may_load.set(true);
        }
        self.configure(field)
    }

    /// The loader's early number frame, for the number field to put in place (once).
    fn take_prewarmed(&self) -> Option<(HtmlIFrameElement, js_sys::Object)> {
        self.0.prewarmed.borrow_mut().take()
    }

    /// Puts the early number frame first in `frame_box` and treats it as this form's:
    /// `moveBefore` keeps its document (a plain insert would load it again, which also works: it
    /// then says ready again). A frame that already said ready before anyone listened is
    /// configured now.
    fn adopt(
        &self,
        frame_box: &web_sys::Element,
        iframe: HtmlIFrameElement,
        record: &js_sys::Object,
    ) {
        let _ = iframe.remove_attribute("style");
        let _ = iframe.remove_attribute("aria-hidden");
        let _ = iframe.remove_attribute("tabindex");
        let _ = iframe.remove_attribute("data-paykka-prewarmed");
        let first = frame_box.first_child();
        let move_before = js_sys::Reflect::get(frame_box, &"moveBefore".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let before = first
            .as_ref()
            .map_or(wasm_bindgen::JsValue::NULL, |n| n.into());
        let moved = move_before.is_some_and(|f| f.call2(frame_box, &iframe, &before).is_ok());
        if !moved {
            let _ = frame_box.insert_before(&iframe, first.as_ref());
        }
        self.attach(FieldKind::Number, iframe);
        if moved && prewarm_field(record, "ready").as_bool() == Some(true) {
            self.on_ready(FieldKind::Number);
        }
    }

    fn configure(&self, field: FieldKind) {
        let i = index(field);
        let (Some(label), Some(locale)) =
            (Label::new(&self.0.labels[i]), Locale::new(&self.0.locale))
        else {
            return;
        };
        let placeholder = self.0.placeholders[i].as_deref().and_then(Label::new);
        let brand = if field == FieldKind::Cvv {
            self.0.fixed_brand
        } else {
            None
        };
        let style = self.frame_style(field);
        let binding = self.0.binding.borrow().clone();
        self.post(
            field,
            &ParentToFrame::Configure(Configure {
                label,
                placeholder,
                locale,
                brand,
                style,
                binding,
            }),
        );
        if field == FieldKind::Cvv && self.0.fixed_brand.is_none() {
            // Read straight from the state: `brand()` builds a derived signal, and out here (a
            // message listener, no reactive owner) nothing would ever dispose of it.
            let brand = self.0.states[0]
                .get_untracked()
                .and_then(|s| s.brand)
                .unwrap_or(Brand::Unknown);
            if brand != Brand::Unknown {
                self.post(FieldKind::Cvv, &ParentToFrame::Brand { brand });
            }
        }
    }

    /// The look around the frame (theme, appearance, the merchant's CSS), as the frame's own
    /// custom properties: read from the iframe element's computed style.
    fn frame_style(&self, field: FieldKind) -> FrameStyle {
        let iframe = self.0.iframes.borrow()[index(field)].clone();
        let computed = iframe.and_then(|iframe| {
            web_sys::window()?
                .get_computed_style(&iframe)
                .ok()
                .flatten()
        });
        let Some(computed) = computed else {
            return FrameStyle::default();
        };
        let values: Vec<(FrameStyleVar, String)> = FrameStyleVar::ALL
            .into_iter()
            .filter_map(|var| {
                let value = var
                    .parent_properties()
                    .iter()
                    .map(|p| computed.get_property_value(p).unwrap_or_default())
                    .find(|v| !v.trim().is_empty())?;
                Some((var, value))
            })
            .collect();
        FrameStyle::from_values(values.iter().map(|(var, value)| (*var, value.as_str())))
    }

    fn on_state(&self, field: FieldKind, state: FieldState) {
        let inner = &self.0;
        let previous = inner.states[index(field)].get_untracked();
        inner.states[index(field)].set(Some(state));
        if field == FieldKind::Number {
            let brand = state.brand.unwrap_or(Brand::Unknown);
            if previous.and_then(|p| p.brand) != state.brand {
                self.post(FieldKind::Cvv, &ParentToFrame::Brand { brand });
            }
            let refused = brand != Brand::Unknown
                && !inner.accepted.is_empty()
                && !inner.accepted.contains(&brand);
            inner.parent_errors[0].set(refused.then_some(CheckoutError::NumberUnsupported));
        }
        // Focus moves on when a field has just become complete, as the shopper types.
        let completed = state.complete && state.focused && !previous.is_some_and(|p| p.complete);
        match field {
            FieldKind::Number if completed && inner.parent_errors[0].get_untracked().is_none() => {
                self.focus(FieldKind::Expiry)
            }
            FieldKind::Expiry if completed => self.focus(FieldKind::Cvv),
            _ => {}
        }
    }

    fn resolve(&self, req: u32, message: FrameToParent) {
        if let Some(sender) = self.0.pending.borrow_mut().remove(&req) {
            let _ = sender.send(message);
        }
    }

    async fn request_encryption(&self, field: FieldKind) -> Option<FrameToParent> {
        let req = self.0.next_req.get();
        self.0.next_req.set(req.wrapping_add(1));
        let (sender, receiver) = oneshot::channel();
        self.0.pending.borrow_mut().insert(req, sender);
        self.post(field, &ParentToFrame::Encrypt { req });
        let timeout = crate::components::internal::browser::sleep(ENCRYPT_TIMEOUT_MS);
        let answer = futures_util_select(receiver, timeout).await;
        self.0.pending.borrow_mut().remove(&req);
        answer
    }

    /// Validates every field (showing errors in the frames) and, when all are valid, collects
    /// their ciphertexts. Errs with the first invalid field's error (and focuses it), with
    /// [`CheckoutError::SecureFieldsUnavailable`] when a frame or the key is unreachable, or with
    /// [`CheckoutError::RandomnessUnavailable`] when the frames have no channel.
    pub async fn encrypt(&self) -> Result<EncryptedCard, CheckoutError> {
        if let Some(error) = self.unavailable() {
            return Err(error);
        }
        let fields = self.0.fields.clone();
        for &field in &fields {
            self.post(field, &ParentToFrame::Touch);
        }
        if let Some(error) = self.0.parent_errors[0].get_untracked() {
            self.focus(FieldKind::Number);
            return Err(error);
        }
        let mut card = EncryptedCard::default();
        let mut first_invalid = None;
        for field in fields {
            match self.request_encryption(field).await {
                Some(FrameToParent::Encrypted { value, .. }) => match value {
                    Encrypted::Number { enc, brand, .. } => {
                        if !self.0.accepted.is_empty() && !self.0.accepted.contains(&brand) {
                            first_invalid.get_or_insert((field, CheckoutError::NumberUnsupported));
                        }
                        card.encrypted_card_no = enc.as_str().to_owned();
                    }
                    Encrypted::Expiry {
                        enc_month,
                        enc_year,
                    } => {
                        card.encrypted_exp_month = enc_month.as_str().to_owned();
                        card.encrypted_exp_year = enc_year.as_str().to_owned();
                    }
                    Encrypted::Cvv { enc } => card.encrypted_cvv = enc.as_str().to_owned(),
                    Encrypted::Holder { holder } => {
                        card.holder_name = Some(holder.as_str().to_owned())
                    }
                },
                Some(FrameToParent::Failed {
                    reason: FailReason::Invalid,
                    error,
                    ..
                }) => {
                    first_invalid
                        .get_or_insert((field, error.unwrap_or(CheckoutError::NumberInvalid)));
                }
                _ => return Err(CheckoutError::SecureFieldsUnavailable),
            }
        }
        match first_invalid {
            Some((field, error)) => {
                self.focus(field);
                Err(error)
            }
            None => Ok(card),
        }
    }

    fn attach(&self, field: FieldKind, iframe: HtmlIFrameElement) {
        self.0.ready[index(field)].set(false);
        self.0.iframes.borrow_mut()[index(field)] = Some(iframe);
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

/// Waits for the frame's answer or the timeout, whichever comes first.
async fn futures_util_select(
    receiver: oneshot::Receiver<FrameToParent>,
    timeout: impl std::future::Future<Output = ()>,
) -> Option<FrameToParent> {
    use std::pin::pin;
    use std::task::Poll;
    let mut receiver = pin!(receiver);
    let mut timeout = pin!(timeout);
    std::future::poll_fn(|cx| {
        if let Poll::Ready(answer) = receiver.as_mut().poll(cx) {
            return Poll::Ready(answer.ok());
        }
        if timeout.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
}

/// The secure card form: number, expiry, security code and holder name, each in its own frame
/// on the payment provider's origin, with labels, brand and errors drawn around them here.
///
/// ```no_run
/// use leptos::prelude::*;
/// use paykka_checkout::components::{CardFrames, CheckoutScope, SecureCardForm};
/// use paykka_checkout::context::CheckoutContext;
///
/// leptos::mount::mount_to_body(|| view! {
///     <CheckoutScope locale="en-US">{
///         let ctx = CheckoutContext::expect();
///         // The provider's origin comes from the session (`gateway_origin`), and the
///         // envelopes are sealed for that session (and merchant) only.
///         let frames = CardFrames::new("https://pay.example", ctx.i18n(), Vec::new());
///         frames.bind("CS0123", "10000000000001");
///         let submit = frames.clone();
///         view! {
///             <SecureCardForm frames=frames />
///             <button on:click=move |_| {
///                 let frames = submit.clone();
///                 leptos::task::spawn_local(async move {
///                     // Only ciphertext, brand, BIN-6 and last four ever reach this page.
///                     let _card = frames.encrypt().await;
///                 });
///             }>"Pay"</button>
///         }
///     }</CheckoutScope>
/// });
/// ```
#[component]
pub fn SecureCardForm(
    /// The frames' controller, shared with whoever submits (the Drop-in's pay action).
    frames: CardFrames,
) -> impl IntoView {
    view! {
        <div class=style::card_form>
            <SecureField frames=frames.clone() kind=FieldKind::Number />
            <div class=style::row>
                <SecureField frames=frames.clone() kind=FieldKind::Expiry />
                <SecureField frames=frames.clone() kind=FieldKind::Cvv />
            </div>
            <SecureField frames=frames kind=FieldKind::Holder />
        </div>
    }
}

/// One secure card field: its label, the frame that holds the input, and around it what the
/// frame reports (focus ring, brand badge for the number, length hint for the security code,
/// the error, tied to the frame with `aria-describedby`). Fields of one [`CardFrames`] act as one
/// form wherever they are placed (Component mode): focus moves on, the number's brand sets the
/// security code's length, and [`CardFrames::encrypt`] collects them all. In a form with a
/// number field, the other fields' frames load once the number's frame is ready (or after
/// 1.5 s): the field a shopper types into first is ready sooner, and the box of a field still
/// waiting keeps its size, so nothing moves when its frame arrives.
///
/// ```no_run
/// use leptos::prelude::*;
/// use paykka_checkout::components::{CardFrames, CheckoutScope, SecureField};
/// use paykka_checkout::context::CheckoutContext;
/// use paykka_checkout::core::frame_protocol::FieldKind;
///
/// leptos::mount::mount_to_body(|| view! {
///     <CheckoutScope locale="en-US">{
///         let ctx = CheckoutContext::expect();
///         let frames = CardFrames::new("https://pay.example", ctx.i18n(), Vec::new());
///         view! {
///             <div class="my-grid">
///                 <SecureField frames=frames.clone() kind=FieldKind::Number />
///                 <SecureField frames=frames.clone() kind=FieldKind::Expiry />
///                 <SecureField frames=frames kind=FieldKind::Cvv />
///             </div>
///         }
///     }</CheckoutScope>
/// });
/// ```
#[component]
pub fn SecureField(
    /// The controller this field's frame belongs to.
    frames: CardFrames,
    /// Which field: number, expiry, security code or holder name.
    kind: FieldKind,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let id = unique_id_prefix();
    let brand = frames.brand();
    let frames_for_ref = frames.clone();
    let frames_for_click = frames.clone();
    let node_ref = NodeRef::<Iframe>::new();
    // Not `on_load`: it may run only once, and a field's frame element can be created again.
    Effect::new(move |_| {
        if let Some(iframe) = node_ref.get() {
            frames_for_ref.attach(kind, iframe);
        }
    });
    let state = frames.state(kind);
    let error = frames.visible_error(kind);
    let error_ctx = ctx.clone();
    let error_text = move || error.get().map(|e| error_ctx.t(e.message_id()));
    let error_id = format!("{id}-{}-error", kind.code());
    let hint_id = format!("{id}-{}-hint", kind.code());
    let title_id = match kind {
        FieldKind::Number => "secure-frame-title-number",
        FieldKind::Expiry => "secure-frame-title-expiry",
        FieldKind::Cvv => "secure-frame-title-cvv",
        FieldKind::Holder => "secure-frame-title-holder",
    };
    let described_by = if kind == FieldKind::Cvv {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    // No frame at all without a channel (no random bytes): nothing could speak to it safely.
    let url = frames
        .unavailable()
        .is_none()
        .then(|| frames.frame_url(kind).unwrap_or_default());
    // Only a form with a number field waits for it (a saved card's lone security code does not).
    let waits_for_number =
        kind != FieldKind::Number && frames.0.fields.contains(&FieldKind::Number);
    let may_load = frames.0.others_may_load;
    if waits_for_number && !may_load.get_untracked() {
        let fallback = set_timeout_with_handle(
            move || may_load.set(true),
            std::time::Duration::from_millis(OTHER_FIELDS_AFTER_MS),
        );
        if let Ok(fallback) = fallback {
            on_cleanup(move || fallback.clear());
        }
    }
    // No iframe yet: even an empty one costs a document and a script context while the form
    // renders. The box keeps its size, so nothing moves when the frame arrives.
    let title = ctx.t(title_id);
    // A memo, so the frame element is created once, when loading is first allowed: the number's
    // ready and the fallback may both allow it, the number's more than once.
    let shown = Memo::new(move |_| !waits_for_number || may_load.get());
    // The loader's early number frame, when there is one: moved into the field's box (ahead of
    // the brand badge) once the box exists, instead of a new frame.
    let prewarmed = if kind == FieldKind::Number {
        frames.take_prewarmed()
    } else {
        None
    };
    let adopted = prewarmed.is_some();
    let frame_box = NodeRef::<leptos::html::Div>::new();
    if let Some((iframe, record)) = prewarmed {
        let _ = iframe.set_attribute("class", style::frame);
        let _ = iframe.set_attribute("title", &title);
        let _ = iframe.set_attribute("aria-describedby", &described_by);
        let frames = frames.clone();
        let mut pending = Some((iframe, record));
        Effect::new(move |_| {
            if let Some(frame_box) = frame_box.get()
                && let Some((iframe, record)) = pending.take()
            {
                frames.adopt(&frame_box, iframe, &record);
            }
        });
    }
    let iframe = move || {
        let url = url.clone().filter(|_| !adopted)?;
        shown.get().then(|| {
            view! {
                <iframe
                    node_ref=node_ref
                    class=style::frame
                    src=url
                    title=title.clone()
                    aria-describedby=described_by.clone()
                    referrerpolicy="no-referrer"
                ></iframe>
            }
        })
    };
    let label = frames.0.labels[index(kind)].clone();
    let badge = (kind == FieldKind::Number).then(|| {
        view! {
            <span
                class=style::brand
                data-brand=move || brand.get().code()
                role="img"
                aria-label=move || brand.get().display_name()
                hidden=move || brand.get() == Brand::Unknown
            >
                {move || brand.get().display_name()}
            </span>
        }
    });
    let hint = (kind == FieldKind::Cvv).then(|| {
        let ctx = ctx.clone();
        let text = move || {
            let brand = brand.get();
            let location = if brand == Brand::Amex {
                "front"
            } else {
                "back"
            };
            // Before the brand is known, the common case: most cards have 3.
            let digits = if brand == Brand::Unknown {
                3
            } else {
                brand.cvv_length()
            };
            ctx.i18n().t_with(
                "card-cvv-hint",
                &[("digits", digits.into()), ("location", location.into())],
            )
        };
        view! { <p class=style::hint id=hint_id.clone()>{text}</p> }
    });
    view! {
        <div class=style::field data-field=kind.code()>
            <span class=style::label on:click=move |_| frames_for_click.focus(kind)>{label}</span>
            <div
                node_ref=frame_box
                class=style::frame_box
                data-focused=move || state.get().is_some_and(|s| s.focused).to_string()
                data-invalid=move || error.get().is_some().to_string()
            >
                {iframe}
                {badge}
            </div>
            {hint}
            <p class=style::error id=error_id>{error_text}</p>
        </div>
    }
}
