//! The hosted page itself: its HTML (in the shopper's language), script and stylesheet, and
//! the headers that keep it from being framed or leaking its URL.

use super::answer::{error, load_session, merchant_name, no_session};
use super::sdk::sdk_version;
use crate::frames::security_headers;
use crate::gateway::GwError;
use crate::html::escape;
use crate::records::SessionRec;
use crate::state::Shared;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The page's own words ("Back to {merchant}", "Taking you back to {merchant}…") in the
/// shopper's language, from the SDK's locale files: the session's `display_locale`, else the
/// browser's first language, by exact tag then base language; English when none matches.
struct PageWords {
    lang: String,
    rtl: bool,
    back: String,
    returning: String,
}

fn page_words(
    st: &Shared,
    version: &str,
    session_locale: &str,
    accept_language: &str,
    merchant: &str,
) -> PageWords {
    let english = PageWords {
        lang: "en".into(),
        rtl: false,
        back: format!("Back to {merchant}"),
        returning: format!("Taking you back to {merchant}…"),
    };
    let Some(dir) = st.sdk_dir.as_ref().map(|d| d.join(version).join("locales")) else {
        return english;
    };
    let tags: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    let wanted = std::iter::once(session_locale)
        .chain(
            accept_language
                .split(',')
                .map(|part| part.split(';').next().unwrap_or_default()),
        )
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let base = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let mut chosen = None;
    for want in wanted {
        if base(want) == "en" {
            return english;
        }
        chosen = tags
            .iter()
            .find(|t| t.eq_ignore_ascii_case(want))
            .or_else(|| tags.iter().find(|t| base(t) == base(want)));
        if chosen.is_some() {
            break;
        }
    }
    let Some(tag) = chosen else { return english };
    let Ok(ftl) = std::fs::read_to_string(dir.join(tag).join("checkout.ftl")) else {
        return english;
    };
    let message = |id: &str| {
        ftl.lines()
            .find_map(|line| {
                line.strip_prefix(id)?
                    .trim_start()
                    .strip_prefix('=')
                    .map(str::trim)
            })
            .filter(|text| !text.is_empty() && !text.contains('\n'))
            .map(|text| text.replace("{ $merchant }", merchant))
    };
    match (message("merchant-back"), message("merchant-returning")) {
        (Some(back), Some(returning)) => PageWords {
            rtl: matches!(base(tag).as_str(), "ar" | "he"),
            lang: tag.clone(),
            back,
            returning,
        },
        _ => english,
    }
}

pub(super) async fn page(
    State(st): State<Shared>,
    UrlPath(session_id): UrlPath<String>,
    headers: HeaderMap,
) -> Result<Response, GwError> {
    let Some(s) = load_session(&st, &session_id)? else {
        return Ok(no_session());
    };
    let Some(version) = sdk_version(&st) else {
        return Ok(error(
            StatusCode::NOT_FOUND,
            "sdk_not_built",
            "the hosted page needs the SDK bundle: run scripts/build-sdk.sh (SANDBOX_SDK_DIR)",
        ));
    };
    let merchant = merchant_name(&st, &s.merchant_id).unwrap_or_default();
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let words = page_words(&st, &version, &s.display_locale, accept, &merchant);
    let html = render(&s, &merchant, &version, &words);
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    hosted_headers(response.headers_mut());
    Ok(response)
}

/// The page's HTML: every value escaped, the Drop-in mounted by `hosted.js`.
fn render(s: &SessionRec, merchant: &str, version: &str, words: &PageWords) -> String {
    let back = s.return_url.clone().unwrap_or_default();
    let initial = merchant
        .chars()
        .next()
        .map(|c| c.to_uppercase().to_string())
        .unwrap_or_default();
    format!(
        r#"<!doctype html>
<html lang="{lang}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pay {merchant}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/hp/hosted.css">
<script src="/sdk/{version}/paykka-checkout.js" defer></script>
<script src="/hp/hosted.js" defer></script>
</head>
<body>
<header class="hp-header">
  <span class="hp-logo" aria-hidden="true">{initial}</span>
  <h1>{merchant}</h1>
  {back_link}
</header>
<main class="hp-main">
  <div id="checkout" data-session-id="{session}" data-return-url="{back}" data-returning="{returning}"></div>
  <p id="hp-status" role="status"></p>
</main>
<footer class="hp-footer">Secure checkout by PayKKa (sandbox)</footer>
</body>
</html>"#,
        merchant = escape(merchant),
        initial = escape(&initial),
        session = escape(&s.session_id),
        back = escape(&back),
        lang = escape(&words.lang),
        dir = if words.rtl { "rtl" } else { "ltr" },
        returning = escape(&words.returning),
        back_link = if back.is_empty() {
            String::new()
        } else {
            format!(
                r#"<a class="hp-back" href="{}">{}</a>"#,
                escape(&back),
                escape(&words.back)
            )
        },
    )
}

const HOSTED_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

fn hosted_headers(h: &mut HeaderMap) {
    security_headers(h, HOSTED_CSP);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

const HOSTED_JS: &str = r#"// The hosted page: the Drop-in for this session, then back to the merchant.
(async function () {
  const target = document.getElementById('checkout');
  const status = document.getElementById('hp-status');
  const back = target.dataset.returnUrl;
  const leave = (payment) => {
    if (!back) return;
    const url = new URL(back);
    url.searchParams.set('session_id', target.dataset.sessionId);
    status.textContent = target.dataset.returning;
    setTimeout(() => location.assign(url.href), 1500);
  };
  try {
    const checkout = await PaykkaCheckout.create({
      sessionId: target.dataset.sessionId,
      backendUrl: '/hp',
      returnUrl: location.origin + location.pathname,
      holderName: 'required',
      onPaymentCompleted: leave,
    });
    checkout.mount(target);
  } catch (e) {
    status.textContent = e.message;
  }
})();
"#;

const HOSTED_CSS: &str = r#"* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, sans-serif; color: #1f2937; background: #f3f4f6; }
.hp-header { display: flex; align-items: center; gap: 0.75rem; padding: 1rem 1.5rem; background: #fff; border-block-end: 1px solid #e5e7eb; flex-wrap: wrap; }
.hp-header h1 { margin: 0; font-size: 1.2rem; flex: 1; }
.hp-logo { display: grid; place-items: center; inline-size: 2.2rem; block-size: 2.2rem; border-radius: 50%; color: #fff; background: #1d4ed8; font-weight: 700; }
.hp-back { color: #1d4ed8; }
.hp-main { max-inline-size: 32rem; margin: 2rem auto; padding: 0 1rem; }
#hp-status { font-weight: 600; }
.hp-footer { text-align: center; color: #4b5563; font-size: 0.85rem; padding: 1rem; }
"#;

pub(super) async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        HOSTED_JS,
    )
        .into_response()
}

pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        HOSTED_CSS,
    )
        .into_response()
}
