//! Under every request: its timeout, path encoding, and waiting for two requests at once.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

/// Session ids come from the merchant page: keep them inside one path segment.
pub(super) fn encode_path(segment: &str) -> String {
    js_sys::encode_uri_component(segment)
        .as_string()
        .unwrap_or_default()
}

/// A request's timeout: aborts it when it fires, and is cleared when the request ends or is
/// abandoned (an unmount). The timer calls the controller's own `abort`, bound in JS: no Rust
/// closure to leak if it never fires, or to find dropped if it fires late.
pub(super) struct RequestTimer {
    window: web_sys::Window,
    handle: Option<i32>,
}

impl RequestTimer {
    pub(super) fn start(
        window: &web_sys::Window,
        timeout: &AbortController,
        timeout_ms: u32,
    ) -> Self {
        let abort = js_sys::Reflect::get(timeout.as_ref(), &JsValue::from_str("abort"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .map(|abort| abort.bind0(timeout.as_ref()));
        let handle = abort.and_then(|abort| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&abort, timeout_ms as i32)
                .ok()
        });
        Self {
            window: window.clone(),
            handle,
        }
    }
}

impl Drop for RequestTimer {
    fn drop(&mut self) {
        if let Some(handle) = self.handle {
            self.window.clear_timeout_with_handle(handle);
        }
    }
}

/// Runs two futures at once and waits for both (the crate has no `futures` dependency for this).
pub(crate) async fn join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    use std::pin::pin;
    use std::task::Poll;
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut a_out, mut b_out) = (None, None);
    std::future::poll_fn(move |cx| {
        if a_out.is_none()
            && let Poll::Ready(v) = a.as_mut().poll(cx)
        {
            a_out = Some(v);
        }
        if b_out.is_none()
            && let Poll::Ready(v) = b.as_mut().poll(cx)
        {
            b_out = Some(v);
        }
        if a_out.is_some() && b_out.is_some() {
            return Poll::Ready((
                a_out.take().expect("checked"),
                b_out.take().expect("checked"),
            ));
        }
        Poll::Pending
    })
    .await
}
