//! A checkout's states other than its form: loading, waiting, success, expired, error.

use leptos::prelude::*;
use paykka_core::CheckoutError;

use crate::context::CheckoutContext;

use super::style;

#[component]
pub fn LoadingView() -> impl IntoView {
    let ctx = CheckoutContext::expect();
    view! {
        <div class=style::status aria-busy="true">
            <span class=style::spinner aria-hidden="true"></span>
            <p>{ctx.t("dropin-loading")}</p>
        </div>
    }
}

/// The gateway is still deciding, or the page is leaving for the bank.
#[component]
pub fn AwaitingView(redirecting: bool) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let text = ctx.t(if redirecting {
        "dropin-redirecting"
    } else {
        "dropin-awaiting-result"
    });
    view! {
        <div class=style::status aria-busy="true">
            <span class=style::spinner aria-hidden="true"></span>
            <p>{text}</p>
        </div>
    }
}

#[component]
pub fn SuccessView(
    amount: String,
    order_id: Option<String>,
    /// Authorised, not yet captured (the shop captures later): said as such, not as paid.
    #[prop(optional)]
    authorized: bool,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let detail = order_id.map(|order| {
        ctx.i18n()
            .t_with("dropin-success-order", &[("order", order.into())])
    });
    let title = ctx.t(if authorized {
        "dropin-authorized-title"
    } else {
        "dropin-success-title"
    });
    view! {
        <div class=style::result data-result=if authorized { "authorized" } else { "success" }>
            <span class=style::result_icon aria-hidden="true">"✓"</span>
            <h3 class=style::result_title>{title}</h3>
            <p class=style::result_amount dir="ltr">{amount}</p>
            {authorized.then(|| view! { <p class=style::result_detail>{ctx.t("dropin-authorized-detail")}</p> })}
            {detail.map(|d| view! { <p class=style::result_detail>{d}</p> })}
        </div>
    }
}

#[component]
pub fn ExpiredView() -> impl IntoView {
    let ctx = CheckoutContext::expect();
    view! {
        <div class=style::result data-result="expired" role="alert">
            <span class=style::result_icon aria-hidden="true">"⏱"</span>
            <h3 class=style::result_title>{ctx.t("dropin-expired-title")}</h3>
            <p class=style::result_detail>{ctx.t("error-session-expired")}</p>
        </div>
    }
}

/// The checkout cannot go on: says why, and offers a retry when one can help.
#[component]
pub fn ErrorView(
    error: CheckoutError,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = CheckoutContext::expect();
    let retry_label = ctx.t("dropin-retry");
    view! {
        <div class=style::result data-result="error" role="alert">
            <h3 class=style::result_title>{ctx.t("dropin-error-title")}</h3>
            <p class=style::result_detail>{ctx.t(error.message_id())}</p>
            {on_retry.filter(|_| error.is_retryable()).map(|retry| view! {
                <button class=style::secondary type="button" on:click=move |_| retry.run(())>{retry_label}</button>
            })}
        </div>
    }
}
