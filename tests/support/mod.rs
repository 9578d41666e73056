//! Browser test helpers: mount a view into a fresh element, drive it like a shopper, clean up.

#![allow(dead_code)]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

/// A view mounted into its own `<div>`; dropping it unmounts the view and removes the div, so
/// no test sees another's DOM.
pub struct Mounted {
    container: HtmlElement,
    handle: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
}

pub fn mount<F, V>(view: F) -> Mounted
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || view().into_any());
    Mounted {
        container,
        handle: Some(handle),
    }
}

impl Mounted {
    pub fn container(&self) -> &HtmlElement {
        &self.container
    }

    /// The form control whose `<label>` reads exactly `text`, as a shopper finds it.
    pub fn input_by_label(&self, text: &str) -> HtmlInputElement {
        let labels = self.container.query_selector_all("label").unwrap();
        for i in 0..labels.length() {
            let label: Element = labels.item(i).unwrap().unchecked_into();
            if label.text_content().unwrap_or_default().trim() == text {
                let id = label
                    .get_attribute("for")
                    .expect("label has a for attribute");
                return document()
                    .get_element_by_id(&id)
                    .expect("labelled control exists")
                    .unchecked_into();
            }
        }
        panic!("no field labelled {text:?}");
    }

    pub fn query(&self, selector: &str) -> Option<Element> {
        self.container.query_selector(selector).unwrap()
    }

    pub fn button_by_text(&self, text: &str) -> HtmlElement {
        let buttons = self.container.query_selector_all("button").unwrap();
        (0..buttons.length())
            .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button {text:?}"))
    }

    /// What the polite live region says now.
    pub fn live_region_text(&self) -> String {
        self.query("[role=status][aria-live=polite]")
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    /// The text of the element that `aria-describedby` of `input` points at, joined.
    pub fn description_of(&self, input: &HtmlInputElement) -> String {
        input
            .get_attribute("aria-describedby")
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|id| document().get_element_by_id(id))
            .filter_map(|e| e.text_content())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.container.remove();
    }
}

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Types `text` one character at a time at the caret, firing `input` after each, as a keyboard does.
pub async fn type_text(input: &HtmlInputElement, text: &str) {
    input.focus().unwrap();
    for ch in text.chars() {
        let value = input.value();
        let caret = input
            .selection_start()
            .unwrap()
            .map_or(value.encode_utf16().count(), |c| c as usize);
        let units: Vec<u16> = value.encode_utf16().collect();
        let (before, after) = units.split_at(caret.min(units.len()));
        let mut buf = [0u16; 2];
        let next: Vec<u16> = before
            .iter()
            .chain(ch.encode_utf16(&mut buf).iter())
            .chain(after)
            .copied()
            .collect();
        input.set_value(&String::from_utf16_lossy(&next));
        let caret = (before.len() + ch.len_utf16()) as u32;
        input.set_selection_range(caret, caret).unwrap();
        fire(input, "input").await;
    }
}

/// Replaces the whole value at once, as a paste or browser autofill does.
pub async fn paste(input: &HtmlInputElement, text: &str) {
    input.focus().unwrap();
    input.set_value(text);
    let end = text.encode_utf16().count() as u32;
    input.set_selection_range(end, end).unwrap();
    fire(input, "input").await;
}

/// Moves focus away from `input`, firing `blur` on it.
pub async fn blur(input: &HtmlInputElement) {
    let focused = document()
        .active_element()
        .is_some_and(|active| active == ***input);
    if focused {
        // A real blur: the browser fires the event itself.
        input.blur().unwrap();
        leptos::task::tick().await;
    } else {
        fire(input, "blur").await;
    }
}

pub async fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(kind != "blur");
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
    leptos::task::tick().await;
}

pub async fn click(element: &HtmlElement) {
    element.click();
    leptos::task::tick().await;
}
