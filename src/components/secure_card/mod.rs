//! The card form whose inputs live in cross-origin iframes on the payment provider's origin:
//! the merchant page only ever sees brand, validity, BIN-6, last four and ciphertext.
//!
//! [`CardFrames`] is the parent's end of the frame protocol (`paykka_core::frame_protocol`):
//! it builds each frame's URL with a per-mount random channel, accepts a message only from the
//! frames' origin, from one of its own frames' windows, on its channel and of a valid shape,
//! and names the frames' exact origin in everything it posts. Without random bytes for the
//! channel (`crypto.getRandomValues` missing or failing) it loads no frame, shows
//! [`CheckoutError::RandomnessUnavailable`](paykka_core::CheckoutError::RandomnessUnavailable) and refuses to encrypt: a guessable channel would let
//! another page speak for the frames.

use leptos::html::Iframe;
use leptos::prelude::*;
use paykka_core::frame_protocol::FieldKind;
use paykka_core::{Brand, HolderNamePolicy};

use crate::components::internal::{BrandBadge, mount_watch, unique_id_prefix};
use crate::context::CheckoutContext;

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

mod channel;
mod frames;
mod prewarm;

use frames::index;
pub use frames::{CardFormOptions, CardFrames, FieldTexts};
pub use prewarm::{offer_prewarmed_number_frame, withdraw_prewarmed_number_frame};
use prewarm::{prewarm_field, take_prewarmed};

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
            {(frames.holder_name() != HolderNamePolicy::Hidden)
                .then(|| view! { <SecureField frames=frames kind=FieldKind::Holder /> })}
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
// Long because it is mostly markup and the frame's lifecycle (adopting the loader's early
// frame, its box, label, badge, hint and error), each step commented where it happens.
#[component]
pub fn SecureField(
    /// The controller this field's frame belongs to.
    frames: CardFrames,
    /// Which field: number, expiry, security code or holder name.
    kind: FieldKind,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let id = unique_id_prefix();
    // The frames' signals outlive this field (Component mode): it watches them through one
    // memo of its own, which leaves no subscription in them when the field goes (`mount_watch`).
    let (brand, state, error) = (
        frames.brand(),
        frames.state(kind),
        frames.visible_error(kind),
    );
    let may_load = frames.0.others_may_load;
    let watch = mount_watch(Box::new(move || {
        brand.get();
        state.get();
        error.get();
        may_load.get();
    }));
    let brand = Signal::derive(move || {
        watch.get();
        untrack(|| brand.get())
    });
    let state = move || {
        watch.get();
        untrack(|| state.get())
    };
    let error = move || {
        watch.get();
        untrack(|| error.get())
    };
    let frames_for_ref = frames.clone();
    let frames_for_click = frames.clone();
    frames.field_mounted(kind);
    let frames_for_cleanup = send_wrapper::SendWrapper::new(frames.clone());
    on_cleanup(move || frames_for_cleanup.field_unmounted(kind));
    let node_ref = NodeRef::<Iframe>::new();
    // Not `on_load`: it may run only once, and a field's frame element can be created again.
    Effect::new(move |_| {
        if let Some(iframe) = node_ref.get() {
            frames_for_ref.attach(kind, iframe);
        }
    });
    let error_ctx = ctx.clone();
    let error_text = move || error().map(|e| error_ctx.t(e.message_id()));
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
    let shown = Memo::new(move |_| {
        watch.get();
        !waits_for_number || untrack(|| may_load.get())
    });
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
            <BrandBadge brand=brand />
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
                data-focused=move || state().is_some_and(|s| s.focused).to_string()
                data-invalid=move || error().is_some().to_string()
            >
                {iframe}
                {badge}
            </div>
            {hint}
            <p class=style::error id=error_id>{error_text}</p>
        </div>
    }
}
