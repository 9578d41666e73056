//! The number frame the script-tag loader starts while the SDK downloads, handed to the first
//! card form of its session.

use std::cell::RefCell;

use paykka_core::frame_protocol::{Channel, Origin};
use wasm_bindgen::JsCast;
use web_sys::HtmlIFrameElement;

use super::*;

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

pub(super) fn prewarm_field(frame: &js_sys::Object, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(frame, &key.into()).unwrap_or_default()
}

/// Marks the loader's frame as decided on, so the loader starts nothing after this.
pub(super) fn claim_prewarmed(frame: &js_sys::Object) {
    let _ = js_sys::Reflect::set(frame, &"claimed".into(), &true.into());
}

pub(super) fn drop_prewarmed(frame: &js_sys::Object) {
    claim_prewarmed(frame);
    if let Ok(iframe) = prewarm_field(frame, "iframe").dyn_into::<web_sys::Element>() {
        iframe.remove();
    }
}

/// The early number frame of `session_id`'s checkout, if it is what it claims to be: its
/// element, its channel and the loader's record (whose `ready` says whether it has spoken). One
/// whose session has not answered the loader yet is told to start nothing.
pub(super) fn take_prewarmed(
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
