//! The card form: number, expiry, security code and holder name, formatted and checked as the
//! shopper types. (The secure-frame variant, where these inputs live on the payment provider's
//! origin, builds on the same validation rules.)

pub mod validation;

use leptos::ev::{Event, FocusEvent, SubmitEvent};
use leptos::html::Input;
use leptos::prelude::*;
use paykka_core::{
    Amount, Brand, CheckoutError, Expiry, Reformatted, digits_only, reformat_card_number,
    reformat_cvv, reformat_expiry, reformat_expiry_on_delete,
};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::components::internal::{BrandBadge, current_month, unique_id_prefix};
use crate::context::CheckoutContext;
use crate::i18n::intl::format_amount;
use validation::FieldVerdict;

stylance::import_crate_style!(style, "src/components/card/card.module.css");

/// What the merchant learns about a submitted card: enough to show it, never enough to charge it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardSummary {
    /// The card's brand.
    pub brand: Brand,
    /// The last four digits.
    pub last4: String,
    /// Expiry month, 1 to 12.
    pub expiry_month: u8,
    /// Expiry year, four digits.
    pub expiry_year: u16,
}

/// A card form with live brand detection, grouping, caret-preserving formatting and localized,
/// accessible errors. Must be rendered inside a [`crate::components::CheckoutScope`].
///
/// Its inputs are plain inputs of the page, so the card is in the page's DOM: take payments
/// with [`crate::components::SecureCardForm`] or the Drop-in (secure frames, SAQ A, see
/// SECURITY.md); this form is for tests and for trying the card logic.
///
/// ```no_run
/// use leptos::prelude::*;
/// use paykka_checkout::components::{CardForm, CardSummary, CheckoutScope};
/// use paykka_checkout::core::{Amount, Currency};
///
/// let amount = Amount::new(4999, Currency::parse("USD").unwrap()).unwrap();
/// leptos::mount::mount_to_body(move || view! {
///     <CheckoutScope locale="en-US">
///         <CardForm
///             amount=amount
///             on_submit=|card: CardSummary| leptos::logging::log!("{:?} {}", card.brand, card.last4)
///         />
///     </CheckoutScope>
/// });
/// ```
// Long on purpose: four fields' state, formatting and markup in one place, because the plain
// form is one unit a merchant audits for PCI scope; the field logic itself is in `validation`.
#[component]
pub fn CardForm(
    /// Amount shown on the pay button; without it the form has no button of its own and the
    /// merchant submits it (Enter still submits).
    #[prop(optional, into)]
    amount: Option<Amount>,
    /// Leaves out the cardholder name field.
    #[prop(optional)]
    hide_holder_name: bool,
    /// Called when the shopper submits a complete, valid card.
    #[prop(optional, into)]
    on_submit: Option<Callback<CardSummary>>,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let id = unique_id_prefix();
    let today = current_month();

    let number = RwSignal::new(String::new());
    let expiry = RwSignal::new(String::new());
    let cvv = RwSignal::new(String::new());
    let holder = RwSignal::new(String::new());
    let touched = RwSignal::new([false; 4]);
    // Four separate refs: `[NodeRef::new(); 4]` would copy one arena handle four times.
    let [number_ref, expiry_ref, cvv_ref, holder_ref] =
        std::array::from_fn(|_| NodeRef::<Input>::new());

    let number_state =
        Memo::new(move |_| validation::card_number(&number.read(), touched.read()[0]));
    let brand = Memo::new(move |_| number_state.get().0);
    let number_verdict = Signal::derive(move || number_state.get().1);
    let expiry_verdict =
        Memo::new(move |_| validation::expiry(&expiry.read(), touched.read()[1], today));
    let cvv_verdict =
        Memo::new(move |_| validation::security_code(&cvv.read(), brand.get(), touched.read()[2]));
    let holder_verdict =
        Memo::new(move |_| validation::holder_name(&holder.read(), touched.read()[3]));

    // A brand change can make a typed security code too long (Visa 3 -> Amex 4 is fine, the
    // reverse is not): re-trim it so the field never holds more than the brand allows.
    Effect::new(move |_| {
        let brand = brand.get();
        let trimmed = reformat_cvv(&cvv.get_untracked(), usize::MAX, brand).value;
        if trimmed != cvv.get_untracked() {
            if let Some(input) = cvv_ref.get_untracked() {
                input.set_value(&trimmed);
            }
            cvv.set(trimmed);
        }
    });

    let on_number_input = move |ev: Event| {
        let value = reformat_on_input(&ev, reformat_card_number);
        number.set(value);
        if number_state.get_untracked().1.complete && caret_at_end(&ev) {
            focus(expiry_ref);
        }
    };
    let on_expiry_input = move |ev: Event| {
        // Backspacing over "04/" must not bring the slash (or the leading 0) straight back.
        let deleting = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|input| input.input_type().starts_with("delete"));
        let reformat = if deleting {
            reformat_expiry_on_delete
        } else {
            reformat_expiry
        };
        expiry.set(reformat_on_input(&ev, reformat));
        if expiry_verdict.get_untracked().complete && caret_at_end(&ev) {
            focus(cvv_ref);
        }
    };
    let on_cvv_input = move |ev: Event| {
        let brand = brand.get_untracked();
        cvv.set(reformat_on_input(&ev, |raw, caret| {
            reformat_cvv(raw, caret, brand)
        }));
    };
    let on_holder_input = move |ev: Event| holder.set(event_target_value(&ev));

    let announce_on_blur = {
        let ctx = ctx.clone();
        move |field: usize, verdict: Signal<FieldVerdict>| {
            let ctx = ctx.clone();
            move |_: FocusEvent| {
                touched.update(|t| t[field] = true);
                if let Some(error) = verdict.get_untracked().visible_error() {
                    ctx.announce(ctx.t(error.message_id()));
                }
            }
        }
    };

    let submit = {
        let ctx = ctx.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            touched.set([true; 4]);
            let checks = [
                (number_verdict.get_untracked().error, number_ref),
                (expiry_verdict.get_untracked().error, expiry_ref),
                (cvv_verdict.get_untracked().error, cvv_ref),
                (
                    holder_verdict
                        .get_untracked()
                        .error
                        .filter(|_| !hide_holder_name),
                    holder_ref,
                ),
            ];
            let invalid: Vec<_> = checks.iter().filter(|(error, _)| error.is_some()).collect();
            if let Some((_, first)) = invalid.first() {
                focus(*first);
                let count = invalid.len();
                ctx.announce(
                    ctx.i18n()
                        .t_with("card-form-invalid", &[("count", count.into())]),
                );
                return;
            }
            let digits = digits_only(&number.get_untracked());
            let Ok(expiry) = Expiry::parse(&expiry.get_untracked(), today) else {
                return;
            };
            ctx.announce(ctx.t("card-form-complete"));
            if let Some(on_submit) = on_submit {
                on_submit.run(CardSummary {
                    brand: brand.get_untracked(),
                    last4: digits[digits.len().saturating_sub(4)..].to_owned(),
                    expiry_month: expiry.month(),
                    expiry_year: expiry.year(),
                });
            }
        }
    };

    let error_text = {
        let ctx = ctx.clone();
        move |verdict: Signal<FieldVerdict>| {
            let ctx = ctx.clone();
            Signal::derive(move || {
                verdict
                    .get()
                    .visible_error()
                    .map(|e: CheckoutError| ctx.t(e.message_id()))
            })
        }
    };
    let number_error = error_text(number_verdict);
    let expiry_error = error_text(expiry_verdict.into());
    let cvv_error = error_text(cvv_verdict.into());
    let holder_error = error_text(holder_verdict.into());

    let cvv_hint = {
        let ctx = ctx.clone();
        move || {
            let brand = brand.get();
            let location = if brand == Brand::Amex {
                "front"
            } else {
                "back"
            };
            ctx.i18n().t_with(
                "card-cvv-hint",
                &[
                    ("digits", brand.cvv_length().into()),
                    ("location", location.into()),
                ],
            )
        }
    };

    let pay_label = amount.map(|amount| {
        let formatted = format_amount(&amount, ctx.i18n().locale());
        ctx.i18n()
            .t_with("pay-button", &[("amount", formatted.into())])
    });

    let ids = FieldIds::new(&id);
    view! {
        <form class=style::card_form novalidate on:submit=submit>
            <div class=style::field>
                <label class=style::label for=ids.number.clone()>{ctx.t("card-number-label")}</label>
                <div class=style::input_wrap>
                    <input
                        id=ids.number.clone()
                        node_ref=number_ref
                        class=style::input
                        type="text"
                        name="cardnumber"
                        inputmode="numeric"
                        autocomplete="cc-number"
                        dir="ltr"
                        spellcheck="false"
                        placeholder="1234 1234 1234 1234"
                        aria-invalid=move || bool_attr(number_error.get().is_some())
                        aria-describedby=described_by(number_error, ids.number_error.clone(), None)
                        on:input=on_number_input
                        on:blur=announce_on_blur(0, number_verdict)
                    />
                    <BrandBadge brand=brand />
                </div>
                <p class=style::error id=ids.number_error.clone()>{move || number_error.get()}</p>
            </div>
            <div class=style::row>
                <div class=style::field>
                    <label class=style::label for=ids.expiry.clone()>{ctx.t("card-expiry-label")}</label>
                    <input
                        id=ids.expiry.clone()
                        node_ref=expiry_ref
                        class=style::input
                        type="text"
                        name="exp-date"
                        inputmode="numeric"
                        autocomplete="cc-exp"
                        dir="ltr"
                        spellcheck="false"
                        placeholder=ctx.t("card-expiry-placeholder")
                        aria-invalid=move || bool_attr(expiry_error.get().is_some())
                        aria-describedby=described_by(expiry_error, ids.expiry_error.clone(), None)
                        on:input=on_expiry_input
                        on:blur=announce_on_blur(1, expiry_verdict.into())
                    />
                    <p class=style::error id=ids.expiry_error.clone()>{move || expiry_error.get()}</p>
                </div>
                <div class=style::field>
                    <label class=style::label for=ids.cvv.clone()>{ctx.t("card-cvv-label")}</label>
                    <input
                        id=ids.cvv.clone()
                        node_ref=cvv_ref
                        class=style::input
                        type="text"
                        name="cvc"
                        inputmode="numeric"
                        autocomplete="cc-csc"
                        dir="ltr"
                        spellcheck="false"
                        placeholder=move || "•".repeat(usize::from(brand.get().cvv_length()))
                        aria-invalid=move || bool_attr(cvv_error.get().is_some())
                        aria-describedby=described_by(cvv_error, ids.cvv_error.clone(), Some(ids.cvv_hint.clone()))
                        on:input=on_cvv_input
                        on:blur=announce_on_blur(2, cvv_verdict.into())
                    />
                    <p class=style::hint id=ids.cvv_hint.clone()>{cvv_hint}</p>
                    <p class=style::error id=ids.cvv_error.clone()>{move || cvv_error.get()}</p>
                </div>
            </div>
            <Show when=move || !hide_holder_name>
                <div class=style::field>
                    <label class=style::label for=ids.holder.clone()>{ctx.t("card-holder-label")}</label>
                    <input
                        id=ids.holder.clone()
                        node_ref=holder_ref
                        class=style::input
                        type="text"
                        name="ccname"
                        autocomplete="cc-name"
                        spellcheck="false"
                        aria-invalid=move || bool_attr(holder_error.get().is_some())
                        aria-describedby=described_by(holder_error, ids.holder_error.clone(), None)
                        on:input=on_holder_input
                        on:blur=announce_on_blur(3, holder_verdict.into())
                    />
                    <p class=style::error id=ids.holder_error.clone()>{move || holder_error.get()}</p>
                </div>
            </Show>
            {pay_label.map(|label| view! { <button class=style::pay type="submit">{label}</button> })}
        </form>
    }
}

