//! What the checkout asks of the browser window itself: navigation, the page's address, the
//! shopper's languages, timers. Shared by every component, so none reaches into another.

/// Sends the top window to the issuer's or wallet's page: a GET, or a form POST.
pub fn redirect(url: &str, post: bool, data: &[(String, String)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !post {
        let _ = window.location().assign(url);
        return;
    }
    let Some(document) = window.document() else {
        return;
    };
    let Ok(form) = document.create_element("form") else {
        return;
    };
    let _ = form.set_attribute("method", "post");
    let _ = form.set_attribute("action", url);
    let _ = form.set_attribute("hidden", "");
    for (name, value) in data {
        if let Ok(input) = document.create_element("input") {
            let _ = input.set_attribute("type", "hidden");
            let _ = input.set_attribute("name", name);
            let _ = input.set_attribute("value", value);
            let _ = form.append_child(&input);
        }
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(&form);
        if let Ok(form) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlFormElement>(form) {
            let _ = form.submit();
        }
    }
}

/// This page's address without its query and fragment: where a shopper comes back to.
pub fn current_page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split(['?', '#']).next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Resolves after `ms` milliseconds (a `setTimeout` as a future).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
