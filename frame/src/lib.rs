//! The secure card field frame.
//!
//! One `<input>` on the payment provider's origin, in a cross-origin iframe of the merchant
//! page. The frame reads what to render from its URL fragment
//! (`card-field.html#field=number&ch=<32 hex>&origin=<parent origin>&locale=<tag>`, see
//! [`FrameParams`]), talks to its parent only through the messages of
//! [`paykka_core::frame_protocol`], and hands over card data only encrypted with the gateway's
//! card key (`GET /card-key`, RSA-OAEP SHA-256 through WebCrypto).
//!
//! What it accepts: a message whose `source` is `window.parent`, whose `origin` is the origin of
//! the fragment, whose `data` is a string that decodes with the fragment's channel. Anything
//! else is dropped without a word. Every `postMessage` names that origin, never `"*"`.
//!
//! Nothing here unwraps what comes from outside: a wrong fragment leaves an inert page, a
//! failing key fetch answers `failed` (and is retried on the next `encrypt`).
//!
//! Modules: [`mount`] adopts the page's input (typed into before the wasm, maybe) and wires its
//! events, [`input`] the field's value (formatting, state, what to encrypt), [`messages`] the
//! talk with the parent, [`crypto`] the card key and the envelopes through WebCrypto.
//!
//! [`FrameParams`]: paykka_core::frame_protocol::FrameParams

#![forbid(unsafe_code)]

mod crypto;
mod input;
mod messages;
mod mount;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use paykka_core::Brand;
use paykka_core::frame_protocol::{Binding, Channel, FieldKind, Origin};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlInputElement, Window};

use crate::crypto::Key;

struct Frame {
    window: Window,
    parent: Window,
    input: HtmlInputElement,
    kind: FieldKind,
    channel: Channel,
    origin: Origin,
    /// The CVV frame's brand: from `brand` messages, or fixed by `configure` (stored card).
    brand: Cell<Brand>,
    brand_fixed: Cell<bool>,
    touched: Cell<bool>,
    focused: Cell<bool>,
    /// The last `state` sent, to send each state once.
    last_state: RefCell<String>,
    key: RefCell<Option<Rc<Key>>>,
    /// The checkout this field's envelopes are sealed for (`configure`'s `sid`, `mid`).
    binding: RefCell<Option<Binding>>,
}

/// Entry point: called by the wasm-bindgen glue once the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    // A fragment that does not parse, or no parent: nothing to talk to, stay inert.
    let _ = mount::mount();
}
