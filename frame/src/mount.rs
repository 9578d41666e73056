//! Mounting the frame: the page's `<input>` adopted for the fragment's kind, what
//! was typed before the wasm formatted, its events wired, the parent told.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::Object;
use paykka_core::Brand;
use paykka_core::frame_protocol::{FieldKind, FrameParams, FrameToParent};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Document, Event, HtmlInputElement, KeyboardEvent, MessageEvent, Window};

use crate::Frame;

/// `None` (and an inert page) when not framed or the fragment does not parse.
///
/// The page carries the number field's `<input id="field">` in its HTML, so the shopper can
/// type before this wasm arrives: it is adopted as it is (focus, value and caret kept), given
/// the attributes of the fragment's kind, and what was typed is formatted at once.
pub(crate) fn mount() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    // The page's input; without it (not our page), nothing to do.
    let input: HtmlInputElement = document.get_element_by_id("field")?.dyn_into().ok()?;
    let framed = framed_window(&window).and_then(|parent| {
        let params = FrameParams::parse(&window.location().hash().ok()?).ok()?;
        Some((parent, params))
    });
    let Some((parent, params)) = framed else {
        // Inert: no field to type into (what was typed stays here, and goes with the page).
        input.remove();
        return None;
    };
    let input = field_input(&document, input, &params);
    let frame = Rc::new(Frame::new(window, parent, input, params));
    listen_all(&frame);
    frame.adopt(&document);
    announce(&frame);
    Some(())
}

/// This window's parent, if it is framed.
fn framed_window(window: &Window) -> Option<Window> {
    let parent = window.parent().ok()??;
    if Object::is(&parent, window) {
        return None; // Not framed.
    }
    Some(parent)
}

/// The page's `<input>`, given the attributes of the fragment's kind; the page's `lang` set to
/// the fragment's locale.
fn field_input(
    document: &Document,
    input: HtmlInputElement,
    params: &FrameParams,
) -> HtmlInputElement {
    let (autocomplete, name, numeric) = match params.field {
        FieldKind::Number => ("cc-number", "cardnumber", true),
        FieldKind::Expiry => ("cc-exp", "exp-date", true),
        FieldKind::Cvv => ("cc-csc", "cvc", true),
        FieldKind::Holder => ("cc-name", "ccname", false),
    };
    // The page's input (`type=text`, `id=field`) has the number's attributes already; setting an
    // attribute to the value it has changes nothing (no event; the value, focus and caret stay).
    for (attr, value) in [
        ("name", name),
        ("autocomplete", autocomplete),
        ("dir", "ltr"),
        ("spellcheck", "false"),
        ("autocorrect", "off"),
        ("autocapitalize", if numeric { "off" } else { "words" }),
        ("aria-invalid", "false"),
        ("aria-label", params.field.code()),
    ] {
        let _ = input.set_attribute(attr, value);
    }
    if numeric {
        let _ = input.set_attribute("inputmode", "numeric");
    } else {
        let _ = input.remove_attribute("inputmode");
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", params.locale.as_str());
    }
    input
}

impl Frame {
    fn new(window: Window, parent: Window, input: HtmlInputElement, params: FrameParams) -> Self {
        Frame {
            window,
            parent,
            input,
            kind: params.field,
            channel: params.channel,
            origin: params.origin,
            brand: Cell::new(Brand::Unknown),
            brand_fixed: Cell::new(false),
            touched: Cell::new(false),
            focused: Cell::new(false),
            last_state: RefCell::new(String::new()),
            key: RefCell::new(None),
            binding: RefCell::new(None),
        }
    }
}

/// The parent's messages on the window; input, focus, blur and Enter on the input.
fn listen_all(frame: &Rc<Frame>) {
    listen(&frame.window, "message", {
        let frame = frame.clone();
        move |ev: Event| {
            if let Some(ev) = ev.dyn_ref::<MessageEvent>() {
                frame.on_message(ev);
            }
        }
    });
    listen(&frame.input, "input", {
        let frame = frame.clone();
        move |ev: Event| frame.on_input(&ev)
    });
    listen(&frame.input, "focus", {
        let frame = frame.clone();
        move |_| {
            frame.focused.set(true);
            frame.send_state(false);
        }
    });
    listen(&frame.input, "blur", {
        let frame = frame.clone();
        move |_| {
            frame.focused.set(false);
            frame.touched.set(true);
            frame.send_state(false);
        }
    });
    listen(&frame.input, "keydown", {
        let frame = frame.clone();
        move |ev: Event| {
            if ev
                .dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Enter")
            {
                ev.prevent_default();
                frame.post(&FrameToParent::Submit { field: frame.kind });
            }
        }
    });
}

/// Tells the parent the frame is ready and its first state; warms the key cache.
fn announce(frame: &Rc<Frame>) {
    frame.post(&FrameToParent::Ready { field: frame.kind });
    frame.send_state(true);
    // Warm the key cache; a failure here is retried by the first `encrypt`.
    if frame.kind != FieldKind::Holder {
        let frame = frame.clone();
        spawn_local(async move {
            let _ = frame.card_key().await;
        });
    }
}

/// Adds an event listener for the lifetime of the page.
fn listen(target: &web_sys::EventTarget, event: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}
