//! Mounting and unmounting must give back the wasm memory it took. An effect's task ends on the
//! executor's next turn after its owner is cleaned up (reactive_graph wakes it one last time so it
//! can see its channel closed), so the cycles here yield to the event loop the way a page does
//! between a merchant's mount and unmount; without that, a tight synchronous loop piles up
//! ~0.45 KB of not-yet-finished tasks per effect.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// One turn of the event loop, so tasks woken by a disposal get to run and end.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Growth of the wasm memory over 1,000 runs of `cycle`, after 50 to warm the allocator up.
async fn growth(cycle: &dyn Fn()) -> f64 {
    for _ in 0..50 {
        cycle();
        next_turn().await;
    }
    let before = memory_bytes();
    for _ in 0..1000 {
        cycle();
        next_turn().await;
    }
    memory_bytes() - before
}

fn mount_and_unmount(view: fn() -> AnyView) {
    let element: web_sys::HtmlElement = support::document()
        .create_element("div")
        .unwrap()
        .unchecked_into();
    support::document()
        .body()
        .unwrap()
        .append_child(&element)
        .unwrap();
    drop(leptos::mount::mount_to(element.clone(), view));
    element.remove();
}

#[wasm_bindgen_test]
async fn a_static_view_mounted_and_unmounted_keeps_no_memory() {
    let grew =
        growth(&|| mount_and_unmount(|| view! { <div data-x="1">"x"</div> }.into_any())).await;
    assert_eq!(grew, 0.0);
}

#[wasm_bindgen_test]
async fn a_reactive_view_mounted_and_unmounted_keeps_no_memory() {
    let grew = growth(&|| {
        mount_and_unmount(|| {
            let count = RwSignal::new(1);
            view! { <div data-x=move || count.get()>{move || count.get()}</div> }.into_any()
        })
    })
    .await;
    assert_eq!(grew, 0.0, "grew by {grew} bytes over 1,000 mounts");
}

#[wasm_bindgen_test]
async fn a_view_reading_a_signal_that_outlives_it_keeps_no_memory() {
    // As a Component-mode field reads its checkout's signals: they live on after the field goes.
    let owner = Owner::new();
    let shared = owner.with(|| RwSignal::new(1));
    let grew = growth(&move || {
        let element: web_sys::HtmlElement = support::document()
            .create_element("div")
            .unwrap()
            .unchecked_into();
        support::document()
            .body()
            .unwrap()
            .append_child(&element)
            .unwrap();
        drop(leptos::mount::mount_to(element.clone(), move || {
            view! { <div data-x=move || shared.get()>{move || shared.get()}</div> }
        }));
        element.remove();
    })
    .await;
    assert_eq!(grew, 0.0, "grew by {grew} bytes over 1,000 mounts");
}