/// Element ids of one form, derived from its mount-unique prefix.
#[derive(Clone)]
struct FieldIds {
    number: String,
    number_error: String,
    expiry: String,
    expiry_error: String,
    cvv: String,
    cvv_hint: String,
    cvv_error: String,
    holder: String,
    holder_error: String,
}

impl FieldIds {
    fn new(prefix: &str) -> Self {
        let id = |name: &str| format!("{prefix}-{name}");
        Self {
            number: id("number"),
            number_error: id("number-error"),
            expiry: id("expiry"),
            expiry_error: id("expiry-error"),
            cvv: id("cvv"),
            cvv_hint: id("cvv-hint"),
            cvv_error: id("cvv-error"),
            holder: id("holder"),
            holder_error: id("holder-error"),
        }
    }
}

fn bool_attr(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

/// `aria-describedby`: the hint always, the error only while it is shown.
fn described_by(
    error: Signal<Option<String>>,
    error_id: String,
    hint_id: Option<String>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let error_id = error.get().map(|_| error_id.as_str());
        let ids: Vec<&str> = hint_id.as_deref().into_iter().chain(error_id).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// Rewrites the input's value through `reformat`, keeping the caret next to the digit the
/// shopper just typed, and returns the new value.
fn reformat_on_input(ev: &Event, reformat: impl Fn(&str, usize) -> Reformatted) -> String {
    let input: HtmlInputElement = event_target(ev);
    let raw = input.value();
    let caret = input
        .selection_start()
        .ok()
        .flatten()
        .map_or(usize::MAX, |c| c as usize);
    let out = reformat(&raw, caret);
    if out.value != raw {
        input.set_value(&out.value);
    }
    if is_focused(&input) {
        let caret = out.caret as u32;
        let _ = input.set_selection_range(caret, caret);
    }
    out.value
}

fn caret_at_end(ev: &Event) -> bool {
    let input: HtmlInputElement = event_target(ev);
    let len = input.value().len() as u32;
    input
        .selection_end()
        .ok()
        .flatten()
        .is_none_or(|end| end >= len)
}

fn is_focused(input: &HtmlInputElement) -> bool {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    active.is_some_and(|active| active == ***input)
}

fn focus(target: NodeRef<Input>) {
    if let Some(input) = target.get_untracked() {
        let _ = input.focus();
    }
}
