//! The QR panel of a wallet payment (WeChat Pay, Alipay+): the gateway's payload as a
//! QR code drawn in the browser, a countdown to its expiry, an "open the app" link on small
//! screens and a copy button. Polling the result is the owner's (the Drop-in's) job.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use leptos::prelude::*;
use paykka_core::methods::PaymentMethod;
use qrcodegen::{QrCode, QrCodeEcc};

use crate::context::CheckoutContext;

// Shared with the Drop-in's method list, which shows the same marks.
stylance::import_crate_style!(pub(crate) style, "src/components/qr/qr.module.css");

/// The QR code's modules as one SVG path (`M x,y h1 v1 h-1 z` per dark module), with its size.
/// `None` when the payload does not fit a QR code (over ~2.3 KB).
pub(crate) fn qr_svg_path(payload: &str) -> Option<(i32, String)> {
    let qr = QrCode::encode_text(payload, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut path = String::with_capacity((size * size) as usize * 4);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if qr.get_module(x, y) {
                // One rectangle per horizontal run: a far shorter path than one per module.
                let start = x;
                while x < size && qr.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    Some((size, path))
}

/// `mm:ss` of a number of seconds left (never negative).
pub(crate) fn countdown_text(seconds_left: i64) -> String {
    let s = seconds_left.max(0);
    format!("{:02}:{:02}", s / 60, s % 60)
}

/// Which spoken reminder, if any, a countdown crossing from `before` to `now` seconds deserves:
/// screen readers hear the minutes left at 10, 5 and 1 minute(s), not every second.
pub(crate) fn reminder_minutes(before: i64, now: i64) -> Option<i64> {
    [600, 300, 60]
        .into_iter()
        .find(|&mark| before > mark && now <= mark)
        .map(|mark| mark / 60)
}

/// Milliseconds since the epoch of an RFC 3339 time, by the browser's parser.
fn parse_time_ms(text: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(text);
    ms.is_finite().then_some(ms)
}

/// The QR code to scan, with its countdown.
///
/// ```no_run
/// use leptos::prelude::*;
/// use paykka_checkout::components::{CheckoutScope, QrPanel};
/// use paykka_checkout::core::methods::lookup;
///
/// leptos::mount::mount_to_body(|| view! {
///     <CheckoutScope locale="en-US">
///         <QrPanel method=*lookup("WechatPayGlobal").unwrap() payload="https://pay.example/qr/123" amount="HK$1,000.00" />
///     </CheckoutScope>
/// });
/// ```
// Long because it is mostly markup (code, instructions, countdown, copy and open-app buttons);
// the countdown and copy state are the only logic, kept beside what they drive.
#[component]
pub fn QrPanel(
    /// The wallet, from the catalogue.
    method: PaymentMethod,
    /// What the QR code holds (the gateway's `qr_code`).
    #[prop(into)]
    payload: String,
    /// The amount as the shopper reads it.
    #[prop(into)]
    amount: String,
    /// When the code stops working (RFC 3339); 15 minutes from now when absent.
    #[prop(optional, into)]
    expires_at: Option<String>,
    /// Called once when the countdown reaches zero.
    #[prop(optional, into)]
    on_expired: Option<Callback<()>>,
    /// True while the owner cannot reach its backend to learn the result: the panel says the
    /// connection is lost and that it keeps checking (the code itself stays valid).
    #[prop(optional, into)]
    reconnecting: Signal<bool>,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let now = js_sys::Date::now();
    let deadline = expires_at
        .as_deref()
        .and_then(parse_time_ms)
        .unwrap_or(now + 15.0 * 60_000.0);
    let seconds_left = move || ((deadline - js_sys::Date::now()) / 1000.0).ceil() as i64;
    let left = RwSignal::new(seconds_left());

    // One tick a second for the visible clock; it stops at zero and on unmount. The handle lives
    // outside the reactive owner: on unmount the owner's values may be gone before its cleanups
    // run, and a timer left running would then touch a disposed signal.
    let tick_ctx = ctx.clone();
    let handle = Arc::new(OnceLock::<IntervalHandle>::new());
    let tick_handle = handle.clone();
    let tick = move || {
        let Some(before) = left.try_get_untracked() else {
            if let Some(h) = tick_handle.get() {
                h.clear();
            }
            return;
        };
        let now = seconds_left().max(0);
        if now == before {
            return;
        }
        left.set(now);
        if let Some(minutes) = reminder_minutes(before, now) {
            tick_ctx.announce(
                tick_ctx
                    .i18n()
                    .t_with("qr-time-left", &[("minutes", minutes.into())]),
            );
        }
        if now == 0 {
            if let Some(h) = tick_handle.get() {
                h.clear();
            }
            if let Some(on_expired) = on_expired {
                on_expired.try_run(());
            }
        }
    };
    if let Ok(h) = set_interval_with_handle(tick, Duration::from_millis(1000)) {
        let _ = handle.set(h);
    }
    on_cleanup(move || {
        if let Some(h) = handle.get() {
            h.clear();
        }
    });

    let name = method.name;
    let qr = qr_svg_path(&payload);
    let qr_label = ctx
        .i18n()
        .t_with("qr-code-label", &[("method", name.into())]);
    let instructions = ctx
        .i18n()
        .t_with("qr-instructions", &[("method", name.into())]);
    let open_app = ctx.i18n().t_with("qr-open-app", &[("method", name.into())]);
    let copy_label = ctx.t("qr-copy");
    let copied = ctx.t("qr-copied");
    let copy_ctx = ctx.clone();
    let copy_payload = payload.clone();
    let copy = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let _ = window.navigator().clipboard().write_text(&copy_payload);
        copy_ctx.announce(copied.clone());
    };
    let time_left_label = ctx.t("qr-expires-in");
    let reconnecting_text = ctx.t("qr-reconnecting");

    view! {
        <div class=style::qr data-method=method.code>
            <p class=style::heading>
                <span class=style::mark data-method=method.code aria-hidden="true">{method.mark}</span>
                <span>{name}</span>
            </p>
            <p class=style::amount dir="ltr">{amount}</p>
            {qr.map(|(size, path)| {
                let quiet = 4;
                let view_box = format!("-{quiet} -{quiet} {} {}", size + 2 * quiet, size + 2 * quiet);
                view! {
                    <svg class=style::code viewBox=view_box role="img" aria-label=qr_label.clone() shape-rendering="crispEdges">
                        <rect x=-quiet y=-quiet width=size + 2 * quiet height=size + 2 * quiet fill="#fff"></rect>
                        <path d=path fill="#000"></path>
                    </svg>
                }
            })}
            <p class=style::instructions>{instructions}</p>
            // Always in the DOM, so that assistive technology announces the text when it appears.
            <p class=style::reconnecting role="status">{move || reconnecting.get().then(|| reconnecting_text.clone())}</p>
            <p class=style::countdown>
                <span>{time_left_label}" "</span>
                // The clock ticks every second: screen readers get the reminders instead.
                <time class=style::clock aria-hidden="true" dir="ltr">{move || countdown_text(left.get())}</time>
            </p>
            <div class=style::actions>
                <a class=style::open_app href=payload.clone() rel="noopener noreferrer">{open_app}</a>
                <button type="button" class=style::copy on:click=copy>{copy_label}</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_becomes_a_square_of_runs() {
        let (size, path) = qr_svg_path("http://127.0.0.1:8788/approve/GW0123456789").unwrap();
        assert!((21..=177).contains(&size), "{size}");
        assert!(
            path.starts_with("M0 0h7v1h-7z"),
            "finder pattern first: {}",
            &path[..20]
        );
    }

    #[test]
    fn a_payload_too_long_for_any_qr_code_is_refused_not_a_panic() {
        assert!(qr_svg_path(&"x".repeat(5000)).is_none());
        assert!(qr_svg_path("").is_some());
    }

    #[test]
    fn the_countdown_reads_minutes_and_seconds() {
        for (seconds, text) in [
            (900, "15:00"),
            (61, "01:01"),
            (9, "00:09"),
            (0, "00:00"),
            (-5, "00:00"),
        ] {
            assert_eq!(countdown_text(seconds), text);
        }
    }

    #[test]
    fn reminders_are_spoken_at_ten_five_and_one_minute_only() {
        assert_eq!(reminder_minutes(601, 600), Some(10));
        assert_eq!(reminder_minutes(600, 599), None);
        assert_eq!(reminder_minutes(301, 299), Some(5));
        assert_eq!(reminder_minutes(61, 60), Some(1));
        assert_eq!(reminder_minutes(45, 44), None);
        assert_eq!(reminder_minutes(900, 899), None);
    }
}
