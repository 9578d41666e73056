//! The `browser` member of a card payment: what this browser can tell the issuer for 3-D
//! Secure. Readings that fail (no window, a locked-down screen object) are left out; the
//! backend completes the user agent and language from the request's headers.

use paykka_core::browser_info::{DeviceType, screen_figure, timezone_offset};

use super::json::JsonBuilder;

/// Reads the screen, colour depth, time zone offset, language, user agent and device type.
pub fn describe() -> JsonBuilder {
    let Some(window) = web_sys::window() else {
        return JsonBuilder::new();
    };
    let navigator = window.navigator();
    let user_agent = navigator.user_agent().ok();
    let device = DeviceType::from_user_agent(
        user_agent.as_deref().unwrap_or_default(),
        navigator.max_touch_points().max(0) as u32,
    );
    let screen = window.screen().ok();
    let figure = |read: fn(&web_sys::Screen) -> Result<i32, wasm_bindgen::JsValue>| {
        screen
            .as_ref()
            .and_then(|s| read(s).ok())
            .and_then(|v| screen_figure(f64::from(v)))
    };
    JsonBuilder::new()
        .set_opt("user_agent", user_agent)
        .set_opt("language", navigator.language())
        .set_opt("color_depth", figure(web_sys::Screen::color_depth))
        .set_opt("screen_height", figure(web_sys::Screen::height))
        .set_opt("screen_width", figure(web_sys::Screen::width))
        .set_opt(
            "timezone_offset",
            timezone_offset(js_sys::Date::new_0().get_timezone_offset()),
        )
        .set("java_enabled", false)
        .set("device_type", device.code())
}
